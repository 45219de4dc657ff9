#include "analytics/survey_results.h"

namespace samskab::analytics {

SurveyResults survey_results(const core::SurveyCounts& counts, int k) {
    SurveyResults out;
    out.respondents = counts.respondents;
    out.k = k;
    const auto questions = core::survey_questions();
    for (std::size_t q = 0; q < questions.size(); ++q) {
        SurveyQuestionResult result;
        result.question = std::string(questions[q].id);
        result.counts.assign(core::SURVEY_ANSWER_COUNT, 0);
        int answered = 0;
        if (q < counts.counts.size()) {
            for (std::size_t a = 0; a < core::SURVEY_ANSWER_COUNT && a < counts.counts[q].size();
                 ++a) {
                result.counts[a] = counts.counts[q][a];
                answered += counts.counts[q][a];
            }
        }
        result.hidden = answered < k;
        if (result.hidden) {
            result.counts.assign(core::SURVEY_ANSWER_COUNT, 0);
        } else {
            result.answered = answered;
        }
        out.questions.push_back(std::move(result));
    }
    return out;
}

}  // namespace samskab::analytics
