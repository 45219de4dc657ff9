#include "web/pages/page_test_support.h"

namespace samskab::web::pages::testing {
namespace {

class AccountPagesTest : public PageTest {
protected:
    std::vector<Route> page_routes(const views::Templates&) override {
        // Stand-ins for the homes the start page sends people to.
        auto home = [](std::string name) {
            return [name](RequestContext&) { return Response::html("<p>" + name + "</p>"); };
        };
        return {
            Route{Method::Get, "/whats-on", false, false, {}, home("whats-on")},
            Route{Method::Get, "/coordinator", false, false, {}, home("coordinator")},
        };
    }

    void SetUp() override {
        PageTest::SetUp();
        if (HasFatalFailure()) {
            return;
        }
        using core::AccountRole;
        m_participant = add_account("deltager@example.dk", "Dorte Deltager", "",
                                    {core::RoleGrant{AccountRole::Participant, "", ""}});
        add_account("koordinator@example.dk", "Karen Koordinator", "",
                    {core::RoleGrant{AccountRole::Coordinator, "", ""},
                     core::RoleGrant{AccountRole::Participant, "", ""}});
        add_account("analytiker@example.dk", "Anders Analytiker", "",
                    {core::RoleGrant{AccountRole::Analyst, "", ""}});
    }

    Response login(Browser& b, const std::string& email, const std::string& password,
                   const std::string& next = "") {
        b.get("/login");
        return b.post("/login", {{"email", email}, {"password", password}, {"next", next}});
    }

    std::int64_t m_participant = 0;
};

TEST_F(AccountPagesTest, LoginPageIsAccessible) {
    Browser b = browser();
    Response page = b.get("/login?next=/me");
    ASSERT_EQ(page.status, 200);
    const std::string& html = page.body;
    EXPECT_NE(html.find("<html lang=\"da\">"), std::string::npos);
    EXPECT_NE(html.find("<title>Log ind – samskab</title>"), std::string::npos);
    EXPECT_NE(html.find("class=\"skipnav\" href=\"#main-content\""), std::string::npos);
    EXPECT_NE(html.find("<main id=\"main-content\""), std::string::npos);
    EXPECT_NE(html.find("<header class=\"header\">"), std::string::npos);
    EXPECT_NE(html.find("<footer>"), std::string::npos);
    EXPECT_EQ(count_of(html, "<h1"), 1);
    EXPECT_NE(html.find("<label class=\"form-label\" for=\"email\">E-mail</label>"),
              std::string::npos);
    EXPECT_NE(html.find("<label class=\"form-label\" for=\"password\">Adgangskode</label>"),
              std::string::npos);
    EXPECT_NE(html.find("name=\"next\" value=\"&#x2F;me\""), std::string::npos);
    EXPECT_FALSE(b.csrf_token().empty());
    EXPECT_EQ(html.find("style="), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_NE(html.find("/static/dkfds/css/dkfds.min.css"), std::string::npos);
}

TEST_F(AccountPagesTest, WrongPasswordKeepsTheEmailAndLinksTheError) {
    Browser b = browser();
    Response page = login(b, "deltager@example.dk", "forkert kodeord her");
    ASSERT_EQ(page.status, 422);
    EXPECT_NE(page.body.find("<title>Fejl: Log ind – samskab</title>"), std::string::npos);
    EXPECT_NE(page.body.find("class=\"alert alert-error\""), std::string::npos);
    EXPECT_NE(page.body.find("<a href=\"#password\">E-mail eller adgangskode er forkert</a>"),
              std::string::npos)
        << page.body;
    EXPECT_NE(page.body.find("class=\"form-group form-error\""), std::string::npos);
    EXPECT_NE(page.body.find("id=\"password-error\""), std::string::npos);
    EXPECT_NE(page.body.find("value=\"deltager@example.dk\""), std::string::npos);
    EXPECT_TRUE(b.cookie(std::string(SESSION_COOKIE)).empty());
}

TEST_F(AccountPagesTest, EmptyFieldsAreNamed) {
    Browser b = browser();
    Response page = login(b, "", "");
    ASSERT_EQ(page.status, 422);
    EXPECT_NE(page.body.find("<a href=\"#email\">Skriv din e-mail.</a>"), std::string::npos);
    EXPECT_NE(page.body.find("<a href=\"#password\">Skriv din adgangskode.</a>"),
              std::string::npos);
}

TEST_F(AccountPagesTest, LoginGoesToALocalNextOnly) {
    Browser b = browser();
    Response ok = login(b, "deltager@example.dk", std::string(PASSWORD), "/me");
    ASSERT_EQ(ok.status, 303) << ok.body;
    EXPECT_EQ(ok.header("Location"), "/me");
    EXPECT_FALSE(b.cookie(std::string(SESSION_COOKIE)).empty());
    EXPECT_NE(ok.header("Set-Cookie").find("HttpOnly"), std::string::npos);

    Browser other = browser();
    Response away =
        login(other, "deltager@example.dk", std::string(PASSWORD), "//evil.example/steal");
    EXPECT_EQ(away.header("Location"), "/");
    Browser third = browser();
    EXPECT_EQ(login(third, "deltager@example.dk", std::string(PASSWORD), "https://evil.example")
                  .header("Location"),
              "/");
}

TEST_F(AccountPagesTest, LoginNeedsTheFormsToken) {
    Browser b = browser();
    b.get("/login");
    Response refused = b.post(
        "/login", {{"email", "deltager@example.dk"}, {"password", std::string(PASSWORD)}}, false);
    EXPECT_EQ(refused.status, 403);
    EXPECT_TRUE(b.cookie(std::string(SESSION_COOKIE)).empty());
}

TEST_F(AccountPagesTest, TooManyWrongPasswordsMakeTheAccountWait) {
    Browser b = browser();
    for (int i = 0; i < core::AuthService::MAX_FAILURES; ++i) {
        EXPECT_EQ(login(b, "deltager@example.dk", "forkert kodeord her").status, 422);
    }
    Response waiting = login(b, "deltager@example.dk", std::string(PASSWORD));
    ASSERT_EQ(waiting.status, 422);
    EXPECT_NE(waiting.body.find("<a href=\"#email\">For mange forkerte forsøg"), std::string::npos)
        << waiting.body;
    EXPECT_TRUE(b.cookie(std::string(SESSION_COOKIE)).empty());
}

TEST_F(AccountPagesTest, LogoutEndsTheSession) {
    Browser b = signed_in("deltager@example.dk");
    Response out = b.post("/logout", {});
    ASSERT_EQ(out.status, 303);
    EXPECT_EQ(out.header("Location"), "/login");
    EXPECT_TRUE(b.cookie(std::string(SESSION_COOKIE)).empty());
    Response after = b.get("/account/password");
    EXPECT_EQ(after.status, 303);
    EXPECT_EQ(after.header("Location"), "/login?next=%2Faccount%2Fpassword");
}

TEST_F(AccountPagesTest, StartPageSendsEachRoleHome) {
    EXPECT_EQ(browser().get("/").header("Location"), "/login?next=%2F");
    Browser participant = signed_in("deltager@example.dk");
    EXPECT_EQ(participant.get("/").header("Location"), "/whats-on");
    Browser coordinator = signed_in("koordinator@example.dk");
    EXPECT_EQ(coordinator.get("/").header("Location"), "/coordinator");
    Browser analyst = signed_in("analytiker@example.dk");
    Response home = analyst.get("/");
    ASSERT_EQ(home.status, 200);
    EXPECT_NE(home.body.find("samskab report --suppress"), std::string::npos);
    EXPECT_EQ(home.body.find("/whats-on"), std::string::npos);
    EXPECT_NE(home.body.find("Anders Analytiker"), std::string::npos);
}

TEST_F(AccountPagesTest, ChangePassword) {
    Browser b = signed_in("deltager@example.dk");
    Response page = b.get("/account/password");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("for=\"new_password_again\""), std::string::npos);

    Response differ = b.post("/account/password", {{"old_password", std::string(PASSWORD)},
                                                   {"new_password", "en helt ny sætning"},
                                                   {"new_password_again", "en anden sætning"}});
    ASSERT_EQ(differ.status, 422);
    EXPECT_NE(differ.body.find("<a href=\"#new_password_again\">De to nye adgangskoder"),
              std::string::npos);

    Response short_one = b.post("/account/password", {{"old_password", std::string(PASSWORD)},
                                                      {"new_password", "kort"},
                                                      {"new_password_again", "kort"}});
    ASSERT_EQ(short_one.status, 422);
    EXPECT_NE(short_one.body.find("<a href=\"#new_password\">"), std::string::npos);

    Response wrong = b.post("/account/password", {{"old_password", "ikke den rigtige"},
                                                  {"new_password", "en helt ny sætning"},
                                                  {"new_password_again", "en helt ny sætning"}});
    ASSERT_EQ(wrong.status, 422);
    EXPECT_NE(wrong.body.find("<a href=\"#old_password\">"), std::string::npos) << wrong.body;

    Response changed = b.post("/account/password", {{"old_password", std::string(PASSWORD)},
                                                    {"new_password", "en helt ny sætning"},
                                                    {"new_password_again", "en helt ny sætning"}});
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_NE(changed.body.find("Din adgangskode er skiftet."), std::string::npos);
    Browser again = browser();
    EXPECT_EQ(login(again, "deltager@example.dk", "en helt ny sætning").status, 303);
    Browser old = browser();
    EXPECT_EQ(login(old, "deltager@example.dk", std::string(PASSWORD)).status, 422);
}

TEST_F(AccountPagesTest, InvitationSetsThePasswordOnce) {
    auto token = m_auth->create_account(
        core::NewAccount{"ny@example.dk",
                         "Nina Ny",
                         "",
                         {core::RoleGrant{core::AccountRole::Participant, "", ""}},
                         ""},
        core::Lang::Da);
    ASSERT_TRUE(token) << token.error().message;
    ASSERT_FALSE(token->empty());
    Browser b = browser();
    Response form = b.get("/invitation/" + *token);
    ASSERT_EQ(form.status, 200) << form.body;
    EXPECT_NE(form.body.find("ny@example.dk"), std::string::npos);

    Response differ = b.post("/invitation/" + *token, {{"new_password", "min nye sætning her"},
                                                       {"new_password_again", "noget andet"}});
    EXPECT_EQ(differ.status, 422);
    Response accepted = b.post(
        "/invitation/" + *token,
        {{"new_password", "min nye sætning her"}, {"new_password_again", "min nye sætning her"}});
    ASSERT_EQ(accepted.status, 303) << accepted.body;
    EXPECT_EQ(accepted.header("Location"), "/login?invited=1");
    Response login_page = b.get("/login?invited=1");
    EXPECT_NE(login_page.body.find("Din adgangskode er gemt."), std::string::npos);
    EXPECT_EQ(login(b, "ny@example.dk", "min nye sætning her").status, 303);

    Browser late = browser();
    Response used = late.get("/invitation/" + *token);
    EXPECT_EQ(used.status, 404);
    EXPECT_NE(used.body.find("Invitationen er ukendt"), std::string::npos);
    EXPECT_EQ(late.get("/invitation/no-such-token").status, 404);
}

TEST_F(AccountPagesTest, LanguageSwitch) {
    Browser b = browser();
    Response chosen = b.get("/lang/en?next=/login");
    ASSERT_EQ(chosen.status, 303);
    EXPECT_EQ(chosen.header("Location"), "/login");
    EXPECT_EQ(b.cookie(std::string(LANG_COOKIE)), "en");
    Response page = b.get("/login");
    EXPECT_NE(page.body.find("<html lang=\"en\">"), std::string::npos);
    EXPECT_NE(page.body.find("<h1>Log in</h1>"), std::string::npos);
    EXPECT_EQ(b.get("/lang/xx").status, 404);
    EXPECT_EQ(b.get("/lang/da?next=//evil.example").header("Location"), "/");
}

}  // namespace
}  // namespace samskab::web::pages::testing
