#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pqxx/pqxx>

#include "core/bundle.h"
#include "core/logbook_store.h"
#include "core/store.h"
#include "storage/postgres/postgres_fields.h"
#include "storage/postgres/postgres_pool.h"

namespace samskab::storage::postgres {

// core::LogbookStore over PostgreSQL (migration 6 "logbooks"), on the shared connection pool:
// each call is one transaction (ConnectionPool::write or read). It behaves as
// SqliteLogbookStore does, error for error (the conformance tests run both): a version's rows
// are inserted once and never updated; an entry's values are stored by type in separate
// columns; the people present are rows of logbook_entry_people, deleted with the person on
// erasure, and each is recorded as a visit (record_visit, as check-in does).
class PostgresLogbookStore final : public core::LogbookStore {
public:
    // Entries' text answers are sealed with `fields` (storage/postgres/postgres_fields.h).
    PostgresLogbookStore(std::shared_ptr<ConnectionPool> pool, SealedFields fields)
        : m_pool(std::move(pool)), m_fields(std::move(fields)) {}

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

    // --- for the bundle (PostgresStore::import_bundle and export_bundle), inside the caller's
    // transaction, after the records the logbooks refer to are written.
    // Writes the bundle's logbook_templates and logbook_entries as SqliteLogbookStore's
    // import_template and import_entry do (same rules, same errors), and counts them in
    // `summary`.
    static core::Result<void> import_logbooks(pqxx::transaction_base& tx,
                                              const SealedFields& fields,
                                              const core::Bundle& bundle,
                                              core::ImportSummary& summary);
    // Every template and every entry, in the order SqliteStore::export_bundle gives them.
    static core::Result<void> export_logbooks(pqxx::transaction_base& tx,
                                              const SealedFields& fields, core::Bundle& bundle);

private:
    // Shared by the store's calls (postgres_logbook_store.cc, postgres_logbook_entries.cc)
    // and the bundle's (postgres_logbook_bundle.cc), inside the caller's transaction; libpqxx's
    // exceptions are left to the caller (the pool or the import), which turns them into Storage
    // errors.

    // The first of `errors` (validation's, in Danish) as the store's error, or nothing.
    static core::Result<void> first_error(const std::vector<core::Error>& errors);
    static std::optional<std::int64_t> template_key(pqxx::transaction_base& tx,
                                                    std::string_view id);
    // The template's key; NotFound "template".
    static core::Result<std::int64_t> require_template(pqxx::transaction_base& tx,
                                                       std::string_view id);
    // Options and chosen options are kept one per line (an option is one line), as in SQLite.
    static std::string join_lines(const std::vector<std::string>& lines);
    static std::vector<std::string> split_lines(std::string_view text);

    // Where a template is kept: its place's key and, for an activity's template, the
    // activity's key (the place is then the activity's). NotFound "place" / "activity".
    struct TemplatePlace {
        std::int64_t place = 0;
        std::optional<std::int64_t> activity;
    };
    static core::Result<TemplatePlace> template_place(pqxx::transaction_base& tx,
                                                      core::LogbookScope scope,
                                                      std::string_view place,
                                                      std::string_view activity);
    // Every version of the template with key `logbook`, oldest first, with its fields.
    static std::vector<core::TemplateVersion> versions_of(pqxx::transaction_base& tx,
                                                          std::int64_t logbook);
    static void insert_version(pqxx::transaction_base& tx, std::int64_t logbook, int number,
                               const std::vector<core::TemplateField>& fields, core::LocalTime at);
    // The templates whose row matches `where` (SQL on logbook_templates t, with one bigint
    // parameter $1), by name (bytewise) and id, with their versions.
    static std::vector<core::LogbookTemplate> load_templates(pqxx::transaction_base& tx,
                                                             std::string_view where,
                                                             std::int64_t parameter);
    // The entries matching `where` (SQL on logbook_entries e, with parameters $1 a bigint key,
    // $2 and $3 a day range), oldest first, their values in the order of their version, text
    // answers opened with `fields`.
    static std::vector<core::LogbookEntry> load_entries(pqxx::transaction_base& tx,
                                                        const SealedFields& fields,
                                                        std::string_view where, std::int64_t key,
                                                        core::Day from, core::Day to);
    // write_entry and the bundle's entries: the entry's row, values (text answers sealed with
    // `fields`) and people present, and with `record_visits` a visit for each person present.
    // Returns the entry's id.
    static core::Result<std::string> insert_entry(pqxx::transaction_base& tx,
                                                  const SealedFields& fields,
                                                  const core::LogbookEntry& entry,
                                                  bool record_visits);

    std::shared_ptr<ConnectionPool> m_pool;
    SealedFields m_fields;
};

}  // namespace samskab::storage::postgres
