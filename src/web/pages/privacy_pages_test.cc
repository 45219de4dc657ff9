// Privacy end to end through the pages: consent per purpose, the companion's view, the access
// log as the person and the coordinator see it, a consent given on paper, rectification and
// erasure. The world of the participant pages; Gitte (p-guide) accompanies Anna.
#include <nlohmann/json.hpp>

#include "web/pages/participant_pages_fixture.h"

namespace samskab::web::pages::testing {
namespace {

class PrivacyPagesTest : public ParticipantPagesTest {
protected:
    std::vector<Route> page_routes(const views::Templates& templates) override {
        std::vector<Route> routes = participant_routes(templates);
        for (auto make : {coordinator_routes, companion_routes, host_routes}) {
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
        using core::AccountRole;
        m_gitte = add_account("gitte@kommune.dk", "Gitte Timianvang", "p-guide",
                              {core::RoleGrant{AccountRole::Companion, "sam", ""}});
        add_account("fjern@example.dk", "Fjern Koordinator", "",
                    {core::RoleGrant{AccountRole::Coordinator, "other", ""}});
        add_account("vaert@example.dk", "Vera Vært", "",
                    {core::RoleGrant{AccountRole::Host, "", "huset"}});
    }

    core::PersonData anna() {
        auto data = m_stores->community->person_data("p-anna");
        EXPECT_TRUE(data && *data);
        return data && *data ? **data : core::PersonData{};
    }

    std::int64_t m_gitte = 0;
};

bool has(const Response& page, std::string_view text) {
    return page.body.find(text) != std::string::npos;
}

TEST_F(PrivacyPagesTest, TheCompanionSeesOnlyThatThePersonIsRegistered) {
    Browser gitte = signed_in("gitte@kommune.dk");
    Response page = gitte.get("/companion");
    ASSERT_EQ(page.status, 200) << page.body;
    // Reached from the menu of every page.
    EXPECT_TRUE(has(page,
                    "href=\"&#x2F;companion\" aria-current=\"page\">"
                    "<span>Dem, jeg følger</span>"));
    EXPECT_TRUE(has(page, "<h2>Anna Kanelstrup</h2>"));
    EXPECT_TRUE(has(page, "Er med i partnerskabet."));
    EXPECT_TRUE(has(page, "Har ikke valgt at vise dig"));
    // Not her participation, support need, relations or anything of others.
    EXPECT_FALSE(has(page, "Strikkeklub"));
    EXPECT_FALSE(has(page, "støtte"));
    EXPECT_FALSE(has(page, "Bo Rabarberhøj"));
    // Other roles may not open it.
    EXPECT_EQ(signed_in("anna@example.dk").get("/companion").status, 403);
}

TEST_F(PrivacyPagesTest, SharingWithTheCompanionIsTheParticipantsChoice) {
    Browser anna_browser = signed_in("anna@example.dk");
    anna_browser.get("/me");
    Response saved = anna_browser.post(
        "/me/consent",
        {{"support_need", "1"}, {"pathways", "1"}, {"companion", "1"}, {"statistics", "1"}});
    ASSERT_EQ(saved.status, 303);
    EXPECT_TRUE(anna().consents.companion);

    Browser gitte = signed_in("gitte@kommune.dk");
    Response shared = gitte.get("/companion");
    EXPECT_TRUE(has(shared, "Er med til"));
    EXPECT_TRUE(has(shared, "Strikkeklub"));
    EXPECT_TRUE(has(shared, "Kulturhuset"));
    EXPECT_FALSE(has(shared, "støtte"));  // the flag is never shared

    // Withdrawn: the view closes again, and the change is in the history.
    anna_browser.get("/me");
    ASSERT_EQ(anna_browser.post("/me/consent", {{"support_need", "1"}, {"pathways", "1"}}).status,
              303);
    Response closed = gitte.get("/companion");
    EXPECT_FALSE(has(closed, "Strikkeklub"));
    EXPECT_TRUE(has(closed, "Har ikke valgt at vise dig"));
    const core::PersonData data = anna();
    ASSERT_EQ(data.consent_history.size(), 2u);
    EXPECT_FALSE(data.consent_history[1].given.companion);
    EXPECT_FALSE(data.consent_history[1].given.statistics);
    EXPECT_EQ(data.consent_history[1].by, m_anna);

    // Anna sees who looked, as a purpose, without Gitte's name.
    Response me = anna_browser.get("/me");
    EXPECT_TRUE(has(me, "Din følgeperson"));
    EXPECT_TRUE(has(me, "Sådan har du givet samtykke"));
    EXPECT_TRUE(has(me, "<td data-title=\"Hvem\">Du selv</td>"));
    // Gitte is named as Anna's companion, never in the log of lookups.
    const auto log_at = me.body.find("Hvem har kigget på dine data");
    ASSERT_NE(log_at, std::string::npos);
    EXPECT_EQ(me.body.find("Gitte", log_at), std::string::npos);
    EXPECT_TRUE(has(me, "<td data-title=\"Hvem\">En medarbejder</td>"));
    auto json = nlohmann::json::parse(anna_browser.get("/me/data.json").body);
    EXPECT_EQ(json["person"]["consent"]["companion"], false);
    EXPECT_EQ(json["person"]["consent"]["statistics"], false);
    EXPECT_EQ(json["consent_history"].size(), 2u);
    bool companion_lookup = false;
    for (const auto& entry : json["access_log"]) {
        companion_lookup = companion_lookup || entry["purpose"] == "companion";
        EXPECT_NE(entry["who"], "Gitte Timianvang");
    }
    EXPECT_TRUE(companion_lookup);
}

TEST_F(PrivacyPagesTest, AnObjectionToStatisticsLeavesThePersonOutOfReports) {
    Browser anna_browser = signed_in("anna@example.dk");
    anna_browser.get("/me");
    // Everything but statistics.
    ASSERT_EQ(
        anna_browser
            .post("/me/consent", {{"support_need", "1"}, {"pathways", "1"}, {"companion", "1"}})
            .status,
        303);
    auto dataset = m_stores->store->load_dataset();
    ASSERT_TRUE(dataset);
    for (const auto& person : dataset->people) {
        EXPECT_NE(person.id, "p-anna");
    }
    EXPECT_TRUE(dataset->visits.empty());
    // Her own data stays, with the flag: the objection concerns statistics only.
    EXPECT_TRUE(anna().person.support_need);
    EXPECT_EQ(anna().pathways.size(), 1u);
}

TEST_F(PrivacyPagesTest, ACoordinatorRecordsConsentGivenOnPaper) {
    Browser karen = signed_in("koordinator@example.dk");
    Response person = karen.get("/coordinator/people/p-anna");
    ASSERT_EQ(person.status, 200) << person.body;
    EXPECT_TRUE(has(person, "<h1>Anna Kanelstrup</h1>"));
    EXPECT_TRUE(has(person, "Skriv samtykke ind fra en papirblanket"));
    Response saved = karen.post("/coordinator/people/p-anna/consent",
                                {{"support_need", "1"}, {"flag", "1"}, {"statistics", "1"}});
    ASSERT_EQ(saved.status, 303) << saved.body;
    EXPECT_EQ(saved.header("Location"), "/coordinator/people/p-anna?saved=1");
    const core::PersonData data = anna();
    EXPECT_TRUE(data.person.support_need);
    EXPECT_FALSE(data.consents.pathways);
    EXPECT_TRUE(data.pathways.empty());  // the paper withdrew the pathways consent
    ASSERT_EQ(data.consent_history.size(), 1u);
    EXPECT_TRUE(data.consent_history[0].on_paper);
    EXPECT_EQ(data.consent_history[0].by, m_coordinator);

    // The flag only with its consent: ticking it alone records no flag.
    ASSERT_EQ(karen.post("/coordinator/people/p-anna/consent", {{"flag", "1"}}).status, 303);
    EXPECT_FALSE(anna().person.support_need);

    // Anna sees that it was on paper, and that a coordinator looked, without the name.
    Response me = signed_in("anna@example.dk").get("/me");
    EXPECT_TRUE(has(me, "En koordinator skrev det ind fra en papirblanket"));
    EXPECT_TRUE(has(me, "Koordinering i partnerskabet"));
    EXPECT_FALSE(has(me, "Karen"));
}

TEST_F(PrivacyPagesTest, OnlyCoordinatorsOfThePersonsPartnershipOpenThePage) {
    EXPECT_EQ(signed_in("fjern@example.dk").get("/coordinator/people/p-anna").status, 403);
    EXPECT_EQ(signed_in("koordinator@example.dk").get("/coordinator/people/p-nobody").status, 403);
    EXPECT_EQ(signed_in("gitte@kommune.dk").get("/coordinator/people/p-anna").status, 403);
    // Nothing of the refusals reaches Anna's log.
    EXPECT_TRUE(m_stores->accounts->access_log_of("p-anna")->empty());
}

TEST_F(PrivacyPagesTest, EveryoneOnAListingSeesTheLookup) {
    ASSERT_TRUE(m_stores->community->check_in("p-anna", "huset", m_clock.today()));
    ASSERT_EQ(signed_in("vaert@example.dk").get("/host/today?place=huset").status, 200);
    ASSERT_EQ(signed_in("koordinator@example.dk").get("/coordinator/occurrences/strik-1").status,
              200);
    auto anna_log = m_stores->accounts->access_log_of("p-anna");
    ASSERT_EQ(anna_log->size(), 1u);
    EXPECT_EQ((*anna_log)[0].detail, "GET /host/today?place=huset");
    auto evil_log = m_stores->accounts->access_log_of("p-evil");  // takes part in strik-1
    ASSERT_EQ(evil_log->size(), 1u);
    EXPECT_EQ((*evil_log)[0].detail, "GET /coordinator/occurrences/strik-1");
    Response me = signed_in("anna@example.dk").get("/me");
    EXPECT_TRUE(has(me, "Værtens dag på stedet"));
    EXPECT_FALSE(has(me, "Vera"));
}

TEST_F(PrivacyPagesTest, TheCoordinatorSearchesTheAccessLog) {
    Browser karen = signed_in("koordinator@example.dk");
    ASSERT_EQ(karen.get("/coordinator/people/p-anna").status, 200);
    ASSERT_EQ(signed_in("gitte@kommune.dk").get("/companion").status, 200);
    Response log = karen.get("/coordinator/access-log?person=p-anna");
    ASSERT_EQ(log.status, 200) << log.body;
    EXPECT_TRUE(has(log, "Karen Koordinator"));
    EXPECT_TRUE(has(log, "Gitte Timianvang"));
    // Escaped as every value on a page.
    EXPECT_TRUE(has(log, "<td data-title=\"Hvor\">GET &#x2F;companion</td>"));
    EXPECT_TRUE(has(log, "GET &#x2F;coordinator&#x2F;people&#x2F;p-anna"));
    Response none = karen.get("/coordinator/access-log?person=p-bo");
    EXPECT_TRUE(has(none, "Ingen linjer passer til søgningen."));
    // A coordinator of another partnership sees nothing about Anna.
    Response other = signed_in("fjern@example.dk").get("/coordinator/access-log?person=p-anna");
    EXPECT_FALSE(has(other, "Karen Koordinator"));
}

TEST_F(PrivacyPagesTest, RectificationByTheCoordinator) {
    Browser karen = signed_in("koordinator@example.dk");
    karen.get("/coordinator/people/p-anna");
    Response blank = karen.post("/coordinator/people/p-anna/correct",
                                {{"name", "  "}, {"joined", "2025-09-01"}});
    ASSERT_EQ(blank.status, 422);
    EXPECT_TRUE(has(blank, "<a href=\"#name\">"));
    EXPECT_EQ(anna().person.name, "Anna Kanelstrup");
    Response fixed = karen.post("/coordinator/people/p-anna/correct",
                                {{"name", "Anna K. Kanelstrup"}, {"joined", "1.10.2025"}});
    ASSERT_EQ(fixed.status, 303) << fixed.body;
    EXPECT_EQ(anna().person.name, "Anna K. Kanelstrup");
    EXPECT_EQ(anna().person.joined, core::days_from_civil(2025, 10, 1));
    Response me = signed_in("anna@example.dk").get("/me");
    EXPECT_TRUE(has(me, "<dd>Anna K. Kanelstrup</dd>"));
}

TEST_F(PrivacyPagesTest, ErasureCarriesOutTheRequest) {
    Browser anna_browser = signed_in("anna@example.dk");
    anna_browser.get("/me");
    ASSERT_EQ(anna_browser.post("/me/deletion", {}).status, 200);

    Browser karen = signed_in("koordinator@example.dk");
    Response requests = karen.get("/coordinator/deletions");
    ASSERT_EQ(requests.status, 200);
    EXPECT_TRUE(has(requests, "<a href=\"/coordinator/people/p-anna\">Anna Kanelstrup</a>"));
    Response person = karen.get("/coordinator/people/p-anna");
    EXPECT_TRUE(has(person, "Personen bad om sletning: 2. marts 2026 kl. 09.00"));

    Response unconfirmed = karen.post("/coordinator/people/p-anna/erase", {});
    ASSERT_EQ(unconfirmed.status, 422);
    EXPECT_TRUE(has(unconfirmed, "Sæt flueben for at bekræfte sletningen."));
    EXPECT_TRUE(*m_stores->community->person_data("p-anna"));

    Response erased = karen.post("/coordinator/people/p-anna/erase", {{"confirm", "1"}});
    ASSERT_EQ(erased.status, 200) << erased.body;
    EXPECT_TRUE(has(erased, "<h1>Personen er slettet</h1>"));
    // participations, visits, relations, companion links, pathways, notes, accounts, log lines
    EXPECT_TRUE(has(erased, "Slettet: 1, 1, 1, 1, 1, 0, 1, "));
    EXPECT_FALSE(*m_stores->community->person_data("p-anna"));
    EXPECT_FALSE(*m_stores->accounts->find_account_by_email("anna@example.dk"));
    // Bo's relation to her is gone from his page; her session opens nothing.
    EXPECT_TRUE((*m_stores->community->person_data("p-bo"))->relations.empty());
    EXPECT_EQ(anna_browser.get("/me").status, 303);
    EXPECT_TRUE(has(karen.get("/coordinator/deletions"), "Ingen har bedt om sletning."));
    EXPECT_TRUE(signed_in("gitte@kommune.dk").get("/companion").body.find("Anna") ==
                std::string::npos);
}

}  // namespace
}  // namespace samskab::web::pages::testing
