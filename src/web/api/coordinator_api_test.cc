// The coordinator's routes of the API, and the rule that the support-need flag reaches no one
// but the person and the coordinators of their place or partnership.
#include "web/api/api_fixture.h"

namespace samskab::web::api {
namespace {

// The people of a listing by id, with whether their flag was present and its value.
std::map<std::string, nlohmann::json> by_id(const nlohmann::json& people) {
    std::map<std::string, nlohmann::json> out;
    for (const auto& person : people) {
        out[person["id"].get<std::string>()] = person;
    }
    return out;
}

TEST_F(ApiTest, ThePartnershipsCoordinatorSeesSupportNeeds) {
    const Session coord = sign_in("coord@example.dk");
    const Response reply = get("/api/v1/people?partnership=p1", &coord);
    ASSERT_EQ(reply.status, 200) << reply.body;
    auto people = by_id(json_of(reply)["people"]);
    ASSERT_EQ(people.size(), 3u);  // alice, bob, carol; not dave
    EXPECT_EQ(people["alice"]["support_need"], true);
    EXPECT_EQ(people["bob"]["support_need"], false);
    EXPECT_EQ(people["carol"]["name"], "Carol Clausen");
}

TEST_F(ApiTest, HostsAndPlaceCoordinatorsListPeopleWithoutSupportNeeds) {
    for (const char* email : {"host@example.dk", "placecoord@example.dk"}) {
        SCOPED_TRACE(email);
        const Session session = sign_in(email);
        const Response reply = get("/api/v1/people?partnership=p1", &session);
        ASSERT_EQ(reply.status, 200) << reply.body;
        EXPECT_EQ(json_of(reply)["people"].size(), 3u);
        EXPECT_EQ(reply.body.find("support_need"), std::string::npos);
    }
}

TEST_F(ApiTest, PeopleOfAnotherPartnershipAreNotListed) {
    const Session coord2 = sign_in("coord2@example.dk");
    EXPECT_EQ(get("/api/v1/people?partnership=p1", &coord2).status, 403);
    const Session alice = sign_in("alice@example.dk");
    EXPECT_EQ(get("/api/v1/people?partnership=p1", &alice).status, 403);
    // An unknown partnership looks like somebody else's: ids cannot be probed.
    const Response unknown = get("/api/v1/people?partnership=nope", &coord2);
    EXPECT_EQ(unknown.status, 403);
    EXPECT_EQ(json_of(unknown)["message"], "det har du ikke adgang til");
}

TEST_F(ApiTest, AnOccurrenceShowsRolesAndFlagsToItsCoordinator) {
    const Session coord = sign_in("coord@example.dk");
    const Response reply = get("/api/v1/occurrences/occ1", &coord);
    ASSERT_EQ(reply.status, 200) << reply.body;
    const auto body = json_of(reply);
    EXPECT_EQ(body["occurrence"]["id"], "occ1");
    ASSERT_EQ(body["participants"].size(), 1u);
    EXPECT_EQ(body["participants"][0]["person"]["id"], "alice");
    EXPECT_EQ(body["participants"][0]["person"]["support_need"], true);
    EXPECT_EQ(body["participants"][0]["role"], "active");
    // pl2's coordinator does not coordinate pl1.
    const Session placecoord = sign_in("placecoord@example.dk");
    EXPECT_EQ(get("/api/v1/occurrences/occ1", &placecoord).status, 403);
    const Session host = sign_in("host@example.dk");
    EXPECT_EQ(get("/api/v1/occurrences/occ1", &host).status, 403);
}

TEST_F(ApiTest, ACoordinatorChangesARole) {
    const Session coord = sign_in("coord@example.dk");
    const Response changed =
        post("/api/v1/occurrences/occ1/participants/alice/role", R"({"role":"host"})", &coord);
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_EQ(json_of(get("/api/v1/occurrences/occ1", &coord))["participants"][0]["role"], "host");
    const Response absent =
        post("/api/v1/occurrences/occ1/participants/bob/role", R"({"role":"host"})", &coord);
    EXPECT_EQ(absent.status, 404);
    EXPECT_EQ(json_of(absent)["message"], "person: personen deltager ikke i denne aktivitetsgang");
    const Response bad = post("/api/v1/occurrences/occ1/participants/alice/role?lang=en",
                              R"({"role":"boss"})", &coord);
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(json_of(bad)["message"],
              "role: unknown value \"boss\"; allowed: initiator, host, active, passive, supported");
    const Session coord2 = sign_in("coord2@example.dk");
    EXPECT_EQ(
        post("/api/v1/occurrences/occ1/participants/alice/role", R"({"role":"passive"})", &coord2)
            .status,
        403);
    EXPECT_EQ(json_of(get("/api/v1/occurrences/occ1", &coord))["participants"][0]["role"], "host");
}

TEST_F(ApiTest, ACoordinatorRegistersAPerson) {
    const Session coord = sign_in("coord@example.dk");
    const Response created = post(
        "/api/v1/people",
        R"({"name":"Erik Eg","partnership":"p1","joined":"2026-03-01","entry_channel":"network"})",
        &coord);
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string id = json_of(created)["id"];
    auto people = by_id(json_of(get("/api/v1/people?partnership=p1", &coord))["people"]);
    EXPECT_EQ(people[id]["name"], "Erik Eg");
    EXPECT_EQ(people[id]["support_need"], false);

    const Response channel =
        post("/api/v1/people?lang=en", R"({"name":"X","partnership":"p1","entry_channel":"tv"})",
             &coord);
    EXPECT_EQ(channel.status, 400);
    EXPECT_EQ(json_of(channel)["field"], "entry_channel");
    const Response date =
        post("/api/v1/people", R"({"name":"X","partnership":"p1","joined":"1. marts"})", &coord);
    EXPECT_EQ(json_of(date)["message"],
              "joined: skal være en dato som ÅÅÅÅ-MM-DD, ikke \"1. marts\"");
    const Session host = sign_in("host@example.dk");
    EXPECT_EQ(post("/api/v1/people", R"({"name":"X","partnership":"p1"})", &host).status, 403);
    const Session coord2 = sign_in("coord2@example.dk");
    EXPECT_EQ(post("/api/v1/people", R"({"name":"X","partnership":"p1"})", &coord2).status, 403);
    EXPECT_EQ(json_of(get("/api/v1/people?partnership=p1", &coord))["people"].size(), 4u);
}

// Every listing a participant, a host, an analyst or another partnership's coordinator can
// reach, with Alice (who needs support) in it where they may see her at all: the flag is in
// none of them.
TEST_F(ApiTest, TheSupportFlagIsInNoListingOutsideTheCoordinatorsScope) {
    const Session host = sign_in("host@example.dk");
    ASSERT_EQ(post("/api/v1/host/check-ins", R"({"person":"alice","place":"pl1"})", &host).status,
              200);
    const std::vector<std::string> targets = {"/api/v1/me",
                                              "/api/v1/places",
                                              "/api/v1/whats-on",
                                              "/api/v1/activities/act1",
                                              "/api/v1/host/today?place=pl1",
                                              "/api/v1/people?partnership=p1",
                                              "/api/v1/occurrences/occ1",
                                              "/api/v1/session"};
    for (const char* email : {"bob@example.dk", "host@example.dk", "placecoord@example.dk",
                              "coord2@example.dk", "analyst@example.dk"}) {
        const Session session = sign_in(email);
        for (const std::string& target : targets) {
            SCOPED_TRACE(std::string(email) + " " + target);
            const Response reply = get(target, &session);
            EXPECT_EQ(reply.body.find("support_need"), std::string::npos) << reply.body;
        }
    }
    // Alice sees her own, and only in her own data.
    const Session alice = sign_in("alice@example.dk");
    for (const std::string& target : targets) {
        SCOPED_TRACE(target);
        EXPECT_EQ(get(target, &alice).body.find("support_need"), std::string::npos);
    }
    EXPECT_NE(get("/api/v1/me/data", &alice).body.find("\"support_need\":true"), std::string::npos);
}

}  // namespace
}  // namespace samskab::web::api

namespace samskab::web::api {
namespace {

TEST_F(ApiTest, PeopleComeAPageAtATimeWithTheTotal) {
    for (int i = 0; i < 5; ++i) {
        ASSERT_TRUE(m_community->create_person(
            {"Ørn " + std::to_string(i), "p1", std::nullopt, std::nullopt}));
    }
    const Session coord = sign_in("coord@example.dk");
    // All eight fit the default page.
    auto all = json_of(get("/api/v1/people?partnership=p1", &coord));
    EXPECT_EQ(all["people"].size(), 8u);
    EXPECT_EQ(all["total"], 8);
    EXPECT_TRUE(all["next_offset"].is_null());

    const Response first = get("/api/v1/people?partnership=p1&limit=3", &coord);
    ASSERT_EQ(first.status, 200) << first.body;
    auto page = json_of(first);
    ASSERT_EQ(page["people"].size(), 3u);
    EXPECT_EQ(page["people"][0], all["people"][0]);
    EXPECT_EQ(page["total"], 8);
    EXPECT_EQ(page["offset"], 0);
    EXPECT_EQ(page["next_offset"], 3);
    auto last = json_of(get("/api/v1/people?partnership=p1&limit=3&offset=6", &coord));
    ASSERT_EQ(last["people"].size(), 2u);
    EXPECT_EQ(last["people"][1], all["people"][7]);
    EXPECT_TRUE(last["next_offset"].is_null());
    EXPECT_EQ(json_of(get("/api/v1/people?partnership=p1&offset=20", &coord))["people"].size(), 0u);
}

TEST_F(ApiTest, ABadPageOfPeopleIsRefusedNamingTheParameter) {
    const Session coord = sign_in("coord@example.dk");
    for (const char* query : {"limit=0", "limit=1001", "limit=x", "offset=-1", "offset=1.5"}) {
        SCOPED_TRACE(query);
        const Response reply = get(std::string("/api/v1/people?partnership=p1&") + query, &coord);
        EXPECT_EQ(reply.status, 400);
        const std::string field = std::string(query).substr(0, std::string(query).find('='));
        EXPECT_EQ(json_of(reply)["field"], field);
        EXPECT_NE(json_of(reply)["message"].get<std::string>().find("helt tal"), std::string::npos);
    }
}

}  // namespace
}  // namespace samskab::web::api
