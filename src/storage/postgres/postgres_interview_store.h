#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pqxx/pqxx>

#include "core/bundle.h"
#include "core/interview_store.h"
#include "core/store.h"
#include "storage/postgres/postgres_fields.h"
#include "storage/postgres/postgres_pool.h"

namespace samskab::storage::postgres {

// core::InterviewStore over PostgreSQL (migrations 7 "interviews" and 9 "interview_ids"), on the
// shared connection pool: each call is one transaction (ConnectionPool::write or read). It
// behaves as SqliteInterviewStore does, error for error (the conformance tests run both).
// The free text about the people interviewed is sealed (storage/postgres/postgres_fields.h) in
// the *_sealed columns beside the *_text columns, which hold '': interviews.interviewee_sealed,
// interview_notes.note_sealed, interview_codings.quote_sealed and
// self_assessment_answers.comment_sealed. Whatever compares these texts (a quote with its note)
// does so here, after opening them.
class PostgresInterviewStore final : public core::InterviewStore {
public:
    // The interviews' free text is sealed with `fields` (storage/postgres/postgres_fields.h).
    PostgresInterviewStore(std::shared_ptr<ConnectionPool> pool, SealedFields fields)
        : m_pool(std::move(pool)), m_fields(std::move(fields)) {}

    core::Result<std::vector<core::Theme>> codebook(std::string_view partnership) override;
    core::Result<bool> has_own_codebook(std::string_view partnership) override;
    core::Result<std::string> save_theme(std::string_view partnership,
                                         const core::Theme& theme) override;
    core::Result<std::vector<core::InterviewGuide>> guides(std::string_view partnership) override;
    core::Result<std::optional<core::InterviewGuide>> find_guide(std::int64_t guide) override;
    core::Result<std::int64_t> create_guide(std::string_view partnership,
                                            std::string_view title) override;
    core::Result<void> rename_guide(std::int64_t guide, std::string_view title) override;
    core::Result<std::int64_t> add_question(std::int64_t guide, std::string_view text) override;
    core::Result<void> edit_question(std::int64_t question, std::string_view text) override;
    core::Result<void> move_question(std::int64_t question, int direction) override;
    core::Result<void> remove_question(std::int64_t question) override;
    core::Result<std::int64_t> create_interview(const core::Interview& interview) override;
    core::Result<std::vector<core::Interview>> interviews(std::string_view partnership) override;
    core::Result<std::optional<core::InterviewRecord>> find_interview(
        std::int64_t interview) override;
    core::Result<std::int64_t> save_note(std::int64_t interview, std::int64_t question,
                                         std::string_view text) override;
    core::Result<std::int64_t> add_coding(std::int64_t note, std::string_view theme,
                                          std::string_view quote) override;
    core::Result<void> remove_coding(std::int64_t coding) override;
    core::Result<std::vector<core::CodedPassage>> coded_passages(std::string_view partnership,
                                                                 core::Day from,
                                                                 core::Day to) override;
    core::Result<std::optional<core::SelfAssessment>> self_assessment(std::string_view partnership,
                                                                      core::HalfYear half) override;
    core::Result<void> save_self_assessment(const core::SelfAssessment& assessment) override;

    // --- for the bundle (PostgresStore::import_bundle and export_bundle), inside the caller's
    // transaction, after the records the interviews refer to are written.
    // Writes the bundle's codes (into each partnership's codebook, as SqliteInterviewStore's
    // import_theme) and then its interviews (as import_interview_guides), with the same rules
    // and errors, and counts codes, interview_guides and interviews in `summary`.
    static core::Result<void> import_interviews(pqxx::transaction_base& tx,
                                                const SealedFields& fields,
                                                const core::Bundle& bundle,
                                                core::ImportSummary& summary);
    // The stored codebooks and interview guides, as SqliteStore::export_bundle gives them.
    static core::Result<void> export_interviews(pqxx::transaction_base& tx,
                                                const SealedFields& fields, core::Bundle& bundle);

private:
    // Shared by the store's source files (postgres_interview_store.cc: codebook, guides,
    // questions; postgres_interview_records.cc: interviews, notes, codings, passages, the check;
    // postgres_interview_bundle.cc: the bundle), inside a transaction of their caller.
    // The partnership's themes as stored, in codebook order (empty when it has no copy yet).
    static std::vector<core::Theme> stored_themes(pqxx::transaction_base& tx,
                                                  std::int64_t partnership);
    // Copies the starting codebook into the partnership when it has no codebook of its own.
    static void ensure_codebook(pqxx::transaction_base& tx, std::int64_t partnership);
    // The guide's questions in order.
    static std::vector<core::InterviewQuestion> questions_of(pqxx::transaction_base& tx,
                                                             std::int64_t guide);
    static std::optional<core::InterviewGuide> guide_of(pqxx::transaction_base& tx,
                                                        std::int64_t guide);
    // Writes a bundle's `theme` into the partnership's codebook as save_theme does (the
    // starting codebook copied first), keeping its id: an existing theme is updated, a new one
    // added at the end (SqliteInterviewStore::import_theme).
    static core::Result<void> import_theme(pqxx::transaction_base& tx, std::int64_t partnership,
                                           const core::Theme& theme);

    std::shared_ptr<ConnectionPool> m_pool;
    SealedFields m_fields;
};

}  // namespace samskab::storage::postgres
