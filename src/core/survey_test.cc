#include "core/survey.h"

#include <gtest/gtest.h>

namespace samskab::core {
namespace {

SurveyRound valid_round() {
    SurveyRound round;
    round.partnership = "vimby";
    round.title = "Forår 2026";
    round.opens = days_from_civil(2026, 3, 1);
    round.closes = days_from_civil(2026, 3, 28);
    return round;
}

TEST(Survey, TheQuestionsAreShortOneSentenceAndInBothLanguages) {
    ASSERT_EQ(survey_questions().size(), 4u);
    for (const SurveyQuestion& question : survey_questions()) {
        EXPECT_EQ(find_survey_question(question.id), &question);
        for (std::string_view text : {question.da, question.en}) {
            EXPECT_FALSE(text.empty()) << question.id;
            EXPECT_LE(text.size(), 60u) << text;
            // One sentence: a full stop at the end and nowhere else.
            EXPECT_EQ(text.find('.'), text.size() - 1) << text;
        }
    }
    EXPECT_EQ(survey_questions()[0].theme, "fleksibilitet");
    EXPECT_EQ(find_survey_question("nope"), nullptr);
}

TEST(Survey, AnswersRoundTripTheirNames) {
    for (SurveyAnswer answer : {SurveyAnswer::Yes, SurveyAnswer::ALittle, SurveyAnswer::No}) {
        EXPECT_EQ(parse_survey_answer(survey_answer_name(answer)), answer);
    }
    EXPECT_EQ(parse_survey_answer("skip"), std::nullopt);
    EXPECT_EQ(parse_survey_answer("Yes"), std::nullopt);
}

TEST(Survey, ARoundNeedsATitleAndDaysInOrder) {
    EXPECT_TRUE(validate_survey_round(valid_round(), Lang::Da));
    SurveyRound round = valid_round();
    round.title = "  ";
    auto missing = validate_survey_round(round, Lang::Da);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().field, "title");
    EXPECT_EQ(missing.error().message, "Titlen mangler (skal udfyldes)");
    round.title = std::string(MAX_SURVEY_TITLE_LENGTH + 1, 'x');
    EXPECT_EQ(validate_survey_round(round, Lang::En).error().message,
              "The title is too long (at most 200 characters)");
    round = valid_round();
    round.closes = round.opens - 1;
    auto backwards = validate_survey_round(round, Lang::En);
    ASSERT_FALSE(backwards);
    EXPECT_EQ(backwards.error().field, "closes");
    EXPECT_EQ(backwards.error().message, "The last day must not be before the first day");
    round.closes = round.opens;  // a round of one day
    EXPECT_TRUE(validate_survey_round(round, Lang::Da));
}

TEST(Survey, AResponseNamesTheFieldItGetsWrong) {
    SurveyResponse response{1, "p1", {{"flexibility", SurveyAnswer::Yes}, {"equality", {}}}, {}};
    EXPECT_TRUE(validate_survey_response(response, true, Lang::Da));
    response.answers.push_back({"flexibility", SurveyAnswer::No});
    EXPECT_EQ(validate_survey_response(response, true, Lang::Da).error().field, "q_flexibility");
    response.answers = {{"weather", SurveyAnswer::Yes}};
    EXPECT_EQ(validate_survey_response(response, true, Lang::Da).error().field, "question");
    response.answers = {{"diversity", static_cast<SurveyAnswer>(7)}};
    EXPECT_EQ(validate_survey_response(response, true, Lang::Da).error().field, "q_diversity");
}

TEST(Survey, TheNameGeneratorIsForNamedRoundsOnly) {
    SurveyResponse response{1, "p1", {}, {"p2", "p3"}};
    EXPECT_TRUE(validate_survey_response(response, false, Lang::Da));
    auto anonymous = validate_survey_response(response, true, Lang::Da);
    ASSERT_FALSE(anonymous);
    EXPECT_EQ(anonymous.error().field, "known");
    EXPECT_NE(anonymous.error().message.find("anonymt"), std::string::npos);
    response.known = {"p2", "p1"};
    EXPECT_EQ(validate_survey_response(response, false, Lang::En).error().message,
              "The people you know: you cannot choose yourself");
    response.known = {"p2", "p2"};
    EXPECT_EQ(validate_survey_response(response, false, Lang::Da).error().field, "known");
}

}  // namespace
}  // namespace samskab::core
