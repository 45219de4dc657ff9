// A coordinator's people and occurrences through the API. The support-need flag is health
// data: it is asked of the store only when the viewer coordinates the place or the whole
// partnership, so no other listing can carry it.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "core/access.h"
#include "web/api/api_handlers.h"
#include "web/api/api_json.h"
#include "web/http/services.h"

namespace samskab::web::api {

namespace {

using core::AccountRole;

// Whether the principal holds one of `roles` at some place of `partnership` (or for all of it).
Checked<bool> works_in(RequestContext& ctx, std::initializer_list<AccountRole> roles,
                       const std::string& partnership) {
    if (holds_any_at(ctx, roles, partnership, {})) {
        return true;
    }
    auto places = ctx.services.community.list_places();
    if (!places) {
        return tl::unexpected(store_error(ctx, places.error()));
    }
    return std::any_of(places->begin(), places->end(), [&](const core::PlaceView& view) {
        return view.place.partnership == partnership &&
               holds_any_at(ctx, roles, partnership, view.place.id);
    });
}

// The occurrence's place, when the principal coordinates it.
Checked<core::PlaceView> coordinated_place(RequestContext& ctx,
                                           const core::OccurrenceDetail& detail) {
    auto place = find_place(ctx, detail.occurrence.place, "occurrence");
    if (!place) {
        return place;
    }
    if (!holds_any_at(ctx, {AccountRole::Coordinator}, place->place.partnership, place->place.id)) {
        return tl::unexpected(no_access(ctx));
    }
    return place;
}

}  // namespace

// People per answer of GET /api/v1/people: a page, since a partnership may have tens of
// thousands and each person listed is one line in the access log.
constexpr std::size_t DEFAULT_PEOPLE_LIMIT = 500;
constexpr std::size_t MAX_PEOPLE_LIMIT = 1000;

// Hosts may list the people of their partnership too (they check people in by id), but only
// a coordinator of the whole partnership sees the flags of all of them.
Response get_people(RequestContext& ctx) {
    auto partnership = required_param(ctx, "partnership");
    if (!partnership) {
        return partnership.error();
    }
    // An unknown partnership is answered like one the principal has no part in, so that ids
    // cannot be probed.
    auto allowed = works_in(ctx, {AccountRole::Coordinator, AccountRole::Host}, *partnership);
    if (!allowed) {
        return allowed.error();
    }
    if (!*allowed) {
        return no_access(ctx);
    }
    auto offset = count_param(ctx, "offset", 0, std::numeric_limits<std::int32_t>::max(), 0);
    if (!offset) {
        return offset.error();
    }
    auto limit = count_param(ctx, "limit", 1, MAX_PEOPLE_LIMIT, DEFAULT_PEOPLE_LIMIT);
    if (!limit) {
        return limit.error();
    }
    const bool with_support_need = sees_support_need(ctx, *partnership, {});
    auto people =
        ctx.services.community.people_page(*partnership, with_support_need, *offset, *limit);
    if (!people) {
        return store_error(ctx, people.error(), *partnership);
    }
    std::vector<std::string> shown;
    Json out = Json::array();
    for (const core::PersonSummary& person : people->people) {
        shown.push_back(person.id);
        out.push_back(person_json(person));
    }
    if (auto logged = log_people_listed(ctx, shown); !logged) {
        return logged.error();
    }
    const std::size_t next = *offset + people->people.size();
    return json_reply(Json{{"partnership", *partnership},
                           {"people", std::move(out)},
                           {"total", people->total},
                           {"offset", *offset},
                           {"next_offset", next < people->total ? Json(next) : Json(nullptr)}});
}

Response post_person(RequestContext& ctx) {
    auto body = json_body(ctx, {"name", "partnership", "joined", "entry_channel"});
    if (!body) {
        return body.error();
    }
    auto name = string_field(ctx, *body, "name");
    if (!name) {
        return name.error();
    }
    auto partnership = string_field(ctx, *body, "partnership");
    if (!partnership) {
        return partnership.error();
    }
    auto joined = optional_date_field(ctx, *body, "joined");
    if (!joined) {
        return joined.error();
    }
    auto channel_name = optional_string_field(ctx, *body, "entry_channel");
    if (!channel_name) {
        return channel_name.error();
    }
    std::optional<core::EntryChannel> channel;
    if (*channel_name) {
        channel = core::parse_name<core::EntryChannel>(**channel_name);
        if (!channel) {
            std::string allowed;
            for (const std::string_view value : core::Names<core::EntryChannel>::VALUES) {
                allowed += allowed.empty() ? "" : ", ";
                allowed += value;
            }
            return error_reply(
                400, "Invalid",
                about_field("entry_channel", core::message(ctx.lang, core::Msg::UnknownValue,
                                                           {**channel_name, allowed})),
                "entry_channel");
        }
    }
    auto allowed = works_in(ctx, {AccountRole::Coordinator}, *partnership);
    if (!allowed) {
        return allowed.error();
    }
    if (!*allowed) {
        return no_access(ctx);
    }
    auto id = ctx.services.community.create_person(
        core::NewPerson{*name, *partnership, *joined, channel});
    if (!id) {
        return store_error(ctx, id.error(), *partnership);
    }
    return json_reply(Json{{"id", *id}, {"name", *name}, {"partnership", *partnership}}, 201);
}

Response get_occurrence(RequestContext& ctx) {
    const std::string id(ctx.params.value("id"));
    auto detail = find_occurrence(ctx, id, false);
    if (!detail) {
        return detail.error();
    }
    auto place = coordinated_place(ctx, *detail);
    if (!place) {
        return place.error();
    }
    // The flags are asked for only now that the principal is known to coordinate the place.
    if (sees_support_need(ctx, place->place.partnership, place->place.id)) {
        detail = find_occurrence(ctx, id, true);
        if (!detail) {
            return detail.error();
        }
    }
    std::vector<std::string> shown;
    for (const core::ParticipantView& participant : detail->participants) {
        shown.push_back(participant.person.id);
    }
    if (auto logged = log_people_listed(ctx, shown); !logged) {
        return logged.error();
    }
    return json_reply(occurrence_detail_json(*detail));
}

Response post_participant_role(RequestContext& ctx) {
    auto body = json_body(ctx, {"role"});
    if (!body) {
        return body.error();
    }
    auto role_name = string_field(ctx, *body, "role");
    if (!role_name) {
        return role_name.error();
    }
    const auto role = core::parse_name<core::Role>(*role_name);
    if (!role) {
        return error_reply(
            400, "Invalid",
            about_field("role",
                        core::message(ctx.lang, core::Msg::UnknownValue,
                                      {*role_name, "initiator, host, active, passive, supported"})),
            "role");
    }
    const std::string id(ctx.params.value("id"));
    const std::string person(ctx.params.value("person"));
    auto detail = find_occurrence(ctx, id, false);
    if (!detail) {
        return detail.error();
    }
    if (auto place = coordinated_place(ctx, *detail); !place) {
        return place.error();
    }
    if (auto done = ctx.services.community.set_role(person, id, *role); !done) {
        if (done.error().code == core::ErrorCode::NotFound) {
            return error_reply(ctx, core::ErrorCode::NotFound, "person", ApiMsg::NotParticipating);
        }
        return store_error(ctx, done.error(), person);
    }
    return json_reply(Json{{"occurrence", id}, {"person", person}, {"role", *role_name}});
}

}  // namespace samskab::web::api
