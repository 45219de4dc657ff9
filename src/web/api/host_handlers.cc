// The host's day through the API: who is here today, a quick check-in, and introductions.
// As on the host's pages, these are for hosts of the place only.
#include <algorithm>
#include <string>
#include <vector>

#include "core/access.h"
#include "web/api/api_handlers.h"
#include "web/api/api_json.h"
#include "web/http/services.h"

namespace samskab::web::api {

namespace {

// The place named by `id` when the principal hosts it.
Checked<core::PlaceView> hosted_place(RequestContext& ctx, const std::string& id) {
    auto place = find_place(ctx, id, "place");
    if (!place) {
        return place;
    }
    if (!holds_any_at(ctx, {core::AccountRole::Host}, place->place.partnership, place->place.id)) {
        return tl::unexpected(no_access(ctx));
    }
    return place;
}

// A person of the place's partnership. Anyone else is answered as unknown, so that a host
// cannot probe other partnerships' records.
Checked<void> person_of(RequestContext& ctx, const std::string& person,
                        const std::string& partnership, std::string_view field) {
    auto partnerships = ctx.services.community.partnerships_of(person);
    if (!partnerships) {
        return tl::unexpected(store_error(ctx, partnerships.error(), person));
    }
    if (std::find(partnerships->begin(), partnerships->end(), partnership) == partnerships->end()) {
        return tl::unexpected(store_error(
            ctx, core::Error{core::ErrorCode::NotFound, {}, std::string(field)}, person));
    }
    return {};
}

}  // namespace

Response get_host_today(RequestContext& ctx) {
    auto id = required_param(ctx, "place");
    if (!id) {
        return id.error();
    }
    auto place = hosted_place(ctx, *id);
    if (!place) {
        return place.error();
    }
    const core::Day today = ctx.services.clock.today();
    auto here = ctx.services.community.checked_in(*id, today);
    if (!here) {
        return store_error(ctx, here.error(), *id);
    }
    std::vector<std::string> shown;
    Json people = Json::array();
    for (const core::CheckInView& check_in : *here) {
        shown.push_back(check_in.person.id);
        people.push_back(check_in_json(check_in));
    }
    if (auto logged = log_people_listed(ctx, shown); !logged) {
        return logged.error();
    }
    return json_reply(Json{{"place", place_json(*place)},
                           {"day", core::format_date(today)},
                           {"checked_in", std::move(people)}});
}

Response post_check_in(RequestContext& ctx) {
    auto body = json_body(ctx, {"person", "place"});
    if (!body) {
        return body.error();
    }
    auto person = string_field(ctx, *body, "person");
    if (!person) {
        return person.error();
    }
    auto id = string_field(ctx, *body, "place");
    if (!id) {
        return id.error();
    }
    auto place = hosted_place(ctx, *id);
    if (!place) {
        return place.error();
    }
    if (auto known = person_of(ctx, *person, place->place.partnership, "person"); !known) {
        return known.error();
    }
    const core::Day today = ctx.services.clock.today();
    if (auto done = ctx.services.community.check_in(*person, *id, today); !done) {
        return store_error(ctx, done.error(), *person);
    }
    return json_reply(Json{{"person", *person}, {"place", *id}, {"day", core::format_date(today)}});
}

Response post_introduction(RequestContext& ctx) {
    auto body = json_body(ctx, {"a", "b", "place"});
    if (!body) {
        return body.error();
    }
    auto a = string_field(ctx, *body, "a");
    if (!a) {
        return a.error();
    }
    auto b = string_field(ctx, *body, "b");
    if (!b) {
        return b.error();
    }
    auto id = string_field(ctx, *body, "place");
    if (!id) {
        return id.error();
    }
    if (*a == *b) {
        return error_reply(ctx, core::ErrorCode::Invalid, "b", ApiMsg::SelfIntroduction);
    }
    auto place = hosted_place(ctx, *id);
    if (!place) {
        return place.error();
    }
    for (const auto& [person, field] : {std::pair{*a, "a"}, std::pair{*b, "b"}}) {
        if (auto known = person_of(ctx, person, place->place.partnership, field); !known) {
            return known.error();
        }
    }
    const core::Day today = ctx.services.clock.today();
    if (auto done = ctx.services.community.introduce(*a, *b, today); !done) {
        if (done.error().code == core::ErrorCode::Invalid) {
            return error_reply(ctx, core::ErrorCode::Invalid, "b", ApiMsg::SelfIntroduction);
        }
        return store_error(ctx, done.error(), *b, ApiMsg::AlreadyIntroduced);
    }
    return json_reply(Json{{"a", *a},
                           {"b", *b},
                           {"since", core::format_date(today)},
                           {"source", core::name_of(core::RelationSource::HostIntroduction)}},
                      201);
}

}  // namespace samskab::web::api
