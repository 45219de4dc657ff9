#pragma once

#include <memory>

#include "core/interview_store.h"
#include "storage/sqlite/sqlite_pool.h"

namespace samskab::storage::sqlite {

// core::InterviewStore over SQLite (the migration "interviews"), on the shared connection pool:
// each call takes a connection and is one transaction. Errors as in core/interview_store.h; the
// messages are Danish (the web layer translates by code and field).
//
// The free text written about the people interviewed lives in columns named *_text
// (interviews.interviewee_text, interview_notes.note_text, interview_codings.quote_text,
// self_assessment_answers.comment_text), and, when the database is encrypted, sealed in the
// *_sealed column beside each instead (sqlite_fields.h).
//
// The implementation is split: sqlite_interview_store.cc (codebook, guides, questions) and
// sqlite_interview_records.cc (interviews, notes, codings, coded passages, the check).
class SqliteInterviewStore final : public core::InterviewStore {
public:
    explicit SqliteInterviewStore(std::shared_ptr<ConnectionPool> pool) : m_pool(std::move(pool)) {}

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

    // Shared by the two source files, inside a transaction of theirs.
    // The partnership's themes as stored (empty when it has no copy yet).
    static core::Result<std::vector<core::Theme>> stored_themes(Connection& c,
                                                                std::int64_t partnership);
    // Copies the starting codebook into the partnership when it has no codebook of its own.
    static core::Result<void> ensure_codebook(Connection& c, std::int64_t partnership);
    // The guide's questions in order.
    static core::Result<std::vector<core::InterviewQuestion>> questions_of(Connection& c,
                                                                           std::int64_t guide);
    static core::Result<std::optional<core::InterviewGuide>> guide_of(Connection& c,
                                                                      std::int64_t guide);
    // A new bundle id "<prefix>-<12 hex digits>" for a row of `table` (interview_guides "ig",
    // interviews "iv"; its column `id`), not yet used there.
    static core::Result<std::string> new_record_id(Connection& c, std::string_view table,
                                                   std::string_view prefix);
    // For the bundle (storage/sqlite/sqlite_import.cc): writes `theme` into the partnership's
    // codebook as save_theme does (the starting codebook copied first when the partnership has
    // none), keeping its id: an existing theme is updated, a new one added at the end.
    static core::Result<void> import_theme(Connection& c, std::int64_t partnership,
                                           const core::Theme& theme);
    // Seals `text` into the `column` (interviewee_sealed, note_sealed, quote_sealed) of the row
    // `pk` of `table`, bound to that row under `context`, when the database is encrypted
    // (sqlite_fields.h). The row's key is known only once it is inserted; the plaintext column
    // was written as ''. For the pages' writes and the bundle's import alike.
    static core::Result<void> seal_text(Connection& c, std::string_view table,
                                        std::string_view column, std::string_view context,
                                        std::int64_t pk, std::string_view text);

private:
    std::shared_ptr<ConnectionPool> m_pool;
};

}  // namespace samskab::storage::sqlite
