#include "core/schedule.h"

#include <cstdio>
#include <string>

#include "core/date.h"

namespace samskab::core {

namespace {

constexpr int MINUTES_PER_DAY = 24 * 60;
constexpr int MAX_YEARS = 3;

// ISO 8601 weekday of a day number: 1 = Monday ... 7 = Sunday. 1970-01-01 was a Thursday.
int weekday_of(Day day) {
    const int from_thursday = static_cast<int>(((static_cast<std::int64_t>(day) % 7) + 7) % 7);
    return (from_thursday + 3) % 7 + 1;
}

// The day `years` calendar years after `day` (29 February goes to 28 February).
Day years_after(Day day, int years) {
    Civil civil = civil_from_days(day);
    civil.year += years;
    if (civil.month == 2 && civil.day == 29) {
        const bool leap = (civil.year % 4 == 0 && civil.year % 100 != 0) || civil.year % 400 == 0;
        if (!leap) {
            civil.day = 28;
        }
    }
    return days_from_civil(civil.year, civil.month, civil.day);
}

std::string occurrence_id(const std::string& activity, Day day, int minute) {
    const Civil civil = civil_from_days(day);
    char suffix[32];
    std::snprintf(suffix, sizeof suffix, "-%04d%02d%02dT%02d%02d", civil.year, civil.month,
                  civil.day, minute / 60, minute % 60);
    return activity + suffix;
}

}  // namespace

Result<void> validate_schedule(const WeeklySchedule& schedule, Lang lang) {
    if (schedule.weekday < 1 || schedule.weekday > 7) {
        return fail(ErrorCode::Invalid, message(lang, Msg::WeekdayOutOfRange), "weekday");
    }
    if (schedule.start_minute < 0 || schedule.start_minute > MINUTES_PER_DAY) {
        return fail(ErrorCode::Invalid, message(lang, Msg::MinuteOutOfRange), "start");
    }
    if (schedule.end_minute < 0 || schedule.end_minute > MINUTES_PER_DAY) {
        return fail(ErrorCode::Invalid, message(lang, Msg::MinuteOutOfRange), "end");
    }
    if (schedule.end_minute <= schedule.start_minute) {
        return fail(ErrorCode::Invalid, message(lang, Msg::EndNotAfterStart), "end");
    }
    if (schedule.until < schedule.from) {
        return fail(ErrorCode::Invalid,
                    message(lang, Msg::EndsBeforeStart, {"from", format_date(schedule.from)}),
                    "until");
    }
    if (schedule.until > years_after(schedule.from, MAX_YEARS)) {
        return fail(ErrorCode::Invalid,
                    message(lang, Msg::ScheduleTooLong, {std::to_string(MAX_YEARS)}), "until");
    }
    return {};
}

std::vector<Occurrence> expand_schedule(const WeeklySchedule& schedule) {
    std::vector<Occurrence> out;
    if (schedule.weekday < 1 || schedule.weekday > 7 || schedule.until < schedule.from) {
        return out;
    }
    // The first matching weekday on or after `from`, then every seventh day.
    const int ahead = (schedule.weekday - weekday_of(schedule.from) + 7) % 7;
    out.reserve(static_cast<size_t>((schedule.until - schedule.from) / 7 + 1));
    for (Day day = schedule.from + ahead; day <= schedule.until; day += 7) {
        const LocalTime midnight = static_cast<LocalTime>(day) * 86400;
        out.push_back(Occurrence{occurrence_id(schedule.activity, day, schedule.start_minute),
                                 schedule.activity, midnight + schedule.start_minute * 60,
                                 midnight + schedule.end_minute * 60});
    }
    return out;
}

}  // namespace samskab::core
