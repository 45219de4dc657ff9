#include <gtest/gtest.h>

#include "web/pages/dashboard_pages.h"
#include "web/pages/host_pages_test_support.h"

namespace samskab::web::pages::testing {
namespace {

// The staff fixture (host_pages_test_support.h) with the pages of figures and an analyst. Its
// data, at the house (threshold 20 %): on 1 June 2025 Anna (needs support) and Bo visit, 1 of 2;
// on 1 May 2025 Hanne alone, 0 of 1; on 3 March 2026 Anna, Bo and p-xss take part in occ-knit,
// 1 of 3. At the café p-xss alone on 1 June 2025; at Vimby's shop Vera on 3 March 2026.
class DashboardPagesTest : public StaffPageTest {
protected:
    std::vector<Route> page_routes(const views::Templates& templates) override {
        std::vector<Route> routes = StaffPageTest::page_routes(templates);
        for (Route& route : dashboard_routes(templates)) {
            routes.push_back(std::move(route));
        }
        return routes;
    }

    void SetUp() override {
        StaffPageTest::SetUp();
        if (HasFatalFailure()) {
            return;
        }
        add_account("analyst@example.dk", "Ane Analytiker", "",
                    {{core::AccountRole::Analyst, "", ""}});
        m_author = add_account("writer@example.dk", "Vibeke Vært", "",
                               {{core::AccountRole::Host, "insp", "insp-house"}});
    }

    void note(const char* day, const std::string& text) {
        core::LogbookNote entry;
        entry.place = "insp-house";
        entry.day = date(day);
        entry.author = m_author;
        entry.text = text;
        entry.written_at = NOW;
        auto added = community().add_logbook_note(entry);
        ASSERT_TRUE(added) << added.error().message;
    }

    static bool has(const std::string& page, std::string_view part) {
        return page.find(part) != std::string::npos;
    }

    std::int64_t m_author = 0;
};

TEST_F(DashboardPagesTest, OnlyCoordinatorsAndAnalystsGetIn) {
    EXPECT_EQ(browser().get("/coordinator/dashboard").status, 303);
    for (const char* email : {"host@example.dk", "participant@example.dk"}) {
        Browser b = signed_in(email);
        EXPECT_EQ(b.get("/coordinator/dashboard").status, 403) << email;
        EXPECT_EQ(b.get("/analyst/dashboard").status, 403) << email;
        EXPECT_EQ(b.get("/coordinator/learning-meeting").status, 403) << email;
    }
    Browser coordinator = signed_in("coord@example.dk");
    EXPECT_EQ(coordinator.get("/analyst/dashboard").status, 403);
    Browser analyst = signed_in("analyst@example.dk");
    EXPECT_EQ(analyst.get("/coordinator/dashboard").status, 403);
    EXPECT_EQ(analyst.get("/coordinator/learning-meeting").status, 403);
}

TEST_F(DashboardPagesTest, CoordinatorSeesChartsAndTheWarningWithTheDays) {
    Browser coordinator = signed_in("coord@example.dk");
    Response response = coordinator.get("/coordinator/dashboard");
    ASSERT_EQ(response.status, 200) << response.body;
    const std::string page = html(response);
    // The default: the whole partnership, the current year, by quarter.
    EXPECT_TRUE(has(page, "<option value=\"partnership:insp\" selected>"));
    EXPECT_TRUE(has(page, "1. januar 2026 – 31. december 2026"));
    // Charts: images with a text alternative, and their numbers as tables.
    EXPECT_TRUE(has(page, "<svg class=\"samskab-chart-svg samskab-chart-line\""));
    EXPECT_TRUE(has(page, "role=\"img\""));
    EXPECT_EQ(count_of(page, "<figure class=\"samskab-chart\">"), 2 + 3 + 1);
    EXPECT_TRUE(has(page, "<th scope=\"row\">K4 2026</th>"));
    EXPECT_TRUE(has(page, "<caption>Hvordan nye deltagere kom ind</caption>"));
    // Unsuppressed: 3 participants at the house in 2026.
    EXPECT_TRUE(has(page, "<th scope=\"row\">Deltagere</th><td class=\"samskab-value\">3</td>"));
    // The daily share at the house against its threshold, and the warning naming the day.
    EXPECT_TRUE(has(page, "<title id=\"daily-1-title\">Daglig andel med støttebehov: Huset"));
    EXPECT_TRUE(has(page, "class=\"samskab-chart-threshold\""));
    EXPECT_TRUE(has(page, "class=\"alert alert-warning samskab-threshold-warning\""));
    EXPECT_TRUE(has(page, "Støttegrænsen er overskredet: Huset (støttegrænse 20 %)"));
    EXPECT_TRUE(has(page, "<li>3. marts 2026: 33,3 %</li>"));
    EXPECT_FALSE(has(page, "1. juni 2025"));
    // Figures, never a person's flag.
    EXPECT_FALSE(has(page, SUPPORT_DA));
    EXPECT_FALSE(has(page, "Anna"));
    EXPECT_FALSE(has(page, "style="));
}

TEST_F(DashboardPagesTest, ChosenPeriodAndUnit) {
    Browser coordinator = signed_in("coord@example.dk");
    Response response = coordinator.get(
        "/coordinator/"
        "dashboard?scope=place:insp-house&from=1.1.2025&to=2025-12-31&by=year&lang=en");
    ASSERT_EQ(response.status, 200) << response.body;
    const std::string page = html(response);
    EXPECT_TRUE(has(page, "<option value=\"place:insp-house\" selected>Huset (INSP!)</option>"));
    EXPECT_TRUE(has(page, "value=\"2025-01-01\""));
    EXPECT_TRUE(has(page, "<option value=\"year\" selected>"));
    // One year is no trend.
    EXPECT_TRUE(has(page, "The period holds only one quarter or year"));
    EXPECT_FALSE(has(page,
                     "samskab-chart-line\" viewBox=\"0 0 640 312\" width=\"640\" height="
                     "\"312\" role=\"img\" aria-labelledby=\"trend"));
    EXPECT_TRUE(has(page, "<li>1 June 2025: 50%</li>"));
    EXPECT_FALSE(has(page, "1 May 2025:"));
}

TEST_F(DashboardPagesTest, WrongPeriodNamesTheField) {
    Browser coordinator = signed_in("coord@example.dk");
    Response bad = coordinator.get("/coordinator/dashboard?from=hello&by=month");
    EXPECT_EQ(bad.status, 422);
    const std::string page = html(bad);
    EXPECT_TRUE(has(page, "<a href=\"#from\">Fra dato skal være en dato som 1.12.2025</a>"));
    EXPECT_TRUE(has(page, "<a href=\"#by\">Udvikling pr. skal vælges på listen</a>"));
    EXPECT_TRUE(has(page, "value=\"hello\""));
    EXPECT_FALSE(has(page, "<svg"));
    Response backwards = coordinator.get("/coordinator/dashboard?from=2026-05-01&to=2026-04-01");
    EXPECT_EQ(backwards.status, 422);
    EXPECT_TRUE(has(html(backwards), "Til dato skal ligge efter fra-datoen"));
}

TEST_F(DashboardPagesTest, PlaceCoordinatorSeesOnlyTheirPlace) {
    Browser coordinator = signed_in("placecoord@example.dk");
    Response own = coordinator.get("/coordinator/dashboard");
    ASSERT_EQ(own.status, 200);
    EXPECT_TRUE(has(html(own), "<option value=\"place:insp-cafe\" selected>"));
    EXPECT_FALSE(has(html(own), "partnership:insp"));
    EXPECT_FALSE(has(html(own), "alert-warning"));
    EXPECT_EQ(coordinator.get("/coordinator/dashboard?scope=partnership:insp").status, 403);
    EXPECT_EQ(coordinator.get("/coordinator/dashboard?scope=place:insp-house").status, 403);
    EXPECT_EQ(coordinator.get("/coordinator/dashboard?scope=place:vimby-shop").status, 403);
    EXPECT_EQ(coordinator.get("/coordinator/dashboard?scope=place:nowhere").status, 404);
    EXPECT_EQ(coordinator.get("/coordinator/dashboard?scope=partnership:none").status, 404);
    EXPECT_EQ(coordinator.get("/coordinator/learning-meeting?scope=place:insp-house").status, 403);
}

TEST_F(DashboardPagesTest, AnalystSeesSuppressedAggregatesOnly) {
    Browser analyst = signed_in("analyst@example.dk");
    Response response = analyst.get("/analyst/dashboard");
    ASSERT_EQ(response.status, 200) << response.body;
    const std::string page = html(response);
    EXPECT_TRUE(has(page, "<option value=\"all\" selected>Alle partnerskaber</option>"));
    EXPECT_TRUE(has(page, "<option value=\"partnership:vimby\">Vimby</option>"));
    EXPECT_TRUE(has(page, "Grupper med færre end 5 personer er skjult"));
    // 4 participants in 2026 across the partnerships: fewer than 5; the share is hidden.
    EXPECT_TRUE(
        has(page, "<th scope=\"row\">Deltagere</th><td class=\"samskab-value\">&lt;5</td>"));
    EXPECT_TRUE(has(page,
                    "<th scope=\"row\">Andel med støttebehov</th>"
                    "<td class=\"samskab-value\">skjult</td>"));
    EXPECT_FALSE(has(page, "<td class=\"samskab-value\">4</td>"));
    // The same charts, with gaps where figures are withheld; no single days, no warning.
    EXPECT_TRUE(has(page, "<svg class=\"samskab-chart-svg samskab-chart-line\""));
    EXPECT_TRUE(has(page, "<td>&lt;5</td>"));
    EXPECT_FALSE(has(page, "daily-1"));
    EXPECT_FALSE(has(page, "alert-warning"));
    EXPECT_FALSE(has(page, "3. marts 2026"));
    EXPECT_FALSE(has(page, "/coordinator/learning-meeting"));
    EXPECT_EQ(analyst.get("/analyst/dashboard?scope=partnership:insp").status, 200);
    EXPECT_EQ(analyst.get("/analyst/dashboard?scope=place:insp-house").status, 403);
}

TEST_F(DashboardPagesTest, LearningMeetingShowsTheChangeAndTheLogbook) {
    note("2026-02-10", "Mange nye i dag <b>fest</b>");
    note("2026-06-30", "Sidste dag før sommer");
    note("2025-12-01", "Fra sidste halvår");
    Browser coordinator = signed_in("coord@example.dk");
    Response response = coordinator.get("/coordinator/learning-meeting?half=2026-H1");
    ASSERT_EQ(response.status, 200) << response.body;
    const std::string page = html(response);
    EXPECT_TRUE(has(page, "<option value=\"2026-H1\" selected>2026-H1</option>"));
    EXPECT_TRUE(has(page, "1. januar 2026 – 30. juni 2026"));
    EXPECT_TRUE(has(page, "Forrige halvår: 1. juli 2025 – 31. december 2025."));
    // Then 0 participants, now 3.
    EXPECT_TRUE(has(page,
                    "<tr><th scope=\"row\">Deltagere</th><td class=\"samskab-value\">0</td>"
                    "<td class=\"samskab-value\">3</td><td>+3 siden forrige periode</td>"));
    // Charts over both half-years by quarter, and the day over the threshold.
    EXPECT_TRUE(has(page, "<th scope=\"row\">K3 2025</th>"));
    EXPECT_TRUE(has(page, "<th scope=\"row\">K2 2026</th>"));
    EXPECT_TRUE(has(page, "<li>3. marts 2026: 33,3 %</li>"));
    // The logbook of the half-year, oldest first, escaped.
    EXPECT_TRUE(has(page, "<h3>Huset</h3>"));
    const auto first = page.find("Mange nye i dag &lt;b&gt;fest&lt;/b&gt;");
    const auto last = page.find("Sidste dag før sommer");
    ASSERT_NE(first, std::string::npos);
    ASSERT_NE(last, std::string::npos);
    EXPECT_LT(first, last);
    EXPECT_TRUE(has(page, "<th scope=\"row\">10. februar 2026</th><td>Vibeke Vært</td>"));
    EXPECT_FALSE(has(page, "Fra sidste halvår"));
    // The café comes first (by name) and has no notes.
    const auto cafe = page.find("<h3>Caféen</h3>");
    ASSERT_NE(cafe, std::string::npos);
    EXPECT_LT(page.find("<p>Ingen noter i logbogen i perioden.</p>", cafe), page.find("<h3>Huset"));
    EXPECT_FALSE(has(page, SUPPORT_DA));
}

TEST_F(DashboardPagesTest, LearningMeetingDefaultsToTheLastCompletedHalfYear) {
    Browser coordinator = signed_in("coord@example.dk");
    // Today is 2 March 2026: the last half-year that has ended is 2025-H2.
    Response response = coordinator.get("/coordinator/learning-meeting");
    ASSERT_EQ(response.status, 200);
    EXPECT_TRUE(has(html(response), "<option value=\"2025-H2\" selected>"));
    EXPECT_TRUE(has(html(response), "1. juli 2025 – 31. december 2025"));
    Response bad = coordinator.get("/coordinator/learning-meeting?half=2026-H3");
    EXPECT_EQ(bad.status, 422);
    EXPECT_TRUE(has(html(bad), "Halvår skal skrives som 2026-H1 eller 2026-H2"));
}

}  // namespace
}  // namespace samskab::web::pages::testing
