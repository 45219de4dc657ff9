#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/community.h"
#include "web/http/response.h"
#include "web/http/route.h"
#include "web/views/templates.h"

// The coordinator's pages, split by area: coordinator_pages.cc (home, places),
// coordinator_pages_activities.cc (activities, schedules, occurrences, action plans),
// coordinator_pages_occurrences.cc (participants and their roles),
// coordinator_pages_people.cc (people) and coordinator_pages_accounts.cc (accounts and
// invitations). coordinator_routes() in page.h returns every set.
namespace samskab::web::pages {

// A place the coordinator may manage, or the response to send instead: 404 when the place does
// not exist, 403 when it is outside the principal's coordinator grants.
struct CoordinatorPlace {
    std::optional<core::PlaceView> place;
    std::optional<Response> response;
};
CoordinatorPlace resolve_coordinator_place(const RequestContext& ctx,
                                           const views::Templates& templates,
                                           std::string_view place_id);

// The catalogue key of an activity kind's name ("coord_kind_fixed", ...).
std::string_view kind_key(core::ActivityKind kind);
// The catalogue key of a participation role's name ("coord_role_initiator", ...).
std::string_view role_key(core::Role role);

std::vector<Route> coordinator_place_routes(const views::Templates& templates);
std::vector<Route> coordinator_activity_routes(const views::Templates& templates);
std::vector<Route> coordinator_occurrence_routes(const views::Templates& templates);
std::vector<Route> coordinator_people_routes(const views::Templates& templates);
std::vector<Route> coordinator_account_routes(const views::Templates& templates);
// A person's page (consents, rectification, erasure), deletion requests, the access log.
std::vector<Route> coordinator_privacy_routes(const views::Templates& templates);

}  // namespace samskab::web::pages
