#include "storage/sqlite/sqlite_account_store.h"

#include <filesystem>
#include <random>
#include <thread>

#include <gtest/gtest.h>

#include "storage/sqlite/sqlite_migrations.h"
#include "storage/sqlite/sqlite_store.h"

namespace samskab::storage::sqlite {
namespace {

namespace fs = std::filesystem;
using core::AccountRole;
using core::ErrorCode;

constexpr core::LocalTime T0 = 1'700'000'000;

// A real database file in a fresh directory, with a partnership, a place and two people
// imported the way the CLI does it, and the account store on a pool over the same file.
class SqliteAccountStoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() /
                ("samskab-accounts-" + std::to_string(std::random_device{}()));
        fs::create_directories(m_dir);
        m_path = (m_dir / "a.db").string();
        auto store = SqliteStore::open(m_path);
        ASSERT_TRUE(store);
        core::Bundle b;
        b.partnerships.push_back({"vimby", "Vimby", {}});
        b.places.push_back({"cafe", "vimby", "Caféen", 0.2});
        b.people.push_back({"p1", "Åse", false, std::nullopt, std::nullopt, {}});
        b.people.push_back({"p2", "Bo", false, std::nullopt, std::nullopt, {}});
        ASSERT_TRUE((*store)->import_bundle(b));
        auto pool = ConnectionPool::open(m_path, 3);
        ASSERT_TRUE(pool) << pool.error().message;
        m_pool = *pool;
        m_store = std::make_unique<SqliteAccountStore>(m_pool, m_clock);
    }
    void TearDown() override {
        m_store.reset();
        m_pool.reset();
        fs::remove_all(m_dir);
    }

    std::int64_t create(const std::string& email, const std::string& person = {}) {
        core::NewAccount a{email, "Navn", person, {{AccountRole::Participant, "vimby", ""}}, ""};
        auto id = m_store->create_account(a);
        EXPECT_TRUE(id) << id.error().message;
        return id ? *id : 0;
    }

    std::int64_t count(const std::string& table) {
        Connection probe(*Database::open(m_path));
        Query query(probe, "SELECT count(*) FROM " + table);
        EXPECT_TRUE(*query.step());
        return query.integer(0);
    }

    fs::path m_dir;
    std::string m_path;
    core::FixedClock m_clock{T0};
    std::shared_ptr<ConnectionPool> m_pool;
    std::unique_ptr<SqliteAccountStore> m_store;
};

TEST_F(SqliteAccountStoreTest, CreatesAndFindsAnAccount) {
    core::NewAccount a;
    a.email = "Koordinator@Vimby.DK";
    a.name = "Kirsten";
    a.person = "p1";
    a.roles = {{AccountRole::Coordinator, "vimby", ""},
               {AccountRole::Host, "", "cafe"},
               {AccountRole::Administrator, "", ""}};
    a.password_hash = "$argon2id$x";
    auto id = m_store->create_account(a);
    ASSERT_TRUE(id) << id.error().message;

    auto found = m_store->find_account(*id);
    ASSERT_TRUE(found && *found);
    const core::Account& account = **found;
    EXPECT_EQ(account.id, *id);
    EXPECT_EQ(account.email, "koordinator@vimby.dk");
    EXPECT_EQ(account.name, "Kirsten");
    EXPECT_EQ(account.person, "p1");
    EXPECT_EQ(account.roles, a.roles);
    EXPECT_EQ(account.password_hash, "$argon2id$x");
    EXPECT_FALSE(account.disabled);
    EXPECT_EQ(account.created_at, T0);

    auto by_email = m_store->find_account_by_email("KOORDINATOR@vimby.dk");
    ASSERT_TRUE(by_email && *by_email);
    EXPECT_EQ((*by_email)->id, *id);
    auto by_person = m_store->find_account_by_person("p1");
    ASSERT_TRUE(by_person && *by_person);
    EXPECT_EQ((*by_person)->id, *id);
    EXPECT_FALSE(*m_store->find_account_by_person("p2"));
    EXPECT_FALSE(*m_store->find_account(*id + 100));
    EXPECT_FALSE(*m_store->find_account_by_email("nobody@vimby.dk"));
}

TEST_F(SqliteAccountStoreTest, ListsAccountsByEmail) {
    create("c@x.dk");
    create("a@x.dk");
    create("b@x.dk");
    auto all = m_store->list_accounts();
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 3u);
    EXPECT_EQ((*all)[0].email, "a@x.dk");
    EXPECT_EQ((*all)[2].email, "c@x.dk");
    EXPECT_EQ((*all)[1].roles.size(), 1u);
    EXPECT_TRUE((*all)[1].password_hash.empty());
}

TEST_F(SqliteAccountStoreTest, RefusesATakenEmailWhateverItsCase) {
    create("bo@x.dk");
    auto again = m_store->create_account({"BO@x.dk", "Bo", "", {}, ""});
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::Conflict);
    EXPECT_EQ(again.error().field, "email");
    EXPECT_EQ(again.error().message, core::message(core::Lang::Da, core::Msg::EmailTaken));
    EXPECT_EQ(count("accounts"), 1);
}

TEST_F(SqliteAccountStoreTest, RefusesUnknownReferencesAndStoresNothing) {
    struct Case {
        core::NewAccount account;
        const char* field;
    };
    const Case cases[] = {
        {{"a@x.dk", "A", "p9", {}, ""}, "person"},
        {{"a@x.dk", "A", "", {{AccountRole::Coordinator, "nowhere", ""}}, ""}, "partnership"},
        // The role fails after the account row was written: the whole write is undone.
        {{"a@x.dk",
          "A",
          "p1",
          {{AccountRole::Host, "vimby", ""}, {AccountRole::Host, "", "x"}},
          ""},
         "place"},
    };
    for (const Case& c : cases) {
        auto id = m_store->create_account(c.account);
        ASSERT_FALSE(id) << c.field;
        EXPECT_EQ(id.error().code, ErrorCode::NotFound);
        EXPECT_EQ(id.error().field, c.field);
        EXPECT_FALSE(id.error().message.empty());
    }
    EXPECT_EQ(count("accounts"), 0);
    EXPECT_EQ(count("account_roles"), 0);
    auto empty = m_store->create_account({"", "A", "", {}, ""});
    ASSERT_FALSE(empty);
    EXPECT_EQ(empty.error().code, ErrorCode::Invalid);
    EXPECT_EQ(empty.error().field, "email");
}

TEST_F(SqliteAccountStoreTest, APersonHasOneAccount) {
    create("a@x.dk", "p1");
    auto second = m_store->create_account({"b@x.dk", "B", "p1", {}, ""});
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().code, ErrorCode::Conflict);
    EXPECT_EQ(second.error().field, "person");
}

TEST_F(SqliteAccountStoreTest, RemovesAnAccountWithItsRolesSessionsAndInvitations) {
    const auto id = create("a@x.dk", "p1");
    const auto other = create("b@x.dk");
    ASSERT_TRUE(m_store->create_session({"aa11", id, "csrf", T0, T0 + 3600}));
    ASSERT_TRUE(m_store->create_session({"bb22", other, "csrf", T0, T0 + 3600}));
    ASSERT_TRUE(m_store->create_invitation("inv1", id, T0 + 3600));
    ASSERT_TRUE(m_store->log_access({T0, id, "view", "p2", "GET /people/p2"}));

    ASSERT_TRUE(m_store->remove_account("A@x.dk"));
    EXPECT_FALSE(*m_store->find_account(id));
    EXPECT_FALSE(*m_store->find_session("aa11", T0));
    EXPECT_TRUE(*m_store->find_session("bb22", T0));
    EXPECT_FALSE(*m_store->find_invitation("inv1", T0));
    EXPECT_EQ(count("account_roles"), 1);
    // Who looked at p2 stays on record after the account is gone.
    auto log = m_store->access_log_of("p2");
    ASSERT_TRUE(log);
    ASSERT_EQ(log->size(), 1u);
    EXPECT_EQ((*log)[0].actor, id);

    auto again = m_store->remove_account("a@x.dk");
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::NotFound);
    EXPECT_EQ(again.error().field, "email");
}

TEST_F(SqliteAccountStoreTest, SetsThePasswordHash) {
    const auto id = create("a@x.dk");
    ASSERT_TRUE(m_store->set_password_hash(id, "$argon2id$new"));
    EXPECT_EQ((*m_store->find_account(id))->password_hash, "$argon2id$new");
    auto unknown = m_store->set_password_hash(id + 1, "h");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, ErrorCode::NotFound);
}

TEST_F(SqliteAccountStoreTest, SessionsLiveUntilTheyExpireOrAreDeleted) {
    const auto id = create("a@x.dk");
    const core::Session session{"0123abcd", id, "csrf-1", T0, T0 + 3600};
    ASSERT_TRUE(m_store->create_session(session));
    auto found = m_store->find_session("0123abcd", T0 + 3599);
    ASSERT_TRUE(found && *found);
    EXPECT_EQ((*found)->account, id);
    EXPECT_EQ((*found)->csrf_token, "csrf-1");
    EXPECT_EQ((*found)->created_at, T0);
    EXPECT_EQ((*found)->expires_at, T0 + 3600);
    EXPECT_EQ((*found)->token_hash, "0123abcd");
    EXPECT_FALSE(*m_store->find_session("0123abcd", T0 + 3600));
    EXPECT_FALSE(*m_store->find_session("0123abcc", T0));

    ASSERT_TRUE(m_store->delete_session("0123abcd"));
    EXPECT_FALSE(*m_store->find_session("0123abcd", T0));

    ASSERT_TRUE(m_store->create_session({"s1", id, "c", T0, T0 + 60}));
    ASSERT_TRUE(m_store->create_session({"s2", id, "c", T0, T0 + 60}));
    ASSERT_TRUE(m_store->delete_sessions_of(id));
    EXPECT_FALSE(*m_store->find_session("s1", T0));
    EXPECT_FALSE(*m_store->find_session("s2", T0));

    auto orphan = m_store->create_session({"s3", id + 9, "c", T0, T0 + 60});
    ASSERT_FALSE(orphan);
    EXPECT_EQ(orphan.error().code, ErrorCode::NotFound);
}

TEST_F(SqliteAccountStoreTest, FindsASessionWithItsAccountInOneLookup) {
    const auto id = create("a@x.dk", "p1");
    ASSERT_TRUE(m_store->create_session({"0123abcd", id, "csrf-1", T0, T0 + 3600}));
    auto found = m_store->find_signed_in("0123abcd", T0 + 3599);
    ASSERT_TRUE(found && *found) << (found ? "none" : found.error().message);
    EXPECT_EQ((*found)->session.account, id);
    EXPECT_EQ((*found)->session.csrf_token, "csrf-1");
    EXPECT_EQ((*found)->session.expires_at, T0 + 3600);
    EXPECT_EQ((*found)->account.id, id);
    EXPECT_EQ((*found)->account.email, "a@x.dk");
    EXPECT_EQ((*found)->account.person, "p1");
    ASSERT_EQ((*found)->account.roles.size(), 1u);
    EXPECT_EQ((*found)->account.roles[0].partnership, "vimby");
    // Expired, unknown, or gone with its account: no one is signed in.
    EXPECT_FALSE(*m_store->find_signed_in("0123abcd", T0 + 3600));
    EXPECT_FALSE(*m_store->find_signed_in("0123abcc", T0));
    ASSERT_TRUE(m_store->remove_account("a@x.dk"));
    EXPECT_FALSE(*m_store->find_signed_in("0123abcd", T0));
}

TEST_F(SqliteAccountStoreTest, AnInvitationIsUsedOnceBeforeItExpires) {
    const auto id = create("a@x.dk");
    ASSERT_TRUE(m_store->create_invitation("tok", id, T0 + 100));
    EXPECT_EQ(**m_store->find_invitation("tok", T0), id);
    EXPECT_EQ(**m_store->find_invitation("tok", T0), id);  // looking does not use it up
    EXPECT_FALSE(*m_store->find_invitation("tok", T0 + 100));
    EXPECT_FALSE(*m_store->find_invitation("other", T0));

    auto late = m_store->accept_invitation("tok", T0 + 100, "h");
    ASSERT_FALSE(late);
    EXPECT_EQ(late.error().code, ErrorCode::NotFound);
    EXPECT_EQ(late.error().field, "token");
    EXPECT_TRUE((*m_store->find_account(id))->password_hash.empty());

    auto accepted = m_store->accept_invitation("tok", T0 + 50, "$argon2id$p");
    ASSERT_TRUE(accepted);
    EXPECT_EQ(*accepted, id);
    EXPECT_EQ((*m_store->find_account(id))->password_hash, "$argon2id$p");
    EXPECT_FALSE(*m_store->find_invitation("tok", T0 + 51));
    auto twice = m_store->accept_invitation("tok", T0 + 51, "$argon2id$q");
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().field, "token");
    EXPECT_EQ((*m_store->find_account(id))->password_hash, "$argon2id$p");

    auto orphan = m_store->create_invitation("t2", id + 5, T0 + 100);
    ASSERT_FALSE(orphan);
    EXPECT_EQ(orphan.error().code, ErrorCode::NotFound);
}

TEST_F(SqliteAccountStoreTest, CountsLoginFailuresByAccountAndByAddress) {
    ASSERT_TRUE(m_store->record_login_failure("A@x.dk", "10.0.0.1", T0 - 100));
    ASSERT_TRUE(m_store->record_login_failure("a@x.dk", "10.0.0.1", T0 + 10));
    ASSERT_TRUE(m_store->record_login_failure("a@x.dk", "10.0.0.2", T0 + 20));
    ASSERT_TRUE(m_store->record_login_failure("b@x.dk", "10.0.0.1", T0 + 30));

    auto failures = m_store->login_failures("a@X.dk", "10.0.0.1", T0);
    ASSERT_TRUE(failures);
    EXPECT_EQ(failures->by_account, 2);
    EXPECT_EQ(failures->by_address, 2);
    EXPECT_EQ(failures->latest, T0 + 30);
    EXPECT_EQ(m_store->login_failures("a@x.dk", "10.0.0.1", T0 - 100)->by_account, 3);

    ASSERT_TRUE(m_store->clear_login_failures("A@X.DK"));
    failures = m_store->login_failures("a@x.dk", "10.0.0.1", T0);
    EXPECT_EQ(failures->by_account, 0);
    EXPECT_EQ(failures->by_address, 1);  // b's failure from the same address remains
    EXPECT_EQ(failures->latest, T0 + 30);
    auto none = m_store->login_failures("c@x.dk", "10.9.9.9", T0);
    EXPECT_EQ(none->by_account, 0);
    EXPECT_EQ(none->latest, 0);
}

TEST_F(SqliteAccountStoreTest, AccessLogOfAPersonNewestFirst) {
    const auto id = create("a@x.dk");
    ASSERT_TRUE(m_store->log_access({T0, id, "view", "p1", "GET /people/p1"}));
    ASSERT_TRUE(m_store->log_access({T0 + 5, 0, "export", "p1", "CLI"}));
    ASSERT_TRUE(m_store->log_access({T0 + 1, id, "view", "p2", "GET /people/p2"}));
    ASSERT_TRUE(m_store->log_access({T0 + 2, 0, "login_failed", "", "a@x.dk"}));
    auto log = m_store->access_log_of("p1");
    ASSERT_TRUE(log);
    ASSERT_EQ(log->size(), 2u);
    EXPECT_EQ((*log)[0].at, T0 + 5);
    EXPECT_EQ((*log)[0].actor, 0);
    EXPECT_EQ((*log)[0].action, "export");
    EXPECT_EQ((*log)[1].actor, id);
    EXPECT_EQ((*log)[1].subject, "p1");
    EXPECT_EQ((*log)[1].detail, "GET /people/p1");
    EXPECT_TRUE(m_store->access_log_of("p9")->empty());
    auto unknown = m_store->log_access({T0, id, "view", "p9", ""});
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().field, "subject");
}

// Several threads write at once through one pool: every write arrives, none fails on a lock.
TEST_F(SqliteAccountStoreTest, ConcurrentWritersLoseNothing) {
    const auto id = create("a@x.dk");
    constexpr int THREADS = 6;
    constexpr int EACH = 40;
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int t = 0; t < THREADS; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < EACH; ++i) {
                const std::string token = std::to_string(t) + "-" + std::to_string(i);
                if (!m_store->create_session({token, id, "c", T0, T0 + 60}) ||
                    !m_store->log_access({T0 + i, id, "view", "p1", token}) ||
                    !m_store->find_session(token, T0)) {
                    ++failures;
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(failures, 0);
    EXPECT_EQ(count("sessions"), THREADS * EACH);
    EXPECT_EQ(m_store->access_log_of("p1")->size(), static_cast<size_t>(THREADS * EACH));
}

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

}  // namespace
}  // namespace samskab::storage::sqlite
