#pragma once

#include <vector>

#include "bundle/record_reader.h"
#include "core/bundle.h"

namespace samskab::bundle {

// Readers of the records of the optional self-evaluation collections (docs/bundle.md):
// `logbook_templates`, `logbook_entries` and `codes`. Like the other record readers they
// report every field-level problem under its path into `issues` and go on; which value a
// field of a template takes is checked afterwards, by core::validate_bundle, against the
// template's version.

core::LogbookTemplateRecord read_logbook_template(RecordReader& r, core::Lang lang,
                                                  std::vector<core::BundleIssue>& issues);
core::LogbookEntryRecord read_logbook_entry(RecordReader& r, core::Lang lang,
                                            std::vector<core::BundleIssue>& issues);
core::CodeRecord read_code(RecordReader& r);

}  // namespace samskab::bundle
