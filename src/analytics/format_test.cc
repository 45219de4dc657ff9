#include "analytics/format.h"

#include <gtest/gtest.h>

#include "analytics/test_bundle.h"

namespace samskab::analytics {
namespace {

using core::Lang;
using testing::day;

TEST(Format, CountsWithThousandsSeparators) {
    EXPECT_EQ(format_count(0, Lang::Da), "0");
    EXPECT_EQ(format_count(999, Lang::Da), "999");
    EXPECT_EQ(format_count(1000, Lang::Da), "1.000");
    EXPECT_EQ(format_count(1234567, Lang::Da), "1.234.567");
    EXPECT_EQ(format_count(1234567, Lang::En), "1,234,567");
    EXPECT_EQ(format_count(-4500, Lang::Da), "-4.500");
}

TEST(Format, PercentagesInDanishAndEnglish) {
    EXPECT_EQ(format_percent(0.305, Lang::Da), "30,5 %");
    EXPECT_EQ(format_percent(0.3, Lang::Da), "30 %");
    EXPECT_EQ(format_percent(2.0 / 3.0, Lang::Da), "66,7 %");
    EXPECT_EQ(format_percent(1.0, Lang::Da), "100 %");
    EXPECT_EQ(format_percent(0.0, Lang::Da), "0 %");
    EXPECT_EQ(format_percent(0.305, Lang::En), "30.5%");
    EXPECT_EQ(format_percent(0.25, Lang::En), "25%");
}

TEST(Format, Decimals) {
    EXPECT_EQ(format_decimal(-1.0 / 6.0, 2, Lang::Da), "-0,17");
    EXPECT_EQ(format_decimal(0.5, 2, Lang::En), "0.50");
    EXPECT_EQ(format_decimal(-0.001, 2, Lang::Da), "0,00");
}

TEST(Format, LongDates) {
    EXPECT_EQ(format_date_long(day("2017-01-01"), Lang::Da), "1. januar 2017");
    EXPECT_EQ(format_date_long(day("2016-02-29"), Lang::Da), "29. februar 2016");
    EXPECT_EQ(format_date_long(day("2018-12-31"), Lang::En), "31 December 2018");
    EXPECT_EQ(format_period({day("2017-01-01"), day("2017-03-31")}, Lang::Da),
              "1. januar 2017 – 31. marts 2017");
    EXPECT_EQ(format_period({day("2017-05-01"), day("2017-05-01")}, Lang::En), "1 May 2017");
}

TEST(Format, CsvNumbers) {
    EXPECT_EQ(format_csv_number(12), "12");
    EXPECT_EQ(format_csv_number(0.4), "0,4");
    EXPECT_EQ(format_csv_number(1.0 / 3.0), "0,3333333333");
    EXPECT_EQ(format_csv_number(1.5), "1,5");
    EXPECT_EQ(format_csv_number(-1.0 / 6.0), "-0,1666666667");
    EXPECT_EQ(format_csv_number(0.00001), "0,00001");
}

TEST(Format, CellValues) {
    EXPECT_EQ(format_cell_value({"participants", CellKind::Count, 1500.0}, Lang::Da), "1.500");
    EXPECT_EQ(format_cell_value({"support_share", CellKind::Share, 0.25}, Lang::Da), "25 %");
    EXPECT_EQ(format_cell_value({"bridging.mean_ei", CellKind::Index, 0.25}, Lang::Da), "0,25");
    EXPECT_EQ(format_cell_value({"meetings.size_median", CellKind::Size, 4.5}, Lang::Da), "4,5");
    EXPECT_EQ(format_cell_value({"meetings.size_median", CellKind::Size, 4.0}, Lang::En), "4");
}

}  // namespace
}  // namespace samskab::analytics
