#include "web/http/router.h"

#include <gtest/gtest.h>

namespace samskab::web {
namespace {

Route route(Method method, std::string pattern) {
    Route r;
    r.method = method;
    r.pattern = std::move(pattern);
    return r;
}

class RouterTest : public ::testing::Test {
protected:
    std::vector<Route> m_routes = {
        route(Method::Get, "/"),                              // 0
        route(Method::Get, "/activities/:id"),                // 1
        route(Method::Get, "/activities/new"),                // 2
        route(Method::Post, "/activities/:id/join"),          // 3
        route(Method::Get, "/places/:place/activities/:id"),  // 4
        route(Method::Delete, "/activities/:id"),             // 5
        route(Method::Get, "/activities"),                    // 6
        route(Method::Get, "/:anything/fixed"),               // 7
        route(Method::Get, "/literal/:x"),                    // 8
    };
    Router m_router{m_routes};
};

TEST_F(RouterTest, LiteralRoot) {
    auto match = m_router.match(Method::Get, "/");
    ASSERT_EQ(match.outcome, Router::Outcome::Found);
    EXPECT_EQ(match.route, 0u);
    EXPECT_TRUE(match.params.items().empty());
}

TEST_F(RouterTest, BindsParameters) {
    auto match = m_router.match(Method::Get, "/places/pl1/activities/Kaffe og kage");
    ASSERT_EQ(match.outcome, Router::Outcome::Found);
    EXPECT_EQ(match.route, 4u);
    EXPECT_EQ(match.params.value("place"), "pl1");
    // The path arrives decoded, so a parameter is the decoded text.
    EXPECT_EQ(match.params.value("id"), "Kaffe og kage");
}

TEST_F(RouterTest, LiteralSegmentBeatsParameterWhateverTheOrder) {
    auto fresh = m_router.match(Method::Get, "/activities/new");
    ASSERT_EQ(fresh.outcome, Router::Outcome::Found);
    EXPECT_EQ(fresh.route, 2u);
    auto other = m_router.match(Method::Get, "/activities/a-1");
    ASSERT_EQ(other.outcome, Router::Outcome::Found);
    EXPECT_EQ(other.route, 1u);
    EXPECT_EQ(other.params.value("id"), "a-1");
    // Compared from the left: "/literal/:x" wins over "/:anything/fixed".
    auto left = m_router.match(Method::Get, "/literal/fixed");
    ASSERT_EQ(left.outcome, Router::Outcome::Found);
    EXPECT_EQ(left.route, 8u);
}

TEST_F(RouterTest, SegmentCountsMustAgree) {
    EXPECT_EQ(m_router.match(Method::Get, "/activities/a/b").outcome, Router::Outcome::NotFound);
    EXPECT_EQ(m_router.match(Method::Get, "/activities/").outcome, Router::Outcome::NotFound);
    EXPECT_EQ(m_router.match(Method::Get, "/activities").route, 6u);
    EXPECT_EQ(m_router.match(Method::Get, "/nowhere").outcome, Router::Outcome::NotFound);
    // An empty path (never made by the server) is the root.
    EXPECT_EQ(m_router.match(Method::Get, "").route, 0u);
}

TEST_F(RouterTest, OtherMethodOnAKnownPathIs405WithAllow) {
    auto match = m_router.match(Method::Post, "/activities/a-1");
    EXPECT_EQ(match.outcome, Router::Outcome::MethodNotAllowed);
    EXPECT_EQ(match.allowed, "GET, HEAD, DELETE");
    auto join = m_router.match(Method::Get, "/activities/a-1/join");
    EXPECT_EQ(join.outcome, Router::Outcome::MethodNotAllowed);
    EXPECT_EQ(join.allowed, "POST");
    EXPECT_EQ(m_router.match(Method::Other, "/").outcome, Router::Outcome::MethodNotAllowed);
}

TEST_F(RouterTest, HeadIsAnsweredByGet) {
    auto match = m_router.match(Method::Head, "/activities/a-1");
    ASSERT_EQ(match.outcome, Router::Outcome::Found);
    EXPECT_EQ(match.route, 1u);
    EXPECT_EQ(m_router.match(Method::Head, "/activities/a/join").outcome,
              Router::Outcome::MethodNotAllowed);
}

TEST(RouterEmptyTest, NoRoutesNothingFound) {
    const std::vector<Route> none;
    Router router(none);
    EXPECT_EQ(router.match(Method::Get, "/").outcome, Router::Outcome::NotFound);
}

TEST(MethodNameTest, Names) {
    EXPECT_EQ(method_name(Method::Get), "GET");
    EXPECT_EQ(method_name(Method::Delete), "DELETE");
    EXPECT_EQ(method_name(Method::Other), "OTHER");
}

}  // namespace
}  // namespace samskab::web
