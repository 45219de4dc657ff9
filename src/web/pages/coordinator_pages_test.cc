#include <gtest/gtest.h>

#include "web/pages/host_pages_test_support.h"

namespace samskab::web::pages::testing {
namespace {

class CoordinatorPagesTest : public StaffPageTest {
protected:
    void SetUp() override {
        StaffPageTest::SetUp();
        if (HasFatalFailure()) {
            return;
        }
        // The home page links to self-evaluation only where there is an interview store.
        m_services->interviews = m_stores->interviews.get();
    }

    std::optional<core::PlaceView> place(const std::string& id) {
        auto found = community().find_place(id);
        EXPECT_TRUE(found);
        return found ? *found : std::nullopt;
    }

    core::ActivityView activity(const std::string& id) {
        auto found = community().find_activity(id, at_time(-1, 0), 100, "");
        EXPECT_TRUE(found && *found) << id;
        return found && *found ? **found : core::ActivityView{};
    }
};

TEST_F(CoordinatorPagesTest, OnlyCoordinatorsGetIn) {
    EXPECT_EQ(browser().get("/coordinator").status, 303);
    Browser host = signed_in("host@example.dk");
    EXPECT_EQ(host.get("/coordinator").status, 403);
    EXPECT_EQ(host.get("/coordinator/occurrences/occ-knit").status, 403);
    Browser participant = signed_in("participant@example.dk");
    EXPECT_EQ(participant.get("/coordinator/people").status, 403);
}

TEST_F(CoordinatorPagesTest, HomeListsThePlacesInScope) {
    Browser coordinator = signed_in("coord@example.dk");
    Response page = coordinator.get("/coordinator");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(html(page).find("href=\"/coordinator/places/insp-house\">Huset</a>"),
              std::string::npos);
    EXPECT_NE(html(page).find("href=\"/coordinator/places/insp-cafe\">Caféen</a>"),
              std::string::npos);
    EXPECT_EQ(html(page).find("Butikken"), std::string::npos);
    EXPECT_NE(html(page).find("/coordinator/places/new"), std::string::npos);
    EXPECT_NE(html(page).find("20 %"), std::string::npos);
    EXPECT_NE(html(page).find("<a href=\"/coordinator/deletions\">Anmodninger om sletning</a>"),
              std::string::npos);
    EXPECT_NE(html(page).find("<a href=\"/coordinator/access-log\">Adgangslog</a>"),
              std::string::npos);

    Browser place_coordinator = signed_in("placecoord@example.dk");
    Response own = place_coordinator.get("/coordinator");
    EXPECT_NE(html(own).find("Caféen"), std::string::npos);
    EXPECT_EQ(html(own).find("Huset"), std::string::npos);
    EXPECT_EQ(html(own).find("/coordinator/places/new"), std::string::npos);
    // Self-evaluation is for the whole partnership's coordinators.
    EXPECT_NE(html(page).find("href=\"/coordinator/partnerships/insp/evaluation\""),
              std::string::npos);
    EXPECT_EQ(html(own).find("/evaluation\""), std::string::npos);
}

TEST_F(CoordinatorPagesTest, CreatePlaceWithDecimalCommaThreshold) {
    Browser coordinator = signed_in("coord@example.dk");
    Response form = coordinator.get("/coordinator/places/new");
    ASSERT_EQ(form.status, 200);
    EXPECT_NE(html(form).find("value=\"0,20\""), std::string::npos);
    Response done =
        coordinator.post("/coordinator/places/new",
                         {{"partnership", "insp"}, {"name", "Værkstedet"}, {"threshold", "0,35"}});
    ASSERT_EQ(done.status, 303) << done.body;
    const std::string location(done.header("Location"));
    ASSERT_EQ(location.substr(0, 20), "/coordinator/places/");
    auto created = place(location.substr(20));
    ASSERT_TRUE(created);
    EXPECT_EQ(created->place.name, "Værkstedet");
    EXPECT_EQ(created->place.partnership, "insp");
    EXPECT_DOUBLE_EQ(created->place.support_threshold, 0.35);
    Response page = coordinator.get(location);
    EXPECT_NE(html(page).find("value=\"0,35\""), std::string::npos);
    EXPECT_NE(html(coordinator.get(location + "?lang=en")).find("value=\"0.35\""),
              std::string::npos);
}

TEST_F(CoordinatorPagesTest, PlaceFormErrorsNameTheFieldAndKeepTheValues) {
    Browser coordinator = signed_in("coord@example.dk");
    Response page = coordinator.post("/coordinator/places/new",
                                     {{"partnership", "insp"}, {"name", ""}, {"threshold", "1,5"}});
    EXPECT_EQ(page.status, 422);
    EXPECT_NE(html(page).find("<a href=\"#name\">Stedets navn mangler (skal udfyldes)</a>"),
              std::string::npos);
    EXPECT_NE(html(page).find("<a href=\"#threshold\">Støttegrænse skal være et tal mellem 0 og 1"),
              std::string::npos);
    EXPECT_NE(html(page).find("id=\"threshold-error\""), std::string::npos);
    EXPECT_NE(html(page).find("value=\"1,5\""), std::string::npos);
    Response english =
        coordinator.post("/coordinator/places/new?lang=en",
                         {{"partnership", "insp"}, {"name", "Ny"}, {"threshold", "en halv"}});
    EXPECT_EQ(english.status, 422);
    EXPECT_NE(html(english).find("Support threshold must be a number from 0 to 1"),
              std::string::npos);
    auto places = community().list_places();
    ASSERT_TRUE(places);
    EXPECT_EQ(places->size(), 3u);
}

TEST_F(CoordinatorPagesTest, PlacesOutsideTheScopeAreRefused) {
    Browser place_coordinator = signed_in("placecoord@example.dk");
    EXPECT_EQ(place_coordinator.get("/coordinator/places/new").status, 403);
    EXPECT_EQ(place_coordinator.get("/coordinator/places/insp-house").status, 403);
    EXPECT_EQ(place_coordinator.get("/coordinator/places/insp-cafe").status, 200);
    EXPECT_EQ(place_coordinator
                  .post("/coordinator/places/new",
                        {{"partnership", "insp"}, {"name", "X"}, {"threshold", "0,2"}})
                  .status,
              403);

    Browser coordinator = signed_in("coord@example.dk");
    EXPECT_EQ(coordinator.get("/coordinator/places/vimby-shop").status, 403);
    EXPECT_EQ(coordinator.get("/coordinator/places/nowhere").status, 404);
    EXPECT_EQ(coordinator
                  .post("/coordinator/places/new",
                        {{"partnership", "vimby"}, {"name", "X"}, {"threshold", "0,2"}})
                  .status,
              403);
    EXPECT_EQ(
        coordinator.post("/coordinator/places/vimby-shop", {{"name", "X"}, {"threshold", "0,2"}})
            .status,
        403);
    EXPECT_EQ(place("vimby-shop")->place.name, "Butikken");
    EXPECT_EQ(community().list_places()->size(), 3u);
}

TEST_F(CoordinatorPagesTest, EditPlace) {
    Browser coordinator = signed_in("coord@example.dk");
    Response done = coordinator.post("/coordinator/places/insp-house",
                                     {{"name", "Det store hus"}, {"threshold", "0.25"}});
    EXPECT_EQ(done.status, 303);
    EXPECT_EQ(done.header("Location"), "/coordinator/places/insp-house?saved=1");
    EXPECT_EQ(place("insp-house")->place.name, "Det store hus");
    EXPECT_DOUBLE_EQ(place("insp-house")->place.support_threshold, 0.25);
    EXPECT_EQ(place("insp-house")->place.partnership, "insp");
    Response page = coordinator.get("/coordinator/places/insp-house?saved=1");
    EXPECT_NE(html(page).find("Ændringerne er gemt."), std::string::npos);
    EXPECT_NE(html(page).find("<h1>Det store hus</h1>"), std::string::npos);
}

TEST_F(CoordinatorPagesTest, CreatePlaceWithoutCsrfStoresNothing) {
    Browser coordinator = signed_in("coord@example.dk");
    Response page =
        coordinator.post("/coordinator/places/new",
                         {{"partnership", "insp"}, {"name", "X"}, {"threshold", "0"}}, false);
    EXPECT_EQ(page.status, 403);
    EXPECT_EQ(community().list_places()->size(), 3u);
}

TEST_F(CoordinatorPagesTest, ActivitiesOfAPlace) {
    Browser coordinator = signed_in("coord@example.dk");
    Response list = coordinator.get("/coordinator/places/insp-house/activities");
    ASSERT_EQ(list.status, 200);
    EXPECT_NE(html(list).find(">Strik &amp; snak</a>"), std::string::npos);
    EXPECT_NE(html(list).find("Sag"), std::string::npos);

    Response missing = coordinator.post("/coordinator/places/insp-house/activities",
                                        {{"title", ""}, {"kind", "cause"}});
    EXPECT_EQ(missing.status, 422);
    EXPECT_NE(html(missing).find("Titel mangler (skal udfyldes)"), std::string::npos);
    EXPECT_NE(html(missing).find("<option value=\"cause\" selected>"), std::string::npos);

    Response done = coordinator.post("/coordinator/places/insp-house/activities",
                                     {{"title", "Fællesspisning"}, {"kind", "fixed"}});
    ASSERT_EQ(done.status, 303);
    const std::string location(done.header("Location"));
    ASSERT_EQ(location.substr(0, 24), "/coordinator/activities/");
    core::ActivityView created = activity(location.substr(24));
    EXPECT_EQ(created.activity.title, "Fællesspisning");
    EXPECT_EQ(created.activity.place, "insp-house");
    EXPECT_EQ(created.activity.created, m_clock.today());

    Browser place_coordinator = signed_in("placecoord@example.dk");
    EXPECT_EQ(place_coordinator.get("/coordinator/places/insp-house/activities").status, 403);
    EXPECT_EQ(place_coordinator.get("/coordinator/activities/act-knit").status, 403);
    EXPECT_EQ(
        place_coordinator
            .post("/coordinator/places/insp-house/activities", {{"title", "X"}, {"kind", "fixed"}})
            .status,
        403);
    EXPECT_EQ(community().activities_at("insp-house")->size(), 3u);
    // Nor may they change an activity of another place.
    EXPECT_EQ(
        place_coordinator.post("/coordinator/activities/act-knit/rename", {{"title", "Overtaget"}})
            .status,
        403);
    EXPECT_EQ(place_coordinator
                  .post("/coordinator/activities/act-knit/schedules", {{"weekday", "2"},
                                                                       {"start", "18:00"},
                                                                       {"end", "19:00"},
                                                                       {"from", "2026-03-01"},
                                                                       {"until", "2026-03-31"}})
                  .status,
              403);
    EXPECT_EQ(place_coordinator
                  .post("/coordinator/activities/act-knit/occurrences",
                        {{"date", "2026-03-10"}, {"one_start", "10:00"}, {"one_end", "12:00"}})
                  .status,
              403);
    EXPECT_EQ(place_coordinator
                  .post("/coordinator/activities/act-cause/action-items", {{"text", "Noget"}})
                  .status,
              403);
    const core::ActivityView knit = activity("act-knit");
    EXPECT_EQ(knit.activity.title, "Strik & snak");
    EXPECT_TRUE(knit.schedules.empty());
    EXPECT_EQ(knit.upcoming.size(), 1u);
    EXPECT_TRUE(activity("act-cause").action_items.empty());
}

TEST_F(CoordinatorPagesTest, WeeklyScheduleGeneratesOccurrences) {
    Browser coordinator = signed_in("coord@example.dk");
    Response page = coordinator.get("/coordinator/activities/act-knit");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(html(page).find("<h1>Strik &amp; snak</h1>"), std::string::npos);
    // Tuesdays in March 2026: the 3rd, 10th, 17th, 24th and 31st.
    Response done =
        coordinator.post("/coordinator/activities/act-knit/schedules", {{"weekday", "2"},
                                                                        {"start", "18:00"},
                                                                        {"end", "19.30"},
                                                                        {"from", "2026-03-01"},
                                                                        {"until", "31.3.2026"}});
    ASSERT_EQ(done.status, 303) << done.body;
    EXPECT_EQ(done.header("Location"), "/coordinator/activities/act-knit?created=5");
    core::ActivityView view = activity("act-knit");
    ASSERT_EQ(view.schedules.size(), 1u);
    EXPECT_EQ(view.schedules[0].start_minute, 18 * 60);
    EXPECT_EQ(view.schedules[0].end_minute, 19 * 60 + 30);
    Response shown = coordinator.get(std::string(done.header("Location")));
    EXPECT_NE(html(shown).find("5 nye gange er oprettet."), std::string::npos);
    EXPECT_NE(html(shown).find("<th scope=\"row\">tirsdag</th><td>18.00–19.30</td>"),
              std::string::npos);
}

TEST_F(CoordinatorPagesTest, ScheduleErrorsNameTheField) {
    Browser coordinator = signed_in("coord@example.dk");
    Response late =
        coordinator.post("/coordinator/activities/act-knit/schedules", {{"weekday", "2"},
                                                                        {"start", "19:00"},
                                                                        {"end", "17:00"},
                                                                        {"from", "2026-03-01"},
                                                                        {"until", "2026-03-31"}});
    EXPECT_EQ(late.status, 422);
    EXPECT_NE(html(late).find("<a href=\"#end\">Sluttid"), std::string::npos) << late.body;
    EXPECT_NE(html(late).find("value=\"19:00\""), std::string::npos);

    Response bad = coordinator.post("/coordinator/activities/act-knit/schedules?lang=en",
                                    {{"weekday", "8"},
                                     {"start", "25:00"},
                                     {"end", "26:00"},
                                     {"from", "30.2.2026"},
                                     {"until", ""}});
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(html(bad).find("Weekday must be a weekday from 1 (Monday) to 7 (Sunday)"),
              std::string::npos);
    EXPECT_NE(html(bad).find("Start time must be a time of day such as 17:00"), std::string::npos);
    EXPECT_NE(html(bad).find("First date must be a date such as 1/12/2025"), std::string::npos);
    EXPECT_NE(html(bad).find("<a href=\"#until\">Last date"), std::string::npos);

    Response backwards =
        coordinator.post("/coordinator/activities/act-knit/schedules", {{"weekday", "2"},
                                                                        {"start", "17:00"},
                                                                        {"end", "19:00"},
                                                                        {"from", "2026-03-31"},
                                                                        {"until", "2026-03-01"}});
    EXPECT_EQ(backwards.status, 422);
    EXPECT_NE(html(backwards).find("Sidste dato må ikke ligge før første dato"), std::string::npos);
    EXPECT_TRUE(activity("act-knit").schedules.empty());
}

TEST_F(CoordinatorPagesTest, OneOffOccurrenceAndRename) {
    Browser coordinator = signed_in("coord@example.dk");
    Response done =
        coordinator.post("/coordinator/activities/act-knit/occurrences",
                         {{"date", "2026-03-10"}, {"one_start", "10.00"}, {"one_end", "12.00"}});
    ASSERT_EQ(done.status, 303) << done.body;
    core::ActivityView view = activity("act-knit");
    const bool found = std::any_of(view.upcoming.begin(), view.upcoming.end(), [&](const auto& o) {
        return o.occurrence.start == at_time(8, 10) && o.occurrence.end == at_time(8, 12);
    });
    EXPECT_TRUE(found);
    Response wrong =
        coordinator.post("/coordinator/activities/act-knit/occurrences",
                         {{"date", "2026-03-10"}, {"one_start", "12.00"}, {"one_end", "10.00"}});
    EXPECT_EQ(wrong.status, 422);
    EXPECT_NE(html(wrong).find("Sluttid skal ligge efter starten"), std::string::npos);

    EXPECT_EQ(coordinator.post("/coordinator/activities/act-knit/rename", {{"title", ""}}).status,
              422);
    EXPECT_EQ(
        coordinator.post("/coordinator/activities/act-knit/rename", {{"title", "Strikkeklub"}})
            .status,
        303);
    EXPECT_EQ(activity("act-knit").activity.title, "Strikkeklub");
}

TEST_F(CoordinatorPagesTest, ActionPlanOfACause) {
    Browser coordinator = signed_in("coord@example.dk");
    Response page = coordinator.get("/coordinator/activities/act-cause");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(html(page).find("Handleplan"), std::string::npos);
    EXPECT_EQ(html(coordinator.get("/coordinator/activities/act-knit")).find("Handleplan"),
              std::string::npos);

    Response bad = coordinator.post("/coordinator/activities/act-cause/action-items",
                                    {{"text", "Skriv til kommunen"}, {"due", "i morgen"}});
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(html(bad).find("Frist skal være en dato som 1.12.2025"), std::string::npos);
    EXPECT_NE(html(bad).find("value=\"Skriv til kommunen\""), std::string::npos);

    EXPECT_EQ(coordinator
                  .post("/coordinator/activities/act-cause/action-items",
                        {{"text", "Skriv til kommunen"}, {"due", "15.3.2026"}})
                  .status,
              303);
    core::ActivityView view = activity("act-cause");
    ASSERT_EQ(view.action_items.size(), 1u);
    EXPECT_EQ(view.action_items[0].due, date("2026-03-15"));
    EXPECT_FALSE(view.action_items[0].done);
    const std::string item = std::to_string(view.action_items[0].id);
    // The button of an open item marks it done, and of a done item open again.
    EXPECT_NE(html(coordinator.get("/coordinator/activities/act-cause"))
                  .find("<input type=\"hidden\" name=\"done\" value=\"1\">"),
              std::string::npos);
    EXPECT_EQ(
        coordinator.post("/coordinator/activities/act-cause/action-items/" + item, {{"done", "1"}})
            .status,
        303);
    EXPECT_TRUE(activity("act-cause").action_items[0].done);
    Response done_page = coordinator.get("/coordinator/activities/act-cause");
    EXPECT_NE(html(done_page).find("Gjort"), std::string::npos);
    EXPECT_NE(html(done_page).find("<input type=\"hidden\" name=\"done\" value=\"0\">"),
              std::string::npos);
    // An item is marked only through its own activity.
    EXPECT_EQ(
        coordinator.post("/coordinator/activities/act-knit/action-items/" + item, {{"done", "0"}})
            .status,
        404);
    EXPECT_TRUE(activity("act-cause").action_items[0].done);
    // A fixed activity has no action plan.
    EXPECT_EQ(coordinator.post("/coordinator/activities/act-knit/action-items", {{"text", "Noget"}})
                  .status,
              400);
}

TEST_F(CoordinatorPagesTest, OccurrenceShowsRolesAndTheSupportFlag) {
    Browser coordinator = signed_in("coord@example.dk");
    Response page = coordinator.get("/coordinator/occurrences/occ-knit");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(html(page).find("<th scope=\"row\">Anna</th><td>Får støtte</td><td>" +
                              std::string(SUPPORT_DA) + "</td>"),
              std::string::npos)
        << page.body;
    EXPECT_NE(html(page).find("<th scope=\"row\">Bo</th><td>Aktiv</td><td>–</td>"),
              std::string::npos);
    EXPECT_NE(html(page).find(HTML_NAME_ESCAPED), std::string::npos);
    EXPECT_EQ(html(page).find(HTML_NAME), std::string::npos);
    EXPECT_NE(html(coordinator.get("/coordinator/occurrences/occ-knit?lang=en")).find(SUPPORT_EN),
              std::string::npos);
    // One line per participant shown, so that each can see the lookup on their own page.
    EXPECT_TRUE(logged("view|p-anna|GET /coordinator/occurrences/occ-knit"));
    EXPECT_TRUE(logged("view|p-bo|GET /coordinator/occurrences/occ-knit"));

    EXPECT_EQ(coordinator.get("/coordinator/occurrences/occ-shop").status, 403);
    EXPECT_EQ(coordinator.get("/coordinator/occurrences/nothing").status, 404);
    Browser place_coordinator = signed_in("placecoord@example.dk");
    Response refused = place_coordinator.get("/coordinator/occurrences/occ-knit");
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(html(refused).find(SUPPORT_DA), std::string::npos);
}

TEST_F(CoordinatorPagesTest, ChangeAParticipantsRole) {
    Browser coordinator = signed_in("coord@example.dk");
    coordinator.get("/coordinator/occurrences/occ-knit");
    Response done = coordinator.post("/coordinator/occurrences/occ-knit/role",
                                     {{"person", "p-bo"}, {"role", "host"}});
    EXPECT_EQ(done.status, 303);
    auto detail = community().find_occurrence("occ-knit", false);
    ASSERT_TRUE(detail && *detail);
    for (const auto& participant : (*detail)->participants) {
        if (participant.person.id == "p-bo") {
            EXPECT_EQ(participant.role, core::Role::Host);
        }
    }
    Response bad = coordinator.post("/coordinator/occurrences/occ-knit/role",
                                    {{"person", "p-bo"}, {"role", "boss"}});
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(html(bad).find("Rolle skal vælges på listen"), std::string::npos);
    EXPECT_EQ(coordinator
                  .post("/coordinator/occurrences/occ-knit/role",
                        {{"person", "p-vera"}, {"role", "host"}})
                  .status,
              404);
    EXPECT_EQ(coordinator
                  .post("/coordinator/occurrences/occ-shop/role",
                        {{"person", "p-vera"}, {"role", "host"}})
                  .status,
              403);
    EXPECT_EQ(coordinator
                  .post("/coordinator/occurrences/occ-knit/role",
                        {{"person", "p-anna"}, {"role", "initiator"}}, false)
                  .status,
              403);
    auto after = community().find_occurrence("occ-knit", false);
    for (const auto& participant : (*after)->participants) {
        if (participant.person.id == "p-anna") {
            EXPECT_EQ(participant.role, core::Role::Supported);
        }
    }
}

}  // namespace
}  // namespace samskab::web::pages::testing
