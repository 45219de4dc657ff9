#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/field_cipher.h"
#include "core/result.h"
#include "storage/sqlite/sqlite_database.h"

namespace samskab::storage::sqlite {

// Encryption at rest of the sensitive fields (core/field_cipher.h) in the SQLite store.
//
// Which fields: the support need (people.support_sealed), the text of logbook notes
// (logbook_notes.text_sealed), who accompanies whom (companions.person and .companion,
// with keyed digests person_key and companion_key as blind indexes for lookups by person), and
// the self-evaluation's free text: logbook entries' text answers
// (logbook_entry_values.text_sealed), interviews' description of the interviewee
// (interviews.interviewee_sealed), interview notes (interview_notes.note_sealed), coded quotes
// (interview_codings.quote_sealed) and the self-assessment's comments
// (self_assessment_answers.comment_sealed).
// The database records the id of the key it is sealed under in `field_encryption`; without a
// row there, the database is unencrypted: the flag and the free text sit in their plaintext
// columns (the *_sealed columns are NULL) and the companion columns hold the people's keys as
// text. In an encrypted database the plaintext columns hold '' (NULL for an entry's text
// answer) and the sealed ones the value. samskab's command line always opens with a key;
// unencrypted databases exist for tests and until their first open with a key, which seals them
// (prepare_fields).
//
// The free text is sealed into a BLOB column beside its TEXT column rather than in place: the
// tables are STRICT, so a TEXT column cannot hold a sealed value, and rebuilding them (as the
// companion links were) would buy nothing, since no lookup goes by the text. A sealed value's
// context is its table and column and the key of its row, e.g. 'interview_notes.note_text:' ||
// pk, or for tables keyed by several columns each of them after a colon
// ('self_assessment_answers.comment_text:' || partnership || ':' || half || ':' || item). The
// expressions below read them; the stores that write them build the same text. Whether a coded
// quote is still in its note is decided in memory, on the opened texts.
//
// The SQL reads and writes these fields through functions registered on each connection, so
// that queries keep their shape and values are opened only in memory:
//   samskab_reveal(value, context)  the plaintext of a stored value (NULL stays NULL)
//   samskab_hide(value, context)    the value to store (sealed, or as it is when unencrypted)
//   samskab_key(value)              the blind index of a value (its digest, or itself)
//   samskab_encrypted()             1 when new values are sealed
// A value that does not open (another key, altered, moved to another row) makes the statement
// fail with a Storage error that names its context.

// What the functions open stored values with, and seal new ones with; null: unencrypted.
struct FieldKeys {
    std::shared_ptr<const core::FieldCipher> reader;
    std::shared_ptr<const core::FieldCipher> writer;
};

// The expressions for a companion link's person and companion (table alias `c`), as integer
// keys of people.
inline constexpr std::string_view LINK_PERSON =
    "CAST(samskab_reveal(c.person, 'companions.person:' || hex(c.person_key)) AS INTEGER)";
inline constexpr std::string_view LINK_COMPANION =
    "CAST(samskab_reveal(c.companion, 'companions.companion:' || hex(c.companion_key)) AS "
    "INTEGER)";
// A person's support need (table alias `p`) as 0 or 1.
inline constexpr std::string_view SUPPORT_NEED =
    "CAST(coalesce(samskab_reveal(p.support_sealed, 'people.support_need:' || p.id), "
    "p.support_need) AS INTEGER)";
// A logbook note's text (table alias `n`).
inline constexpr std::string_view NOTE_TEXT =
    "coalesce(samskab_reveal(n.text_sealed, 'logbook_notes.text:' || n.pk), n.text)";
// A logbook entry's text answer (table alias `v`; NULL for other answers).
inline constexpr std::string_view ENTRY_TEXT =
    "coalesce(samskab_reveal(v.text_sealed, 'logbook_entry_values.text_value:' || v.entry || ':' "
    "|| v.key), v.text_value)";
// An interview's description of the interviewee (table alias `i`).
inline constexpr std::string_view INTERVIEWEE_TEXT =
    "coalesce(samskab_reveal(i.interviewee_sealed, 'interviews.interviewee_text:' || i.pk), "
    "i.interviewee_text)";
// An interview note's text (table alias `n`, on interview_notes).
inline constexpr std::string_view INTERVIEW_NOTE_TEXT =
    "coalesce(samskab_reveal(n.note_sealed, 'interview_notes.note_text:' || n.pk), n.note_text)";
// A coding's quote (table alias `k`).
inline constexpr std::string_view QUOTE_TEXT =
    "coalesce(samskab_reveal(k.quote_sealed, 'interview_codings.quote_text:' || k.pk), "
    "k.quote_text)";
// A self-assessment answer's comment (table alias `a`).
inline constexpr std::string_view COMMENT_TEXT =
    "coalesce(samskab_reveal(a.comment_sealed, 'self_assessment_answers.comment_text:' || "
    "a.partnership || ':' || a.half || ':' || a.item), a.comment_text)";

// Registers the functions above on `db` with `keys` (replacing earlier ones).
core::Result<void> install_field_functions(Database& db, const FieldKeys& keys);

// The id of the key the database is sealed under; nullopt when it is unencrypted.
core::Result<std::optional<std::string>> recorded_key_id(Database& db);

// Run once per open, after the migrations, on a connection of the database. With a cipher: a
// database sealed under another key is refused (Conflict, naming both key ids), and an
// unencrypted one is sealed under `cipher` in one transaction; so is one sealed under `cipher`
// that still holds plaintext in a column sealed only since a later migration (the
// self-evaluation's free text of a database encrypted before migration 8). Without one: an
// encrypted database is refused (Conflict). Then installs the functions for ordinary use.
core::Result<void> prepare_fields(Database& db, std::shared_ptr<const core::FieldCipher> cipher);

// Re-seals every sealed value of the database, and its blind indexes, under `next`, and records
// `next` as its key, in one transaction: a crash leaves the database wholly under `old` or
// wholly under `next`. `old` must be the key the database is sealed under (null: unencrypted).
// Leaves the functions of `db` installed for `next`.
core::Result<void> reseal_fields(Database& db, std::shared_ptr<const core::FieldCipher> old,
                                 std::shared_ptr<const core::FieldCipher> next);

}  // namespace samskab::storage::sqlite
