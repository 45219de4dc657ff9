#pragma once

#include <string_view>

#include <pqxx/pqxx>

#include "storage/postgres/postgres_fields.h"

namespace samskab::storage::postgres {

// How erasure and anonymisation take a person's name out of the free text of a PostgreSQL
// database: by the one rule of core/name_redaction.h, over the same columns as the SQLite
// store (storage/sqlite/sqlite_name_redaction.h). The values are sealed
// (storage/postgres/postgres_fields.h): each is opened with `fields` and redacted in memory, and
// a changed value is written back sealed, its plaintext column emptied ('' or NULL), so that the
// server never receives a text in plaintext. Both run inside the caller's write transaction;
// libpqxx's exceptions (a value that does not open: SealedFieldError) are left to the pool.

// Deletes the host logbook notes that name the person (erasure: such a note is about them).
// Returns how many went.
int delete_notes_naming(pqxx::transaction_base& tx, const SealedFields& fields,
                        std::string_view name);

// Replaces the name in every free-text column that can name a person: the text of logbook
// notes, logbook entries' text answers, interviews' description of the interviewee, interview
// notes, coded quotes (kept inside their note, core::redact_quote) and the self-assessment's
// comments. Returns how many values changed.
int redact_free_text(pqxx::transaction_base& tx, const SealedFields& fields, std::string_view name);

}  // namespace samskab::storage::postgres
