// The application as it runs on PostgreSQL, which has no logbook, interview or survey store yet
// (Services::logbooks, interviews and surveys are null): the pages of those areas answer 404,
// and every page that only mentions them (what's on, the participant's download, the host's
// day, the coordinator's home, the learning meeting) works without them.
#include <gtest/gtest.h>

#include "web/pages/participant_pages_fixture.h"

namespace samskab::web::pages::testing {
namespace {

class WithoutEvaluationStoresTest : public ParticipantPagesTest {
protected:
    std::vector<Route> page_routes(const views::Templates& templates) override {
        std::vector<Route> routes;
        for (auto make : {participant_routes, host_routes, coordinator_routes, dashboard_routes,
                          companion_routes, logbook_routes, interview_routes, survey_routes}) {
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
        m_services->logbooks = nullptr;
        m_services->interviews = nullptr;
        m_services->surveys = nullptr;
        add_account("vaert@example.dk", "Vera Vært", "",
                    {core::RoleGrant{core::AccountRole::Host, "", "huset"}});
    }

    static bool has(const Response& response, std::string_view part) {
        return response.body.find(part) != std::string::npos;
    }
};

TEST_F(WithoutEvaluationStoresTest, ParticipantPagesWorkAndShowNoSurvey) {
    Browser anna = signed_in("anna@example.dk");
    Response whats_on = anna.get("/whats-on");
    EXPECT_EQ(whats_on.status, 200) << whats_on.body;
    EXPECT_FALSE(has(whats_on, "href=\"/surveys\""));
    Response data = anna.get("/me/data.json");
    ASSERT_EQ(data.status, 200) << data.body;
    EXPECT_TRUE(has(data, "\"p-anna\""));
    EXPECT_FALSE(has(data, "\"surveys\""));
    EXPECT_EQ(anna.get("/surveys").status, 404);
    EXPECT_EQ(anna.get("/surveys/1").status, 404);
    EXPECT_EQ(anna.post("/surveys/1", {{"q1", "3"}}).status, 404);
    EXPECT_EQ(anna.get("/surveys/1/thanks").status, 404);
}

TEST_F(WithoutEvaluationStoresTest, HostPagesWorkAndLogbooksAre404) {
    Browser vera = signed_in("vaert@example.dk");
    Response today = vera.get("/host/today?place=huset");
    EXPECT_EQ(today.status, 200) << today.body;
    EXPECT_FALSE(has(today, "/host/logbooks"));
    EXPECT_EQ(vera.get("/host/logbooks?place=huset").status, 404);
    EXPECT_EQ(vera.get("/host/logbooks/lb-1").status, 404);
    EXPECT_EQ(vera.post("/host/logbooks/lb-1", {}).status, 404);
}

TEST_F(WithoutEvaluationStoresTest, CoordinatorPagesWorkAndEvaluationIs404) {
    Browser karen = signed_in("koordinator@example.dk");
    Response home = karen.get("/coordinator");
    EXPECT_EQ(home.status, 200) << home.body;
    EXPECT_FALSE(has(home, "/evaluation\""));
    EXPECT_FALSE(has(home, "/coordinator/logbooks"));
    Response meeting = karen.get("/coordinator/learning-meeting?scope=partnership:sam");
    EXPECT_EQ(meeting.status, 200) << meeting.body;
    for (const char* path :
         {"/coordinator/logbooks", "/coordinator/logbooks/lb-1",
          "/coordinator/logbooks/lb-1/entries", "/coordinator/logbooks/lb-1/summary",
          "/coordinator/logbooks/lb-1/entries.csv", "/coordinator/partnerships/sam/evaluation",
          "/coordinator/partnerships/sam/codebook", "/coordinator/partnerships/sam/themes",
          "/coordinator/partnerships/sam/check", "/coordinator/partnerships/sam/codings.csv",
          "/coordinator/partnerships/sam/codings.xlsx", "/coordinator/guides/ig-1",
          "/coordinator/interviews/1", "/coordinator/partnerships/sam/surveys",
          "/coordinator/partnerships/sam/surveys/1",
          "/coordinator/partnerships/sam/surveys/1/responses.csv"}) {
        EXPECT_EQ(karen.get(path).status, 404) << path;
    }
    for (const char* path :
         {"/coordinator/logbooks", "/coordinator/partnerships/sam/interviews",
          "/coordinator/partnerships/sam/guides", "/coordinator/partnerships/sam/codebook",
          "/coordinator/partnerships/sam/check", "/coordinator/partnerships/sam/surveys"}) {
        EXPECT_EQ(karen.post(path, {{"name", "x"}}).status, 404) << path;
    }
}

}  // namespace
}  // namespace samskab::web::pages::testing
