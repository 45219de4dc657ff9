#include <map>
#include <string>

#include "web/http/services.h"
#include "web/pages/host_pages.h"
#include "web/pages/host_pages_support.h"
#include "web/pages/page.h"
#include "web/pages/privacy_support.h"
#include "web/views/format.h"

namespace samskab::web::pages {

namespace {

using core::AccountRole;

// The rota shows, and lets hosts change, today and the next four weeks.
constexpr int ROTA_DAYS = 28;

std::string rota_link(std::string_view place) {
    return with_query("/host/rota", "place", place);
}

// The hosts of the days in the window, by day; a day nobody hosts is absent.
core::Result<std::map<core::Day, core::PersonSummary>> hosts_of(const RequestContext& ctx,
                                                                std::string_view place,
                                                                core::Day from) {
    auto days = ctx.services.community.rota(place, from, from + ROTA_DAYS - 1);
    if (!days) {
        return tl::unexpected(days.error());
    }
    std::map<core::Day, core::PersonSummary> hosts;
    for (core::RotaDay& day : *days) {
        if (day.host) {
            hosts.emplace(day.day, std::move(*day.host));
        }
    }
    return hosts;
}

Response rota_response(const RequestContext& ctx, const views::Templates& templates,
                       const HostPlace& host, const std::vector<FieldError>& errors = {}) {
    const core::Day today = ctx.services.clock.today();
    auto hosts = hosts_of(ctx, host.place->place.id, today);
    if (!hosts) {
        return failure_page(ctx, templates, hosts.error());
    }
    const std::string& me = ctx.principal->person;
    std::vector<std::pair<std::string, std::string>> all_days;
    for (core::Day day = today; day < today + ROTA_DAYS; ++day) {
        all_days.emplace_back(core::format_date(day), views::format_day(day, ctx.lang));
    }
    mstch::array rows;
    for (core::Day day = today; day < today + ROTA_DAYS; ++day) {
        const auto found = hosts->find(day);
        const bool free = found == hosts->end();
        const bool mine = !free && !me.empty() && found->second.id == me;
        mstch::map row{{"day", core::format_date(day)},
                       {"day_text", views::format_day(day, ctx.lang)},
                       {"free", free},
                       {"mine", mine},
                       {"can_take", free && !me.empty()},
                       {"host_name", free ? std::string() : found->second.name}};
        if (mine) {
            std::vector<std::pair<std::string, std::string>> others;
            for (const auto& option : all_days) {
                if (option.first != core::format_date(day)) {
                    others.push_back(option);
                }
            }
            row["swap_options"] = select_options(others, "");
        }
        rows.push_back(std::move(row));
    }
    const mstch::array places = place_links(host, "/host/rota");
    mstch::map data{
        {"page_title", text_of(ctx, "host_rota_title") + " – " + host.place->place.name},
        {"place_id", host.place->place.id},
        {"rows", rows},
        {"has_person", !me.empty()},
        {"has_other_places", !places.empty()},
        {"other_places", places},
        {"today_href", with_query("/host/today", "place", host.place->place.id)}};
    // The rota names the hosts: a listing of people, logged per host shown (not the
    // principal's own days).
    std::vector<std::string> shown;
    for (const auto& [day, person] : *hosts) {
        shown.push_back(person.id);
    }
    if (auto logged = log_person_views(ctx, shown); !logged) {
        return failure_page(ctx, templates, logged.error());
    }
    int status = 200;
    if (!errors.empty()) {
        add_form_errors(data, errors);
        status = 422;
    }
    return render_page(ctx, templates, "host_rota_title", "host_rota", std::move(data), status);
}

// A day of the window named by a form field, or the error to show.
std::optional<core::Day> window_day(const RequestContext& ctx, std::string_view text) {
    const core::Day today = ctx.services.clock.today();
    auto day = core::parse_date(text);
    if (!day || *day < today || *day >= today + ROTA_DAYS) {
        return std::nullopt;
    }
    return day;
}

FieldError rota_error(const RequestContext& ctx, std::string_view key) {
    return FieldError{"rota", text_of(ctx, key)};
}

Response rota_page(RequestContext& ctx, const views::Templates& templates) {
    HostPlace host =
        resolve_host_place(ctx, templates, ctx.request.query.value("place"), "/host/rota");
    if (host.response) {
        return std::move(*host.response);
    }
    return rota_response(ctx, templates, host);
}

Response take_day(RequestContext& ctx, const views::Templates& templates) {
    const Params form = form_of(ctx);
    HostPlace host = resolve_host_place(ctx, templates, form.value("place"), "/host/rota");
    if (host.response) {
        return std::move(*host.response);
    }
    const std::string& me = ctx.principal->person;
    if (me.empty()) {
        return rota_response(ctx, templates, host, {rota_error(ctx, "host_error_no_person")});
    }
    auto day = window_day(ctx, form.value("day"));
    if (!day) {
        return rota_response(ctx, templates, host, {rota_error(ctx, "host_error_bad_day")});
    }
    auto taken = ctx.services.community.take_rota_day(host.place->place.id, *day, me);
    if (!taken) {
        if (taken.error().code == core::ErrorCode::Conflict) {
            return rota_response(ctx, templates, host, {rota_error(ctx, "host_error_day_taken")});
        }
        return failure_page(ctx, templates, taken.error());
    }
    return Response::redirect(rota_link(host.place->place.id));
}

Response release_day(RequestContext& ctx, const views::Templates& templates) {
    const Params form = form_of(ctx);
    HostPlace host = resolve_host_place(ctx, templates, form.value("place"), "/host/rota");
    if (host.response) {
        return std::move(*host.response);
    }
    auto day = window_day(ctx, form.value("day"));
    if (!day) {
        return rota_response(ctx, templates, host, {rota_error(ctx, "host_error_bad_day")});
    }
    auto released =
        ctx.services.community.release_rota_day(host.place->place.id, *day, ctx.principal->person);
    if (!released) {
        if (released.error().code == core::ErrorCode::NotFound) {
            return rota_response(ctx, templates, host, {rota_error(ctx, "host_error_not_yours")});
        }
        return failure_page(ctx, templates, released.error());
    }
    return Response::redirect(rota_link(host.place->place.id));
}

Response swap_days(RequestContext& ctx, const views::Templates& templates) {
    const Params form = form_of(ctx);
    HostPlace host = resolve_host_place(ctx, templates, form.value("place"), "/host/rota");
    if (host.response) {
        return std::move(*host.response);
    }
    auto first = window_day(ctx, form.value("first"));
    auto second = window_day(ctx, form.value("second"));
    if (!first || !second || *first == *second) {
        return rota_response(ctx, templates, host, {rota_error(ctx, "host_error_bad_day")});
    }
    // A host swaps only a day of their own; anyone's day, or a free one, may be the other.
    auto hosts = hosts_of(ctx, host.place->place.id, ctx.services.clock.today());
    if (!hosts) {
        return failure_page(ctx, templates, hosts.error());
    }
    const auto mine = hosts->find(*first);
    if (ctx.principal->person.empty() || mine == hosts->end() ||
        mine->second.id != ctx.principal->person) {
        return rota_response(ctx, templates, host, {rota_error(ctx, "host_error_not_yours")});
    }
    auto swapped = ctx.services.community.swap_rota_days(host.place->place.id, *first, *second);
    if (!swapped) {
        return failure_page(ctx, templates, swapped.error());
    }
    return Response::redirect(rota_link(host.place->place.id));
}

}  // namespace

std::vector<Route> host_rota_routes(const views::Templates& templates) {
    const std::vector<AccountRole> hosts{AccountRole::Host};
    const views::Templates* t = &templates;
    return {
        Route{Method::Get, "/host/rota", false, false, hosts,
              [t](RequestContext& ctx) { return rota_page(ctx, *t); }},
        Route{Method::Post, "/host/rota/take", false, false, hosts,
              [t](RequestContext& ctx) { return take_day(ctx, *t); }},
        Route{Method::Post, "/host/rota/release", false, false, hosts,
              [t](RequestContext& ctx) { return release_day(ctx, *t); }},
        Route{Method::Post, "/host/rota/swap", false, false, hosts,
              [t](RequestContext& ctx) { return swap_days(ctx, *t); }},
    };
}

}  // namespace samskab::web::pages
