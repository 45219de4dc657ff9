#include "analytics/report.h"

#include <gtest/gtest.h>

#include "analytics/sample_report.h"

namespace samskab::analytics {
namespace {

using testing::day;
using testing::sample_dataset;
using testing::sample_request;

TEST(RenderReport, FromAfterToIsInvalid) {
    ReportRequest request = sample_request(Format::Json);
    request.period = {day("2017-03-01"), day("2017-02-01")};
    const auto da = render_report(sample_dataset(), request);
    ASSERT_FALSE(da.has_value());
    EXPECT_EQ(da.error().code, core::ErrorCode::Invalid);
    EXPECT_EQ(da.error().field, "--from");
    EXPECT_EQ(da.error().message,
              "--from: startdatoen 2017-03-01 ligger efter slutdatoen "
              "2017-02-01");
    request.lang = core::Lang::En;
    const auto en = render_report(sample_dataset(), request);
    ASSERT_FALSE(en.has_value());
    EXPECT_EQ(en.error().message,
              "--from: the start date 2017-03-01 is after the end date "
              "2017-02-01");
}

TEST(RenderReport, SingleDayPeriodIsValid) {
    ReportRequest request = sample_request(Format::Json);
    request.period = {day("2017-01-10"), day("2017-01-10")};
    EXPECT_TRUE(render_report(sample_dataset(), request).has_value());
}

TEST(RenderReport, KBelowOneIsInvalid) {
    ReportRequest request = sample_request(Format::Text, core::Lang::En);
    request.suppress_k = 0;
    const auto result = render_report(sample_dataset(), request);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, core::ErrorCode::Invalid);
    EXPECT_EQ(result.error().field, "--suppress");
    EXPECT_EQ(result.error().message, "--suppress: k must be at least 1, not 0");
    request.suppress_k = 1;
    EXPECT_TRUE(render_report(sample_dataset(), request).has_value());
}

TEST(RenderReport, UnknownScopeIsNotFound) {
    ReportRequest request = sample_request(Format::Csv);
    request.scope = {ScopeKind::Place, "x"};
    const auto da = render_report(sample_dataset(), request);
    ASSERT_FALSE(da.has_value());
    EXPECT_EQ(da.error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(da.error().message, "--place: ukendt sted \"x\"");
    request.scope = {ScopeKind::Partnership, "x"};
    request.lang = core::Lang::En;
    const auto en = render_report(sample_dataset(), request);
    ASSERT_FALSE(en.has_value());
    EXPECT_EQ(en.error().message, "--partnership: unknown partnership \"x\"");
}

TEST(RenderReport, ScopedReportsDiffer) {
    ReportRequest request = sample_request(Format::Csv);
    request.scope = {ScopeKind::Partnership, "insp"};
    const auto partnership = render_report(sample_dataset(), request);
    request.scope = {ScopeKind::All, ""};
    const auto all = render_report(sample_dataset(), request);
    ASSERT_TRUE(partnership.has_value() && all.has_value());
    // The sample has one partnership with one place: every scope sees the same data.
    EXPECT_EQ(*partnership, *all);
}

}  // namespace
}  // namespace samskab::analytics
