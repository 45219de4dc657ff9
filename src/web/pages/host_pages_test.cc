#include <algorithm>

#include <gtest/gtest.h>

#include "web/pages/host_pages_test_support.h"

namespace samskab::web::pages::testing {
namespace {

class HostPagesTest : public StaffPageTest {
protected:
    std::vector<std::string> checked_in_ids(const std::string& place) {
        auto people = community().checked_in(place, m_clock.today());
        EXPECT_TRUE(people);
        std::vector<std::string> ids;
        for (const auto& entry : people ? *people : std::vector<core::CheckInView>{}) {
            ids.push_back(entry.person.id);
        }
        return ids;
    }

    void check_in(const std::string& person) {
        auto done = community().check_in(person, "insp-house", m_clock.today());
        ASSERT_TRUE(done) << done.error().message;
    }
};

TEST_F(HostPagesTest, TodayNeedsSignInAndTheHostRole) {
    Browser anonymous = browser();
    Response page = anonymous.get("/host/today");
    EXPECT_EQ(page.status, 303);
    EXPECT_EQ(page.header("Location").substr(0, 12), "/login?next=");

    Browser participant = signed_in("participant@example.dk");
    EXPECT_EQ(participant.get("/host/today").status, 403);
    Browser coordinator = signed_in("coord@example.dk");
    EXPECT_EQ(coordinator.get("/host/rota").status, 403);
}

TEST_F(HostPagesTest, TodayShowsWhoIsHereWithNewcomersMarked) {
    check_in("p-bo");
    check_in("p-xss");
    Browser host = signed_in("host@example.dk");
    Response page = host.get("/host/today");
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_NE(html(page).find("I dag – Huset"), std::string::npos);
    EXPECT_NE(html(page).find("mandag 2. marts"), std::string::npos);
    EXPECT_NE(html(page).find("<th scope=\"row\">Bo</th><td></td>"), std::string::npos);
    // p-xss comes to the house for the first time today: a newcomer to welcome, escaped.
    EXPECT_NE(html(page).find(std::string("<th scope=\"row\">") + std::string(HTML_NAME_ESCAPED) +
                              "</th><td><strong>ny</strong>"),
              std::string::npos)
        << page.body;
    EXPECT_NE(html(page).find("Nye i dag"), std::string::npos);
    EXPECT_EQ(html(page).find(HTML_NAME), std::string::npos);
    // One line per person on the list, none for the request as such.
    EXPECT_TRUE(logged("view|p-bo|GET /host/today"));
    EXPECT_TRUE(logged("view|p-xss|GET /host/today"));
    EXPECT_FALSE(logged("view||GET /host/today"));
}

TEST_F(HostPagesTest, TheCheckInSearchLogsEachPersonFound) {
    check_in("p-bo");
    check_in("p-hanne");
    Browser host = signed_in("host@example.dk");
    ASSERT_EQ(host.get("/host/today?q=an").status, 200);  // Anna, Hanne
    std::vector<std::string> lines;
    for (const std::string& row : access_log()) {
        if (row.find("|GET /host/today?q=an") != std::string::npos) {
            lines.push_back(row);
        }
    }
    // Bo (on the list) and Anna (found); Hanne is the host herself, on the list and found.
    EXPECT_EQ(lines, (std::vector<std::string>{"view|p-bo|GET /host/today?q=an",
                                               "view|p-anna|GET /host/today?q=an"}));
}

TEST_F(HostPagesTest, HostOfOnePlaceIsRefusedAtAnother) {
    Browser host = signed_in("host@example.dk");
    EXPECT_EQ(host.get("/host/today?place=vimby-shop").status, 403);
    EXPECT_EQ(host.get("/host/today?place=insp-cafe").status, 403);
    EXPECT_EQ(host.get("/host/rota?place=insp-cafe").status, 403);
    EXPECT_EQ(host.get("/host/today?place=nowhere").status, 404);
    EXPECT_EQ(host.post("/host/check-in", {{"place", "vimby-shop"}, {"person", "p-vera"}}).status,
              403);
    EXPECT_TRUE(checked_in_ids("vimby-shop").empty());
    EXPECT_EQ(host.post("/host/logbook", {{"place", "insp-cafe"}, {"text", "Hej"}}).status, 403);
    auto notes = community().logbook_notes("insp-cafe", m_clock.today() - 1, m_clock.today());
    ASSERT_TRUE(notes);
    EXPECT_TRUE(notes->empty());
    EXPECT_EQ(host.post("/host/rota/take", {{"place", "vimby-shop"}, {"day", "2026-03-03"}}).status,
              403);
    Browser vimby = signed_in("vimbyhost@example.dk");
    EXPECT_EQ(vimby.get("/host/today?place=insp-house").status, 403);
    EXPECT_EQ(vimby.get("/host/today").status, 200);
}

TEST_F(HostPagesTest, HostOfSeveralPlacesChoosesOne) {
    Browser host = signed_in("manyhost@example.dk");
    Response page = host.get("/host/today");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(html(page).find("href=\"/host/today?place=insp-house\""), std::string::npos);
    EXPECT_NE(html(page).find("href=\"/host/today?place=insp-cafe\""), std::string::npos);
    EXPECT_EQ(html(page).find("vimby-shop"), std::string::npos);
    Response cafe = host.get("/host/today?place=insp-cafe");
    ASSERT_EQ(cafe.status, 200);
    EXPECT_NE(html(cafe).find("I dag – Caféen"), std::string::npos);
    // The page links to the other place, marking the one shown.
    EXPECT_NE(html(cafe).find("href=\"/host/today?place=insp-cafe\" aria-current=\"page\""),
              std::string::npos);
}

TEST_F(HostPagesTest, SearchAndCheckIn) {
    Browser host = signed_in("host@example.dk");
    Response found = host.get("/host/today?q=an");
    ASSERT_EQ(found.status, 200);
    EXPECT_NE(html(found).find("value=\"p-anna\""), std::string::npos);
    EXPECT_NE(html(found).find("value=\"p-hanne\""), std::string::npos);
    // Searching stays inside the place's partnership.
    EXPECT_EQ(html(host.get("/host/today?q=Vera")).find("p-vera"), std::string::npos);

    Response done = host.post("/host/check-in", {{"place", "insp-house"}, {"person", "p-anna"}});
    EXPECT_EQ(done.status, 303);
    EXPECT_EQ(done.header("Location"), "/host/today?place=insp-house&done=checked_in");
    EXPECT_EQ(checked_in_ids("insp-house"), std::vector<std::string>{"p-anna"});
    Response page = host.get("/host/today?place=insp-house&done=checked_in");
    EXPECT_NE(html(page).find("Personen er tjekket ind."), std::string::npos);
    EXPECT_NE(html(host.get("/host/today?q=Anna")).find("Er her allerede"), std::string::npos);
}

TEST_F(HostPagesTest, CheckInRefusesPeopleOfAnotherPartnership) {
    Browser host = signed_in("host@example.dk");
    Response page = host.post("/host/check-in", {{"place", "insp-house"}, {"person", "p-vera"}});
    EXPECT_EQ(page.status, 422);
    EXPECT_NE(html(page).find("href=\"#q\""), std::string::npos);
    EXPECT_TRUE(checked_in_ids("insp-house").empty());
}

TEST_F(HostPagesTest, CheckInWithoutCsrfChangesNothing) {
    Browser host = signed_in("host@example.dk");
    Response page =
        host.post("/host/check-in", {{"place", "insp-house"}, {"person", "p-bo"}}, false);
    EXPECT_EQ(page.status, 403);
    EXPECT_TRUE(checked_in_ids("insp-house").empty());
    EXPECT_EQ(host.post("/host/introductions",
                        {{"place", "insp-house"}, {"a", "p-anna"}, {"b", "p-bo"}}, false)
                  .status,
              403);
    EXPECT_EQ(host.post("/host/logbook", {{"place", "insp-house"}, {"text", "x"}}, false).status,
              403);
    auto notes = community().logbook_notes("insp-house", m_clock.today() - 1, m_clock.today());
    ASSERT_TRUE(notes);
    EXPECT_TRUE(notes->empty());
}

TEST_F(HostPagesTest, HostNeverSeesTheSupportFlag) {
    check_in("p-anna");
    check_in("p-bo");
    for (const char* email : {"host@example.dk", "coordhost@example.dk"}) {
        Browser host = signed_in(email);
        for (const char* target : {"/host/today?place=insp-house", "/host/today?q=Anna",
                                   "/host/today?lang=en", "/host/rota"}) {
            Response page = host.get(target);
            ASSERT_EQ(page.status, 200) << email << " " << target;
            EXPECT_EQ(html(page).find(SUPPORT_DA), std::string::npos) << email << " " << target;
            EXPECT_EQ(html(page).find(SUPPORT_EN), std::string::npos) << email << " " << target;
            EXPECT_EQ(html(page).find("støttebehov"), std::string::npos) << email << " " << target;
            EXPECT_EQ(html(page).find("upport need"), std::string::npos) << email << " " << target;
        }
    }
}

TEST_F(HostPagesTest, IntroductionIsStoredAsHostIntroduction) {
    check_in("p-anna");
    check_in("p-bo");
    Browser host = signed_in("host@example.dk");
    Response page = host.get("/host/today");
    EXPECT_NE(html(page).find("<select class=\"form-select\" id=\"a\" name=\"a\">"),
              std::string::npos);
    Response done =
        host.post("/host/introductions", {{"place", "insp-house"}, {"a", "p-bo"}, {"b", "p-anna"}});
    EXPECT_EQ(done.status, 303);
    auto data = community().person_data("p-anna");
    ASSERT_TRUE(data && *data);
    ASSERT_EQ((*data)->relations.size(), 1u);
    EXPECT_EQ((*data)->relations[0].source, core::RelationSource::HostIntroduction);
    EXPECT_EQ((*data)->relations[0].since, m_clock.today());

    Response again =
        host.post("/host/introductions", {{"place", "insp-house"}, {"a", "p-anna"}, {"b", "p-bo"}});
    EXPECT_EQ(again.status, 422);
    EXPECT_NE(html(again).find("Anden person er allerede forbundet med første person"),
              std::string::npos);
}

TEST_F(HostPagesTest, IntroductionErrorsNameTheFieldInBothLanguages) {
    check_in("p-anna");
    check_in("p-bo");
    Browser host = signed_in("host@example.dk");
    Response same =
        host.post("/host/introductions", {{"place", "insp-house"}, {"a", "p-bo"}, {"b", "p-bo"}});
    EXPECT_EQ(same.status, 422);
    EXPECT_NE(html(same).find("<a href=\"#b\">Anden person skal være en anden end første person"),
              std::string::npos)
        << same.body;
    EXPECT_NE(html(same).find("form-group form-error"), std::string::npos);
    // The choices are kept.
    EXPECT_NE(html(same).find("<option value=\"p-bo\" selected>Bo</option>"), std::string::npos);

    Response missing = host.post("/host/introductions?lang=en",
                                 {{"place", "insp-house"}, {"a", ""}, {"b", "p-hanne"}});
    EXPECT_EQ(missing.status, 422);
    EXPECT_NE(html(missing).find("First person is missing (required)"), std::string::npos);
    EXPECT_NE(html(missing).find("Second person must have checked in today"), std::string::npos);
    auto data = community().person_data("p-bo");
    ASSERT_TRUE(data && *data);
    EXPECT_TRUE((*data)->relations.empty());
}

TEST_F(HostPagesTest, LogbookNoteIsWrittenForTodayAndListed) {
    Browser host = signed_in("host@example.dk");
    Response empty = host.post("/host/logbook", {{"place", "insp-house"}, {"text", "   "}});
    EXPECT_EQ(empty.status, 422);
    EXPECT_NE(html(empty).find("Note til logbogen mangler (skal udfyldes)"), std::string::npos);
    Response english = host.post("/host/logbook?lang=en", {{"place", "insp-house"}, {"text", ""}});
    EXPECT_NE(html(english).find("Logbook note is missing (required)"), std::string::npos);

    Response done = host.post("/host/logbook",
                              {{"place", "insp-house"}, {"text", "Stille dag <b>med</b> kage"}});
    EXPECT_EQ(done.status, 303);
    auto notes = community().logbook_notes("insp-house", m_clock.today(), m_clock.today());
    ASSERT_TRUE(notes);
    ASSERT_EQ(notes->size(), 1u);
    EXPECT_EQ((*notes)[0].text, "Stille dag <b>med</b> kage");
    EXPECT_EQ((*notes)[0].author_name, "Hanne Vært");
    Response page = host.get("/host/today");
    EXPECT_NE(html(page).find("Stille dag &lt;b&gt;med&lt;/b&gt; kage"), std::string::npos);
    EXPECT_NE(html(page).find("Hanne Vært"), std::string::npos);
}

TEST_F(HostPagesTest, RotaTakeReleaseAndSwap) {
    Browser host = signed_in("host@example.dk");
    Response page = host.get("/host/rota");
    ASSERT_EQ(page.status, 200);
    EXPECT_EQ(count_of(page.body, "<th scope=\"row\">"), 28);
    EXPECT_NE(html(page).find("Værtsplan – Huset"), std::string::npos);

    EXPECT_EQ(host.post("/host/rota/take", {{"place", "insp-house"}, {"day", "2026-03-04"}}).status,
              303);
    auto rota = community().rota("insp-house", date("2026-03-04"), date("2026-03-10"));
    ASSERT_TRUE(rota);
    const auto host_of = [&](const char* day) -> std::string {
        auto days = community().rota("insp-house", date(day), date(day));
        EXPECT_TRUE(days);
        for (const auto& entry : days ? *days : std::vector<core::RotaDay>{}) {
            if (entry.day == date(day) && entry.host) {
                return entry.host->id;
            }
        }
        return "";
    };
    EXPECT_EQ(host_of("2026-03-04"), "p-hanne");
    EXPECT_NE(html(host.get("/host/rota")).find("Hanne (dig)"), std::string::npos);

    Response swapped =
        host.post("/host/rota/swap",
                  {{"place", "insp-house"}, {"first", "2026-03-04"}, {"second", "2026-03-06"}});
    EXPECT_EQ(swapped.status, 303);
    EXPECT_EQ(host_of("2026-03-04"), "");
    EXPECT_EQ(host_of("2026-03-06"), "p-hanne");

    // A day that is not the host's own cannot be swapped or released.
    Response not_mine =
        host.post("/host/rota/swap",
                  {{"place", "insp-house"}, {"first", "2026-03-05"}, {"second", "2026-03-06"}});
    EXPECT_EQ(not_mine.status, 422);
    EXPECT_NE(html(not_mine).find("<a href=\"#rota\">Du er ikke vært den dag."), std::string::npos);
    EXPECT_EQ(
        host.post("/host/rota/release", {{"place", "insp-house"}, {"day", "2026-03-05"}}).status,
        422);

    EXPECT_EQ(
        host.post("/host/rota/release", {{"place", "insp-house"}, {"day", "2026-03-06"}}).status,
        303);
    EXPECT_EQ(host_of("2026-03-06"), "");

    // Outside the four weeks.
    EXPECT_EQ(host.post("/host/rota/take", {{"place", "insp-house"}, {"day", "2026-05-01"}}).status,
              422);
}

TEST_F(HostPagesTest, TheRotaLogsEachOtherHostShown) {
    ASSERT_TRUE(community().take_rota_day("insp-house", date("2026-03-05"), "p-bo"));
    ASSERT_TRUE(community().take_rota_day("insp-house", date("2026-03-06"), "p-anna"));
    ASSERT_TRUE(community().take_rota_day("insp-house", date("2026-03-07"), "p-hanne"));
    Browser host = signed_in("host@example.dk");
    ASSERT_EQ(host.get("/host/rota").status, 200);
    std::vector<std::string> lines;
    for (const std::string& row : access_log()) {
        if (row.find("|GET /host/rota") != std::string::npos) {
            lines.push_back(row);
        }
    }
    // Bo and Anna, by day; not Hanne, the host herself.
    EXPECT_EQ(lines,
              (std::vector<std::string>{"view|p-bo|GET /host/rota", "view|p-anna|GET /host/rota"}));
}

TEST_F(HostPagesTest, RotaDayTakenBySomeoneElse) {
    ASSERT_TRUE(community().take_rota_day("insp-house", date("2026-03-05"), "p-bo"));
    Browser host = signed_in("host@example.dk");
    Response page = host.get("/host/rota?lang=en");
    EXPECT_NE(html(page).find("<td>Bo</td>"), std::string::npos);
    Response taken =
        host.post("/host/rota/take?lang=en", {{"place", "insp-house"}, {"day", "2026-03-05"}});
    EXPECT_EQ(taken.status, 422);
    EXPECT_NE(html(taken).find("Someone else has already taken the day."), std::string::npos);

    // A host whose account is not linked to a person cannot take days at all.
    Browser nobody = signed_in("nohost@example.dk");
    EXPECT_NE(html(nobody.get("/host/rota")).find("ikke knyttet til en person"), std::string::npos);
    EXPECT_EQ(
        nobody.post("/host/rota/take", {{"place", "insp-house"}, {"day", "2026-03-06"}}).status,
        422);
}

}  // namespace
}  // namespace samskab::web::pages::testing
