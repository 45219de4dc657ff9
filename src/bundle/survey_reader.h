#pragma once

#include <vector>

#include "bundle/record_reader.h"
#include "core/bundle.h"

namespace samskab::bundle {

// Reader of one element of the optional collection `survey_responses` (docs/bundle.md): a
// survey round with its responses and, for an anonymous round, its respondents. Like the other
// record readers it reports every field-level problem (a missing or mistyped field, an unknown
// key at any depth, an answer that is not a string) under its path into `issues` and goes on.
// Whether question ids, answers and references are known is checked afterwards, by
// core::validate_bundle. A response's answers come out sorted by question id.
core::SurveyRoundRecord read_survey_round(RecordReader& r, core::Lang lang,
                                          std::vector<core::BundleIssue>& issues);

}  // namespace samskab::bundle
