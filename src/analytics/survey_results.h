#pragma once

#include <string>
#include <vector>

#include "analytics/suppression.h"
#include "core/survey.h"

namespace samskab::analytics {

// A survey round's counts as they may be shown: per question, how many chose each answer, with
// small cells withheld as in the reports (suppression.h). A question answered by fewer than `k`
// people shows none of its counts, not even zero, since in a small group a count can tell who
// said what; the number of people who answered the question is then withheld as well.

struct SurveyQuestionResult {
    std::string question;     // the question's id
    bool hidden = false;      // fewer than k answered the question
    int answered = 0;         // 0 when hidden
    std::vector<int> counts;  // SurveyAnswer order; zeros when hidden
};

struct SurveyResults {
    int respondents = 0;  // people who sent the survey in (shown: it names no answer)
    int k = DEFAULT_SUPPRESSION_K;
    std::vector<SurveyQuestionResult> questions;  // core::survey_questions() order
};

// The results of `counts` with threshold `k` (>= 1).
SurveyResults survey_results(const core::SurveyCounts& counts, int k = DEFAULT_SUPPRESSION_K);

}  // namespace samskab::analytics
