#include <gtest/gtest.h>

#include "web/pages/participant_pages_fixture.h"
#include "web/pages/survey_pages.h"

namespace samskab::web::pages::testing {
namespace {

// The participant fixture (participant_pages_fixture.h: the partnership "sam" with Anna, Bo,
// the evil name and Gitte; "other" with Frede) with the survey pages and the learning meeting.
// The clock stands on 2 March 2026.
class SurveyPagesTest : public ParticipantPagesTest {
protected:
    std::vector<Route> page_routes(const views::Templates& templates) override {
        std::vector<Route> routes = participant_routes(templates);
        for (auto make : {survey_routes, dashboard_routes}) {
            for (Route& route : make(templates)) {
                routes.push_back(std::move(route));
            }
        }
        return routes;
    }

    void SetUp() override {
        ParticipantPagesTest::SetUp();
        if (HasFatalFailure()) {
            return;
        }
        m_services->surveys = m_stores->surveys.get();
    }

    static bool has(const Response& response, std::string_view part) {
        return response.body.find(part) != std::string::npos;
    }

    // A round of "sam" made through the coordinator's form; returns its id.
    std::int64_t create_round(bool anonymous, const std::string& place = "") {
        Browser coordinator = signed_in("koordinator@example.dk");
        coordinator.get("/coordinator/partnerships/sam/surveys");
        std::vector<std::pair<std::string, std::string>> fields = {
            {"title", anonymous ? "Forår anonymt" : "Forår med navn"},
            {"opens", "2026-03-01"},
            {"closes", "2026-03-31"},
            {"place", place}};
        if (anonymous) {
            fields.emplace_back("anonymous", "1");
        }
        Response created = coordinator.post("/coordinator/partnerships/sam/surveys", fields);
        EXPECT_EQ(created.status, 303) << created.body;
        auto rounds = m_stores->surveys->rounds("sam");
        EXPECT_TRUE(rounds && !rounds->empty());
        return rounds && !rounds->empty() ? rounds->front().round.id : 0;
    }

    std::string path(std::int64_t round) { return "/surveys/" + std::to_string(round); }

    int respondents(std::int64_t round) { return m_stores->surveys->counts(round)->respondents; }
};

TEST_F(SurveyPagesTest, AParticipantAnswersOnceAndIsThanked) {
    const std::int64_t round = create_round(true);
    Browser anna = signed_in("anna@example.dk");
    EXPECT_TRUE(has(anna.get("/whats-on"), "href=\"/surveys\""));
    // Paths in attributes are escaped ("/" as &#x2F;).
    EXPECT_TRUE(has(anna.get("/surveys"), "&#x2F;surveys&#x2F;" + std::to_string(round) + "\""));
    Response form = anna.get(path(round));
    ASSERT_EQ(form.status, 200) << form.body;
    EXPECT_EQ(count_of(form.body, "<fieldset"), 4);  // no name generator when anonymous
    EXPECT_TRUE(has(form, "Jeg kan mere, end jeg troede."));
    EXPECT_TRUE(has(form, "radio-large"));
    Response sent = anna.post(path(round), {{"q_flexibility", "yes"},
                                            {"q_equality", "a_little"},
                                            {"q_diversity", "skip"},
                                            {"q_can_do_more", "no"}});
    ASSERT_EQ(sent.status, 303) << sent.body;
    EXPECT_EQ(sent.header("Location"), path(round) + "/thanks");
    EXPECT_TRUE(has(anna.get(path(round) + "/thanks"), "Tak for dine svar"));
    EXPECT_EQ(respondents(round), 1);
    EXPECT_EQ(m_stores->surveys->counts(round)->counts[1][1], 1);
    // Once answered, the link goes and a second answer is refused with a clear message.
    EXPECT_FALSE(has(anna.get("/whats-on"), "href=\"/surveys\""));
    Response again = anna.get(path(round));
    EXPECT_EQ(again.status, 409);
    EXPECT_TRUE(has(again, "allerede svaret"));
    Response twice = anna.post(path(round), {{"q_flexibility", "no"}});
    EXPECT_EQ(twice.status, 409);
    EXPECT_EQ(respondents(round), 1);
}

TEST_F(SurveyPagesTest, BadInputIs422AtTheFieldAndStoresNothing) {
    const std::int64_t round = create_round(true);
    Browser anna = signed_in("anna@example.dk");
    anna.get(path(round));
    Response bad = anna.post(path(round), {{"q_flexibility", "maybe"}, {"q_equality", "yes"}});
    EXPECT_EQ(bad.status, 422);
    EXPECT_TRUE(has(bad, "alert-error"));
    EXPECT_TRUE(has(bad, "href=\"#q_flexibility\""));
    EXPECT_TRUE(has(bad, "Vælg et af svarene."));
    EXPECT_TRUE(has(bad, "value=\"yes\" checked"));  // the other choice is kept
    // Names in an anonymous round are refused too: a relation would show who answered.
    Response named = anna.post(path(round), {{"known", "p-bo"}});
    EXPECT_EQ(named.status, 422);
    EXPECT_EQ(respondents(round), 0);
    EXPECT_FALSE(*m_stores->surveys->has_answered(round, "p-anna"));
    EXPECT_FALSE(has(anna.post(path(round), {}, false), "Tak"));  // no CSRF token: 403
    EXPECT_EQ(respondents(round), 0);
}

TEST_F(SurveyPagesTest, TheNameGeneratorMakesSelfReportedRelations) {
    const std::int64_t round = create_round(false);
    Browser anna = signed_in("anna@example.dk");
    Response form = anna.get(path(round));
    ASSERT_EQ(form.status, 200);
    EXPECT_TRUE(has(form, "Hvem kender du her?"));
    EXPECT_TRUE(has(form, "Gitte Timianvang"));
    EXPECT_FALSE(has(form, "value=\"p-anna\""));      // not herself
    EXPECT_FALSE(has(form, "Frede Fjern"));           // another partnership
    EXPECT_FALSE(has(form, std::string(EVIL_NAME)));  // names are escaped
    EXPECT_FALSE(has(form, "støttebehov"));           // no support flag
    Response elsewhere = anna.post(path(round), {{"known", "p-far"}});
    EXPECT_EQ(elsewhere.status, 422);
    EXPECT_EQ(respondents(round), 0);
    // Anna and the evil name were introduced by a host already: that relation is left as it is.
    ASSERT_TRUE(
        m_stores->community->introduce("p-anna", "p-evil", core::days_from_civil(2026, 2, 1)));
    Response sent = anna.post(
        path(round), {{"q_flexibility", "yes"}, {"known", "p-guide"}, {"known", "p-evil"}});
    ASSERT_EQ(sent.status, 303) << sent.body;
    auto data = m_stores->community->person_data("p-anna");
    ASSERT_TRUE(data && *data);
    int self_reported = 0;
    for (const core::Relation& relation : (*data)->relations) {
        if (relation.source == core::RelationSource::SelfReport) {
            ++self_reported;
            EXPECT_EQ(relation.b, "p-guide");
            EXPECT_EQ(relation.since, core::days_from_civil(2026, 3, 2));
        }
    }
    EXPECT_EQ(self_reported, 1);
    EXPECT_EQ((*data)->relations.size(), 3u);  // with Bo (the bundle's), the evil name, Gitte
    // Her own answers are in her download.
    Response json = anna.get("/me/data.json");
    EXPECT_TRUE(has(json, "\"surveys\""));
    EXPECT_TRUE(has(json, "\"flexibility\": \"yes\""));
}

TEST_F(SurveyPagesTest, ResultsAreHiddenBelowFiveRespondents) {
    const std::int64_t round = create_round(true);
    std::vector<std::string> people = {"p-anna", "p-bo", "p-evil", "p-guide"};
    for (const std::string& person : people) {
        core::SurveyResponse response{
            round, person, {{"flexibility", core::SurveyAnswer::Yes}}, {}};
        ASSERT_TRUE(m_stores->surveys->submit(response, core::days_from_civil(2026, 3, 2)));
    }
    Browser coordinator = signed_in("koordinator@example.dk");
    const std::string results = "/coordinator/partnerships/sam/surveys/" + std::to_string(round);
    Response hidden = coordinator.get(results);
    ASSERT_EQ(hidden.status, 200) << hidden.body;
    EXPECT_TRUE(has(hidden, "&lt;5"));
    EXPECT_FALSE(has(hidden, ">4<"));
    auto fifth = m_stores->community->create_person({"Femte Person", "sam", {}, {}});
    ASSERT_TRUE(fifth);
    core::SurveyResponse response{round, *fifth, {{"flexibility", core::SurveyAnswer::No}}, {}};
    ASSERT_TRUE(m_stores->surveys->submit(response, core::days_from_civil(2026, 3, 2)));
    Response shown = coordinator.get(results);
    EXPECT_TRUE(has(shown, "<td data-title=\"Ja\">4</td>"));
    EXPECT_TRUE(has(shown, "<td data-title=\"Nej\">1</td>"));
    // The rounds list counts the responses; the learning meeting shows the same table.
    EXPECT_TRUE(has(coordinator.get("/coordinator/partnerships/sam/surveys"),
                    "data-title=\"Svar\">5</td>"));
    Response learning = coordinator.get("/coordinator/learning-meeting?half=2026-H1");
    ASSERT_EQ(learning.status, 200) << learning.body;
    EXPECT_TRUE(has(learning, "Deltagernes spørgeskemaer"));
    EXPECT_TRUE(has(learning, "<td data-title=\"Ja\">4</td>"));
    // Participants never reach the results.
    Browser anna = signed_in("anna@example.dk");
    EXPECT_EQ(anna.get(results).status, 403);
}

TEST_F(SurveyPagesTest, TheNameGeneratorOfARoundAtOnePlaceListsThatPlacesPeopleOnly) {
    const std::int64_t round = create_round(false, "huset");
    Browser anna = signed_in("anna@example.dk");
    Response form = anna.get(path(round));
    ASSERT_EQ(form.status, 200) << form.body;
    // The evil name takes part in the knitting club at the house; Gitte (Anna's guide) and Bo
    // are of the partnership but have no visit or participation there.
    EXPECT_TRUE(has(form, "value=\"p-evil\""));
    EXPECT_FALSE(has(form, "Gitte Timianvang"));
    EXPECT_FALSE(has(form, "Bo Rabarberhøj"));
    // The names listed are data about those people, seen by a fellow participant: each is
    // logged, and only those listed.
    auto evil = m_stores->accounts->access_log_of("p-evil");
    ASSERT_TRUE(evil);
    ASSERT_EQ(evil->size(), 1u);
    EXPECT_EQ(evil->front().action, "view");
    EXPECT_EQ(evil->front().detail, "GET " + path(round));
    auto gitte = m_stores->accounts->access_log_of("p-guide");
    ASSERT_TRUE(gitte);
    EXPECT_TRUE(gitte->empty());
    Response outside = anna.post(path(round), {{"q_flexibility", "yes"}, {"known", "p-guide"}});
    EXPECT_EQ(outside.status, 422);
    EXPECT_EQ(respondents(round), 0);
    Response sent = anna.post(path(round), {{"q_flexibility", "yes"}, {"known", "p-evil"}});
    EXPECT_EQ(sent.status, 303) << sent.body;
    EXPECT_EQ(respondents(round), 1);
}

TEST_F(SurveyPagesTest, TheResponsesDownloadHasNoPeopleAndIsRefusedBelowFive) {
    const std::int64_t round = create_round(false);
    const std::string results = "/coordinator/partnerships/sam/surveys/" + std::to_string(round);
    std::vector<std::string> people = {"p-anna", "p-bo", "p-evil", "p-guide"};
    const std::vector<std::optional<core::SurveyAnswer>> given = {
        core::SurveyAnswer::No, core::SurveyAnswer::Yes, std::nullopt, core::SurveyAnswer::Yes};
    for (std::size_t i = 0; i < people.size(); ++i) {
        core::SurveyResponse response{
            round,
            people[i],
            {{"flexibility", given[i]}, {"equality", core::SurveyAnswer::No}},
            {}};
        ASSERT_TRUE(m_stores->surveys->submit(response, core::days_from_civil(2026, 3, 2)));
    }
    Browser coordinator = signed_in("koordinator@example.dk");
    Response page = coordinator.get(results);
    EXPECT_FALSE(has(page, "responses.csv"));
    EXPECT_TRUE(has(page, "Svarene kan først hentes, når mindst 5 har svaret"));
    Response refused = coordinator.get(results + "/responses.csv");
    EXPECT_EQ(refused.status, 409);
    EXPECT_TRUE(has(refused, "Svarene kan først hentes, når mindst 5 har svaret"));
    EXPECT_TRUE(has(coordinator.get(results + "/responses.xlsx?lang=en"),
                    "The responses can be downloaded once at least 5 have answered"));

    auto fifth = m_stores->community->create_person({"Femte Person", "sam", {}, {}});
    ASSERT_TRUE(fifth);
    core::SurveyResponse response{
        round, *fifth, {{"can_do_more", core::SurveyAnswer::ALittle}}, {}};
    ASSERT_TRUE(m_stores->surveys->submit(response, core::days_from_civil(2026, 3, 2)));
    EXPECT_TRUE(has(coordinator.get(results), "responses.csv"));
    Response csv = coordinator.get(results + "/responses.csv");
    ASSERT_EQ(csv.status, 200) << csv.body;
    EXPECT_EQ(csv.header("Content-Type"), "text/csv; charset=utf-8");
    // Danish Excel: BOM, ';', CR LF; one column per question; rows sorted by their content,
    // whatever the order the people answered in; no person id or name anywhere.
    EXPECT_EQ(csv.body,
              "\xEF\xBB\xBF"
              "flexibility;equality;diversity;can_do_more\r\n"
              ";;;Lidt\r\n"
              ";Nej;;\r\n"
              "Ja;Nej;;\r\n"
              "Ja;Nej;;\r\n"
              "Nej;Nej;;\r\n");
    for (const char* who : {"p-anna", "p-bo", "Anna", "Femte"}) {
        EXPECT_FALSE(has(csv, who)) << who;
    }
    Response xlsx = coordinator.get(results + "/responses.xlsx");
    ASSERT_EQ(xlsx.status, 200);
    EXPECT_EQ(xlsx.body.rfind("PK", 0), 0u);  // a zip: the workbook
    // Each download is in the access log; the refused ones are not.
    auto logged = m_stores->accounts->search_access_log(core::AccessQuery{});
    ASSERT_TRUE(logged) << logged.error().message;
    int downloads = 0;
    for (const core::AccessEntry& entry : *logged) {
        downloads += entry.detail.find("/responses.") != std::string::npos ? 1 : 0;
    }
    EXPECT_EQ(downloads, 2);
    // Participants never reach the download.
    EXPECT_EQ(signed_in("anna@example.dk").get(results + "/responses.csv").status, 403);
}

TEST_F(SurveyPagesTest, ACoordinatorsBadRoundIs422AndNotStored) {
    Browser coordinator = signed_in("koordinator@example.dk");
    coordinator.get("/coordinator/partnerships/sam/surveys");
    Response bad = coordinator.post(
        "/coordinator/partnerships/sam/surveys",
        {{"title", ""}, {"opens", "2026-03-10"}, {"closes", "2026-03-01"}, {"place", "fjern"}});
    EXPECT_EQ(bad.status, 422);
    EXPECT_TRUE(has(bad, "href=\"#title\""));
    EXPECT_TRUE(has(bad, "href=\"#place\""));
    EXPECT_TRUE(has(bad, "Titlen mangler"));
    Response backwards =
        coordinator.post("/coordinator/partnerships/sam/surveys", {{"title", "Forår"},
                                                                   {"opens", "2026-03-10"},
                                                                   {"closes", "2026-03-01"},
                                                                   {"place", "huset"}});
    EXPECT_EQ(backwards.status, 422);
    EXPECT_TRUE(has(backwards, "Sidste dag må ikke være før første dag"));
    EXPECT_TRUE(m_stores->surveys->rounds("sam")->empty());
    // The anonymous choice explains why the name generator is not asked then.
    EXPECT_TRUE(has(backwards, "en relation viser, hvem der svarede"));
}

}  // namespace
}  // namespace samskab::web::pages::testing
