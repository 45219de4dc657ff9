// PostgresSurveyStore's part of the bundle: the collection `survey_responses` (docs/bundle.md),
// inside PostgresStore::import_bundle's transaction (so that a refused round leaves nothing of
// the import written) and export_bundle's snapshot. The rules are SQLite's
// (storage/sqlite/sqlite_survey_bundle.h), error for error:
// - a round not stored (by id) is created with its responses and respondents (a named round's
//   respondents are its responses' people), without a creator (NULL) and with its first day as
//   its creation time;
// - a round stored already is left as it is when it is the same (responses in any order), and
//   is Conflict "survey_responses" otherwise: an import never changes a stored round.
// Responses are written as submit writes them (insert_response): a random key each, no time, no
// person in an anonymous round, and an answered-marker per respondent that nothing links to the
// answers.
#include <algorithm>
#include <map>
#include <string>

#include "core/bundle_validator_surveys.h"
#include "core/survey.h"
#include "storage/postgres/postgres_community_common.h"
#include "storage/postgres/postgres_survey_store.h"

namespace samskab::storage::postgres {

namespace {

using core::ErrorCode;
using Tx = pqxx::transaction_base;

// The stored rounds as the bundle carries them, by id: all of them, or the one with `id`.
// Responses by content (person, then answers by question id), an anonymous round's
// respondents by id.
std::vector<core::SurveyRoundRecord> read_rounds(Tx& tx, std::optional<std::string> id) {
    const pqxx::result rounds = tx.exec_params(
        "SELECT r.pk, r.id, pa.id, pl.id, r.title, r.opens, r.closes, r.anonymous "
        "FROM survey_rounds r JOIN partnerships pa ON pa.pk = r.partnership "
        "LEFT JOIN places pl ON pl.pk = r.place WHERE $1::text IS NULL OR r.id = $1 "
        "ORDER BY r.id",
        id);
    std::vector<core::SurveyRoundRecord> out;
    std::map<std::int64_t, std::size_t> index;  // round key -> position in `out`
    for (const pqxx::row& row : rounds) {
        core::SurveyRoundRecord record;
        record.id = row[1].as<std::string>();
        record.partnership = row[2].as<std::string>();
        record.place = optional_text(row[3]);
        record.title = row[4].as<std::string>();
        record.opens = date_of_text(row[5].as<std::string>());
        record.closes = date_of_text(row[6].as<std::string>());
        record.anonymous = row[7].as<bool>();
        index[row[0].as<std::int64_t>()] = out.size();
        out.push_back(std::move(record));
    }
    if (out.empty()) {
        return out;
    }
    // Every response with its answers by question, grouped by response.
    const pqxx::result responses = tx.exec_params(
        "SELECT s.round, s.pk, pe.id, a.question, a.answer FROM survey_responses s "
        "JOIN survey_rounds r ON r.pk = s.round "
        "LEFT JOIN people pe ON pe.pk = s.person "
        "LEFT JOIN survey_answers a ON a.response = s.pk "
        "WHERE $1::text IS NULL OR r.id = $1 ORDER BY s.pk, a.question",
        id);
    std::optional<std::int64_t> current;
    for (const pqxx::row& row : responses) {
        auto found = index.find(row[0].as<std::int64_t>());
        if (found == index.end()) {
            continue;
        }
        core::SurveyRoundRecord& record = out[found->second];
        const auto key = row[1].as<std::int64_t>();
        if (key != current) {
            record.responses.push_back({optional_text(row[2]), {}});
            current = key;
        }
        if (!row[3].is_null()) {
            record.responses.back().answers.push_back(
                {row[3].as<std::string>(), row[4].as<std::string>()});
        }
    }
    const pqxx::result respondents = tx.exec_params(
        "SELECT m.round, pe.id FROM survey_respondents m JOIN survey_rounds r ON r.pk = m.round "
        "JOIN people pe ON pe.pk = m.person WHERE r.anonymous AND ($1::text IS NULL OR r.id = $1) "
        "ORDER BY pe.id",
        id);
    for (const pqxx::row& row : respondents) {
        auto found = index.find(row[0].as<std::int64_t>());
        if (found != index.end()) {
            out[found->second].respondents.push_back(row[1].as<std::string>());
        }
    }
    // By content, so that the order tells nothing of when each response was given.
    for (core::SurveyRoundRecord& record : out) {
        std::sort(record.responses.begin(), record.responses.end());
    }
    return out;
}

core::Result<void> mark_answered(Tx& tx, std::int64_t round, std::string_view person) {
    std::int64_t key = 0;
    SAMSKAB_TRY_SET(key, require_key(tx, Keyed::People, person, "person"));
    tx.exec_params(
        "INSERT INTO survey_respondents (round, person) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        round, key);
    return {};
}

core::Result<std::int64_t> insert_round(Tx& tx, const core::SurveyRoundRecord& r) {
    std::int64_t partnership = 0;
    SAMSKAB_TRY_SET(partnership,
                    require_key(tx, Keyed::Partnerships, r.partnership, "partnership"));
    std::optional<std::int64_t> place;
    if (r.place) {
        const pqxx::result found = tx.exec_params(
            "SELECT pk FROM places WHERE id = $1 AND partnership = $2", *r.place, partnership);
        if (found.empty()) {
            return tl::unexpected(unknown(core::Msg::NounPlace, *r.place, "place"));
        }
        place = found[0][0].as<std::int64_t>();
    }
    const pqxx::result inserted = tx.exec_params(
        "INSERT INTO survey_rounds (id, partnership, place, title, opens, closes, anonymous, "
        "created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8) RETURNING pk",
        r.id, partnership, place, r.title, date_text(r.opens), date_text(r.closes), r.anonymous,
        date_text(r.opens) + "T00:00:00");
    return inserted[0][0].as<std::int64_t>();
}

}  // namespace

core::Result<void> PostgresSurveyStore::import_surveys(Tx& tx, const core::Bundle& bundle,
                                                       core::ImportSummary& summary) {
    std::size_t rounds = 0;
    std::size_t responses = 0;
    for (const core::SurveyRoundRecord& r : bundle.survey_responses) {
        core::SurveyRound as_round;
        as_round.title = r.title;
        as_round.opens = r.opens;
        as_round.closes = r.closes;
        SAMSKAB_TRY(core::validate_survey_round(as_round, core::Lang::Da));
        const std::vector<core::SurveyRoundRecord> stored = read_rounds(tx, r.id);
        if (stored.empty()) {
            std::int64_t round = 0;
            SAMSKAB_TRY_SET(round, insert_round(tx, r));
            // Each response's answers are checked first, a named response's person is marked
            // as having answered.
            for (const core::SurveyResponseRecord& response : r.responses) {
                SAMSKAB_TRY(core::check_survey_answers(response));
                std::optional<std::int64_t> person;
                if (!r.anonymous && response.person) {
                    SAMSKAB_TRY_SET(person,
                                    require_key(tx, Keyed::People, *response.person, "person"));
                    SAMSKAB_TRY(mark_answered(tx, round, *response.person));
                }
                std::int64_t key = 0;
                SAMSKAB_TRY_SET(key, insert_response(tx, round, r.anonymous, person));
                for (const core::SurveyAnswerRecord& answer : response.answers) {
                    tx.exec_params(
                        "INSERT INTO survey_answers (response, question, answer) "
                        "VALUES ($1, $2, $3)",
                        key, answer.question, answer.answer);
                }
            }
            for (const std::string& person : r.respondents) {
                SAMSKAB_TRY(mark_answered(tx, round, person));
            }
            ++rounds;
            responses += r.responses.size();
            continue;
        }
        core::SurveyRoundRecord given = core::normalised_round(r);
        if (!given.anonymous) {
            given.respondents.clear();  // a named round's respondents are its responses' people
        }
        if (!(stored.front() == given)) {
            return tl::unexpected(error_da(ErrorCode::Conflict, core::Msg::SurveyRoundChanged,
                                           "survey_responses", {r.id}));
        }
    }
    summary.survey_rounds = rounds;
    summary.survey_responses = responses;
    return {};
}

core::Result<void> PostgresSurveyStore::export_surveys(Tx& tx, core::Bundle& bundle) {
    bundle.survey_responses = read_rounds(tx, std::nullopt);
    return {};
}

}  // namespace samskab::storage::postgres
