// PostgresLogbookStore's part of the bundle: the bundle's logbook_templates and logbook_entries
// written and read inside PostgresStore's import and export transactions, by the rules of
// SqliteLogbookStore::import_template, import_entry, all_templates and all_entries, so that a
// bundle imports into either database with the same errors and exports as the same text.
#include <algorithm>

#include "core/self_evaluation_records.h"
#include "storage/postgres/postgres_community_common.h"
#include "storage/postgres/postgres_logbook_store.h"

namespace samskab::storage::postgres {

namespace {

using core::ErrorCode;
using Tx = pqxx::transaction_base;

template <class Records>
void sort_by_id(Records& records) {
    std::sort(records.begin(), records.end(),
              [](const auto& x, const auto& y) { return x.id < y.id; });
}

}  // namespace

core::Result<void> PostgresLogbookStore::import_logbooks(Tx& tx, const SealedFields& fields,
                                                         const core::Bundle& bundle,
                                                         core::ImportSummary& summary) {
    for (const core::LogbookTemplateRecord& record : bundle.logbook_templates) {
        const core::LogbookTemplate logbook = core::to_template(record);
        SAMSKAB_TRY(first_error(core::validate_template_name(logbook.name, core::Lang::Da)));
        TemplatePlace where;
        SAMSKAB_TRY_SET(where, template_place(tx, logbook.scope, logbook.place, logbook.activity));
        const core::LocalTime created =
            logbook.versions.empty() ? 0 : logbook.versions.front().created;
        // Created, or when its id is stored already, its name, place and activity updated.
        const auto key =
            tx.exec_params(
                  "INSERT INTO logbook_templates (id, partnership, place, activity, name, "
                  "created_at) SELECT $1, partnership, pk, $2::bigint, $3, $4 FROM places "
                  "WHERE pk = $5 ON CONFLICT (id) DO UPDATE SET "
                  "partnership = excluded.partnership, place = excluded.place, "
                  "activity = excluded.activity, name = excluded.name RETURNING pk",
                  logbook.id, where.activity, logbook.name, time_text(created), where.place)[0][0]
                .as<std::int64_t>();
        const std::vector<core::TemplateVersion> stored = versions_of(tx, key);
        for (const core::TemplateVersion& version : logbook.versions) {
            const auto same = std::find_if(stored.begin(), stored.end(), [&](const auto& v) {
                return v.number == version.number;
            });
            if (same == stored.end()) {
                SAMSKAB_TRY(first_error(core::validate_fields(version.fields, core::Lang::Da)));
                insert_version(tx, key, version.number, version.fields, version.created);
            } else if (same->fields != version.fields) {
                // Entries were written with the stored version; changing it would change them.
                return tl::unexpected(error_da(ErrorCode::Conflict, core::Msg::VersionChanged,
                                               "versions",
                                               {logbook.id, std::to_string(version.number)}));
            }
        }
        ++summary.logbook_templates;
    }
    for (const core::LogbookEntryRecord& record : bundle.logbook_entries) {
        const core::LogbookEntry entry = core::to_entry(record);
        // An entry stored already is replaced whole: its values may be for another version
        // now. Its values and people present go with it (ON DELETE CASCADE).
        tx.exec_params("DELETE FROM logbook_entries WHERE id = $1", entry.id);
        // No visits: a bundle carries its visits itself.
        SAMSKAB_TRY(insert_entry(tx, fields, entry, false));
        ++summary.logbook_entries;
    }
    return {};
}

core::Result<void> PostgresLogbookStore::export_logbooks(Tx& tx, const SealedFields& fields,
                                                         core::Bundle& bundle) {
    // Every template and every entry: the parameters only satisfy the loaders' forms.
    std::vector<core::LogbookTemplate> templates = load_templates(tx, "WHERE t.pk > $1", 0);
    sort_by_id(templates);
    for (const core::LogbookTemplate& logbook : templates) {
        bundle.logbook_templates.push_back(core::to_record(logbook));
    }
    std::vector<core::LogbookEntry> entries = load_entries(
        tx, fields, "e.pk > $1 AND e.day BETWEEN $2 AND $3", 0,
        core::parse_date("0001-01-01").value_or(0), core::parse_date("9999-12-31").value_or(0));
    sort_by_id(entries);
    for (const core::LogbookEntry& entry : entries) {
        bundle.logbook_entries.push_back(core::to_record(entry));
    }
    return {};
}

}  // namespace samskab::storage::postgres
