#include "storage/postgres/postgres_pool.h"

#include "storage/postgres/postgres_migrations.h"
#include "storage/postgres/postgres_url.h"

namespace samskab::storage::postgres {

core::Result<std::shared_ptr<ConnectionPool>> ConnectionPool::open(
    const std::string& url, int size, std::chrono::milliseconds reconnect_for) {
    size = std::max(size, 1);
    std::shared_ptr<ConnectionPool> pool(
        new ConnectionPool(url, describe_server(url), size, reconnect_for));
    for (int i = 0; i < size; ++i) {
        auto connection = Connection::open(url);
        if (!connection) {
            return tl::unexpected(connection.error());
        }
        if (i == 0) {
            SAMSKAB_PG_TRY(migrate(**connection, latest_version()));
        }
        pool->m_idle.push_back(std::move(*connection));
    }
    return pool;
}

ConnectionPool::~ConnectionPool() = default;

int ConnectionPool::reconnects() const {
    std::lock_guard lock(m_mutex);
    return m_reconnects;
}

core::Error ConnectionPool::storage_error(std::string_view what) const {
    return {core::ErrorCode::Storage, m_server + ": " + std::string(what), {}};
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
        // An empty slot goes back too: the pool keeps its size, and whoever takes the slot
        // connects anew.
        m_pool.m_idle.push_back(std::move(m_connection));
    }
    m_pool.m_returned.notify_one();
}

core::Result<Connection*> ConnectionPool::Lease::get() {
    if (m_connection) {
        return m_connection.get();
    }
    // The server may be restarting: try again, a little less often each time, until the pool's
    // reconnect time has passed.
    const auto give_up = std::chrono::steady_clock::now() + m_pool.m_reconnect_for;
    auto pause = std::chrono::milliseconds(20);
    while (true) {
        auto connection = Connection::open(m_pool.m_url);
        if (connection) {
            m_connection = std::move(*connection);
            std::lock_guard lock(m_pool.m_mutex);
            ++m_pool.m_reconnects;
            return m_connection.get();
        }
        if (std::chrono::steady_clock::now() + pause >= give_up) {
            return tl::unexpected(connection.error());
        }
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::milliseconds(500));
    }
}

}  // namespace samskab::storage::postgres
