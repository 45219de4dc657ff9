#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/messages.h"
#include "core/result.h"

namespace samskab::core {

// The promoters/inhibitors check: twice a year a partnership goes through the booklet's lists
// of what promotes and what inhibits vulnerable citizens' participation (the promoter and
// inhibitor themes of core/starting_codebook.h, whose ids are the items' ids) and says, for each,
// whether it promotes or hinders them, with a comment. Plain data for later export.

// A calendar half-year: 1 is January-June, 2 July-December.
struct HalfYear {
    int year = 0;
    int half = 1;

    Day first_day() const;
    Day last_day() const;
    HalfYear previous() const { return half == 2 ? HalfYear{year, 1} : HalfYear{year - 1, 2}; }
    // "2026-H1".
    std::string text() const;
    bool operator==(const HalfYear&) const = default;
};

// "2026-H1" or "2026-H2" with a four-digit year from 1900; nullopt otherwise.
std::optional<HalfYear> parse_half_year(std::string_view text);

// The half-year that contains `day`, and the last one that has ended before it.
HalfYear half_year_of(Day day);
HalfYear last_completed_half_year(Day day);

// "fremmer os", "hæmmer os", "ikke relevant".
enum class CheckRating : std::uint8_t { Promotes, Hinders, NotRelevant };
inline constexpr std::size_t CHECK_RATING_COUNT = 3;

// "promotes", "hinders", "not_relevant" (the stored and submitted spelling).
std::string_view check_rating_name(CheckRating rating);
std::optional<CheckRating> parse_check_rating(std::string_view text);

// One item's answer. An item may be left unrated (no rating yet) and still carry a comment.
struct CheckAnswer {
    std::string item;  // a promoter or inhibitor theme id of the starting codebook
    std::optional<CheckRating> rating;
    std::string comment;
};

struct SelfAssessment {
    std::string partnership;
    HalfYear half;
    std::vector<CheckAnswer> answers;  // in the order of the items
    std::int64_t saved_by = 0;         // account
    LocalTime saved_at = 0;
};

// Longest accepted comment, in bytes.
inline constexpr std::size_t MAX_CHECK_COMMENT_LENGTH = 4000;

// Invalid, naming the field ("rating_<item>", "comment_<item>", "item") in `lang`: an item that
// is not one of the check's items, or one answered twice; a comment that is too long.
Result<void> validate_self_assessment(const SelfAssessment& assessment, Lang lang);

}  // namespace samskab::core
