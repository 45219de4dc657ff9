#include "storage/postgres/postgres_name_redaction.h"

#include <string>
#include <vector>

#include "core/name_redaction.h"
#include "storage/postgres/postgres_community_common.h"

namespace samskab::storage::postgres {

namespace {

// One free-text column: its plaintext and sealed columns, what the plaintext column holds once
// the value is sealed, the columns that identify its row (several tables have no single key)
// and the context of its sealed value (postgres_fields.h) from the row as selected, the keys
// first and in this order.
struct RedactedTextColumn {
    std::string_view table;
    std::string_view plain;
    std::string_view sealed;
    std::string_view emptied;
    std::vector<std::string_view> keys;
    std::string (*context)(const pqxx::row& row);
    // For a coded quote: its note is joined as `n`, to redact the quote against the note's text
    // as it was (read before the notes change).
    bool quote = false;
};

std::int64_t redaction_key(const pqxx::row& row, int at) {
    return row[at].as<std::int64_t>();
}

// Codings come before the notes they quote, so that each quote is redacted against its note as
// it was.
const RedactedTextColumn REDACTED_TEXT[] = {
    {"logbook_notes",
     "text",
     "text_sealed",
     "''",
     {"pk"},
     [](const pqxx::row& row) { return note_context(redaction_key(row, 0)); }},
    {"logbook_entry_values",
     "text_value",
     "text_sealed",
     "NULL",
     {"entry", "key"},
     [](const pqxx::row& row) {
         return entry_text_context(redaction_key(row, 0), row[1].as<std::string>());
     }},
    {"interviews",
     "interviewee_text",
     "interviewee_sealed",
     "''",
     {"pk"},
     [](const pqxx::row& row) { return interviewee_context(redaction_key(row, 0)); }},
    {"interview_codings",
     "quote_text",
     "quote_sealed",
     "''",
     {"pk"},
     [](const pqxx::row& row) { return quote_context(redaction_key(row, 0)); },
     true},
    {"interview_notes",
     "note_text",
     "note_sealed",
     "''",
     {"pk"},
     [](const pqxx::row& row) { return interview_note_context(redaction_key(row, 0)); }},
    {"self_assessment_answers",
     "comment_text",
     "comment_sealed",
     "''",
     {"partnership", "half", "item"},
     [](const pqxx::row& row) {
         return comment_context(redaction_key(row, 0), row[1].as<std::string>(),
                                row[2].as<std::string>());
     }},
};

// Opens every value of `column`, redacts it in memory and writes back the changed ones sealed,
// with the plaintext column emptied (also for a row still in plaintext). Returns how many
// changed.
int redact_column(pqxx::transaction_base& tx, const SealedFields& fields,
                  const RedactedTextColumn& column, std::string_view name) {
    std::string select = "SELECT ";
    std::string update = "UPDATE " + std::string(column.table) + " SET " +
                         std::string(column.plain) + " = " + std::string(column.emptied) + ", " +
                         std::string(column.sealed) + " = $1 WHERE ";
    for (std::size_t i = 0; i < column.keys.size(); ++i) {
        select += "t." + std::string(column.keys[i]) + ", ";
        update +=
            (i == 0 ? "" : " AND ") + std::string(column.keys[i]) + " = $" + std::to_string(i + 2);
    }
    select += "t." + std::string(column.sealed) + ", t." + std::string(column.plain);
    if (column.quote) {
        select += ", n.pk, n.note_sealed, n.note_text";
    }
    select += " FROM " + std::string(column.table) + " t";
    if (column.quote) {
        select += " JOIN interview_notes n ON n.pk = t.note";
    }
    select += " WHERE t." + std::string(column.sealed) + " IS NOT NULL OR t." +
              std::string(column.plain) + " IS NOT NULL";
    const auto text_at = static_cast<int>(column.keys.size());
    int changed = 0;
    for (const pqxx::row& row : tx.exec(select)) {
        const std::string context = column.context(row);
        const std::string text = fields.open(row[text_at], row[text_at + 1], context);
        const std::string next =
            column.quote ? core::redact_quote(
                               text,
                               fields.open(row[text_at + 3], row[text_at + 4],
                                           interview_note_context(redaction_key(row, text_at + 2))),
                               name)
                         : core::redact_name(text, name);
        if (next == text) {
            continue;
        }
        update_sealed_row(tx, update, fields.seal(next, context), row, column.keys.size());
        ++changed;
    }
    return changed;
}

}  // namespace

int delete_notes_naming(pqxx::transaction_base& tx, const SealedFields& fields,
                        std::string_view name) {
    int deleted = 0;
    for (const pqxx::row& row : tx.exec("SELECT pk, text_sealed, text FROM logbook_notes")) {
        const auto note = row[0].as<std::int64_t>();
        if (core::names_person(fields.open(row[1], row[2], note_context(note)), name)) {
            tx.exec_params("DELETE FROM logbook_notes WHERE pk = $1", note);
            ++deleted;
        }
    }
    return deleted;
}

int redact_free_text(pqxx::transaction_base& tx, const SealedFields& fields,
                     std::string_view name) {
    int changed = 0;
    if (is_blank(name)) {
        return changed;
    }
    for (const RedactedTextColumn& column : REDACTED_TEXT) {
        changed += redact_column(tx, fields, column, name);
    }
    return changed;
}

}  // namespace samskab::storage::postgres
