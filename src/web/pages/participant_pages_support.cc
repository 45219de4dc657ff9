#include "web/pages/participant_pages_support.h"

#include <algorithm>
#include <array>

#include "core/access.h"
#include "web/http/http_parsing.h"
#include "web/http/services.h"
#include "web/views/format.h"

namespace samskab::web::pages::participant {

namespace {

constexpr std::array KIND_KEYS = {"kind_fixed", "kind_initiative", "kind_cause"};
constexpr std::array ROLE_KEYS = {"role_initiator", "role_host", "role_active", "role_passive",
                                  "role_supported"};

}  // namespace

core::Result<std::vector<core::PlaceView>> places_of(const RequestContext& ctx) {
    core::RoleScope scope = core::scope_of(*ctx.principal, core::AccountRole::Participant);
    if (scope.everywhere) {
        return ctx.services.community.list_places();
    }
    return ctx.services.community.list_places_in(scope.places, scope.partnerships);
}

bool contains_place(const std::vector<core::PlaceView>& places, std::string_view place) {
    return std::any_of(places.begin(), places.end(),
                       [place](const core::PlaceView& view) { return view.place.id == place; });
}

std::string_view kind_text(const RequestContext& ctx, core::ActivityKind kind) {
    return text(ctx, KIND_KEYS[static_cast<std::size_t>(kind)]);
}

std::string_view role_text(const RequestContext& ctx, core::Role role) {
    return text(ctx, ROLE_KEYS[static_cast<std::size_t>(role)]);
}

mstch::map occurrence_item(const RequestContext& ctx, const core::OccurrenceView& view,
                           core::LocalTime now) {
    const core::Occurrence& occurrence = view.occurrence;
    // Filled in place: an initializer list would copy every key and value once more, and a
    // week's listing has many items.
    mstch::map item;
    item.emplace("id", occurrence.id);
    item.emplace("href_id", percent_encode(occurrence.id));
    item.emplace("when", views::format_date_time(occurrence.start, ctx.lang));
    item.emplace("title", view.activity_title);
    item.emplace("activity_href", "/activities/" + percent_encode(occurrence.activity));
    item.emplace("kind", std::string(kind_text(ctx, view.activity_kind)));
    item.emplace("place_name", view.place_name);
    item.emplace("participants", view.participants);
    item.emplace("joined", view.joined);
    item.emplace("open", occurrence.end > now);
    return item;
}

std::string back_to(std::string_view target) {
    return local_path_or(target, "/whats-on");
}

Response storage_failure(const RequestContext& ctx, const views::Templates& templates) {
    return error_page(ctx, templates, 500);
}

Response not_a_participant(const RequestContext& ctx, const views::Templates& templates) {
    return error_page(ctx, templates, 403);
}

}  // namespace samskab::web::pages::participant
