#include "storage/sqlite/sqlite_backup.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <random>
#include <system_error>
#include <thread>
#include <vector>

#include <sqlite3.h>

#include "storage/sqlite/sqlite_database.h"
#include "storage/sqlite/sqlite_migrations.h"

namespace samskab::storage::sqlite {

namespace {

namespace fs = std::filesystem;
using core::ErrorCode;
using core::Msg;

// Pages per backup step: the source's read transaction stays open between steps, so the size
// only bounds how long one call runs, not whether writers wait.
constexpr int PAGES_PER_STEP = 1024;
// How long a restore waits for the live database's writer lock before giving up.
constexpr auto BUSY_LIMIT = std::chrono::seconds(30);

// A raw connection, closed on scope exit. The backup works below Database, which always creates
// the file and switches it to WAL: a source must not be created, and a backup target is made
// single-file.
class Handle {
public:
    Handle() = default;
    ~Handle() { sqlite3_close_v2(m_db); }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;

    // Storage error naming `path` when SQLite cannot open it.
    core::Result<void> open(const std::string& path, int flags) {
        const int rc = sqlite3_open_v2(path.c_str(), &m_db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
        if (rc != SQLITE_OK) {
            std::string message = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
            sqlite3_close_v2(m_db);
            m_db = nullptr;
            return core::fail(ErrorCode::Storage, path + ": " + message);
        }
        sqlite3_busy_timeout(m_db, 5000);
        return {};
    }
    sqlite3* get() const { return m_db; }

private:
    sqlite3* m_db = nullptr;
};

core::Error storage_error(sqlite3* db, const std::string& path) {
    return {ErrorCode::Storage, path + ": " + sqlite3_errmsg(db), {}};
}

core::Result<void> exec(sqlite3* db, const std::string& path, const char* sql) {
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
        return tl::unexpected(storage_error(db, path));
    }
    return {};
}

// The rows of a one-column query, as text. nullopt when it fails (the caller reads errmsg).
std::optional<std::vector<std::string>> rows_of(sqlite3* db, const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
        return std::nullopt;
    }
    std::vector<std::string> rows;
    int rc = 0;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        rows.emplace_back(text ? text : "");
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) {
        return std::nullopt;
    }
    return rows;
}

std::int64_t integer_of(sqlite3* db, const char* sql) {
    auto rows = rows_of(db, sql);
    return rows && !rows->empty() ? std::stoll(rows->front().empty() ? "0" : rows->front()) : 0;
}

// Whether SQLite can read the file and it has samskab's schema table; quick, unlike verify.
core::Result<void> recognise(sqlite3* db, const std::string& label, core::Lang lang) {
    auto tables = rows_of(db,
                          "SELECT name FROM sqlite_schema WHERE type = 'table' "
                          "AND name = 'schema_migrations'");
    if (!tables) {
        return core::fail(ErrorCode::Invalid,
                          core::message(lang, Msg::BackupNotSamskab, {label, sqlite3_errmsg(db)}),
                          "FILE");
    }
    if (tables->empty()) {
        return core::fail(
            ErrorCode::Invalid,
            core::message(lang, Msg::BackupNotSamskab, {label, "no table schema_migrations"}),
            "FILE");
    }
    return {};
}

// The checks of check_database on an open connection; `label` names the file in messages.
core::Result<DatabaseFacts> verify(sqlite3* db, const std::string& label, core::Lang lang) {
    SAMSKAB_TRY(recognise(db, label, lang));
    auto findings = rows_of(db, "PRAGMA integrity_check(10)");
    if (!findings) {
        return core::fail(ErrorCode::Invalid,
                          core::message(lang, Msg::BackupDamaged, {label, sqlite3_errmsg(db)}),
                          "FILE");
    }
    if (findings->size() != 1 || findings->front() != "ok") {
        std::string said;
        for (const std::string& finding : *findings) {
            said += (said.empty() ? "" : "; ") + finding;
        }
        return core::fail(ErrorCode::Invalid,
                          core::message(lang, Msg::BackupDamaged, {label, said}), "FILE");
    }
    DatabaseFacts facts;
    facts.schema_version =
        static_cast<int>(integer_of(db, "SELECT coalesce(max(version), 0) FROM schema_migrations"));
    facts.bytes = integer_of(db, "PRAGMA page_count") * integer_of(db, "PRAGMA page_size");
    // Older schemas have no such table; their fields are not sealed.
    if (auto keys = rows_of(db, "SELECT key_id FROM field_encryption"); keys && !keys->empty()) {
        facts.key_id = keys->front();
    }
    if (facts.schema_version > latest_version()) {
        return core::fail(ErrorCode::Conflict,
                          core::message(lang, Msg::BackupTooNew,
                                        {label, std::to_string(facts.schema_version),
                                         std::to_string(latest_version())}),
                          "FILE");
    }
    return facts;
}

bool same_file(const std::string& a, const std::string& b) {
    std::error_code error;
    return fs::equivalent(a, b, error) && !error;
}

// A fresh name in the folder of `beside`, starting with a dot so that listings hide it.
std::string temporary_beside(const std::string& beside) {
    const fs::path path(beside);
    std::random_device device;
    char suffix[32];
    std::snprintf(suffix, sizeof suffix, ".tmp-%d-%08x", static_cast<int>(getpid()), device());
    return (path.parent_path() / ("." + path.filename().string() + suffix)).string();
}

void remove_with_companions(const std::string& path) {
    for (const char* end : {"", "-journal", "-wal", "-shm"}) {
        std::error_code ignored;
        fs::remove(path + end, ignored);
    }
}

// Removes a temporary file (and what SQLite kept beside it) unless released.
class TemporaryFile {
public:
    explicit TemporaryFile(std::string path) : m_path(std::move(path)) {}
    ~TemporaryFile() {
        if (!m_released) {
            remove_with_companions(m_path);
        }
    }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    const std::string& path() const { return m_path; }
    void release() { m_released = true; }

private:
    std::string m_path;
    bool m_released = false;
};

core::Result<void> fsync_path(const std::string& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) {
        return core::fail(ErrorCode::Storage, path + ": " + std::strerror(errno));
    }
    const int rc = ::fsync(fd);
    const int saved = errno;
    ::close(fd);
    if (rc != 0) {
        return core::fail(ErrorCode::Storage, path + ": fsync: " + std::strerror(saved));
    }
    return {};
}

// Copies all of `source` into `target` with the backup API, in steps of `pages` (-1: in one
// step, one write transaction on `target`). Waits while either side is locked, up to
// BUSY_LIMIT.
core::Result<void> copy_pages(sqlite3* source, sqlite3* target, const std::string& target_path,
                              int pages, core::Lang lang) {
    sqlite3_backup* backup = sqlite3_backup_init(target, "main", source, "main");
    if (backup == nullptr) {
        return tl::unexpected(storage_error(target, target_path));
    }
    const auto deadline = std::chrono::steady_clock::now() + BUSY_LIMIT;
    int rc = SQLITE_OK;
    while (true) {
        rc = sqlite3_backup_step(backup, pages);
        if (rc == SQLITE_DONE) {
            break;
        }
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            if (std::chrono::steady_clock::now() > deadline) {
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            continue;
        }
        if (rc != SQLITE_OK) {
            break;
        }
    }
    sqlite3_backup_finish(backup);
    if (rc == SQLITE_DONE) {
        return {};
    }
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
        return core::fail(ErrorCode::Storage,
                          core::message(lang, Msg::BackupBusy,
                                        {target_path, std::to_string(BUSY_LIMIT.count())}));
    }
    return core::fail(ErrorCode::Storage, target_path + ": " + sqlite3_errstr(rc));
}

// Opens the file a user named as FILE: one that cannot be opened (missing, unreadable) is the
// user's mistake (Invalid), not a failure of the storage.
core::Result<void> open_given(Handle& handle, const std::string& path, int flags, core::Lang lang) {
    auto opened = handle.open(path, flags);
    if (!opened) {
        const std::string reason = opened.error().message.substr(path.size() + 2);
        return core::fail(ErrorCode::Invalid,
                          core::message(lang, Msg::BackupNotSamskab, {path, reason}), "FILE");
    }
    return {};
}

}  // namespace

core::Result<DatabaseFacts> check_database(const std::string& path, core::Lang lang) {
    Handle db;
    // Read-write (never created) so that a WAL left by a crash can be recovered; read-only for
    // a file that may not be written, such as a backup on a read-only medium.
    if (auto opened = db.open(path, SQLITE_OPEN_READWRITE); !opened) {
        Handle read_only;
        SAMSKAB_TRY(open_given(read_only, path, SQLITE_OPEN_READONLY, lang));
        return verify(read_only.get(), path, lang);
    }
    return verify(db.get(), path, lang);
}

core::Result<DatabaseFacts> backup_database(const std::string& database, const std::string& target,
                                            core::Lang lang) {
    if (same_file(database, target)) {
        return core::fail(ErrorCode::Usage, core::message(lang, Msg::BackupSameFile), "FILE");
    }
    // The finished copy is renamed over the target: over a device or a pipe (/dev/null, say)
    // that would replace the device itself.
    std::error_code status_error;
    const fs::file_status status = fs::status(target, status_error);
    if (fs::exists(status) && !fs::is_regular_file(status)) {
        return core::fail(ErrorCode::Usage, core::message(lang, Msg::BackupNotAFile, {target}),
                          "FILE");
    }
    Handle source;
    SAMSKAB_TRY(source.open(database, SQLITE_OPEN_READWRITE));
    // One snapshot for the whole copy: without it, every commit of the server between two steps
    // would start the copy over.
    SAMSKAB_TRY(exec(source.get(), database, "BEGIN"));
    if (!rows_of(source.get(), "SELECT count(*) FROM sqlite_schema")) {
        return core::fail(
            ErrorCode::Invalid,
            core::message(lang, Msg::BackupNotSamskab, {database, sqlite3_errmsg(source.get())}),
            "--db");
    }

    TemporaryFile temporary(temporary_beside(target));
    {
        Handle copy;
        SAMSKAB_TRY(copy.open(temporary.path(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
        SAMSKAB_TRY(copy_pages(source.get(), copy.get(), temporary.path(), PAGES_PER_STEP, lang));
        (void)exec(source.get(), database, "COMMIT");
        // The copy says "WAL" like its source; a backup is one self-contained file.
        SAMSKAB_TRY(exec(copy.get(), temporary.path(), "PRAGMA journal_mode = DELETE"));
        auto facts = verify(copy.get(), database, lang);
        if (!facts) {
            return tl::unexpected(facts.error());
        }
    }
    SAMSKAB_TRY(fsync_path(temporary.path(), O_RDONLY));
    std::error_code error;
    fs::rename(temporary.path(), target, error);
    if (error) {
        return core::fail(ErrorCode::Storage, target + ": " + error.message());
    }
    temporary.release();
    const fs::path folder = fs::path(target).parent_path();
    SAMSKAB_TRY(fsync_path(folder.empty() ? "." : folder.string(), O_RDONLY | O_DIRECTORY));
    return check_database(target, lang);
}

core::Result<DatabaseFacts> restore_database(const std::string& backup, const std::string& database,
                                             const std::optional<std::string>& key_id,
                                             core::Lang lang) {
    if (same_file(backup, database)) {
        return core::fail(ErrorCode::Usage, core::message(lang, Msg::BackupSameFile), "FILE");
    }
    TemporaryFile temporary(temporary_beside(database));
    {
        Handle source;
        SAMSKAB_TRY(open_given(source, backup, SQLITE_OPEN_READONLY, lang));
        // A file that is not samskab's is refused before anything is copied.
        SAMSKAB_TRY(recognise(source.get(), backup, lang));
        Handle copy;
        SAMSKAB_TRY(copy.open(temporary.path(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
        SAMSKAB_TRY(copy_pages(source.get(), copy.get(), temporary.path(), -1, lang));
        // The copy, not the file that might change meanwhile, is checked: it is what gets
        // restored.
        auto copied = verify(copy.get(), backup, lang);
        if (!copied) {
            return tl::unexpected(copied.error());
        }
        // Restored under another key, the database would not open again; nothing is touched.
        if (copied->key_id && copied->key_id != key_id) {
            return core::fail(ErrorCode::Conflict,
                              core::message(lang, Msg::BackupOtherKey,
                                            {backup, *copied->key_id, key_id.value_or("-")}),
                              "FILE");
        }
    }
    auto prepared = Database::open(temporary.path());
    if (!prepared) {
        return tl::unexpected(prepared.error());
    }
    SAMSKAB_TRY(migrate(**prepared, latest_version()));

    auto live = Database::open(database);
    if (!live) {
        return tl::unexpected(live.error());
    }
    auto live_version = schema_version(**live);
    if (!live_version) {
        return tl::unexpected(live_version.error());
    }
    if (*live_version > latest_version()) {
        return core::fail(ErrorCode::Conflict,
                          core::message(lang, Msg::BackupTooNew,
                                        {database, std::to_string(*live_version),
                                         std::to_string(latest_version())}),
                          "--db");
    }
    const std::int64_t backup_page = integer_of((*prepared)->handle(), "PRAGMA page_size");
    const std::int64_t live_page = integer_of((*live)->handle(), "PRAGMA page_size");
    if (backup_page != live_page) {
        return core::fail(
            ErrorCode::Conflict,
            core::message(lang, Msg::BackupPageSize,
                          {backup, std::to_string(backup_page), std::to_string(live_page)}),
            "FILE");
    }
    SAMSKAB_TRY(copy_pages((*prepared)->handle(), (*live)->handle(), database, -1, lang));
    DatabaseFacts facts;
    facts.schema_version = latest_version();
    facts.bytes = integer_of((*live)->handle(), "PRAGMA page_count") * live_page;
    return facts;
}

}  // namespace samskab::storage::sqlite
