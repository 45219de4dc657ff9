#include <algorithm>
#include <map>

#include "analytics/daily_shares.h"
#include "analytics/describe.h"
#include "analytics/format.h"
#include "analytics/phrases.h"
#include "analytics/scope.h"
#include "analytics/svg_chart_report.h"
#include "web/http/services.h"
#include "web/pages/dashboard_pages.h"
#include "web/pages/host_pages_support.h"
#include "web/views/format.h"

namespace samskab::web::pages {

namespace {

using core::AccountRole;

constexpr std::string_view PARTNERSHIP_PREFIX = "partnership:";
constexpr std::string_view PLACE_PREFIX = "place:";

// The response for a scope value the viewer may not choose: 404 when it names nothing that
// exists, 403 when it names something outside the viewer's grants.
Response refused_scope(const RequestContext& ctx, const views::Templates& templates,
                       std::string_view value) {
    if (value.starts_with(PLACE_PREFIX)) {
        auto found = ctx.services.community.find_place(value.substr(PLACE_PREFIX.size()));
        if (!found) {
            return failure_page(ctx, templates, found.error());
        }
        return error_page(ctx, templates, *found ? 403 : 404);
    }
    if (value.starts_with(PARTNERSHIP_PREFIX)) {
        auto partnerships = ctx.services.community.list_partnerships();
        if (!partnerships) {
            return failure_page(ctx, templates, partnerships.error());
        }
        const std::string_view id = value.substr(PARTNERSHIP_PREFIX.size());
        const bool exists = std::any_of(partnerships->begin(), partnerships->end(),
                                        [&](const core::Partnership& p) { return p.id == id; });
        return error_page(ctx, templates, exists ? 403 : 404);
    }
    return error_page(ctx, templates, 404);
}

// Picks the query's "scope" among `choices` (or the first); `build` makes the chosen scope.
template <class Build>
ScopeChoice choose(const RequestContext& ctx, const views::Templates& templates,
                   std::vector<std::pair<std::string, std::string>> options, Build build) {
    ScopeChoice choice;
    choice.options = std::move(options);
    std::string value(ctx.request.query.value("scope"));
    if (value.empty() && !choice.options.empty()) {
        value = choice.options.front().first;
    }
    const auto found = std::find_if(choice.options.begin(), choice.options.end(),
                                    [&](const auto& option) { return option.first == value; });
    if (found == choice.options.end()) {
        choice.response = refused_scope(ctx, templates, value);
        return choice;
    }
    choice.chosen = build(found->first, found->second);
    return choice;
}

std::vector<core::PlaceView> dashboard_places_of(const std::vector<core::PlaceView>& places,
                                                 std::string_view partnership) {
    std::vector<core::PlaceView> result;
    for (const core::PlaceView& view : places) {
        if (partnership.empty() || view.place.partnership == partnership) {
            result.push_back(view);
        }
    }
    return result;
}

}  // namespace

ScopeChoice coordinator_scope(const RequestContext& ctx, const views::Templates& templates) {
    auto partnerships = partnerships_in_scope(ctx, AccountRole::Coordinator);
    auto places = places_in_scope(ctx, AccountRole::Coordinator);
    if (!partnerships || !places) {
        ScopeChoice failed;
        failed.response =
            failure_page(ctx, templates, !partnerships ? partnerships.error() : places.error());
        return failed;
    }
    std::vector<std::pair<std::string, std::string>> options;
    for (const core::Partnership& partnership : *partnerships) {
        if (may_act_for_partnership(ctx, AccountRole::Coordinator, partnership.id)) {
            options.emplace_back(std::string(PARTNERSHIP_PREFIX) + partnership.id,
                                 partnership.name + " – " + text_of(ctx, "dash_scope_partnership"));
        }
    }
    for (const core::PlaceView& view : *places) {
        options.emplace_back(std::string(PLACE_PREFIX) + view.place.id,
                             view.place.name + " (" + view.partnership_name + ")");
    }
    const std::vector<core::PlaceView> all_places = std::move(*places);
    return choose(ctx, templates, std::move(options),
                  [&](const std::string& value, const std::string& label) {
                      DashboardScope scope;
                      scope.value = value;
                      scope.name = label;
                      if (value.starts_with(PLACE_PREFIX)) {
                          const std::string id = value.substr(PLACE_PREFIX.size());
                          scope.scope = {analytics::ScopeKind::Place, id};
                          for (const core::PlaceView& view : all_places) {
                              if (view.place.id == id) {
                                  scope.places.push_back(view);
                              }
                          }
                      } else {
                          const std::string id = value.substr(PARTNERSHIP_PREFIX.size());
                          scope.scope = {analytics::ScopeKind::Partnership, id};
                          scope.places = dashboard_places_of(all_places, id);
                      }
                      return scope;
                  });
}

ScopeChoice analyst_scope(const RequestContext& ctx, const views::Templates& templates) {
    auto partnerships = ctx.services.community.list_partnerships();
    auto places = ctx.services.community.list_places();
    if (!partnerships || !places) {
        ScopeChoice failed;
        failed.response =
            failure_page(ctx, templates, !partnerships ? partnerships.error() : places.error());
        return failed;
    }
    std::sort(partnerships->begin(), partnerships->end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    std::vector<std::pair<std::string, std::string>> options{
        {"all", text_of(ctx, "dash_scope_all")}};
    for (const core::Partnership& partnership : *partnerships) {
        options.emplace_back(std::string(PARTNERSHIP_PREFIX) + partnership.id, partnership.name);
    }
    const std::vector<core::PlaceView> all_places = std::move(*places);
    return choose(ctx, templates, std::move(options),
                  [&](const std::string& value, const std::string& label) {
                      DashboardScope scope;
                      scope.value = value;
                      scope.name = label;
                      if (value.starts_with(PARTNERSHIP_PREFIX)) {
                          const std::string id = value.substr(PARTNERSHIP_PREFIX.size());
                          scope.scope = {analytics::ScopeKind::Partnership, id};
                          scope.places = dashboard_places_of(all_places, id);
                      } else {
                          scope.places = all_places;
                      }
                      return scope;
                  });
}

core::Result<core::Dataset> load_dataset(const RequestContext& ctx) {
    return ctx.services.store.load_dataset();
}

mstch::map chart_data(const analytics::Chart& chart, bool line) {
    return mstch::map{
        {"title", chart.title},
        {"svg", line ? analytics::render_line_chart(chart) : analytics::render_bar_chart(chart)},
        {"table", analytics::render_chart_table(chart)},
    };
}

mstch::array figure_sections(const analytics::SliceFigures& slice,
                             const analytics::ReportRequest& request) {
    mstch::array sections;
    const core::Lang lang = request.lang;
    for (size_t first = 0; first < slice.cells.size();) {
        const analytics::Section section = analytics::section_of(slice.cells[first]);
        mstch::array rows;
        size_t end = first;
        for (; end < slice.cells.size() && analytics::section_of(slice.cells[end]) == section;
             ++end) {
            const analytics::Cell& cell = slice.cells[end];
            rows.push_back(mstch::map{
                {"label", std::string(analytics::figure_label(lang, cell.key))},
                {"value", analytics::describe_value(cell, lang, request.suppress_k)},
                {"meaning",
                 pages::sentence(analytics::describe_meaning(cell, lang, request.suppress_k))},
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

void add_daily_shares(mstch::map& page, const RequestContext& ctx, const core::Dataset& data,
                      const DashboardScope& scope, analytics::Period period) {
    mstch::array charts;
    mstch::array warnings;
    auto resolved = analytics::resolve_scope(data, scope.scope, ctx.lang);
    if (resolved) {
        std::map<core::Dataset::Index, std::vector<analytics::PlaceDayShare>> by_place;
        for (const auto& row : analytics::daily_shares(data, *resolved, period)) {
            by_place[row.place].push_back(row);
        }
        // In the order of the scope's places (by name), which the page lists them in.
        for (const core::PlaceView& view : scope.places) {
            core::Dataset::Index index = core::Dataset::NONE;
            for (size_t i = 0; i < data.places.size(); ++i) {
                if (data.places[i].id == view.place.id) {
                    index = static_cast<core::Dataset::Index>(i);
                }
            }
            const auto found = by_place.find(index);
            if (index == core::Dataset::NONE || found == by_place.end()) {
                continue;
            }
            const std::vector<analytics::PlaceDayShare>& days = found->second;
            const double threshold = data.places[index].support_threshold;
            charts.push_back(chart_data(
                analytics::daily_share_chart(days, threshold, view.place.name, ctx.lang,
                                             "daily-" + std::to_string(charts.size() + 1)),
                true));
            mstch::array over;
            for (const analytics::PlaceDayShare& day : days) {
                if (day.over_threshold) {
                    over.push_back(mstch::map{
                        {"date", views::format_date(day.day, ctx.lang)},
                        {"share", analytics::format_percent(day.share, ctx.lang)},
                    });
                }
            }
            if (!over.empty()) {
                warnings.push_back(mstch::map{
                    {"place", view.place.name},
                    {"threshold", analytics::format_percent(threshold, ctx.lang)},
                    {"days", std::move(over)},
                });
            }
        }
    }
    page["has_daily"] = !charts.empty();
    page["daily_charts"] = std::move(charts);
    page["has_warnings"] = !warnings.empty();
    page["warnings"] = std::move(warnings);
}

}  // namespace samskab::web::pages
