#pragma once

#include <cstdio>
#include <string_view>
#include <vector>

#include "core/bundle.h"
#include "core/bundle_validator.h"
#include "core/messages.h"

namespace samskab::bundle {

// What reading a bundle gave: the records, and every field-level issue found (bad JSON, wrong
// types, unknown fields or keys, bad dates, values outside a vocabulary, missing required
// fields). The bundle is only meaningful when `issues` is empty; cross-record rules are checked
// afterwards by core::validate_bundle.
struct ReadResult {
    core::Bundle bundle;
    std::vector<core::BundleIssue> issues;
};

// Reads a `samskab-bundle/1` document from `file` (which stays open). Records are converted one
// at a time while parsing, so memory stays near the size of the records, not of a JSON tree.
ReadResult read_bundle(std::FILE* file, core::Lang lang);

// The same, from text in memory.
ReadResult read_bundle_text(std::string_view text, core::Lang lang);

}  // namespace samskab::bundle
