#include "web/views/format.h"

#include <gtest/gtest.h>

namespace samskab::web::views {
namespace {

using core::days_from_civil;

TEST(Format, Weekdays) {
    EXPECT_EQ(weekday_of(days_from_civil(1970, 1, 1)), 4);    // Thursday
    EXPECT_EQ(weekday_of(days_from_civil(2020, 12, 1)), 2);   // Tuesday
    EXPECT_EQ(weekday_of(days_from_civil(2026, 3, 8)), 7);    // Sunday
    EXPECT_EQ(weekday_of(days_from_civil(1969, 12, 29)), 1);  // Monday, before the epoch
    EXPECT_EQ(monday_of(days_from_civil(2026, 3, 8)), days_from_civil(2026, 3, 2));
    EXPECT_EQ(monday_of(days_from_civil(2026, 3, 2)), days_from_civil(2026, 3, 2));
}

TEST(Format, IsoWeeks) {
    EXPECT_EQ(iso_week_of(days_from_civil(2026, 3, 2)), 10);
    EXPECT_EQ(iso_week_of(days_from_civil(2021, 1, 3)), 53);   // Sunday of 2020's last week
    EXPECT_EQ(iso_week_of(days_from_civil(2024, 12, 30)), 1);  // Monday of 2025's week 1
    EXPECT_EQ(iso_week_of(days_from_civil(2026, 1, 1)), 1);
}

TEST(Format, DanishDatesAndTimes) {
    core::LocalTime time = core::LocalTime{days_from_civil(2020, 12, 1)} * 86400 + 17 * 3600;
    EXPECT_EQ(format_date_time(time, core::Lang::Da), "tirsdag 1. december kl. 17.00");
    EXPECT_EQ(format_date_time(time + 5 * 60, core::Lang::En), "Tuesday 1 December at 17:05");
    EXPECT_EQ(format_full_date_time(time, core::Lang::Da), "1. december 2020 kl. 17.00");
    EXPECT_EQ(format_date(days_from_civil(2018, 5, 31), core::Lang::Da), "31. maj 2018");
    EXPECT_EQ(format_date(days_from_civil(2018, 5, 31), core::Lang::En), "31 May 2018");
    EXPECT_EQ(format_day(days_from_civil(2026, 3, 8), core::Lang::Da), "søndag 8. marts");
    EXPECT_EQ(format_clock(time - 17 * 3600 + 9 * 60, core::Lang::Da), "00.09");
}

}  // namespace
}  // namespace samskab::web::views
