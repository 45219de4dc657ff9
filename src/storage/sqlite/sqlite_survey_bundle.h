#pragma once

#include <cstddef>
#include <vector>

#include "core/bundle.h"
#include "core/result.h"
#include "storage/sqlite/sqlite_pool.h"

namespace samskab::storage::sqlite {

// The bundle's collection `survey_responses` (docs/bundle.md) in the SQLite store (migrations
// 10 and 11), on a connection inside the caller's transaction: SqliteStore::import_bundle's, so
// that a refused round leaves nothing of the import written, and export_bundle's snapshot.
// Responses are written as SqliteSurveyStore::submit writes them: a random key each, no time,
// no person in an anonymous round (the schema's trigger refuses one), and an answered-marker
// per respondent that nothing links to the answers.

// How many rounds, and responses in them, an import created.
struct SurveyImportCount {
    std::size_t rounds = 0;
    std::size_t responses = 0;
};

// Writes the rounds of a validated bundle:
// - a round not stored (by id) is created with its responses and respondents (a named round's
//   respondents are its responses' people), without a creator (NULL: no account of this
//   database) and with its first day as its creation time;
// - a round stored already is left as it is when its partnership, place, title, days, kind,
//   responses (in any order) and respondents are the same (importing a bundle again changes
//   nothing), and is Conflict "survey_responses" otherwise: an import never changes a stored
//   round, whose answers people have given since.
// Errors: Invalid from core/survey.h's validate_survey_round ("title", "closes") and for an
// unknown question or answer ("answers"); NotFound "partnership", "place" (also a place of
// another partnership), "person".
core::Result<SurveyImportCount> import_survey_rounds(
    Connection& c, const std::vector<core::SurveyRoundRecord>& rounds);

// Every stored round, by id: its responses by content (person, then answers by question id),
// an anonymous round's respondents by id. Empty when no round is stored.
core::Result<std::vector<core::SurveyRoundRecord>> export_survey_rounds(Connection& c);

}  // namespace samskab::storage::sqlite
