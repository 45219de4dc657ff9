#include "web/pages/host_pages_support.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "web/http/http_parsing.h"
#include "web/http/services.h"
#include "web/i18n/catalogue.h"
#include "web/views/format.h"

namespace samskab::web::pages {

namespace {

// A whole number of at most `max_digits` ASCII digits.
std::optional<int> small_number(std::string_view text, std::size_t max_digits) {
    if (text.empty() || text.size() > max_digits ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
    }
    int value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

bool place_in_scope(const core::RoleScope& scope, const core::Place& place) {
    return scope.everywhere ||
           std::find(scope.places.begin(), scope.places.end(), place.id) != scope.places.end() ||
           std::find(scope.partnerships.begin(), scope.partnerships.end(), place.partnership) !=
               scope.partnerships.end();
}

}  // namespace

std::string text_of(const RequestContext& ctx, std::string_view key) {
    return std::string(text(ctx, key));
}

bool may_act_at(const RequestContext& ctx, core::AccountRole role, const core::Place& place) {
    return ctx.principal && core::has_role_at(*ctx.principal, role, place.partnership, place.id);
}

bool may_act_for_partnership(const RequestContext& ctx, core::AccountRole role,
                             std::string_view partnership) {
    return ctx.principal && core::has_role_at(*ctx.principal, role, partnership, "");
}

core::Result<std::vector<core::PlaceView>> places_in_scope(const RequestContext& ctx,
                                                           core::AccountRole role) {
    if (!ctx.principal) {
        return std::vector<core::PlaceView>{};
    }
    const core::RoleScope scope = core::scope_of(*ctx.principal, role);
    auto places = ctx.services.community.list_places();
    if (!places) {
        return tl::unexpected(places.error());
    }
    std::vector<core::PlaceView> result;
    for (core::PlaceView& view : *places) {
        if (place_in_scope(scope, view.place)) {
            result.push_back(std::move(view));
        }
    }
    std::sort(result.begin(), result.end(), [](const auto& a, const auto& b) {
        return a.place.name != b.place.name ? a.place.name < b.place.name : a.place.id < b.place.id;
    });
    return result;
}

core::Result<std::vector<core::Partnership>> partnerships_in_scope(const RequestContext& ctx,
                                                                   core::AccountRole role) {
    if (!ctx.principal) {
        return std::vector<core::Partnership>{};
    }
    const core::RoleScope scope = core::scope_of(*ctx.principal, role);
    auto partnerships = ctx.services.community.list_partnerships();
    if (!partnerships) {
        return tl::unexpected(partnerships.error());
    }
    std::vector<std::string> touched = scope.partnerships;
    if (!scope.places.empty()) {
        auto places = ctx.services.community.list_places();
        if (!places) {
            return tl::unexpected(places.error());
        }
        for (const core::PlaceView& view : *places) {
            if (place_in_scope(scope, view.place)) {
                touched.push_back(view.place.partnership);
            }
        }
    }
    std::vector<core::Partnership> result;
    for (core::Partnership& partnership : *partnerships) {
        if (scope.everywhere ||
            std::find(touched.begin(), touched.end(), partnership.id) != touched.end()) {
            result.push_back(std::move(partnership));
        }
    }
    std::sort(result.begin(), result.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    return result;
}

std::string weekday_name(int weekday, core::Lang lang) {
    return std::string(i18n::text(lang, "weekday_" + std::to_string(weekday)));
}

std::string format_day_short(core::Day day, core::Lang lang) {
    const core::Civil civil = core::civil_from_days(day);
    return lang == core::Lang::Da ? fmt::format("{}.{}.{}", civil.day, civil.month, civil.year)
                                  : fmt::format("{}/{}/{}", civil.day, civil.month, civil.year);
}

std::string format_minutes(int minutes, core::Lang lang) {
    return fmt::format("{:02}{}{:02}", minutes / 60, lang == core::Lang::Da ? '.' : ':',
                       minutes % 60);
}

std::string format_time_span(core::LocalTime start, core::LocalTime end, core::Lang lang) {
    return views::format_clock(start, lang) + "–" + views::format_clock(end, lang);
}

std::optional<core::Day> parse_form_date(std::string_view text) {
    if (auto iso = core::parse_date(text)) {
        return iso;
    }
    // Day, month and year separated by the same mark, as Danes write them.
    for (char mark : {'.', '-', '/'}) {
        const std::size_t first = text.find(mark);
        if (first == std::string_view::npos) {
            continue;
        }
        const std::size_t second = text.find(mark, first + 1);
        if (second == std::string_view::npos) {
            return std::nullopt;
        }
        auto day = small_number(text.substr(0, first), 2);
        auto month = small_number(text.substr(first + 1, second - first - 1), 2);
        auto year = small_number(text.substr(second + 1), 4);
        if (!day || !month || !year || text.size() - second - 1 != 4 || *month < 1 || *month > 12 ||
            *day < 1) {
            return std::nullopt;
        }
        const core::Day value = core::days_from_civil(*year, *month, 1) + *day - 1;
        if (core::civil_from_days(value).month != *month) {
            return std::nullopt;
        }
        return value;
    }
    return std::nullopt;
}

std::optional<int> parse_form_clock(std::string_view text) {
    std::size_t mark = text.find(':');
    if (mark == std::string_view::npos) {
        mark = text.find('.');
    }
    if (mark == std::string_view::npos) {
        return std::nullopt;
    }
    auto hours = small_number(text.substr(0, mark), 2);
    const std::string_view minute_text = text.substr(mark + 1);
    auto minutes = small_number(minute_text, 2);
    if (!hours || !minutes || minute_text.size() != 2 || *minutes > 59) {
        return std::nullopt;
    }
    if (*hours > 24 || (*hours == 24 && *minutes != 0)) {
        return std::nullopt;
    }
    return *hours * 60 + *minutes;
}

std::optional<double> parse_form_decimal(std::string_view text) {
    std::string normal(text);
    std::replace(normal.begin(), normal.end(), ',', '.');
    if (normal.empty() || normal.size() > 32 || normal.front() == '+' ||
        std::count(normal.begin(), normal.end(), '.') > 1) {
        return std::nullopt;
    }
    double value = 0;
    auto [end, error] = std::from_chars(normal.data(), normal.data() + normal.size(), value,
                                        std::chars_format::fixed);
    if (error != std::errc() || end != normal.data() + normal.size() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

FieldError field_problem(const RequestContext& ctx, std::string field, std::string_view label_key,
                         std::string_view predicate) {
    return FieldError{std::move(field), fmt::format("{} {}", text_of(ctx, label_key), predicate)};
}

FieldError field_missing(const RequestContext& ctx, std::string field, std::string_view label_key) {
    return field_problem(ctx, std::move(field), label_key,
                         core::message(ctx.lang, core::Msg::Required));
}

core::Result<void> log_listing(const RequestContext& ctx) {
    core::AccessEntry entry;
    entry.at = ctx.services.clock.now();
    entry.actor = ctx.principal ? ctx.principal->account : 0;
    entry.action = "view";
    entry.detail = (ctx.request.method == Method::Post ? "POST " : "GET ") + request_target(ctx);
    return ctx.services.accounts.log_access(entry);
}

Response failure_page(const RequestContext& ctx, const views::Templates& templates,
                      const core::Error& error) {
    switch (error.code) {
        case core::ErrorCode::NotFound:
            return error_page(ctx, templates, 404);
        case core::ErrorCode::Conflict:
            return error_page(ctx, templates, 409);
        case core::ErrorCode::Forbidden:
            return error_page(ctx, templates, 403);
        case core::ErrorCode::Invalid:
        case core::ErrorCode::Usage:
            return error_page(ctx, templates, 400);
        case core::ErrorCode::Storage:
            break;
    }
    return error_page(ctx, templates, 500);
}

std::string request_target(const RequestContext& ctx) {
    std::string target = ctx.request.path;
    char separator = '?';
    for (const auto& [name, value] : ctx.request.query.items()) {
        target += separator;
        target += percent_encode(name);
        target += '=';
        target += percent_encode(value);
        separator = '&';
    }
    return target;
}

std::string with_query(std::string_view path, std::string_view name, std::string_view value) {
    std::string out(path);
    out += out.find('?') == std::string::npos ? '?' : '&';
    out += percent_encode(name);
    out += '=';
    out += percent_encode(value);
    return out;
}

mstch::array select_options(const std::vector<std::pair<std::string, std::string>>& values,
                            std::string_view selected) {
    mstch::array options;
    for (const auto& [value, label] : values) {
        options.push_back(
            mstch::map{{"value", value}, {"label", label}, {"selected", value == selected}});
    }
    return options;
}

}  // namespace samskab::web::pages
