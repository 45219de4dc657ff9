#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "core/store.h"

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

    // Connects to `url` (`postgresql://` or `postgres://`, as libpq reads it) and applies
    // pending migrations. Storage when the server cannot be reached or fails, with a message
    // that names the server and never the password; Conflict when the database has a schema
    // newer than this program.
    static core::Result<std::unique_ptr<PostgresStore>> open(const std::string& url);
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
    explicit PostgresStore(std::unique_ptr<Connection> connection);
    std::unique_ptr<Connection> m_connection;
    std::size_t m_bulk_rows = BULK_ROWS;
};

}  // namespace samskab::storage::postgres
