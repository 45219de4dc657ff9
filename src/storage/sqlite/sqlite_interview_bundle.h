#pragma once

#include <cstddef>
#include <vector>

#include "core/bundle.h"
#include "core/result.h"
#include "storage/sqlite/sqlite_pool.h"

namespace samskab::storage::sqlite {

// The bundle's collection `interviews` (docs/bundle.md) in the SQLite store (migrations 7 to
// 9), on a connection inside the caller's transaction: SqliteStore::import_bundle's, so that a
// refused interview leaves nothing of the import written, and export_bundle's snapshot.
// The free text (interviewee, notes, quotes) is written and read exactly as
// SqliteInterviewStore does: sealed in the *_sealed column bound to its row when the database
// is encrypted, '' left in the plaintext column (sqlite_fields.h).

// Writes the guides of a validated bundle with their interviews:
// - a guide not stored is created with its id and questions. A stored guide (same id) keeps
//   its questions: the bundle repeats them in order and may add questions after them, which are
//   appended; its title is updated. Conflict "interviews" when it belongs to another
//   partnership or a stored question is missing or reads otherwise (notes were written to it).
// - an interview not stored is created with its notes and codings and without an interviewer
//   (NULL: the interviewer is no account of this database). One stored already (same id) is
//   left as it is when its guide, date, interviewee, person, notes and codings are the same
//   (importing a bundle again changes nothing), and is Conflict "interviews" otherwise: an import
//   never changes or replaces a stored interview, which coordinators may have corrected since.
// - the partnership of a coding gets its copy of the starting codebook first, as coding in
//   samskab does; the theme must be in it then (NotFound "theme"; retired themes are allowed).
// - Invalid from core/interview.h's validators, NotFound "partnership" / "person".
// Returns the number of interviews created.
core::Result<std::size_t> import_interview_guides(
    Connection& c, const std::vector<core::InterviewGuideRecord>& guides);

// Every stored guide, by id, with its questions in order (numbered from 1 whatever their stored
// positions) and its interviews by id; an interview's notes by question number, each with its
// codings in the order they were made. Empty when no guide is stored.
core::Result<std::vector<core::InterviewGuideRecord>> export_interview_guides(Connection& c);

}  // namespace samskab::storage::sqlite
