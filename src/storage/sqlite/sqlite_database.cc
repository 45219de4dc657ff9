#include "storage/sqlite/sqlite_database.h"

#include <stdexcept>

#include <sqlite3.h>

namespace samskab::storage::sqlite {

using core::ErrorCode;

Statement::Statement(sqlite3* db, std::string_view sql) : m_db(db) {
    if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &m_stmt, nullptr) != SQLITE_OK) {
        throw std::logic_error(std::string("SQL does not prepare: ") + sqlite3_errmsg(db) +
                               " in: " + std::string(sql));
    }
}

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& other) noexcept : m_db(other.m_db), m_stmt(other.m_stmt) {
    other.m_stmt = nullptr;
}

Statement& Statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind_null(int index) {
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

core::Result<bool> Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    std::string message = sqlite3_errmsg(m_db);
    sqlite3_reset(m_stmt);
    return core::fail(ErrorCode::Storage, "database: " + message);
}

core::Result<void> Statement::run() {
    while (true) {
        auto more = step();
        if (!more) {
            return tl::unexpected(more.error());
        }
        if (!*more) {
            break;
        }
    }
    reset();
    return {};
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::int64_t Statement::column_int(int index) const {
    return sqlite3_column_int64(m_stmt, index);
}

double Statement::column_double(int index) const {
    return sqlite3_column_double(m_stmt, index);
}

std::string_view Statement::column_text(int index) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, index));
    return text ? std::string_view(text, static_cast<size_t>(sqlite3_column_bytes(m_stmt, index)))
                : std::string_view();
}

bool Statement::column_is_null(int index) const {
    return sqlite3_column_type(m_stmt, index) == SQLITE_NULL;
}

core::Result<std::unique_ptr<Database>> Database::open(const std::string& path) {
    sqlite3* handle = nullptr;
    const int rc =
        sqlite3_open_v2(path.c_str(), &handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc);
        sqlite3_close(handle);
        return core::fail(ErrorCode::Storage, path + ": " + message);
    }
    std::unique_ptr<Database> db(new Database(handle, path));
    sqlite3_busy_timeout(handle, 5000);
    // A 64 MB page cache keeps a large import's indexes in memory. Reads go through a memory
    // map instead of copies into that cache: loading a million participations for a report
    // took half the time it did with read() calls.
    SAMSKAB_TRY(
        db->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
                 "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;"));
    SAMSKAB_TRY(db->exec(MMAP_ON));
    // Deleted and overwritten values are zeroed in the file: an erased or anonymised person's
    // name and the text it was taken out of must not linger in free space (docs/privacy.md).
    SAMSKAB_TRY(db->exec("PRAGMA secure_delete=ON;"));
    return db;
}

Database::~Database() {
    sqlite3_close_v2(m_db);
}

core::Result<void> Database::exec(std::string_view sql) {
    char* message = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        core::Error error{ErrorCode::Storage, m_path + ": " + (message ? message : "?"), {}};
        sqlite3_free(message);
        return tl::unexpected(std::move(error));
    }
    return {};
}

std::int64_t Database::changes() const {
    return sqlite3_changes64(m_db);
}

core::Error Database::error(std::string_view what) const {
    return {
        ErrorCode::Storage, m_path + ": " + std::string(what) + ": " + sqlite3_errmsg(m_db), {}};
}

core::Result<Transaction> Transaction::begin(Database& db) {
    SAMSKAB_TRY(db.exec("BEGIN IMMEDIATE"));
    return Transaction(db);
}

Transaction::~Transaction() {
    if (m_db) {
        (void)m_db->exec("ROLLBACK");
    }
}

core::Result<void> Transaction::commit() {
    Database* db = m_db;
    SAMSKAB_TRY(db->exec("COMMIT"));
    m_db = nullptr;
    return {};
}

}  // namespace samskab::storage::sqlite
