#pragma once

#include <string_view>
#include <vector>

#include <mstch/mstch.hpp>

#include "core/community.h"
#include "core/result.h"
#include "core/survey.h"
#include "web/http/route.h"
#include "web/views/templates.h"

// Participant surveys. survey_pages_participant.cc: the participant's list of open rounds
// (/surveys), the survey itself (one question per fieldset, large radio buttons, the name
// generator in named rounds) and the thank-you page. survey_pages_coordinator.cc: a
// partnership's rounds, a new round, and a round's results, for the coordinators of the whole
// partnership, as the other self-evaluation pages. No page shows a single response: results are
// counts, and a question answered by fewer than analytics::DEFAULT_SUPPRESSION_K is withheld.
// survey_routes() in page.h returns both sets.
namespace samskab::web::pages {

std::vector<Route> survey_participant_routes(const views::Templates& templates);
std::vector<Route> survey_coordinator_routes(const views::Templates& templates);

// For the participant's pages: "has_open_surveys" (a round open today that the participant has
// not answered yet; the page links to /surveys). Nothing is added without a survey store, for a
// principal without a person, or when the store fails (the page is shown without the link).
// `places`: the participant's places (participant::places_of), which the page has already read.
void add_open_surveys(mstch::map& data, const RequestContext& ctx,
                      const std::vector<core::PlaceView>& places);

// GET /coordinator/partnerships/:id/surveys/:round/responses.csv and .xlsx
// (survey_pages_export.cc), after the coordinator file has authorised the principal for the
// round's partnership: one row per response, one column per question (its id), the answer's
// word in the request's language or empty when skipped. No person id or name, also in a named
// round, and the rows sorted by content, so that their order tells nothing of who answered
// when. A round with fewer respondents than analytics::DEFAULT_SUPPRESSION_K (the results
// page's threshold) is refused with 409 and a page that says why. Each download is written to
// the access log, as the other downloads of the self-evaluation are.
Response survey_responses_download(const RequestContext& ctx, const views::Templates& templates,
                                   const core::SurveyRound& round, bool xlsx);

// A round's counts as the results table shows them ("respondents", "results": per question
// its "text" and "cells" {label, value}, hidden values as "<5").
mstch::map survey_results_data(const RequestContext& ctx, const core::SurveyCounts& counts);

// For the learning-meeting report: "has_surveys" and "survey_rounds" (each round of the
// partnership open on some day of [from, to], with its period and results). Nothing is added
// when the principal does not coordinate the whole partnership or there is no store. Storage
// errors are returned.
core::Result<void> add_survey_summary(mstch::map& data, const RequestContext& ctx,
                                      std::string_view partnership, core::Day from, core::Day to);

}  // namespace samskab::web::pages
