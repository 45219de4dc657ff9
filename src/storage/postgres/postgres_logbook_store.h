#pragma once

#include <memory>

#include <pqxx/pqxx>

#include "core/bundle.h"
#include "core/store.h"
#include "core/logbook_store.h"
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
    explicit PostgresLogbookStore(std::shared_ptr<ConnectionPool> pool) : m_pool(std::move(pool)) {}

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
                                              const core::Bundle& bundle,
                                              core::ImportSummary& summary);
    // Every template and every entry, in the order SqliteStore::export_bundle gives them.
    static core::Result<void> export_logbooks(pqxx::transaction_base& tx, core::Bundle& bundle);

private:
    std::shared_ptr<ConnectionPool> m_pool;
};

}  // namespace samskab::storage::postgres
