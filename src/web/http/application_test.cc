// The dispatcher's access rules: sessions, sign-in, roles, CSRF, language.
#include "web/http/application.h"

#include "web/http/application_fixture.h"
#include "web/http/csrf.h"

namespace samskab::web {
namespace {

TEST_F(ApplicationTest, PublicRouteWithoutSessionGetsACsrfCookie) {
    const Response response = m_app->handle(request(Method::Get, "/"));
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "<p>home</p>");
    EXPECT_EQ(m_seen.calls, 1);
    EXPECT_FALSE(m_seen.principal);
    const std::string cookie = cookie_value(response, CSRF_COOKIE);
    EXPECT_TRUE(well_formed_token(cookie)) << cookie;
    EXPECT_EQ(m_seen.csrf_token, cookie);
    // A browser that has the cookie keeps its token.
    Request again = request(Method::Get, "/");
    again.cookies.add(std::string(CSRF_COOKIE), cookie);
    const Response second = m_app->handle(again);
    EXPECT_EQ(cookie_value(second, CSRF_COOKIE), "");
    EXPECT_EQ(m_seen.csrf_token, cookie);
}

TEST_F(ApplicationTest, SignedInRequestSeesItsPrincipalAndSessionToken) {
    const SignedIn session = sign_in("deltager@example.dk");
    const Response response = m_app->handle(request(Method::Get, "/mine", &session));
    EXPECT_EQ(response.status, 200);
    ASSERT_TRUE(m_seen.principal);
    EXPECT_EQ(m_seen.principal->email, "deltager@example.dk");
    EXPECT_EQ(m_seen.csrf_token, session.csrf);
    EXPECT_EQ(cookie_value(response, CSRF_COOKIE), "");
}

TEST_F(ApplicationTest, PageWithoutSessionRedirectsToLoginWithTheWayBack) {
    Request r = request(Method::Get, "/mine");
    r.query.add("uge", "12");
    r.query.add("q", "a b/ø");
    const Response response = m_app->handle(r);
    EXPECT_EQ(response.status, 303);
    // next = "/mine?uge=12&q=a%20b%2F%C3%B8", encoded once more as a query value.
    EXPECT_EQ(response.header("Location"),
              "/login?next=%2Fmine%3Fuge%3D12%26q%3Da%2520b%252F%25C3%25B8");
    EXPECT_EQ(m_seen.calls, 0);
}

TEST_F(ApplicationTest, ExpiredOrUnknownSessionCountsAsNone) {
    const SignedIn session = sign_in("deltager@example.dk");
    m_clock.advance(core::AuthService::SESSION_LIFETIME + 1);
    EXPECT_EQ(m_app->handle(request(Method::Get, "/mine", &session)).status, 303);
    SignedIn forged{"not-a-session", ""};
    EXPECT_EQ(m_app->handle(request(Method::Get, "/mine", &forged)).status, 303);
    EXPECT_EQ(m_seen.calls, 0);
}

TEST_F(ApplicationTest, DisabledAccountLosesItsSession) {
    const SignedIn session = sign_in("deltager@example.dk");
    auto disabled = m_pool->write([](storage::sqlite::Connection& c) {
        return storage::sqlite::Query(c, "UPDATE accounts SET disabled = 1").run();
    });
    ASSERT_TRUE(disabled);
    EXPECT_EQ(m_app->handle(request(Method::Get, "/mine", &session)).status, 303);
}

TEST_F(ApplicationTest, ApiWithoutSessionIs401Json) {
    const Response response = m_app->handle(request(Method::Get, "/api/v1/me"));
    EXPECT_EQ(response.status, 401);
    EXPECT_EQ(response.header("Content-Type"), "application/json; charset=utf-8");
    EXPECT_EQ(response.body,
              "{\"code\":\"Unauthenticated\",\"message\":\"Du skal logge ind først.\","
              "\"field\":\"\"}");
    Request english = request(Method::Get, "/api/v1/me");
    english.query.add("lang", "en");
    EXPECT_NE(m_app->handle(english).body.find("You need to log in first."), std::string::npos);
}

TEST_F(ApplicationTest, RolesAreEnforcedBeforeTheHandler) {
    const SignedIn participant = sign_in("deltager@example.dk");
    const Response refused = m_app->handle(request(Method::Get, "/coordinate", &participant));
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(m_seen.calls, 0);
    const SignedIn coordinator = sign_in("koordinator@example.dk");
    EXPECT_EQ(m_app->handle(request(Method::Get, "/coordinate", &coordinator)).status, 200);
    EXPECT_EQ(m_seen.route, "coordinate");
    EXPECT_EQ(m_app->handle(request(Method::Get, "/coordinate")).status, 303);
}

TEST_F(ApplicationTest, PagePostNeedsTheSessionsCsrfToken) {
    const SignedIn session = sign_in("deltager@example.dk");
    EXPECT_EQ(m_app->handle(form_post("/activities/a-1/join", "x=1", &session)).status, 403);
    EXPECT_EQ(m_app->handle(form_post("/activities/a-1/join", "csrf_token=wrong", &session)).status,
              403);
    // Another session's token does not do either.
    const SignedIn other = sign_in("koordinator@example.dk");
    EXPECT_EQ(m_app->handle(form_post("/activities/a-1/join", "csrf_token=" + other.csrf, &session))
                  .status,
              403);
    EXPECT_EQ(m_seen.calls, 0);

    const Response ok =
        m_app->handle(form_post("/activities/a-1/join", "csrf_token=" + session.csrf, &session));
    EXPECT_EQ(ok.status, 200);
    EXPECT_EQ(m_seen.route, "join");
    EXPECT_EQ(m_seen.params.value("id"), "a-1");
}

TEST_F(ApplicationTest, CsrfRefusalSaysWhatToDo) {
    const SignedIn session = sign_in("deltager@example.dk");
    Request r = form_post("/activities/a-1/join", "", &session);
    r.query.add("lang", "en");
    const Response refused = m_app->handle(r);
    EXPECT_EQ(refused.status, 403);
    EXPECT_NE(refused.body.find("The form has expired"), std::string::npos);
}

TEST_F(ApplicationTest, LoginFormIsProtectedByTheCookieToken) {
    const std::string token = cookie_value(m_app->handle(request(Method::Get, "/")), CSRF_COOKIE);
    ASSERT_FALSE(token.empty());
    Request without_cookie = form_post("/login", "csrf_token=" + token);
    EXPECT_EQ(m_app->handle(without_cookie).status, 403);
    Request forged = form_post("/login", "csrf_token=" + random_token());
    forged.cookies.add(std::string(CSRF_COOKIE), token);
    EXPECT_EQ(m_app->handle(forged).status, 403);
    EXPECT_EQ(m_seen.calls, 1);  // only the GET

    Request genuine = form_post("/login", "email=a%40b.dk&csrf_token=" + token);
    genuine.cookies.add(std::string(CSRF_COOKIE), token);
    EXPECT_EQ(m_app->handle(genuine).status, 200);
    EXPECT_EQ(m_seen.route, "login");
}

TEST_F(ApplicationTest, ApiPostTakesTheTokenFromTheHeader) {
    const SignedIn session = sign_in("deltager@example.dk");
    Request r = request(Method::Post, "/api/v1/things", &session);
    r.headers.add("content-type", "application/json");
    r.body = "{}";
    const Response refused = m_app->handle(r);
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(refused.header("Content-Type"), "application/json; charset=utf-8");
    EXPECT_NE(refused.body.find("\"code\":\"Forbidden\""), std::string::npos);
    EXPECT_EQ(m_seen.calls, 0);
    r.headers.add("x-csrf-token", session.csrf);
    EXPECT_EQ(m_app->handle(r).status, 200);
    EXPECT_EQ(m_seen.route, "api-post");
}

TEST_F(ApplicationTest, PagePostMustBeUrlEncoded) {
    const SignedIn session = sign_in("deltager@example.dk");
    Request json = request(Method::Post, "/activities/a-1/join", &session);
    json.headers.add("content-type", "application/json");
    json.body = "{\"csrf_token\":\"" + session.csrf + "\"}";
    EXPECT_EQ(m_app->handle(json).status, 415);
    Request multipart = request(Method::Post, "/activities/a-1/join", &session);
    multipart.headers.add("content-type", "multipart/form-data; boundary=x");
    EXPECT_EQ(m_app->handle(multipart).status, 415);
    Request none = request(Method::Post, "/activities/a-1/join", &session);
    none.body = "csrf_token=" + session.csrf;
    EXPECT_EQ(m_app->handle(none).status, 415);
    Request charset = form_post("/activities/a-1/join", "csrf_token=" + session.csrf, &session);
    charset.headers = Params();
    charset.headers.add("content-type", "application/x-www-form-urlencoded; charset=UTF-8");
    EXPECT_EQ(m_app->handle(charset).status, 200);
    EXPECT_EQ(m_seen.calls, 1);
}

TEST_F(ApplicationTest, BrokenUtf8InAFormOrQueryIs400NamingTheField) {
    const SignedIn session = sign_in("deltager@example.dk");
    Request form =
        form_post("/activities/a-1/join", "csrf_token=" + session.csrf + "&note=%C3%28", &session);
    form.query.add("lang", "en");
    const Response bad_form = m_app->handle(form);
    EXPECT_EQ(bad_form.status, 400);
    EXPECT_NE(bad_form.body.find("the field &quot;note&quot; contains characters that cannot be "
                                 "read (invalid UTF-8)"),
              std::string::npos)
        << bad_form.body;
    Request bad_escape = form_post("/activities/a-1/join", "note=50%", &session);
    EXPECT_EQ(m_app->handle(bad_escape).status, 400);

    Request query = request(Method::Get, "/api/v1/me", &session);
    query.query.add("q", "\xFF");
    const Response bad_query = m_app->handle(query);
    EXPECT_EQ(bad_query.status, 400);
    EXPECT_NE(bad_query.body.find("\"field\":\"q\""), std::string::npos) << bad_query.body;
    EXPECT_EQ(m_seen.calls, 0);
}

TEST_F(ApplicationTest, LanguageFromQueryThenCookieThenDanish) {
    m_app->handle(request(Method::Get, "/"));
    EXPECT_EQ(m_seen.lang, core::Lang::Da);
    Request cookie = request(Method::Get, "/");
    cookie.cookies.add(std::string(LANG_COOKIE), "en");
    m_app->handle(cookie);
    EXPECT_EQ(m_seen.lang, core::Lang::En);
    cookie.query.add("lang", "da");
    m_app->handle(cookie);
    EXPECT_EQ(m_seen.lang, core::Lang::Da);
    Request unknown = request(Method::Get, "/");
    unknown.query.add("lang", "sv");
    m_app->handle(unknown);
    EXPECT_EQ(m_seen.lang, core::Lang::Da);
}

TEST(StatusOfTest, OneMappingForEveryCode) {
    EXPECT_EQ(status_of(core::ErrorCode::Invalid), 400);
    EXPECT_EQ(status_of(core::ErrorCode::NotFound), 404);
    EXPECT_EQ(status_of(core::ErrorCode::Conflict), 409);
    EXPECT_EQ(status_of(core::ErrorCode::Forbidden), 403);
    EXPECT_EQ(status_of(core::ErrorCode::Storage), 500);
    EXPECT_EQ(status_of(core::ErrorCode::Usage), 400);
}

}  // namespace
}  // namespace samskab::web
