#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analytics/daily_shares.h"
#include "analytics/report_view.h"
#include "analytics/svg_chart.h"

namespace samskab::analytics {

// The charts of a report, made from its figures so that they show exactly what its tables show:
// a suppressed or undefined figure is a gap in the chart and "<5", "skjult" or "kan ikke
// beregnes" in the chart's table. `id_prefix` keeps the element ids of several charts on one
// page apart. Titles, axes and text alternatives are in the request's language.

// A short name of a slice for an axis: "2026", "K1 2026" / "Q1 2026", "jan. 2026" / "Jan 2026",
// after the calendar unit the slice starts in; the whole period for SliceBy::None.
std::string slice_label(Period period, SliceBy by, core::Lang lang);

// Line charts over the slices of `view`: the counts (participants, volunteers, active
// activities) and the shares (needing support, reached, occurrences with support, mean daily
// share). None when the view has fewer than two slices, since one point is no trend.
std::vector<Chart> trend_charts(const ReportView& view, std::string_view id_prefix);

// Bar charts of one slice: the entry channels of new participants, the roles of participants
// who need support, and the sizes of cause meetings.
std::vector<Chart> distribution_charts(const SliceFigures& slice, const ReportRequest& request,
                                       std::string_view id_prefix);

// The daily support share of one place over its place-days (`days`: that place's, by day),
// with the place's threshold as a line and the days over it highlighted.
Chart daily_share_chart(const std::vector<PlaceDayShare>& days, double threshold,
                        std::string_view place_name, core::Lang lang, std::string id);

// "Udvikling over tid" / "Trends over time": the heading over the trend charts.
std::string_view trends_heading(core::Lang lang);

// A day as "2.3.2026" (Danish) or "2/3/2026" (English).
std::string format_short_date(core::Day day, core::Lang lang);

}  // namespace samskab::analytics
