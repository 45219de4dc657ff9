#include "web/http/request_builder.h"

#include <gtest/gtest.h>

namespace samskab::web {
namespace {

RawRequest raw(std::string target) {
    RawRequest r;
    r.method = Method::Get;
    r.target = std::move(target);
    r.remote_address = "10.0.0.7";
    return r;
}

TEST(BuildRequestTest, DecodesPathQueryHeadersAndCookies) {
    RawRequest r = raw("/people/S%C3%B8ren?lang=en&q=gr%C3%B8d+med");
    r.method = Method::Post;
    r.headers = {{"Host", "x"},
                 {"Content-Type", "text/plain"},
                 {"Cookie", "samskab_session=tok; samskab_lang=da"}};
    r.body = "hello";
    Request out;
    ASSERT_TRUE(build_request(std::move(r), false, out));
    EXPECT_EQ(out.method, Method::Post);
    EXPECT_EQ(out.path, "/people/Søren");
    EXPECT_EQ(out.query.value("lang"), "en");
    EXPECT_EQ(out.query.value("q"), "grød med");
    EXPECT_EQ(out.header("content-type"), std::optional<std::string_view>("text/plain"));
    EXPECT_EQ(out.header("host"), std::optional<std::string_view>("x"));
    EXPECT_FALSE(out.header("Host"));
    EXPECT_EQ(out.cookies.value("samskab_session"), "tok");
    EXPECT_EQ(out.body, "hello");
    EXPECT_EQ(out.remote_address, "10.0.0.7");
    EXPECT_FALSE(out.secure);
}

TEST(BuildRequestTest, ProxyHeadersCountOnlyWhenTrusted) {
    RawRequest r = raw("/");
    r.headers = {{"X-Forwarded-For", "6.6.6.6, 203.0.113.9"}, {"X-Forwarded-Proto", "https"}};
    Request trusted;
    ASSERT_TRUE(build_request(r, true, trusted));
    // The last entry is the one the trusted proxy added; the first is whatever the client said.
    EXPECT_EQ(trusted.remote_address, "203.0.113.9");
    EXPECT_TRUE(trusted.secure);

    Request untrusted;
    ASSERT_TRUE(build_request(r, false, untrusted));
    EXPECT_EQ(untrusted.remote_address, "10.0.0.7");
    EXPECT_FALSE(untrusted.secure);

    RawRequest plain = raw("/");
    plain.headers = {{"X-Forwarded-Proto", "http"}};
    Request http;
    ASSERT_TRUE(build_request(plain, true, http));
    EXPECT_FALSE(http.secure);
    EXPECT_EQ(http.remote_address, "10.0.0.7");
}

TEST(BuildRequestTest, AbsoluteTargetIsReducedToItsPath) {
    Request out;
    ASSERT_TRUE(build_request(raw("http://example.dk/a/b?x=1"), false, out));
    EXPECT_EQ(out.path, "/a/b");
    EXPECT_EQ(out.query.value("x"), "1");
    Request bare;
    ASSERT_TRUE(build_request(raw("https://example.dk"), false, bare));
    EXPECT_EQ(bare.path, "/");
}

TEST(BuildRequestTest, BadPathIsRefusedInTheRequestedLanguage) {
    RawRequest r = raw("/a%2Fb?lang=en");
    Request out;
    auto built = build_request(r, false, out);
    ASSERT_FALSE(built);
    EXPECT_EQ(built.error().field, "path");
    EXPECT_EQ(built.error().message, "The address is invalid (badly encoded).");
    // Enough is kept to answer in that language.
    EXPECT_EQ(out.query.value("lang"), "en");
    EXPECT_EQ(out.path, "/a%2Fb");
    EXPECT_EQ(out.remote_address, "10.0.0.7");
}

TEST(BuildRequestTest, BadQueryNamesTheFieldAndUsesTheCookieLanguage) {
    RawRequest r = raw("/search?q=100%");
    r.headers = {{"cookie", "samskab_lang=en"}};
    Request out;
    auto built = build_request(r, false, out);
    ASSERT_FALSE(built);
    EXPECT_EQ(built.error().field, "q");
    EXPECT_NE(built.error().message.find("the field \"q\""), std::string::npos);
    EXPECT_EQ(out.path, "/search");
    EXPECT_TRUE(out.query.items().empty());
    EXPECT_EQ(out.cookies.value("samskab_lang"), "en");
}

TEST(BuildRequestTest, BrokenUtf8InQueryIsRefused) {
    Request out;
    auto built = build_request(raw("/?name=%FF"), false, out);
    ASSERT_FALSE(built);
    EXPECT_EQ(built.error().field, "name");
    EXPECT_NE(built.error().message.find("UTF-8"), std::string::npos);
}

TEST(BuildRequestTest, FragmentIsIgnored) {
    Request out;
    ASSERT_TRUE(build_request(raw("/a?b=1#frag"), false, out));
    EXPECT_EQ(out.path, "/a");
    EXPECT_EQ(out.query.value("b"), "1");
}

}  // namespace
}  // namespace samskab::web
