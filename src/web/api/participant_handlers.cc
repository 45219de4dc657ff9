// What a participant does through the API: what's on, joining and leaving without giving a
// reason, taking a break and coming back, proposing an activity, their own data, and correcting
// their own name.
#include <algorithm>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/privacy.h"
#include "core/survey_store.h"
#include "web/api/api_handlers.h"
#include "web/api/api_json.h"
#include "web/http/services.h"

namespace samskab::web::api {

namespace {

// "What's on" without dates covers the next two weeks; a longer period than a quarter is
// refused so that a listing stays a page, not an export.
constexpr core::Day DEFAULT_DAYS = 14;
constexpr core::Day MAX_DAYS = 92;
constexpr int UPCOMING_LIMIT = 20;

// Every place where the principal takes part as a participant.
Checked<std::vector<std::string>> participant_places(RequestContext& ctx) {
    const core::RoleScope scope = core::scope_of(*ctx.principal, core::AccountRole::Participant);
    auto places = scope.everywhere
                      ? ctx.services.community.list_places()
                      : ctx.services.community.list_places_in(scope.places, scope.partnerships);
    if (!places) {
        return tl::unexpected(store_error(ctx, places.error()));
    }
    std::vector<std::string> ids;
    ids.reserve(places->size());
    for (const core::PlaceView& view : *places) {
        ids.push_back(view.place.id);
    }
    return ids;
}

// The place of an occurrence, when the principal takes part there.
Checked<core::PlaceView> participant_place_of_occurrence(RequestContext& ctx,
                                                         std::string_view occurrence) {
    auto detail = find_occurrence(ctx, occurrence, false);
    if (!detail) {
        return tl::unexpected(std::move(detail.error()));
    }
    auto place = find_place(ctx, detail->occurrence.place, "occurrence");
    if (!place) {
        return tl::unexpected(std::move(place.error()));
    }
    if (!holds_any_at(ctx, {core::AccountRole::Participant}, place->place.partnership,
                      place->place.id)) {
        return tl::unexpected(no_access(ctx));
    }
    return place;
}

Response join_or_leave(RequestContext& ctx, bool join) {
    if (auto body = empty_body(ctx); !body) {
        return body.error();
    }
    auto person = own_person(ctx);
    if (!person) {
        return person.error();
    }
    const std::string occurrence(ctx.params.value("id"));
    if (auto place = participant_place_of_occurrence(ctx, occurrence); !place) {
        return place.error();
    }
    auto& community = ctx.services.community;
    const core::LocalTime now = ctx.services.clock.now();
    auto done =
        join ? community.join(*person, occurrence, now) : community.leave(*person, occurrence, now);
    if (!done) {
        return store_error(ctx, done.error(), occurrence, ApiMsg::OccurrenceEnded);
    }
    return json_reply(Json{{"occurrence", occurrence}, {"joined", join}});
}

Response break_or_return(RequestContext& ctx, bool start) {
    if (auto body = empty_body(ctx); !body) {
        return body.error();
    }
    auto person = own_person(ctx);
    if (!person) {
        return person.error();
    }
    const core::Day today = ctx.services.clock.today();
    auto& community = ctx.services.community;
    auto done = start ? community.start_break(*person, today) : community.end_break(*person, today);
    if (!done) {
        return store_error(ctx, done.error(), *person,
                           start ? ApiMsg::AlreadyOnBreak : ApiMsg::NotOnBreak);
    }
    return json_reply(Json{{"on_break", start}, {"day", core::format_date(today)}});
}

}  // namespace

Response get_places(RequestContext& ctx) {
    auto places = ctx.services.community.list_places();
    if (!places) {
        return store_error(ctx, places.error());
    }
    Json out = Json::array();
    for (const core::PlaceView& place : *places) {
        out.push_back(place_json(place));
    }
    return json_reply(out);
}

Response get_whats_on(RequestContext& ctx) {
    auto from = date_param(ctx, "from");
    if (!from) {
        return from.error();
    }
    auto to = date_param(ctx, "to");
    if (!to) {
        return to.error();
    }
    const core::Day first = from->value_or(ctx.services.clock.today());
    const core::Day last = to->value_or(first + DEFAULT_DAYS - 1);
    if (last < first) {
        return error_reply(400, "Invalid",
                           about_field("to", core::message(ctx.lang, core::Msg::EndsBeforeStart,
                                                           {"from", core::format_date(first)})),
                           "to");
    }
    if (last - first + 1 > MAX_DAYS) {
        return error_reply(ctx, core::ErrorCode::Invalid, "to", ApiMsg::RangeTooLong,
                           {std::to_string(MAX_DAYS)});
    }
    auto places = participant_places(ctx);
    if (!places) {
        return places.error();
    }
    auto listing = ctx.services.community.occurrences_between(
        *places, core::LocalTime{first} * 86400, (core::LocalTime{last} + 1) * 86400,
        ctx.principal->person);
    if (!listing) {
        return store_error(ctx, listing.error());
    }
    Json occurrences = Json::array();
    for (const core::OccurrenceView& occurrence : *listing) {
        occurrences.push_back(occurrence_json(occurrence));
    }
    return json_reply(Json{{"from", core::format_date(first)},
                           {"to", core::format_date(last)},
                           {"occurrences", std::move(occurrences)}});
}

Response get_activity(RequestContext& ctx) {
    const std::string id(ctx.params.value("id"));
    auto activity = ctx.services.community.find_activity(id, ctx.services.clock.now(),
                                                         UPCOMING_LIMIT, ctx.principal->person);
    if (!activity) {
        return store_error(ctx, activity.error(), id);
    }
    if (!*activity) {
        return store_error(ctx, core::Error{core::ErrorCode::NotFound, {}, "activity"}, id);
    }
    auto place = find_place(ctx, (*activity)->activity.place, "activity");
    if (!place) {
        return place.error();
    }
    using core::AccountRole;
    if (!holds_any_at(ctx, {AccountRole::Participant, AccountRole::Host, AccountRole::Coordinator},
                      place->place.partnership, place->place.id)) {
        return no_access(ctx);
    }
    // The initiator's name is data about a person: it is shown only once logged.
    if ((*activity)->activity.initiated_by && !(*activity)->initiator_name.empty()) {
        if (auto logged = log_people_listed(ctx, {*(*activity)->activity.initiated_by}); !logged) {
            return logged.error();
        }
    }
    return json_reply(activity_json(**activity));
}

Response post_activity(RequestContext& ctx) {
    auto body = json_body(ctx, {"place", "title", "kind"});
    if (!body) {
        return body.error();
    }
    auto person = own_person(ctx);
    if (!person) {
        return person.error();
    }
    auto place_id = string_field(ctx, *body, "place");
    if (!place_id) {
        return place_id.error();
    }
    auto title = string_field(ctx, *body, "title");
    if (!title) {
        return title.error();
    }
    auto kind_name = optional_string_field(ctx, *body, "kind");
    if (!kind_name) {
        return kind_name.error();
    }
    // A participant proposes an initiative or opens a cause; fixed activities are the
    // coordinator's.
    const std::string kind_text = kind_name->value_or("initiative");
    const auto kind = core::parse_name<core::ActivityKind>(kind_text);
    if (!kind || *kind == core::ActivityKind::Fixed) {
        return error_reply(400, "Invalid",
                           about_field("kind", core::message(ctx.lang, core::Msg::UnknownValue,
                                                             {kind_text, "initiative, cause"})),
                           "kind");
    }
    auto place = find_place(ctx, *place_id, "place");
    if (!place) {
        return place.error();
    }
    if (!holds_any_at(ctx, {core::AccountRole::Participant}, place->place.partnership,
                      place->place.id)) {
        return no_access(ctx);
    }
    core::NewActivity activity{*place_id, *title, *kind, *person, ctx.services.clock.today()};
    auto id = ctx.services.community.create_activity(activity);
    if (!id) {
        return store_error(ctx, id.error(), *place_id);
    }
    Response reply = json_reply(Json{{"id", *id},
                                     {"place", activity.place},
                                     {"title", activity.title},
                                     {"kind", core::name_of(activity.kind)},
                                     {"initiated_by", *person},
                                     {"created", core::format_date(activity.created)}},
                                201);
    reply.set_header("Location", "/api/v1/activities/" + *id);
    return reply;
}

Response post_join(RequestContext& ctx) {
    return join_or_leave(ctx, true);
}

Response post_leave(RequestContext& ctx) {
    return join_or_leave(ctx, false);
}

Response post_break(RequestContext& ctx) {
    return break_or_return(ctx, true);
}

Response post_return(RequestContext& ctx) {
    return break_or_return(ctx, false);
}

// POST /api/v1/me/name {"name"}: rectification by the person themselves (GDPR art. 16), as the
// page POST /me/name does. Only the name: the other facts are the partnership's records, which
// a coordinator corrects. The name is trimmed; blank or longer than MAX_PERSON_NAME_LENGTH
// bytes is refused (Invalid "name") and nothing changes.
Response post_my_name(RequestContext& ctx) {
    auto person = own_person(ctx);
    if (!person) {
        return person.error();
    }
    auto body = json_body(ctx, {"name"});
    if (!body) {
        return body.error();
    }
    auto name = string_field(ctx, *body, "name");
    if (!name) {
        return name.error();
    }
    if (name->size() > core::MAX_PERSON_NAME_LENGTH) {
        return error_reply(ctx, core::ErrorCode::Invalid, "name", ApiMsg::TooLong,
                           {std::to_string(core::MAX_PERSON_NAME_LENGTH)});
    }
    core::PersonCorrection correction;
    correction.name = *name;
    auto corrected = ctx.services.community.correct_person(*person, correction);
    if (!corrected) {
        return store_error(ctx, corrected.error(), *person);
    }
    return json_reply(Json{{"id", *person}, {"name", *name}});
}

Response get_my_data(RequestContext& ctx) {
    auto person = own_person(ctx);
    if (!person) {
        return person.error();
    }
    auto data = ctx.services.community.person_data(*person);
    if (!data) {
        return store_error(ctx, data.error(), *person);
    }
    if (!*data) {
        return store_error(ctx, core::Error{core::ErrorCode::NotFound, {}, "person"}, *person);
    }
    // Every look at a person's data is in the access log, even the person's own download.
    auto logged = ctx.services.accounts.log_access(
        core::AccessEntry{ctx.services.clock.now(), ctx.principal->account, "export", *person,
                          "GET /api/v1/me/data"});
    if (!logged) {
        return store_error(ctx, logged.error());
    }
    auto log = ctx.services.accounts.access_log_of(*person);
    if (!log) {
        return store_error(ctx, log.error());
    }
    Json json = person_data_json(**data, *log, ctx.principal->account);
    // The same key and shape as the page's download (/me/data.json).
    if (ctx.services.surveys) {
        auto surveys = ctx.services.surveys->answers_of(*person);
        if (!surveys) {
            return store_error(ctx, surveys.error(), *person);
        }
        json["surveys"] = own_survey_answers_json(*surveys);
    }
    return json_reply(json);
}

}  // namespace samskab::web::api
