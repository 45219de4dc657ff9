#pragma once

#include <memory>
#include <optional>

#include <pqxx/pqxx>

#include "core/bundle.h"
#include "core/store.h"
#include "core/survey_store.h"
#include "storage/postgres/postgres_fields.h"
#include "storage/postgres/postgres_pool.h"

namespace samskab::storage::postgres {

// core::SurveyStore over PostgreSQL (migrations 10 "surveys" and 11 "survey_ids"), on the
// shared connection pool: each call is one transaction (ConnectionPool::write or read). It
// behaves as SqliteSurveyStore does, error for error (the conformance tests run both): a
// response's key is random, so the order of the rows tells nothing about the order of the
// answers; an anonymous round's responses carry no person; the self_report relations are
// written in the response's transaction.
class PostgresSurveyStore final : public core::SurveyStore {
public:
    // `fields` for the community store it asks for people (storage/postgres/postgres_fields.h).
    PostgresSurveyStore(std::shared_ptr<ConnectionPool> pool, SealedFields fields)
        : m_pool(std::move(pool)), m_fields(std::move(fields)) {}

    core::Result<std::int64_t> create_round(const core::SurveyRound& round) override;
    core::Result<std::optional<core::SurveyRound>> find_round(std::int64_t round) override;
    core::Result<std::vector<core::SurveyRoundSummary>> rounds(
        std::string_view partnership) override;
    core::Result<std::vector<core::SurveyRound>> open_rounds(std::string_view partnership,
                                                             core::Day today) override;
    core::Result<bool> has_answered(std::int64_t round, std::string_view person) override;
    core::Result<int> submit(const core::SurveyResponse& response, core::Day today) override;
    core::Result<core::SurveyCounts> counts(std::int64_t round) override;
    core::Result<std::vector<core::OwnSurveyAnswers>> answers_of(std::string_view person) override;
    core::Result<std::vector<core::SurveyResponseAnswers>> responses(std::int64_t round) override;
    core::Result<std::vector<core::PersonSummary>> people_to_name(std::int64_t round,
                                                                  std::string_view person) override;

    // --- for the bundle (PostgresStore::import_bundle and export_bundle), inside the caller's
    // transaction, after the records the rounds refer to are written.
    // Writes the bundle's survey_responses as SQLite's import_survey_rounds does (same rules,
    // same errors), and counts survey_rounds and survey_responses in `summary`.
    static core::Result<void> import_surveys(pqxx::transaction_base& tx, const core::Bundle& bundle,
                                             core::ImportSummary& summary);
    // Every round with its responses, as SQLite's export_survey_rounds gives them.
    static core::Result<void> export_surveys(pqxx::transaction_base& tx, core::Bundle& bundle);

private:
    // Writes one response of the round with key `round` under a new random key (positive, not
    // yet used), drawn here inside the caller's transaction so that a retried transaction draws
    // anew; returns the key. The one path that writes survey_responses, for submit and the
    // bundle: PostgreSQL's schema has no counterpart of SQLite's trigger, so a person on a
    // response of an anonymous round is refused here (Storage), as the trigger refuses it.
    static core::Result<std::int64_t> insert_response(pqxx::transaction_base& tx,
                                                      std::int64_t round, bool anonymous,
                                                      std::optional<std::int64_t> person);

    std::shared_ptr<ConnectionPool> m_pool;
    SealedFields m_fields;
};

}  // namespace samskab::storage::postgres
