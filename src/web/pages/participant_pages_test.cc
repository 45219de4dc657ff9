#include <time.h>

#include <chrono>
#include <iostream>

#include "web/pages/participant_pages_fixture.h"

namespace samskab::web::pages::testing {
namespace {

TEST_F(ParticipantPagesTest, WhatsOnListsThisWeekByPlace) {
    Browser anna = signed_in("anna@example.dk");
    Response page = anna.get("/whats-on");
    ASSERT_EQ(page.status, 200) << page.body;
    const std::string& html = page.body;
    EXPECT_NE(html.find("<html lang=\"da\">"), std::string::npos);
    EXPECT_EQ(count_of(html, "<h1"), 1);
    EXPECT_NE(html.find("<h1>Det sker</h1>"), std::string::npos);
    EXPECT_NE(html.find("Uge 10: mandag 2. marts – søndag 8. marts"), std::string::npos);
    EXPECT_NE(html.find("<h2>Kulturhuset</h2>"), std::string::npos);
    EXPECT_NE(html.find("<h2>Caféen</h2>"), std::string::npos);
    EXPECT_LT(html.find("Caféen"), html.find("Kulturhuset")) << "places by name";
    EXPECT_NE(html.find("tirsdag 3. marts kl. 17.00"), std::string::npos);
    EXPECT_NE(html.find("torsdag 5. marts kl. 09.30"), std::string::npos);
    EXPECT_NE(html.find("/occurrences/strik-1/join"), std::string::npos);
    // Ended this morning: listed, but no button.
    EXPECT_NE(html.find("mandag 2. marts kl. 07.00"), std::string::npos);
    EXPECT_EQ(html.find("/occurrences/strik-past/"), std::string::npos);
    EXPECT_NE(html.find("<strong>Du var med.</strong>"), std::string::npos);
    // Another partnership's place, and next week, are not there.
    EXPECT_EQ(html.find("Hemmelig"), std::string::npos);
    EXPECT_EQ(html.find("10. marts"), std::string::npos);
    // Somebody takes part in strik-1: the count, never who.
    EXPECT_NE(html.find("1 er med"), std::string::npos);
    EXPECT_EQ(html.find("alert(1)"), std::string::npos);
}

TEST_F(ParticipantPagesTest, WhatsOnPagesByWeek) {
    Browser anna = signed_in("anna@example.dk");
    Response next = anna.get("/whats-on?week=1");
    ASSERT_EQ(next.status, 200);
    EXPECT_NE(next.body.find("tirsdag 10. marts kl. 17.00"), std::string::npos);
    EXPECT_EQ(next.body.find("tirsdag 3. marts"), std::string::npos);
    EXPECT_NE(next.body.find("href=\"/whats-on\""), std::string::npos) << "back to this week";
    EXPECT_NE(next.body.find("href=\"&#x2F;whats-on?week=2\""), std::string::npos);
    // Nonsense is this week.
    Response odd = anna.get("/whats-on?week=abc");
    EXPECT_NE(odd.body.find("tirsdag 3. marts"), std::string::npos);
}

TEST_F(ParticipantPagesTest, JoinAndLeaveWithoutAReason) {
    Browser anna = signed_in("anna@example.dk");
    anna.get("/whats-on");
    Response joined = anna.post("/occurrences/strik-1/join", {{"next", "/whats-on?week=0"}});
    ASSERT_EQ(joined.status, 303) << joined.body;
    EXPECT_EQ(joined.header("Location"), "/whats-on?week=0");
    EXPECT_TRUE(takes_part("p-anna", "strik-1"));
    Response page = anna.get("/whats-on");
    EXPECT_NE(page.body.find("Du er med."), std::string::npos);
    EXPECT_NE(page.body.find("/occurrences/strik-1/leave"), std::string::npos);

    Response left = anna.post("/occurrences/strik-1/leave", {{"next", "/activities/strik"}});
    ASSERT_EQ(left.status, 303);
    EXPECT_EQ(left.header("Location"), "/activities/strik");
    EXPECT_FALSE(takes_part("p-anna", "strik-1"));
}

TEST_F(ParticipantPagesTest, JoinNeedsTheFormsToken) {
    Browser anna = signed_in("anna@example.dk");
    Response refused = anna.post("/occurrences/strik-1/join", {}, false);
    EXPECT_EQ(refused.status, 403);
    Response forged = anna.post("/occurrences/strik-1/join", {{"csrf_token", "forged"}}, false);
    EXPECT_EQ(forged.status, 403);
    EXPECT_FALSE(takes_part("p-anna", "strik-1"));
}

TEST_F(ParticipantPagesTest, JoinSendsBackOnlyToThisSite) {
    Browser anna = signed_in("anna@example.dk");
    Response joined = anna.post("/occurrences/strik-1/join", {{"next", "https://evil.example/"}});
    EXPECT_EQ(joined.header("Location"), "/whats-on");
    Response again = anna.post("/occurrences/strik-1/leave", {{"next", "//evil.example/x"}});
    EXPECT_EQ(again.header("Location"), "/whats-on");
}

TEST_F(ParticipantPagesTest, CannotJoinWhatHasEnded) {
    Browser anna = signed_in("anna@example.dk");
    Response ended = anna.post("/occurrences/strik-past/leave", {});
    EXPECT_EQ(ended.status, 409);
    EXPECT_NE(ended.body.find("Det er allerede slut."), std::string::npos);
    EXPECT_TRUE(takes_part("p-anna", "strik-past"));
}

TEST_F(ParticipantPagesTest, CannotJoinOutsideOwnPlaces) {
    Browser anna = signed_in("anna@example.dk");
    EXPECT_EQ(anna.post("/occurrences/hemmelig-1/join", {}).status, 404);
    EXPECT_EQ(anna.post("/occurrences/no-such/join", {}).status, 404);
    // Bo takes part at one place only, not in the whole partnership.
    Browser bo = signed_in("bo@example.dk");
    EXPECT_EQ(bo.post("/occurrences/kaffe-1/join", {}).status, 404);
    EXPECT_FALSE(takes_part("p-bo", "kaffe-1"));
    Response page = bo.get("/whats-on");
    EXPECT_EQ(page.body.find("Caféen"), std::string::npos);
    EXPECT_EQ(bo.get("/activities/kaffe").status, 404);
}

TEST_F(ParticipantPagesTest, ActivityShowsCauseAndItsActionPlan) {
    auto item = m_stores->community->add_action_item(core::ActionItem{
        0, "sag", "Skriv til kommunen", core::days_from_civil(2026, 3, 20), false});
    ASSERT_TRUE(item);
    Browser anna = signed_in("anna@example.dk");
    Response page = anna.get("/activities/sag");
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_NE(page.body.find("<h1>Ren strand</h1>"), std::string::npos);
    EXPECT_NE(page.body.find("<title>Ren strand – samskab</title>"), std::string::npos);
    EXPECT_NE(page.body.find("Bo Rabarberhøj"), std::string::npos) << "started by";
    EXPECT_NE(page.body.find("Handleplan"), std::string::npos);
    EXPECT_NE(page.body.find("Skriv til kommunen – Senest 20. marts 2026"), std::string::npos);
    EXPECT_NE(page.body.find("onsdag 4. marts kl. 18.00"), std::string::npos);
    EXPECT_NE(page.body.find("/occurrences/sag-1/join"), std::string::npos);
    // Bo's name is data about him, seen by a fellow participant: the view is in his log.
    auto bo = m_stores->accounts->access_log_of("p-bo");
    ASSERT_TRUE(bo);
    ASSERT_EQ(bo->size(), 1u);
    EXPECT_EQ(bo->front().action, "view");
    EXPECT_EQ(bo->front().detail, "GET /activities/sag");

    Response fixed = anna.get("/activities/strik");
    EXPECT_EQ(fixed.body.find("Handleplan"), std::string::npos);
    EXPECT_EQ(anna.get("/activities/hemmelig").status, 404);
    EXPECT_EQ(anna.get("/activities/no-such").status, 404);
}

TEST_F(ParticipantPagesTest, BreakAndComeBack) {
    Browser anna = signed_in("anna@example.dk");
    Response page = anna.get("/whats-on");
    EXPECT_NE(page.body.find("Jeg holder pause"), std::string::npos);
    Response paused = anna.post("/me/break", {{"next", "/whats-on"}});
    ASSERT_EQ(paused.status, 303);
    auto open = m_stores->community->current_break("p-anna");
    ASSERT_TRUE(open);
    EXPECT_TRUE(open->has_value());
    page = anna.get("/whats-on");
    EXPECT_NE(page.body.find("Du holder pause."), std::string::npos);
    EXPECT_NE(page.body.find("Jeg er tilbage"), std::string::npos);
    // A second press (another tab) is no error.
    EXPECT_EQ(anna.post("/me/break", {}).status, 303);

    m_clock.advance(3600);
    Response back = anna.post("/me/return", {{"next", "/me"}});
    ASSERT_EQ(back.status, 303);
    EXPECT_EQ(back.header("Location"), "/me");
    open = m_stores->community->current_break("p-anna");
    ASSERT_TRUE(open);
    EXPECT_FALSE(open->has_value());
    EXPECT_EQ(anna.post("/me/return", {}).status, 303);
}

TEST_F(ParticipantPagesTest, OnlyParticipantsWithAPersonSeeTheirPages) {
    Browser nobody = browser();
    Response login = nobody.get("/whats-on");
    EXPECT_EQ(login.status, 303);
    EXPECT_EQ(login.header("Location"), "/login?next=%2Fwhats-on");

    Browser coordinator = signed_in("koordinator@example.dk");
    EXPECT_EQ(coordinator.get("/whats-on").status, 403);
    EXPECT_EQ(coordinator.get("/me").status, 403);

    Browser unlinked = signed_in("nobody@example.dk");
    Response refused = unlinked.get("/whats-on");
    EXPECT_EQ(refused.status, 403);
    EXPECT_NE(refused.body.find("Det har du ikke adgang til"), std::string::npos);
}

TEST_F(ParticipantPagesTest, NamesAreEscapedEverywhere) {
    Browser evil = signed_in("evil@example.dk");
    Response page = evil.get("/whats-on");
    ASSERT_EQ(page.status, 200);
    EXPECT_EQ(page.body.find("<script>alert(1)"), std::string::npos);
    EXPECT_NE(page.body.find("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;"), std::string::npos);
    Response created =
        evil.post("/activities/new",
                  {{"title", std::string(EVIL_NAME)}, {"place", "huset"}, {"kind", "initiative"}});
    ASSERT_EQ(created.status, 303) << created.body;
    Response activity = evil.get(std::string(created.header("Location")));
    ASSERT_EQ(activity.status, 200);
    EXPECT_EQ(activity.body.find("<script>alert(1)"), std::string::npos);
    EXPECT_NE(activity.body.find("<h1>&lt;script&gt;alert(1)&lt;&#x2F;script&gt;</h1>"),
              std::string::npos);
}

TEST_F(ParticipantPagesTest, InEnglish) {
    Browser anna = signed_in("anna@example.dk");
    Response chosen = anna.get("/lang/en?next=/whats-on");
    ASSERT_EQ(chosen.status, 303);
    EXPECT_EQ(chosen.header("Location"), "/whats-on");
    Response page = anna.get("/whats-on");
    EXPECT_NE(page.body.find("<html lang=\"en\">"), std::string::npos);
    EXPECT_NE(page.body.find("<h1>What&#39;s on</h1>"), std::string::npos);
    EXPECT_NE(page.body.find("Tuesday 3 March at 17:00"), std::string::npos);
    EXPECT_NE(page.body.find("Week 10: Monday 2 March – Sunday 8 March"), std::string::npos);
}

// Not a timed test: it reports what one "what's on" costs, through the whole application
// (session, two queries, rendering), with 40 occurrences in the week.
TEST_F(ParticipantPagesTest, WhatsOnCost) {
    core::Bundle more;
    for (int i = 0; i < 40; ++i) {
        more.occurrences.push_back(core::Occurrence{"kaffe-extra-" + std::to_string(i), "kaffe",
                                                    at_time(i % 7, 8 + i % 12),
                                                    at_time(i % 7, 9 + i % 12)});
    }
    import(more);
    Browser anna = signed_in("anna@example.dk");
    constexpr int ROUNDS = 300;
    // CPU time of this thread, so that other work on the machine does not count.
    auto cpu_now = [] {
        timespec time{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time);
        return std::chrono::seconds(time.tv_sec) + std::chrono::nanoseconds(time.tv_nsec);
    };
    auto start = cpu_now();
    std::size_t bytes = 0;
    for (int i = 0; i < ROUNDS; ++i) {
        Response page = anna.get("/whats-on");
        ASSERT_EQ(page.status, 200);
        bytes = page.body.size();
    }
    auto took = cpu_now() - start;
    double micros = std::chrono::duration<double, std::micro>(took).count() / ROUNDS;
    std::cout << "[ figure   ] GET /whats-on with 43 occurrences: " << micros
              << " us of CPU per request, " << bytes << " bytes\n";
    EXPECT_GT(bytes, 10000u);
}

}  // namespace
}  // namespace samskab::web::pages::testing
