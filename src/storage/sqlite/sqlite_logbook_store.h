#pragma once

#include <memory>

#include "core/logbook_store.h"
#include "storage/sqlite/sqlite_pool.h"

namespace samskab::storage::sqlite {

// core::LogbookStore over SQLite (migration 6), on the shared connection pool: each call is one
// transaction (writes in the pool's group commit). Errors as in core/logbook_store.h, with the
// core catalogue's Danish text; the web layer validates in the reader's language first.
// Beyond the interface:
// - a version's rows are inserted once and never updated; save_fields compares the fields with
//   the newest version's and inserts a whole new version when they differ;
// - an entry's values are stored by type in separate columns; free text only ever in
//   logbook_entry_values.text_value, or sealed in .text_sealed when the database is encrypted
//   (sqlite_fields.h);
// - the people present are rows of logbook_entry_people, deleted with the person on erasure
//   (ON DELETE CASCADE), and each is recorded as a visit (record_visit, as check-in does).
class SqliteLogbookStore final : public core::LogbookStore {
public:
    explicit SqliteLogbookStore(std::shared_ptr<ConnectionPool> pool) : m_pool(std::move(pool)) {}

    core::Result<std::string> create_template(const core::NewLogbookTemplate& logbook) override;
    core::Result<int> save_fields(std::string_view logbook,
                                  const std::vector<core::TemplateField>& fields,
                                  core::LocalTime at) override;
    core::Result<void> rename_template(std::string_view logbook, std::string_view name) override;
    core::Result<std::optional<core::LogbookTemplate>> find_template(
        std::string_view logbook) override;
    core::Result<std::vector<core::LogbookTemplate>> templates_of_partnership(
        std::string_view partnership) override;
    core::Result<std::vector<core::LogbookTemplate>> templates_at_place(
        std::string_view place) override;
    core::Result<std::string> write_entry(const core::LogbookEntry& entry) override;
    core::Result<std::vector<core::LogbookEntry>> entries(std::string_view logbook, core::Day from,
                                                          core::Day to) override;
    core::Result<std::vector<core::LogbookEntry>> entries_at(std::string_view place,
                                                             core::Day day) override;

    // --- for the bundle (storage/sqlite/sqlite_import.cc, sqlite_export.cc), on a connection
    // inside the caller's transaction.

    // Writes `logbook` as a bundle carries it: created, or when its id is stored already, its
    // name, place and activity updated. Its versions that are not stored yet are added; a
    // version that is stored is left as it is when its fields are the same, and is Conflict
    // "versions" otherwise (versions never change). NotFound "place" / "activity".
    static core::Result<void> import_template(Connection& c, const core::LogbookTemplate& logbook);
    // Writes an entry as a bundle carries it, replacing a stored entry with the same id.
    // Unlike write_entry, no visits are recorded: a bundle carries its visits itself. Errors
    // as write_entry.
    static core::Result<void> import_entry(Connection& c, const core::LogbookEntry& entry);
    // Every template, by id, with its versions.
    static core::Result<std::vector<core::LogbookTemplate>> all_templates(Connection& c);
    // Every entry, by id, with the ids of the people present.
    static core::Result<std::vector<core::LogbookEntry>> all_entries(Connection& c);

private:
    std::shared_ptr<ConnectionPool> m_pool;
};

}  // namespace samskab::storage::sqlite
