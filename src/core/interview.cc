#include "core/interview.h"

#include <array>
#include <string>

namespace samskab::core {

namespace {

constexpr std::array<std::string_view, THEME_GROUP_COUNT> GROUP_NAMES = {
    "motivation", "host_role", "promoter", "inhibitor", "other"};

bool blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Invalid, naming the field by its label in `lang`.
tl::unexpected<Error> missing(Lang lang, Msg label, std::string field) {
    return fail(ErrorCode::Invalid,
                message(lang, Msg::InterviewFieldMissing, {message(lang, label)}),
                std::move(field));
}

tl::unexpected<Error> too_long(Lang lang, Msg label, std::size_t limit, std::string field) {
    return fail(
        ErrorCode::Invalid,
        message(lang, Msg::InterviewFieldTooLong, {message(lang, label), std::to_string(limit)}),
        std::move(field));
}

// Non-blank and at most `limit` bytes.
Result<void> check_text(std::string_view text, std::size_t limit, Lang lang, Msg label,
                        std::string field) {
    if (blank(text)) {
        return missing(lang, label, std::move(field));
    }
    if (text.size() > limit) {
        return too_long(lang, label, limit, std::move(field));
    }
    return {};
}

}  // namespace

std::string_view theme_group_name(ThemeGroup group) {
    return GROUP_NAMES[static_cast<std::size_t>(group)];
}

std::optional<ThemeGroup> parse_theme_group(std::string_view text) {
    for (std::size_t i = 0; i < GROUP_NAMES.size(); ++i) {
        if (GROUP_NAMES[i] == text) {
            return static_cast<ThemeGroup>(i);
        }
    }
    return std::nullopt;
}

const std::string& theme_name(const Theme& theme, Lang lang) {
    return lang == Lang::En && !theme.name_en.empty() ? theme.name_en : theme.name_da;
}

const std::string& theme_description(const Theme& theme, Lang lang) {
    return lang == Lang::En && !theme.description_en.empty() ? theme.description_en
                                                             : theme.description_da;
}

Result<void> validate_theme(const Theme& theme, Lang lang) {
    if (auto name = check_text(theme.name_da, MAX_TITLE_LENGTH, lang,
                               Msg::InterviewLabelThemeNameDa, "name_da");
        !name) {
        return name;
    }
    if (theme.name_en.size() > MAX_TITLE_LENGTH) {
        return too_long(lang, Msg::InterviewLabelThemeNameEn, MAX_TITLE_LENGTH, "name_en");
    }
    if (theme.description_da.size() > MAX_QUESTION_LENGTH) {
        return too_long(lang, Msg::InterviewLabelThemeDescription, MAX_QUESTION_LENGTH,
                        "description_da");
    }
    if (theme.description_en.size() > MAX_QUESTION_LENGTH) {
        return too_long(lang, Msg::InterviewLabelThemeDescription, MAX_QUESTION_LENGTH,
                        "description_en");
    }
    if (static_cast<std::size_t>(theme.group) >= THEME_GROUP_COUNT) {
        return fail(ErrorCode::Invalid,
                    message(lang, Msg::InterviewUnknownValue,
                            {message(lang, Msg::InterviewLabelThemeGroup),
                             std::to_string(static_cast<int>(theme.group)),
                             "motivation, host_role, promoter, inhibitor, other"}),
                    "group");
    }
    return {};
}

Result<void> validate_guide_title(std::string_view title, Lang lang) {
    return check_text(title, MAX_TITLE_LENGTH, lang, Msg::InterviewLabelGuideTitle, "title");
}

Result<void> validate_question(std::string_view text, Lang lang) {
    return check_text(text, MAX_QUESTION_LENGTH, lang, Msg::InterviewLabelQuestion, "text");
}

Result<void> validate_interview(const Interview& interview, Lang lang) {
    if (interview.guide <= 0) {
        return missing(lang, Msg::InterviewLabelInterviewGuide, "guide");
    }
    if (interview.interviewer <= 0) {
        return missing(lang, Msg::InterviewLabelInterviewer, "interviewer");
    }
    if (auto who = check_text(interview.interviewee, MAX_QUESTION_LENGTH, lang,
                              Msg::InterviewLabelInterviewee, "interviewee");
        !who) {
        return who;
    }
    if (interview.person && blank(*interview.person)) {
        return fail(ErrorCode::Invalid,
                    message(lang, Msg::InterviewFieldMissing, {message(lang, Msg::NounPerson)}),
                    "person");
    }
    return {};
}

Result<void> validate_interviewee(std::string_view text, Lang lang) {
    return check_text(text, MAX_QUESTION_LENGTH, lang, Msg::InterviewLabelInterviewee,
                      "interviewee");
}

Result<void> validate_note(std::string_view text, Lang lang) {
    return check_text(text, MAX_NOTE_LENGTH, lang, Msg::InterviewLabelNote, "text");
}

Result<void> validate_quote(std::string_view quote, std::string_view note, Lang lang) {
    if (auto text = check_text(quote, MAX_NOTE_LENGTH, lang, Msg::InterviewLabelQuote, "quote");
        !text) {
        return text;
    }
    if (note.find(quote) == std::string_view::npos) {
        return fail(
            ErrorCode::Invalid,
            message(lang, Msg::InterviewQuoteNotInNote, {message(lang, Msg::InterviewLabelQuote)}),
            "quote");
    }
    return {};
}

}  // namespace samskab::core
