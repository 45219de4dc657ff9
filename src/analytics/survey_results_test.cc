#include "analytics/survey_results.h"

#include <gtest/gtest.h>

namespace samskab::analytics {
namespace {

core::SurveyCounts counts_of(std::vector<std::vector<int>> rows, int respondents) {
    rows.resize(core::survey_questions().size(), std::vector<int>(core::SURVEY_ANSWER_COUNT, 0));
    return {respondents, std::move(rows)};
}

TEST(SurveyResults, AQuestionAnsweredByFewerThanKIsHiddenWhole) {
    const SurveyResults results = survey_results(counts_of({{2, 1, 1}, {3, 1, 1}}, 5));
    EXPECT_EQ(results.k, DEFAULT_SUPPRESSION_K);
    EXPECT_EQ(results.respondents, 5);
    ASSERT_EQ(results.questions.size(), core::survey_questions().size());
    EXPECT_TRUE(results.questions[0].hidden);  // 4 answered, one skipped
    EXPECT_EQ(results.questions[0].counts, (std::vector<int>{0, 0, 0}));
    EXPECT_EQ(results.questions[0].answered, 0);
    EXPECT_FALSE(results.questions[1].hidden);  // 5 answered
    EXPECT_EQ(results.questions[1].counts, (std::vector<int>{3, 1, 1}));
    EXPECT_EQ(results.questions[1].answered, 5);
    EXPECT_TRUE(results.questions[2].hidden);  // nobody answered: 0 is a small cell too
}

TEST(SurveyResults, TheThresholdIsTheReportsOne) {
    const SurveyResults shown = survey_results(counts_of({{1, 1, 0}}, 2), 2);
    EXPECT_FALSE(shown.questions[0].hidden);
    const SurveyResults hidden = survey_results(counts_of({{1, 1, 0}}, 2));
    EXPECT_TRUE(hidden.questions[0].hidden);
}

}  // namespace
}  // namespace samskab::analytics
