#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/field_cipher.h"
#include "core/messages.h"
#include "core/name_fold.h"
#include "core/result.h"
#include "storage/sqlite/sqlite_database.h"

namespace samskab::storage::sqlite {

// One connection of a pool with the statements prepared on it. Statements are prepared on
// first use and kept for the life of the connection: preparing costs more than running the
// small queries of a web request.
class Connection {
public:
    explicit Connection(std::unique_ptr<Database> db) : m_db(std::move(db)) {}

    Database& db() { return *m_db; }

    // The statement for `sql`, reset and without bindings. Reset it (or let a Query do so)
    // before the connection is handed back.
    Statement& statement(std::string_view sql);

    // Inside ConnectionPool::read: the pool's generation (see there) that the data read in this
    // call is at least as new as, or nullopt when the data may already be newer than any
    // generation handed out (a change by another program was just noticed). A cache may keep
    // what it reads under this generation.
    std::optional<std::uint64_t> generation() const { return m_generation; }

private:
    friend class ConnectionPool;

    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view text) const {
            return std::hash<std::string_view>{}(text);
        }
    };
    std::unique_ptr<Database> m_db;
    std::unordered_map<std::string, std::unique_ptr<Statement>, Hash, std::equal_to<>> m_statements;
    std::int64_t m_data_version = -1;
    std::optional<std::uint64_t> m_generation;
};

// A cached statement in use: bind, step, read; reset when it goes out of scope, so that no
// statement of a pooled connection stays half-read.
class Query {
public:
    Query(Connection& connection, std::string_view sql) : m_statement(connection.statement(sql)) {}
    ~Query() { m_statement.reset(); }
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;

    template <class T>
    Query& bind(int index, const T& value) {
        m_statement.bind(index, value);
        return *this;
    }
    Query& bind_null(int index) {
        m_statement.bind_null(index);
        return *this;
    }
    core::Result<bool> step() { return m_statement.step(); }
    // Steps through every row, calling `read()` on each (it reads the columns of this Query);
    // the first error stops it and is returned.
    template <class Read>
    core::Result<void> for_each_row(Read&& read) {
        while (true) {
            auto row = step();
            if (!row) {
                return tl::unexpected(row.error());
            }
            if (!*row) {
                return {};
            }
            read();
        }
    }
    // Runs to the end; for statements whose rows are not wanted.
    core::Result<void> run() { return m_statement.run(); }

    std::int64_t integer(int column) const { return m_statement.column_int(column); }
    double real(int column) const { return m_statement.column_double(column); }
    std::string text(int column) const { return std::string(m_statement.column_text(column)); }
    bool is_null(int column) const { return m_statement.column_is_null(column); }

private:
    Statement& m_statement;
};

// A small pool of connections to one database file, for stores called from several threads.
// Each connection has samskab's settings (Database::open: WAL, synchronous=FULL, foreign keys,
// a busy timeout of 5 s for other programs' writers).
//
// Reads run on `size` reader connections in deferred transactions, each on its own snapshot,
// and never wait for a writer (WAL).
//
// Writes run on one writer connection with group commit: a write that arrives while another
// batch is being committed waits, and the writes that gathered meanwhile are then run one after
// another in one BEGIN IMMEDIATE transaction, each inside its own savepoint, and made durable by
// one COMMIT. With synchronous=FULL a commit costs an fsync (3.5 ms on the development machine),
// so committing one write at a time would cap a busy server at a few hundred writes a second
// and queue every check-in behind all the others; a batch costs one fsync. A write that fails
// is rolled back to its savepoint and changes nothing; the others of its batch are unaffected.
//
// Checkpoints (copying the WAL back into the database file, with an fsync of its own) run on a
// background thread instead of inside whichever commit crosses SQLite's threshold: measured, an
// automatic checkpoint in the commit path put 120 ms into the 99th percentile of check-ins.
class ConnectionPool {
public:
    // Opens `size` reader connections (at least one) and a writer connection, and brings the
    // schema up to date. Storage when the file cannot be opened; Conflict when the database is
    // newer than this program.
    // The sensitive fields are sealed with `cipher` (see SqliteStore::open; null only for
    // unencrypted databases).
    static core::Result<std::shared_ptr<ConnectionPool>> open(
        const std::string& path, int size,
        std::shared_ptr<const core::FieldCipher> cipher = nullptr);

    ConnectionPool(const ConnectionPool&) = delete;
    ConnectionPool& operator=(const ConnectionPool&) = delete;
    ~ConnectionPool();

    const std::string& path() const { return m_path; }
    int size() const { return m_size; }

    // Grows with every change to the database: each committed write of this pool, and each
    // change by another connection that a read notices (PRAGMA data_version). A cache entry
    // filled under one generation is stale once the generation has moved on.
    std::uint64_t generation() const { return m_generation.load(); }

    // Runs `work(Connection&)`, which returns a core::Result, as one durable write: committed
    // when it succeeds, undone when it fails (nothing of it is stored). An exception thrown by
    // `work` (a bug) undoes it as well and is rethrown here.
    template <class Work>
    auto write(Work&& work) -> std::invoke_result_t<Work, Connection&> {
        using R = std::invoke_result_t<Work, Connection&>;
        std::optional<R> result;
        WriteJob job;
        job.run = [&](Connection& c) {
            result.emplace(work(c));
            return static_cast<bool>(*result);
        };
        job.fail = [&](const core::Error& error) { result.emplace(tl::unexpected(error)); };
        submit(job);
        return std::move(*result);
    }

    // Runs `work(Connection&)` on one consistent snapshot of the database.
    template <class Work>
    auto read(Work&& work) -> std::invoke_result_t<Work, Connection&> {
        Lease lease(*this);
        SAMSKAB_TRY(begin_read(*lease));
        auto result = work(*lease);
        end_read(*lease);
        return result;
    }

private:
    ConnectionPool(std::string path, int size) : m_path(std::move(path)), m_size(size) {}

    // A connection taken from the pool for one call; waits while all are in use.
    class Lease {
    public:
        explicit Lease(ConnectionPool& pool);
        ~Lease();
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Connection* operator->() { return m_connection.get(); }
        Connection& operator*() { return *m_connection; }

    private:
        ConnectionPool& m_pool;
        std::unique_ptr<Connection> m_connection;
    };

    struct WriteJob {
        std::function<bool(Connection&)> run;          // false: failed, to be undone
        std::function<void(const core::Error&)> fail;  // the batch could not be committed
        std::exception_ptr exception;
        bool done = false;
    };

    core::Result<void> begin_read(Connection& connection);
    void end_read(Connection& connection);
    // Queues `job` and returns when it is committed or undone; one waiting writer at a time
    // commits everything queued.
    void submit(WriteJob& job);
    void commit_batch(const std::vector<WriteJob*>& batch);
    // The writer's WAL hook: asks for a checkpoint once the log has grown enough.
    static int on_wal_commit(void* pool, struct sqlite3* db, const char* name, int pages);
    void checkpoint_loop();

    std::string m_path;
    int m_size;
    std::atomic<std::uint64_t> m_generation{0};

    std::mutex m_mutex;
    std::condition_variable m_returned;
    std::vector<std::unique_ptr<Connection>> m_idle;

    std::mutex m_write_mutex;
    std::condition_variable m_written;
    std::vector<WriteJob*> m_pending;
    bool m_committing = false;
    std::unique_ptr<Connection> m_writer;

    std::unique_ptr<Database> m_checkpointer;
    std::mutex m_checkpoint_mutex;
    std::condition_variable m_checkpoint_wanted;
    bool m_checkpoint_due = false;
    bool m_stopping = false;
    std::thread m_checkpoint_thread;
};

// --- helpers shared by the stores

// The tables whose records have a bundle id and an integer key.
enum class Keyed { Partnerships, Places, People, Activities, Occurrences };

// The integer key of the record with bundle id `id`, or nullopt.
core::Result<std::optional<std::int64_t>> key_of(Connection& connection, Keyed table,
                                                 std::string_view id);

// Like key_of, but an unknown id is NotFound with `field` and a Danish message naming it.
core::Result<std::int64_t> require_key(Connection& connection, Keyed table, std::string_view id,
                                       std::string_view field);

// A new bundle id "<prefix>-<12 hex digits>" not yet used in `table`.
core::Result<std::string> new_id(Connection& connection, Keyed table, std::string_view prefix);

// Whether an account with key `account` exists.
core::Result<bool> account_exists(Connection& connection, std::int64_t account);

// The error of an unknown id: NotFound, naming `field`, message in Danish (the web layer
// translates by code and field).
core::Error unknown(core::Msg noun, std::string_view id, std::string_view field);

// The same for records the core catalogue has no noun for (an account, a participation): the
// Danish noun is given.
core::Error unknown_da(std::string_view noun, std::string_view id, std::string_view field);

// Error with code and field and the catalogue's Danish text.
core::Error error_da(core::ErrorCode code, core::Msg id, std::string_view field,
                     std::initializer_list<std::string_view> args = {});

// Whether a name, title or text is empty or only white space (refused as Invalid).
bool is_blank(std::string_view text);

// Name folding for case-insensitive search (core/name_fold.h). SQLite's own lower() changes
// ASCII only; every pooled connection has fold_name as the SQL function samskab_fold(text).
using core::fold_name;

// Dates and times as the schema spells them (TEXT, bytewise ordered).
std::string date_text(core::Day day);
std::string time_text(core::LocalTime time);
core::Day date_of_text(std::string_view text);
core::LocalTime time_of_text(std::string_view text);

}  // namespace samskab::storage::sqlite

// Assigns the value of a Result expression to `target`, or returns its error.
#define SAMSKAB_TRY_SET(target, expression)                \
    do {                                                   \
        auto samskab_value_ = (expression);                \
        if (!samskab_value_) {                             \
            return tl::unexpected(samskab_value_.error()); \
        }                                                  \
        target = std::move(*samskab_value_);               \
    } while (false)
