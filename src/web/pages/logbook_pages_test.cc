// The logbook pages: a coordinator designs a template field by field (each change a version),
// a host fills it in on the phone form with the people present, and the coordinator reads the
// entries, the summary, the CSV and the Excel workbook; everything is authorised by place.
#include "web/pages/host_pages_test_support.h"
#include "web/pages/xlsx_test_support.h"

namespace samskab::web::pages::testing {
namespace {

class LogbookPagesTest : public StaffPageTest {
protected:
    std::vector<Route> page_routes(const views::Templates& templates) override {
        std::vector<Route> routes = StaffPageTest::page_routes(templates);
        for (Route& route : logbook_routes(templates)) {
            routes.push_back(std::move(route));
        }
        return routes;
    }

    // A template at the house made through the pages: mood (scale, required), kind (choice),
    // present (people present), note (text). Returns its id.
    std::string design(Browser& coord) {
        coord.get("/coordinator/logbooks");
        Response created = coord.post("/coordinator/logbooks",
                                      {{"name", "Caféaften"}, {"target", "place:insp-house"}});
        EXPECT_EQ(created.status, 303) << created.body;
        const std::string href(created.header("Location"));
        coord.get(href);
        const std::vector<std::vector<std::pair<std::string, std::string>>> fields = {
            {{"label", "Stemning"}, {"type", "scale"}, {"required", "on"}},
            {{"label", "Slags aften"}, {"type", "choice"}, {"options", "Spil\nMusik\n"}},
            {{"label", "Hvem var med"}, {"type", "people_present"}},
            {{"label", "Noter"}, {"type", "text"}}};
        for (const auto& field : fields) {
            Response added = coord.post(href + "/fields", field);
            EXPECT_EQ(added.status, 303) << added.body;
        }
        return href.substr(std::string("/coordinator/logbooks/").size());
    }

    core::LogbookTemplate stored(const std::string& id) {
        auto found = m_stores->logbooks->find_template(id);
        EXPECT_TRUE(found && *found);
        return found && *found ? **found : core::LogbookTemplate{};
    }
};

TEST_F(LogbookPagesTest, ACoordinatorDesignsATemplateFieldByField) {
    Browser coord = signed_in("coord@example.dk");
    const std::string id = design(coord);
    core::LogbookTemplate t = stored(id);
    EXPECT_EQ(t.partnership, "insp");
    ASSERT_EQ(t.versions.size(), 4U);  // one version per saved field
    const auto& fields = t.current()->fields;
    ASSERT_EQ(fields.size(), 4U);
    EXPECT_EQ(fields[0].key, "stemning");
    EXPECT_TRUE(fields[0].required);
    EXPECT_EQ(fields[1].options, (std::vector<std::string>{"Spil", "Musik"}));
    EXPECT_EQ(fields[2].type, core::FieldType::PeoplePresent);

    // Move, remove: each a new version; the older ones stay as they were.
    ASSERT_EQ(coord
                  .post("/coordinator/logbooks/" + id + "/fields/change",
                        {{"key", "noter"}, {"action", "up"}})
                  .status,
              303);
    ASSERT_EQ(coord
                  .post("/coordinator/logbooks/" + id + "/fields/change",
                        {{"key", "slags_aften"}, {"action", "remove"}})
                  .status,
              303);
    t = stored(id);
    ASSERT_EQ(t.versions.size(), 6U);
    EXPECT_EQ(t.current()->fields[1].key, "noter");
    EXPECT_EQ(t.current()->fields.size(), 3U);
    EXPECT_EQ(t.version(4)->fields.size(), 4U);

    const std::string page = html(coord.get("/coordinator/logbooks/" + id));
    EXPECT_NE(page.find("Version 6"), std::string::npos);
    EXPECT_NE(page.find("Hvem var med"), std::string::npos);
    EXPECT_NE(html(coord.get("/coordinator/logbooks")).find("Caféaften"), std::string::npos);
}

TEST_F(LogbookPagesTest, BadFieldsAreRefusedNamingTheFieldAndChangeNothing) {
    Browser coord = signed_in("coord@example.dk");
    const std::string id = design(coord);
    const std::string href = "/coordinator/logbooks/" + id + "/fields";
    Response few = coord.post(href, {{"label", "Vejr"}, {"type", "choice"}, {"options", "Sol"}});
    EXPECT_EQ(few.status, 422);
    EXPECT_NE(few.body.find("&quot;Vejr&quot; skal have mindst to valgmuligheder"),
              std::string::npos)
        << few.body;
    Response key = coord.post(href, {{"label", "X"}, {"type", "text"}, {"key", "Bad key!"}});
    EXPECT_EQ(key.status, 422);
    EXPECT_NE(key.body.find("id=\"key-error\""), std::string::npos);
    Response twice = coord.post(href, {{"label", "Y"}, {"type", "text"}, {"key", "noter"}});
    EXPECT_EQ(twice.status, 422);
    EXPECT_EQ(coord.post(href, {{"label", "Z"}, {"type", "colour"}}).status, 422);
    EXPECT_EQ(
        coord.post("/coordinator/logbooks", {{"name", ""}, {"target", "place:insp-house"}}).status,
        422);
    EXPECT_EQ(
        coord.post("/coordinator/logbooks", {{"name", "X"}, {"target", "place:vimby-shop"}}).status,
        422);
    EXPECT_EQ(stored(id).versions.size(), 4U);
    EXPECT_EQ(m_stores->logbooks->templates_of_partnership("insp")->size(), 1U);
}

TEST_F(LogbookPagesTest, AHostWritesAnEntryWithThePeoplePresent) {
    Browser coord = signed_in("coord@example.dk");
    const std::string id = design(coord);
    ASSERT_TRUE(m_stores->community->check_in("p-bo", "insp-house", m_clock.today()));

    Browser host = signed_in("host@example.dk");
    const std::string list = html(host.get("/host/logbooks"));
    EXPECT_NE(list.find("/host/logbooks/" + id), std::string::npos);
    Response form = host.get("/host/logbooks/" + id + "?q=Ann");
    ASSERT_EQ(form.status, 200);
    // Bo checked in today; Anna found by the search. Never the support need.
    EXPECT_NE(form.body.find("value=\"p-bo\""), std::string::npos);
    EXPECT_NE(form.body.find("value=\"p-anna\""), std::string::npos);
    EXPECT_EQ(form.body.find(SUPPORT_DA), std::string::npos);

    Response refused = host.post("/host/logbooks/" + id,
                                 {{"version", "4"}, {"f_stemning", "9"}, {"f_noter", "Fint"}});
    EXPECT_EQ(refused.status, 422);
    EXPECT_NE(refused.body.find("&quot;Stemning&quot; skal være et tal fra 1 til 5"),
              std::string::npos);
    EXPECT_NE(refused.body.find(">Fint</textarea>"), std::string::npos);  // kept
    Response stranger =
        host.post("/host/logbooks/" + id,
                  {{"version", "4"}, {"f_stemning", "3"}, {"f_hvem_var_med", "p-vera"}});
    EXPECT_EQ(stranger.status, 422);  // Vera is of another partnership
    EXPECT_TRUE(m_stores->logbooks->entries_at("insp-house", m_clock.today())->empty());

    Response written = host.post("/host/logbooks/" + id, {{"version", "4"},
                                                          {"f_stemning", "4"},
                                                          {"f_slags_aften", "Musik"},
                                                          {"f_hvem_var_med", "p-bo"},
                                                          {"f_hvem_var_med", "p-anna"},
                                                          {"f_noter", "God aften; mange nye"}});
    ASSERT_EQ(written.status, 303) << written.body;
    auto entries = m_stores->logbooks->entries_at("insp-house", m_clock.today());
    ASSERT_EQ(entries->size(), 1U);
    EXPECT_EQ(entries->front().version, 4);
    EXPECT_EQ(entries->front().value("hvem_var_med")->people.size(), 2U);
    // Anna was not checked in: the entry records her visit.
    auto here = m_stores->community->checked_in("insp-house", m_clock.today());
    EXPECT_EQ(here->size(), 2U);
    EXPECT_NE(html(host.get(std::string(written.header("Location")))).find("Caféaften"),
              std::string::npos);
}

TEST_F(LogbookPagesTest, EntriesSummaryAndCsvForTheCoordinator) {
    Browser coord = signed_in("coord@example.dk");
    const std::string id = design(coord);
    Browser host = signed_in("host@example.dk");
    host.get("/host/logbooks/" + id);
    ASSERT_EQ(host.post("/host/logbooks/" + id, {{"version", "4"},
                                                 {"f_stemning", "4"},
                                                 {"f_slags_aften", "Spil"},
                                                 {"f_hvem_var_med", "p-bo"},
                                                 {"f_noter", "=SUM(A1); \"citat\""}})
                  .status,
              303);
    ASSERT_EQ(host.post("/host/logbooks/" + id, {{"version", "4"}, {"f_stemning", "5"}}).status,
              303);
    // A later version: the entries keep theirs.
    ASSERT_EQ(coord
                  .post("/coordinator/logbooks/" + id + "/fields/change",
                        {{"key", "noter"}, {"action", "remove"}})
                  .status,
              303);

    const std::string entries = html(coord.get("/coordinator/logbooks/" + id + "/entries"));
    EXPECT_NE(entries.find("=SUM(A1); &quot;citat&quot;"), std::string::npos);
    EXPECT_NE(entries.find("Bo"), std::string::npos);

    const std::string summary =
        html(coord.get("/coordinator/logbooks/" + id + "/summary?by=quarter"));
    EXPECT_NE(summary.find("Stemning: svarene"), std::string::npos);
    EXPECT_NE(summary.find("4,5"), std::string::npos);  // the mean of 4 and 5
    EXPECT_NE(summary.find("<svg"), std::string::npos);
    EXPECT_EQ(coord.get("/coordinator/logbooks/" + id + "/summary?by=week").status, 422);
    EXPECT_EQ(coord.get("/coordinator/logbooks/" + id + "/entries?from=31.2.2026").status, 422);

    Response csv = coord.get("/coordinator/logbooks/" + id + "/entries.csv");
    ASSERT_EQ(csv.status, 200);
    EXPECT_EQ(csv.header("Content-Type"), "text/csv; charset=utf-8");
    const std::string& body = csv.body;
    EXPECT_EQ(body.substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_NE(
        body.find("day;written_at;version;author;stemning;slags_aften;hvem_var_med;noter\r\n"),
        std::string::npos)
        << body;
    EXPECT_NE(body.find(";4;Hanne Vært;4;Spil;Bo;\"'=SUM(A1); \"\"citat\"\"\"\r\n"),
              std::string::npos)
        << body;
    EXPECT_NE(body.find(";4;Hanne Vært;5;;;\r\n"), std::string::npos) << body;
}

TEST_F(LogbookPagesTest, EntriesAsAnExcelWorkbookWithTheSummary) {
    Browser coord = signed_in("coord@example.dk");
    const std::string id = design(coord);
    Browser host = signed_in("host@example.dk");
    host.get("/host/logbooks/" + id);
    ASSERT_EQ(host.post("/host/logbooks/" + id, {{"version", "4"},
                                                 {"f_stemning", "4"},
                                                 {"f_hvem_var_med", "p-bo"},
                                                 {"f_noter", "=HYPERLINK(\"x\"); god aften"}})
                  .status,
              303);
    const std::string page = html(coord.get("/coordinator/logbooks/" + id + "/entries"));
    EXPECT_NE(page.find("/entries.xlsx?from="), std::string::npos);
    EXPECT_NE(page.find("Hent som Excel-regneark (.xlsx)"), std::string::npos);
    EXPECT_NE(html(coord.get("/coordinator/logbooks/" + id)).find(id + "/entries.xlsx"),
              std::string::npos);

    Response xlsx = coord.get("/coordinator/logbooks/" + id + "/entries.xlsx");
    ASSERT_EQ(xlsx.status, 200) << xlsx.body;
    EXPECT_EQ(xlsx.header("Content-Type"),
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_EQ(xlsx.header("Content-Disposition"),
              "attachment; filename=\"logbog-" + id + ".xlsx\"");
    const auto sheet = zip_entry(xlsx.body, "xl/worksheets/sheet1.xml");
    const auto strings = zip_entry(xlsx.body, "xl/sharedStrings.xml");
    ASSERT_TRUE(sheet && strings);
    EXPECT_TRUE(zip_entry(xlsx.body, "xl/worksheets/sheet2.xml"));  // the summary
    for (const char* text :
         {">day<", ">author<", ">stemning<", ">hvem_var_med<", ">Hanne Vært<", ">Bo<",
          ">=HYPERLINK(\"x\"); god aften<", ">Stemning<", ">Gennemsnit<"}) {
        EXPECT_NE(strings->find(text), std::string::npos) << text << " in " << *strings;
    }
    EXPECT_EQ(sheet->find("<f>"), std::string::npos);                 // the note is no formula
    EXPECT_NE(sheet->find("<v>4</v>"), std::string::npos) << *sheet;  // the mood as a number
    // Written to the access log as the CSV is, for the names of the people present.
    core::AccessQuery query;
    query.action = "view";
    auto logged = m_stores->accounts->search_access_log(query);
    ASSERT_TRUE(logged);
    bool found = false;
    for (const core::AccessEntry& entry : *logged) {
        found = found || entry.detail.find("/entries.xlsx") != std::string::npos;
    }
    EXPECT_TRUE(found);
    EXPECT_EQ(coord.get("/coordinator/logbooks/" + id + "/entries.xlsx?to=31.2.2026").status, 400);
    EXPECT_EQ(signed_in("placecoord@example.dk")
                  .get("/coordinator/logbooks/" + id + "/entries.xlsx")
                  .status,
              403);
    EXPECT_EQ(host.get("/coordinator/logbooks/" + id + "/entries.xlsx").status, 403);
}

TEST_F(LogbookPagesTest, OnlyThePlacesOwnStaffSeeATemplate) {
    Browser coord = signed_in("coord@example.dk");
    const std::string id = design(coord);
    // A coordinator of the café only, and a host of Vimby's shop: 403.
    Browser place_coord = signed_in("placecoord@example.dk");
    EXPECT_EQ(place_coord.get("/coordinator/logbooks/" + id).status, 403);
    EXPECT_EQ(place_coord.get("/coordinator/logbooks/" + id + "/entries.csv").status, 403);
    EXPECT_EQ(html(place_coord.get("/coordinator/logbooks")).find("Caféaften"), std::string::npos);
    Browser other_host = signed_in("vimbyhost@example.dk");
    EXPECT_EQ(other_host.get("/host/logbooks/" + id).status, 403);
    EXPECT_EQ(other_host.post("/host/logbooks/" + id, {{"f_stemning", "3"}}).status, 403);
    EXPECT_EQ(coord.get("/coordinator/logbooks/lt-none").status, 404);
    Browser host = signed_in("host@example.dk");
    EXPECT_EQ(host.get("/coordinator/logbooks").status, 403);
}

}  // namespace
}  // namespace samskab::web::pages::testing
