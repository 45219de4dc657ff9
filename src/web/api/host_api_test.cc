// The host's routes of the API, through the whole Application over a real SQLite file.
#include "web/api/api_fixture.h"

namespace samskab::web::api {
namespace {

TEST_F(ApiTest, AHostChecksPeopleInAndSeesThemToday) {
    const Session host = sign_in("host@example.dk");
    const Response empty = get("/api/v1/host/today?place=pl1", &host);
    ASSERT_EQ(empty.status, 200) << empty.body;
    EXPECT_EQ(json_of(empty)["day"], "2026-03-02");
    EXPECT_TRUE(json_of(empty)["checked_in"].empty());

    const Response checked =
        post("/api/v1/host/check-ins", R"({"person":"alice","place":"pl1"})", &host);
    ASSERT_EQ(checked.status, 200) << checked.body;
    EXPECT_EQ(json_of(checked)["day"], "2026-03-02");
    // Twice on a day changes nothing.
    ASSERT_EQ(post("/api/v1/host/check-ins", R"({"person":"alice","place":"pl1"})", &host).status,
              200);

    const Response today = get("/api/v1/host/today?place=pl1", &host);
    const auto here = json_of(today)["checked_in"];
    ASSERT_EQ(here.size(), 1u);
    EXPECT_EQ(here[0]["person"]["id"], "alice");
    EXPECT_EQ(here[0]["person"]["name"], "Alice Andersen");
    // Alice needs support; her host is not told.
    EXPECT_FALSE(here[0]["person"].contains("support_need"));
    EXPECT_EQ(today.body.find("support_need"), std::string::npos);
}

TEST_F(ApiTest, AHostActsOnlyAtTheirPlaceAndForItsPeople) {
    const Session host = sign_in("host@example.dk");
    EXPECT_EQ(get("/api/v1/host/today?place=pl2", &host).status, 403);
    const Response missing = get("/api/v1/host/today", &host);
    EXPECT_EQ(missing.status, 400);
    EXPECT_EQ(json_of(missing)["message"], "place: mangler (skal udfyldes)");
    EXPECT_EQ(post("/api/v1/host/check-ins", R"({"person":"alice","place":"pl2"})", &host).status,
              403);
    // Dave is of the other partnership: as far as this host is concerned, there is no Dave.
    const Response dave =
        post("/api/v1/host/check-ins?lang=en", R"({"person":"dave","place":"pl1"})", &host);
    EXPECT_EQ(dave.status, 404);
    EXPECT_EQ(json_of(dave)["message"], "person: unknown person \"dave\"");
    auto here = m_community->checked_in("pl1", today());
    ASSERT_TRUE(here);
    EXPECT_TRUE(here->empty());
    // A participant is no host.
    const Session alice = sign_in("alice@example.dk");
    EXPECT_EQ(get("/api/v1/host/today?place=pl1", &alice).status, 403);
    EXPECT_EQ(post("/api/v1/host/check-ins", R"({"person":"alice","place":"pl1"})", &alice).status,
              403);
}

TEST_F(ApiTest, TheHostRoutesAreForHostsAsOnTheHostPages) {
    const Session coord = sign_in("coord@example.dk");
    EXPECT_EQ(post("/api/v1/host/check-ins", R"({"person":"carol","place":"pl2"})", &coord).status,
              403);
    EXPECT_EQ(get("/api/v1/host/today?place=pl1", &coord).status, 403);
}

TEST_F(ApiTest, AHostRecordsAnIntroductionOnce) {
    const Session host = sign_in("host@example.dk");
    const Response made =
        post("/api/v1/host/introductions", R"({"a":"alice","b":"carol","place":"pl1"})", &host);
    ASSERT_EQ(made.status, 201) << made.body;
    EXPECT_EQ(json_of(made)["source"], "host_introduction");
    EXPECT_EQ(json_of(made)["since"], "2026-03-02");
    const Response again =
        post("/api/v1/host/introductions", R"({"a":"carol","b":"alice","place":"pl1"})", &host);
    EXPECT_EQ(again.status, 409);
    EXPECT_EQ(json_of(again)["field"], "b");
    EXPECT_EQ(json_of(again)["message"], "de to kender allerede hinanden");
    const Response self =
        post("/api/v1/host/introductions?lang=en", R"({"a":"bob","b":"bob","place":"pl1"})", &host);
    EXPECT_EQ(self.status, 400);
    EXPECT_EQ(json_of(self)["message"], "b: a person cannot be introduced to themself");
    const Response stranger =
        post("/api/v1/host/introductions", R"({"a":"alice","b":"dave","place":"pl1"})", &host);
    EXPECT_EQ(stranger.status, 404);
    EXPECT_EQ(json_of(stranger)["field"], "b");
    auto data = m_community->person_data("alice");
    ASSERT_TRUE(data && *data);
    ASSERT_EQ((*data)->relations.size(), 1u);
    EXPECT_EQ((*data)->relations[0].source, core::RelationSource::HostIntroduction);
}

}  // namespace
}  // namespace samskab::web::api
