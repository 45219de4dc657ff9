// The participant's week ("what's on"), an activity, joining and leaving, and taking a break.

#include <charconv>
#include <string>
#include <utility>
#include <vector>

#include "web/http/services.h"
#include "web/pages/page.h"
#include "web/pages/participant_pages_support.h"
#include "web/pages/privacy_support.h"
#include "web/pages/survey_pages.h"
#include "web/views/format.h"

namespace samskab::web::pages {

namespace {

using participant::not_a_participant;
using participant::storage_failure;

// How far "what's on" pages back and forth: a year either way.
constexpr int MAX_WEEK_OFFSET = 52;
// Occurrences listed on an activity's page.
constexpr int UPCOMING_LIMIT = 10;

int week_offset(const RequestContext& ctx) {
    std::string_view text = ctx.request.query.value("week");
    int offset = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), offset);
    if (error != std::errc() || end != text.data() + text.size() || offset < -MAX_WEEK_OFFSET ||
        offset > MAX_WEEK_OFFSET) {
        return 0;
    }
    return offset;
}

std::string week_link(int offset) {
    return offset == 0 ? "/whats-on" : "/whats-on?week=" + std::to_string(offset);
}

// "Uge 10: mandag 2. marts – søndag 8. marts".
std::string week_label(const RequestContext& ctx, core::Day monday) {
    return std::string(text(ctx, "week")) + " " + std::to_string(views::iso_week_of(monday)) +
           ": " + views::format_day(monday, ctx.lang) + " – " +
           views::format_day(monday + 6, ctx.lang);
}

Response whats_on(const RequestContext& ctx, const views::Templates& templates) {
    const std::string& person = ctx.principal->person;
    if (person.empty()) {
        return not_a_participant(ctx, templates);
    }
    auto places = participant::places_of(ctx);
    if (!places) {
        return storage_failure(ctx, templates);
    }
    int offset = week_offset(ctx);
    core::Day monday = views::monday_of(ctx.services.clock.today()) + 7 * offset;
    std::vector<std::string> ids;
    ids.reserve(places->size());
    for (const core::PlaceView& view : *places) {
        ids.push_back(view.place.id);
    }
    auto occurrences = ctx.services.community.occurrences_between(
        ids, core::LocalTime{monday} * 86400, core::LocalTime{monday + 7} * 86400, person);
    auto on_break = ctx.services.community.current_break(person);
    if (!occurrences || !on_break) {
        return storage_failure(ctx, templates);
    }

    const core::LocalTime now = ctx.services.clock.now();
    mstch::array place_list;
    for (const core::PlaceView& view : *places) {
        mstch::array items;
        for (const core::OccurrenceView& occurrence : *occurrences) {
            if (occurrence.place == view.place.id) {
                items.push_back(participant::occurrence_item(ctx, occurrence, now));
            }
        }
        // Lists are moved in: an initializer list would copy them, maps and all.
        mstch::map place{{"name", view.place.name}, {"empty", items.empty()}};
        place["occurrences"] = std::move(items);
        place_list.push_back(std::move(place));
    }
    std::string back = week_link(offset);
    mstch::map data{
        {"week_label", week_label(ctx, monday)},
        {"previous_href", week_link(offset - 1)},
        {"next_href", week_link(offset + 1)},
        {"has_previous", offset > -MAX_WEEK_OFFSET},
        {"has_next", offset < MAX_WEEK_OFFSET},
        {"not_this_week", offset != 0},
        {"no_places", places->empty()},
        {"on_break", on_break->has_value()},
        {"back", back},
    };
    data["places"] = std::move(place_list);
    add_open_surveys(data, ctx, *places);
    return render_page(ctx, templates, "title_whats_on", "whats_on", std::move(data));
}

Response activity(const RequestContext& ctx, const views::Templates& templates) {
    const std::string& person = ctx.principal->person;
    if (person.empty()) {
        return not_a_participant(ctx, templates);
    }
    auto places = participant::places_of(ctx);
    if (!places) {
        return storage_failure(ctx, templates);
    }
    auto found = ctx.services.community.find_activity(
        ctx.params.value("id"), ctx.services.clock.now(), UPCOMING_LIMIT, person);
    if (!found) {
        return storage_failure(ctx, templates);
    }
    // An activity elsewhere is as unknown to this participant as one that does not exist.
    if (!*found || !participant::contains_place(*places, (*found)->activity.place)) {
        return error_page(ctx, templates, 404);
    }
    const core::ActivityView& view = **found;
    // The initiator's name is data about a fellow participant: it is shown only once logged.
    if (!view.initiator_name.empty() && view.activity.initiated_by) {
        if (auto logged = log_person_views(ctx, {*view.activity.initiated_by}); !logged) {
            return storage_failure(ctx, templates);
        }
    }
    const core::LocalTime now = ctx.services.clock.now();
    mstch::array upcoming;
    for (const core::OccurrenceView& occurrence : view.upcoming) {
        upcoming.push_back(participant::occurrence_item(ctx, occurrence, now));
    }
    mstch::array actions;
    for (const core::ActionItem& item : view.action_items) {
        actions.push_back(mstch::map{
            {"text", item.text},
            {"done", item.done},
            {"has_due", item.due.has_value()},
            {"due", item.due ? views::format_date(*item.due, ctx.lang) : std::string()},
        });
    }
    bool is_cause = view.activity.kind == core::ActivityKind::Cause;
    bool has_upcoming = !upcoming.empty();
    bool has_actions = !actions.empty();
    mstch::map data{
        {"page_title", view.activity.title},
        {"place_name", view.place_name},
        {"kind", std::string(participant::kind_text(ctx, view.activity.kind))},
        {"has_initiator", !view.initiator_name.empty()},
        {"initiator_name", view.initiator_name},
        {"has_upcoming", has_upcoming},
        {"is_cause", is_cause},
        {"has_actions", has_actions},
        {"back", ctx.request.path},
    };
    data["upcoming"] = std::move(upcoming);
    data["actions"] = std::move(actions);
    return render_page(ctx, templates, "title_whats_on", "activity", std::move(data));
}

// POST /occurrences/:id/join and /leave: no reason is asked, and the participant goes back to
// where the button was.
Response take_part(const RequestContext& ctx, const views::Templates& templates, bool join) {
    const std::string& person = ctx.principal->person;
    if (person.empty()) {
        return not_a_participant(ctx, templates);
    }
    auto places = participant::places_of(ctx);
    std::string_view id = ctx.params.value("id");
    auto found = ctx.services.community.find_occurrence(id, false);
    if (!places || !found) {
        return storage_failure(ctx, templates);
    }
    if (!*found || !participant::contains_place(*places, (*found)->occurrence.place)) {
        return error_page(ctx, templates, 404);
    }
    core::LocalTime now = ctx.services.clock.now();
    auto done = join ? ctx.services.community.join(person, id, now)
                     : ctx.services.community.leave(person, id, now);
    if (!done) {
        if (done.error().code == core::ErrorCode::Conflict) {
            return error_page(ctx, templates, 409, text(ctx, "error_occurrence_ended"));
        }
        if (done.error().code == core::ErrorCode::NotFound) {
            return error_page(ctx, templates, 404);
        }
        return storage_failure(ctx, templates);
    }
    return Response::redirect(participant::back_to(form_of(ctx).value("next")));
}

// POST /me/break and /me/return. Pressing a button twice (two tabs) is no error: the
// participant ends up on a break, or back, either way.
Response take_break(const RequestContext& ctx, const views::Templates& templates, bool start) {
    const std::string& person = ctx.principal->person;
    if (person.empty()) {
        return not_a_participant(ctx, templates);
    }
    core::Day today = ctx.services.clock.today();
    auto done = start ? ctx.services.community.start_break(person, today)
                      : ctx.services.community.end_break(person, today);
    if (!done && done.error().code != core::ErrorCode::Conflict) {
        return storage_failure(ctx, templates);
    }
    return Response::redirect(participant::back_to(form_of(ctx).value("next")));
}

}  // namespace

std::vector<Route> participant_routes(const views::Templates& templates) {
    const views::Templates* t = &templates;
    const std::vector<core::AccountRole> roles = {core::AccountRole::Participant};
    auto page = [t](Response (*handler)(const RequestContext&, const views::Templates&)) {
        return [t, handler](RequestContext& ctx) { return handler(ctx, *t); };
    };
    auto with = [t](Response (*handler)(const RequestContext&, const views::Templates&, bool),
                    bool flag) {
        return [t, handler, flag](RequestContext& ctx) { return handler(ctx, *t, flag); };
    };
    std::vector<Route> routes = {
        Route{Method::Get, "/whats-on", false, false, roles, page(whats_on)},
        Route{Method::Get, "/activities/:id", false, false, roles, page(activity)},
        Route{Method::Post, "/occurrences/:id/join", false, false, roles, with(take_part, true)},
        Route{Method::Post, "/occurrences/:id/leave", false, false, roles, with(take_part, false)},
        Route{Method::Post, "/me/break", false, false, roles, with(take_break, true)},
        Route{Method::Post, "/me/return", false, false, roles, with(take_break, false)},
    };
    for (auto* more : {&participant::propose_routes, &participant::me_routes}) {
        for (Route& route : (*more)(templates)) {
            routes.push_back(std::move(route));
        }
    }
    return routes;
}

}  // namespace samskab::web::pages
