#include "storage/postgres/postgres_name_redaction.h"

#include <string>
#include <vector>

#include "core/name_redaction.h"
#include "storage/postgres/postgres_community_common.h"

namespace samskab::storage::postgres {

namespace {

// One free-text column and the columns that identify its row (several tables have no single
// key).
struct FreeTextColumn {
    std::string_view table;
    std::string_view column;
    std::vector<std::string_view> keys;
    // For a coded quote: the text of its note, read before the notes change.
    std::string_view note = {};
};

// Codings come before the notes they quote, so that each quote is redacted against its note as
// it was.
const FreeTextColumn FREE_TEXT[] = {
    {"logbook_notes", "text", {"pk"}},
    {"logbook_entry_values", "text_value", {"entry", "key"}},
    {"interviews", "interviewee_text", {"pk"}},
    {"interview_codings",
     "quote_text",
     {"pk"},
     "(SELECT n.note_text FROM interview_notes n WHERE n.pk = t.note)"},
    {"interview_notes", "note_text", {"pk"}},
    {"self_assessment_answers", "comment_text", {"partnership", "half", "item"}},
};

int redact_column(pqxx::transaction_base& tx, const FreeTextColumn& column, std::string_view name) {
    std::string select = "SELECT ";
    std::string update = "UPDATE " + std::string(column.table) + " SET " +
                         std::string(column.column) + " = $1 WHERE ";
    for (std::size_t i = 0; i < column.keys.size(); ++i) {
        select += "t." + std::string(column.keys[i]) + "::text, ";
        update +=
            (i == 0 ? "" : " AND ") + std::string(column.keys[i]) + " = $" + std::to_string(i + 2);
    }
    select += "t." + std::string(column.column);
    if (!column.note.empty()) {
        select += ", " + std::string(column.note);
    }
    select += " FROM " + std::string(column.table) + " t WHERE t." + std::string(column.column) +
              " IS NOT NULL";
    const std::size_t text_at = column.keys.size();
    int changed = 0;
    for (const pqxx::row& row : tx.exec(select)) {
        const auto text = row[static_cast<int>(text_at)].as<std::string>();
        const std::string next =
            column.note.empty()
                ? core::redact_name(text, name)
                : core::redact_quote(text, row[static_cast<int>(text_at + 1)].as<std::string>(),
                                     name);
        if (next == text) {
            continue;
        }
        std::vector<std::string> values{next};
        for (std::size_t i = 0; i < text_at; ++i) {
            values.push_back(row[static_cast<int>(i)].as<std::string>());
        }
        tx.exec_params(update, pqxx::prepare::make_dynamic_params(values));
        ++changed;
    }
    return changed;
}

}  // namespace

int delete_notes_naming(pqxx::transaction_base& tx, std::string_view name) {
    int deleted = 0;
    for (const pqxx::row& row : tx.exec("SELECT pk, text FROM logbook_notes")) {
        if (core::names_person(row[1].as<std::string>(), name)) {
            tx.exec_params("DELETE FROM logbook_notes WHERE pk = $1", row[0].as<std::int64_t>());
            ++deleted;
        }
    }
    return deleted;
}

int redact_free_text(pqxx::transaction_base& tx, std::string_view name) {
    int changed = 0;
    if (is_blank(name)) {
        return changed;
    }
    for (const FreeTextColumn& column : FREE_TEXT) {
        changed += redact_column(tx, column, name);
    }
    return changed;
}

}  // namespace samskab::storage::postgres
