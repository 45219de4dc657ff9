#include "analytics/svg_chart_report.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "analytics/sample_report.h"

namespace samskab::analytics {
namespace {

using testing::day;
using ::testing::HasSubstr;
using testing::sample_dataset;
using testing::sample_request;

ReportView view_of(const ReportRequest& request) {
    auto view = make_report_view(sample_dataset(), request);
    EXPECT_TRUE(view.has_value());
    return *view;
}

TEST(SvgChartReport, SliceLabels) {
    const Period q2{day("2026-04-01"), day("2026-06-30")};
    EXPECT_EQ(slice_label(q2, SliceBy::Year, core::Lang::Da), "2026");
    EXPECT_EQ(slice_label(q2, SliceBy::Quarter, core::Lang::Da), "K2 2026");
    EXPECT_EQ(slice_label(q2, SliceBy::Quarter, core::Lang::En), "Q2 2026");
    EXPECT_EQ(slice_label(q2, SliceBy::Month, core::Lang::Da), "apr. 2026");
    EXPECT_EQ(slice_label(q2, SliceBy::Month, core::Lang::En), "Apr 2026");
    EXPECT_EQ(slice_label(q2, SliceBy::None, core::Lang::Da), "1. april 2026 – 30. juni 2026");
    EXPECT_EQ(format_short_date(day("2026-03-02"), core::Lang::Da), "2.3.2026");
    EXPECT_EQ(format_short_date(day("2026-03-02"), core::Lang::En), "2/3/2026");
}

TEST(SvgChartReport, NoTrendFromOneSlice) {
    EXPECT_TRUE(trend_charts(view_of(sample_request(Format::Html)), "x").empty());
}

TEST(SvgChartReport, TrendsFollowTheFigures) {
    const ReportView view = view_of(sample_request(Format::Html, core::Lang::Da, SliceBy::Month));
    const auto charts = trend_charts(view, "t");
    ASSERT_EQ(charts.size(), 2u);
    const Chart& counts = charts[0];
    EXPECT_EQ(counts.id, "t-trend-counts");
    EXPECT_EQ(counts.categories, (std::vector<std::string>{"jan. 2017", "feb. 2017"}));
    ASSERT_EQ(counts.series.size(), 3u);
    EXPECT_EQ(counts.series[0].label, "Deltagere");
    EXPECT_EQ(counts.series[0].points[0].value, 10.0);  // January: 10 participants
    EXPECT_EQ(counts.series[0].points[1].value, 15.0);  // February: 15
    EXPECT_EQ(counts.series[0].points[1].text, "15");
    const Chart& shares = charts[1];
    EXPECT_EQ(shares.unit, ChartUnit::Share);
    EXPECT_EQ(shares.series[0].points[0].text, "30 %");
    EXPECT_THAT(shares.description, HasSubstr("fra jan. 2017 til feb. 2017"));
}

TEST(SvgChartReport, SuppressedFiguresAreGaps) {
    ReportRequest request = sample_request(Format::Html, core::Lang::En, SliceBy::Month);
    request.suppress_k = 5;
    const auto charts = trend_charts(view_of(request), "t");
    ASSERT_EQ(charts.size(), 2u);
    // Volunteers: none in January, a count below k.
    const ChartPoint& volunteers = charts[0].series[1].points[0];
    EXPECT_FALSE(volunteers.value.has_value());
    EXPECT_EQ(volunteers.text, "<5");
    // The support share of January rests on 3 people: hidden, and not drawn.
    const ChartPoint& share = charts[1].series[0].points[0];
    EXPECT_FALSE(share.value.has_value());
    EXPECT_EQ(share.text, "hidden");
    EXPECT_THAT(render_line_chart(charts[1]), ::testing::Not(HasSubstr(">30%</text>")));
}

TEST(SvgChartReport, Distributions) {
    const ReportView view = view_of(sample_request(Format::Html));
    const auto charts = distribution_charts(view.slices[0], view.request, "s");
    ASSERT_EQ(charts.size(), 3u);
    const Chart& entry = charts[0];
    EXPECT_EQ(entry.id, "s-entry");
    EXPECT_EQ(entry.categories.size(), 6u);
    EXPECT_EQ(entry.categories[0], "Via følgeperson");
    EXPECT_EQ(entry.series[0].points[0].value, 3.0);  // s0..s2 via companion
    EXPECT_EQ(entry.series[0].points[2].value, 7.0);  // s3..s9 via the coordinator
    EXPECT_EQ(entry.series[0].points[3].value, 7.0);  // n0..n6 via network
    EXPECT_THAT(entry.description, HasSubstr("Via følgeperson: 3"));
    EXPECT_EQ(charts[1].unit, ChartUnit::Share);
    const Chart& meetings = charts[2];
    EXPECT_EQ(meetings.unit, ChartUnit::Size);
    EXPECT_EQ(meetings.series[0].points[1].value, 2.0);  // one meeting of two
}

TEST(SvgChartReport, DailyChartMarksTheDaysOverThreshold) {
    const std::vector<PlaceDayShare> days = {
        {0, day("2026-03-02"), 4, 1, 0.25, true},
        {0, day("2026-03-03"), 5, 1, 0.2, false},
    };
    const Chart chart = daily_share_chart(days, 0.2, "Huset", core::Lang::Da, "d");
    EXPECT_EQ(chart.title, "Daglig andel med støttebehov: Huset");
    EXPECT_EQ(chart.threshold, 0.2);
    EXPECT_EQ(chart.threshold_label, "Støttegrænse 20 %");
    EXPECT_EQ(chart.categories, (std::vector<std::string>{"2.3.2026", "3.3.2026"}));
    EXPECT_TRUE(chart.series[0].points[0].highlight);
    EXPECT_EQ(chart.series[0].points[0].text, "25 % (1 af 4) – over grænsen");
    EXPECT_FALSE(chart.series[0].points[1].highlight);
    EXPECT_EQ(chart.description,
              "Linjediagram over 2 dage med brugere fra 2. marts 2026 til 3. marts 2026; 1 af dem "
              "over støttegrænsen på 20 %, markeret med en trekant.");
    const Chart none = daily_share_chart({}, 0.2, "Huset", core::Lang::En, "d");
    EXPECT_EQ(none.description, "No days with users in the period at Huset.");
}

}  // namespace
}  // namespace samskab::analytics
