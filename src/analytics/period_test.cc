#include "analytics/period.h"

#include <gtest/gtest.h>

#include "analytics/indicators.h"
#include "analytics/test_bundle.h"

namespace samskab::analytics {
namespace {

using testing::BundleBuilder;
using testing::day;

Period period(std::string_view from, std::string_view to) {
    return {day(from), day(to)};
}

void expect_slice(const Period& slice, std::string_view from, std::string_view to) {
    EXPECT_EQ(core::format_date(slice.from), from);
    EXPECT_EQ(core::format_date(slice.to), to);
}

TEST(SlicePeriod, NoneIsThePeriodItself) {
    const auto slices = slice_period(period("2017-03-05", "2018-02-01"), SliceBy::None);
    ASSERT_EQ(slices.size(), 1u);
    expect_slice(slices[0], "2017-03-05", "2018-02-01");
}

TEST(SlicePeriod, MonthsAreClippedAtBothEnds) {
    const auto slices = slice_period(period("2016-01-15", "2016-03-10"), SliceBy::Month);
    ASSERT_EQ(slices.size(), 3u);
    expect_slice(slices[0], "2016-01-15", "2016-01-31");
    expect_slice(slices[1], "2016-02-01", "2016-02-29");  // a leap year
    expect_slice(slices[2], "2016-03-01", "2016-03-10");
}

TEST(SlicePeriod, MonthsAcrossAYearEnd) {
    const auto slices = slice_period(period("2017-12-01", "2018-01-31"), SliceBy::Month);
    ASSERT_EQ(slices.size(), 2u);
    expect_slice(slices[0], "2017-12-01", "2017-12-31");
    expect_slice(slices[1], "2018-01-01", "2018-01-31");
}

TEST(SlicePeriod, ThreeYearsByMonthIs36Slices) {
    const auto slices = slice_period(period("2016-01-01", "2018-12-31"), SliceBy::Month);
    ASSERT_EQ(slices.size(), 36u);
    for (size_t i = 1; i < slices.size(); ++i) {
        EXPECT_EQ(slices[i].from, slices[i - 1].to + 1);
    }
    expect_slice(slices[1], "2016-02-01", "2016-02-29");
    expect_slice(slices[13], "2017-02-01", "2017-02-28");
}

TEST(SlicePeriod, Quarters) {
    const auto slices = slice_period(period("2017-02-10", "2017-11-30"), SliceBy::Quarter);
    ASSERT_EQ(slices.size(), 4u);
    expect_slice(slices[0], "2017-02-10", "2017-03-31");
    expect_slice(slices[1], "2017-04-01", "2017-06-30");
    expect_slice(slices[2], "2017-07-01", "2017-09-30");
    expect_slice(slices[3], "2017-10-01", "2017-11-30");
}

TEST(SlicePeriod, QuarterAcrossAYearEnd) {
    const auto slices = slice_period(period("2017-11-01", "2018-01-05"), SliceBy::Quarter);
    ASSERT_EQ(slices.size(), 2u);
    expect_slice(slices[0], "2017-11-01", "2017-12-31");
    expect_slice(slices[1], "2018-01-01", "2018-01-05");
}

TEST(SlicePeriod, Years) {
    const auto slices = slice_period(period("2016-06-01", "2018-03-31"), SliceBy::Year);
    ASSERT_EQ(slices.size(), 3u);
    expect_slice(slices[0], "2016-06-01", "2016-12-31");
    expect_slice(slices[1], "2017-01-01", "2017-12-31");
    expect_slice(slices[2], "2018-01-01", "2018-03-31");
}

TEST(SlicePeriod, SingleDay) {
    const auto slices = slice_period(period("2016-02-29", "2016-02-29"), SliceBy::Month);
    ASSERT_EQ(slices.size(), 1u);
    expect_slice(slices[0], "2016-02-29", "2016-02-29");
}

TEST(SlicePeriod, MonthBoundaryBetweenJanuary31AndFebruary1) {
    BundleBuilder b;
    b.partnership("p").place("h", "p").person("a").person("b").activity("x", "h");
    b.occurrence("jan", "x", "2017-01-31").occurrence("feb", "x", "2017-02-01");
    b.participation("a", "jan").participation("a", "feb").participation("b", "feb");
    const auto data = b.dataset();
    const ResolvedScope all{{1}, {1}};
    const IndicatorEngine engine(data, all);
    const auto slices = slice_period(period("2017-01-01", "2017-02-28"), SliceBy::Month);
    ASSERT_EQ(slices.size(), 2u);
    const Indicators january = engine.compute(slices[0]);
    const Indicators february = engine.compute(slices[1]);
    EXPECT_EQ(january.occurrences, 1);
    EXPECT_EQ(january.participations, 1);
    EXPECT_EQ(january.participants, 1);
    EXPECT_EQ(february.occurrences, 1);
    EXPECT_EQ(february.participations, 2);
    EXPECT_EQ(february.participants, 2);
}

}  // namespace
}  // namespace samskab::analytics
