#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace samskab::storage::sqlite {

// A prepared statement. Parameters are numbered from 1, columns from 0, as in SQLite.
// The SQL of samskab is fixed text, so a statement that fails to prepare is a bug (thrown);
// failures while stepping (a full disk, a violated constraint) are returned.
class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind_null(int index);
    template <class T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind_null(index);
    }

    // Advances: true while a row is available, false when done; errors become Storage.
    core::Result<bool> step();
    // Runs a statement that returns no rows (or ignores them), then resets it.
    core::Result<void> run();
    // Makes the statement ready for new bindings.
    void reset();

    std::int64_t column_int(int index) const;
    double column_double(int index) const;
    std::string_view column_text(int index) const;  // valid until the next step
    bool column_is_null(int index) const;

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

// Reads are memory-mapped up to this size (see Database::open); a bulk write turns the map off
// for its own duration because, measured, it slows transactions that outgrow the page cache.
inline constexpr std::string_view MMAP_ON = "PRAGMA mmap_size = 1073741824";
inline constexpr std::string_view MMAP_OFF = "PRAGMA mmap_size = 0";

// An open SQLite connection with samskab's settings: WAL, synchronous=FULL (an acknowledged
// write survives a power cut), foreign keys on, a busy timeout for concurrent writers.
class Database {
public:
    // Opens (creating if needed) the database file at `path`. Storage error when it cannot.
    static core::Result<std::unique_ptr<Database>> open(const std::string& path);
    ~Database();

    core::Result<void> exec(std::string_view sql);
    Statement prepare(std::string_view sql) { return Statement(m_db, sql); }
    std::int64_t changes() const;
    sqlite3* handle() { return m_db; }
    const std::string& path() const { return m_path; }

    // An error of this connection as a Storage error naming the database file.
    core::Error error(std::string_view what) const;

private:
    Database(sqlite3* db, std::string path) : m_db(db), m_path(std::move(path)) {}
    sqlite3* m_db;
    std::string m_path;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless `commit` succeeded. Immediate,
// so that two writers queue for the lock at the start instead of failing half-way.
class Transaction {
public:
    static core::Result<Transaction> begin(Database& db);
    Transaction(Transaction&& other) noexcept : m_db(other.m_db) { other.m_db = nullptr; }
    ~Transaction();
    core::Result<void> commit();

private:
    explicit Transaction(Database& db) : m_db(&db) {}
    Database* m_db;
};

}  // namespace samskab::storage::sqlite

// Returns the error of a failed Result<void> expression from the enclosing function.
#define SAMSKAB_TRY(expression)                                 \
    do {                                                        \
        auto samskab_try_result_ = (expression);                \
        if (!samskab_try_result_) {                             \
            return tl::unexpected(samskab_try_result_.error()); \
        }                                                       \
    } while (false)
