#pragma once

#include <array>
#include <memory>
#include <string>

#include "core/field_cipher.h"
#include "core/store.h"
#include "storage/sqlite/sqlite_database.h"
#include "storage/sqlite/sqlite_pool.h"

namespace samskab::storage::sqlite {

// The embedded store: one SQLite file holds everything. Opening brings the schema up to date.
// One SqliteStore is one connection; it is not to be shared between threads.
class SqliteStore final : public core::Store {
public:
    // Opens or creates the database at `path` and applies pending migrations; the sensitive
    // fields are sealed with `cipher` (storage/sqlite/sqlite_fields.h: an unencrypted database
    // is sealed on this open; null only for unencrypted databases). Storage when the file
    // cannot be opened; Conflict when it is newer than this program, or sealed under another
    // key than `cipher`'s (or any key, without a cipher).
    static core::Result<std::unique_ptr<SqliteStore>> open(
        const std::string& path, std::shared_ptr<const core::FieldCipher> cipher = nullptr);

    core::Result<bool> contains(core::Collection collection, std::string_view id) override;
    core::Result<core::ImportSummary> import_bundle(const core::Bundle& bundle) override;
    core::Result<core::Bundle> export_bundle() override;
    core::Result<core::Dataset> load_dataset() override;

    Database& database() { return *m_db; }

private:
    explicit SqliteStore(std::unique_ptr<Database> db)
        : m_connection(std::make_unique<Connection>(std::move(db))), m_db(&m_connection->db()) {}
    // A Connection, so that the logbook and interview stores' functions for a connection
    // (SqliteLogbookStore::import_template, ...) run inside this store's import transaction.
    std::unique_ptr<Connection> m_connection;
    Database* m_db;
    // Prepared once: validation of a partial bundle may ask for every one of its references.
    std::array<std::unique_ptr<Statement>, 8> m_contains;
};

}  // namespace samskab::storage::sqlite
