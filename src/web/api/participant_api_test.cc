// The participant's routes of the API, through the whole Application over a real SQLite file.
#include "web/api/api_fixture.h"

#include "storage/sqlite/sqlite_survey_store.h"

namespace samskab::web::api {
namespace {

TEST_F(ApiTest, WhatsOnListsTheParticipantsOwnPartnershipOnly) {
    const Session alice = sign_in("alice@example.dk");
    const Response reply = get("/api/v1/whats-on", &alice);
    ASSERT_EQ(reply.status, 200) << reply.body;
    const auto body = json_of(reply);
    EXPECT_EQ(body["from"], "2026-03-02");
    EXPECT_EQ(body["to"], "2026-03-15");
    ASSERT_EQ(body["occurrences"].size(), 1u);  // not occ3 of p2, not yesterday's
    const auto& occ = body["occurrences"][0];
    EXPECT_EQ(occ["id"], "occ1");
    EXPECT_EQ(occ["activity_title"], "Fællesspisning");
    EXPECT_EQ(occ["place_name"], "Huset");
    EXPECT_EQ(occ["start"], "2026-03-03T10:00:00");
    EXPECT_EQ(occ["joined"], true);
    EXPECT_EQ(occ["participants"], 1);

    const auto past = json_of(get("/api/v1/whats-on?from=2026-03-01&to=2026-03-01", &alice));
    ASSERT_EQ(past["occurrences"].size(), 1u);
    EXPECT_EQ(past["occurrences"][0]["id"], "occ-past");
}

TEST_F(ApiTest, WhatsOnRefusesBadDatesNamingTheParameter) {
    const Session alice = sign_in("alice@example.dk");
    const Response bad = get("/api/v1/whats-on?from=2026-02-30", &alice);
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(json_of(bad)["field"], "from");
    EXPECT_EQ(json_of(bad)["message"],
              "from: skal være en dato som ÅÅÅÅ-MM-DD, ikke \"2026-02-30\"");
    const Response backwards =
        get("/api/v1/whats-on?from=2026-03-10&to=2026-03-01&lang=en", &alice);
    EXPECT_EQ(backwards.status, 400);
    EXPECT_EQ(json_of(backwards)["field"], "to");
    EXPECT_EQ(json_of(backwards)["message"], "to: must not be before from (2026-03-10)");
    const Response long_range = get("/api/v1/whats-on?from=2026-01-01&to=2026-12-31", &alice);
    EXPECT_EQ(long_range.status, 400);
    EXPECT_EQ(json_of(long_range)["message"], "to: perioden må højst være 92 dage");
}

TEST_F(ApiTest, JoiningAndLeavingNeedNoReason) {
    const Session bob = sign_in("bob@example.dk");
    const Response joined = post("/api/v1/occurrences/occ1/join", "", &bob);
    ASSERT_EQ(joined.status, 200) << joined.body;
    EXPECT_EQ(json_of(joined)["joined"], true);
    auto listing = json_of(get("/api/v1/whats-on", &bob));
    EXPECT_EQ(listing["occurrences"][0]["joined"], true);
    EXPECT_EQ(listing["occurrences"][0]["participants"], 2);

    const Response left = post("/api/v1/occurrences/occ1/leave", "{}", &bob);
    ASSERT_EQ(left.status, 200) << left.body;
    listing = json_of(get("/api/v1/whats-on", &bob));
    EXPECT_EQ(listing["occurrences"][0]["joined"], false);
    EXPECT_EQ(listing["occurrences"][0]["participants"], 1);
}

TEST_F(ApiTest, JoiningIsRefusedWhenEndedUnknownOrElsewhere) {
    const Session bob = sign_in("bob@example.dk");
    const Response ended = post("/api/v1/occurrences/occ-past/join", "", &bob);
    EXPECT_EQ(ended.status, 409);
    EXPECT_EQ(json_of(ended)["message"], "aktivitetsgangen er allerede slut");
    const Response unknown = post("/api/v1/occurrences/nope/join?lang=en", "", &bob);
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(json_of(unknown)["field"], "occurrence");
    EXPECT_EQ(json_of(unknown)["message"], "occurrence: unknown occurrence \"nope\"");
    const Response elsewhere = post("/api/v1/occurrences/occ3/join", "", &bob);
    EXPECT_EQ(elsewhere.status, 403);
    EXPECT_EQ(json_of(elsewhere)["code"], "Forbidden");
    const Response body = post("/api/v1/occurrences/occ1/join", "ja tak", &bob, "text/plain");
    EXPECT_EQ(body.status, 415);
}

TEST_F(ApiTest, ABreakStartsAndEndsOnce) {
    const Session alice = sign_in("alice@example.dk");
    const Response started = post("/api/v1/me/break", "", &alice);
    ASSERT_EQ(started.status, 200) << started.body;
    EXPECT_EQ(json_of(started)["day"], "2026-03-02");
    EXPECT_EQ(json_of(get("/api/v1/me", &alice))["break"]["on_break"], true);
    const Response again = post("/api/v1/me/break?lang=en", "", &alice);
    EXPECT_EQ(again.status, 409);
    EXPECT_EQ(json_of(again)["message"], "you are already on a break");
    ASSERT_EQ(post("/api/v1/me/return", "", &alice).status, 200);
    EXPECT_EQ(json_of(get("/api/v1/me", &alice))["break"]["on_break"], false);
    const Response not_on_break = post("/api/v1/me/return", "", &alice);
    EXPECT_EQ(not_on_break.status, 409);
    EXPECT_EQ(json_of(not_on_break)["message"], "du holder ikke pause");
}

TEST_F(ApiTest, AccountsWithoutAPersonHaveNoBreakOrData) {
    const Session coord = sign_in("coord@example.dk");
    EXPECT_EQ(json_of(get("/api/v1/me", &coord))["break"], nullptr);
    const Response data = get("/api/v1/me/data", &coord);
    EXPECT_EQ(data.status, 403);
    EXPECT_EQ(json_of(data)["message"], "din konto er ikke knyttet til en person");
    // The participant routes need the participant role.
    EXPECT_EQ(get("/api/v1/whats-on", &coord).status, 403);
}

TEST_F(ApiTest, AParticipantProposesAnInitiative) {
    const Session alice = sign_in("alice@example.dk");
    const Response created =
        post("/api/v1/activities", R"({"place":"pl2","title":"  Strikkecafé  "})", &alice);
    ASSERT_EQ(created.status, 201) << created.body;
    const auto body = json_of(created);
    EXPECT_EQ(body["title"], "Strikkecafé");
    EXPECT_EQ(body["kind"], "initiative");
    EXPECT_EQ(body["initiated_by"], "alice");
    EXPECT_EQ(created.header("Location"), "/api/v1/activities/" + body["id"].get<std::string>());
    const Response shown = get("/api/v1/activities/" + body["id"].get<std::string>(), &alice);
    ASSERT_EQ(shown.status, 200) << shown.body;
    EXPECT_EQ(json_of(shown)["initiator_name"], "Alice Andersen");
    EXPECT_EQ(json_of(shown)["place_name"], "Værkstedet");
}

// The initiator's name is data about them: a fellow participant's look at it is logged, the
// initiator's own is not.
TEST_F(ApiTest, AnInitiatorsNameShownToAnotherParticipantIsLogged) {
    const Session alice = sign_in("alice@example.dk");
    const Session bob = sign_in("bob@example.dk");
    const Response created =
        post("/api/v1/activities", R"({"place":"pl1","title":"Strikkecafé"})", &alice);
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string path = "/api/v1/activities/" + json_of(created)["id"].get<std::string>();
    auto views_of_alice = [&] {
        auto log = m_accounts->access_log_of("alice");
        EXPECT_TRUE(log);
        int views = 0;
        for (const core::AccessEntry& entry : log ? *log : std::vector<core::AccessEntry>{}) {
            views += entry.action == "view" && entry.detail == "GET " + path ? 1 : 0;
        }
        return views;
    };
    ASSERT_EQ(get(path, &alice).status, 200);
    EXPECT_EQ(views_of_alice(), 0);
    const Response shown = get(path, &bob);
    ASSERT_EQ(shown.status, 200) << shown.body;
    EXPECT_EQ(json_of(shown)["initiator_name"], "Alice Andersen");
    EXPECT_EQ(views_of_alice(), 1);
}

TEST_F(ApiTest, AProposalIsCheckedFieldByField) {
    const Session alice = sign_in("alice@example.dk");
    const Response no_title = post("/api/v1/activities", R"({"place":"pl1"})", &alice);
    EXPECT_EQ(no_title.status, 400);
    EXPECT_EQ(json_of(no_title)["message"], "title: mangler (skal udfyldes)");
    const Response fixed =
        post("/api/v1/activities?lang=en", R"({"place":"pl1","title":"x","kind":"fixed"})", &alice);
    EXPECT_EQ(fixed.status, 400);
    EXPECT_EQ(json_of(fixed)["message"],
              "kind: unknown value \"fixed\"; allowed: initiative, cause");
    const Response number = post("/api/v1/activities", R"({"place":"pl1","title":7})", &alice);
    EXPECT_EQ(json_of(number)["field"], "title");
    const Response long_title =
        post("/api/v1/activities", R"({"place":"pl1","title":")" + std::string(201, 'x') + "\"}",
             &alice);
    EXPECT_EQ(json_of(long_title)["message"], "title: må højst være 200 tegn");
    const Response unknown = post("/api/v1/activities", R"({"place":"nope","title":"x"})", &alice);
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(json_of(unknown)["message"], "place: ukendt sted \"nope\"");
    const Response elsewhere = post("/api/v1/activities", R"({"place":"pl3","title":"x"})", &alice);
    EXPECT_EQ(elsewhere.status, 403);
    // Nothing of the refused proposals was stored.
    auto activities = m_community->activities_at("pl1");
    ASSERT_TRUE(activities);
    EXPECT_EQ(activities->size(), 1u);
}

TEST_F(ApiTest, AnActivityIsShownOnlyInScope) {
    const Session bob = sign_in("bob@example.dk");
    const Response shown = get("/api/v1/activities/act1", &bob);
    ASSERT_EQ(shown.status, 200) << shown.body;
    const auto body = json_of(shown);
    EXPECT_EQ(body["title"], "Fællesspisning");
    ASSERT_EQ(body["upcoming"].size(), 1u);
    EXPECT_EQ(body["upcoming"][0]["id"], "occ1");
    EXPECT_EQ(get("/api/v1/activities/act3", &bob).status, 403);
    EXPECT_EQ(get("/api/v1/activities/nope", &bob).status, 404);
}

TEST_F(ApiTest, MyDataHoldsEverythingAboutMeAndIsLogged) {
    const Session alice = sign_in("alice@example.dk");
    const Response data = get("/api/v1/me/data", &alice);
    ASSERT_EQ(data.status, 200) << data.body;
    const auto body = json_of(data);
    EXPECT_EQ(body["person"]["id"], "alice");
    EXPECT_EQ(body["person"]["support_need"], true);  // her own flag, shown to her
    EXPECT_EQ(body["participations"][0]["occurrence"], "occ1");
    EXPECT_EQ(body["visits"][0]["place"], "pl1");
    auto log = m_accounts->access_log_of("alice");
    ASSERT_TRUE(log);
    ASSERT_FALSE(log->empty());
    EXPECT_EQ(log->front().action, "export");
    EXPECT_EQ(log->front().detail, "GET /api/v1/me/data");
}

// The person's own answers to named survey rounds are in the API's download too, under the key
// and in the shape of the page's /me/data.json; an anonymous answer, linked to nobody, is not.
TEST_F(ApiTest, MyDataHasMyOwnNamedSurveyAnswers) {
    storage::sqlite::SqliteSurveyStore surveys(m_pool);
    m_services->surveys = &surveys;
    const Session alice = sign_in("alice@example.dk");
    EXPECT_EQ(json_of(get("/api/v1/me/data", &alice))["surveys"], nlohmann::json::array());
    for (bool anonymous : {false, true}) {
        core::SurveyRound round;
        round.partnership = "p1";
        round.title = anonymous ? "Anonym" : "Forår";
        round.opens = today();
        round.closes = today() + 6;
        round.anonymous = anonymous;
        auto id = surveys.create_round(round);
        ASSERT_TRUE(id) << id.error().message;
        core::SurveyResponse response{*id,
                                      "alice",
                                      {{"flexibility", core::SurveyAnswer::Yes},
                                       {"equality", std::nullopt},
                                       {"diversity", core::SurveyAnswer::ALittle}},
                                      {}};
        ASSERT_TRUE(surveys.submit(response, today()));
    }
    const Response data = get("/api/v1/me/data", &alice);
    ASSERT_EQ(data.status, 200) << data.body;
    const auto body = json_of(data);
    ASSERT_EQ(body["surveys"].size(), 1u) << body["surveys"].dump();
    EXPECT_EQ(body["surveys"][0],
              (nlohmann::json{{"title", "Forår"},
                              {"partnership", "p1"},
                              {"opens", core::format_date(today())},
                              {"closes", core::format_date(today() + 6)},
                              {"answers", {{"flexibility", "yes"}, {"diversity", "a_little"}}}}));
    m_services->surveys = nullptr;
}

// The API's download is the same document as the page's: every purpose of consent, who changed
// it (without staff names), and who looked, by purpose.
TEST_F(ApiTest, MyDataHasEveryConsentItsHistoryAndTheLookups) {
    core::Consents consents;
    consents.support_need = true;
    consents.companion = true;
    consents.statistics = false;
    ASSERT_TRUE(m_community->set_consent("alice", consents, true, 0, true, 1000));
    ASSERT_TRUE(m_accounts->log_access(
        core::AccessEntry{2000, 99, "view", "alice", "GET /host/today?place=pl1"}));
    const Session alice = sign_in("alice@example.dk");
    const Response data = get("/api/v1/me/data", &alice);
    ASSERT_EQ(data.status, 200) << data.body;
    const auto body = json_of(data);
    EXPECT_EQ(body["person"]["consent"]["companion"], true);
    EXPECT_EQ(body["person"]["consent"]["statistics"], false);
    bool on_paper = false;
    for (const auto& change : body["consent_history"]) {
        on_paper = on_paper || (change["on_paper"] == true && change["by"] == "system" &&
                                change["companion"] == true && change["statistics"] == false);
    }
    EXPECT_TRUE(on_paper) << body["consent_history"].dump();
    bool hosting = false;
    for (const auto& entry : body["access_log"]) {
        EXPECT_TRUE(entry["who"] == "you" || entry["who"] == "staff" || entry["who"] == "system");
        hosting = hosting || (entry["purpose"] == "hosting" && entry["who"] == "staff");
    }
    EXPECT_TRUE(hosting) << body["access_log"].dump();
}

TEST_F(ApiTest, PlacesAreListedWithTheirPartnership) {
    const Session analyst = sign_in("analyst@example.dk");
    const auto places = json_of(get("/api/v1/places", &analyst));
    ASSERT_EQ(places.size(), 3u);
    bool found = false;
    for (const auto& place : places) {
        if (place["id"] == "pl3") {
            found = true;
            EXPECT_EQ(place["partnership"], "p2");
            EXPECT_EQ(place["partnership_name"], "Partnerskab To");
        }
    }
    EXPECT_TRUE(found);
}

}  // namespace
}  // namespace samskab::web::api
