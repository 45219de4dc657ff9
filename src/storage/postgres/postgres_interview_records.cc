// PostgresInterviewStore: interviews, their notes and codings, the coded passages the analysis
// reads, and the promoters/inhibitors check, as SqliteInterviewStore
// (storage/sqlite/sqlite_interview_records.cc) keeps them. The free text is sealed
// (storage/postgres/postgres_fields.h): the *_text columns are written '' and the *_sealed
// columns hold the value. A row keyed by an identity column is inserted first and sealed by the
// next statement, once its key (part of the value's context) is known; whether a quote is in
// its note is decided here, after both are opened.
#include "storage/postgres/postgres_interview_store.h"

#include "storage/postgres/postgres_community_common.h"

namespace samskab::storage::postgres {

namespace {

using core::ErrorCode;
using Tx = pqxx::transaction_base;

// The columns of an interview as read by the listing and the record. An imported interview has
// no interviewer (NULL), which reads as 0, as on SQLite.
constexpr std::string_view INTERVIEW_COLUMNS =
    "SELECT i.pk, i.guide, p.id, i.date, coalesce(i.interviewer, 0), coalesce(a.name, ''), "
    "i.interviewee_sealed, i.interviewee_text, pe.id FROM interviews i "
    "JOIN interview_guides g ON g.pk = i.guide JOIN partnerships p ON p.pk = g.partnership "
    "LEFT JOIN accounts a ON a.pk = i.interviewer LEFT JOIN people pe ON pe.pk = i.person ";

core::Interview interview_of(const SealedFields& fields, const pqxx::row& row) {
    core::Interview out;
    out.id = row[0].as<std::int64_t>();
    out.guide = row[1].as<std::int64_t>();
    out.partnership = row[2].as<std::string>();
    out.date = date_of_text(row[3].as<std::string>());
    out.interviewer = row[4].as<std::int64_t>();
    out.interviewer_name = row[5].as<std::string>();
    out.interviewee = fields.open(row[6], row[7], interviewee_context(out.id));
    out.person = optional_text(row[8]);
    return out;
}

}  // namespace

core::Result<std::int64_t> PostgresInterviewStore::create_interview(
    const core::Interview& interview) {
    if (auto valid = core::validate_interview(interview, core::Lang::Da); !valid) {
        return tl::unexpected(valid.error());
    }
    return m_pool->write([&](Tx& tx) -> core::Result<std::int64_t> {
        if (!guide_of(tx, interview.guide)) {
            return tl::unexpected(
                unknown_da("interviewguide", std::to_string(interview.guide), "guide"));
        }
        if (tx.exec_params("SELECT 1 FROM accounts WHERE pk = $1", interview.interviewer).empty()) {
            return tl::unexpected(
                unknown_da("konto", std::to_string(interview.interviewer), "interviewer"));
        }
        std::optional<std::int64_t> person;
        if (interview.person) {
            SAMSKAB_TRY_SET(person, require_key(tx, Keyed::People, *interview.person, "person"));
        }
        const std::string bundle_id = new_record_id(tx, "interviews", "iv");
        const auto pk =
            tx.exec_params(
                  "INSERT INTO interviews (guide, date, interviewer, interviewee_text, person, id) "
                  "VALUES ($1, $2, $3, '', $4, $5) RETURNING pk",
                  interview.guide, date_text(interview.date), interview.interviewer, person,
                  bundle_id)[0][0]
                .as<std::int64_t>();
        set_sealed(tx, "interviews", "interviewee_sealed", pk,
                   m_fields.seal(interview.interviewee, interviewee_context(pk)));
        return pk;
    });
}

core::Result<std::vector<core::Interview>> PostgresInterviewStore::interviews(
    std::string_view partnership) {
    const std::string sql =
        std::string(INTERVIEW_COLUMNS) + "WHERE g.partnership = $1 ORDER BY i.date DESC, i.pk DESC";
    return m_pool->read([&](Tx& tx) -> core::Result<std::vector<core::Interview>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::Partnerships, partnership, "partnership"));
        std::vector<core::Interview> out;
        for (const pqxx::row& row : tx.exec_params(sql, key)) {
            out.push_back(interview_of(m_fields, row));
        }
        return out;
    });
}

core::Result<std::optional<core::InterviewRecord>> PostgresInterviewStore::find_interview(
    std::int64_t interview) {
    const std::string sql = std::string(INTERVIEW_COLUMNS) + "WHERE i.pk = $1";
    return m_pool->read([&](Tx& tx) -> core::Result<std::optional<core::InterviewRecord>> {
        const pqxx::result found = tx.exec_params(sql, interview);
        if (found.empty()) {
            return std::nullopt;
        }
        core::InterviewRecord record;
        record.interview = interview_of(m_fields, found[0]);
        if (auto guide = guide_of(tx, record.interview.guide)) {
            record.guide = std::move(*guide);
        }
        for (const pqxx::row& row :
             tx.exec_params("SELECT n.pk, n.question, n.note_sealed, n.note_text "
                            "FROM interview_notes n "
                            "JOIN interview_questions q ON q.pk = n.question "
                            "WHERE n.interview = $1 ORDER BY q.position, n.pk",
                            interview)) {
            const auto pk = row[0].as<std::int64_t>();
            record.notes.push_back(
                core::InterviewNote{pk, interview, row[1].as<std::int64_t>(),
                                    m_fields.open(row[2], row[3], interview_note_context(pk))});
        }
        // Whether a quote is still in its note is decided here, as on SQLite.
        for (const pqxx::row& row :
             tx.exec_params("SELECT k.pk, k.note, k.theme, k.quote_sealed, k.quote_text "
                            "FROM interview_codings k JOIN interview_notes n ON n.pk = k.note "
                            "WHERE n.interview = $1 ORDER BY k.pk",
                            interview)) {
            const auto pk = row[0].as<std::int64_t>();
            core::Coding coding{pk, row[1].as<std::int64_t>(), row[2].as<std::string>(),
                                m_fields.open(row[3], row[4], quote_context(pk)), false};
            for (const core::InterviewNote& note : record.notes) {
                if (note.id == coding.note) {
                    coding.in_note = note.text.find(coding.quote) != std::string::npos;
                }
            }
            record.codings.push_back(std::move(coding));
        }
        return record;
    });
}

core::Result<std::int64_t> PostgresInterviewStore::save_note(std::int64_t interview,
                                                             std::int64_t question,
                                                             std::string_view text) {
    if (auto valid = core::validate_note(text, core::Lang::Da); !valid) {
        return tl::unexpected(valid.error());
    }
    return m_pool->write([&](Tx& tx) -> core::Result<std::int64_t> {
        const pqxx::result owner =
            tx.exec_params("SELECT guide FROM interviews WHERE pk = $1", interview);
        if (owner.empty()) {
            return tl::unexpected(unknown_da("interview", std::to_string(interview), "interview"));
        }
        if (tx.exec_params("SELECT 1 FROM interview_questions WHERE pk = $1 AND guide = $2",
                           question, owner[0][0].as<std::int64_t>())
                .empty()) {
            return tl::unexpected(unknown_da("spørgsmål", std::to_string(question), "question"));
        }
        // A note of a question that has one already replaces its text.
        const auto pk =
            tx.exec_params(
                  "INSERT INTO interview_notes (interview, question, note_text) "
                  "VALUES ($1, $2, '') "
                  "ON CONFLICT (interview, question) DO UPDATE SET note_text = '' RETURNING pk",
                  interview, question)[0][0]
                .as<std::int64_t>();
        set_sealed(tx, "interview_notes", "note_sealed", pk,
                   m_fields.seal(text, interview_note_context(pk)));
        return pk;
    });
}

core::Result<std::int64_t> PostgresInterviewStore::add_coding(std::int64_t note,
                                                              std::string_view theme,
                                                              std::string_view quote) {
    return m_pool->write([&](Tx& tx) -> core::Result<std::int64_t> {
        const pqxx::result found = tx.exec_params(
            "SELECT n.note_sealed, n.note_text, g.partnership FROM interview_notes n "
            "JOIN interviews i ON i.pk = n.interview "
            "JOIN interview_guides g ON g.pk = i.guide WHERE n.pk = $1",
            note);
        if (found.empty()) {
            return tl::unexpected(unknown_da("note", std::to_string(note), "note"));
        }
        const std::string text =
            m_fields.open(found[0][0], found[0][1], interview_note_context(note));
        const std::int64_t partnership = found[0][2].as<std::int64_t>();
        if (auto valid = core::validate_quote(quote, text, core::Lang::Da); !valid) {
            return tl::unexpected(valid.error());
        }
        ensure_codebook(tx, partnership);
        const pqxx::result active =
            tx.exec_params("SELECT active FROM codebook_themes WHERE partnership = $1 AND id = $2",
                           partnership, std::string(theme));
        if (active.empty()) {
            return tl::unexpected(unknown_da("tema", theme, "theme"));
        }
        if (!active[0][0].as<bool>()) {
            return tl::unexpected(error_da(ErrorCode::Invalid, core::Msg::InterviewThemeRetired,
                                           "theme", {"Temaet", theme}));
        }
        const auto pk = tx.exec_params(
                              "INSERT INTO interview_codings (note, partnership, theme, "
                              "quote_text) VALUES ($1, $2, $3, '') RETURNING pk",
                              note, partnership, std::string(theme))[0][0]
                            .as<std::int64_t>();
        set_sealed(tx, "interview_codings", "quote_sealed", pk,
                   m_fields.seal(quote, quote_context(pk)));
        return pk;
    });
}

core::Result<void> PostgresInterviewStore::remove_coding(std::int64_t coding) {
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        if (tx.exec_params("DELETE FROM interview_codings WHERE pk = $1", coding).affected_rows() ==
            0) {
            return tl::unexpected(unknown_da("kodning", std::to_string(coding), "coding"));
        }
        return {};
    });
}

core::Result<std::vector<core::CodedPassage>> PostgresInterviewStore::coded_passages(
    std::string_view partnership, core::Day from, core::Day to) {
    return m_pool->read([&](Tx& tx) -> core::Result<std::vector<core::CodedPassage>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::Partnerships, partnership, "partnership"));
        std::vector<core::CodedPassage> out;
        for (const pqxx::row& row :
             tx.exec_params("SELECT k.pk, i.pk, i.date, k.theme, k.quote_sealed, k.quote_text, "
                            "q.text FROM interview_codings k "
                            "JOIN interview_notes n ON n.pk = k.note "
                            "JOIN interviews i ON i.pk = n.interview "
                            "JOIN interview_questions q ON q.pk = n.question "
                            "WHERE k.partnership = $1 AND i.date BETWEEN $2 AND $3 "
                            "ORDER BY i.date, i.pk, q.position, k.pk",
                            key, date_text(from), date_text(to))) {
            const auto pk = row[0].as<std::int64_t>();
            out.push_back(core::CodedPassage{
                pk, row[1].as<std::int64_t>(), date_of_text(row[2].as<std::string>()),
                row[3].as<std::string>(), m_fields.open(row[4], row[5], quote_context(pk)),
                row[6].as<std::string>()});
        }
        return out;
    });
}

core::Result<std::optional<core::SelfAssessment>> PostgresInterviewStore::self_assessment(
    std::string_view partnership, core::HalfYear half) {
    return m_pool->read([&](Tx& tx) -> core::Result<std::optional<core::SelfAssessment>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::Partnerships, partnership, "partnership"));
        const pqxx::result head = tx.exec_params(
            "SELECT saved_by, saved_at FROM self_assessments WHERE partnership = $1 AND half = $2",
            key, half.text());
        if (head.empty()) {
            return std::nullopt;
        }
        core::SelfAssessment out;
        out.partnership = std::string(partnership);
        out.half = half;
        out.saved_by = head[0][0].as<std::int64_t>();
        out.saved_at = time_of_text(head[0][1].as<std::string>());
        for (const pqxx::row& row :
             tx.exec_params("SELECT item, rating, comment_sealed, comment_text, half "
                            "FROM self_assessment_answers "
                            "WHERE partnership = $1 AND half = $2 ORDER BY position, item",
                            key, half.text())) {
            const auto item = row[0].as<std::string>();
            std::string comment =
                m_fields.open(row[2], row[3], comment_context(key, row[4].as<std::string>(), item));
            core::CheckAnswer answer{item, std::nullopt, std::move(comment)};
            if (!row[1].is_null()) {
                answer.rating = core::parse_check_rating(row[1].as<std::string>());
            }
            out.answers.push_back(std::move(answer));
        }
        return out;
    });
}

core::Result<void> PostgresInterviewStore::save_self_assessment(
    const core::SelfAssessment& assessment) {
    if (auto valid = core::validate_self_assessment(assessment, core::Lang::Da); !valid) {
        return tl::unexpected(valid.error());
    }
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(
            key, require_key(tx, Keyed::Partnerships, assessment.partnership, "partnership"));
        const std::string half = assessment.half.text();
        // The answers go with their head (ON DELETE CASCADE).
        tx.exec_params("DELETE FROM self_assessments WHERE partnership = $1 AND half = $2", key,
                       half);
        tx.exec_params(
            "INSERT INTO self_assessments (partnership, half, saved_by, saved_at) "
            "VALUES ($1, $2, $3, $4)",
            key, half, assessment.saved_by, time_text(assessment.saved_at));
        std::int64_t position = 0;
        for (const core::CheckAnswer& answer : assessment.answers) {
            std::optional<std::string> rating;
            if (answer.rating) {
                rating = std::string(core::check_rating_name(*answer.rating));
            }
            // The row's key (partnership, half, item) is known: sealed in the insert itself.
            tx.exec_params(
                "INSERT INTO self_assessment_answers (partnership, half, item, position, rating, "
                "comment_text, comment_sealed) VALUES ($1, $2, $3, $4, $5, '', $6)",
                key, half, answer.item, ++position, rating,
                m_fields.seal(answer.comment, comment_context(key, half, answer.item)));
        }
        return {};
    });
}

}  // namespace samskab::storage::postgres
