#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "core/field_cipher.h"
#include "core/store.h"
#include "storage/postgres/postgres_fields.h"

namespace samskab::storage::postgres {

class Connection;

// A store on a PostgreSQL server (or a PostgreSQL-compatible engine), with exactly the
// behaviour of the embedded SQLite store: the same schema versions, the same upserts by
// natural key, byte-identical exports, the same dataset for reports. One PostgresStore is one
// connection; it is not to be shared between threads.
class PostgresStore final : public core::Store {
public:
    // Tables that receive at least this many rows in one import are loaded in bulk: their
    // foreign keys are dropped and re-created inside the import's transaction, so that
    // PostgreSQL checks them with one join instead of one lookup per row (measured on the
    // 50,000-person bundle: participations alone took 31 s with per-row checks, 12 s without,
    // and checking the constraint afterwards 0.4 s). While that runs, readers of those tables
    // wait for the import to commit.
    static constexpr std::size_t BULK_ROWS = 20000;

    // Connects to `url` (`postgresql://` or `postgres://`, as libpq reads it), applies
    // pending migrations and prepares encryption at rest with `cipher` (not null; see
    // storage/postgres/postgres_fields.h): Conflict when the database is sealed under another
    // key; values still in plaintext are sealed. Storage when the server cannot be reached or
    // fails, with a message that names the server and never the password; Conflict when the
    // database has a schema newer than this program.
    static core::Result<std::unique_ptr<PostgresStore>> open(
        const std::string& url, std::shared_ptr<const core::FieldCipher> cipher);
    ~PostgresStore() override;

    core::Result<bool> contains(core::Collection collection, std::string_view id) override;
    core::Result<core::ImportSummary> import_bundle(const core::Bundle& bundle) override;
    core::Result<core::Bundle> export_bundle() override;
    core::Result<core::Dataset> load_dataset() override;

    // The server as messages name it: the URL without its password.
    const std::string& server() const;

    // For tests, which load small bundles the bulk way by lowering the threshold.
    void set_bulk_rows(std::size_t rows) { m_bulk_rows = rows; }

private:
    PostgresStore(std::unique_ptr<Connection> connection, SealedFields fields);
    std::unique_ptr<Connection> m_connection;
    SealedFields m_fields;
    std::size_t m_bulk_rows = BULK_ROWS;
};

// The key of encryption at rest of the database at `url`, for the command line's key files
// (cli/key_files.h): the id of the key it is sealed under, nullopt when it is new (no schema
// yet, or never opened with a key). Storage when the server cannot be reached.
core::Result<std::optional<std::string>> recorded_key(const std::string& url);

// `samskab rotate-key` on PostgreSQL: brings the schema up to date, then re-seals every sealed
// value of the database at `url` from `old` to `next` in one transaction (postgres_fields.h:
// reseal_fields). Conflict when the database is not sealed under `old`.
core::Result<void> reseal_database(const std::string& url, const core::FieldCipher& old,
                                   const core::FieldCipher& next);

}  // namespace samskab::storage::postgres
