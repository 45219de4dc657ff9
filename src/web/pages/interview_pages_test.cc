#include <algorithm>

#include <gtest/gtest.h>

#include "web/pages/host_pages_test_support.h"
#include "web/pages/interview_pages.h"
#include "web/pages/xlsx_test_support.h"

namespace samskab::web::pages::testing {
namespace {

// The staff fixture (host_pages_test_support.h) with the evaluation pages and the learning
// meeting. coord@ coordinates all of INSP!, placecoord@ only its café; vimbyhost@ and
// participant@ have no coordinator grant; a coordinator of Vimby is added.
class InterviewPagesTest : public StaffPageTest {
protected:
    std::vector<Route> page_routes(const views::Templates& templates) override {
        std::vector<Route> routes = StaffPageTest::page_routes(templates);
        for (auto make : {interview_routes, dashboard_routes}) {
            for (Route& route : make(templates)) {
                routes.push_back(std::move(route));
            }
        }
        return routes;
    }

    void SetUp() override {
        StaffPageTest::SetUp();
        if (HasFatalFailure()) {
            return;
        }
        m_services->interviews = m_stores->interviews.get();
        add_account("vimbycoord@example.dk", "Vagn Vimby", "",
                    {{core::AccountRole::Coordinator, "vimby", ""}});
        add_account("analyst@example.dk", "Ane Analytiker", "",
                    {{core::AccountRole::Analyst, "", ""}});
    }

    static bool has(const std::string& page, std::string_view part) {
        return page.find(part) != std::string::npos;
    }

    // The path a 303 sends to.
    static std::string location(const Response& response) {
        EXPECT_EQ(response.status, 303) << response.body;
        return std::string(response.header("Location"));
    }

    // A guide with one question and an interview with a coded note, through the pages; returns
    // the interview's path.
    std::string interview_with_coding(Browser& coordinator,
                                      const std::string& theme = "fleksibilitet",
                                      const std::string& person = "") {
        coordinator.get("/coordinator/partnerships/insp/evaluation");
        const std::string guide = location(coordinator.post("/coordinator/partnerships/insp/guides",
                                                            {{"title", "Deltagerinterview"}}));
        coordinator.get(guide);
        location(coordinator.post(guide + "/questions",
                                  {{"text", "Hvordan kom du ind i fællesskabet?"}}));
        const std::string guide_id = guide.substr(guide.rfind('/') + 1);
        coordinator.get("/coordinator/partnerships/insp/evaluation");
        const std::string interview = location(coordinator.post(
            "/coordinator/partnerships/insp/interviews", {{"guide", guide_id},
                                                          {"date", "2025-09-01"},
                                                          {"interviewee", "ung, 19 år"},
                                                          {"person", person}}));
        auto record = m_stores->interviews->find_interview(
            std::stoll(interview.substr(interview.rfind('/') + 1)));
        EXPECT_TRUE(record && *record);
        const std::int64_t question = (*record)->guide.questions.at(0).id;
        coordinator.get(interview);
        location(coordinator.post(interview + "/notes/" + std::to_string(question),
                                  {{"text", "Ingen spørger, hvor jeg har været. Det er rart."}}));
        record = m_stores->interviews->find_interview((*record)->interview.id);
        coordinator.get(interview);
        location(coordinator.post(interview + "/codings",
                                  {{"note", std::to_string((*record)->notes.at(0).id)},
                                   {"quote", "Ingen spørger, hvor jeg har været"},
                                   {"theme", theme}}));
        return interview;
    }
};

TEST_F(InterviewPagesTest, TheIntervieweeChoicesLogEachPersonListed) {
    Browser coordinator = signed_in("coord@example.dk");
    ASSERT_EQ(coordinator.get("/coordinator/partnerships/insp/evaluation").status, 200);
    std::vector<std::string> lines;
    for (const std::string& row : access_log()) {
        if (has(row, "|GET /coordinator/partnerships/insp/evaluation")) {
            lines.push_back(row.substr(0, row.find('|', 5)));
        }
    }
    std::sort(lines.begin(), lines.end());
    EXPECT_EQ(lines,
              (std::vector<std::string>{"view|p-anna", "view|p-bo", "view|p-hanne", "view|p-xss"}));
}

TEST_F(InterviewPagesTest, OnlyCoordinatorsOfTheWholePartnershipGetIn) {
    for (const char* email : {"host@example.dk", "participant@example.dk", "analyst@example.dk"}) {
        Browser b = signed_in(email);
        EXPECT_EQ(b.get("/coordinator/partnerships/insp/evaluation").status, 403) << email;
        EXPECT_EQ(b.get("/coordinator/partnerships/insp/codebook").status, 403) << email;
    }
    // A coordinator of one place only, and of another partnership, are refused too.
    for (const char* email : {"placecoord@example.dk", "vimbycoord@example.dk"}) {
        Browser b = signed_in(email);
        EXPECT_EQ(b.get("/coordinator/partnerships/insp/evaluation").status, 403) << email;
        EXPECT_EQ(b.get("/coordinator/partnerships/insp/check").status, 403) << email;
        EXPECT_EQ(b.get("/coordinator/partnerships/insp/themes").status, 403) << email;
    }
    Browser coordinator = signed_in("coord@example.dk");
    const std::string interview = interview_with_coding(coordinator);
    EXPECT_EQ(coordinator.get(interview).status, 200);
    Browser vimby = signed_in("vimbycoord@example.dk");
    EXPECT_EQ(vimby.get(interview).status, 403);
    EXPECT_EQ(vimby.get("/coordinator/guides/1").status, 403);
    EXPECT_EQ(coordinator.get("/coordinator/interviews/999").status, 404);
    EXPECT_EQ(coordinator.get("/coordinator/interviews/abc").status, 404);
}

TEST_F(InterviewPagesTest, InterviewNotesPerQuestionAreCodedAndSummarised) {
    Browser coordinator = signed_in("coord@example.dk");
    const std::string interview = interview_with_coding(coordinator);
    const std::string page = html(coordinator.get(interview));
    EXPECT_TRUE(has(page, "Hvordan kom du ind i fællesskabet?"));
    EXPECT_TRUE(has(page, "Ingen spørger, hvor jeg har været. Det er rart."));
    EXPECT_TRUE(has(page, "<q>Ingen spørger, hvor jeg har været</q> – <strong>Fleksibilitet"));

    const std::string hub = html(coordinator.get("/coordinator/partnerships/insp/evaluation"));
    EXPECT_TRUE(has(hub, "ung, 19 år"));
    EXPECT_TRUE(has(hub, "Kim Koordinator"));

    Response themes = coordinator.get(
        "/coordinator/partnerships/insp/themes?from=2025-01-01&to=2025-12-31&by=half");
    ASSERT_EQ(themes.status, 200) << themes.body;
    const std::string summary = html(themes);
    EXPECT_TRUE(has(summary, "<th scope=\"col\">2. halvår 2025</th>"));
    EXPECT_TRUE(has(summary,
                    "<th scope=\"row\">Fleksibilitet</th><td>Motivation og udbytte</td>"
                    "<td class=\"samskab-value\">0</td><td class=\"samskab-value\">1</td>"));
    EXPECT_TRUE(has(summary, "<q>Ingen spørger, hvor jeg har været</q>"));
    EXPECT_TRUE(has(summary, "<svg"));
    EXPECT_EQ(coordinator.get("/coordinator/partnerships/insp/themes?from=2025-12-31&to=2025-01-01")
                  .status,
              422);

    // The learning meeting of the half-year has the themes and the quote.
    Response meeting =
        coordinator.get("/coordinator/learning-meeting?scope=partnership:insp&half=2025-H2");
    ASSERT_EQ(meeting.status, 200) << meeting.body;
    const std::string report = html(meeting);
    EXPECT_TRUE(has(report, "Interview: temaer og citater"));
    EXPECT_TRUE(has(report, "<q>Ingen spørger, hvor jeg har været</q>"));
    EXPECT_TRUE(has(report, "Tjeklisten er ikke udfyldt for halvåret."));
    // A single place's report holds no interview text.
    Response place =
        coordinator.get("/coordinator/learning-meeting?scope=place:insp-house&half=2025-H2");
    ASSERT_EQ(place.status, 200);
    EXPECT_FALSE(has(html(place), "Ingen spørger"));
}

TEST_F(InterviewPagesTest, TheCodingsDownloadAsCsvAndExcel) {
    Browser coordinator = signed_in("coord@example.dk");
    interview_with_coding(coordinator);
    const std::string hub = html(coordinator.get("/coordinator/partnerships/insp/evaluation"));
    EXPECT_TRUE(has(hub, "href=\"/coordinator/partnerships/insp/codings.csv\""));
    EXPECT_TRUE(has(hub, "href=\"/coordinator/partnerships/insp/codings.xlsx\""));
    const std::string themes = html(coordinator.get(
        "/coordinator/partnerships/insp/themes?from=2025-01-01&to=2025-12-31&by=half"));
    EXPECT_TRUE(has(themes, "/codings.xlsx?from=2025-01-01&amp;to=2025-12-31"));

    const std::string row =
        "2025-09-01;ung, 19 år;Hvordan kom du ind i fællesskabet?;"
        "Motivation og udbytte;Fleksibilitet;"
        "Ingen spørger, hvor jeg har været\r\n";
    Response csv = coordinator.get("/coordinator/partnerships/insp/codings.csv");
    ASSERT_EQ(csv.status, 200) << csv.body;
    EXPECT_EQ(csv.header("Content-Type"), "text/csv; charset=utf-8");
    EXPECT_EQ(csv.header("Content-Disposition"), "attachment; filename=\"kodninger-insp.csv\"");
    EXPECT_EQ(csv.body,
              "\xEF\xBB\xBF"
              "date;interviewee;question;theme_group;theme;quote\r\n" +
                  row);
    // The period of the theme summary: an interview outside it is left out.
    Response before = coordinator.get("/coordinator/partnerships/insp/codings.csv?to=2025-08-31");
    ASSERT_EQ(before.status, 200);
    EXPECT_FALSE(has(before.body, "Ingen spørger"));
    EXPECT_TRUE(has(
        coordinator.get("/coordinator/partnerships/insp/codings.csv?from=2025-09-01").body, row));
    Response bad = coordinator.get("/coordinator/partnerships/insp/codings.xlsx?from=1.13.2025");
    EXPECT_EQ(bad.status, 400);
    EXPECT_TRUE(has(html(bad), "Fra dato skal være en dato som 1.3.2026"));

    Response xlsx = coordinator.get("/coordinator/partnerships/insp/codings.xlsx");
    ASSERT_EQ(xlsx.status, 200) << xlsx.body;
    EXPECT_EQ(xlsx.header("Content-Type"),
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_EQ(xlsx.header("Content-Disposition"), "attachment; filename=\"kodninger-insp.xlsx\"");
    const auto sheet = zip_entry(xlsx.body, "xl/worksheets/sheet1.xml");
    const auto strings = zip_entry(xlsx.body, "xl/sharedStrings.xml");
    ASSERT_TRUE(sheet && strings);
    for (const char* text : {">theme_group<", ">quote<", ">ung, 19 år<", ">Fleksibilitet<",
                             ">Motivation og udbytte<", ">Ingen spørger, hvor jeg har været<"}) {
        EXPECT_TRUE(has(*strings, text)) << text << " in " << *strings;
    }
    EXPECT_TRUE(has(*sheet, "<v>45901</v>"));  // 2025-09-01 as an Excel date

    // Quotes are data about people: each download is in the access log.
    core::AccessQuery query;
    query.action = "view";
    auto logged = m_stores->accounts->search_access_log(query);
    ASSERT_TRUE(logged);
    int downloads = 0;
    for (const core::AccessEntry& entry : *logged) {
        downloads += has(entry.detail, "/codings.") ? 1 : 0;
    }
    EXPECT_EQ(downloads, 4);  // the CSV three times and the workbook once; not the refused one

    for (const char* email :
         {"host@example.dk", "participant@example.dk", "placecoord@example.dk"}) {
        Browser b = signed_in(email);
        EXPECT_EQ(b.get("/coordinator/partnerships/insp/codings.csv").status, 403) << email;
        EXPECT_EQ(b.get("/coordinator/partnerships/insp/codings.xlsx").status, 403) << email;
    }
}

TEST_F(InterviewPagesTest, ADownloadOfCodingsLogsEachIntervieweeRecordedAsAPerson) {
    Browser coordinator = signed_in("coord@example.dk");
    interview_with_coding(coordinator, "fleksibilitet", "p-anna");
    ASSERT_EQ(coordinator.get("/coordinator/partnerships/insp/codings.xlsx").status, 200);
    std::vector<std::string> lines;
    for (const std::string& row : access_log()) {
        if (has(row, "|GET /coordinator/partnerships/insp/codings.xlsx")) {
            lines.push_back(row.substr(0, row.find('|', 5)));
        }
    }
    // Anna sees on her own page that her interview's quotes were looked up.
    EXPECT_EQ(lines, (std::vector<std::string>{"view|p-anna"}));
}

TEST_F(InterviewPagesTest, AQuoteMustStandInTheNoteAndErrorsNameTheField) {
    Browser coordinator = signed_in("coord@example.dk");
    const std::string interview = interview_with_coding(coordinator);
    auto record = *m_stores->interviews->find_interview(
        std::stoll(interview.substr(interview.rfind('/') + 1)));
    coordinator.get(interview);
    Response wrong =
        coordinator.post(interview + "/codings", {{"note", std::to_string(record->notes.at(0).id)},
                                                  {"quote", "noget helt andet"},
                                                  {"theme", "fleksibilitet"}});
    EXPECT_EQ(wrong.status, 422);
    EXPECT_TRUE(has(html(wrong), "Citatet skal stå ordret i noten"));
    coordinator.get("/coordinator/partnerships/insp/evaluation");
    Response missing = coordinator.post(
        "/coordinator/partnerships/insp/interviews",
        {{"guide", std::to_string(record->guide.id)}, {"date", "2025-09-01"}, {"interviewee", ""}});
    EXPECT_EQ(missing.status, 422);
    EXPECT_TRUE(has(html(missing), "Beskrivelsen af den interviewede mangler (skal udfyldes)"));
    EXPECT_EQ(m_stores->interviews->interviews("insp")->size(), 1U);
}

TEST_F(InterviewPagesTest, TheCodebookIsEditedAndRetiredThemesAreNotOffered) {
    Browser coordinator = signed_in("coord@example.dk");
    std::string page = html(coordinator.get("/coordinator/partnerships/insp/codebook"));
    EXPECT_TRUE(has(page, "Forbindende værtsskab"));
    EXPECT_TRUE(has(page, "Fast rollefordeling"));
    EXPECT_TRUE(has(page, "startkodebog"));
    Response renamed = coordinator.post("/coordinator/partnerships/insp/codebook/fleksibilitet",
                                        {{"name_da", "Fleksibel deltagelse"},
                                         {"name_en", "Flexible participation"},
                                         {"group", "motivation"},
                                         {"description_da", "Kom og gå"},
                                         {"description_en", ""}});
    EXPECT_EQ(location(renamed), "/coordinator/partnerships/insp/codebook?saved=1");
    auto themes = *m_stores->interviews->codebook("insp");
    EXPECT_EQ(themes.front().name_da, "Fleksibel deltagelse");
    EXPECT_FALSE(themes.front().active);  // the box "in use" was not sent: retired
    // Vimby's codebook is untouched.
    EXPECT_EQ(m_stores->interviews->codebook("vimby")->front().name_da, "Fleksibilitet");

    coordinator.get("/coordinator/partnerships/insp/codebook");
    Response empty = coordinator.post("/coordinator/partnerships/insp/codebook",
                                      {{"name_da", " "}, {"group", "other"}});
    EXPECT_EQ(empty.status, 422);
    EXPECT_TRUE(has(html(empty), "Temaets danske navn mangler (skal udfyldes)"));
    Response added = coordinator.post("/coordinator/partnerships/insp/codebook",
                                      {{"name_da", "Tryghed"}, {"group", "other"}});
    EXPECT_EQ(added.status, 303);
    EXPECT_EQ(m_stores->interviews->codebook("insp")->back().name_da, "Tryghed");

    const std::string interview = interview_with_coding(coordinator, "ligevaerdighed");
    page = html(coordinator.get(interview));
    EXPECT_FALSE(has(page, "<option value=\"fleksibilitet\""));
    EXPECT_TRUE(has(page, "<option value=\"ligevaerdighed\""));
    EXPECT_TRUE(has(page, "<strong>Ligeværdighed</strong>"));
    coordinator.get("/coordinator/partnerships/insp/codebook");
    EXPECT_EQ(coordinator
                  .post("/coordinator/partnerships/insp/codebook/nope",
                        {{"name_da", "x"}, {"group", "other"}})
                  .status,
              404);
}

TEST_F(InterviewPagesTest, TheCheckShowsHintsAndKeepsTheRatingsOfTheHalfYear) {
    Browser coordinator = signed_in("coord@example.dk");
    Response page = coordinator.get("/coordinator/partnerships/insp/check?half=2025-H1");
    ASSERT_EQ(page.status, 200) << page.body;
    std::string text = html(page);
    EXPECT_TRUE(has(text, "Fast rollefordeling"));
    EXPECT_TRUE(has(text, "Kaotiske rum"));
    // The data's hint beside the item: in the first half of 2025 Anna (support), Bo, Hanne and
    // p-xss came to INSP!'s places: 1 of 4, 5 points over the 20 % threshold.
    EXPECT_TRUE(has(text,
                    "25 % af deltagerne har støttebehov, mod stedernes grænse på 20 % "
                    "(5 procentpoint over)."));
    EXPECT_EQ(count_of(text, "type=\"radio\""), 12 * 3);
    Response saved =
        coordinator.post("/coordinator/partnerships/insp/check",
                         {{"half", "2025-H1"},
                          {"rating_haemmer-fast-rollefordeling", "hinders"},
                          {"comment_haemmer-fast-rollefordeling", "Værterne er altid de samme"},
                          {"rating_fremmer-fleksibilitet", "promotes"}});
    EXPECT_EQ(location(saved), "/coordinator/partnerships/insp/check?half=2025-H1&saved=1");
    text = html(coordinator.get("/coordinator/partnerships/insp/check?half=2025-H1"));
    EXPECT_TRUE(has(text, "value=\"hinders\" checked"));
    EXPECT_TRUE(has(text, "Værterne er altid de samme"));
    EXPECT_FALSE(*m_stores->interviews->self_assessment("insp", core::HalfYear{2025, 2}));

    Response bad =
        coordinator.post("/coordinator/partnerships/insp/check",
                         {{"half", "2025-H1"}, {"rating_haemmer-kaotiske-rum", "måske"}});
    EXPECT_EQ(bad.status, 422);
    EXPECT_TRUE(has(html(bad), "Vurderingen: ukendt værdi"));
    EXPECT_EQ(coordinator.get("/coordinator/partnerships/insp/check?half=2025-H3").status, 422);

    const std::string report =
        html(coordinator.get("/coordinator/learning-meeting?scope=partnership:insp&half=2025-H1"));
    EXPECT_TRUE(has(report,
                    "<th scope=\"row\">Fast rollefordeling</th><td>Hæmmere</td>"
                    "<td>Hæmmer os</td><td>Værterne er altid de samme</td>"));
}

}  // namespace
}  // namespace samskab::web::pages::testing
