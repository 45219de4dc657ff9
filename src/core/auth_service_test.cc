// AuthService against the real SQLite account store in a temporary directory, with real
// argon2id (libsodium's minimum cost) and real tokens.
#include "core/auth_service.h"

#include <unistd.h>

#include <filesystem>
#include <memory>

#include <gtest/gtest.h>

#include "security/sodium_password_hasher.h"
#include "security/sodium_token_source.h"
#include "storage/sqlite/sqlite_account_store.h"
#include "storage/sqlite/sqlite_pool.h"
#include "storage/sqlite/sqlite_store.h"

namespace samskab::core {
namespace {

constexpr std::string_view PASSWORD = "korrekt hest batteri";
constexpr LocalTime MINUTE = 60;

class AuthServiceTest : public ::testing::Test {
protected:
    void SetUp() override {
        char pattern[] = "/tmp/samskab-auth-XXXXXX";
        ASSERT_NE(mkdtemp(pattern), nullptr);
        m_dir = pattern;
        const std::string db = (m_dir / "auth.db").string();
        auto store = storage::sqlite::SqliteStore::open(db);
        ASSERT_TRUE(store) << store.error().message;
        Bundle bundle;
        bundle.partnerships = {
            {"p1", "Partnerskab", {{"o1", "Foreningen", OrganisationKind::Civil}}}};
        bundle.places = {{"pl1", "p1", "Huset", 0.2}};
        bundle.people = {{"alice", "Alice Andersen", false, 20000, std::nullopt, {}},
                         {"bob", "Bob Bager", false, 20000, std::nullopt, {}}};
        auto imported = (*store)->import_bundle(bundle);
        ASSERT_TRUE(imported) << imported.error().message;

        auto pool = storage::sqlite::ConnectionPool::open(db, 2);
        ASSERT_TRUE(pool) << pool.error().message;
        m_pool = *pool;
        m_accounts = std::make_unique<storage::sqlite::SqliteAccountStore>(m_pool, m_clock);
        auto hasher = security::SodiumPasswordHasher::create(security::HashCost::Minimum);
        ASSERT_TRUE(hasher);
        m_hasher = std::make_unique<security::SodiumPasswordHasher>(std::move(*hasher));
        auto tokens = security::SodiumTokenSource::create();
        ASSERT_TRUE(tokens);
        m_tokens = std::make_unique<security::SodiumTokenSource>(std::move(*tokens));
        m_auth = std::make_unique<AuthService>(*m_accounts, *m_hasher, *m_tokens, m_clock);

        m_alice = add("alice@example.dk", "alice", PASSWORD);
    }

    void TearDown() override {
        m_auth.reset();
        m_accounts.reset();
        m_pool.reset();
        std::error_code ignored;
        std::filesystem::remove_all(m_dir, ignored);
    }

    std::int64_t add(const std::string& email, const std::string& person,
                     std::string_view password) {
        auto hash = m_hasher->hash(password);
        EXPECT_TRUE(hash);
        auto id = m_accounts->create_account(NewAccount{
            email, "Navn", person, {RoleGrant{AccountRole::Participant, "p1", ""}}, *hash});
        EXPECT_TRUE(id) << (id ? "" : id.error().message);
        return id ? *id : 0;
    }

    Result<AuthService::SignedIn> login(std::string_view email, std::string_view password,
                                        std::string_view address = "192.0.2.1",
                                        Lang lang = Lang::Da) {
        return m_auth->login(email, password, address, lang);
    }

    std::vector<AccessEntry> log_of(std::string_view person) {
        auto log = m_accounts->access_log_of(person);
        EXPECT_TRUE(log);
        return log ? *log : std::vector<AccessEntry>{};
    }

    std::filesystem::path m_dir;
    FixedClock m_clock{LocalTime{20514} * 86400 + 9 * 3600};  // 2026-03-02 09:00
    std::shared_ptr<storage::sqlite::ConnectionPool> m_pool;
    std::unique_ptr<storage::sqlite::SqliteAccountStore> m_accounts;
    std::unique_ptr<security::SodiumPasswordHasher> m_hasher;
    std::unique_ptr<security::SodiumTokenSource> m_tokens;
    std::unique_ptr<AuthService> m_auth;
    std::int64_t m_alice = 0;
};

TEST_F(AuthServiceTest, LoginOpensASessionStoredOnlyAsADigest) {
    auto signed_in = login(" Alice@Example.DK ", PASSWORD);
    ASSERT_TRUE(signed_in) << signed_in.error().message;
    EXPECT_EQ(signed_in->principal.account, m_alice);
    EXPECT_EQ(signed_in->principal.email, "alice@example.dk");
    EXPECT_EQ(signed_in->principal.person, "alice");
    EXPECT_EQ(signed_in->session.token_hash, m_tokens->digest(signed_in->token));
    EXPECT_NE(signed_in->session.token_hash, signed_in->token);
    EXPECT_EQ(signed_in->session.csrf_token.size(), 43u);
    EXPECT_NE(signed_in->session.csrf_token, signed_in->token);
    EXPECT_EQ(signed_in->session.expires_at, m_clock.now() + AuthService::SESSION_LIFETIME);

    auto current = m_auth->session(signed_in->token);
    ASSERT_TRUE(current);
    ASSERT_TRUE(*current);
    EXPECT_EQ((*current)->principal.email, "alice@example.dk");
    EXPECT_EQ((*current)->session.csrf_token, signed_in->session.csrf_token);
    // The digest itself opens nothing.
    EXPECT_FALSE(*m_auth->session(signed_in->session.token_hash));
    const auto log = log_of("alice");
    ASSERT_FALSE(log.empty());
    EXPECT_EQ(log.front().action, "login");
}

TEST_F(AuthServiceTest, WrongPasswordAndUnknownEmailFailAlike) {
    auto wrong = login("alice@example.dk", "forkert forkert");
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error().code, ErrorCode::Invalid);
    EXPECT_EQ(wrong.error().field, "password");
    EXPECT_EQ(wrong.error().message, "e-mail eller adgangskode er forkert");
    auto unknown = login("nobody@example.dk", PASSWORD, "192.0.2.1", Lang::En);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, ErrorCode::Invalid);
    EXPECT_EQ(unknown.error().field, "password");
    EXPECT_EQ(unknown.error().message, "the email or the password is wrong");

    auto failures = m_accounts->login_failures("alice@example.dk", "192.0.2.1", 0);
    ASSERT_TRUE(failures);
    EXPECT_EQ(failures->by_account, 1);
    EXPECT_EQ(failures->by_address, 2);
    // The person sees that someone tried to log in as them.
    const auto log = log_of("alice");
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].action, "login_failed");
    EXPECT_EQ(log[0].actor, m_alice);
    EXPECT_NE(log[0].detail.find("192.0.2.1"), std::string::npos);
}

TEST_F(AuthServiceTest, FiveFailuresMakeTheAccountWaitFifteenMinutes) {
    for (int i = 0; i < AuthService::MAX_FAILURES; ++i) {
        EXPECT_FALSE(login("alice@example.dk", "forkert forkert", "192.0.2." + std::to_string(i)));
        m_clock.advance(MINUTE);
    }
    // Even the right password waits, from any address.
    auto waiting = login("alice@example.dk", PASSWORD, "198.51.100.1");
    ASSERT_FALSE(waiting);
    EXPECT_EQ(waiting.error().code, ErrorCode::Forbidden);
    EXPECT_EQ(waiting.error().field, "email");
    EXPECT_EQ(waiting.error().message, "for mange forkerte forsøg; vent 14 minutter, og prøv igen");
    m_clock.advance(10 * MINUTE);
    auto still = login("alice@example.dk", PASSWORD, "198.51.100.1", Lang::En);
    ASSERT_FALSE(still);
    EXPECT_EQ(still.error().message, "too many wrong attempts; wait 4 minutes and try again");
    // Waiting does not count as a failure, so the wait ends on time.
    m_clock.advance(4 * MINUTE);
    auto after = login("alice@example.dk", PASSWORD, "198.51.100.1");
    ASSERT_TRUE(after) << after.error().message;
    // A success forgets the account's failures.
    auto failures = m_accounts->login_failures("alice@example.dk", "none", 0);
    ASSERT_TRUE(failures);
    EXPECT_EQ(failures->by_account, 0);
    // Refused attempts are in the person's access log too.
    int refused = 0;
    for (const AccessEntry& entry : log_of("alice")) {
        refused += entry.action == "login_failed" ? 1 : 0;
    }
    EXPECT_EQ(refused, AuthService::MAX_FAILURES + 2);
}

TEST_F(AuthServiceTest, OneAddressTryingManyEmailsWaitsToo) {
    add("bob@example.dk", "bob", PASSWORD);
    for (int i = 0; i < AuthService::MAX_FAILURES; ++i) {
        EXPECT_FALSE(login("guess" + std::to_string(i) + "@example.dk", "x", "203.0.113.5"));
    }
    auto from_attacker = login("bob@example.dk", PASSWORD, "203.0.113.5");
    ASSERT_FALSE(from_attacker);
    EXPECT_EQ(from_attacker.error().code, ErrorCode::Forbidden);
    EXPECT_TRUE(login("bob@example.dk", PASSWORD, "192.0.2.44"));
}

TEST_F(AuthServiceTest, FailuresOlderThanTheWindowDoNotCount) {
    for (int i = 0; i < AuthService::MAX_FAILURES - 1; ++i) {
        EXPECT_FALSE(login("alice@example.dk", "forkert forkert"));
    }
    m_clock.advance(AuthService::FAILURE_WINDOW + 1);
    EXPECT_FALSE(login("alice@example.dk", "forkert forkert"));
    auto ok = login("alice@example.dk", PASSWORD);
    EXPECT_TRUE(ok) << ok.error().message;
}

TEST_F(AuthServiceTest, DisabledAccountCannotLogInOrKeepItsSession) {
    auto signed_in = login("alice@example.dk", PASSWORD);
    ASSERT_TRUE(signed_in);
    auto disabled = m_pool->write([this](storage::sqlite::Connection& c) {
        return storage::sqlite::Query(c, "UPDATE accounts SET disabled = 1 WHERE pk = ?")
            .bind(1, m_alice)
            .run();
    });
    ASSERT_TRUE(disabled);
    auto refused = login("alice@example.dk", PASSWORD);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().field, "password");
    EXPECT_EQ(refused.error().message, "e-mail eller adgangskode er forkert");
    EXPECT_FALSE(*m_auth->session(signed_in->token));
}

TEST_F(AuthServiceTest, SessionsExpireAndLogoutEndsThem) {
    auto first = login("alice@example.dk", PASSWORD);
    auto second = login("alice@example.dk", PASSWORD);
    ASSERT_TRUE(first && second);
    EXPECT_TRUE(m_auth->logout(first->token));
    EXPECT_FALSE(*m_auth->session(first->token));
    EXPECT_TRUE(*m_auth->session(second->token));
    m_clock.advance(AuthService::SESSION_LIFETIME);
    EXPECT_FALSE(*m_auth->session(second->token));
    EXPECT_FALSE(*m_auth->session(""));
    EXPECT_FALSE(*m_auth->session("ukendt"));
    EXPECT_TRUE(m_auth->logout(""));
}

TEST_F(AuthServiceTest, ChangePasswordChecksAndEndsTheOtherSessions) {
    auto here = login("alice@example.dk", PASSWORD);
    auto elsewhere = login("alice@example.dk", PASSWORD);
    ASSERT_TRUE(here && elsewhere);

    auto wrong = m_auth->change_password(m_alice, "forkert forkert", "et nyt langt kodeord",
                                         Lang::Da, here->token);
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error().field, "password");
    EXPECT_EQ(wrong.error().message, "adgangskoden er forkert");
    auto short_one = m_auth->change_password(m_alice, PASSWORD, "kort", Lang::En, here->token);
    ASSERT_FALSE(short_one);
    EXPECT_EQ(short_one.error().field, "new_password");
    EXPECT_EQ(short_one.error().message, "must be at least 10 characters");
    EXPECT_TRUE(*m_auth->session(elsewhere->token));

    auto changed =
        m_auth->change_password(m_alice, PASSWORD, "et nyt langt kodeord", Lang::Da, here->token);
    ASSERT_TRUE(changed) << changed.error().message;
    EXPECT_TRUE(*m_auth->session(here->token));
    EXPECT_FALSE(*m_auth->session(elsewhere->token));
    EXPECT_FALSE(login("alice@example.dk", PASSWORD));
    EXPECT_TRUE(login("alice@example.dk", "et nyt langt kodeord"));

    // Without the current token every session ends.
    ASSERT_TRUE(
        m_auth->change_password(m_alice, "et nyt langt kodeord", "endnu et nyt kodeord", Lang::Da));
    EXPECT_FALSE(*m_auth->session(here->token));
}

TEST_F(AuthServiceTest, CreateAccountValidatesAndNormalisesTheEmail) {
    for (const char* bad : {"", "alice", "@example.dk", "a@", "a@b", "a@.dk", "a@b.", "a b@c.dk",
                            "a@b@c.dk", "a@b..dk"}) {
        auto created = m_auth->create_account(NewAccount{bad, "Navn", "", {}, ""}, Lang::Da);
        ASSERT_FALSE(created) << bad;
        EXPECT_EQ(created.error().code, ErrorCode::Invalid);
        EXPECT_EQ(created.error().field, "email");
        EXPECT_EQ(created.error().message, "skal være en e-mailadresse som navn@eksempel.dk");
    }
    auto hash = m_hasher->hash(PASSWORD);
    ASSERT_TRUE(hash);
    auto created =
        m_auth->create_account(NewAccount{" Carl@Example.DK", "Carl", "", {}, *hash}, Lang::Da);
    ASSERT_TRUE(created) << created.error().message;
    EXPECT_EQ(*created, "");  // a password was given: no invitation
    auto found = m_accounts->find_account_by_email("carl@example.dk");
    ASSERT_TRUE(found && *found);
    EXPECT_EQ((*found)->email, "carl@example.dk");

    auto taken =
        m_auth->create_account(NewAccount{"CARL@example.dk", "Carl", "", {}, ""}, Lang::En);
    ASSERT_FALSE(taken);
    EXPECT_EQ(taken.error().code, ErrorCode::Conflict);
    EXPECT_EQ(taken.error().field, "email");
    EXPECT_EQ(taken.error().message, "is already in use");

    auto nameless = m_auth->create_account(NewAccount{"d@example.dk", "  ", "", {}, ""}, Lang::Da);
    ASSERT_FALSE(nameless);
    EXPECT_EQ(nameless.error().field, "name");
}

TEST_F(AuthServiceTest, CreateAccountNamesUnknownOrTakenPeople) {
    auto unknown =
        m_auth->create_account(NewAccount{"x@example.dk", "X", "ghost", {}, ""}, Lang::En);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, ErrorCode::NotFound);
    EXPECT_EQ(unknown.error().field, "person");
    EXPECT_EQ(unknown.error().message, "unknown person \"ghost\"");
    auto taken = m_auth->create_account(NewAccount{"y@example.dk", "Y", "alice", {}, ""}, Lang::Da);
    ASSERT_FALSE(taken);
    EXPECT_EQ(taken.error().code, ErrorCode::Conflict);
    EXPECT_EQ(taken.error().field, "person");
    EXPECT_EQ(taken.error().message, "har allerede en konto");
    // Nothing was stored for either.
    EXPECT_FALSE(*m_accounts->find_account_by_email("x@example.dk"));
    EXPECT_FALSE(*m_accounts->find_account_by_email("y@example.dk"));
}

TEST_F(AuthServiceTest, InvitationSetsThePasswordOnce) {
    auto token = m_auth->create_account(
        NewAccount{"bob@example.dk", "Bob", "bob", {RoleGrant{AccountRole::Host, "", "pl1"}}, ""},
        Lang::Da);
    ASSERT_TRUE(token) << token.error().message;
    ASSERT_EQ(token->size(), 43u);
    // Until the invitation is used, nobody can log in.
    EXPECT_FALSE(login("bob@example.dk", ""));

    auto invited = m_auth->invitation(*token);
    ASSERT_TRUE(invited && *invited);
    EXPECT_EQ((*invited)->email, "bob@example.dk");
    EXPECT_FALSE(*m_auth->invitation("not-a-token"));

    auto short_one = m_auth->accept_invitation(*token, "kort", Lang::Da);
    ASSERT_FALSE(short_one);
    EXPECT_EQ(short_one.error().field, "password");
    EXPECT_EQ(short_one.error().message, "skal være mindst 10 tegn");
    EXPECT_TRUE(*m_auth->invitation(*token));  // a refused attempt does not use it up

    ASSERT_TRUE(m_auth->accept_invitation(*token, "bobs lange kodeord", Lang::Da));
    EXPECT_TRUE(login("bob@example.dk", "bobs lange kodeord"));
    auto again = m_auth->accept_invitation(*token, "et andet kodeord", Lang::En);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::NotFound);
    EXPECT_EQ(again.error().field, "token");
    EXPECT_EQ(again.error().message, "the invitation is unknown, already used or expired");
}

TEST_F(AuthServiceTest, InvitationExpires) {
    auto token = m_auth->create_account(NewAccount{"e@example.dk", "E", "", {}, ""}, Lang::Da);
    ASSERT_TRUE(token);
    m_clock.advance(AuthService::INVITATION_LIFETIME);
    EXPECT_FALSE(*m_auth->invitation(*token));
    auto late = m_auth->accept_invitation(*token, "et langt kodeord", Lang::Da);
    ASSERT_FALSE(late);
    EXPECT_EQ(late.error().field, "token");
}

TEST(CheckPasswordTest, CountsCodePointsNotBytes) {
    EXPECT_TRUE(AuthService::check_password("æøåæøåæøåæ", "password", Lang::Da));    // 10
    auto nine = AuthService::check_password("æøåæøåæøå", "new_password", Lang::Da);  // 18 bytes
    ASSERT_FALSE(nine);
    EXPECT_EQ(nine.error().code, ErrorCode::Invalid);
    EXPECT_EQ(nine.error().field, "new_password");
    EXPECT_EQ(nine.error().message, "skal være mindst 10 tegn");
    EXPECT_TRUE(AuthService::check_password("0123456789", "password", Lang::En));
    EXPECT_FALSE(AuthService::check_password("", "password", Lang::En));
}

}  // namespace
}  // namespace samskab::core
