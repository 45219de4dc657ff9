#include "core/survey.h"

#include <array>
#include <set>

namespace samskab::core {

namespace {

constexpr std::array<std::string_view, SURVEY_ANSWER_COUNT> ANSWER_NAMES = {"yes", "a_little",
                                                                            "no"};

// Easy language: one short sentence, one idea, the words the participants use themselves.
// The first three are the booklet's elements of motivation; their themes are those of the
// starting codebook, so the survey and the interviews speak of the same things.
constexpr std::array QUESTIONS = {
    SurveyQuestion{"flexibility", "fleksibilitet",
                   "Jeg vælger selv, hvornår og hvor meget jeg er med.",
                   "I choose when and how much I take part."},
    SurveyQuestion{"equality", "ligevaerdighed", "Her er jeg med på lige fod med de andre.",
                   "Here I take part on equal terms with the others."},
    SurveyQuestion{"diversity", "mangfoldighed", "Her møder jeg mange forskellige mennesker.",
                   "Here I meet many different people."},
    SurveyQuestion{"can_do_more", "", "Jeg kan mere, end jeg troede.",
                   "I can do more than I thought."},
};

Result<void> invalid(Lang lang, Msg id, std::initializer_list<std::string_view> args,
                     std::string field) {
    return fail(ErrorCode::Invalid, message(lang, id, args), std::move(field));
}

}  // namespace

std::string_view survey_answer_name(SurveyAnswer answer) {
    return ANSWER_NAMES[static_cast<std::size_t>(answer)];
}

std::optional<SurveyAnswer> parse_survey_answer(std::string_view text) {
    for (std::size_t i = 0; i < ANSWER_NAMES.size(); ++i) {
        if (ANSWER_NAMES[i] == text) {
            return static_cast<SurveyAnswer>(i);
        }
    }
    return std::nullopt;
}

std::span<const SurveyQuestion> survey_questions() {
    return QUESTIONS;
}

const SurveyQuestion* find_survey_question(std::string_view id) {
    for (const SurveyQuestion& question : QUESTIONS) {
        if (question.id == id) {
            return &question;
        }
    }
    return nullptr;
}

std::string_view survey_question_text(const SurveyQuestion& question, Lang lang) {
    return lang == Lang::Da ? question.da : question.en;
}

Result<void> validate_survey_round(const SurveyRound& round, Lang lang) {
    if (round.title.find_first_not_of(" \t\r\n") == std::string::npos) {
        return invalid(lang, Msg::InterviewFieldMissing, {message(lang, Msg::SurveyLabelTitle)},
                       "title");
    }
    if (round.title.size() > MAX_SURVEY_TITLE_LENGTH) {
        return invalid(
            lang, Msg::InterviewFieldTooLong,
            {message(lang, Msg::SurveyLabelTitle), std::to_string(MAX_SURVEY_TITLE_LENGTH)},
            "title");
    }
    if (round.closes < round.opens) {
        return invalid(lang, Msg::SurveyClosesBeforeOpens, {}, "closes");
    }
    return {};
}

Result<void> validate_survey_response(const SurveyResponse& response, bool anonymous, Lang lang) {
    std::set<std::string_view> seen;
    for (const SurveyItem& item : response.answers) {
        if (find_survey_question(item.question) == nullptr) {
            return invalid(lang, Msg::InterviewUnknownItem,
                           {message(lang, Msg::SurveyLabelAnswer), item.question}, "question");
        }
        if (!seen.insert(item.question).second) {
            return invalid(lang, Msg::SurveyAnsweredTwice,
                           {message(lang, Msg::SurveyLabelAnswer), item.question},
                           "q_" + item.question);
        }
        if (item.answer && static_cast<std::size_t>(*item.answer) >= SURVEY_ANSWER_COUNT) {
            return invalid(lang, Msg::InterviewUnknownValue,
                           {message(lang, Msg::SurveyLabelAnswer), "?", "yes, a_little, no"},
                           "q_" + item.question);
        }
    }
    if (response.known.empty()) {
        return {};
    }
    const std::string known_label = message(lang, Msg::SurveyLabelKnown);
    if (anonymous) {
        return invalid(lang, Msg::SurveyNamesInAnonymous, {known_label}, "known");
    }
    std::set<std::string_view> named;
    for (const std::string& person : response.known) {
        if (person == response.person) {
            return invalid(lang, Msg::SurveyNamesSelf, {known_label}, "known");
        }
        if (!named.insert(person).second) {
            return invalid(lang, Msg::DuplicateRecord, {known_label}, "known");
        }
    }
    return {};
}

}  // namespace samskab::core
