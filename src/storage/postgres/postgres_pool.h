#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include <pqxx/pqxx>

#include "core/result.h"
#include "storage/postgres/postgres_connection.h"

namespace samskab::storage::postgres {

// A fixed number of connections to one server, shared by the web's worker threads. Each call
// borrows a connection, runs one transaction on it and hands it back; a caller waits while all
// are in use.
//
// A lost connection is re-established. When the server goes away (a restart, a fail-over, an
// administrator ending the session) the statement in flight fails with broken_connection and
// its transaction was never committed, so the call is run again on a new connection; while the
// server is still down, reconnecting is retried until `reconnect_for` has passed, and only then
// does the call fail (Storage). A commit whose outcome is unknown (the connection broke while
// COMMIT was on its way, pqxx::in_doubt_error) is never run again: it fails, and the client is
// not told that the write succeeded. So no write that was acknowledged is lost, and none is
// applied twice.
//
// Writes run SERIALIZABLE, so that the stores' read-then-write steps ("is this day already
// taken?") behave as on SQLite, where writes run one at a time; a transaction that PostgreSQL
// rolls back for a serialization failure or a deadlock is run again, up to MAX_ROLLBACK_RETRIES
// times. Reads run REPEATABLE READ, READ ONLY: one snapshot for the whole call.
//
// `work` may therefore run more than once: it must do nothing outside its transaction that it
// cannot repeat (no counters, no I/O). An exception that is not libpqxx's (a bug) leaves the
// transaction rolled back and propagates.
class ConnectionPool {
public:
    static constexpr int MAX_ROLLBACK_RETRIES = 8;

    // Opens `size` connections (at least one) to `url` and brings the schema up to date.
    // Storage, naming the server (never the password), when it cannot be reached; Conflict when
    // its schema is newer than this program.
    static core::Result<std::shared_ptr<ConnectionPool>> open(
        const std::string& url, int size,
        std::chrono::milliseconds reconnect_for = std::chrono::seconds(15));

    ConnectionPool(const ConnectionPool&) = delete;
    ConnectionPool& operator=(const ConnectionPool&) = delete;
    ~ConnectionPool();

    // The server as messages name it: the URL without its password.
    const std::string& server() const { return m_server; }
    int size() const { return m_size; }
    // How many connections were re-established since the pool was opened (for tests and logs).
    int reconnects() const;

    // Runs `work(pqxx::transaction_base&)`, which returns a core::Result, in one serializable
    // transaction: committed when it succeeds, rolled back when it fails.
    template <class Work>
    auto write(Work&& work) -> std::invoke_result_t<Work, pqxx::transaction_base&> {
        return run<pqxx::transaction<pqxx::serializable>>(work, true);
    }

    // Runs `work(pqxx::transaction_base&)` on one consistent, read-only snapshot.
    template <class Work>
    auto read(Work&& work) -> std::invoke_result_t<Work, pqxx::transaction_base&> {
        return run<pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>>(work, false);
    }

private:
    ConnectionPool(std::string url, std::string server, int size,
                   std::chrono::milliseconds reconnect_for)
        : m_url(std::move(url)),
          m_server(std::move(server)),
          m_size(size),
          m_reconnect_for(reconnect_for) {}

    // A connection taken from the pool for one call. Empty after discard(): the next attempt
    // connects anew.
    class Lease {
    public:
        explicit Lease(ConnectionPool& pool);
        ~Lease();
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        // The connection, opened first when it is missing; Storage when the server cannot be
        // reached before the pool's reconnect time has passed.
        core::Result<Connection*> get();
        void discard() { m_connection.reset(); }

    private:
        ConnectionPool& m_pool;
        std::unique_ptr<Connection> m_connection;
    };

    core::Error storage_error(std::string_view what) const;

    template <class Transaction, class Work>
    auto run(Work& work, bool commit) -> std::invoke_result_t<Work, pqxx::transaction_base&> {
        using R = std::invoke_result_t<Work, pqxx::transaction_base&>;
        Lease lease(*this);
        const auto give_up = std::chrono::steady_clock::now() + m_reconnect_for;
        int rollbacks = 0;
        while (true) {
            auto connection = lease.get();
            if (!connection) {
                return tl::unexpected(connection.error());
            }
            try {
                Transaction transaction((*connection)->handle());
                R result = work(static_cast<pqxx::transaction_base&>(transaction));
                if (result && commit) {
                    transaction.commit();
                }
                return result;
            } catch (const pqxx::in_doubt_error& e) {
                lease.discard();
                return tl::unexpected(storage_error(first_line(e.what())));
            } catch (const pqxx::broken_connection& e) {
                lease.discard();
                if (std::chrono::steady_clock::now() >= give_up) {
                    return tl::unexpected(storage_error(first_line(e.what())));
                }
            } catch (const pqxx::transaction_rollback& e) {
                if (++rollbacks > MAX_ROLLBACK_RETRIES) {
                    return tl::unexpected(storage_error(first_line(e.what())));
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(rollbacks));
            } catch (const pqxx::pqxx_exception& e) {
                // A connection whose server has gone may also surface as an sql_error (the
                // "terminating connection" notice); it is replaced on the next call.
                if (!(*connection)->handle().is_open()) {
                    lease.discard();
                }
                return tl::unexpected(storage_error(first_line(e.base().what())));
            }
        }
    }

    std::string m_url;
    std::string m_server;
    int m_size;
    std::chrono::milliseconds m_reconnect_for;

    mutable std::mutex m_mutex;
    std::condition_variable m_returned;
    std::vector<std::unique_ptr<Connection>> m_idle;  // null: to be connected on next use
    int m_reconnects = 0;
};

}  // namespace samskab::storage::postgres
