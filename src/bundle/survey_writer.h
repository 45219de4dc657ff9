#pragma once

#include <string>

#include "core/bundle.h"

namespace samskab::bundle {

// Appends one element of the collection `survey_responses` (docs/bundle.md) to `out`, without
// its closing brace (bundle_writer.cc closes every record): the round's fields, its responses
// as given, each with `person` (null in an anonymous round) and its answers as an object keyed
// by question id in the order given, then `respondents` ([] for a named round). Every field is
// written, so that the output depends only on the record. The caller orders the responses (by
// content), their answers (by question id) and the respondents (by id).
void write_survey_round(std::string& out, const core::SurveyRoundRecord& round);

}  // namespace samskab::bundle
