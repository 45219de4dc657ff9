#include <atomic>
#include <thread>

#include "storage/conformance/conformance_fixture.h"

// The account store's behaviour (core/account_store.h and the errors its implementations
// document), on every backend.

namespace samskab::storage::conformance {
namespace {

using core::AccountRole;
using core::ErrorCode;

// The fixture's clock: new accounts are created at this time.
const core::LocalTime T0 = at("2024-03-04T09:00:00");

// An account with a participant's role in Vimby, linked to `person` when one is given.
std::int64_t create_in_vimby(core::AccountStore& store, const std::string& email,
                             const std::string& person = {}) {
    core::NewAccount a{email, "Navn", person, {{AccountRole::Participant, "vimby", ""}}, ""};
    auto id = store.create_account(a);
    EXPECT_TRUE(id) << id.error().message;
    return id ? *id : 0;
}

TEST_P(ConformanceTest, AccountIsCreatedAndFound) {
    core::NewAccount a;
    a.email = "Koordinator@Vimby.DK";
    a.name = "Kirsten";
    a.person = "p1";
    a.roles = {{AccountRole::Coordinator, "vimby", ""},
               {AccountRole::Host, "", "cafe"},
               {AccountRole::Administrator, "", ""}};
    a.password_hash = "$argon2id$x";
    auto id = accounts().create_account(a);
    ASSERT_TRUE(id) << id.error().message;

    auto found = accounts().find_account(*id);
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

    auto by_email = accounts().find_account_by_email("KOORDINATOR@vimby.dk");
    ASSERT_TRUE(by_email && *by_email);
    EXPECT_EQ((*by_email)->id, *id);
    auto by_person = accounts().find_account_by_person("p1");
    ASSERT_TRUE(by_person && *by_person);
    EXPECT_EQ((*by_person)->id, *id);
    EXPECT_FALSE(*accounts().find_account_by_person("p2"));
    EXPECT_FALSE(*accounts().find_account(*id + 100));
    EXPECT_FALSE(*accounts().find_account_by_email("nobody@vimby.dk"));
}

// An account's roles are listed in the order they were granted, by their key (migration 12),
// whatever happens to the rows on disk: PostgreSQL writes an updated row to a new place, and
// reading in physical order would then move it last.
TEST_P(ConformanceTest, AccountRolesKeepTheirOrderWhenARowIsRewritten) {
    core::NewAccount a{"k@vimby.dk", "Kirsten", "", {}, ""};
    a.roles = {{AccountRole::Participant, "vimby", ""},
               {AccountRole::Host, "", "cafe"},
               {AccountRole::Coordinator, "vimby", ""}};
    auto id = accounts().create_account(a);
    ASSERT_TRUE(id) << id.error().message;
    ASSERT_TRUE(sql_exec("UPDATE account_roles SET role = role WHERE role = 'participant'"));
    auto found = accounts().find_account(*id);
    ASSERT_TRUE(found && *found);
    EXPECT_EQ((*found)->roles, a.roles);
    EXPECT_EQ(sql("SELECT count(DISTINCT pk) FROM account_roles"), "3");
}

TEST_P(ConformanceTest, AccountsAreListedByEmail) {
    create_in_vimby(accounts(), "c@x.dk");
    create_in_vimby(accounts(), "a@x.dk");
    create_in_vimby(accounts(), "b@x.dk");
    auto all = accounts().list_accounts();
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 3u);
    EXPECT_EQ((*all)[0].email, "a@x.dk");
    EXPECT_EQ((*all)[2].email, "c@x.dk");
    EXPECT_EQ((*all)[1].roles.size(), 1u);
    EXPECT_TRUE((*all)[1].password_hash.empty());
}

TEST_P(ConformanceTest, AccountEmailTakenWhateverItsCase) {
    create_in_vimby(accounts(), "bo@x.dk");
    auto again = accounts().create_account({"BO@x.dk", "Bo", "", {}, ""});
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::Conflict);
    EXPECT_EQ(again.error().field, "email");
    EXPECT_EQ(again.error().message, core::message(core::Lang::Da, core::Msg::EmailTaken));
    EXPECT_EQ(sql("SELECT count(*) FROM accounts"), "1");
}

TEST_P(ConformanceTest, AccountWithUnknownReferencesIsRefusedWhole) {
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
        auto id = accounts().create_account(c.account);
        ASSERT_FALSE(id) << c.field;
        EXPECT_EQ(id.error().code, ErrorCode::NotFound);
        EXPECT_EQ(id.error().field, c.field);
        EXPECT_FALSE(id.error().message.empty());
    }
    EXPECT_EQ(sql("SELECT count(*) FROM accounts"), "0");
    EXPECT_EQ(sql("SELECT count(*) FROM account_roles"), "0");
    auto empty = accounts().create_account({"", "A", "", {}, ""});
    ASSERT_FALSE(empty);
    EXPECT_EQ(empty.error().code, ErrorCode::Invalid);
    EXPECT_EQ(empty.error().field, "email");
}

TEST_P(ConformanceTest, AccountOnePerPerson) {
    create_in_vimby(accounts(), "a@x.dk", "p1");
    auto second = accounts().create_account({"b@x.dk", "B", "p1", {}, ""});
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().code, ErrorCode::Conflict);
    EXPECT_EQ(second.error().field, "person");
}

TEST_P(ConformanceTest, AccountRemovedWithRolesSessionsAndInvitations) {
    const auto id = create_in_vimby(accounts(), "a@x.dk", "p1");
    const auto other = create_in_vimby(accounts(), "b@x.dk");
    ASSERT_TRUE(accounts().create_session({"aa11", id, "csrf", T0, T0 + 3600}));
    ASSERT_TRUE(accounts().create_session({"bb22", other, "csrf", T0, T0 + 3600}));
    ASSERT_TRUE(accounts().create_invitation("inv1", id, T0 + 3600));
    ASSERT_TRUE(accounts().log_access({T0, id, "view", "p2", "GET /people/p2"}));

    ASSERT_TRUE(accounts().remove_account("A@x.dk"));
    EXPECT_FALSE(*accounts().find_account(id));
    EXPECT_FALSE(*accounts().find_session("aa11", T0));
    EXPECT_TRUE(*accounts().find_session("bb22", T0));
    EXPECT_FALSE(*accounts().find_invitation("inv1", T0));
    EXPECT_EQ(sql("SELECT count(*) FROM account_roles"), "1");
    // Who looked at p2 stays on record after the account is gone.
    auto log = accounts().access_log_of("p2");
    ASSERT_TRUE(log);
    ASSERT_EQ(log->size(), 1u);
    EXPECT_EQ((*log)[0].actor, id);

    auto again = accounts().remove_account("a@x.dk");
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::NotFound);
    EXPECT_EQ(again.error().field, "email");
}

TEST_P(ConformanceTest, AccountPasswordHashIsSet) {
    const auto id = create_in_vimby(accounts(), "a@x.dk");
    ASSERT_TRUE(accounts().set_password_hash(id, "$argon2id$new"));
    EXPECT_EQ((*accounts().find_account(id))->password_hash, "$argon2id$new");
    auto unknown = accounts().set_password_hash(id + 1, "h");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, ErrorCode::NotFound);
}

TEST_P(ConformanceTest, AccountSessionsLiveUntilExpiredOrDeleted) {
    const auto id = create_in_vimby(accounts(), "a@x.dk");
    const core::Session session{"0123abcd", id, "csrf-1", T0, T0 + 3600};
    ASSERT_TRUE(accounts().create_session(session));
    auto found = accounts().find_session("0123abcd", T0 + 3599);
    ASSERT_TRUE(found && *found);
    EXPECT_EQ((*found)->account, id);
    EXPECT_EQ((*found)->csrf_token, "csrf-1");
    EXPECT_EQ((*found)->created_at, T0);
    EXPECT_EQ((*found)->expires_at, T0 + 3600);
    EXPECT_EQ((*found)->token_hash, "0123abcd");
    EXPECT_FALSE(*accounts().find_session("0123abcd", T0 + 3600));
    EXPECT_FALSE(*accounts().find_session("0123abcc", T0));

    ASSERT_TRUE(accounts().delete_session("0123abcd"));
    EXPECT_FALSE(*accounts().find_session("0123abcd", T0));

    ASSERT_TRUE(accounts().create_session({"s1", id, "c", T0, T0 + 60}));
    ASSERT_TRUE(accounts().create_session({"s2", id, "c", T0, T0 + 60}));
    ASSERT_TRUE(accounts().delete_sessions_of(id));
    EXPECT_FALSE(*accounts().find_session("s1", T0));
    EXPECT_FALSE(*accounts().find_session("s2", T0));

    auto orphan = accounts().create_session({"s3", id + 9, "c", T0, T0 + 60});
    ASSERT_FALSE(orphan);
    EXPECT_EQ(orphan.error().code, ErrorCode::NotFound);
}

TEST_P(ConformanceTest, AccountSignedInFoundInOneLookup) {
    const auto id = create_in_vimby(accounts(), "a@x.dk", "p1");
    ASSERT_TRUE(accounts().create_session({"0123abcd", id, "csrf-1", T0, T0 + 3600}));
    auto found = accounts().find_signed_in("0123abcd", T0 + 3599);
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
    EXPECT_FALSE(*accounts().find_signed_in("0123abcd", T0 + 3600));
    EXPECT_FALSE(*accounts().find_signed_in("0123abcc", T0));
    ASSERT_TRUE(accounts().remove_account("a@x.dk"));
    EXPECT_FALSE(*accounts().find_signed_in("0123abcd", T0));
}

TEST_P(ConformanceTest, AccountInvitationUsedOnceBeforeItExpires) {
    const auto id = create_in_vimby(accounts(), "a@x.dk");
    ASSERT_TRUE(accounts().create_invitation("tok", id, T0 + 100));
    EXPECT_EQ(**accounts().find_invitation("tok", T0), id);
    EXPECT_EQ(**accounts().find_invitation("tok", T0), id);  // looking does not use it up
    EXPECT_FALSE(*accounts().find_invitation("tok", T0 + 100));
    EXPECT_FALSE(*accounts().find_invitation("other", T0));

    auto late = accounts().accept_invitation("tok", T0 + 100, "h");
    ASSERT_FALSE(late);
    EXPECT_EQ(late.error().code, ErrorCode::NotFound);
    EXPECT_EQ(late.error().field, "token");
    EXPECT_TRUE((*accounts().find_account(id))->password_hash.empty());

    auto accepted = accounts().accept_invitation("tok", T0 + 50, "$argon2id$p");
    ASSERT_TRUE(accepted);
    EXPECT_EQ(*accepted, id);
    EXPECT_EQ((*accounts().find_account(id))->password_hash, "$argon2id$p");
    EXPECT_FALSE(*accounts().find_invitation("tok", T0 + 51));
    auto twice = accounts().accept_invitation("tok", T0 + 51, "$argon2id$q");
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().field, "token");
    EXPECT_EQ((*accounts().find_account(id))->password_hash, "$argon2id$p");

    auto orphan = accounts().create_invitation("t2", id + 5, T0 + 100);
    ASSERT_FALSE(orphan);
    EXPECT_EQ(orphan.error().code, ErrorCode::NotFound);
}

TEST_P(ConformanceTest, AccountLoginFailuresByAccountAndAddress) {
    ASSERT_TRUE(accounts().record_login_failure("A@x.dk", "10.0.0.1", T0 - 100));
    ASSERT_TRUE(accounts().record_login_failure("a@x.dk", "10.0.0.1", T0 + 10));
    ASSERT_TRUE(accounts().record_login_failure("a@x.dk", "10.0.0.2", T0 + 20));
    ASSERT_TRUE(accounts().record_login_failure("b@x.dk", "10.0.0.1", T0 + 30));

    auto failures = accounts().login_failures("a@X.dk", "10.0.0.1", T0);
    ASSERT_TRUE(failures);
    EXPECT_EQ(failures->by_account, 2);
    EXPECT_EQ(failures->by_address, 2);
    EXPECT_EQ(failures->latest, T0 + 30);
    EXPECT_EQ(accounts().login_failures("a@x.dk", "10.0.0.1", T0 - 100)->by_account, 3);

    ASSERT_TRUE(accounts().clear_login_failures("A@X.DK"));
    failures = accounts().login_failures("a@x.dk", "10.0.0.1", T0);
    EXPECT_EQ(failures->by_account, 0);
    EXPECT_EQ(failures->by_address, 1);  // b's failure from the same address remains
    EXPECT_EQ(failures->latest, T0 + 30);
    auto none = accounts().login_failures("c@x.dk", "10.9.9.9", T0);
    EXPECT_EQ(none->by_account, 0);
    EXPECT_EQ(none->latest, 0);
}

TEST_P(ConformanceTest, AccountAccessLogOfAPersonNewestFirst) {
    const auto id = create_in_vimby(accounts(), "a@x.dk");
    ASSERT_TRUE(accounts().log_access({T0, id, "view", "p1", "GET /people/p1"}));
    ASSERT_TRUE(accounts().log_access({T0 + 5, 0, "export", "p1", "CLI"}));
    ASSERT_TRUE(accounts().log_access({T0 + 1, id, "view", "p2", "GET /people/p2"}));
    ASSERT_TRUE(accounts().log_access({T0 + 2, 0, "login_failed", "", "a@x.dk"}));
    auto log = accounts().access_log_of("p1");
    ASSERT_TRUE(log);
    ASSERT_EQ(log->size(), 2u);
    EXPECT_EQ((*log)[0].at, T0 + 5);
    EXPECT_EQ((*log)[0].actor, 0);
    EXPECT_EQ((*log)[0].action, "export");
    EXPECT_EQ((*log)[1].actor, id);
    EXPECT_EQ((*log)[1].subject, "p1");
    EXPECT_EQ((*log)[1].detail, "GET /people/p1");
    EXPECT_TRUE(accounts().access_log_of("p9")->empty());
    auto unknown = accounts().log_access({T0, id, "view", "p9", ""});
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().field, "subject");
}

// Several threads write at once through one pool: every write arrives, none fails on a lock.
TEST_P(ConformanceTest, AccountConcurrentWritersLoseNothing) {
    const auto id = create_in_vimby(accounts(), "a@x.dk");
    constexpr int THREADS = 6;
    constexpr int EACH = 40;
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int t = 0; t < THREADS; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < EACH; ++i) {
                const std::string token = std::to_string(t) + "-" + std::to_string(i);
                if (!accounts().create_session({token, id, "c", T0, T0 + 60}) ||
                    !accounts().log_access({T0 + i, id, "view", "p1", token}) ||
                    !accounts().find_session(token, T0)) {
                    ++failures;
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(failures, 0);
    EXPECT_EQ(sql("SELECT count(*) FROM sessions"), std::to_string(THREADS * EACH));
    EXPECT_EQ(accounts().access_log_of("p1")->size(), static_cast<size_t>(THREADS * EACH));
}

// The search's upper bound is exclusive and its limit keeps the newest; purging the log also
// forgets failed logins older than the same time.
TEST_P(ConformanceTest, AccountAccessLogLimitsAndPurgesLoginFailures) {
    for (int i = 0; i < 5; ++i) {
        ASSERT_TRUE(accounts().log_access({T0 + i, 0, "view", "p1", std::to_string(i)}));
    }
    core::AccessQuery query;
    query.to = T0 + 4;
    query.limit = 2;
    auto found = accounts().search_access_log(query);
    ASSERT_TRUE(found) << found.error().message;
    ASSERT_EQ(found->size(), 2u);
    EXPECT_EQ((*found)[0].detail, "3");
    EXPECT_EQ((*found)[1].detail, "2");
    query.limit = 0;
    EXPECT_TRUE(accounts().search_access_log(query)->empty());

    ASSERT_TRUE(accounts().record_login_failure("a@x.dk", "10.0.0.1", T0 - 10));
    ASSERT_TRUE(accounts().record_login_failure("a@x.dk", "10.0.0.1", T0 + 10));
    auto purged = accounts().purge_access_log(T0 + 2);
    ASSERT_TRUE(purged);
    EXPECT_EQ(*purged, 2);
    EXPECT_EQ(accounts().login_failures("a@x.dk", "10.0.0.1", 0)->by_account, 1);
    EXPECT_EQ(sql("SELECT count(*) FROM audit_log"), "3");
}

}  // namespace
}  // namespace samskab::storage::conformance
