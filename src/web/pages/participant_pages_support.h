#pragma once

// What the participant's pages share: the places a participant belongs to, how an occurrence
// is listed with its join or leave button, and the texts of the vocabularies.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <mstch/mstch.hpp>

#include "core/community.h"
#include "core/result.h"
#include "web/http/route.h"
#include "web/pages/page.h"

namespace samskab::web::pages::participant {

// The places where the principal holds the participant role (core::scope_of), by name as
// CommunityStore::list_places gives them. Storage errors pass through.
core::Result<std::vector<core::PlaceView>> places_of(const RequestContext& ctx);

bool contains_place(const std::vector<core::PlaceView>& places, std::string_view place);

// The catalogue texts of the vocabularies.
std::string_view kind_text(const RequestContext& ctx, core::ActivityKind kind);
std::string_view role_text(const RequestContext& ctx, core::Role role);

// One occurrence as the lists show it: "id", "href_id" (percent-encoded), "when", "title",
// "activity_href", "kind", "place_name", "participants", "joined", "open" (not ended yet, so
// it can be joined or left, at `now`).
mstch::map occurrence_item(const RequestContext& ctx, const core::OccurrenceView& view,
                           core::LocalTime now);

// `target`, or "/whats-on", for sending the participant back after a button.
std::string back_to(std::string_view target);

// The participant's page for a store failure, and for a participant without a person record
// (an account that is not linked to anyone in the partnership's records cannot take part).
Response storage_failure(const RequestContext& ctx, const views::Templates& templates);
Response not_a_participant(const RequestContext& ctx, const views::Templates& templates);

// GET /me/data.json (participant_pages_data.cc): everything about the participant as a JSON
// download.
Response my_data_json(const RequestContext& ctx, const views::Templates& templates);

// The routes of participant_pages_propose.cc (/activities/new) and participant_pages_me.cc
// (/me...); participant_routes() adds them to its own.
std::vector<Route> propose_routes(const views::Templates& templates);
std::vector<Route> me_routes(const views::Templates& templates);

}  // namespace samskab::web::pages::participant
