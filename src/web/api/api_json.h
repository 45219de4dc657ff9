#pragma once

#include <cstdint>
#include <vector>

#include "core/access.h"
#include "core/community.h"
#include "core/survey.h"
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
// Everything samskab holds about a person, for the person themself only (GDPR art. 15 and 20):
// the same document from the page's download and the API. Who changed a consent or looked at
// the data is "you" (`account`), "system" or "staff" — never a staff member's name; a lookup's
// purpose is core::lookup_purpose's.
Json person_data_json(const core::PersonData& data, const std::vector<core::AccessEntry>& log,
                      std::int64_t account);

// The person's own answers to named survey rounds, under the key "surveys" of the person's
// data (the page's download and the API alike): per round its title, partnership, first and
// last day and the answers given ({question id: "yes" | "a_little" | "no"}; skipped questions
// left out). An anonymous answer is linked to nobody, so it is nobody's data to download.
Json own_survey_answers_json(const std::vector<core::OwnSurveyAnswers>& rounds);

}  // namespace samskab::web::api
