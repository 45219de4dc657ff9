// SqliteInterviewStore: interviews, their notes and codings, the coded passages the analysis
// reads, and the promoters/inhibitors check.
#include "storage/sqlite/sqlite_interview_store.h"

#include "storage/sqlite/sqlite_fields.h"

namespace samskab::storage::sqlite {

namespace {

using core::ErrorCode;

// The partnership (key) of an interview, or NotFound "interview".
core::Result<std::pair<std::int64_t, std::int64_t>> interview_guide(Connection& c,
                                                                    std::int64_t interview) {
    Query query(c,
                "SELECT i.guide, g.partnership FROM interviews i "
                "JOIN interview_guides g ON g.pk = i.guide WHERE i.pk = ?");
    query.bind(1, interview);
    auto row = query.step();
    if (!row) {
        return tl::unexpected(row.error());
    }
    if (!*row) {
        return tl::unexpected(unknown_da("interview", std::to_string(interview), "interview"));
    }
    return std::make_pair(query.integer(0), query.integer(1));
}

// The columns of an interview as read by the listing and the record.
std::string interview_columns() {
    return "SELECT i.pk, i.guide, p.id, i.date, i.interviewer, coalesce(a.name, ''), " +
           std::string(INTERVIEWEE_TEXT) +
           ", pe.id FROM interviews i "
           "JOIN interview_guides g ON g.pk = i.guide JOIN partnerships p ON p.pk = g.partnership "
           "LEFT JOIN accounts a ON a.pk = i.interviewer LEFT JOIN people pe ON pe.pk = i.person ";
}

core::Interview interview_of(const Query& query) {
    core::Interview out;
    out.id = query.integer(0);
    out.guide = query.integer(1);
    out.partnership = query.text(2);
    out.date = date_of_text(query.text(3));
    out.interviewer = query.integer(4);
    out.interviewer_name = query.text(5);
    out.interviewee = query.text(6);
    if (!query.is_null(7)) {
        out.person = query.text(7);
    }
    return out;
}

std::string half_text(core::HalfYear half) {
    return half.text();
}

}  // namespace

core::Result<void> SqliteInterviewStore::seal_text(Connection& c, std::string_view table,
                                                   std::string_view column,
                                                   std::string_view context, std::int64_t pk,
                                                   std::string_view text) {
    Query seal(c, "UPDATE " + std::string(table) + " SET " + std::string(column) +
                      " = samskab_hide(?1, '" + std::string(context) +
                      ":' || pk) WHERE pk = ?2 AND samskab_encrypted()");
    seal.bind(1, text).bind(2, pk);
    return seal.run();
}

core::Result<std::int64_t> SqliteInterviewStore::create_interview(
    const core::Interview& interview) {
    if (auto valid = core::validate_interview(interview, core::Lang::Da); !valid) {
        return tl::unexpected(valid.error());
    }
    return m_pool->write([&](Connection& c) -> core::Result<std::int64_t> {
        std::optional<core::InterviewGuide> guide;
        SAMSKAB_TRY_SET(guide, guide_of(c, interview.guide));
        if (!guide) {
            return tl::unexpected(
                unknown_da("interviewguide", std::to_string(interview.guide), "guide"));
        }
        Query account(c, "SELECT 1 FROM accounts WHERE pk = ?");
        account.bind(1, interview.interviewer);
        auto found = account.step();
        if (!found) {
            return tl::unexpected(found.error());
        }
        if (!*found) {
            return tl::unexpected(
                unknown_da("konto", std::to_string(interview.interviewer), "interviewer"));
        }
        std::optional<std::int64_t> person;
        if (interview.person) {
            SAMSKAB_TRY_SET(person, require_key(c, Keyed::People, *interview.person, "person"));
        }
        std::string bundle_id;
        SAMSKAB_TRY_SET(bundle_id, new_record_id(c, "interviews", "iv"));
        Query insert(c,
                     "INSERT INTO interviews (guide, date, interviewer, interviewee_text, person, "
                     "id) VALUES (?, ?, ?, CASE WHEN samskab_encrypted() THEN '' ELSE ?4 END, ?, "
                     "?) RETURNING pk");
        insert.bind(1, interview.guide)
            .bind(2, date_text(interview.date))
            .bind(3, interview.interviewer)
            .bind(4, interview.interviewee)
            .bind(5, person)
            .bind(6, bundle_id);
        SAMSKAB_TRY(insert.step());
        const std::int64_t id = insert.integer(0);
        SAMSKAB_TRY(insert.run());
        SAMSKAB_TRY(seal_text(c, "interviews", "interviewee_sealed", "interviews.interviewee_text",
                              id, interview.interviewee));
        return id;
    });
}

core::Result<std::vector<core::Interview>> SqliteInterviewStore::interviews(
    std::string_view partnership) {
    return m_pool->read([&](Connection& c) -> core::Result<std::vector<core::Interview>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::Partnerships, partnership, "partnership"));
        Query query(
            c, interview_columns() + "WHERE g.partnership = ? ORDER BY i.date DESC, i.pk DESC");
        query.bind(1, key);
        std::vector<core::Interview> out;
        SAMSKAB_TRY(query.for_each_row([&] { out.push_back(interview_of(query)); }));
        return out;
    });
}

core::Result<std::optional<core::InterviewRecord>> SqliteInterviewStore::find_interview(
    std::int64_t interview) {
    return m_pool->read([&](Connection& c) -> core::Result<std::optional<core::InterviewRecord>> {
        core::InterviewRecord record;
        {
            Query query(c, interview_columns() + "WHERE i.pk = ?");
            query.bind(1, interview);
            auto row = query.step();
            if (!row) {
                return tl::unexpected(row.error());
            }
            if (!*row) {
                return std::nullopt;
            }
            record.interview = interview_of(query);
        }
        std::optional<core::InterviewGuide> guide;
        SAMSKAB_TRY_SET(guide, guide_of(c, record.interview.guide));
        if (guide) {
            record.guide = std::move(*guide);
        }
        Query notes(c, "SELECT n.pk, n.question, " + std::string(INTERVIEW_NOTE_TEXT) +
                           " FROM interview_notes n "
                           "JOIN interview_questions q ON q.pk = n.question "
                           "WHERE n.interview = ? ORDER BY q.position, n.pk");
        notes.bind(1, interview);
        SAMSKAB_TRY(notes.for_each_row([&] {
            record.notes.push_back(
                core::InterviewNote{notes.integer(0), interview, notes.integer(1), notes.text(2)});
        }));
        // Whether a quote is still in its note is decided here, on the opened texts.
        Query codings(c, "SELECT k.pk, k.note, k.theme, " + std::string(QUOTE_TEXT) +
                             " FROM interview_codings k "
                             "JOIN interview_notes n ON n.pk = k.note WHERE n.interview = ? "
                             "ORDER BY k.pk");
        codings.bind(1, interview);
        SAMSKAB_TRY(codings.for_each_row([&] {
            core::Coding coding{codings.integer(0), codings.integer(1), codings.text(2),
                                codings.text(3), false};
            for (const core::InterviewNote& note : record.notes) {
                if (note.id == coding.note) {
                    coding.in_note = note.text.find(coding.quote) != std::string::npos;
                }
            }
            record.codings.push_back(std::move(coding));
        }));
        return record;
    });
}

core::Result<std::int64_t> SqliteInterviewStore::save_note(std::int64_t interview,
                                                           std::int64_t question,
                                                           std::string_view text) {
    if (auto valid = core::validate_note(text, core::Lang::Da); !valid) {
        return tl::unexpected(valid.error());
    }
    return m_pool->write([&](Connection& c) -> core::Result<std::int64_t> {
        std::pair<std::int64_t, std::int64_t> owner;
        SAMSKAB_TRY_SET(owner, interview_guide(c, interview));
        Query belongs(c, "SELECT 1 FROM interview_questions WHERE pk = ? AND guide = ?");
        belongs.bind(1, question).bind(2, owner.first);
        auto row = belongs.step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        if (!*row) {
            return tl::unexpected(unknown_da("spørgsmål", std::to_string(question), "question"));
        }
        Query upsert(
            c,
            "INSERT INTO interview_notes (interview, question, note_text) VALUES (?, ?, "
            "CASE WHEN samskab_encrypted() THEN '' ELSE ?3 END) "
            "ON CONFLICT (interview, question) DO UPDATE SET note_text = excluded.note_text "
            "RETURNING pk");
        upsert.bind(1, interview).bind(2, question).bind(3, text);
        SAMSKAB_TRY(upsert.step());
        const std::int64_t id = upsert.integer(0);
        SAMSKAB_TRY(upsert.run());
        SAMSKAB_TRY(
            seal_text(c, "interview_notes", "note_sealed", "interview_notes.note_text", id, text));
        return id;
    });
}

core::Result<std::int64_t> SqliteInterviewStore::add_coding(std::int64_t note,
                                                            std::string_view theme,
                                                            std::string_view quote) {
    return m_pool->write([&](Connection& c) -> core::Result<std::int64_t> {
        Query found(c, "SELECT " + std::string(INTERVIEW_NOTE_TEXT) +
                           ", g.partnership FROM interview_notes n "
                           "JOIN interviews i ON i.pk = n.interview "
                           "JOIN interview_guides g ON g.pk = i.guide WHERE n.pk = ?");
        found.bind(1, note);
        auto row = found.step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        if (!*row) {
            return tl::unexpected(unknown_da("note", std::to_string(note), "note"));
        }
        const std::string text = found.text(0);
        const std::int64_t partnership = found.integer(1);
        if (auto valid = core::validate_quote(quote, text, core::Lang::Da); !valid) {
            return tl::unexpected(valid.error());
        }
        SAMSKAB_TRY(ensure_codebook(c, partnership));
        Query active(c, "SELECT active FROM codebook_themes WHERE partnership = ? AND id = ?");
        active.bind(1, partnership).bind(2, theme);
        auto theme_row = active.step();
        if (!theme_row) {
            return tl::unexpected(theme_row.error());
        }
        if (!*theme_row) {
            return tl::unexpected(unknown_da("tema", theme, "theme"));
        }
        if (active.integer(0) == 0) {
            return tl::unexpected(error_da(ErrorCode::Invalid, core::Msg::InterviewThemeRetired,
                                           "theme", {"Temaet", theme}));
        }
        Query insert(c,
                     "INSERT INTO interview_codings (note, partnership, theme, quote_text) "
                     "VALUES (?, ?, ?, CASE WHEN samskab_encrypted() THEN '' ELSE ?4 END) "
                     "RETURNING pk");
        insert.bind(1, note).bind(2, partnership).bind(3, theme).bind(4, quote);
        SAMSKAB_TRY(insert.step());
        const std::int64_t id = insert.integer(0);
        SAMSKAB_TRY(insert.run());
        SAMSKAB_TRY(seal_text(c, "interview_codings", "quote_sealed",
                              "interview_codings.quote_text", id, quote));
        return id;
    });
}

core::Result<void> SqliteInterviewStore::remove_coding(std::int64_t coding) {
    return m_pool->write([&](Connection& c) -> core::Result<void> {
        Query remove(c, "DELETE FROM interview_codings WHERE pk = ?");
        remove.bind(1, coding);
        SAMSKAB_TRY(remove.run());
        if (c.db().changes() == 0) {
            return tl::unexpected(unknown_da("kodning", std::to_string(coding), "coding"));
        }
        return {};
    });
}

core::Result<std::vector<core::CodedPassage>> SqliteInterviewStore::coded_passages(
    std::string_view partnership, core::Day from, core::Day to) {
    return m_pool->read([&](Connection& c) -> core::Result<std::vector<core::CodedPassage>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::Partnerships, partnership, "partnership"));
        Query query(c, "SELECT k.pk, i.pk, i.date, k.theme, " + std::string(QUOTE_TEXT) +
                           ", q.text "
                           "FROM interview_codings k JOIN interview_notes n ON n.pk = k.note "
                           "JOIN interviews i ON i.pk = n.interview "
                           "JOIN interview_questions q ON q.pk = n.question "
                           "WHERE k.partnership = ? AND i.date BETWEEN ? AND ? "
                           "ORDER BY i.date, i.pk, q.position, k.pk");
        query.bind(1, key).bind(2, date_text(from)).bind(3, date_text(to));
        std::vector<core::CodedPassage> out;
        SAMSKAB_TRY(query.for_each_row([&] {
            out.push_back(core::CodedPassage{query.integer(0), query.integer(1),
                                             date_of_text(query.text(2)), query.text(3),
                                             query.text(4), query.text(5)});
        }));
        return out;
    });
}

core::Result<std::optional<core::SelfAssessment>> SqliteInterviewStore::self_assessment(
    std::string_view partnership, core::HalfYear half) {
    return m_pool->read([&](Connection& c) -> core::Result<std::optional<core::SelfAssessment>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::Partnerships, partnership, "partnership"));
        core::SelfAssessment out;
        {
            Query head(c,
                       "SELECT saved_by, saved_at FROM self_assessments "
                       "WHERE partnership = ? AND half = ?");
            head.bind(1, key).bind(2, half_text(half));
            auto row = head.step();
            if (!row) {
                return tl::unexpected(row.error());
            }
            if (!*row) {
                return std::nullopt;
            }
            out.partnership = std::string(partnership);
            out.half = half;
            out.saved_by = head.integer(0);
            out.saved_at = time_of_text(head.text(1));
        }
        Query answers(c, "SELECT a.item, a.rating, " + std::string(COMMENT_TEXT) +
                             " FROM self_assessment_answers a "
                             "WHERE a.partnership = ? AND a.half = ? ORDER BY a.position, a.item");
        answers.bind(1, key).bind(2, half_text(half));
        SAMSKAB_TRY(answers.for_each_row([&] {
            core::CheckAnswer answer{answers.text(0), std::nullopt, answers.text(2)};
            if (!answers.is_null(1)) {
                answer.rating = core::parse_check_rating(answers.text(1));
            }
            out.answers.push_back(std::move(answer));
        }));
        return out;
    });
}

core::Result<void> SqliteInterviewStore::save_self_assessment(
    const core::SelfAssessment& assessment) {
    if (auto valid = core::validate_self_assessment(assessment, core::Lang::Da); !valid) {
        return tl::unexpected(valid.error());
    }
    return m_pool->write([&](Connection& c) -> core::Result<void> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key,
                        require_key(c, Keyed::Partnerships, assessment.partnership, "partnership"));
        const std::string half = half_text(assessment.half);
        Query remove(c, "DELETE FROM self_assessments WHERE partnership = ? AND half = ?");
        remove.bind(1, key).bind(2, half);
        SAMSKAB_TRY(remove.run());
        Query head(c,
                   "INSERT INTO self_assessments (partnership, half, saved_by, saved_at) "
                   "VALUES (?, ?, ?, ?)");
        head.bind(1, key)
            .bind(2, half)
            .bind(3, assessment.saved_by)
            .bind(4, time_text(assessment.saved_at));
        SAMSKAB_TRY(head.run());
        std::int64_t position = 0;
        for (const core::CheckAnswer& answer : assessment.answers) {
            // The comment sealed to its row when the database is encrypted (sqlite_fields.h).
            Query insert(c,
                         "INSERT INTO self_assessment_answers (partnership, half, item, position, "
                         "rating, comment_text, comment_sealed) VALUES (?1, ?2, ?3, ?4, ?5, "
                         "CASE WHEN samskab_encrypted() THEN '' ELSE ?6 END, "
                         "CASE WHEN samskab_encrypted() THEN samskab_hide(?6, "
                         "'self_assessment_answers.comment_text:' || ?1 || ':' || ?2 || ':' || ?3) "
                         "END)");
            std::optional<std::string_view> rating;
            if (answer.rating) {
                rating = core::check_rating_name(*answer.rating);
            }
            insert.bind(1, key)
                .bind(2, half)
                .bind(3, answer.item)
                .bind(4, ++position)
                .bind(5, rating)
                .bind(6, answer.comment);
            SAMSKAB_TRY(insert.run());
        }
        return {};
    });
}

}  // namespace samskab::storage::sqlite
