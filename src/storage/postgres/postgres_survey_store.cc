// PostgresSurveyStore: rounds, responses, counts and the name generator. The bundle's part
// (import_surveys, export_surveys) is in postgres_survey_bundle.cc.
#include "storage/postgres/postgres_survey_store.h"

#include <algorithm>
#include <random>
#include <utility>

#include "storage/postgres/postgres_community_common.h"
#include "storage/postgres/postgres_community_store.h"

namespace samskab::storage::postgres {

namespace {

using core::ErrorCode;
using core::Msg;
using Tx = pqxx::transaction_base;

// The columns read_round reads, in its order; the caller adds WHERE and ORDER BY.
constexpr std::string_view ROUND_COLUMNS =
    "SELECT r.pk, pa.id, pl.id, r.title, r.opens, r.closes, r.anonymous, r.created_by, "
    "r.created_at, r.id FROM survey_rounds r JOIN partnerships pa ON pa.pk = r.partnership "
    "LEFT JOIN places pl ON pl.pk = r.place ";

core::SurveyRound read_round(const pqxx::row& row) {
    core::SurveyRound round;
    round.id = row[0].as<std::int64_t>();
    round.partnership = row[1].as<std::string>();
    round.place = optional_text(row[2]);
    round.title = row[3].as<std::string>();
    round.opens = date_of_text(row[4].as<std::string>());
    round.closes = date_of_text(row[5].as<std::string>());
    round.anonymous = row[6].as<bool>();
    // An imported round has no creator (NULL); SQLite reads its NULL as 0 too.
    round.created_by = row[7].is_null() ? 0 : row[7].as<std::int64_t>();
    round.created_at = time_of_text(row[8].as<std::string>());
    round.bundle_id = row[9].as<std::string>();
    return round;
}

std::optional<core::SurveyRound> round_of(Tx& tx, std::int64_t round) {
    const pqxx::result rows = tx.exec_params(std::string(ROUND_COLUMNS) + "WHERE r.pk = $1", round);
    if (rows.empty()) {
        return std::nullopt;
    }
    return read_round(rows[0]);
}

core::Result<core::SurveyRound> require_round(Tx& tx, std::int64_t id) {
    std::optional<core::SurveyRound> round = round_of(tx, id);
    if (!round) {
        return tl::unexpected(unknown_da("spørgeskema", std::to_string(id), "round"));
    }
    return std::move(*round);
}

// A self_report relation between the two from `day`, unless they have an open one then, as
// SQLite's store writes it. Returns whether one was made.
bool self_report(Tx& tx, std::string_view person, std::int64_t person_key, std::string_view other,
                 std::int64_t other_key, core::Day day) {
    std::int64_t a = person_key;
    std::int64_t b = other_key;
    // One spelling per pair, as the importer stores it: `a` is the id that sorts first.
    if (other < person) {
        std::swap(a, b);
    }
    const std::string today = date_text(day);
    const pqxx::result open = tx.exec_params(
        "SELECT 1 FROM relations WHERE a = $1 AND b = $2 AND since <= $3 "
        "AND (until IS NULL OR until >= $3)",
        a, b, today);
    if (!open.empty()) {
        return false;
    }
    // A relation that starts later on is not open today, and the pair may not be stored twice
    // with the same first day: such a pair is left as it is too.
    const pqxx::result inserted = tx.exec_params(
        "INSERT INTO relations (a, b, since, until, source) "
        "VALUES ($1, $2, $3, NULL, 'self_report') ON CONFLICT DO NOTHING RETURNING 1",
        a, b, today);
    return !inserted.empty();
}

// Whether the person with key `person` has a visit at the place with key `place` or a
// participation in an occurrence of one of its activities.
bool at_place(Tx& tx, std::int64_t place, std::int64_t person) {
    return tx
        .exec_params(
            "SELECT EXISTS (SELECT 1 FROM visits WHERE place = $1 AND person = $2) "
            "OR EXISTS (SELECT 1 FROM participations x JOIN occurrences o "
            "ON o.pk = x.occurrence JOIN activities a ON a.pk = o.activity "
            "WHERE a.place = $1 AND x.person = $2)",
            place, person)[0][0]
        .as<bool>();
}

// The people of the place with key `place`, as at_place says, by name (bytewise, as SQLite).
std::vector<core::PersonSummary> people_at_place(Tx& tx, std::int64_t place) {
    const pqxx::result rows = tx.exec_params(
        "WITH here (person) AS ("
        "SELECT person FROM visits WHERE place = $1 "
        "UNION SELECT x.person FROM participations x JOIN occurrences o "
        "ON o.pk = x.occurrence JOIN activities a ON a.pk = o.activity "
        "WHERE a.place = $1) "
        "SELECT p.id, p.name FROM here JOIN people p ON p.pk = here.person "
        "ORDER BY p.name COLLATE \"C\", p.id COLLATE \"C\"",
        place);
    std::vector<core::PersonSummary> out;
    out.reserve(rows.size());
    for (const pqxx::row& row : rows) {
        out.push_back({row[0].as<std::string>(), row[1].as<std::string>(), std::nullopt});
    }
    return out;
}

}  // namespace

core::Result<std::int64_t> PostgresSurveyStore::insert_response(
    Tx& tx, std::int64_t round, bool anonymous, std::optional<std::int64_t> person) {
    if (anonymous && person) {
        return core::fail(ErrorCode::Storage, "an anonymous survey round stores no person");
    }
    thread_local std::random_device device;
    while (true) {
        const std::uint64_t bits = (std::uint64_t{device()} << 32) | device();
        const auto key = static_cast<std::int64_t>(bits >> 1);
        if (key == 0) {
            continue;
        }
        // ON CONFLICT instead of a look-up first: it takes no predicate lock, so concurrent
        // responses to a round do not fail each other's serializable transactions.
        const pqxx::result inserted = tx.exec_params(
            "INSERT INTO survey_responses (pk, round, person) VALUES ($1, $2, $3) "
            "ON CONFLICT (pk) DO NOTHING RETURNING 1",
            key, round, person);
        if (!inserted.empty()) {
            return key;
        }
    }
}

core::Result<std::int64_t> PostgresSurveyStore::create_round(const core::SurveyRound& round) {
    SAMSKAB_TRY(core::validate_survey_round(round, core::Lang::Da));
    return m_pool->write([&](Tx& tx) -> core::Result<std::int64_t> {
        std::int64_t partnership = 0;
        SAMSKAB_TRY_SET(partnership,
                        require_key(tx, Keyed::Partnerships, round.partnership, "partnership"));
        std::optional<std::int64_t> place;
        if (round.place) {
            const pqxx::result found =
                tx.exec_params("SELECT pk FROM places WHERE id = $1 AND partnership = $2",
                               *round.place, partnership);
            if (found.empty()) {
                return tl::unexpected(unknown(Msg::NounPlace, *round.place, "place"));
            }
            place = found[0][0].as<std::int64_t>();
        }
        const pqxx::result inserted = tx.exec_params(
            "INSERT INTO survey_rounds (partnership, place, title, opens, closes, anonymous, "
            "created_by, created_at, id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
            "RETURNING pk",
            partnership, place, round.title, date_text(round.opens), date_text(round.closes),
            round.anonymous, round.created_by, time_text(round.created_at),
            new_record_id(tx, "survey_rounds", "sr"));
        return inserted[0][0].as<std::int64_t>();
    });
}

core::Result<std::optional<core::SurveyRound>> PostgresSurveyStore::find_round(std::int64_t round) {
    return m_pool->read([&](Tx& tx) -> core::Result<std::optional<core::SurveyRound>> {
        return round_of(tx, round);
    });
}

core::Result<std::vector<core::SurveyRoundSummary>> PostgresSurveyStore::rounds(
    std::string_view partnership) {
    return m_pool->read([&](Tx& tx) -> core::Result<std::vector<core::SurveyRoundSummary>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::Partnerships, partnership, "partnership"));
        // ROUND_COLUMNS with the number of responses as the eleventh column.
        const pqxx::result rows = tx.exec_params(
            "SELECT r.pk, pa.id, pl.id, r.title, r.opens, r.closes, r.anonymous, "
            "r.created_by, r.created_at, r.id, "
            "(SELECT count(*) FROM survey_responses s WHERE s.round = r.pk) "
            "FROM survey_rounds r JOIN partnerships pa ON pa.pk = r.partnership "
            "LEFT JOIN places pl ON pl.pk = r.place "
            "WHERE r.partnership = $1 ORDER BY r.opens DESC, r.pk DESC",
            key);
        std::vector<core::SurveyRoundSummary> out;
        out.reserve(rows.size());
        for (const pqxx::row& row : rows) {
            out.push_back({read_round(row), row[10].as<int>()});
        }
        return out;
    });
}

core::Result<std::vector<core::SurveyRound>> PostgresSurveyStore::open_rounds(
    std::string_view partnership, core::Day today) {
    return m_pool->read([&](Tx& tx) -> core::Result<std::vector<core::SurveyRound>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::Partnerships, partnership, "partnership"));
        const pqxx::result rows =
            tx.exec_params(std::string(ROUND_COLUMNS) +
                               "WHERE r.partnership = $1 AND r.opens <= $2 AND r.closes >= $2 "
                               "ORDER BY r.opens, r.pk",
                           key, date_text(today));
        std::vector<core::SurveyRound> out;
        out.reserve(rows.size());
        for (const pqxx::row& row : rows) {
            out.push_back(read_round(row));
        }
        return out;
    });
}

core::Result<bool> PostgresSurveyStore::has_answered(std::int64_t round, std::string_view person) {
    return m_pool->read([&](Tx& tx) -> core::Result<bool> {
        SAMSKAB_TRY(require_round(tx, round));
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::People, person, "person"));
        return !tx.exec_params("SELECT 1 FROM survey_respondents WHERE round = $1 AND person = $2",
                               round, key)
                    .empty();
    });
}

core::Result<int> PostgresSurveyStore::submit(const core::SurveyResponse& response,
                                              core::Day today) {
    return m_pool->write([&](Tx& tx) -> core::Result<int> {
        core::SurveyRound round;
        SAMSKAB_TRY_SET(round, require_round(tx, response.round));
        SAMSKAB_TRY(core::validate_survey_response(response, round.anonymous, core::Lang::Da));
        if (!round.is_open(today)) {
            return tl::unexpected(
                error_da(ErrorCode::Conflict, Msg::SurveyNotOpen, "round", {round.title}));
        }
        std::int64_t person = 0;
        SAMSKAB_TRY_SET(person, require_key(tx, Keyed::People, response.person, "person"));
        // Only that the person has answered: no time, no link to the response. Two answers of
        // one person at once: the second fails to serialise, and run again it sees the first.
        const pqxx::result first = tx.exec_params(
            "INSERT INTO survey_respondents (round, person) VALUES ($1, $2) "
            "ON CONFLICT DO NOTHING RETURNING 1",
            round.id, person);
        if (first.empty()) {
            return tl::unexpected(
                error_da(ErrorCode::Conflict, Msg::SurveyAlreadyAnswered, "round", {round.title}));
        }
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(
            key,
            insert_response(tx, round.id, round.anonymous,
                            round.anonymous ? std::nullopt : std::optional<std::int64_t>(person)));
        for (const core::SurveyItem& item : response.answers) {
            if (!item.answer) {
                continue;
            }
            tx.exec_params(
                "INSERT INTO survey_answers (response, question, answer) VALUES ($1, $2, $3)", key,
                item.question, std::string(core::survey_answer_name(*item.answer)));
        }
        std::optional<std::int64_t> place;
        if (round.place && !response.known.empty()) {
            SAMSKAB_TRY_SET(place, require_key(tx, Keyed::Places, *round.place, "place"));
        }
        int made = 0;
        for (const std::string& other : response.known) {
            std::int64_t other_key = 0;
            SAMSKAB_TRY_SET(other_key, require_key(tx, Keyed::People, other, "known"));
            // A round at one place asks who one knows there: only its people may be named.
            if (place && !at_place(tx, *place, other_key)) {
                return tl::unexpected(unknown(Msg::NounPerson, other, "known"));
            }
            made += self_report(tx, response.person, person, other, other_key, today) ? 1 : 0;
        }
        return made;
    });
}

core::Result<core::SurveyCounts> PostgresSurveyStore::counts(std::int64_t round) {
    return m_pool->read([&](Tx& tx) -> core::Result<core::SurveyCounts> {
        SAMSKAB_TRY(require_round(tx, round));
        const auto questions = core::survey_questions();
        core::SurveyCounts out;
        out.counts.assign(questions.size(), std::vector<int>(core::SURVEY_ANSWER_COUNT, 0));
        out.respondents =
            tx.exec_params("SELECT count(*) FROM survey_responses WHERE round = $1", round)[0][0]
                .as<int>();
        const pqxx::result rows = tx.exec_params(
            "SELECT a.question, a.answer, count(*) FROM survey_answers a "
            "JOIN survey_responses s ON s.pk = a.response WHERE s.round = $1 "
            "GROUP BY a.question, a.answer",
            round);
        for (const pqxx::row& row : rows) {
            const std::string question = row[0].as<std::string>();
            const auto answer = core::parse_survey_answer(row[1].as<std::string>());
            for (std::size_t q = 0; q < questions.size(); ++q) {
                if (questions[q].id == question && answer) {
                    out.counts[q][static_cast<std::size_t>(*answer)] = row[2].as<int>();
                }
            }
        }
        return out;
    });
}

core::Result<std::vector<core::OwnSurveyAnswers>> PostgresSurveyStore::answers_of(
    std::string_view person) {
    return m_pool->read([&](Tx& tx) -> core::Result<std::vector<core::OwnSurveyAnswers>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::People, person, "person"));
        const pqxx::result rows = tx.exec_params(
            "SELECT s.pk, r.pk, r.title, pa.id, r.opens, r.closes FROM survey_responses s "
            "JOIN survey_rounds r ON r.pk = s.round "
            "JOIN partnerships pa ON pa.pk = r.partnership "
            "WHERE s.person = $1 ORDER BY r.opens, r.pk",
            key);
        std::vector<core::OwnSurveyAnswers> out;
        out.reserve(rows.size());
        for (const pqxx::row& row : rows) {
            core::OwnSurveyAnswers own{row[1].as<std::int64_t>(),
                                       row[2].as<std::string>(),
                                       row[3].as<std::string>(),
                                       date_of_text(row[4].as<std::string>()),
                                       date_of_text(row[5].as<std::string>()),
                                       {}};
            const pqxx::result answers =
                tx.exec_params("SELECT question, answer FROM survey_answers WHERE response = $1",
                               row[0].as<std::int64_t>());
            // In question order: the catalogue's, not the ids'.
            for (const core::SurveyQuestion& question : core::survey_questions()) {
                for (const pqxx::row& answer : answers) {
                    if (answer[0].as<std::string>() == question.id) {
                        own.answers.push_back(
                            {std::string(question.id),
                             core::parse_survey_answer(answer[1].as<std::string>())});
                    }
                }
            }
            out.push_back(std::move(own));
        }
        return out;
    });
}

core::Result<std::vector<core::SurveyResponseAnswers>> PostgresSurveyStore::responses(
    std::int64_t round) {
    return m_pool->read([&](Tx& tx) -> core::Result<std::vector<core::SurveyResponseAnswers>> {
        SAMSKAB_TRY(require_round(tx, round));
        const auto questions = core::survey_questions();
        // Every response, with its answers if it has any, grouped by response.
        const pqxx::result rows = tx.exec_params(
            "SELECT s.pk, a.question, a.answer FROM survey_responses s "
            "LEFT JOIN survey_answers a ON a.response = s.pk WHERE s.round = $1 ORDER BY s.pk",
            round);
        std::vector<core::SurveyResponseAnswers> out;
        std::optional<std::int64_t> current;
        for (const pqxx::row& row : rows) {
            const auto key = row[0].as<std::int64_t>();
            if (key != current) {
                out.emplace_back(questions.size());
                current = key;
            }
            if (row[1].is_null()) {
                continue;
            }
            const std::string question = row[1].as<std::string>();
            for (std::size_t q = 0; q < questions.size(); ++q) {
                if (questions[q].id == question) {
                    out.back()[q] = core::parse_survey_answer(row[2].as<std::string>());
                }
            }
        }
        // By content: the keys are random, but a sorted list shows that plainly.
        std::sort(out.begin(), out.end());
        return out;
    });
}

core::Result<std::vector<core::PersonSummary>> PostgresSurveyStore::people_to_name(
    std::int64_t round, std::string_view person) {
    std::optional<core::SurveyRound> found;
    SAMSKAB_TRY_SET(found, find_round(round));
    if (!found) {
        return tl::unexpected(unknown_da("spørgeskema", std::to_string(round), "round"));
    }
    core::Result<std::vector<core::PersonSummary>> people =
        found->place
            ? m_pool->read([&](Tx& tx) -> core::Result<std::vector<core::PersonSummary>> {
                  std::int64_t place = 0;
                  SAMSKAB_TRY_SET(place, require_key(tx, Keyed::Places, *found->place, "place"));
                  return people_at_place(tx, place);
              })
            : PostgresCommunityStore(m_pool, m_fields).people_of(found->partnership, false);
    if (!people) {
        return people;
    }
    std::erase_if(*people, [&](const core::PersonSummary& p) { return p.id == person; });
    return people;
}

}  // namespace samskab::storage::postgres
