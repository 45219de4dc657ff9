#include "core/date.h"

#include <gtest/gtest.h>

namespace samskab::core {
namespace {

TEST(Date, ParsesAndFormatsRoundTrip) {
    for (const char* text :
         {"1970-01-01", "2016-02-29", "2018-12-31", "1999-03-01", "2000-02-29"}) {
        auto day = parse_date(text);
        ASSERT_TRUE(day.has_value()) << text;
        EXPECT_EQ(format_date(*day), text);
    }
    EXPECT_EQ(*parse_date("1970-01-02"), 1);
    EXPECT_EQ(*parse_date("1969-12-31"), -1);
}

TEST(Date, LeapDays) {
    EXPECT_TRUE(parse_date("2016-02-29"));
    EXPECT_FALSE(parse_date("2017-02-29"));
    EXPECT_FALSE(parse_date("1900-02-29"));
    EXPECT_TRUE(parse_date("2000-02-29"));
    EXPECT_EQ(*parse_date("2016-03-01") - *parse_date("2016-02-28"), 2);
}

TEST(Date, RejectsMalformed) {
    for (const char* text :
         {"", "2016-1-01", "2016-13-01", "2016-00-10", "2016-04-31", "2016/01/01", "20160101",
          "2016-01-01 ", "２016-01-01", "2016-01-0a"}) {
        EXPECT_FALSE(parse_date(text)) << text;
    }
}

TEST(LocalTime, ParsesAndFormats) {
    auto t = parse_local_time("2017-02-01T17:00:00");
    ASSERT_TRUE(t);
    EXPECT_EQ(format_local_time(*t), "2017-02-01T17:00:00");
    EXPECT_EQ(day_of(*t), *parse_date("2017-02-01"));
    auto before_epoch = parse_local_time("1969-12-31T23:59:59");
    ASSERT_TRUE(before_epoch);
    EXPECT_EQ(day_of(*before_epoch), -1);
    EXPECT_EQ(format_local_time(*before_epoch), "1969-12-31T23:59:59");
}

TEST(LocalTime, RejectsMalformed) {
    for (const char* text :
         {"2017-02-01", "2017-02-01T24:00:00", "2017-02-01T17:60:00", "2017-02-01 17:00:00",
          "2017-02-01T17:00", "2017-02-30T10:00:00", "2017-02-01T17:00:00Z"}) {
        EXPECT_FALSE(parse_local_time(text)) << text;
    }
}

}  // namespace
}  // namespace samskab::core
