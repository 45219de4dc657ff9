#include "core/self_assessment.h"

#include <array>
#include <set>

#include "core/starting_codebook.h"

namespace samskab::core {

namespace {

constexpr std::array<std::string_view, CHECK_RATING_COUNT> RATING_NAMES = {"promotes", "hinders",
                                                                           "not_relevant"};

bool is_check_item(std::string_view id) {
    for (const Theme& theme : starting_codebook()) {
        if (theme.id == id &&
            (theme.group == ThemeGroup::Promoter || theme.group == ThemeGroup::Inhibitor)) {
            return true;
        }
    }
    return false;
}

}  // namespace

Day HalfYear::first_day() const {
    return days_from_civil(year, half == 1 ? 1 : 7, 1);
}

Day HalfYear::last_day() const {
    return half == 1 ? days_from_civil(year, 6, 30) : days_from_civil(year, 12, 31);
}

std::string HalfYear::text() const {
    std::string digits = std::to_string(year);
    while (digits.size() < 4) {
        digits.insert(digits.begin(), '0');
    }
    return digits + "-H" + std::to_string(half);
}

std::optional<HalfYear> parse_half_year(std::string_view text) {
    if (text.size() != 7 || text.substr(4, 2) != "-H" || (text[6] != '1' && text[6] != '2')) {
        return std::nullopt;
    }
    int year = 0;
    for (char c : text.substr(0, 4)) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        year = year * 10 + (c - '0');
    }
    if (year < 1900) {
        return std::nullopt;
    }
    return HalfYear{year, text[6] - '0'};
}

HalfYear half_year_of(Day day) {
    const Civil civil = civil_from_days(day);
    return HalfYear{civil.year, civil.month <= 6 ? 1 : 2};
}

HalfYear last_completed_half_year(Day day) {
    return half_year_of(day).previous();
}

std::string_view check_rating_name(CheckRating rating) {
    return RATING_NAMES[static_cast<std::size_t>(rating)];
}

std::optional<CheckRating> parse_check_rating(std::string_view text) {
    for (std::size_t i = 0; i < RATING_NAMES.size(); ++i) {
        if (RATING_NAMES[i] == text) {
            return static_cast<CheckRating>(i);
        }
    }
    return std::nullopt;
}

Result<void> validate_self_assessment(const SelfAssessment& assessment, Lang lang) {
    std::set<std::string_view> seen;
    for (const CheckAnswer& answer : assessment.answers) {
        if (!is_check_item(answer.item) || !seen.insert(answer.item).second) {
            return fail(ErrorCode::Invalid,
                        message(lang, Msg::InterviewUnknownItem,
                                {message(lang, Msg::InterviewLabelRating), answer.item}),
                        "item");
        }
        if (answer.rating && static_cast<std::size_t>(*answer.rating) >= CHECK_RATING_COUNT) {
            return fail(ErrorCode::Invalid,
                        message(lang, Msg::InterviewUnknownValue,
                                {message(lang, Msg::InterviewLabelRating), "?",
                                 "promotes, hinders, not_relevant"}),
                        "rating_" + answer.item);
        }
        if (answer.comment.size() > MAX_CHECK_COMMENT_LENGTH) {
            return fail(ErrorCode::Invalid,
                        message(lang, Msg::InterviewFieldTooLong,
                                {message(lang, Msg::InterviewLabelComment),
                                 std::to_string(MAX_CHECK_COMMENT_LENGTH)}),
                        "comment_" + answer.item);
        }
    }
    return {};
}

}  // namespace samskab::core
