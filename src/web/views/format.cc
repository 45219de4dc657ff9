#include "web/views/format.h"

#include <string_view>

#include "web/i18n/catalogue.h"

namespace samskab::web::views {

namespace {

// Catalogue keys, so that the names of days and months live with every other text.
constexpr std::string_view WEEKDAY_KEYS[] = {"weekday_1", "weekday_2", "weekday_3", "weekday_4",
                                             "weekday_5", "weekday_6", "weekday_7"};
constexpr std::string_view MONTH_KEYS[] = {"month_1", "month_2",  "month_3",  "month_4",
                                           "month_5", "month_6",  "month_7",  "month_8",
                                           "month_9", "month_10", "month_11", "month_12"};

std::string two_digits(int value) {
    return {static_cast<char>('0' + value / 10), static_cast<char>('0' + value % 10)};
}

// "1. december" / "1 December".
std::string day_and_month(const core::Civil& civil, core::Lang lang) {
    std::string out = std::to_string(civil.day);
    out += lang == core::Lang::Da ? ". " : " ";
    out += i18n::text(lang, MONTH_KEYS[civil.month - 1]);
    return out;
}

std::string at_clock(core::LocalTime time, core::Lang lang) {
    std::string out = " ";
    out += i18n::text(lang, "at_clock");
    out += ' ';
    out += format_clock(time, lang);
    return out;
}

}  // namespace

int weekday_of(core::Day day) {
    // 1970-01-01 was a Thursday (4).
    int from_monday = static_cast<int>(((static_cast<std::int64_t>(day) + 3) % 7 + 7) % 7);
    return from_monday + 1;
}

core::Day monday_of(core::Day day) {
    return day - (weekday_of(day) - 1);
}

int iso_week_of(core::Day day) {
    // The week belongs to the year of its Thursday; week 1 holds that year's first Thursday.
    core::Day thursday = monday_of(day) + 3;
    core::Civil civil = core::civil_from_days(thursday);
    core::Day first_of_year = core::days_from_civil(civil.year, 1, 1);
    return (thursday - first_of_year) / 7 + 1;
}

std::string format_day(core::Day day, core::Lang lang) {
    std::string out(i18n::text(lang, WEEKDAY_KEYS[weekday_of(day) - 1]));
    out += ' ';
    out += day_and_month(core::civil_from_days(day), lang);
    return out;
}

std::string format_date(core::Day day, core::Lang lang) {
    core::Civil civil = core::civil_from_days(day);
    return day_and_month(civil, lang) + " " + std::to_string(civil.year);
}

std::string format_clock(core::LocalTime time, core::Lang lang) {
    core::LocalTime seconds = time - static_cast<core::LocalTime>(core::day_of(time)) * 86400;
    int minutes = static_cast<int>(seconds / 60);
    return two_digits(minutes / 60) + (lang == core::Lang::Da ? "." : ":") +
           two_digits(minutes % 60);
}

std::string format_date_time(core::LocalTime time, core::Lang lang) {
    return format_day(core::day_of(time), lang) + at_clock(time, lang);
}

std::string format_full_date_time(core::LocalTime time, core::Lang lang) {
    return format_date(core::day_of(time), lang) + at_clock(time, lang);
}

}  // namespace samskab::web::views
