#include "storage/postgres/postgres_pool.h"

#include <atomic>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "storage/postgres/postgres_migrations.h"
#include "storage/postgres/postgres_test_database.h"

namespace samskab::storage::postgres {
namespace {

using testing::TestDatabase;

class PostgresPoolTest : public ::testing::Test {
protected:
    void SetUp() override {
        SAMSKAB_REQUIRE_TEST_PG();
        m_db = std::make_unique<TestDatabase>(*testing::test_server());
        auto pool = ConnectionPool::open(m_db->url(), 3);
        ASSERT_TRUE(pool) << pool.error().message;
        m_pool = *pool;
        ASSERT_TRUE(m_db->exec("CREATE TABLE samskab_pool_probe (n integer PRIMARY KEY)"));
    }

    core::Result<void> insert(int n) {
        return m_pool->write([&](pqxx::transaction_base& tx) -> core::Result<void> {
            tx.exec_params("INSERT INTO samskab_pool_probe (n) VALUES ($1)", n);
            return {};
        });
    }

    std::set<int> stored() {
        auto rows = m_pool->read([](pqxx::transaction_base& tx) -> core::Result<std::set<int>> {
            std::set<int> out;
            for (const auto& row : tx.exec("SELECT n FROM samskab_pool_probe")) {
                out.insert(row[0].as<int>());
            }
            return out;
        });
        EXPECT_TRUE(rows) << rows.error().message;
        return rows ? *rows : std::set<int>{};
    }

    // Ends every session of this test's database but the caller's own, as a server restart
    // or an administrator would.
    void terminate_sessions() {
        ASSERT_TRUE(
            m_db->exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                       "current_database() AND pid <> pg_backend_pid()"));
    }

    std::unique_ptr<TestDatabase> m_db;
    std::shared_ptr<ConnectionPool> m_pool;
};

TEST_F(PostgresPoolTest, MigratesTheSchemaOnOpen) {
    EXPECT_EQ(m_db->query("SELECT max(version) FROM schema_migrations"),
              std::to_string(latest_version()));
}

TEST_F(PostgresPoolTest, AFailedWriteIsRolledBackAndAGoodOneCommitted) {
    ASSERT_TRUE(insert(1));
    auto failed = m_pool->write([](pqxx::transaction_base& tx) -> core::Result<void> {
        tx.exec("INSERT INTO samskab_pool_probe (n) VALUES (2)");
        return core::fail(core::ErrorCode::Invalid, "nej", "n");
    });
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().field, "n");
    EXPECT_EQ(stored(), (std::set<int>{1}));
}

TEST_F(PostgresPoolTest, ADatabaseErrorIsAStorageErrorNamingTheServer) {
    ASSERT_TRUE(insert(1));
    auto duplicate = insert(1);
    ASSERT_FALSE(duplicate);
    EXPECT_EQ(duplicate.error().code, core::ErrorCode::Storage);
    EXPECT_NE(duplicate.error().message.find(m_pool->server()), std::string::npos);
}

TEST_F(PostgresPoolTest, ReadsDoNotWrite) {
    auto written = m_pool->read([](pqxx::transaction_base& tx) -> core::Result<void> {
        tx.exec("INSERT INTO samskab_pool_probe (n) VALUES (3)");
        return {};
    });
    EXPECT_FALSE(written);
    EXPECT_TRUE(stored().empty());
}

TEST_F(PostgresPoolTest, ALostConnectionIsReestablishedAndTheCallRunsAgain) {
    ASSERT_TRUE(insert(1));
    terminate_sessions();
    ASSERT_TRUE(insert(2));
    EXPECT_EQ(stored(), (std::set<int>{1, 2}));
    EXPECT_GE(m_pool->reconnects(), 1);
}

// Writers keep writing while every session is ended again and again: each write that was
// reported as done is stored, and each is stored once.
TEST_F(PostgresPoolTest, NoAcknowledgedWriteIsLostWhileConnectionsAreCut) {
    std::atomic<int> next{0};
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::set<int> acknowledged;
    std::vector<std::thread> writers;
    for (int w = 0; w < 4; ++w) {
        writers.emplace_back([&] {
            while (!stop) {
                const int n = next++;
                if (insert(n)) {
                    std::lock_guard lock(mutex);
                    acknowledged.insert(n);
                }
            }
        });
    }
    for (int i = 0; i < 5; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(60));
        terminate_sessions();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    stop = true;
    for (auto& writer : writers) {
        writer.join();
    }
    const std::set<int> rows = stored();
    for (int n : acknowledged) {
        EXPECT_TRUE(rows.count(n)) << n << " was acknowledged but is not stored";
    }
    EXPECT_GT(acknowledged.size(), 20u);
    EXPECT_GE(m_pool->reconnects(), 1);
}

TEST(PostgresPoolOpen, AnUnreachableServerIsAStorageErrorWithoutThePassword) {
    auto pool = ConnectionPool::open("postgresql://samskab:hemmeligt@127.0.0.1:1/samskab", 2,
                                     std::chrono::milliseconds(100));
    ASSERT_FALSE(pool);
    EXPECT_EQ(pool.error().code, core::ErrorCode::Storage);
    EXPECT_EQ(pool.error().message.find("hemmeligt"), std::string::npos);
}

}  // namespace
}  // namespace samskab::storage::postgres
