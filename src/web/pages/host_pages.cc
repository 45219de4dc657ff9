#include "web/pages/host_pages.h"

#include <algorithm>
#include <string>

#include "web/http/services.h"
#include "web/pages/host_pages_support.h"
#include "web/pages/page.h"
#include "web/pages/privacy_support.h"
#include "web/views/format.h"

namespace samskab::web::pages {

namespace {

using core::AccountRole;

// How far back the today page lists logbook notes.
constexpr int LOGBOOK_DAYS = 14;
constexpr int SEARCH_LIMIT = 20;
constexpr std::size_t MAX_NOTE_LENGTH = 5000;

// The confirmations a redirect after a POST may ask the today page to show.
std::string_view done_key(std::string_view done) {
    if (done == "checked_in") {
        return "host_done_checked_in";
    }
    if (done == "introduced") {
        return "host_done_introduced";
    }
    if (done == "noted") {
        return "host_done_noted";
    }
    return {};
}

std::string today_link(std::string_view place, std::string_view done) {
    return with_query(with_query("/host/today", "place", place), "done", done);
}

// Everything the today page shows. The support-need flag is never asked of the store here:
// hosts do not see it, whatever other roles they hold.
core::Result<mstch::map> today_data(const RequestContext& ctx, const HostPlace& host,
                                    std::string_view query) {
    const core::PlaceView& view = *host.place;
    core::CommunityStore& community = ctx.services.community;
    const core::Day today = ctx.services.clock.today();
    auto checked_in = community.checked_in(view.place.id, today);
    if (!checked_in) {
        return tl::unexpected(checked_in.error());
    }
    // Each person on today's list, and each found by the check-in search, can see on their own
    // page that the host's day showed them: one access-log entry per person, in one write.
    std::vector<std::string> shown;
    for (const core::CheckInView& entry : *checked_in) {
        shown.push_back(entry.person.id);
    }
    mstch::array people;
    mstch::array newcomers;
    std::vector<std::pair<std::string, std::string>> choices;
    for (const core::CheckInView& entry : *checked_in) {
        people.push_back(mstch::map{
            {"id", entry.person.id}, {"name", entry.person.name}, {"newcomer", entry.newcomer}});
        if (entry.newcomer) {
            newcomers.push_back(mstch::map{{"name", entry.person.name}});
        }
        choices.emplace_back(entry.person.id, entry.person.name);
    }

    const mstch::array places = place_links(host, "/host/today");
    mstch::map data{{"page_title", text_of(ctx, "host_today_title") + " – " + view.place.name},
                    {"place_id", view.place.id},
                    {"today_text", views::format_day(today, ctx.lang)},
                    {"has_checked_in", !people.empty()},
                    {"checked_in", people},
                    {"has_other_places", !places.empty()},
                    {"other_places", places},
                    {"rota_href", with_query("/host/rota", "place", view.place.id)},
                    // No logbooks on a database without their store (PostgreSQL, so far).
                    {"has_logbook_store", ctx.services.logbooks != nullptr},
                    {"has_newcomers", !newcomers.empty()},
                    {"newcomers", newcomers},
                    {"can_introduce", choices.size() >= 2},
                    {"query", std::string(query)}};

    const Params form = form_of(ctx);
    data["a_options"] = select_options(choices, form.value("a"));
    data["b_options"] = select_options(choices, form.value("b"));
    data["note_text"] = std::string(form.value("text"));

    if (!query.empty()) {
        auto found = community.search_people(view.place.partnership, query, SEARCH_LIMIT);
        if (!found) {
            return tl::unexpected(found.error());
        }
        mstch::array results;
        for (const core::PersonSummary& person : *found) {
            shown.push_back(person.id);
            const bool here = std::any_of(checked_in->begin(), checked_in->end(),
                                          [&](const auto& c) { return c.person.id == person.id; });
            results.push_back(mstch::map{{"id", person.id}, {"name", person.name}, {"here", here}});
        }
        data["searched"] = true;
        data["has_results"] = !results.empty();
        data["results"] = results;
    }

    if (auto logged = log_person_views(ctx, shown); !logged) {
        return tl::unexpected(logged.error());
    }

    auto notes = community.logbook_notes(view.place.id, today - LOGBOOK_DAYS, today);
    if (!notes) {
        return tl::unexpected(notes.error());
    }
    mstch::array note_items;
    for (const core::LogbookNote& note : *notes) {
        note_items.push_back(mstch::map{{"day_text", views::format_day(note.day, ctx.lang)},
                                        {"author", note.author_name},
                                        {"text", note.text}});
    }
    data["has_notes"] = !note_items.empty();
    data["notes"] = note_items;

    if (auto done = done_key(ctx.request.query.value("done")); !done.empty()) {
        data["done_text"] = text_of(ctx, done);
    }
    return data;
}

// The today page, with `errors` from a form that did not go through.
Response today_response(const RequestContext& ctx, const views::Templates& templates,
                        const HostPlace& host, std::string_view query,
                        const std::vector<FieldError>& errors = {}) {
    auto data = today_data(ctx, host, query);
    if (!data) {
        return failure_page(ctx, templates, data.error());
    }
    int status = 200;
    if (!errors.empty()) {
        add_form_errors(*data, errors);
        status = 422;
    }
    return render_page(ctx, templates, "host_today_title", "host_today", std::move(*data), status);
}

std::string host_trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

Response today_page(RequestContext& ctx, const views::Templates& templates) {
    HostPlace host =
        resolve_host_place(ctx, templates, ctx.request.query.value("place"), "/host/today");
    if (host.response) {
        return std::move(*host.response);
    }
    return today_response(ctx, templates, host, host_trimmed(ctx.request.query.value("q")));
}

Response check_in(RequestContext& ctx, const views::Templates& templates) {
    const Params form = form_of(ctx);
    HostPlace host = resolve_host_place(ctx, templates, form.value("place"), "/host/today");
    if (host.response) {
        return std::move(*host.response);
    }
    const std::string person(form.value("person"));
    core::CommunityStore& community = ctx.services.community;
    // A host checks in people of the place's partnership only.
    auto partnerships = community.partnerships_of(person);
    if (!partnerships) {
        return failure_page(ctx, templates, partnerships.error());
    }
    if (person.empty() || std::find(partnerships->begin(), partnerships->end(),
                                    host.place->place.partnership) == partnerships->end()) {
        return today_response(ctx, templates, host, "",
                              {FieldError{"q", text_of(ctx, "host_error_unknown_person")}});
    }
    auto done = community.check_in(person, host.place->place.id, ctx.services.clock.today());
    if (!done) {
        return failure_page(ctx, templates, done.error());
    }
    return Response::redirect(today_link(host.place->place.id, "checked_in"));
}

Response introduce(RequestContext& ctx, const views::Templates& templates) {
    const Params form = form_of(ctx);
    HostPlace host = resolve_host_place(ctx, templates, form.value("place"), "/host/today");
    if (host.response) {
        return std::move(*host.response);
    }
    const core::Day today = ctx.services.clock.today();
    auto checked_in = ctx.services.community.checked_in(host.place->place.id, today);
    if (!checked_in) {
        return failure_page(ctx, templates, checked_in.error());
    }
    const auto is_here = [&](std::string_view id) {
        return std::any_of(checked_in->begin(), checked_in->end(),
                           [&](const auto& c) { return c.person.id == id; });
    };
    const std::string a(form.value("a"));
    const std::string b(form.value("b"));
    std::vector<FieldError> errors;
    for (const auto& [field, value] : {std::pair{"a", a}, std::pair{"b", b}}) {
        const std::string label = std::string("host_field_") + field;
        if (value.empty()) {
            errors.push_back(field_missing(ctx, field, label));
        } else if (!is_here(value)) {
            errors.push_back(field_problem(ctx, field, label, text_of(ctx, "host_error_not_here")));
        }
    }
    if (errors.empty() && a == b) {
        errors.push_back(field_problem(ctx, "b", "host_field_b", text_of(ctx, "host_error_same")));
    }
    if (errors.empty()) {
        auto done = ctx.services.community.introduce(a, b, today);
        if (done) {
            return Response::redirect(today_link(host.place->place.id, "introduced"));
        }
        if (done.error().code == core::ErrorCode::Conflict) {
            errors.push_back(
                field_problem(ctx, "b", "host_field_b", text_of(ctx, "host_error_known")));
        } else if (done.error().code == core::ErrorCode::Invalid) {
            errors.push_back(
                field_problem(ctx, "b", "host_field_b", text_of(ctx, "host_error_same")));
        } else {
            return failure_page(ctx, templates, done.error());
        }
    }
    return today_response(ctx, templates, host, "", errors);
}

Response write_note(RequestContext& ctx, const views::Templates& templates) {
    const Params form = form_of(ctx);
    HostPlace host = resolve_host_place(ctx, templates, form.value("place"), "/host/today");
    if (host.response) {
        return std::move(*host.response);
    }
    const std::string text = host_trimmed(form.value("text"));
    if (text.empty()) {
        return today_response(ctx, templates, host, "",
                              {field_missing(ctx, "text", "host_field_note")});
    }
    if (text.size() > MAX_NOTE_LENGTH) {
        return today_response(
            ctx, templates, host, "",
            {field_problem(ctx, "text", "host_field_note", text_of(ctx, "host_error_too_long"))});
    }
    core::LogbookNote note;
    note.place = host.place->place.id;
    note.day = ctx.services.clock.today();
    note.author = ctx.principal->account;
    note.author_name = ctx.principal->name;
    note.text = text;
    note.written_at = ctx.services.clock.now();
    if (auto added = ctx.services.community.add_logbook_note(note); !added) {
        return failure_page(ctx, templates, added.error());
    }
    return Response::redirect(today_link(note.place, "noted"));
}

}  // namespace

HostPlace resolve_host_place(const RequestContext& ctx, const views::Templates& templates,
                             std::string_view place_id, std::string_view path) {
    HostPlace result;
    auto places = places_in_scope(ctx, AccountRole::Host);
    if (!places) {
        result.response = failure_page(ctx, templates, places.error());
        return result;
    }
    result.places = std::move(*places);
    if (!place_id.empty()) {
        auto found = ctx.services.community.find_place(place_id);
        if (!found) {
            result.response = failure_page(ctx, templates, found.error());
        } else if (!*found) {
            result.response = error_page(ctx, templates, 404);
        } else if (!may_act_at(ctx, AccountRole::Host, (*found)->place)) {
            result.response = error_page(ctx, templates, 403);
        } else {
            result.place = std::move(**found);
        }
        return result;
    }
    if (result.places.size() == 1) {
        result.place = result.places.front();
        return result;
    }
    if (result.places.empty()) {
        result.response = error_page(ctx, templates, 403);
        return result;
    }
    mstch::array links;
    for (const core::PlaceView& view : result.places) {
        links.push_back(mstch::map{{"href", with_query(path, "place", view.place.id)},
                                   {"name", view.place.name},
                                   {"partnership", view.partnership_name}});
    }
    result.response = render_page(ctx, templates, "host_choose_place_title", "host_choose_place",
                                  mstch::map{{"places", links}});
    return result;
}

mstch::array place_links(const HostPlace& host, std::string_view path) {
    mstch::array links;
    if (host.places.size() < 2) {
        return links;
    }
    for (const core::PlaceView& view : host.places) {
        links.push_back(mstch::map{{"name", view.place.name},
                                   {"href", with_query(path, "place", view.place.id)},
                                   {"current", view.place.id == host.place->place.id}});
    }
    return links;
}

std::vector<Route> host_today_routes(const views::Templates& templates) {
    const std::vector<AccountRole> hosts{AccountRole::Host};
    const views::Templates* t = &templates;
    return {
        Route{Method::Get, "/host/today", false, false, hosts,
              [t](RequestContext& ctx) { return today_page(ctx, *t); }},
        Route{Method::Post, "/host/check-in", false, false, hosts,
              [t](RequestContext& ctx) { return check_in(ctx, *t); }},
        Route{Method::Post, "/host/introductions", false, false, hosts,
              [t](RequestContext& ctx) { return introduce(ctx, *t); }},
        Route{Method::Post, "/host/logbook", false, false, hosts,
              [t](RequestContext& ctx) { return write_note(ctx, *t); }},
    };
}

std::vector<Route> host_routes(const views::Templates& templates) {
    std::vector<Route> routes = host_today_routes(templates);
    std::vector<Route> rota = host_rota_routes(templates);
    routes.insert(routes.end(), std::make_move_iterator(rota.begin()),
                  std::make_move_iterator(rota.end()));
    return routes;
}

}  // namespace samskab::web::pages
