#pragma once

#include <string>

#include "core/bundle.h"

namespace samskab::bundle {

// Appends one element of the collection `interviews` (docs/bundle.md) to `out`, without its
// closing brace (bundle_writer.cc closes every record): the guide's fields, its questions in
// order and its interviews as given, each with its notes and their codings. Every field is
// written, `person` as null when absent, `codings` as [] when a note has none, so that the
// output depends only on the record. The caller orders the interviews (by id) and the notes
// (by question number).
void write_interview_guide(std::string& out, const core::InterviewGuideRecord& guide);

}  // namespace samskab::bundle
