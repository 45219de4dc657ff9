#include "storage/postgres/postgres_interview_store.h"

#include "core/messages.h"

// A placeholder until the store is written: every call fails.
#pragma GCC diagnostic ignored "-Wunused-parameter"

namespace samskab::storage::postgres {

namespace {

core::Error not_yet() {
    return core::Error{core::ErrorCode::Storage, "not stored in PostgreSQL yet", ""};
}

}  // namespace

core::Result<std::vector<core::Theme>> PostgresInterviewStore::codebook(
    std::string_view partnership) {
    return tl::unexpected(not_yet());
}

core::Result<bool> PostgresInterviewStore::has_own_codebook(std::string_view partnership) {
    return tl::unexpected(not_yet());
}

core::Result<std::string> PostgresInterviewStore::save_theme(std::string_view partnership,
                                                             const core::Theme& theme) {
    return tl::unexpected(not_yet());
}

core::Result<std::vector<core::InterviewGuide>> PostgresInterviewStore::guides(
    std::string_view partnership) {
    return tl::unexpected(not_yet());
}

core::Result<std::optional<core::InterviewGuide>> PostgresInterviewStore::find_guide(
    std::int64_t guide) {
    return tl::unexpected(not_yet());
}

core::Result<std::int64_t> PostgresInterviewStore::create_guide(std::string_view partnership,
                                                                std::string_view title) {
    return tl::unexpected(not_yet());
}

core::Result<void> PostgresInterviewStore::rename_guide(std::int64_t guide,
                                                        std::string_view title) {
    return tl::unexpected(not_yet());
}

core::Result<std::int64_t> PostgresInterviewStore::add_question(std::int64_t guide,
                                                                std::string_view text) {
    return tl::unexpected(not_yet());
}

core::Result<void> PostgresInterviewStore::edit_question(std::int64_t question,
                                                         std::string_view text) {
    return tl::unexpected(not_yet());
}

core::Result<void> PostgresInterviewStore::move_question(std::int64_t question, int direction) {
    return tl::unexpected(not_yet());
}

core::Result<void> PostgresInterviewStore::remove_question(std::int64_t question) {
    return tl::unexpected(not_yet());
}

core::Result<std::int64_t> PostgresInterviewStore::create_interview(
    const core::Interview& interview) {
    return tl::unexpected(not_yet());
}

core::Result<std::vector<core::Interview>> PostgresInterviewStore::interviews(
    std::string_view partnership) {
    return tl::unexpected(not_yet());
}

core::Result<std::optional<core::InterviewRecord>> PostgresInterviewStore::find_interview(
    std::int64_t interview) {
    return tl::unexpected(not_yet());
}

core::Result<std::int64_t> PostgresInterviewStore::save_note(std::int64_t interview,
                                                             std::int64_t question,
                                                             std::string_view text) {
    return tl::unexpected(not_yet());
}

core::Result<std::int64_t> PostgresInterviewStore::add_coding(std::int64_t note,
                                                              std::string_view theme,
                                                              std::string_view quote) {
    return tl::unexpected(not_yet());
}

core::Result<void> PostgresInterviewStore::remove_coding(std::int64_t coding) {
    return tl::unexpected(not_yet());
}

core::Result<std::vector<core::CodedPassage>> PostgresInterviewStore::coded_passages(
    std::string_view partnership, core::Day from, core::Day to) {
    return tl::unexpected(not_yet());
}

core::Result<std::optional<core::SelfAssessment>> PostgresInterviewStore::self_assessment(
    std::string_view partnership, core::HalfYear half) {
    return tl::unexpected(not_yet());
}

core::Result<void> PostgresInterviewStore::save_self_assessment(
    const core::SelfAssessment& assessment) {
    return tl::unexpected(not_yet());
}

core::Result<void> PostgresInterviewStore::import_interviews(pqxx::transaction_base&,
                                                             const core::Bundle& bundle,
                                                             core::ImportSummary&) {
    if (!bundle.codes.empty() || !bundle.interviews.empty()) {
        return core::fail(core::ErrorCode::Invalid,
                          core::message(core::Lang::Da, core::Msg::InterviewsNotStored));
    }
    return {};
}

core::Result<void> PostgresInterviewStore::export_interviews(pqxx::transaction_base&,
                                                             core::Bundle&) {
    return {};
}

}  // namespace samskab::storage::postgres
