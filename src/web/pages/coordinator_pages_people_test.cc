#include <algorithm>

#include <gtest/gtest.h>

#include "web/pages/host_pages_test_support.h"

namespace samskab::web::pages::testing {
namespace {

class CoordinatorPeopleTest : public StaffPageTest {
protected:
    std::vector<core::PersonSummary> people(const std::string& partnership) {
        auto found = community().people_of(partnership, false);
        EXPECT_TRUE(found);
        return found ? *found : std::vector<core::PersonSummary>{};
    }

    bool has_person_named(const std::string& partnership, const std::string& name) {
        auto all = people(partnership);
        return std::any_of(all.begin(), all.end(), [&](const auto& p) { return p.name == name; });
    }

    // The invitation token in the link of an "account created" page.
    static std::string invitation_token(const std::string& html) {
        constexpr std::string_view MARK = "/invitation/";
        auto at = html.find(MARK);
        if (at == std::string::npos) {
            return {};
        }
        at += MARK.size();
        return html.substr(at, html.find('"', at) - at);
    }
};

TEST_F(CoordinatorPeopleTest, PartnershipCoordinatorSeesTheSupportFlag) {
    Browser coordinator = signed_in("coord@example.dk");
    Response page = coordinator.get("/coordinator/people");
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_NE(html(page).find("<h1>Personer – INSP!</h1>"), std::string::npos);
    EXPECT_NE(html(page).find("<th scope=\"col\">Støttebehov</th>"), std::string::npos);
    EXPECT_NE(html(page).find("<th scope=\"row\"><a href=\"/coordinator/people/p-anna\">Anna</a>"
                              "</th><td>p-anna</td><td>" +
                              std::string(SUPPORT_DA) + "</td>"),
              std::string::npos);
    EXPECT_NE(html(page).find("<th scope=\"row\"><a href=\"/coordinator/people/p-bo\">Bo</a></th>"
                              "<td>p-bo</td><td>–</td>"),
              std::string::npos);
    EXPECT_NE(html(page).find(HTML_NAME_ESCAPED), std::string::npos);
    EXPECT_EQ(html(page).find(HTML_NAME), std::string::npos);
    EXPECT_EQ(html(page).find("Vera"), std::string::npos);
    // One line per person listed (the four of INSP!), none for the request as such.
    std::vector<std::string> lines;
    for (const std::string& row : access_log()) {
        if (row.find("|GET /coordinator/people") != std::string::npos) {
            lines.push_back(row);
        }
    }
    std::sort(lines.begin(), lines.end());
    EXPECT_EQ(lines,
              (std::vector<std::string>{
                  "view|p-anna|GET /coordinator/people", "view|p-bo|GET /coordinator/people",
                  "view|p-hanne|GET /coordinator/people", "view|p-xss|GET /coordinator/people"}));
    EXPECT_EQ(coordinator.get("/coordinator/people?partnership=vimby").status, 403);
    EXPECT_EQ(coordinator.get("/coordinator/people?partnership=insp").status, 200);
    EXPECT_TRUE(logged("view|p-bo|GET /coordinator/people?partnership=insp"));
}

TEST_F(CoordinatorPeopleTest, PlaceCoordinatorSeesNamesWithoutTheFlag) {
    Browser place_coordinator = signed_in("placecoord@example.dk");
    Response page = place_coordinator.get("/coordinator/people?partnership=insp");
    ASSERT_EQ(page.status, 200);
    // Names only: the person's page is for coordinators of the whole partnership.
    EXPECT_NE(html(page).find("<th scope=\"row\">Anna</th>"), std::string::npos);
    EXPECT_EQ(html(page).find("/coordinator/people/p-anna"), std::string::npos);
    EXPECT_EQ(html(page).find(SUPPORT_DA), std::string::npos);
    EXPECT_EQ(html(page).find("<th scope=\"col\">Støttebehov</th>"), std::string::npos);
}

TEST_F(CoordinatorPeopleTest, CoordinatorOfSeveralPartnershipsChoosesOne) {
    add_account("both@example.dk", "Begge Steder", "",
                {{core::AccountRole::Coordinator, "insp", ""},
                 {core::AccountRole::Coordinator, "vimby", "vimby-shop"}});
    Browser coordinator = signed_in("both@example.dk");
    Response page = coordinator.get("/coordinator/people");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(html(page).find("href=\"/coordinator/people?partnership=insp\">INSP!</a>"),
              std::string::npos);
    EXPECT_NE(html(page).find("href=\"/coordinator/people?partnership=vimby\">Vimby</a>"),
              std::string::npos);
    // Vimby's people without their flags: the grant there is for one place only.
    Response vimby = coordinator.get("/coordinator/people?partnership=vimby");
    EXPECT_NE(html(vimby).find("<th scope=\"row\">Vera</th>"), std::string::npos);
    EXPECT_EQ(html(vimby).find("<th scope=\"col\">Støttebehov</th>"), std::string::npos);
}

TEST_F(CoordinatorPeopleTest, CreateAPerson) {
    Browser coordinator = signed_in("coord@example.dk");
    coordinator.get("/coordinator/people");
    Response done = coordinator.post("/coordinator/people", {{"partnership", "insp"},
                                                             {"name", "Sofie <Ø>"},
                                                             {"joined", "1.3.2026"},
                                                             {"entry_channel", "network"}});
    ASSERT_EQ(done.status, 303) << done.body;
    EXPECT_EQ(done.header("Location"), "/coordinator/people?partnership=insp&created=1");
    EXPECT_TRUE(has_person_named("insp", "Sofie <Ø>"));
    Response page = coordinator.get("/coordinator/people?partnership=insp&created=1");
    EXPECT_NE(html(page).find("Personen er oprettet."), std::string::npos);
    EXPECT_NE(html(page).find("Sofie &lt;Ø&gt;"), std::string::npos);
}

TEST_F(CoordinatorPeopleTest, PersonFormErrorsInBothLanguages) {
    Browser coordinator = signed_in("coord@example.dk");
    Response page = coordinator.post(
        "/coordinator/people",
        {{"partnership", "insp"}, {"name", ""}, {"joined", "32.1.2026"}, {"entry_channel", "x"}});
    EXPECT_EQ(page.status, 422);
    EXPECT_NE(html(page).find("<a href=\"#name\">Navn mangler (skal udfyldes)</a>"),
              std::string::npos);
    EXPECT_NE(html(page).find("<a href=\"#joined\">Startdato skal være en dato som 1.12.2025</a>"),
              std::string::npos);
    EXPECT_NE(html(page).find("<a href=\"#entry_channel\">Kom ind via skal vælges på listen</a>"),
              std::string::npos);
    EXPECT_NE(html(page).find("value=\"32.1.2026\""), std::string::npos);
    Response english =
        coordinator.post("/coordinator/people?lang=en", {{"partnership", "insp"}, {"name", ""}});
    EXPECT_NE(html(english).find("Name is missing (required)"), std::string::npos);
    EXPECT_EQ(people("insp").size(), 4u);
}

TEST_F(CoordinatorPeopleTest, CreatePersonOutsideTheScopeOrWithoutCsrf) {
    Browser coordinator = signed_in("coord@example.dk");
    EXPECT_EQ(
        coordinator.post("/coordinator/people", {{"partnership", "vimby"}, {"name", "X"}}).status,
        403);
    EXPECT_EQ(
        coordinator.post("/coordinator/people", {{"partnership", "insp"}, {"name", "Y"}}, false)
            .status,
        403);
    EXPECT_FALSE(has_person_named("vimby", "X"));
    EXPECT_FALSE(has_person_named("insp", "Y"));
}

TEST_F(CoordinatorPeopleTest, CreateAnAccountWithAnInvitationLink) {
    m_config.public_url = "https://samskab.example.dk/";
    Browser coordinator = signed_in("coord@example.dk");
    Response form = coordinator.get("/coordinator/accounts/new?person=p-bo");
    ASSERT_EQ(form.status, 200);
    EXPECT_NE(html(form).find("value=\"p-bo\""), std::string::npos);
    EXPECT_NE(html(form).find("<option value=\"place:insp-house\">Huset (INSP!)</option>"),
              std::string::npos);
    EXPECT_EQ(html(form).find("vimby-shop"), std::string::npos);

    Response done = coordinator.post("/coordinator/accounts/new", {{"email", "Bo@Example.dk"},
                                                                   {"name", "Bo"},
                                                                   {"role", "host"},
                                                                   {"scope", "place:insp-house"},
                                                                   {"person", "p-bo"}});
    ASSERT_EQ(done.status, 200) << done.body;
    EXPECT_NE(html(done).find("value=\"https://samskab.example.dk/invitation/"), std::string::npos);
    const std::string token = invitation_token(html(done));
    ASSERT_FALSE(token.empty());
    auto invited = m_auth->invitation(token);
    ASSERT_TRUE(invited && *invited);
    EXPECT_EQ((*invited)->email, "bo@example.dk");
    EXPECT_EQ((*invited)->person, "p-bo");
    ASSERT_EQ((*invited)->roles.size(), 1u);
    EXPECT_EQ((*invited)->roles[0],
              (core::RoleGrant{core::AccountRole::Host, "insp", "insp-house"}));

    Response list = coordinator.get("/coordinator/accounts");
    ASSERT_EQ(list.status, 200);
    EXPECT_NE(html(list).find("<th scope=\"row\">bo@example.dk</th>"), std::string::npos);
    EXPECT_NE(html(list).find("Vært: Huset"), std::string::npos);
    EXPECT_NE(html(list).find("Inviteret"), std::string::npos);
    EXPECT_NE(html(list).find(">host@example.dk</th>"), std::string::npos);
    EXPECT_EQ(html(list).find("vimbyhost@example.dk"), std::string::npos);
    EXPECT_EQ(html(list).find("$argon2"), std::string::npos);
}

TEST_F(CoordinatorPeopleTest, AccountFormErrors) {
    Browser coordinator = signed_in("coord@example.dk");
    Response bad = coordinator.post("/coordinator/accounts/new", {{"email", "ikke-en-adresse"},
                                                                  {"name", "Ny"},
                                                                  {"role", "host"},
                                                                  {"scope", "place:insp-house"}});
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(html(bad).find("<a href=\"#email\">E-mail skal være en e-mailadresse"),
              std::string::npos)
        << bad.body;
    EXPECT_NE(html(bad).find("value=\"ikke-en-adresse\""), std::string::npos);

    Response taken =
        coordinator.post("/coordinator/accounts/new?lang=en", {{"email", "host@example.dk"},
                                                               {"name", "Ny"},
                                                               {"role", "host"},
                                                               {"scope", "place:insp-house"}});
    EXPECT_EQ(taken.status, 422);
    EXPECT_NE(html(taken).find("Email is already in use"), std::string::npos);

    Response outside = coordinator.post("/coordinator/accounts/new", {{"email", "ny@example.dk"},
                                                                      {"name", "Ny"},
                                                                      {"role", "administrator"},
                                                                      {"scope", "place:vimby-shop"},
                                                                      {"person", "p-vera"}});
    EXPECT_EQ(outside.status, 422);
    EXPECT_NE(html(outside).find("<a href=\"#role\">Rolle skal vælges på listen</a>"),
              std::string::npos);
    EXPECT_NE(html(outside).find("<a href=\"#scope\">Hvor skal vælges på listen</a>"),
              std::string::npos);

    Response elsewhere =
        coordinator.post("/coordinator/accounts/new", {{"email", "ny@example.dk"},
                                                       {"name", "Ny"},
                                                       {"role", "participant"},
                                                       {"scope", "partnership:insp"},
                                                       {"person", "p-vera"}});
    EXPECT_EQ(elsewhere.status, 422);
    EXPECT_NE(html(elsewhere).find("Person-id findes ikke i partnerskabet"), std::string::npos);

    Response no_csrf = coordinator.post("/coordinator/accounts/new",
                                        {{"email", "ny@example.dk"},
                                         {"name", "Ny"},
                                         {"role", "participant"},
                                         {"scope", "partnership:insp"}},
                                        false);
    EXPECT_EQ(no_csrf.status, 403);
    auto account = m_stores->accounts->find_account_by_email("ny@example.dk");
    ASSERT_TRUE(account);
    EXPECT_FALSE(*account);
}

TEST_F(CoordinatorPeopleTest, PlaceCoordinatorGrantsOnlyAtTheirPlace) {
    Browser place_coordinator = signed_in("placecoord@example.dk");
    Response form = place_coordinator.get("/coordinator/accounts/new");
    ASSERT_EQ(form.status, 200);
    EXPECT_NE(html(form).find("place:insp-cafe"), std::string::npos);
    EXPECT_EQ(html(form).find("partnership:insp"), std::string::npos);
    EXPECT_EQ(html(form).find("place:insp-house"), std::string::npos);
    Response refused =
        place_coordinator.post("/coordinator/accounts/new", {{"email", "ny@example.dk"},
                                                             {"name", "Ny"},
                                                             {"role", "coordinator"},
                                                             {"scope", "partnership:insp"}});
    EXPECT_EQ(refused.status, 422);
    Response list = place_coordinator.get("/coordinator/accounts");
    EXPECT_NE(html(list).find("placecoord@example.dk"), std::string::npos);
    // Accounts of the other place, or of the whole partnership, are not theirs to see.
    EXPECT_EQ(html(list).find(">host@example.dk</th>"), std::string::npos);
    EXPECT_EQ(html(list).find(">coord@example.dk</th>"), std::string::npos);
}

}  // namespace
}  // namespace samskab::web::pages::testing

namespace samskab::web::pages::testing {
namespace {

// A partnership of tens of thousands is listed 50 at a time, and only the people shown are
// logged as viewed.
TEST_F(CoordinatorPeopleTest, ListsPeopleFiftyAtATime) {
    // INSP! has four people; 100 more sort after them ("Ø" after the Latin letters).
    for (int i = 0; i < 100; ++i) {
        char name[16];
        std::snprintf(name, sizeof name, "Ørn %03d", i);
        ASSERT_TRUE(community().create_person({name, "insp", std::nullopt, std::nullopt}));
    }
    Browser coordinator = signed_in("coord@example.dk");
    Response first = coordinator.get("/coordinator/people?partnership=insp");
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_NE(html(first).find("Antal personer: 104"), std::string::npos);
    EXPECT_NE(html(first).find("Viser 1–50 (side 1 / 3)"), std::string::npos);
    EXPECT_NE(html(first).find(">Anna</a>"), std::string::npos);
    EXPECT_EQ(html(first).find("Ørn 046"), std::string::npos);
    EXPECT_NE(html(first).find("href=\"/coordinator/people?partnership=insp&amp;page=2\""),
              std::string::npos);
    EXPECT_EQ(html(first).find("Forrige side"), std::string::npos);

    Response last = coordinator.get("/coordinator/people?partnership=insp&page=3");
    ASSERT_EQ(last.status, 200);
    EXPECT_NE(html(last).find("Viser 101–104 (side 3 / 3)"), std::string::npos);
    EXPECT_NE(html(last).find("Ørn 099"), std::string::npos);
    EXPECT_EQ(html(last).find(">Anna</a>"), std::string::npos);
    EXPECT_EQ(html(last).find("Næste side"), std::string::npos);
    EXPECT_TRUE(logged("view|p-anna|GET /coordinator/people?partnership=insp"));
    int logged_last = 0;
    for (const std::string& row : access_log()) {
        logged_last +=
            row.find("|GET /coordinator/people?partnership=insp&page=3") != std::string::npos;
    }
    EXPECT_EQ(logged_last, 4);

    // Past the end: the last page; not a number: the first.
    EXPECT_NE(
        html(coordinator.get("/coordinator/people?partnership=insp&page=9")).find("Viser 101–104"),
        std::string::npos);
    EXPECT_NE(
        html(coordinator.get("/coordinator/people?partnership=insp&page=x")).find("Viser 1–50"),
        std::string::npos);
}

}  // namespace
}  // namespace samskab::web::pages::testing
