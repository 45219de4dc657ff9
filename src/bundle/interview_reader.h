#pragma once

#include <vector>

#include "bundle/record_reader.h"
#include "core/bundle.h"

namespace samskab::bundle {

// Reader of one element of the optional collection `interviews` (docs/bundle.md): an interview
// guide with its questions and the interviews held with it, their notes and codings. Like the
// other record readers it reports every field-level problem (a missing or mistyped field, an
// unknown key at any depth) under its path into `issues` and goes on. Whether a note's question
// number, a coding's theme and quote and the references resolve is checked afterwards, by
// core::validate_bundle.
core::InterviewGuideRecord read_interview_guide(RecordReader& r, core::Lang lang,
                                                std::vector<core::BundleIssue>& issues);

}  // namespace samskab::bundle
