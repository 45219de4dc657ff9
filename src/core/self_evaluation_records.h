#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/bundle.h"
#include "core/interview.h"
#include "core/logbook.h"

namespace samskab::core {

// Conversions between the self-evaluation records of a bundle (core/bundle.h: string ids,
// plain data) and the domain types that the logbook and interview stores work with. Both
// directions keep every field that the bundle carries, so that import followed by export gives
// the same records.

// The member of a bundle value that holds an answer to a field of `type`: "text" (text),
// "number" (number, scale), "yes" (yes/no), "date" (date), "choices" (choice, multiple choice),
// "people" (people present).
std::string_view value_member(FieldType type);

// The member that `value` has set, or "" when none is (the reader has reported that already).
std::string_view set_member(const LogbookValueRecord& value);

std::vector<TemplateField> to_fields(const std::vector<LogbookFieldRecord>& fields);
TemplateVersion to_version(const LogbookVersionRecord& version);
// The template for a store (partnership: none, the store takes its place's).
LogbookTemplate to_template(const LogbookTemplateRecord& logbook);
LogbookTemplateRecord to_record(const LogbookTemplate& logbook);

// The entry for a store (place, author: none; people present with ids only).
LogbookEntry to_entry(const LogbookEntryRecord& entry);
// The record of a stored entry; each value's member follows what the store filled in.
LogbookEntryRecord to_record(const LogbookEntry& entry);

Theme to_theme(const CodeRecord& code);
CodeRecord to_record(std::string_view partnership, const Theme& theme);

}  // namespace samskab::core
