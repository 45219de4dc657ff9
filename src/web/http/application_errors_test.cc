// The dispatcher's own answers: errors, limits, static files, headers on every response.
#include "web/http/application.h"

#include "web/http/application_fixture.h"

namespace samskab::web {
namespace {

void expect_security_headers(const Response& response) {
    EXPECT_EQ(response.header("Content-Security-Policy"),
              "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
              "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    EXPECT_EQ(response.header("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(response.header("Referrer-Policy"), "same-origin");
    EXPECT_EQ(response.header("X-Frame-Options"), "DENY");
}

TEST_F(ApplicationTest, SecurityHeadersOnEveryKindOfResponse) {
    const SignedIn session = sign_in("deltager@example.dk");
    testing::internal::CaptureStderr();
    const std::vector<Response> responses = {
        m_app->handle(request(Method::Get, "/")),
        m_app->handle(request(Method::Get, "/mine")),
        m_app->handle(request(Method::Get, "/nowhere")),
        m_app->handle(request(Method::Post, "/")),
        m_app->handle(request(Method::Get, "/boom")),
        m_app->handle(request(Method::Get, "/api/v1/me")),
        m_app->handle(form_post("/activities/x/join", "", &session)),
    };
    testing::internal::GetCapturedStderr();
    const std::vector<int> statuses = {200, 303, 404, 405, 500, 401, 403};
    for (std::size_t i = 0; i < responses.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_EQ(responses[i].status, statuses[i]);
        expect_security_headers(responses[i]);
        EXPECT_EQ(responses[i].header("Cache-Control"), "no-store");
    }
    const Response file = m_app->handle(request(Method::Get, "/static/css/site.css"));
    expect_security_headers(file);
}

TEST_F(ApplicationTest, StaticFilesAreServedAndCachedWithoutASession) {
    const Response file = m_app->handle(request(Method::Get, "/static/css/site.css"));
    EXPECT_EQ(file.status, 200);
    EXPECT_EQ(file.body, "main{}");
    EXPECT_EQ(file.header("Content-Type"), "text/css; charset=utf-8");
    EXPECT_EQ(file.header("Cache-Control"), "public, max-age=86400");
    EXPECT_EQ(cookie_value(file, CSRF_COOKIE), "");

    const Response head = m_app->handle(request(Method::Head, "/static/css/site.css"));
    EXPECT_EQ(head.status, 200);
    EXPECT_TRUE(head.body.empty());

    for (const char* path : {"/static/css/missing.css", "/static/../web.db", "/static/css",
                             "/static/", "/static/%2e%2e/web.db"}) {
        const Response missing = m_app->handle(request(Method::Get, path));
        EXPECT_EQ(missing.status, 404) << path;
        EXPECT_EQ(missing.header("Cache-Control"), "no-store");
    }
    const Response post = m_app->handle(request(Method::Post, "/static/css/site.css"));
    EXPECT_EQ(post.status, 405);
    EXPECT_EQ(post.header("Allow"), "GET, HEAD");
}

TEST_F(ApplicationTest, NotFoundAndMethodNotAllowed) {
    const Response missing = m_app->handle(request(Method::Get, "/nowhere"));
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(missing.header("Content-Type"), "text/html; charset=utf-8");
    EXPECT_NE(missing.body.find("Siden findes ikke."), std::string::npos);

    const Response api_missing = m_app->handle(request(Method::Get, "/api/v1/nowhere"));
    EXPECT_EQ(api_missing.status, 404);
    EXPECT_NE(api_missing.body.find("\"code\":\"NotFound\""), std::string::npos);

    const Response wrong = m_app->handle(request(Method::Delete, "/mine"));
    EXPECT_EQ(wrong.status, 405);
    EXPECT_EQ(wrong.header("Allow"), "GET, HEAD");
    EXPECT_EQ(m_seen.calls, 0);
}

TEST_F(ApplicationTest, HeadIsAnsweredAsGetWithoutBody) {
    const Response head = m_app->handle(request(Method::Head, "/"));
    EXPECT_EQ(head.status, 200);
    EXPECT_TRUE(head.body.empty());
    EXPECT_EQ(head.header("Content-Type"), "text/html; charset=utf-8");
    EXPECT_EQ(m_seen.route, "home");
}

TEST_F(ApplicationTest, ExceptionIsLoggedWithThePathAndAnswered500) {
    testing::internal::CaptureStderr();
    const Response page = m_app->handle(request(Method::Get, "/boom"));
    const Response api = m_app->handle(request(Method::Get, "/api/v1/boom"));
    const std::string log = testing::internal::GetCapturedStderr();
    EXPECT_EQ(page.status, 500);
    EXPECT_NE(page.body.find("Der skete en fejl hos os."), std::string::npos);
    EXPECT_EQ(api.status, 500);
    EXPECT_NE(api.body.find("\"code\":\"Internal\""), std::string::npos);
    EXPECT_NE(log.find("GET /boom: handler exploded"), std::string::npos) << log;
    EXPECT_NE(log.find("GET /api/v1/boom: unknown exception"), std::string::npos) << log;
    // The application goes on.
    EXPECT_EQ(m_app->handle(request(Method::Get, "/")).status, 200);
}

TEST_F(ApplicationTest, BodyAndHeaderLimits) {
    m_config.max_body_bytes = 100;
    m_config.max_header_bytes = 200;
    Request big = form_post("/login", std::string(101, 'a'));
    const Response too_large = m_app->handle(big);
    EXPECT_EQ(too_large.status, 413);
    EXPECT_NE(too_large.body.find("højst 1 kB"), std::string::npos);
    big.body.resize(100);
    EXPECT_EQ(m_app->handle(big).status, 403);  // within the limit: on to the CSRF check

    Request headers = request(Method::Get, "/");
    headers.headers.add("x-long", std::string(200, 'h'));
    EXPECT_EQ(m_app->handle(headers).status, 431);
    EXPECT_EQ(m_seen.calls, 0);
}

TEST_F(ApplicationTest, InvalidUtf8PathIs400) {
    const Response response = m_app->handle(request(Method::Get, "/a\xFF"));
    EXPECT_EQ(response.status, 400);
    EXPECT_NE(response.body.find("Adressen er ugyldig"), std::string::npos);
}

TEST_F(ApplicationTest, PageErrorsGoThroughTheRenderer) {
    std::vector<std::pair<int, std::string>> rendered;
    make_app([&rendered](const RequestContext& ctx, int status, std::string_view message) {
        rendered.emplace_back(status, std::string(message));
        Response page = Response::html(std::string("<p>styled ") +
                                       (ctx.lang == core::Lang::En ? "en" : "da") + "</p>");
        page.status = 200;  // the dispatcher keeps its own status
        return page;
    });
    Request missing = request(Method::Get, "/nowhere");
    missing.query.add("lang", "en");
    const Response page = m_app->handle(missing);
    EXPECT_EQ(page.status, 404);
    EXPECT_EQ(page.body, "<p>styled en</p>");
    expect_security_headers(page);
    ASSERT_EQ(rendered.size(), 1u);
    EXPECT_EQ(rendered[0].second,
              "The page does not exist. Check the address, or go to the front page.");

    testing::internal::CaptureStderr();
    EXPECT_EQ(m_app->handle(request(Method::Get, "/boom")).status, 500);
    testing::internal::GetCapturedStderr();
    EXPECT_EQ(rendered.back().first, 500);

    // API paths stay JSON.
    const Response api = m_app->handle(request(Method::Get, "/api/v1/nowhere"));
    EXPECT_EQ(api.header("Content-Type"), "application/json; charset=utf-8");
    EXPECT_EQ(rendered.size(), 2u);
}

TEST_F(ApplicationTest, AFailingRendererStillGivesAnAnswer) {
    make_app([](const RequestContext&, int, std::string_view) -> Response {
        throw std::runtime_error("template missing");
    });
    testing::internal::CaptureStderr();
    const Response response = m_app->handle(request(Method::Get, "/nowhere"));
    const std::string log = testing::internal::GetCapturedStderr();
    EXPECT_EQ(response.status, 500);
    EXPECT_NE(response.body.find("Der skete en fejl hos os."), std::string::npos);
    EXPECT_NE(log.find("template missing"), std::string::npos);
    expect_security_headers(response);
}

TEST_F(ApplicationTest, RefuseAnswersLikeTheDispatcher) {
    Request bad = request(Method::Get, "/a%2Fb");
    bad.query.add("lang", "en");
    const Response page =
        m_app->refuse(bad, 400, "The address is invalid (badly encoded).", "path");
    EXPECT_EQ(page.status, 400);
    EXPECT_NE(page.body.find("lang=\"en\""), std::string::npos);
    expect_security_headers(page);
    const Response api = m_app->refuse(request(Method::Get, "/api/v1/x"), 400, "bad", "path");
    EXPECT_EQ(api.body, "{\"code\":\"Invalid\",\"message\":\"bad\",\"field\":\"path\"}");
}

}  // namespace
}  // namespace samskab::web
