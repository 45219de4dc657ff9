#include "web/pages/host_pages_support.h"

#include <gtest/gtest.h>

namespace samskab::web::pages {
namespace {

TEST(HostPagesSupport, FormDatesInIsoAndDanishWriting) {
    const core::Day march_first = core::days_from_civil(2026, 3, 1);
    EXPECT_EQ(parse_form_date("2026-03-01"), march_first);
    EXPECT_EQ(parse_form_date("1.3.2026"), march_first);
    EXPECT_EQ(parse_form_date("01.03.2026"), march_first);
    EXPECT_EQ(parse_form_date("1-3-2026"), march_first);
    EXPECT_EQ(parse_form_date("1/3/2026"), march_first);
    EXPECT_EQ(parse_form_date("29.2.2024"), core::days_from_civil(2024, 2, 29));
    for (const char* bad : {"", "29.2.2026", "32.1.2026", "1.13.2026", "0.1.2026", "1.3.26",
                            "1.3-2026", "-1.3.2026", "1.3.2026x", "i morgen", "2026-02-30"}) {
        EXPECT_FALSE(parse_form_date(bad)) << bad;
    }
}

TEST(HostPagesSupport, FormClockTimes) {
    EXPECT_EQ(parse_form_clock("17:00"), 17 * 60);
    EXPECT_EQ(parse_form_clock("17.30"), 17 * 60 + 30);
    EXPECT_EQ(parse_form_clock("9:05"), 9 * 60 + 5);
    EXPECT_EQ(parse_form_clock("00:00"), 0);
    EXPECT_EQ(parse_form_clock("24:00"), 24 * 60);
    for (const char* bad :
         {"", "17", "24:01", "25:00", "17:60", "17:5", "-1:00", "17:00:00", "kl. 17"}) {
        EXPECT_FALSE(parse_form_clock(bad)) << bad;
    }
}

TEST(HostPagesSupport, DecimalsWithCommaOrPoint) {
    EXPECT_DOUBLE_EQ(*parse_form_decimal("0,2"), 0.2);
    EXPECT_DOUBLE_EQ(*parse_form_decimal("0.25"), 0.25);
    EXPECT_DOUBLE_EQ(*parse_form_decimal("1"), 1.0);
    EXPECT_DOUBLE_EQ(*parse_form_decimal("-0,5"), -0.5);
    for (const char* bad : {"", "0,2,1", "0.2.1", "1e3", "nan", "inf", "+1", "20 %", "½"}) {
        EXPECT_FALSE(parse_form_decimal(bad)) << bad;
    }
}

TEST(HostPagesSupport, ShortDatesAndTimes) {
    const core::Day day = core::days_from_civil(2026, 12, 1);
    EXPECT_EQ(format_day_short(day, core::Lang::Da), "1.12.2026");
    EXPECT_EQ(format_day_short(day, core::Lang::En), "1/12/2026");
    EXPECT_EQ(format_minutes(17 * 60 + 5, core::Lang::Da), "17.05");
    EXPECT_EQ(format_minutes(9 * 60, core::Lang::En), "09:00");
    EXPECT_EQ(weekday_name(1, core::Lang::Da), "mandag");
    EXPECT_EQ(weekday_name(7, core::Lang::En), "Sunday");
    const core::LocalTime start = core::LocalTime{day} * 86400 + 17 * 3600;
    EXPECT_EQ(format_time_span(start, start + 5400, core::Lang::Da), "17.00–18.30");
}

TEST(HostPagesSupport, QueryValuesAreEncoded) {
    EXPECT_EQ(with_query("/host/today", "place", "a b&c"), "/host/today?place=a%20b%26c");
    EXPECT_EQ(with_query("/host/today?place=x", "done", "noted"), "/host/today?place=x&done=noted");
}

}  // namespace
}  // namespace samskab::web::pages
