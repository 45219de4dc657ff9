#pragma once

#include <string>
#include <string_view>

#include "core/name_redaction.h"
#include "core/result.h"
#include "storage/sqlite/sqlite_pool.h"

namespace samskab::storage::sqlite {

// How erasure and anonymisation take a person's name out of the free text of an SQLite
// database: by the one rule of core/name_redaction.h, which the PostgreSQL store applies too.
using core::name_occurrences;
using core::names_person;
using core::redact_name;
using core::redact_quote;
using core::REDACTED_NAME;

// Deletes the host logbook notes that name the person (erasure: such a note is about them).
// Returns how many went.
core::Result<int> delete_notes_naming(Connection& c, std::string_view name);

// Replaces the name in every free-text column that can name a person: the text of logbook
// notes, logbook entries' text answers, interviews' description of the interviewee, interview
// notes, coded quotes (kept inside their note, see redact_quote) and the self-assessment's
// comments. In an encrypted database each changed value is opened in memory and sealed again
// bound to the same row (sqlite_fields.h). Runs inside the caller's write transaction. Returns
// how many values changed.
core::Result<int> redact_free_text(Connection& c, std::string_view name);

}  // namespace samskab::storage::sqlite
