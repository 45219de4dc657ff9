#include "storage/postgres/postgres_stores.h"

#include <gtest/gtest.h>

#include "storage/postgres/postgres_test_database.h"

namespace samskab::storage::postgres {
namespace {

using testing::TestDatabase;

class PostgresStoresTest : public ::testing::Test {
protected:
    void SetUp() override {
        SAMSKAB_REQUIRE_TEST_PG();
        m_db = std::make_unique<TestDatabase>(*testing::test_server());
        auto stores = PostgresStores::open(m_db->url(), 2, m_clock, testing::test_cipher());
        ASSERT_TRUE(stores) << stores.error().message;
        m_stores = std::move(*stores);
    }

    // Ends every session of this test's database but the caller's own, as a server restart
    // or an administrator would.
    void terminate_sessions() {
        ASSERT_TRUE(
            m_db->exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                       "current_database() AND pid <> pg_backend_pid()"));
    }

    core::FixedClock m_clock{*core::parse_local_time("2024-03-04T09:00:00")};
    std::unique_ptr<TestDatabase> m_db;
    PostgresStores m_stores;
};

TEST_F(PostgresStoresTest, TheBundleStoreOpensItsConnectionAnewAfterTheServerEndedIt) {
    core::Bundle bundle;
    bundle.partnerships.push_back({"vimby", "Vimby", {}});
    ASSERT_TRUE(m_stores.store->import_bundle(bundle));
    terminate_sessions();
    // A read is run again on a new connection: the caller never sees the broken one.
    auto found = m_stores.store->contains(core::Collection::Partnerships, "vimby");
    ASSERT_TRUE(found) << found.error().message;
    EXPECT_TRUE(*found);
    EXPECT_EQ(m_stores.store->reopened(), 1);
    auto exported = m_stores.store->export_bundle();
    ASSERT_TRUE(exported) << exported.error().message;
    EXPECT_EQ(exported->partnerships.size(), 1u);
    EXPECT_EQ(m_stores.store->reopened(), 1);
}

TEST_F(PostgresStoresTest, AnImportOnABrokenConnectionFailsAndIsNotRunAgain) {
    terminate_sessions();
    core::Bundle bundle;
    bundle.partnerships.push_back({"vimby", "Vimby", {}});
    auto imported = m_stores.store->import_bundle(bundle);
    ASSERT_FALSE(imported);
    EXPECT_EQ(imported.error().code, core::ErrorCode::Storage);
    EXPECT_EQ(m_db->query("SELECT count(*) FROM partnerships"), "0");
    // The connection was opened anew, so the import can simply be made again.
    EXPECT_EQ(m_stores.store->reopened(), 1);
    ASSERT_TRUE(m_stores.store->import_bundle(bundle));
    EXPECT_EQ(m_db->query("SELECT count(*) FROM partnerships"), "1");
}

}  // namespace
}  // namespace samskab::storage::postgres
