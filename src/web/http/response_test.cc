// Responses and the small pieces that make them: cookies, error bodies, static files, tokens.
#include <filesystem>
#include <fstream>
#include <random>
#include <set>

#include <gtest/gtest.h>

#include "web/http/cookies.h"
#include "web/http/csrf.h"
#include "web/http/error_response.h"
#include "web/http/response.h"
#include "web/http/static_files.h"

namespace samskab::web {
namespace {

namespace fs = std::filesystem;

TEST(ResponseTest, HelpersSetStatusAndUtf8ContentTypes) {
    const Response html = Response::html("<p>hej</p>");
    EXPECT_EQ(html.status, 200);
    EXPECT_EQ(html.header("content-type"), "text/html; charset=utf-8");
    EXPECT_EQ(html.body, "<p>hej</p>");
    EXPECT_EQ(Response::json("{}", 201).header("Content-Type"), "application/json; charset=utf-8");
    EXPECT_EQ(Response::json("{}", 201).status, 201);
    EXPECT_EQ(Response::text("x", 422).header("Content-Type"), "text/plain; charset=utf-8");
    const Response redirect = Response::redirect("/today");
    EXPECT_EQ(redirect.status, 303);
    EXPECT_EQ(redirect.header("Location"), "/today");
    EXPECT_TRUE(redirect.body.empty());
}

TEST(ResponseTest, SetHeaderReplacesButCookiesAccumulate) {
    Response response;
    response.set_header("X-A", "1").set_header("x-a", "2");
    EXPECT_EQ(response.header("X-A"), "2");
    response.set_header("Set-Cookie", "a=1").set_header("Set-Cookie", "b=2");
    EXPECT_EQ(response.headers.size(), 3u);
    EXPECT_EQ(response.header("set-cookie"), "a=1");
    EXPECT_EQ(response.header("missing"), "");
}

TEST(CookiesTest, SessionCookieIsHttpOnlyLaxAndSecureWhenAsked) {
    const std::string cookie = session_cookie("abc", false);
    EXPECT_EQ(cookie.rfind("samskab_session=abc; Path=/", 0), 0u) << cookie;
    EXPECT_NE(cookie.find("; HttpOnly"), std::string::npos);
    EXPECT_NE(cookie.find("; SameSite=Lax"), std::string::npos);
    EXPECT_NE(cookie.find("; Max-Age=43200"), std::string::npos);
    EXPECT_EQ(cookie.find("Secure"), std::string::npos);
    EXPECT_NE(session_cookie("abc", true).find("; Secure"), std::string::npos);
}

TEST(CookiesTest, ClearAndLanguageCookies) {
    const std::string cleared = clear_session_cookie();
    EXPECT_EQ(cleared.rfind("samskab_session=; Path=/", 0), 0u) << cleared;
    EXPECT_NE(cleared.find("Max-Age=0"), std::string::npos);
    EXPECT_EQ(lang_cookie(core::Lang::En).rfind("samskab_lang=en; Path=/", 0), 0u);
    EXPECT_EQ(lang_cookie(core::Lang::Da).rfind("samskab_lang=da; Path=/", 0), 0u);
    EXPECT_NE(lang_cookie(core::Lang::Da, true).find("; Secure"), std::string::npos);
}

TEST(ErrorResponseTest, JsonEscapesEverythingItMust) {
    EXPECT_EQ(error_json("Invalid", "feltet \"x\" er\nforkert\\", "x"),
              "{\"code\":\"Invalid\",\"message\":\"feltet \\\"x\\\" er\\nforkert\\\\\","
              "\"field\":\"x\"}");
    EXPECT_EQ(json_string(std::string("\x01", 1)), "\"\\u0001\"");
    EXPECT_EQ(json_string("æø"), "\"æø\"");
}

TEST(ErrorResponseTest, CodesAndReasons) {
    EXPECT_EQ(error_code_name(404), "NotFound");
    EXPECT_EQ(error_code_name(401), "Unauthenticated");
    EXPECT_EQ(error_code_name(415), "UnsupportedMediaType");
    EXPECT_EQ(error_code_name(500), "Internal");
    EXPECT_EQ(error_code_name(core::ErrorCode::Conflict), "Conflict");
    EXPECT_EQ(reason_phrase(303), "See Other");
    EXPECT_EQ(reason_phrase(431), "Request Header Fields Too Large");
    EXPECT_EQ(reason_phrase(299), "Unknown");
}

TEST(ErrorResponseTest, PlainPageEscapesAndSpeaksTheLanguage) {
    const Response page = plain_error_page(core::Lang::En, 404, "<script>x</script>");
    EXPECT_EQ(page.status, 404);
    EXPECT_NE(page.body.find("lang=\"en\""), std::string::npos);
    EXPECT_NE(page.body.find("&lt;script&gt;x&lt;/script&gt;"), std::string::npos);
    EXPECT_EQ(page.body.find("<script>"), std::string::npos);
    EXPECT_NE(page.body.find("Go to the front page"), std::string::npos);
    EXPECT_NE(plain_error_page(core::Lang::Da, 500, "x").body.find("Gå til forsiden"),
              std::string::npos);
}

TEST(CsrfTest, TokensAreWellFormedAndFresh) {
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) {
        const std::string token = random_token();
        EXPECT_TRUE(well_formed_token(token)) << token;
        EXPECT_TRUE(seen.insert(token).second);
    }
    EXPECT_FALSE(well_formed_token(""));
    EXPECT_FALSE(well_formed_token(std::string(43, '=')));
    EXPECT_FALSE(well_formed_token(std::string(44, 'a')));
    EXPECT_TRUE(same_token("abc", "abc"));
    EXPECT_FALSE(same_token("abc", "abd"));
    EXPECT_FALSE(same_token("abc", "ab"));
    EXPECT_FALSE(same_token("", "a"));
}

class StaticFilesTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() /
                ("samskab-static-" + std::to_string(std::random_device{}()));
        fs::create_directories(m_dir / "public" / "css");
        write(m_dir / "public" / "css" / "site.css", "body{}");
        write(m_dir / "public" / "font.woff2", std::string("\0\1\2", 3));
        write(m_dir / "public" / ".hidden", "secret");
        write(m_dir / "outside.txt", "outside");
        fs::create_symlink(m_dir / "outside.txt", m_dir / "public" / "escape.txt");
        fs::create_symlink(m_dir / "public" / "css" / "site.css", m_dir / "public" / "alias.css");
    }
    void TearDown() override { fs::remove_all(m_dir); }

    static void write(const fs::path& path, const std::string& bytes) {
        std::ofstream(path, std::ios::binary) << bytes;
    }
    std::string root() const { return (m_dir / "public").string(); }

    fs::path m_dir;
};

TEST_F(StaticFilesTest, ServesRegularFilesWithTypeAndCaching) {
    auto css = static_file(root(), "css/site.css");
    ASSERT_TRUE(css);
    EXPECT_EQ(css->status, 200);
    EXPECT_EQ(css->body, "body{}");
    EXPECT_EQ(css->header("Content-Type"), "text/css; charset=utf-8");
    EXPECT_EQ(css->header("Cache-Control"), "public, max-age=86400");
    auto font = static_file(root(), "font.woff2");
    ASSERT_TRUE(font);
    EXPECT_EQ(font->body.size(), 3u);
    EXPECT_EQ(font->header("Content-Type"), "font/woff2");
    // A link that stays inside the folder is fine.
    EXPECT_TRUE(static_file(root(), "alias.css"));
}

TEST_F(StaticFilesTest, RefusesEverythingElse) {
    for (const char* relative :
         {"", "css", "css/", "missing.css", "../outside.txt", "css/../css/site.css",
          "./css/site.css", ".hidden", "escape.txt", "css//site.css", "css\\site.css"}) {
        EXPECT_FALSE(static_file(root(), relative)) << relative;
    }
    EXPECT_FALSE(static_file("", "css/site.css"));
    EXPECT_FALSE(static_file((m_dir / "nowhere").string(), "css/site.css"));
}

TEST(ContentTypeTest, ByExtension) {
    EXPECT_EQ(content_type_of("a.JS"), "text/javascript; charset=utf-8");
    EXPECT_EQ(content_type_of("logo.svg"), "image/svg+xml");
    EXPECT_EQ(content_type_of("x.png"), "image/png");
    EXPECT_EQ(content_type_of("noext"), "application/octet-stream");
    EXPECT_EQ(content_type_of("a.exe"), "application/octet-stream");
}

}  // namespace
}  // namespace samskab::web
