#include "storage/sqlite/sqlite_interview_bundle.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "core/interview.h"
#include "storage/sqlite/sqlite_fields.h"
#include "storage/sqlite/sqlite_interview_store.h"

namespace samskab::storage::sqlite {

namespace {

using core::ErrorCode;

struct StoredQuestion {
    std::int64_t pk = 0;
    std::string text;
};

// The interviews' free text is sealed exactly as the pages' writes seal it.
constexpr auto seal_text = &SqliteInterviewStore::seal_text;

// Runs an INSERT ... RETURNING pk and gives the key.
core::Result<std::int64_t> inserted_key(Query& insert) {
    auto row = insert.step();
    if (!row) {
        return tl::unexpected(row.error());
    }
    const std::int64_t pk = insert.integer(0);
    SAMSKAB_TRY(insert.run());
    return pk;
}

core::Result<std::vector<StoredQuestion>> stored_questions(Connection& c, std::int64_t guide) {
    Query query(c,
                "SELECT pk, text FROM interview_questions WHERE guide = ? ORDER BY position, pk");
    query.bind(1, guide);
    std::vector<StoredQuestion> out;
    SAMSKAB_TRY(query.for_each_row([&] { out.push_back({query.integer(0), query.text(1)}); }));
    return out;
}

core::Result<void> append_question(Connection& c, std::int64_t guide, std::string_view text) {
    if (auto valid = core::validate_question(text, core::Lang::Da); !valid) {
        return tl::unexpected(valid.error());
    }
    Query insert(c,
                 "INSERT INTO interview_questions (guide, position, text) "
                 "VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM interview_questions "
                 "WHERE guide = ?1), ?2)");
    insert.bind(1, guide).bind(2, text);
    return insert.run();
}

// The key and the integer column of the row of `table` with bundle id `id` (guides: their
// partnership; interviews: their guide), read before the caller writes to the table.
core::Result<std::optional<std::pair<std::int64_t, std::int64_t>>> stored_row(Connection& c,
                                                                              std::string_view sql,
                                                                              std::string_view id) {
    Query find(c, sql);
    find.bind(1, id);
    auto found = find.step();
    if (!found) {
        return tl::unexpected(found.error());
    }
    if (!*found) {
        return std::nullopt;
    }
    return std::make_pair(find.integer(0), find.integer(1));
}

core::Error guide_changed(std::string_view id) {
    return error_da(ErrorCode::Conflict, core::Msg::InterviewGuideChanged, "interviews", {id});
}

// The guide's key, created or reconciled with the stored one as import_interview_guides says.
core::Result<std::int64_t> import_guide(Connection& c, const core::InterviewGuideRecord& g,
                                        std::int64_t partnership) {
    if (auto valid = core::validate_guide_title(g.title, core::Lang::Da); !valid) {
        return tl::unexpected(valid.error());
    }
    std::optional<std::pair<std::int64_t, std::int64_t>> found;
    SAMSKAB_TRY_SET(
        found, stored_row(c, "SELECT pk, partnership FROM interview_guides WHERE id = ?", g.id));
    std::int64_t guide = 0;
    size_t kept = 0;
    if (found) {
        guide = found->first;
        if (found->second != partnership) {
            return tl::unexpected(guide_changed(g.id));
        }
        std::vector<StoredQuestion> stored;
        SAMSKAB_TRY_SET(stored, stored_questions(c, guide));
        if (stored.size() > g.questions.size()) {
            return tl::unexpected(guide_changed(g.id));
        }
        for (size_t i = 0; i < stored.size(); ++i) {
            if (stored[i].text != g.questions[i]) {
                return tl::unexpected(guide_changed(g.id));
            }
        }
        kept = stored.size();
        Query rename(c, "UPDATE interview_guides SET title = ? WHERE pk = ?");
        rename.bind(1, g.title).bind(2, guide);
        SAMSKAB_TRY(rename.run());
    } else {
        Query insert(c,
                     "INSERT INTO interview_guides (id, partnership, title) VALUES (?, ?, ?) "
                     "RETURNING pk");
        insert.bind(1, g.id).bind(2, partnership).bind(3, g.title);
        SAMSKAB_TRY_SET(guide, inserted_key(insert));
    }
    for (size_t i = kept; i < g.questions.size(); ++i) {
        SAMSKAB_TRY(append_question(c, guide, g.questions[i]));
    }
    return guide;
}

// Reads the stored interview `pk` as the bundle carries it; `numbers` maps the keys of its
// guide's questions to their numbers.
core::Result<core::HeldInterviewRecord> read_interview(
    Connection& c, std::int64_t pk, const std::unordered_map<std::int64_t, int>& numbers) {
    core::HeldInterviewRecord out;
    {
        Query query(c, "SELECT i.id, i.date, " + std::string(INTERVIEWEE_TEXT) +
                           ", pe.id FROM interviews i LEFT JOIN people pe ON pe.pk = i.person "
                           "WHERE i.pk = ?");
        query.bind(1, pk);
        SAMSKAB_TRY(query.step());
        out.id = query.text(0);
        out.date = date_of_text(query.text(1));
        out.interviewee = query.text(2);
        if (!query.is_null(3)) {
            out.person = query.text(3);
        }
    }
    std::unordered_map<std::int64_t, size_t> note_of_key;
    {
        Query notes(c, "SELECT n.pk, n.question, " + std::string(INTERVIEW_NOTE_TEXT) +
                           " FROM interview_notes n WHERE n.interview = ?");
        notes.bind(1, pk);
        SAMSKAB_TRY(notes.for_each_row([&] {
            const auto number = numbers.find(notes.integer(1));
            note_of_key[notes.integer(0)] = out.notes.size();
            out.notes.push_back(core::InterviewNoteRecord{
                number == numbers.end() ? 0 : number->second, notes.text(2), {}});
        }));
    }
    Query codings(c, "SELECT k.note, k.theme, " + std::string(QUOTE_TEXT) +
                         " FROM interview_codings k JOIN interview_notes n ON n.pk = k.note "
                         "WHERE n.interview = ? ORDER BY k.pk");
    codings.bind(1, pk);
    SAMSKAB_TRY(codings.for_each_row([&] {
        const auto note = note_of_key.find(codings.integer(0));
        if (note != note_of_key.end()) {
            out.notes[note->second].codings.push_back({codings.text(1), codings.text(2)});
        }
    }));
    std::stable_sort(out.notes.begin(), out.notes.end(),
                     [](const auto& a, const auto& b) { return a.question < b.question; });
    return out;
}

core::Result<void> insert_coding(Connection& c, std::int64_t note, std::string_view note_text,
                                 std::int64_t partnership, const core::InterviewCodingRecord& k) {
    if (auto valid = core::validate_quote(k.quote, note_text, core::Lang::Da); !valid) {
        return tl::unexpected(valid.error());
    }
    Query theme(c, "SELECT 1 FROM codebook_themes WHERE partnership = ? AND id = ?");
    theme.bind(1, partnership).bind(2, k.theme);
    auto found = theme.step();
    if (!found) {
        return tl::unexpected(found.error());
    }
    if (!*found) {
        return tl::unexpected(unknown(core::Msg::NounTheme, k.theme, "theme"));
    }
    Query insert(c,
                 "INSERT INTO interview_codings (note, partnership, theme, quote_text) "
                 "VALUES (?, ?, ?, CASE WHEN samskab_encrypted() THEN '' ELSE ?4 END) "
                 "RETURNING pk");
    insert.bind(1, note).bind(2, partnership).bind(3, k.theme).bind(4, k.quote);
    std::int64_t pk = 0;
    SAMSKAB_TRY_SET(pk, inserted_key(insert));
    return seal_text(c, "interview_codings", "quote_sealed", "interview_codings.quote_text", pk,
                     k.quote);
}

core::Result<void> insert_interview(Connection& c, std::int64_t guide, std::int64_t partnership,
                                    const std::vector<StoredQuestion>& questions,
                                    const core::HeldInterviewRecord& iv) {
    if (auto valid = core::validate_interviewee(iv.interviewee, core::Lang::Da); !valid) {
        return tl::unexpected(valid.error());
    }
    std::optional<std::int64_t> person;
    if (iv.person) {
        SAMSKAB_TRY_SET(person, require_key(c, Keyed::People, *iv.person, "person"));
    }
    Query insert(c,
                 "INSERT INTO interviews (id, guide, date, interviewer, interviewee_text, "
                 "person) VALUES (?1, ?2, ?3, NULL, "
                 "CASE WHEN samskab_encrypted() THEN '' ELSE ?4 END, ?5) RETURNING pk");
    insert.bind(1, iv.id)
        .bind(2, guide)
        .bind(3, date_text(iv.date))
        .bind(4, iv.interviewee)
        .bind(5, person);
    std::int64_t pk = 0;
    SAMSKAB_TRY_SET(pk, inserted_key(insert));
    SAMSKAB_TRY(seal_text(c, "interviews", "interviewee_sealed", "interviews.interviewee_text", pk,
                          iv.interviewee));
    for (const core::InterviewNoteRecord& note : iv.notes) {
        if (auto valid = core::validate_note(note.text, core::Lang::Da); !valid) {
            return tl::unexpected(valid.error());
        }
        if (note.question < 1 || static_cast<size_t>(note.question) > questions.size()) {
            return tl::unexpected(
                unknown_da("spørgsmål", std::to_string(note.question), "question"));
        }
        Query add(c,
                  "INSERT INTO interview_notes (interview, question, note_text) VALUES (?, ?, "
                  "CASE WHEN samskab_encrypted() THEN '' ELSE ?3 END) RETURNING pk");
        add.bind(1, pk)
            .bind(2, questions[static_cast<size_t>(note.question) - 1].pk)
            .bind(3, note.text);
        std::int64_t note_pk = 0;
        SAMSKAB_TRY_SET(note_pk, inserted_key(add));
        SAMSKAB_TRY(seal_text(c, "interview_notes", "note_sealed", "interview_notes.note_text",
                              note_pk, note.text));
        if (!note.codings.empty()) {
            SAMSKAB_TRY(SqliteInterviewStore::ensure_codebook(c, partnership));
        }
        for (const core::InterviewCodingRecord& k : note.codings) {
            SAMSKAB_TRY(insert_coding(c, note_pk, note.text, partnership, k));
        }
    }
    return {};
}

}  // namespace

core::Result<std::size_t> import_interview_guides(
    Connection& c, const std::vector<core::InterviewGuideRecord>& guides) {
    std::size_t created = 0;
    for (const core::InterviewGuideRecord& g : guides) {
        std::int64_t partnership = 0;
        SAMSKAB_TRY_SET(partnership,
                        require_key(c, Keyed::Partnerships, g.partnership, "partnership"));
        std::int64_t guide = 0;
        SAMSKAB_TRY_SET(guide, import_guide(c, g, partnership));
        std::vector<StoredQuestion> questions;
        SAMSKAB_TRY_SET(questions, stored_questions(c, guide));
        std::unordered_map<std::int64_t, int> numbers;
        for (size_t i = 0; i < questions.size(); ++i) {
            numbers[questions[i].pk] = static_cast<int>(i) + 1;
        }
        for (const core::HeldInterviewRecord& iv : g.interviews) {
            std::optional<std::pair<std::int64_t, std::int64_t>> found;
            SAMSKAB_TRY_SET(found,
                            stored_row(c, "SELECT pk, guide FROM interviews WHERE id = ?", iv.id));
            if (!found) {
                SAMSKAB_TRY(insert_interview(c, guide, partnership, questions, iv));
                ++created;
                continue;
            }
            const std::int64_t pk = found->first;
            const bool same_guide = found->second == guide;
            core::HeldInterviewRecord stored;
            SAMSKAB_TRY_SET(stored, read_interview(c, pk, numbers));
            core::HeldInterviewRecord given = iv;
            std::stable_sort(given.notes.begin(), given.notes.end(),
                             [](const auto& a, const auto& b) { return a.question < b.question; });
            if (!same_guide || !(stored == given)) {
                return tl::unexpected(error_da(ErrorCode::Conflict, core::Msg::InterviewChanged,
                                               "interviews", {iv.id}));
            }
        }
    }
    return created;
}

core::Result<std::vector<core::InterviewGuideRecord>> export_interview_guides(Connection& c) {
    struct Row {
        std::int64_t pk;
        core::InterviewGuideRecord record;
    };
    std::vector<Row> rows;
    {
        Query query(c,
                    "SELECT g.pk, g.id, p.id, g.title FROM interview_guides g "
                    "JOIN partnerships p ON p.pk = g.partnership ORDER BY g.id");
        SAMSKAB_TRY(query.for_each_row([&] {
            rows.push_back(
                {query.integer(0), {query.text(1), query.text(2), query.text(3), {}, {}}});
        }));
    }
    std::vector<core::InterviewGuideRecord> out;
    out.reserve(rows.size());
    for (Row& row : rows) {
        std::vector<StoredQuestion> questions;
        SAMSKAB_TRY_SET(questions, stored_questions(c, row.pk));
        std::unordered_map<std::int64_t, int> numbers;
        for (size_t i = 0; i < questions.size(); ++i) {
            numbers[questions[i].pk] = static_cast<int>(i) + 1;
            row.record.questions.push_back(questions[i].text);
        }
        std::vector<std::int64_t> interviews;
        Query query(c, "SELECT pk FROM interviews WHERE guide = ? ORDER BY id");
        query.bind(1, row.pk);
        SAMSKAB_TRY(query.for_each_row([&] { interviews.push_back(query.integer(0)); }));
        for (std::int64_t pk : interviews) {
            core::HeldInterviewRecord interview;
            SAMSKAB_TRY_SET(interview, read_interview(c, pk, numbers));
            row.record.interviews.push_back(std::move(interview));
        }
        out.push_back(std::move(row.record));
    }
    return out;
}

}  // namespace samskab::storage::sqlite
