#include "storage/postgres/postgres_survey_store.h"

#include "core/messages.h"

// A placeholder until the store is written: every call fails.
#pragma GCC diagnostic ignored "-Wunused-parameter"

namespace samskab::storage::postgres {

namespace {

core::Error not_yet() {
    return core::Error{core::ErrorCode::Storage, "not stored in PostgreSQL yet", ""};
}

}  // namespace

core::Result<std::int64_t> PostgresSurveyStore::create_round(const core::SurveyRound& round) {
    return tl::unexpected(not_yet());
}

core::Result<std::optional<core::SurveyRound>> PostgresSurveyStore::find_round(std::int64_t round) {
    return tl::unexpected(not_yet());
}

core::Result<std::vector<core::SurveyRoundSummary>> PostgresSurveyStore::rounds(
    std::string_view partnership) {
    return tl::unexpected(not_yet());
}

core::Result<std::vector<core::SurveyRound>> PostgresSurveyStore::open_rounds(
    std::string_view partnership, core::Day today) {
    return tl::unexpected(not_yet());
}

core::Result<bool> PostgresSurveyStore::has_answered(std::int64_t round, std::string_view person) {
    return tl::unexpected(not_yet());
}

core::Result<int> PostgresSurveyStore::submit(const core::SurveyResponse& response,
                                              core::Day today) {
    return tl::unexpected(not_yet());
}

core::Result<core::SurveyCounts> PostgresSurveyStore::counts(std::int64_t round) {
    return tl::unexpected(not_yet());
}

core::Result<std::vector<core::OwnSurveyAnswers>> PostgresSurveyStore::answers_of(
    std::string_view person) {
    return tl::unexpected(not_yet());
}

core::Result<std::vector<core::SurveyResponseAnswers>> PostgresSurveyStore::responses(
    std::int64_t round) {
    return tl::unexpected(not_yet());
}

core::Result<std::vector<core::PersonSummary>> PostgresSurveyStore::people_to_name(
    std::int64_t round, std::string_view person) {
    return tl::unexpected(not_yet());
}

core::Result<void> PostgresSurveyStore::import_surveys(pqxx::transaction_base&,
                                                       const core::Bundle& bundle,
                                                       core::ImportSummary&) {
    if (!bundle.survey_responses.empty()) {
        return core::fail(core::ErrorCode::Invalid,
                          core::message(core::Lang::Da, core::Msg::SurveysNotStored));
    }
    return {};
}

core::Result<void> PostgresSurveyStore::export_surveys(pqxx::transaction_base&, core::Bundle&) {
    return {};
}

}  // namespace samskab::storage::postgres
