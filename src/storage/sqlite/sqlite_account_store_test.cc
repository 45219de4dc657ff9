#include "storage/sqlite/sqlite_account_store.h"

#include <filesystem>
#include <random>

#include <gtest/gtest.h>

#include "storage/sqlite/sqlite_migrations.h"
#include "storage/sqlite/sqlite_store.h"

namespace samskab::storage::sqlite {
namespace {

namespace fs = std::filesystem;

constexpr core::LocalTime T0 = 1'700'000'000;

// The account store's behaviour is tested on both databases in storage/conformance; what is
// left here is SQLite's own: upgrading a file made by an old schema.

// A database made by migration 2, with an account and a logged access, is brought to the
// current schema with its rows intact.
TEST(SqliteAccountStoreUpgrade, UpgradesADatabaseAtVersionTwo) {
    const fs::path dir =
        fs::temp_directory_path() / ("samskab-upgrade-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir);
    const std::string path = (dir / "old.db").string();
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db);
        ASSERT_TRUE(migrate(**db, 2));
        ASSERT_EQ(*schema_version(**db), 2);
        ASSERT_TRUE((*db)->exec(
            "INSERT INTO people (id, name, support_need, consent_support_need, consent_pathways)"
            " VALUES ('p1', 'Åse', 0, 0, 0);"
            "INSERT INTO accounts (login, person, password_hash, created_at)"
            " VALUES ('aase@x.dk', 1, 'h', '2024-01-01T10:00:00');"
            "INSERT INTO account_roles (account, role) VALUES (1, 'participant');"
            "INSERT INTO audit_log (at, actor, action, subject, detail)"
            " VALUES ('2024-01-02T09:00:00', 1, 'view', 1, 'GET /me');"));
    }
    {
        auto pool = ConnectionPool::open(path, 2);
        ASSERT_TRUE(pool) << pool.error().message;
        core::FixedClock clock(T0);
        SqliteAccountStore store(*pool, clock);
        auto account = store.find_account_by_email("aase@x.dk");
        ASSERT_TRUE(account && *account);
        EXPECT_EQ((*account)->person, "p1");
        EXPECT_EQ((*account)->name, "");
        EXPECT_EQ((*account)->created_at, *core::parse_local_time("2024-01-01T10:00:00"));
        auto log = store.access_log_of("p1");
        ASSERT_TRUE(log);
        ASSERT_EQ(log->size(), 1u);
        EXPECT_EQ((*log)[0].detail, "GET /me");
        EXPECT_EQ((*log)[0].actor, 1);
        // The rebuilt log no longer holds the account back.
        EXPECT_TRUE(store.remove_account("aase@x.dk"));
        EXPECT_EQ(store.access_log_of("p1")->size(), 1u);
        auto db = Database::open(path);
        EXPECT_EQ(*schema_version(**db), latest_version());
    }
    fs::remove_all(dir);
}

// Migration 12 makes the grants' rowid their key: the roles of an account made before it keep
// the order they were granted in (their rowids).
TEST(SqliteAccountStoreUpgrade, RolesKeepTheirOrderThroughMigrationTwelve) {
    const fs::path dir =
        fs::temp_directory_path() / ("samskab-upgrade-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir);
    const std::string path = (dir / "old.db").string();
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db);
        ASSERT_TRUE(migrate(**db, 11));
        ASSERT_TRUE((*db)->exec(
            "INSERT INTO partnerships (id, name) VALUES ('vimby', 'Vimby');"
            "INSERT INTO accounts (login, password_hash, created_at)"
            " VALUES ('k@x.dk', 'h', '2024-01-01T10:00:00');"
            "INSERT INTO account_roles (rowid, account, role, partnership)"
            " VALUES (7, 1, 'coordinator', 1), (3, 1, 'participant', 1), (9, 1, 'host', 1);"));
    }
    {
        auto pool = ConnectionPool::open(path, 1);
        ASSERT_TRUE(pool) << pool.error().message;
        core::FixedClock clock(T0);
        SqliteAccountStore store(*pool, clock);
        auto account = store.find_account_by_email("k@x.dk");
        ASSERT_TRUE(account && *account);
        using core::AccountRole;
        const std::vector<core::RoleGrant> expected = {{AccountRole::Participant, "vimby", ""},
                                                       {AccountRole::Coordinator, "vimby", ""},
                                                       {AccountRole::Host, "vimby", ""}};
        EXPECT_EQ((*account)->roles, expected);
    }
    fs::remove_all(dir);
}

}  // namespace
}  // namespace samskab::storage::sqlite
