#include "storage/sqlite/sqlite_pool.h"

#include <algorithm>
#include <cstdio>

#include <sqlite3.h>

#include "core/date.h"
#include "storage/sqlite/sqlite_fields.h"
#include "storage/sqlite/sqlite_migrations.h"

namespace samskab::storage::sqlite {

Statement& Connection::statement(std::string_view sql) {
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        it =
            m_statements.emplace(std::string(sql), std::make_unique<Statement>(m_db->handle(), sql))
                .first;
    }
    return *it->second;
}

namespace {

void sql_fold(sqlite3_context* context, int, sqlite3_value** arguments) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(arguments[0]));
    if (!text) {
        sqlite3_result_null(context);
        return;
    }
    const std::string folded =
        fold_name(std::string_view(text, static_cast<size_t>(sqlite3_value_bytes(arguments[0]))));
    sqlite3_result_text(context, folded.data(), static_cast<int>(folded.size()), SQLITE_TRANSIENT);
}

}  // namespace

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

core::Result<std::shared_ptr<ConnectionPool>> ConnectionPool::open(
    const std::string& path, int size, std::shared_ptr<const core::FieldCipher> cipher) {
    size = std::max(size, 1);
    std::shared_ptr<ConnectionPool> pool(new ConnectionPool(path, size));
    for (int i = 0; i <= size; ++i) {
        auto db = Database::open(path);
        if (!db) {
            return tl::unexpected(db.error());
        }
        if (i == 0) {
            SAMSKAB_TRY(migrate(**db, latest_version()));
            SAMSKAB_TRY(prepare_fields(**db, cipher));
        } else {
            SAMSKAB_TRY(install_field_functions(**db, {cipher, cipher}));
        }
        if (sqlite3_create_function_v2((*db)->handle(), "samskab_fold", 1,
                                       SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                       nullptr, sql_fold, nullptr, nullptr, nullptr) != SQLITE_OK) {
            return tl::unexpected((*db)->error("samskab_fold"));
        }
        // No memory map for the server's connections: after any write, SQLite drops a reader's
        // whole map on its next transaction, and re-mapping and faulting the pages back in cost
        // a third of a check-in's CPU time (profiled under the web bench's check-in load).
        // Reads of small page sets through the page cache are cheaper here.
        SAMSKAB_TRY((*db)->exec(MMAP_OFF));
        auto connection = std::make_unique<Connection>(std::move(*db));
        if (i == 0) {
            // Replaces SQLite's automatic checkpoint on this connection (see checkpoint_loop).
            sqlite3_wal_hook(connection->db().handle(), &ConnectionPool::on_wal_commit, pool.get());
            pool->m_writer = std::move(connection);
            continue;
        }
        // The baseline against which a read notices changes made by anyone else.
        Query version(*connection, "PRAGMA data_version");
        auto row = version.step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        connection->m_data_version = version.integer(0);
        pool->m_idle.push_back(std::move(connection));
    }
    auto checkpointer = Database::open(path);
    if (!checkpointer) {
        return tl::unexpected(checkpointer.error());
    }
    pool->m_checkpointer = std::move(*checkpointer);
    pool->m_checkpoint_thread = std::thread([raw = pool.get()] { raw->checkpoint_loop(); });
    return pool;
}

ConnectionPool::~ConnectionPool() {
    {
        std::lock_guard lock(m_checkpoint_mutex);
        m_stopping = true;
    }
    m_checkpoint_wanted.notify_one();
    if (m_checkpoint_thread.joinable()) {
        m_checkpoint_thread.join();
    }
}

int ConnectionPool::on_wal_commit(void* pool, sqlite3*, const char*, int pages) {
    // SQLite's own threshold for its automatic checkpoint.
    constexpr int CHECKPOINT_PAGES = 1000;
    if (pages >= CHECKPOINT_PAGES) {
        auto* self = static_cast<ConnectionPool*>(pool);
        {
            std::lock_guard lock(self->m_checkpoint_mutex);
            self->m_checkpoint_due = true;
        }
        self->m_checkpoint_wanted.notify_one();
    }
    return SQLITE_OK;
}

void ConnectionPool::checkpoint_loop() {
    std::unique_lock lock(m_checkpoint_mutex);
    while (true) {
        m_checkpoint_wanted.wait(lock, [&] { return m_checkpoint_due || m_stopping; });
        if (m_stopping) {
            return;
        }
        m_checkpoint_due = false;
        lock.unlock();
        // PASSIVE: copies what no reader still needs, and never makes the writer or a reader
        // wait. What it cannot copy now, the next one will; a failure is retried then too.
        (void)sqlite3_wal_checkpoint_v2(m_checkpointer->handle(), nullptr,
                                        SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        lock.lock();
    }
}

ConnectionPool::Lease::Lease(ConnectionPool& pool) : m_pool(pool) {
    std::unique_lock lock(pool.m_mutex);
    pool.m_returned.wait(lock, [&] { return !pool.m_idle.empty(); });
    m_connection = std::move(pool.m_idle.back());
    pool.m_idle.pop_back();
}

ConnectionPool::Lease::~Lease() {
    {
        std::lock_guard lock(m_pool.m_mutex);
        m_pool.m_idle.push_back(std::move(m_connection));
    }
    m_pool.m_returned.notify_one();
}

core::Result<void> ConnectionPool::begin_read(Connection& connection) {
    // The generation is taken before the snapshot, so data read under it is never older than
    // it claims. A change this connection has not seen yet (by the writer, or by another
    // program) moves the generation on, and this read's data is not to be cached.
    const std::uint64_t generation = m_generation.load();
    {
        Query version(connection, "PRAGMA data_version");
        auto row = version.step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        const std::int64_t seen = version.integer(0);
        if (seen != connection.m_data_version) {
            connection.m_data_version = seen;
            ++m_generation;
            connection.m_generation.reset();
        } else {
            connection.m_generation = generation;
        }
    }
    return Query(connection, "BEGIN").run();
}

void ConnectionPool::end_read(Connection& connection) {
    connection.m_generation.reset();
    // A read-only transaction has nothing to keep; if it cannot end, it is rolled back so that
    // the connection goes back to the pool outside any transaction.
    if (!Query(connection, "COMMIT").run()) {
        (void)connection.db().exec("ROLLBACK");
    }
}

void ConnectionPool::submit(WriteJob& job) {
    std::unique_lock lock(m_write_mutex);
    m_pending.push_back(&job);
    m_written.wait(lock, [&] { return job.done || !m_committing; });
    if (!job.done) {
        // This writer commits everything queued so far, its own write included, while the
        // writes arriving meanwhile gather for the next batch.
        m_committing = true;
        std::vector<WriteJob*> batch;
        batch.swap(m_pending);
        lock.unlock();
        commit_batch(batch);
        lock.lock();
        for (WriteJob* done : batch) {
            done->done = true;
        }
        m_committing = false;
        m_written.notify_all();
    }
    lock.unlock();
    if (job.exception) {
        std::rethrow_exception(job.exception);
    }
}

void ConnectionPool::commit_batch(const std::vector<WriteJob*>& batch) {
    Connection& c = *m_writer;
    auto transaction = Transaction::begin(c.db());
    if (!transaction) {
        for (WriteJob* job : batch) {
            job->fail(transaction.error());
        }
        return;
    }
    std::vector<WriteJob*> kept;
    for (size_t i = 0; i < batch.size(); ++i) {
        WriteJob* job = batch[i];
        if (auto saved = Query(c, "SAVEPOINT job").run(); !saved) {
            job->fail(saved.error());
            continue;
        }
        bool ok = false;
        try {
            ok = job->run(c);
        } catch (...) {
            job->exception = std::current_exception();
        }
        if (ok) {
            (void)Query(c, "RELEASE job").run();
            kept.push_back(job);
        } else {
            (void)Query(c, "ROLLBACK TO job").run();
            (void)Query(c, "RELEASE job").run();
        }
        if (sqlite3_get_autocommit(c.db().handle())) {
            // An error ended the whole transaction (a full disk, an I/O error): what the batch
            // wrote so far is gone, and the writes not yet run are not attempted.
            const core::Error error = c.db().error("write");
            for (WriteJob* undone : kept) {
                undone->fail(error);
            }
            for (size_t j = i + 1; j < batch.size(); ++j) {
                batch[j]->fail(error);
            }
            return;
        }
    }
    if (auto committed = transaction->commit(); !committed) {
        for (WriteJob* undone : kept) {
            undone->fail(committed.error());
        }
        return;
    }
    if (!kept.empty()) {
        ++m_generation;
    }
}

namespace {

constexpr std::string_view KEY_QUERIES[] = {
    "SELECT pk FROM partnerships WHERE id = ?", "SELECT pk FROM places WHERE id = ?",
    "SELECT pk FROM people WHERE id = ?",       "SELECT pk FROM activities WHERE id = ?",
    "SELECT pk FROM occurrences WHERE id = ?",
};

constexpr core::Msg NOUNS[] = {core::Msg::NounPartnership, core::Msg::NounPlace,
                               core::Msg::NounPerson, core::Msg::NounActivity,
                               core::Msg::NounOccurrence};

}  // namespace

core::Result<std::optional<std::int64_t>> key_of(Connection& connection, Keyed table,
                                                 std::string_view id) {
    Query query(connection, KEY_QUERIES[static_cast<int>(table)]);
    query.bind(1, id);
    auto row = query.step();
    if (!row) {
        return tl::unexpected(row.error());
    }
    if (!*row) {
        return std::nullopt;
    }
    return query.integer(0);
}

core::Result<std::int64_t> require_key(Connection& connection, Keyed table, std::string_view id,
                                       std::string_view field) {
    auto key = key_of(connection, table, id);
    if (!key) {
        return tl::unexpected(key.error());
    }
    if (!*key) {
        return tl::unexpected(unknown(NOUNS[static_cast<int>(table)], id, field));
    }
    return **key;
}

core::Result<bool> account_exists(Connection& connection, std::int64_t account) {
    Query query(connection, "SELECT 1 FROM accounts WHERE pk = ?");
    query.bind(1, account);
    return query.step();
}

core::Result<std::string> new_id(Connection& connection, Keyed table, std::string_view prefix) {
    // 48 random bits: a clash is unlikely but checked, so that it costs a retry, not a failure.
    while (true) {
        unsigned char bytes[6];
        sqlite3_randomness(sizeof bytes, bytes);
        std::string id(prefix);
        id += '-';
        char hex[3];
        for (unsigned char byte : bytes) {
            std::snprintf(hex, sizeof hex, "%02x", byte);
            id += hex;
        }
        auto existing = key_of(connection, table, id);
        if (!existing) {
            return tl::unexpected(existing.error());
        }
        if (!*existing) {
            return id;
        }
    }
}

core::Error unknown(core::Msg noun, std::string_view id, std::string_view field) {
    return error_da(core::ErrorCode::NotFound, core::Msg::UnknownReference, field,
                    {core::message(core::Lang::Da, noun), id});
}

core::Error unknown_da(std::string_view noun, std::string_view id, std::string_view field) {
    return error_da(core::ErrorCode::NotFound, core::Msg::UnknownReference, field, {noun, id});
}

core::Error error_da(core::ErrorCode code, core::Msg id, std::string_view field,
                     std::initializer_list<std::string_view> args) {
    return core::Error{code, core::message(core::Lang::Da, id, args), std::string(field)};
}

std::string date_text(core::Day day) {
    return core::format_date(day);
}

std::string time_text(core::LocalTime time) {
    return core::format_local_time(time);
}

core::Day date_of_text(std::string_view text) {
    // The schema holds only dates this program wrote; anything else is a corrupted file.
    return core::parse_date(text).value_or(0);
}

core::LocalTime time_of_text(std::string_view text) {
    if (auto time = core::parse_local_time(text)) {
        return *time;
    }
    // A row written by hand or by an older tool may hold a date alone: its midnight.
    return static_cast<core::LocalTime>(date_of_text(text)) * 86400;
}

}  // namespace samskab::storage::sqlite
