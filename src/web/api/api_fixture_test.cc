// The fixture of the API tests (api_fixture.h), and the tests of the session routes.
#include "web/api/api_fixture.h"

#include <unistd.h>

#include <cstdlib>

#include "core/date.h"

namespace samskab::web::api {

namespace {

constexpr core::LocalTime HOUR = 3600;

core::Bundle test_bundle(core::Day today) {
    using core::ActivityKind;
    const core::LocalTime midnight = core::LocalTime{today} * 86400;
    core::Bundle b;
    b.partnerships = {
        {"p1", "Partnerskab Et", {{"o1", "Foreningen Et", core::OrganisationKind::Civil}}},
        {"p2", "Partnerskab To", {{"o2", "Foreningen To", core::OrganisationKind::Civil}}}};
    b.places = {{"pl1", "p1", "Huset", 0.2},
                {"pl2", "p1", "Værkstedet", 0.2},
                {"pl3", "p2", "Caféen", 0.2}};
    core::Person alice{"alice", "Alice Andersen", true, today - 100, std::nullopt, {true, false}};
    core::Person bob{"bob", "Bob Bager", false, today - 100, std::nullopt, {}};
    core::Person carol{"carol", "Carol Clausen", false, today - 50, std::nullopt, {}};
    core::Person dave{"dave", "Dave Dahl", true, today - 50, std::nullopt, {true, false}};
    b.people = {alice, bob, carol, dave};
    b.activities = {
        {"act1", "pl1", "Fællesspisning", ActivityKind::Fixed, std::nullopt, today - 200},
        {"act3", "pl3", "Brætspil", ActivityKind::Fixed, std::nullopt, today - 200}};
    b.occurrences = {
        {"occ1", "act1", midnight + 86400 + 10 * HOUR, midnight + 86400 + 12 * HOUR},
        {"occ-past", "act1", midnight - 86400 + 10 * HOUR, midnight - 86400 + 12 * HOUR},
        {"occ3", "act3", midnight + 86400 + 14 * HOUR, midnight + 86400 + 16 * HOUR}};
    b.participations = {{"alice", "occ1", core::Role::Active},
                        {"bob", "occ-past", core::Role::Active}};
    b.visits = {{"alice", "pl1", today - 10},
                {"bob", "pl1", today - 10},
                {"carol", "pl2", today - 10},
                {"dave", "pl3", today - 10}};
    return b;
}

std::string cookie_value(const Response& response, std::string_view name) {
    for (const auto& [header, value] : response.headers) {
        if (header == "Set-Cookie" && value.rfind(std::string(name) + "=", 0) == 0) {
            return value.substr(0, value.find(';'));
        }
    }
    return {};
}

}  // namespace

void ApiTest::SetUp() {
    char pattern[] = "/tmp/samskab-api-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    m_dir = pattern;
    const std::string db = (m_dir / "api.db").string();
    m_clock.set(core::LocalTime{core::days_from_civil(2026, 3, 2)} * 86400 + 9 * HOUR);
    m_config.static_dir = m_dir.string();

    auto pool = storage::sqlite::ConnectionPool::open(db, 2);
    ASSERT_TRUE(pool) << pool.error().message;
    m_pool = *pool;
    auto store = storage::sqlite::SqliteStore::open(db);
    ASSERT_TRUE(store) << store.error().message;
    m_store = std::move(*store);
    auto imported = m_store->import_bundle(test_bundle(today()));
    ASSERT_TRUE(imported) << imported.error().message;

    auto hasher = security::SodiumPasswordHasher::create(security::HashCost::Minimum);
    ASSERT_TRUE(hasher);
    m_hasher = std::make_unique<security::SodiumPasswordHasher>(std::move(*hasher));
    auto tokens = security::SodiumTokenSource::create();
    ASSERT_TRUE(tokens);
    m_tokens = std::make_unique<security::SodiumTokenSource>(std::move(*tokens));
    m_accounts = std::make_unique<storage::sqlite::SqliteAccountStore>(m_pool, m_clock);
    m_community = std::make_unique<storage::sqlite::SqliteCommunityStore>(m_pool);
    m_auth = std::make_unique<core::AuthService>(*m_accounts, *m_hasher, *m_tokens, m_clock);
    m_services = std::make_unique<Services>(
        Services{*m_accounts, *m_community, *m_store, *m_auth, m_clock, m_config});
    m_app = std::make_unique<Application>(*m_services, routes());

    using core::AccountRole;
    add_account("alice@example.dk", "alice", {AccountRole::Participant, "p1", ""});
    add_account("bob@example.dk", "bob", {AccountRole::Participant, "", "pl1"});
    add_account("host@example.dk", "", {AccountRole::Host, "", "pl1"});
    add_account("coord@example.dk", "", {AccountRole::Coordinator, "p1", ""});
    add_account("placecoord@example.dk", "", {AccountRole::Coordinator, "", "pl2"});
    add_account("coord2@example.dk", "", {AccountRole::Coordinator, "p2", ""});
    add_account("analyst@example.dk", "", {AccountRole::Analyst, "", ""});
}

void ApiTest::TearDown() {
    m_app.reset();
    m_services.reset();
    m_auth.reset();
    m_community.reset();
    m_accounts.reset();
    m_store.reset();
    m_pool.reset();
    std::error_code ignored;
    std::filesystem::remove_all(m_dir, ignored);
}

void ApiTest::add_account(std::string email, std::string person, core::RoleGrant grant) {
    auto hash = m_hasher->hash(PASSWORD);
    ASSERT_TRUE(hash);
    auto id = m_accounts->create_account(
        core::NewAccount{email, email.substr(0, email.find('@')), person, {grant}, *hash});
    ASSERT_TRUE(id) << id.error().message;
}

core::Day ApiTest::today() const {
    return m_clock.today();
}

Request ApiTest::request(Method method, std::string_view target, const Session* session) {
    Request r;
    r.method = method;
    r.remote_address = "127.0.0.1";
    const auto question = target.find('?');
    r.path = std::string(target.substr(0, question));
    if (question != std::string_view::npos) {
        std::string_view query = target.substr(question + 1);
        while (!query.empty()) {
            const auto amp = query.find('&');
            const std::string_view pair = query.substr(0, amp);
            const auto eq = pair.find('=');
            r.query.add(std::string(pair.substr(0, eq)),
                        eq == std::string_view::npos ? "" : std::string(pair.substr(eq + 1)));
            query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        }
    }
    if (session != nullptr) {
        const auto eq = session->cookie.find('=');
        r.cookies.add(session->cookie.substr(0, eq), session->cookie.substr(eq + 1));
        r.headers.add("x-csrf-token", session->csrf);
    }
    return r;
}

Response ApiTest::get(std::string_view target, const Session* session) {
    return m_app->handle(request(Method::Get, target, session));
}

Response ApiTest::post(std::string_view target, std::string_view body, const Session* session,
                       std::string_view content_type) {
    Request r = request(Method::Post, target, session);
    r.body = std::string(body);
    if (!content_type.empty()) {
        r.headers.add("content-type", std::string(content_type));
    }
    return m_app->handle(r);
}

nlohmann::json ApiTest::json_of(const Response& response) {
    return nlohmann::json::parse(response.body, nullptr, false);
}

ApiTest::Session ApiTest::sign_in(std::string_view email) {
    // As a script does: the pre-session CSRF token first, then the JSON sign-in.
    const Response first = get("/api/v1/session");
    EXPECT_EQ(first.status, 200);
    Session pre{cookie_value(first, "samskab_csrf"), json_of(first)["csrf_token"]};
    EXPECT_FALSE(pre.cookie.empty());
    const nlohmann::json body{{"email", email}, {"password", PASSWORD}};
    const Response signed_in = post("/api/v1/session", body.dump(), &pre);
    EXPECT_EQ(signed_in.status, 200) << signed_in.body;
    return Session{cookie_value(signed_in, "samskab_session"), json_of(signed_in)["csrf_token"]};
}

// --- the session routes

TEST_F(ApiTest, SignInGivesACookieAndATokenThatOpenTheApi) {
    const Session alice = sign_in("alice@example.dk");
    EXPECT_FALSE(alice.cookie.empty());
    EXPECT_FALSE(alice.csrf.empty());
    const Response me = get("/api/v1/me", &alice);
    ASSERT_EQ(me.status, 200) << me.body;
    const auto body = json_of(me);
    EXPECT_EQ(body["email"], "alice@example.dk");
    EXPECT_EQ(body["person"], "alice");
    EXPECT_EQ(body["roles"][0]["role"], "participant");
    EXPECT_EQ(body["roles"][0]["partnership"], "p1");
    EXPECT_EQ(body["break"]["on_break"], false);
    const Response session = get("/api/v1/session", &alice);
    EXPECT_EQ(json_of(session)["csrf_token"], alice.csrf);
    EXPECT_EQ(json_of(session)["principal"]["email"], "alice@example.dk");
}

TEST_F(ApiTest, SignInWithAWrongPasswordNamesThePasswordInEitherLanguage) {
    const Response first = get("/api/v1/session");
    Session pre{cookie_value(first, "samskab_csrf"), json_of(first)["csrf_token"]};
    const std::string body = R"({"email":"alice@example.dk","password":"forkert forkert"})";
    const Response da = post("/api/v1/session", body, &pre);
    EXPECT_EQ(da.status, 400);
    EXPECT_EQ(json_of(da)["code"], "Invalid");
    EXPECT_EQ(json_of(da)["field"], "password");
    EXPECT_EQ(json_of(da)["message"], "e-mail eller adgangskode er forkert");
    const Response en = post("/api/v1/session?lang=en", body, &pre);
    EXPECT_EQ(json_of(en)["message"], "the email or the password is wrong");
    EXPECT_TRUE(cookie_value(en, "samskab_session").empty());
}

TEST_F(ApiTest, SignInNeedsTheCsrfTokenAndJson) {
    const std::string body = R"({"email":"alice@example.dk","password":"korrekt hest batteri"})";
    EXPECT_EQ(post("/api/v1/session", body, nullptr).status, 403);
    const Response first = get("/api/v1/session");
    Session pre{cookie_value(first, "samskab_csrf"), json_of(first)["csrf_token"]};
    const Response form = post("/api/v1/session", body, &pre, "application/x-www-form-urlencoded");
    EXPECT_EQ(form.status, 415);
    EXPECT_EQ(json_of(form)["code"], "UnsupportedMediaType");
    const Response broken = post("/api/v1/session", "{\"email\":", &pre);
    EXPECT_EQ(broken.status, 400);
    EXPECT_EQ(json_of(broken)["message"], "indholdet er ikke gyldig JSON");
    const Response extra = post(
        "/api/v1/session?lang=en",
        R"({"email":"alice@example.dk","password":"korrekt hest batteri","remember":true})", &pre);
    EXPECT_EQ(extra.status, 400);
    EXPECT_EQ(json_of(extra)["field"], "remember");
    EXPECT_EQ(json_of(extra)["message"], "remember: unknown field (a typo?)");
}

TEST_F(ApiTest, WithoutASessionTheApiAnswers401AsJson) {
    const Response me = get("/api/v1/me");
    EXPECT_EQ(me.status, 401);
    EXPECT_EQ(json_of(me)["code"], "Unauthenticated");
    EXPECT_EQ(get("/api/v1/whats-on").status, 401);
    const Response session = get("/api/v1/session");
    EXPECT_EQ(session.status, 200);
    EXPECT_TRUE(json_of(session)["principal"].is_null());
}

TEST_F(ApiTest, APostWithoutTheCsrfHeaderChangesNothing) {
    Session bob = sign_in("bob@example.dk");
    Session forged{bob.cookie, "not-the-token"};
    EXPECT_EQ(post("/api/v1/occurrences/occ1/join", "", &forged).status, 403);
    const auto listing = json_of(get("/api/v1/whats-on", &bob));
    ASSERT_EQ(listing["occurrences"].size(), 1u);
    EXPECT_EQ(listing["occurrences"][0]["joined"], false);
}

TEST_F(ApiTest, TheOpenApiDocumentIsPublic) {
    const Response doc = get("/api/v1/openapi.json");
    ASSERT_EQ(doc.status, 200);
    EXPECT_EQ(json_of(doc)["openapi"], "3.0.3");
    EXPECT_EQ(doc.header("Content-Type").substr(0, 16), "application/json");
}

}  // namespace samskab::web::api
