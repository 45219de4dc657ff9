#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/messages.h"
#include "core/result.h"

namespace samskab::core {

// Participant surveys in easy language. A partnership's coordinators open a survey round for a
// few weeks; each participant of the partnership (or of the round's place) answers it once.
// The questions are fixed, so that rounds can be compared over time: the booklet's three
// elements of motivation (flexibility, equality, diversity) and "I can do more than I thought".
// Each question is one short sentence with one idea, answered "yes", "a little" or "no", or
// skipped. A named round also asks "who do you know here?" (the name generator); an anonymous
// round cannot, because a relation names the person who reported it.

// "ja", "lidt", "nej". A question that is skipped has no answer at all.
enum class SurveyAnswer : std::uint8_t { Yes, ALittle, No };
inline constexpr std::size_t SURVEY_ANSWER_COUNT = 3;

// "yes", "a_little", "no" (the stored and submitted spelling).
std::string_view survey_answer_name(SurveyAnswer answer);
std::optional<SurveyAnswer> parse_survey_answer(std::string_view text);

// One question of the fixed set. `theme` is the codebook theme it asks about
// (core/starting_codebook.h), empty when it has none.
struct SurveyQuestion {
    std::string_view id;
    std::string_view theme;
    std::string_view da;
    std::string_view en;
};

// The questions in the order they are asked. Ids never change: answers are stored under them.
std::span<const SurveyQuestion> survey_questions();

// The question with `id`, or nullptr.
const SurveyQuestion* find_survey_question(std::string_view id);

// The question's text in `lang`.
std::string_view survey_question_text(const SurveyQuestion& question, Lang lang);

// A survey round: a partnership's, optionally only for one place of it, open from `opens` to
// `closes` (both days included).
struct SurveyRound {
    std::int64_t id = 0;    // assigned by the store
    std::string bundle_id;  // "sr-" and 12 hex digits, assigned by the store: its id in bundles
    std::string partnership;
    std::optional<std::string> place;
    std::string title;
    Day opens = 0;
    Day closes = 0;
    bool anonymous = true;
    std::int64_t created_by = 0;  // account; 0 for a round imported from a bundle
    LocalTime created_at = 0;

    bool is_open(Day today) const { return opens <= today && today <= closes; }
};

// A round with the number of people who have answered it.
struct SurveyRoundSummary {
    SurveyRound round;
    int responses = 0;
};

// Longest accepted title, in bytes.
inline constexpr std::size_t MAX_SURVEY_TITLE_LENGTH = 200;

// Invalid, naming the field in `lang`: "title" (missing or too long), "closes" (before
// `opens`). The partnership and place are checked by the store (NotFound).
Result<void> validate_survey_round(const SurveyRound& round, Lang lang);

// One question's answer; nullopt when the person skipped it.
struct SurveyItem {
    std::string question;
    std::optional<SurveyAnswer> answer;
};

// What a person submits. `person` is who answers: in an anonymous round it is used only to
// record that they have answered, never stored with the answers.
struct SurveyResponse {
    std::int64_t round = 0;
    std::string person;
    std::vector<SurveyItem> answers;  // questions not listed count as skipped
    std::vector<std::string> known;   // the name generator: people the person knows here
};

// Invalid, naming the field in `lang`: "q_<question>" for an answer outside the scale or a
// question answered twice, "question" for an unknown question, "known" for names in an
// anonymous round, for the person themself, or for a name given twice.
Result<void> validate_survey_response(const SurveyResponse& response, bool anonymous, Lang lang);

// A named person's own answers to one round, for their "my page" download.
struct OwnSurveyAnswers {
    std::int64_t round = 0;
    std::string title;
    std::string partnership;
    Day opens = 0;
    Day closes = 0;
    std::vector<SurveyItem> answers;  // answered questions only, in question order
};

// The answers to one round, counted: no single response can be read from it. `counts[q][a]`
// is how many chose answer a (SurveyAnswer order) to question q (survey_questions() order).
// One response of a round as the coordinators' download shows it: the answer to each question
// in survey_questions() order, nullopt where it was skipped. No person, no time.
using SurveyResponseAnswers = std::vector<std::optional<SurveyAnswer>>;

struct SurveyCounts {
    int respondents = 0;
    std::vector<std::vector<int>> counts;
};

}  // namespace samskab::core
