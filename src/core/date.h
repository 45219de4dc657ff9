#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace samskab::core {

// A calendar day as the number of days since 1970-01-01 (proleptic Gregorian). Dates in
// samskab are local Danish dates; no time zone arithmetic is ever needed on them.
using Day = std::int32_t;

// Used for "no end" (an open companion link or relation) so that range checks need no branch.
inline constexpr Day DAY_MAX = std::numeric_limits<Day>::max();
// Used for "no date" where a date is optional (a person's `joined`).
inline constexpr Day NO_DAY = std::numeric_limits<Day>::min();

// Seconds since 1970-01-01T00:00:00 local time, for occurrence start and end.
using LocalTime = std::int64_t;

// Days since the epoch of a valid civil date. Precondition: 1 <= month <= 12, day valid.
Day days_from_civil(int year, int month, int day);

struct Civil {
    int year;
    int month;
    int day;
};
Civil civil_from_days(Day day);

// Parses exactly `YYYY-MM-DD` with a real calendar date (leap years honoured); nullopt otherwise.
std::optional<Day> parse_date(std::string_view text);

// Parses exactly `YYYY-MM-DDTHH:MM:SS` (00:00:00 to 23:59:59); nullopt otherwise.
std::optional<LocalTime> parse_local_time(std::string_view text);

// `YYYY-MM-DD`. Precondition: day is not NO_DAY.
std::string format_date(Day day);

// `YYYY-MM-DDTHH:MM:SS`.
std::string format_local_time(LocalTime time);

// The day on which a local time falls.
inline Day day_of(LocalTime time) {
    LocalTime d = time >= 0 ? time / 86400 : (time - 86399) / 86400;
    return static_cast<Day>(d);
}

}  // namespace samskab::core
