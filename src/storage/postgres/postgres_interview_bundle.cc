// PostgresInterviewStore's part of the bundle: the collections `codes` and `interviews`
// (docs/bundle.md), inside the transaction of PostgresStore::import_bundle (so that a refused
// interview leaves nothing of the import written) or export_bundle (one snapshot). The rules,
// errors and order are SQLite's (storage/sqlite/sqlite_interview_bundle.h, which states them):
// - a stored guide keeps its questions; the bundle may append questions and retitle it;
//   Conflict "interviews" when it belongs to another partnership or a question differs;
// - an interview is created without an interviewer (NULL), or, when stored already, left as it
//   is if it is the same, and Conflict "interviews" otherwise;
// - a coding's partnership gets its copy of the starting codebook first.
// The free text is sealed as the store seals it (postgres_interview_records.cc): a new row is
// inserted with '' and its sealed value set by the next statement, and a stored interview is
// compared with the bundle's after its text is opened.
#include <algorithm>
#include <string>
#include <unordered_map>

#include "core/interview.h"
#include "core/self_evaluation_records.h"
#include "storage/postgres/postgres_community_common.h"
#include "storage/postgres/postgres_interview_store.h"

namespace samskab::storage::postgres {

namespace {

using core::ErrorCode;
using Tx = pqxx::transaction_base;

struct StoredQuestion {
    std::int64_t pk = 0;
    std::string text;
};

std::vector<StoredQuestion> stored_questions(Tx& tx, std::int64_t guide) {
    std::vector<StoredQuestion> out;
    for (const pqxx::row& row : tx.exec_params(
             "SELECT pk, text FROM interview_questions WHERE guide = $1 ORDER BY position, pk",
             guide)) {
        out.push_back({row[0].as<std::int64_t>(), row[1].as<std::string>()});
    }
    return out;
}

// The keys of a guide's questions and their numbers (1, 2, 3 ... in order).
std::unordered_map<std::int64_t, int> numbers_of(const std::vector<StoredQuestion>& questions) {
    std::unordered_map<std::int64_t, int> numbers;
    for (size_t i = 0; i < questions.size(); ++i) {
        numbers[questions[i].pk] = static_cast<int>(i) + 1;
    }
    return numbers;
}

core::Result<void> append_question(Tx& tx, std::int64_t guide, const std::string& text) {
    if (auto valid = core::validate_question(text, core::Lang::Da); !valid) {
        return tl::unexpected(valid.error());
    }
    tx.exec_params(
        "INSERT INTO interview_questions (guide, position, text) "
        "VALUES ($1, (SELECT coalesce(max(position), 0) + 1 FROM interview_questions "
        "WHERE guide = $1), $2)",
        guide, text);
    return {};
}

core::Error guide_changed(std::string_view id) {
    return error_da(ErrorCode::Conflict, core::Msg::InterviewGuideChanged, "interviews", {id});
}

// The guide's key, created or reconciled with the stored one.
core::Result<std::int64_t> import_guide(Tx& tx, const core::InterviewGuideRecord& g,
                                        std::int64_t partnership) {
    if (auto valid = core::validate_guide_title(g.title, core::Lang::Da); !valid) {
        return tl::unexpected(valid.error());
    }
    const pqxx::result found =
        tx.exec_params("SELECT pk, partnership FROM interview_guides WHERE id = $1", g.id);
    std::int64_t guide = 0;
    size_t kept = 0;
    if (!found.empty()) {
        guide = found[0][0].as<std::int64_t>();
        if (found[0][1].as<std::int64_t>() != partnership) {
            return tl::unexpected(guide_changed(g.id));
        }
        const std::vector<StoredQuestion> stored = stored_questions(tx, guide);
        if (stored.size() > g.questions.size()) {
            return tl::unexpected(guide_changed(g.id));
        }
        for (size_t i = 0; i < stored.size(); ++i) {
            if (stored[i].text != g.questions[i]) {
                return tl::unexpected(guide_changed(g.id));
            }
        }
        kept = stored.size();
        tx.exec_params("UPDATE interview_guides SET title = $1 WHERE pk = $2", g.title, guide);
    } else {
        guide = tx.exec_params(
                      "INSERT INTO interview_guides (id, partnership, title) VALUES ($1, $2, $3) "
                      "RETURNING pk",
                      g.id, partnership, g.title)[0][0]
                    .as<std::int64_t>();
    }
    for (size_t i = kept; i < g.questions.size(); ++i) {
        SAMSKAB_TRY(append_question(tx, guide, g.questions[i]));
    }
    return guide;
}

// Notes in the order of their questions; notes of one question keep their order.
void sort_by_question(std::vector<core::InterviewNoteRecord>& notes) {
    std::stable_sort(notes.begin(), notes.end(),
                     [](const auto& a, const auto& b) { return a.question < b.question; });
}

// The stored interview `pk` as the bundle carries it: notes by question number, each with its
// codings in the order they were made.
core::HeldInterviewRecord read_interview(Tx& tx, const SealedFields& fields, std::int64_t pk,
                                         const std::unordered_map<std::int64_t, int>& numbers) {
    core::HeldInterviewRecord out;
    const pqxx::result head = tx.exec_params(
        "SELECT i.id, i.date, i.interviewee_sealed, i.interviewee_text, pe.id FROM interviews i "
        "LEFT JOIN people pe ON pe.pk = i.person WHERE i.pk = $1",
        pk);
    out.id = head[0][0].as<std::string>();
    out.date = date_of_text(head[0][1].as<std::string>());
    out.interviewee = fields.open(head[0][2], head[0][3], interviewee_context(pk));
    out.person = optional_text(head[0][4]);
    std::unordered_map<std::int64_t, size_t> note_of_key;
    for (const pqxx::row& row :
         tx.exec_params("SELECT pk, question, note_sealed, note_text FROM interview_notes "
                        "WHERE interview = $1 ORDER BY pk",
                        pk)) {
        const auto note = row[0].as<std::int64_t>();
        const auto number = numbers.find(row[1].as<std::int64_t>());
        note_of_key[note] = out.notes.size();
        out.notes.push_back(
            core::InterviewNoteRecord{number == numbers.end() ? 0 : number->second,
                                      fields.open(row[2], row[3], interview_note_context(note)),
                                      {}});
    }
    for (const pqxx::row& row : tx.exec_params(
             "SELECT k.pk, k.note, k.theme, k.quote_sealed, k.quote_text FROM interview_codings k "
             "JOIN interview_notes n ON n.pk = k.note WHERE n.interview = $1 ORDER BY k.pk",
             pk)) {
        const auto note = note_of_key.find(row[1].as<std::int64_t>());
        if (note != note_of_key.end()) {
            out.notes[note->second].codings.push_back(
                {row[2].as<std::string>(),
                 fields.open(row[3], row[4], quote_context(row[0].as<std::int64_t>()))});
        }
    }
    sort_by_question(out.notes);
    return out;
}

core::Result<void> insert_coding(Tx& tx, const SealedFields& fields, std::int64_t note,
                                 std::string_view note_text, std::int64_t partnership,
                                 const core::InterviewCodingRecord& k) {
    if (auto valid = core::validate_quote(k.quote, note_text, core::Lang::Da); !valid) {
        return tl::unexpected(valid.error());
    }
    if (tx.exec_params("SELECT 1 FROM codebook_themes WHERE partnership = $1 AND id = $2",
                       partnership, k.theme)
            .empty()) {
        return tl::unexpected(unknown(core::Msg::NounTheme, k.theme, "theme"));
    }
    const auto pk = tx.exec_params(
                          "INSERT INTO interview_codings (note, partnership, theme, quote_text) "
                          "VALUES ($1, $2, $3, '') RETURNING pk",
                          note, partnership, k.theme)[0][0]
                        .as<std::int64_t>();
    set_sealed(tx, "interview_codings", "quote_sealed", pk,
               fields.seal(k.quote, quote_context(pk)));
    return {};
}

// Creates the interview with its notes and codings; the caller has given the partnership its
// codebook when the interview has codings.
core::Result<void> insert_interview(Tx& tx, const SealedFields& fields, std::int64_t guide,
                                    std::int64_t partnership,
                                    const std::vector<StoredQuestion>& questions,
                                    const core::HeldInterviewRecord& iv) {
    if (auto valid = core::validate_interviewee(iv.interviewee, core::Lang::Da); !valid) {
        return tl::unexpected(valid.error());
    }
    std::optional<std::int64_t> person;
    if (iv.person) {
        SAMSKAB_TRY_SET(person, require_key(tx, Keyed::People, *iv.person, "person"));
    }
    const std::int64_t pk =
        tx.exec_params(
              "INSERT INTO interviews (id, guide, date, interviewer, interviewee_text, person) "
              "VALUES ($1, $2, $3, NULL, '', $4) RETURNING pk",
              iv.id, guide, date_text(iv.date), person)[0][0]
            .as<std::int64_t>();
    set_sealed(tx, "interviews", "interviewee_sealed", pk,
               fields.seal(iv.interviewee, interviewee_context(pk)));
    for (const core::InterviewNoteRecord& note : iv.notes) {
        if (auto valid = core::validate_note(note.text, core::Lang::Da); !valid) {
            return tl::unexpected(valid.error());
        }
        if (note.question < 1 || static_cast<size_t>(note.question) > questions.size()) {
            return tl::unexpected(
                unknown_da("spørgsmål", std::to_string(note.question), "question"));
        }
        const std::int64_t note_pk =
            tx.exec_params(
                  "INSERT INTO interview_notes (interview, question, note_text) "
                  "VALUES ($1, $2, '') RETURNING pk",
                  pk, questions[static_cast<size_t>(note.question) - 1].pk)[0][0]
                .as<std::int64_t>();
        set_sealed(tx, "interview_notes", "note_sealed", note_pk,
                   fields.seal(note.text, interview_note_context(note_pk)));
        for (const core::InterviewCodingRecord& k : note.codings) {
            SAMSKAB_TRY(insert_coding(tx, fields, note_pk, note.text, partnership, k));
        }
    }
    return {};
}

bool has_codings(const core::HeldInterviewRecord& iv) {
    return std::any_of(iv.notes.begin(), iv.notes.end(),
                       [](const auto& note) { return !note.codings.empty(); });
}

}  // namespace

core::Result<void> PostgresInterviewStore::import_interviews(Tx& tx, const SealedFields& fields,
                                                             const core::Bundle& bundle,
                                                             core::ImportSummary& summary) {
    for (const core::CodeRecord& code : bundle.codes) {
        const auto partnership = key_of(tx, Keyed::Partnerships, code.partnership);
        if (!partnership) {
            // Validation resolves every reference first; reaching this is a bug of the caller.
            return core::fail(ErrorCode::NotFound, "unknown id \"" + code.partnership + "\"");
        }
        SAMSKAB_TRY(import_theme(tx, *partnership, core::to_theme(code)));
        ++summary.codes;
    }
    // After the codes: a coding's theme may be one the bundle adds to the codebook.
    std::size_t created = 0;
    for (const core::InterviewGuideRecord& g : bundle.interviews) {
        std::int64_t partnership = 0;
        SAMSKAB_TRY_SET(partnership,
                        require_key(tx, Keyed::Partnerships, g.partnership, "partnership"));
        std::int64_t guide = 0;
        SAMSKAB_TRY_SET(guide, import_guide(tx, g, partnership));
        const std::vector<StoredQuestion> questions = stored_questions(tx, guide);
        const auto numbers = numbers_of(questions);
        for (const core::HeldInterviewRecord& iv : g.interviews) {
            const pqxx::result found =
                tx.exec_params("SELECT pk, guide FROM interviews WHERE id = $1", iv.id);
            if (found.empty()) {
                if (has_codings(iv)) {
                    ensure_codebook(tx, partnership);
                }
                SAMSKAB_TRY(insert_interview(tx, fields, guide, partnership, questions, iv));
                ++created;
                continue;
            }
            const bool same_guide = found[0][1].as<std::int64_t>() == guide;
            const core::HeldInterviewRecord stored =
                read_interview(tx, fields, found[0][0].as<std::int64_t>(), numbers);
            core::HeldInterviewRecord given = iv;
            sort_by_question(given.notes);
            if (!same_guide || !(stored == given)) {
                return tl::unexpected(error_da(ErrorCode::Conflict, core::Msg::InterviewChanged,
                                               "interviews", {iv.id}));
            }
        }
    }
    summary.interviews = created;
    summary.interview_guides = bundle.interviews.size();
    return {};
}

core::Result<void> PostgresInterviewStore::export_interviews(Tx& tx, const SealedFields& fields,
                                                             core::Bundle& bundle) {
    // Codes by partnership id, each partnership's in its codebook's order: an import appends
    // new themes in the order given.
    for (const pqxx::row& row :
         tx.exec("SELECT pk, id FROM partnerships ORDER BY id COLLATE \"C\"")) {
        const std::string id = row[1].as<std::string>();
        for (const core::Theme& theme : stored_themes(tx, row[0].as<std::int64_t>())) {
            bundle.codes.push_back(core::to_record(id, theme));
        }
    }
    // Guides by id, with their questions numbered from 1 and their interviews by id.
    for (const pqxx::row& row :
         tx.exec("SELECT g.pk, g.id, p.id, g.title FROM interview_guides g "
                 "JOIN partnerships p ON p.pk = g.partnership ORDER BY g.id COLLATE \"C\"")) {
        const std::int64_t pk = row[0].as<std::int64_t>();
        core::InterviewGuideRecord record{
            row[1].as<std::string>(), row[2].as<std::string>(), row[3].as<std::string>(), {}, {}};
        const std::vector<StoredQuestion> questions = stored_questions(tx, pk);
        for (const StoredQuestion& question : questions) {
            record.questions.push_back(question.text);
        }
        const auto numbers = numbers_of(questions);
        for (const pqxx::row& interview : tx.exec_params(
                 "SELECT pk FROM interviews WHERE guide = $1 ORDER BY id COLLATE \"C\"", pk)) {
            record.interviews.push_back(
                read_interview(tx, fields, interview[0].as<std::int64_t>(), numbers));
        }
        bundle.interviews.push_back(std::move(record));
    }
    return {};
}

}  // namespace samskab::storage::postgres
