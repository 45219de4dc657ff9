#pragma once

#include <vector>

#include "core/bundle_validator.h"

namespace samskab::core {

// The rules of the collection `survey_responses` (docs/bundle.md) that the reader cannot check
// alone, appended to `issues` in document order, as validate_bundle does for the others:
// - round ids are unique;
// - a round's partnership is in the bundle or stored (`stored`, Collection::Partnerships);
// - a round's place is in the bundle or stored, and a place of the bundle is one of the
//   round's partnership (a stored place's partnership is checked by the store);
// - title and days pass core/survey.h's validate_survey_round ("title", "closes");
// - every answer names a question of core::survey_questions() and is "yes", "a_little" or "no";
// - a named round's response has a person, in the bundle or stored, at most one response per
//   person, and the round lists no `respondents`;
// - an anonymous round's response has no person; its `respondents` are people in the bundle or
//   stored, each listed once.
void check_survey_rounds(const Bundle& bundle, Lang lang, const IdLookup& stored,
                         std::vector<BundleIssue>& issues);

// For the stores' import of a round (SQLite and PostgreSQL alike):
// The record as a store gives it back: answers by question, responses by content, respondents
// by id; two records that store the same round are equal once normalised.
SurveyRoundRecord normalised_round(SurveyRoundRecord record);
// Whether every answer of `response` names a known question and a known answer; otherwise
// Invalid "answers", in Danish (the store's messages are).
Result<void> check_survey_answers(const SurveyResponseRecord& response);

}  // namespace samskab::core
