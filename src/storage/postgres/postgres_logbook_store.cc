#include "storage/postgres/postgres_logbook_store.h"

#include "core/messages.h"

// A placeholder until the store is written: every call fails.
#pragma GCC diagnostic ignored "-Wunused-parameter"

namespace samskab::storage::postgres {

namespace {

core::Error not_yet() {
    return core::Error{core::ErrorCode::Storage, "not stored in PostgreSQL yet", ""};
}

}  // namespace

core::Result<std::string> PostgresLogbookStore::create_template(
    const core::NewLogbookTemplate& logbook) {
    return tl::unexpected(not_yet());
}

core::Result<int> PostgresLogbookStore::save_fields(std::string_view logbook,
                                                    const std::vector<core::TemplateField>& fields,
                                                    core::LocalTime at) {
    return tl::unexpected(not_yet());
}

core::Result<void> PostgresLogbookStore::rename_template(std::string_view logbook,
                                                         std::string_view name) {
    return tl::unexpected(not_yet());
}

core::Result<std::optional<core::LogbookTemplate>> PostgresLogbookStore::find_template(
    std::string_view logbook) {
    return tl::unexpected(not_yet());
}

core::Result<std::vector<core::LogbookTemplate>> PostgresLogbookStore::templates_of_partnership(
    std::string_view partnership) {
    return tl::unexpected(not_yet());
}

core::Result<std::vector<core::LogbookTemplate>> PostgresLogbookStore::templates_at_place(
    std::string_view place) {
    return tl::unexpected(not_yet());
}

core::Result<std::string> PostgresLogbookStore::write_entry(const core::LogbookEntry& entry) {
    return tl::unexpected(not_yet());
}

core::Result<std::vector<core::LogbookEntry>> PostgresLogbookStore::entries(
    std::string_view logbook, core::Day from, core::Day to) {
    return tl::unexpected(not_yet());
}

core::Result<std::vector<core::LogbookEntry>> PostgresLogbookStore::entries_at(
    std::string_view place, core::Day day) {
    return tl::unexpected(not_yet());
}

core::Result<void> PostgresLogbookStore::import_logbooks(pqxx::transaction_base&,
                                                         const core::Bundle& bundle,
                                                         core::ImportSummary&) {
    if (!bundle.logbook_templates.empty() || !bundle.logbook_entries.empty()) {
        return core::fail(core::ErrorCode::Invalid,
                          core::message(core::Lang::Da, core::Msg::SelfEvaluationNotStored));
    }
    return {};
}

core::Result<void> PostgresLogbookStore::export_logbooks(pqxx::transaction_base&, core::Bundle&) {
    return {};
}

}  // namespace samskab::storage::postgres
