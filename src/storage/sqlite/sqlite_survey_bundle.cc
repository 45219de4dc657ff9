#include "storage/sqlite/sqlite_survey_bundle.h"

#include <algorithm>
#include <string>

#include "core/bundle_validator_surveys.h"
#include "core/survey.h"
#include "storage/sqlite/sqlite_survey_store.h"

namespace samskab::storage::sqlite {

namespace {

using core::ErrorCode;

// Reads the stored round `pk` as the bundle carries it (id, partnership and the rest of the
// round's fields are filled in by the caller's query).
core::Result<void> read_responses(Connection& c, std::int64_t pk, core::SurveyRoundRecord& out) {
    std::vector<std::int64_t> keys;
    {
        Query responses(c,
                        "SELECT s.pk, pe.id FROM survey_responses s "
                        "LEFT JOIN people pe ON pe.pk = s.person WHERE s.round = ?");
        responses.bind(1, pk);
        SAMSKAB_TRY(responses.for_each_row([&] {
            keys.push_back(responses.integer(0));
            core::SurveyResponseRecord response;
            if (!responses.is_null(1)) {
                response.person = responses.text(1);
            }
            out.responses.push_back(std::move(response));
        }));
    }
    for (std::size_t i = 0; i < keys.size(); ++i) {
        Query answers(c,
                      "SELECT question, answer FROM survey_answers WHERE response = ? "
                      "ORDER BY question");
        answers.bind(1, keys[i]);
        SAMSKAB_TRY(answers.for_each_row([&] {
            out.responses[i].answers.push_back({answers.text(0), answers.text(1)});
        }));
    }
    // By content, so that the order tells nothing of when each response was given.
    std::sort(out.responses.begin(), out.responses.end());
    if (out.anonymous) {
        Query respondents(c,
                          "SELECT pe.id FROM survey_respondents r JOIN people pe "
                          "ON pe.pk = r.person WHERE r.round = ? ORDER BY pe.id");
        respondents.bind(1, pk);
        SAMSKAB_TRY(
            respondents.for_each_row([&] { out.respondents.push_back(respondents.text(0)); }));
    }
    return {};
}

// The records of the rounds that `where` selects (a condition on r), by id.
core::Result<std::vector<core::SurveyRoundRecord>> read_rounds(Connection& c,
                                                               std::string_view where,
                                                               std::string_view id = {}) {
    struct Row {
        std::int64_t pk;
        core::SurveyRoundRecord record;
    };
    std::vector<Row> rows;
    {
        Query query(c,
                    "SELECT r.pk, r.id, pa.id, pl.id, r.title, r.opens, r.closes, r.anonymous "
                    "FROM survey_rounds r JOIN partnerships pa ON pa.pk = r.partnership "
                    "LEFT JOIN places pl ON pl.pk = r.place " +
                        std::string(where) + " ORDER BY r.id");
        if (!id.empty()) {
            query.bind(1, id);
        }
        SAMSKAB_TRY(query.for_each_row([&] {
            Row row{query.integer(0), {}};
            row.record.id = query.text(1);
            row.record.partnership = query.text(2);
            if (!query.is_null(3)) {
                row.record.place = query.text(3);
            }
            row.record.title = query.text(4);
            row.record.opens = date_of_text(query.text(5));
            row.record.closes = date_of_text(query.text(6));
            row.record.anonymous = query.integer(7) != 0;
            rows.push_back(std::move(row));
        }));
    }
    std::vector<core::SurveyRoundRecord> out;
    out.reserve(rows.size());
    for (Row& row : rows) {
        SAMSKAB_TRY(read_responses(c, row.pk, row.record));
        out.push_back(std::move(row.record));
    }
    return out;
}

core::Result<void> mark_answered(Connection& c, std::int64_t round, std::string_view person) {
    std::int64_t key = 0;
    SAMSKAB_TRY_SET(key, require_key(c, Keyed::People, person, "person"));
    Query marker(c,
                 "INSERT INTO survey_respondents (round, person) VALUES (?, ?) "
                 "ON CONFLICT DO NOTHING");
    marker.bind(1, round).bind(2, key);
    return marker.run();
}

core::Result<void> insert_response(Connection& c, std::int64_t round, bool anonymous,
                                   const core::SurveyResponseRecord& response) {
    SAMSKAB_TRY(core::check_survey_answers(response));
    std::optional<std::int64_t> person;
    if (!anonymous && response.person) {
        SAMSKAB_TRY_SET(person, require_key(c, Keyed::People, *response.person, "person"));
        SAMSKAB_TRY(mark_answered(c, round, *response.person));
    }
    std::int64_t key = 0;
    SAMSKAB_TRY_SET(key, SqliteSurveyStore::new_response_key(c));
    Query insert(c, "INSERT INTO survey_responses (pk, round, person) VALUES (?, ?, ?)");
    insert.bind(1, key).bind(2, round).bind(3, person);
    SAMSKAB_TRY(insert.run());
    for (const core::SurveyAnswerRecord& answer : response.answers) {
        Query add(c, "INSERT INTO survey_answers (response, question, answer) VALUES (?, ?, ?)");
        add.bind(1, key).bind(2, answer.question).bind(3, answer.answer);
        SAMSKAB_TRY(add.run());
    }
    return {};
}

core::Result<void> insert_round(Connection& c, const core::SurveyRoundRecord& r) {
    std::int64_t partnership = 0;
    SAMSKAB_TRY_SET(partnership, require_key(c, Keyed::Partnerships, r.partnership, "partnership"));
    std::optional<std::int64_t> place;
    if (r.place) {
        Query find(c, "SELECT pk FROM places WHERE id = ? AND partnership = ?");
        find.bind(1, *r.place).bind(2, partnership);
        bool found = false;
        SAMSKAB_TRY_SET(found, find.step());
        if (!found) {
            return tl::unexpected(unknown(core::Msg::NounPlace, *r.place, "place"));
        }
        place = find.integer(0);
    }
    Query insert(c,
                 "INSERT INTO survey_rounds (id, partnership, place, title, opens, closes, "
                 "anonymous, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?) "
                 "RETURNING pk");
    insert.bind(1, r.id).bind(2, partnership).bind(3, place).bind(4, r.title);
    insert.bind(5, date_text(r.opens)).bind(6, date_text(r.closes));
    insert.bind(7, std::int64_t{r.anonymous}).bind(8, date_text(r.opens) + "T00:00:00");
    SAMSKAB_TRY(insert.step());
    const std::int64_t round = insert.integer(0);
    SAMSKAB_TRY(insert.run());
    for (const core::SurveyResponseRecord& response : r.responses) {
        SAMSKAB_TRY(insert_response(c, round, r.anonymous, response));
    }
    for (const std::string& person : r.respondents) {
        SAMSKAB_TRY(mark_answered(c, round, person));
    }
    return {};
}

}  // namespace

core::Result<SurveyImportCount> import_survey_rounds(
    Connection& c, const std::vector<core::SurveyRoundRecord>& rounds) {
    SurveyImportCount count;
    for (const core::SurveyRoundRecord& r : rounds) {
        core::SurveyRound as_round;
        as_round.title = r.title;
        as_round.opens = r.opens;
        as_round.closes = r.closes;
        SAMSKAB_TRY(core::validate_survey_round(as_round, core::Lang::Da));
        std::vector<core::SurveyRoundRecord> stored;
        SAMSKAB_TRY_SET(stored, read_rounds(c, "WHERE r.id = ?1", r.id));
        if (stored.empty()) {
            SAMSKAB_TRY(insert_round(c, r));
            ++count.rounds;
            count.responses += r.responses.size();
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
    return count;
}

core::Result<std::vector<core::SurveyRoundRecord>> export_survey_rounds(Connection& c) {
    return read_rounds(c, "");
}

}  // namespace samskab::storage::sqlite
