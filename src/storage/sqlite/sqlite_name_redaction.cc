#include "storage/sqlite/sqlite_name_redaction.h"

#include "storage/sqlite/sqlite_fields.h"

namespace samskab::storage::sqlite {

namespace {

// One free-text column: how to read it opened (sqlite_fields.h), the context its sealed value
// is bound to (which also identifies the row: several tables have no single key), and what
// its plaintext column holds when the value is sealed.
struct FreeTextColumn {
    std::string_view table;
    std::string_view alias;
    std::string_view read;
    std::string_view context;
    std::string_view plain;
    std::string_view sealed;
    std::string_view plain_when_sealed;
    // For a coded quote: the opened text of its note, read before the notes change.
    std::string_view note = {};
};

// Codings come before the notes they quote, so that each quote is redacted against its note as
// it was.
const FreeTextColumn FREE_TEXT[] = {
    {"logbook_notes", "n", NOTE_TEXT, "'logbook_notes.text:' || n.pk", "text", "text_sealed", "''"},
    {"logbook_entry_values", "v", ENTRY_TEXT,
     "'logbook_entry_values.text_value:' || v.entry || ':' || v.key", "text_value", "text_sealed",
     "NULL"},
    {"interviews", "i", INTERVIEWEE_TEXT, "'interviews.interviewee_text:' || i.pk",
     "interviewee_text", "interviewee_sealed", "''"},
    {"interview_codings", "k", QUOTE_TEXT, "'interview_codings.quote_text:' || k.pk", "quote_text",
     "quote_sealed", "''",
     "(SELECT coalesce(samskab_reveal(n.note_sealed, 'interview_notes.note_text:' || n.pk), "
     "n.note_text) FROM interview_notes n WHERE n.pk = k.note)"},
    {"interview_notes", "n", INTERVIEW_NOTE_TEXT, "'interview_notes.note_text:' || n.pk",
     "note_text", "note_sealed", "''"},
    {"self_assessment_answers", "a", COMMENT_TEXT,
     "'self_assessment_answers.comment_text:' || a.partnership || ':' || a.half || ':' || a.item",
     "comment_text", "comment_sealed", "''"},
};

struct Change {
    std::string context;
    std::string text;
};

core::Result<int> redact_column(Connection& c, const FreeTextColumn& column,
                                std::string_view name) {
    const std::string from =
        " FROM " + std::string(column.table) + " AS " + std::string(column.alias);
    std::string select = "SELECT " + std::string(column.context) + ", " + std::string(column.read);
    if (!column.note.empty()) {
        select += ", " + std::string(column.note);
    }
    select += from + " WHERE " + std::string(column.read) + " IS NOT NULL";
    // Read whole before writing: the rows are not changed under an open statement.
    std::vector<Change> changes;
    {
        Query query(c, select);
        SAMSKAB_TRY(query.for_each_row([&] {
            const std::string text = query.text(1);
            std::string next = column.note.empty() ? redact_name(text, name)
                                                   : redact_quote(text, query.text(2), name);
            if (next != text) {
                changes.push_back({query.text(0), std::move(next)});
            }
        }));
    }
    const std::string update =
        "UPDATE " + std::string(column.table) + " AS " + std::string(column.alias) + " SET " +
        std::string(column.plain) + " = CASE WHEN samskab_encrypted() THEN " +
        std::string(column.plain_when_sealed) + " ELSE ?1 END, " + std::string(column.sealed) +
        " = CASE WHEN samskab_encrypted() THEN samskab_hide(?1, ?2) END WHERE " +
        std::string(column.context) + " = ?2";
    for (const Change& change : changes) {
        Query write(c, update);
        write.bind(1, change.text).bind(2, change.context);
        SAMSKAB_TRY(write.run());
    }
    return static_cast<int>(changes.size());
}

}  // namespace

core::Result<int> delete_notes_naming(Connection& c, std::string_view name) {
    std::vector<std::int64_t> naming;
    {
        Query notes(c, "SELECT n.pk, " + std::string(NOTE_TEXT) + " FROM logbook_notes n");
        SAMSKAB_TRY(notes.for_each_row([&] {
            if (names_person(notes.text(1), name)) {
                naming.push_back(notes.integer(0));
            }
        }));
    }
    for (std::int64_t note : naming) {
        Query remove(c, "DELETE FROM logbook_notes WHERE pk = ?");
        remove.bind(1, note);
        SAMSKAB_TRY(remove.run());
    }
    return static_cast<int>(naming.size());
}

core::Result<int> redact_free_text(Connection& c, std::string_view name) {
    int changed = 0;
    if (is_blank(name)) {
        return changed;
    }
    for (const FreeTextColumn& column : FREE_TEXT) {
        int count = 0;
        SAMSKAB_TRY_SET(count, redact_column(c, column, name));
        changed += count;
    }
    return changed;
}

}  // namespace samskab::storage::sqlite
