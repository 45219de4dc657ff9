#include <string>

#include "analytics/format.h"
#include "analytics/suppression.h"
#include "analytics/svg_chart_report.h"
#include "web/http/services.h"
#include "web/pages/dashboard_pages.h"
#include "web/pages/host_pages_support.h"

namespace samskab::web::pages {

namespace {

using core::AccountRole;

// A longer period would make hundreds of quarters; ten years is more than any learning cycle.
constexpr core::Day MAX_PERIOD_DAYS = 3653;

// The period and trend unit of the query, or the errors of its fields. Defaults: the current
// calendar year, by quarter.
struct PeriodChoice {
    analytics::Period period;
    analytics::SliceBy by = analytics::SliceBy::Quarter;
    std::string from_text;
    std::string to_text;
    std::string by_value = "quarter";
    std::vector<FieldError> errors;
};

PeriodChoice read_period(const RequestContext& ctx) {
    const core::Civil today = core::civil_from_days(core::day_of(ctx.services.clock.now()));
    PeriodChoice choice;
    choice.period = {core::days_from_civil(today.year, 1, 1),
                     core::days_from_civil(today.year, 12, 31)};
    auto read_day = [&](std::string_view field, std::string_view label, core::Day& day,
                        std::string& shown) {
        const std::string_view typed = ctx.request.query.value(field);
        if (typed.empty()) {
            shown = core::format_date(day);
            return;
        }
        // A date input shows only an ISO date; what did not parse is shown as typed.
        shown = std::string(typed);
        if (auto parsed = parse_form_date(typed)) {
            day = *parsed;
            shown = core::format_date(day);
        } else {
            choice.errors.push_back(
                field_problem(ctx, std::string(field), label, text_of(ctx, "coord_error_date")));
        }
    };
    read_day("from", "dash_field_from", choice.period.from, choice.from_text);
    read_day("to", "dash_field_to", choice.period.to, choice.to_text);
    if (choice.errors.empty() && (choice.period.to < choice.period.from ||
                                  choice.period.to - choice.period.from > MAX_PERIOD_DAYS)) {
        choice.errors.push_back(
            field_problem(ctx, "to", "dash_field_to", text_of(ctx, "dash_error_period")));
    }
    const std::string_view by = ctx.request.query.value("by");
    if (by == "year") {
        choice.by = analytics::SliceBy::Year;
        choice.by_value = "year";
    } else if (!by.empty() && by != "quarter") {
        choice.errors.push_back(
            field_problem(ctx, "by", "dash_field_by", text_of(ctx, "coord_error_choose")));
    }
    return choice;
}

Response dashboard_page(RequestContext& ctx, const views::Templates& templates, bool analyst) {
    ScopeChoice choice =
        analyst ? analyst_scope(ctx, templates) : coordinator_scope(ctx, templates);
    if (choice.response) {
        return std::move(*choice.response);
    }
    if (!choice.chosen) {
        return error_page(ctx, templates, 403);
    }
    const DashboardScope& scope = *choice.chosen;
    const PeriodChoice period = read_period(ctx);
    mstch::map data{
        {"action", std::string(analyst ? "/analyst/dashboard" : "/coordinator/dashboard")},
        {"analyst", analyst},
        {"scope_options", select_options(choice.options, scope.value)},
        {"from", period.from_text},
        {"to", period.to_text},
        {"by_options", select_options({{"quarter", text_of(ctx, "dash_by_quarter")},
                                       {"year", text_of(ctx, "dash_by_year")}},
                                      period.by_value)},
        {"has_figures", false},
    };
    if (!period.errors.empty()) {
        add_form_errors(data, period.errors);
        return render_page(ctx, templates, analyst ? "dash_analyst_title" : "dash_title",
                           "dashboard", std::move(data), 422);
    }
    auto dataset = load_dataset(ctx);
    if (!dataset) {
        return failure_page(ctx, templates, dataset.error());
    }
    analytics::ReportRequest request;
    request.period = period.period;
    request.scope = scope.scope;
    request.lang = ctx.lang;
    if (analyst) {
        // The analyst is outside every partnership: small cells are suppressed (INDICATORS.md).
        request.suppress_k = analytics::DEFAULT_SUPPRESSION_K;
    }
    auto totals = analytics::make_report_view(*dataset, request);
    request.by = period.by;
    auto trend = analytics::make_report_view(*dataset, request);
    if (!totals || !trend) {
        return failure_page(ctx, templates, !totals ? totals.error() : trend.error());
    }
    mstch::array trends;
    for (const analytics::Chart& chart : analytics::trend_charts(*trend, "trend")) {
        trends.push_back(chart_data(chart, true));
    }
    mstch::array distributions;
    for (const analytics::Chart& chart :
         analytics::distribution_charts(totals->slices.front(), totals->request, "dist")) {
        distributions.push_back(chart_data(chart, false));
    }
    data["has_figures"] = true;
    data["scope_name"] = scope.name;
    data["period_text"] = analytics::format_period(period.period, ctx.lang);
    data["sections"] = figure_sections(totals->slices.front(), totals->request);
    data["has_trends"] = !trends.empty();
    data["trends"] = std::move(trends);
    data["distributions"] = std::move(distributions);
    if (analyst) {
        data["has_daily"] = false;
        data["has_warnings"] = false;
    } else {
        add_daily_shares(data, ctx, *dataset, scope, period.period);
        data["learning_href"] = with_query("/coordinator/learning-meeting", "scope", scope.value);
    }
    return render_page(ctx, templates, analyst ? "dash_analyst_title" : "dash_title", "dashboard",
                       std::move(data));
}

}  // namespace

std::vector<Route> dashboard_page_routes(const views::Templates& templates) {
    const views::Templates* t = &templates;
    return {
        Route{Method::Get,
              "/coordinator/dashboard",
              false,
              false,
              {AccountRole::Coordinator},
              [t](RequestContext& ctx) { return dashboard_page(ctx, *t, false); }},
        Route{Method::Get,
              "/analyst/dashboard",
              false,
              false,
              {AccountRole::Analyst},
              [t](RequestContext& ctx) { return dashboard_page(ctx, *t, true); }},
    };
}

std::vector<Route> dashboard_routes(const views::Templates& templates) {
    std::vector<Route> routes = dashboard_page_routes(templates);
    for (Route& route : learning_meeting_routes(templates)) {
        routes.push_back(std::move(route));
    }
    return routes;
}

}  // namespace samskab::web::pages
