#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <mstch/mstch.hpp>

#include "analytics/report_view.h"
#include "analytics/svg_chart.h"
#include "core/community.h"
#include "core/dataset.h"
#include "core/result.h"
#include "web/http/response.h"
#include "web/http/route.h"
#include "web/pages/page.h"
#include "web/views/templates.h"

// The pages of figures: the coordinator's and the analyst's dashboards (dashboard_pages.cc) and
// the learning-meeting report (learning_meeting_pages.cc), with what they share
// (dashboard_pages_support.cc). The figures are the reports' own (analytics/report_view.h), so a
// page shows what `samskab report` prints for the same scope and period.
namespace samskab::web::pages {

// What a page of figures covers, as the viewer chose it and the server checked it.
struct DashboardScope {
    analytics::Scope scope;
    std::string value;                    // the form value: "all", "partnership:ID", "place:ID"
    std::string name;                     // "INSP!", "Huset (INSP!)", "Alle partnerskaber"
    std::vector<core::PlaceView> places;  // the places covered, by name
};

// The viewer's choices of scope, and the chosen one (the query's "scope", else the first
// choice), or the response to send instead: 403 for a scope outside the viewer's grants, 404 for
// one that does not exist.
struct ScopeChoice {
    std::vector<std::pair<std::string, std::string>> options;  // {value, label}
    std::optional<DashboardScope> chosen;
    std::optional<Response> response;
};

// A coordinator's choices: each partnership they coordinate as a whole, and each of their places.
ScopeChoice coordinator_scope(const RequestContext& ctx, const views::Templates& templates);

// The analyst's choices: all partnerships together, or one of them.
ScopeChoice analyst_scope(const RequestContext& ctx, const views::Templates& templates);

// The store's dataset for this request. Loading reads every record; on the demo database it
// takes a few milliseconds (see the README), so it is done per request rather than cached, since
// the store offers no cheap marker of change to key a cache on.
core::Result<core::Dataset> load_dataset(const RequestContext& ctx);

// A chart as page data: "svg" and "table" (both escaped by the chart's renderer, to be written
// with {{{ }}}), "title".
mstch::map chart_data(const analytics::Chart& chart, bool line);

// The figures of `slice` grouped by section: [{title, rows: [{label, value, meaning}]}].
mstch::array figure_sections(const analytics::SliceFigures& slice,
                             const analytics::ReportRequest& request);

// The daily support share of each place in `scope` over `period` for the page: "daily_charts"
// (one per place with days), "warnings" ({place, threshold, days: [{date, share}]} for each place
// with days over its threshold) and "has_warnings". Coordinators only: it rests on single days.
void add_daily_shares(mstch::map& page, const RequestContext& ctx, const core::Dataset& data,
                      const DashboardScope& scope, analytics::Period period);

// Routes of the dashboards and the learning-meeting report.
std::vector<Route> dashboard_page_routes(const views::Templates& templates);
std::vector<Route> learning_meeting_routes(const views::Templates& templates);

}  // namespace samskab::web::pages
