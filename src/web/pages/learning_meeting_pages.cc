// The learning-meeting report: one half-year of a coordinator's partnership or place, printable,
// with the figures, their change since the previous half-year, charts, and the logbook.
#include <optional>
#include <string>

#include "analytics/describe.h"
#include "analytics/format.h"
#include "analytics/phrases.h"
#include "analytics/svg_chart_report.h"
#include "web/http/services.h"
#include "web/pages/dashboard_pages.h"
#include "web/pages/host_pages_support.h"
#include "web/pages/interview_pages.h"
#include "web/pages/logbook_pages.h"
#include "web/pages/survey_pages.h"
#include "web/views/format.h"

namespace samskab::web::pages {

namespace {

using core::AccountRole;

// How many half-years back the choice offers.
constexpr int HALF_YEAR_CHOICES = 8;

struct HalfYear {
    int year = 0;
    int half = 1;  // 1: January-June, 2: July-December

    analytics::Period period() const {
        return half == 1 ? analytics::Period{core::days_from_civil(year, 1, 1),
                                             core::days_from_civil(year, 6, 30)}
                         : analytics::Period{core::days_from_civil(year, 7, 1),
                                             core::days_from_civil(year, 12, 31)};
    }
    HalfYear previous() const { return half == 2 ? HalfYear{year, 1} : HalfYear{year - 1, 2}; }
    std::string value() const { return std::to_string(year) + "-H" + std::to_string(half); }
};

// "2026-H1" or "2026-H2", with a four-digit year.
std::optional<HalfYear> parse_half(std::string_view text) {
    if (text.size() != 7 || text.substr(4, 2) != "-H" || (text[6] != '1' && text[6] != '2')) {
        return std::nullopt;
    }
    int year = 0;
    for (char c : text.substr(0, 4)) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        year = year * 10 + (c - '0');
    }
    if (year < 1900) {
        return std::nullopt;
    }
    return HalfYear{year, text[6] - '0'};
}

// The last half-year that has ended before today.
HalfYear last_completed(core::Day today) {
    const core::Civil civil = core::civil_from_days(today);
    return civil.month >= 7 ? HalfYear{civil.year, 1} : HalfYear{civil.year - 1, 2};
}

// Per section: each figure then, now, and the change in words ("–" when either is withheld).
mstch::array change_sections(const analytics::SliceFigures& before,
                             const analytics::SliceFigures& now,
                             const analytics::ReportRequest& request, const RequestContext& ctx) {
    mstch::array sections;
    const core::Lang lang = request.lang;
    for (size_t first = 0; first < now.cells.size();) {
        const analytics::Section section = analytics::section_of(now.cells[first]);
        mstch::array rows;
        size_t end = first;
        for (; end < now.cells.size() && analytics::section_of(now.cells[end]) == section; ++end) {
            const analytics::Cell& cell = now.cells[end];
            std::string change = analytics::describe_change(before.cells[end], cell, lang);
            rows.push_back(mstch::map{
                {"label", std::string(analytics::figure_label(lang, cell.key))},
                {"before", analytics::describe_value(before.cells[end], lang, request.suppress_k)},
                {"now", analytics::describe_value(cell, lang, request.suppress_k)},
                {"change", change.empty() ? text_of(ctx, "learn_no_change") : change},
            });
        }
        sections.push_back(mstch::map{
            {"title", std::string(analytics::section_title(lang, section))},
            {"rows", std::move(rows)},
        });
        first = end;
    }
    return sections;
}

Response learning_meeting_page(RequestContext& ctx, const views::Templates& templates) {
    ScopeChoice choice = coordinator_scope(ctx, templates);
    if (choice.response) {
        return std::move(*choice.response);
    }
    if (!choice.chosen) {
        return error_page(ctx, templates, 403);
    }
    const DashboardScope& scope = *choice.chosen;
    const core::Day today = core::day_of(ctx.services.clock.now());
    const HalfYear latest = last_completed(today);
    std::vector<std::pair<std::string, std::string>> halves;
    HalfYear option = latest.half == 1 ? HalfYear{latest.year, 2} : HalfYear{latest.year + 1, 1};
    for (int i = 0; i < HALF_YEAR_CHOICES; ++i, option = option.previous()) {
        halves.emplace_back(option.value(), option.value());
    }
    const std::string_view typed = ctx.request.query.value("half");
    const std::optional<HalfYear> half = typed.empty() ? latest : parse_half(typed);
    mstch::map data{
        {"scope_options", select_options(choice.options, scope.value)},
        {"half_options", select_options(halves, half ? half->value() : std::string(typed))},
        {"has_figures", false},
    };
    if (!half) {
        add_form_errors(
            data, {field_problem(ctx, "half", "dash_field_half", text_of(ctx, "dash_error_half"))});
        return render_page(ctx, templates, "learn_title", "learning_meeting", std::move(data), 422);
    }
    auto dataset = load_dataset(ctx);
    if (!dataset) {
        return failure_page(ctx, templates, dataset.error());
    }
    // The partnership's own coordinators see its figures unsuppressed (INDICATORS.md).
    analytics::ReportRequest request;
    request.scope = scope.scope;
    request.lang = ctx.lang;
    request.period = half->period();
    auto now = analytics::make_report_view(*dataset, request);
    request.period = half->previous().period();
    auto before = analytics::make_report_view(*dataset, request);
    // The trend over both half-years, by quarter.
    request.period = {half->previous().period().from, half->period().to};
    request.by = analytics::SliceBy::Quarter;
    auto trend = analytics::make_report_view(*dataset, request);
    if (!now || !before || !trend) {
        return failure_page(ctx, templates,
                            !now      ? now.error()
                            : !before ? before.error()
                                      : trend.error());
    }

    mstch::array charts;
    for (const analytics::Chart& chart : analytics::trend_charts(*trend, "trend")) {
        charts.push_back(chart_data(chart, true));
    }
    mstch::array distributions;
    for (const analytics::Chart& chart :
         analytics::distribution_charts(now->slices.front(), now->request, "dist")) {
        distributions.push_back(chart_data(chart, false));
    }
    mstch::array logbook;
    for (const core::PlaceView& view : scope.places) {
        auto notes = ctx.services.community.logbook_notes(view.place.id, half->period().from,
                                                          half->period().to);
        if (!notes) {
            return failure_page(ctx, templates, notes.error());
        }
        mstch::array rows;
        for (auto it = notes->rbegin(); it != notes->rend(); ++it) {  // oldest first
            rows.push_back(mstch::map{{"date", views::format_date(it->day, ctx.lang)},
                                      {"author", it->author_name},
                                      {"text", it->text}});
        }
        logbook.push_back(mstch::map{
            {"place", view.place.name}, {"has_notes", !rows.empty()}, {"notes", std::move(rows)}});
    }

    // The partnership's own logbooks, summarised for the same half-year.
    auto logbook_summaries = learning_meeting_logbooks(ctx, scope.places, half->period());
    if (!logbook_summaries) {
        return failure_page(ctx, templates, logbook_summaries.error());
    }
    data["has_logbook_summaries"] = !logbook_summaries->empty();
    data["logbook_summaries"] = std::move(*logbook_summaries);

    const analytics::Period period = half->period();
    data["has_figures"] = true;
    data["scope_name"] = scope.name;
    data["half"] = half->value();
    data["period_text"] = analytics::format_period(period, ctx.lang);
    data["previous_text"] = analytics::format_period(half->previous().period(), ctx.lang);
    data["sections"] =
        change_sections(before->slices.front(), now->slices.front(), now->request, ctx);
    data["trends"] = std::move(charts);
    data["distributions"] = std::move(distributions);
    data["logbook"] = std::move(logbook);
    data["dashboard_href"] = with_query("/coordinator/dashboard", "scope", scope.value);
    add_daily_shares(data, ctx, *dataset, scope, period);
    // The interviews' themes and the promoters/inhibitors check belong to a whole partnership.
    if (scope.scope.kind == analytics::ScopeKind::Partnership) {
        if (auto added = add_evaluation_summary(data, ctx, scope.scope.id, period.from, period.to);
            !added) {
            return failure_page(ctx, templates, added.error());
        }
        if (auto added = add_survey_summary(data, ctx, scope.scope.id, period.from, period.to);
            !added) {
            return failure_page(ctx, templates, added.error());
        }
    }
    return render_page(ctx, templates, "learn_title", "learning_meeting", std::move(data));
}

}  // namespace

std::vector<Route> learning_meeting_routes(const views::Templates& templates) {
    const views::Templates* t = &templates;
    return {
        Route{Method::Get,
              "/coordinator/learning-meeting",
              false,
              false,
              {AccountRole::Coordinator},
              [t](RequestContext& ctx) { return learning_meeting_page(ctx, *t); }},
    };
}

}  // namespace samskab::web::pages
