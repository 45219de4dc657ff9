#include <nlohmann/json.hpp>

#include "web/pages/participant_pages_fixture.h"

namespace samskab::web::pages::testing {
namespace {

TEST_F(ParticipantPagesTest, MyPageShowsEverythingAboutMe) {
    // A coordinator looked at Anna's data: she sees that it happened, not who it was.
    ASSERT_TRUE(m_stores->accounts->log_access(
        core::AccessEntry{NOW - 3600, m_coordinator, "view", "p-anna", "GET /people/p-anna"}));
    Browser anna = signed_in("anna@example.dk");
    Response page = anna.get("/me");
    ASSERT_EQ(page.status, 200) << page.body;
    const std::string& html = page.body;
    EXPECT_NE(html.find("<h1>Min side</h1>"), std::string::npos);
    EXPECT_NE(html.find("<dd>Anna Kanelstrup</dd>"), std::string::npos);
    EXPECT_NE(html.find("<dd>1. september 2025</dd>"), std::string::npos);
    EXPECT_NE(html.find("en følgeperson"), std::string::npos);
    EXPECT_NE(html.find("Samskab Roskilde"), std::string::npos);
    // The support flag, only here.
    EXPECT_NE(html.find("<dt>Behov for støtte</dt>\n  <dd>Ja<br>"), std::string::npos) << html;
    EXPECT_NE(html.find("id=\"support_need\" type=\"checkbox\" name=\"support_need\" value=\"1\" "
                        "class=\"form-checkbox\" checked"),
              std::string::npos);
    // Participations, visits, relations, companions, pathways.
    EXPECT_NE(html.find("2. marts 2026 kl. 07.00"), std::string::npos);
    EXPECT_NE(html.find("Strikkeklub"), std::string::npos);
    EXPECT_NE(html.find("24. februar 2026"), std::string::npos);
    EXPECT_NE(html.find("Bo Rabarberhøj"), std::string::npos);
    EXPECT_NE(html.find("En vært præsenterede jer"), std::string::npos);
    EXPECT_NE(html.find("Gitte Timianvang"), std::string::npos);
    EXPECT_NE(html.find("Uddannelse"), std::string::npos);
    // The access log without staff names.
    EXPECT_NE(html.find("En medarbejder"), std::string::npos);
    EXPECT_NE(html.find("Så dine data"), std::string::npos);
    EXPECT_EQ(html.find("Karen"), std::string::npos);
    // Withdrawing is explained before the button.
    auto warning = html.find("Fjerner du et flueben, sletter vi de data");
    ASSERT_NE(warning, std::string::npos);
    EXPECT_LT(warning, html.find("Gem samtykke"));
}

TEST_F(ParticipantPagesTest, NobodyElseSeesMySupportNeed) {
    Browser bo = signed_in("bo@example.dk");
    Response mine = bo.get("/me");
    ASSERT_EQ(mine.status, 200);
    EXPECT_NE(mine.body.find("<dd>Bo Rabarberhøj</dd>"), std::string::npos);
    EXPECT_NE(mine.body.find("Ikke noteret"), std::string::npos);
    // Bo knows Anna, and sees her name as his relation; nothing of her data.
    EXPECT_NE(mine.body.find("Anna Kanelstrup"), std::string::npos);
    EXPECT_EQ(mine.body.find("<dd>Ja<br>"), std::string::npos);
    EXPECT_EQ(mine.body.find("1. september 2025 kl."), std::string::npos);
    Response data = bo.get("/me/data.json");
    ASSERT_EQ(data.status, 200);
    auto json = nlohmann::json::parse(data.body);
    EXPECT_EQ(json["person"]["id"], "p-bo");
    EXPECT_EQ(json["person"]["support_need"], false);
    EXPECT_EQ(data.body.find("\"support_need\": true"), std::string::npos);
    // Nor on the pages where people meet.
    for (const char* path : {"/whats-on", "/activities/strik", "/activities/sag"}) {
        Response page = bo.get(path);
        ASSERT_EQ(page.status, 200) << path;
        EXPECT_EQ(page.body.find("Anna"), std::string::npos) << path;
        EXPECT_EQ(page.body.find("støtte"), std::string::npos) << path;
    }
}

TEST_F(ParticipantPagesTest, DownloadMyData) {
    Browser anna = signed_in("anna@example.dk");
    Response data = anna.get("/me/data.json");
    ASSERT_EQ(data.status, 200);
    EXPECT_NE(data.header("Content-Type").find("application/json"), std::string::npos);
    EXPECT_EQ(data.header("Content-Disposition"), "attachment; filename=\"samskab-my-data.json\"");
    auto json = nlohmann::json::parse(data.body);
    EXPECT_EQ(json["person"]["name"], "Anna Kanelstrup");
    EXPECT_EQ(json["person"]["support_need"], true);
    EXPECT_EQ(json["person"]["joined"], "2025-09-01");
    EXPECT_EQ(json["person"]["entry_channel"], "companion");
    EXPECT_EQ(json["person"]["consent"]["pathways"], true);
    ASSERT_EQ(json["participations"].size(), 1u);
    EXPECT_EQ(json["participations"][0]["occurrence"], "strik-past");
    EXPECT_EQ(json["visits"].size(), 1u);
    EXPECT_EQ(json["relations"].size(), 1u);
    EXPECT_EQ(json["pathways"][0]["kind"], "education");
    EXPECT_EQ(json["companions"][0]["companion"], "p-guide");
    EXPECT_TRUE(json["deletion_requested"].is_null());
}

TEST_F(ParticipantPagesTest, WithdrawingConsentRemovesTheData) {
    Browser anna = signed_in("anna@example.dk");
    anna.get("/me");
    // Only "pathways" ticked: the support-need consent is withdrawn.
    Response saved = anna.post("/me/consent", {{"pathways", "1"}});
    ASSERT_EQ(saved.status, 303) << saved.body;
    EXPECT_EQ(saved.header("Location"), "/me?saved=consent");
    auto data = m_stores->community->person_data("p-anna");
    ASSERT_TRUE(data && *data);
    EXPECT_FALSE((*data)->person.consent.support_need);
    EXPECT_FALSE((*data)->person.support_need);
    EXPECT_TRUE((*data)->person.consent.pathways);
    EXPECT_EQ((*data)->pathways.size(), 1u);
    Response page = anna.get("/me?saved=consent");
    EXPECT_NE(page.body.find("Dit samtykke er gemt."), std::string::npos);

    // Nothing ticked: the pathways go too.
    ASSERT_EQ(anna.post("/me/consent", {}).status, 303);
    data = m_stores->community->person_data("p-anna");
    ASSERT_TRUE(data && *data);
    EXPECT_FALSE((*data)->person.consent.pathways);
    EXPECT_TRUE((*data)->pathways.empty());
}

TEST_F(ParticipantPagesTest, CorrectMyName) {
    Browser anna = signed_in("anna@example.dk");
    Response page = anna.get("/me");
    EXPECT_NE(page.body.find("action=\"/me/name\""), std::string::npos);
    EXPECT_NE(page.body.find("name=\"name\" value=\"Anna Kanelstrup\""), std::string::npos);
    Response saved = anna.post("/me/name", {{"name", "Anna K. Kanelstrup"}});
    ASSERT_EQ(saved.status, 303) << saved.body;
    EXPECT_EQ(saved.header("Location"), "/me?saved=name#name");
    auto data = m_stores->community->person_data("p-anna");
    ASSERT_TRUE(data && *data);
    EXPECT_EQ((*data)->person.name, "Anna K. Kanelstrup");
    page = anna.get("/me?saved=name");
    EXPECT_NE(page.body.find("<dd>Anna K. Kanelstrup</dd>"), std::string::npos);
    EXPECT_NE(page.body.find("Dit navn er rettet."), std::string::npos);
}

TEST_F(ParticipantPagesTest, AnEmptyOrOverlongNameIsRefusedAndNothingChanges) {
    Browser anna = signed_in("anna@example.dk");
    anna.get("/me");
    Response empty = anna.post("/me/name", {{"name", "  "}});
    ASSERT_EQ(empty.status, 422) << empty.body;
    // The summary links the field, and the message at the field names it.
    EXPECT_NE(empty.body.find("href=\"#name\""), std::string::npos);
    EXPECT_NE(empty.body.find("Navn mangler"), std::string::npos) << empty.body;
    EXPECT_NE(empty.body.find("aria-invalid=\"true\""), std::string::npos);
    const std::string long_name(201, 'a');
    Response too_long = anna.post("/me/name?lang=en", {{"name", long_name}});
    ASSERT_EQ(too_long.status, 422);
    EXPECT_NE(too_long.body.find("Name is too long (at most 200 characters)"), std::string::npos)
        << too_long.body;
    EXPECT_NE(too_long.body.find("value=\"" + long_name + "\""), std::string::npos);
    auto data = m_stores->community->person_data("p-anna");
    ASSERT_TRUE(data && *data);
    EXPECT_EQ((*data)->person.name, "Anna Kanelstrup");
    // Without the form's token nothing is saved either.
    EXPECT_EQ(anna.post("/me/name", {{"name", "Anna"}}, false).status, 403);
    data = m_stores->community->person_data("p-anna");
    EXPECT_EQ((*data)->person.name, "Anna Kanelstrup");
}

TEST_F(ParticipantPagesTest, ConsentNeedsTheFormsToken) {
    Browser anna = signed_in("anna@example.dk");
    EXPECT_EQ(anna.post("/me/consent", {}, false).status, 403);
    auto data = m_stores->community->person_data("p-anna");
    ASSERT_TRUE(data && *data);
    EXPECT_TRUE((*data)->person.support_need);
}

TEST_F(ParticipantPagesTest, RequestDeletion) {
    Browser anna = signed_in("anna@example.dk");
    Response page = anna.get("/me");
    EXPECT_NE(page.body.find("action=\"/me/deletion\""), std::string::npos);
    Response done = anna.post("/me/deletion", {});
    ASSERT_EQ(done.status, 200) << done.body;
    EXPECT_NE(done.body.find("<h1>Vi har fået din besked</h1>"), std::string::npos);
    auto data = m_stores->community->person_data("p-anna");
    ASSERT_TRUE(data && *data);
    EXPECT_TRUE((*data)->deletion_requested.has_value());
    page = anna.get("/me");
    EXPECT_NE(page.body.find("Du bad om sletning: 2. marts 2026 kl. 09.00"), std::string::npos);
    EXPECT_EQ(page.body.find("action=\"/me/deletion\""), std::string::npos);
}

TEST_F(ParticipantPagesTest, ProposeFormAndItsErrors) {
    Browser anna = signed_in("anna@example.dk");
    Response form = anna.get("/activities/new");
    ASSERT_EQ(form.status, 200);
    EXPECT_NE(form.body.find("<option value=\"huset\">Kulturhuset</option>"), std::string::npos);
    EXPECT_NE(form.body.find("<option value=\"cafe\">Caféen</option>"), std::string::npos);
    EXPECT_EQ(form.body.find("Fjernt sted"), std::string::npos);

    Response wrong =
        anna.post("/activities/new", {{"title", "  "}, {"place", "fjern"}, {"kind", "fixed"}});
    ASSERT_EQ(wrong.status, 422);
    EXPECT_NE(wrong.body.find("<a href=\"#title\">Skriv, hvad det hedder.</a>"), std::string::npos);
    EXPECT_NE(wrong.body.find("<a href=\"#place\">Vælg, hvor det skal være.</a>"),
              std::string::npos);
    EXPECT_NE(wrong.body.find("<a href=\"#kind_initiative\">"), std::string::npos);

    Response too_long =
        anna.post("/activities/new",
                  {{"title", std::string(201, 'x')}, {"place", "cafe"}, {"kind", "cause"}});
    ASSERT_EQ(too_long.status, 422);
    EXPECT_NE(too_long.body.find("højst have 200 tegn"), std::string::npos);
    // What was written stays.
    EXPECT_NE(too_long.body.find("<option value=\"cafe\" selected>"), std::string::npos);
    EXPECT_NE(too_long.body.find("value=\"cause\" class=\"form-radio\" checked"),
              std::string::npos);
    EXPECT_NE(too_long.body.find("value=\"" + std::string(201, 'x') + "\""), std::string::npos);
    auto activities = m_stores->community->activities_at("cafe");
    ASSERT_TRUE(activities);
    EXPECT_EQ(activities->size(), 1u) << "nothing stored";
}

TEST_F(ParticipantPagesTest, ProposeACause) {
    Browser anna = signed_in("anna@example.dk");
    anna.get("/activities/new");
    Response created =
        anna.post("/activities/new",
                  {{"title", " Flere bænke i parken "}, {"place", "cafe"}, {"kind", "cause"}});
    ASSERT_EQ(created.status, 303) << created.body;
    std::string location(created.header("Location"));
    ASSERT_EQ(location.rfind("/activities/", 0), 0u) << location;
    auto activities = m_stores->community->activities_at("cafe");
    ASSERT_TRUE(activities);
    const core::Activity* cause = nullptr;
    for (const core::Activity& activity : *activities) {
        if (activity.title == "Flere bænke i parken") {
            cause = &activity;
        }
    }
    ASSERT_NE(cause, nullptr);
    EXPECT_EQ(cause->kind, core::ActivityKind::Cause);
    EXPECT_EQ(cause->initiated_by, "p-anna");
    EXPECT_EQ(cause->created, core::days_from_civil(2026, 3, 2));
    Response page = anna.get(location);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("<dt>Startet af</dt><dd>Anna Kanelstrup</dd>"), std::string::npos);
    EXPECT_NE(page.body.find("Der er ingen punkter i handleplanen endnu."), std::string::npos);
}

}  // namespace
}  // namespace samskab::web::pages::testing
