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

// A character as fold_name sees it: a two-byte UTF-8 sequence, or one byte.
std::size_t unit_length(std::string_view text, std::size_t at) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte >= 0xC2 && byte <= 0xDF && at + 1 < text.size() &&
        (static_cast<unsigned char>(text[at + 1]) & 0xC0) == 0x80) {
        return 2;
    }
    return 1;
}

std::string replaced(std::string_view text,
                     const std::vector<std::pair<std::size_t, std::size_t>>& ranges) {
    std::string out;
    std::size_t from = 0;
    for (const auto& [begin, end] : ranges) {
        out.append(text.substr(from, begin - from));
        out.append(REDACTED_NAME);
        from = end;
    }
    out.append(text.substr(from));
    return out;
}

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

std::vector<std::pair<std::size_t, std::size_t>> name_occurrences(std::string_view text,
                                                                  std::string_view name) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    if (is_blank(name)) {
        return out;
    }
    const std::string wanted = fold_name(name);
    // The folded text, with the offset in `text` of the character each folded byte came from,
    // so that a match found in the folded text is cut from the text itself.
    std::string folded;
    std::vector<std::size_t> origin;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t length = unit_length(text, at);
        const std::string unit = fold_name(text.substr(at, length));
        folded += unit;
        origin.insert(origin.end(), unit.size(), at);
        at += length;
    }
    origin.push_back(text.size());
    const auto starts_character = [&](std::size_t j) {
        return j == 0 || j == folded.size() || origin[j - 1] != origin[j];
    };
    std::size_t j = folded.find(wanted);
    while (j != std::string::npos) {
        const std::size_t end = j + wanted.size();
        if (starts_character(j) && starts_character(end)) {
            out.emplace_back(origin[j], origin[end]);
            j = folded.find(wanted, end);
        } else {
            j = folded.find(wanted, j + 1);
        }
    }
    return out;
}

bool names_person(std::string_view text, std::string_view name) {
    return !name_occurrences(text, name).empty();
}

std::string redact_name(std::string_view text, std::string_view name) {
    return replaced(text, name_occurrences(text, name));
}

std::string redact_quote(std::string_view quote, std::string_view note, std::string_view name) {
    const std::size_t at = quote.empty() ? std::string_view::npos : note.find(quote);
    if (at == std::string_view::npos) {
        return redact_name(quote, name);
    }
    std::size_t begin = at;
    std::size_t end = at + quote.size();
    const auto occurrences = name_occurrences(note, name);
    for (const auto& [first, last] : occurrences) {
        if (first < begin && begin < last) {
            begin = first;
        }
        if (first < end && end < last) {
            end = last;
        }
    }
    std::vector<std::pair<std::size_t, std::size_t>> inside;
    for (const auto& [first, last] : occurrences) {
        if (first >= begin && last <= end) {
            inside.emplace_back(first - begin, last - begin);
        }
    }
    return replaced(note.substr(begin, end - begin), inside);
}

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
