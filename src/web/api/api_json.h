#pragma once

#include "core/access.h"
#include "core/community.h"
#include "web/api/api_support.h"

namespace samskab::web::api {

// The JSON shapes of the API's resources (openapi.cc describes each under the same name).
// Dates are "YYYY-MM-DD", times local Danish "YYYY-MM-DDTHH:MM:SS", vocabulary values their
// bundle spelling, absent optional values null. A person's "support_need" key is present only
// when the store was asked for it, which a handler does only for a viewer allowed to see it.

Json principal_json(const core::Principal& principal);
Json place_json(const core::PlaceView& place);
Json person_json(const core::PersonSummary& person);
Json occurrence_json(const core::OccurrenceView& occurrence);
Json activity_json(const core::ActivityView& activity);
Json occurrence_detail_json(const core::OccurrenceDetail& detail);
Json check_in_json(const core::CheckInView& check_in);
Json break_json(const std::optional<core::Break>& current);
// Everything about the person: for the person themself only.
Json person_data_json(const core::PersonData& data);

}  // namespace samskab::web::api
