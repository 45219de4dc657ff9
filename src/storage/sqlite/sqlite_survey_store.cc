#include "storage/sqlite/sqlite_survey_store.h"

#include <sqlite3.h>

#include <algorithm>
#include <utility>

#include "storage/sqlite/sqlite_community_store.h"
#include "storage/sqlite/sqlite_interview_store.h"

namespace samskab::storage::sqlite {

namespace {

using core::ErrorCode;
using core::Msg;

constexpr std::string_view ROUND_COLUMNS =
    "SELECT r.pk, pa.id, pl.id, r.title, r.opens, r.closes, r.anonymous, r.created_by, "
    "r.created_at, r.id FROM survey_rounds r JOIN partnerships pa ON pa.pk = r.partnership "
    "LEFT JOIN places pl ON pl.pk = r.place ";

core::SurveyRound read_round(const Query& query) {
    core::SurveyRound round;
    round.id = query.integer(0);
    round.partnership = query.text(1);
    if (!query.is_null(2)) {
        round.place = query.text(2);
    }
    round.title = query.text(3);
    round.opens = date_of_text(query.text(4));
    round.closes = date_of_text(query.text(5));
    round.anonymous = query.integer(6) != 0;
    round.created_by = query.integer(7);
    round.created_at = time_of_text(query.text(8));
    round.bundle_id = query.text(9);
    return round;
}

core::Result<std::optional<core::SurveyRound>> round_of(Connection& c, std::int64_t round) {
    Query query(c, std::string(ROUND_COLUMNS) + "WHERE r.pk = ?");
    query.bind(1, round);
    bool found = false;
    SAMSKAB_TRY_SET(found, query.step());
    if (!found) {
        return std::nullopt;
    }
    return read_round(query);
}

core::Result<core::SurveyRound> require_round(Connection& c, std::int64_t id) {
    std::optional<core::SurveyRound> round;
    SAMSKAB_TRY_SET(round, round_of(c, id));
    if (!round) {
        return tl::unexpected(unknown_da("spørgeskema", std::to_string(id), "round"));
    }
    return std::move(*round);
}

// A self_report relation between the two from `day`, unless they have an open one then.
// Returns whether one was made.
core::Result<bool> self_report(Connection& c, std::string_view person, std::int64_t person_key,
                               std::string_view other, std::int64_t other_key, core::Day day) {
    std::int64_t a = person_key;
    std::int64_t b = other_key;
    // One spelling per pair, as the importer stores it: `a` is the id that sorts first.
    if (other < person) {
        std::swap(a, b);
    }
    Query open(c,
               "SELECT 1 FROM relations WHERE a = ? AND b = ? AND since <= ?3 "
               "AND (until IS NULL OR until >= ?3)");
    open.bind(1, a).bind(2, b).bind(3, date_text(day));
    bool exists = false;
    SAMSKAB_TRY_SET(exists, open.step());
    if (exists) {
        return false;
    }
    // A relation that starts later on is not open today, and the pair may not be stored twice
    // with the same first day: such a pair is left as it is too.
    Query insert(c,
                 "INSERT INTO relations (a, b, since, until, source) "
                 "VALUES (?, ?, ?, NULL, 'self_report') ON CONFLICT DO NOTHING RETURNING 1");
    insert.bind(1, a).bind(2, b).bind(3, date_text(day));
    return insert.step();
}

// Whether the person with key `person` has a visit at the place with key `place` or a
// participation in an occurrence of one of its activities.
core::Result<bool> at_place(Connection& c, std::int64_t place, std::int64_t person) {
    Query query(c,
                "SELECT EXISTS (SELECT 1 FROM visits WHERE place = ?1 AND person = ?2) "
                "OR EXISTS (SELECT 1 FROM participations x JOIN occurrences o "
                "ON o.pk = x.occurrence JOIN activities a ON a.pk = o.activity "
                "WHERE a.place = ?1 AND x.person = ?2)");
    query.bind(1, place).bind(2, person);
    SAMSKAB_TRY(query.step());
    return query.integer(0) != 0;
}

// The people of the place with key `place`, as at_place says, by name.
core::Result<std::vector<core::PersonSummary>> people_at_place(Connection& c, std::int64_t place) {
    Query query(c,
                "WITH here (person) AS ("
                "SELECT person FROM visits WHERE place = ?1 "
                "UNION SELECT x.person FROM participations x JOIN occurrences o "
                "ON o.pk = x.occurrence JOIN activities a ON a.pk = o.activity "
                "WHERE a.place = ?1) "
                "SELECT p.id, p.name FROM here JOIN people p ON p.pk = here.person "
                "ORDER BY p.name, p.id");
    query.bind(1, place);
    std::vector<core::PersonSummary> out;
    SAMSKAB_TRY(query.for_each_row([&] {
        out.push_back({query.text(0), query.text(1), std::nullopt});
    }));
    return out;
}

}  // namespace

core::Result<std::int64_t> SqliteSurveyStore::new_response_key(Connection& c) {
    while (true) {
        std::uint64_t bits = 0;
        sqlite3_randomness(sizeof bits, &bits);
        const auto key = static_cast<std::int64_t>(bits >> 1);
        if (key == 0) {
            continue;
        }
        Query exists(c, "SELECT 1 FROM survey_responses WHERE pk = ?");
        exists.bind(1, key);
        bool taken = false;
        SAMSKAB_TRY_SET(taken, exists.step());
        if (!taken) {
            return key;
        }
    }
}

core::Result<std::int64_t> SqliteSurveyStore::create_round(const core::SurveyRound& round) {
    SAMSKAB_TRY(core::validate_survey_round(round, core::Lang::Da));
    return m_pool->write([&](Connection& c) -> core::Result<std::int64_t> {
        std::int64_t partnership = 0;
        SAMSKAB_TRY_SET(partnership,
                        require_key(c, Keyed::Partnerships, round.partnership, "partnership"));
        std::optional<std::int64_t> place;
        if (round.place) {
            Query query(c, "SELECT pk FROM places WHERE id = ? AND partnership = ?");
            query.bind(1, *round.place).bind(2, partnership);
            bool found = false;
            SAMSKAB_TRY_SET(found, query.step());
            if (!found) {
                return tl::unexpected(unknown(Msg::NounPlace, *round.place, "place"));
            }
            place = query.integer(0);
        }
        std::string id;
        SAMSKAB_TRY_SET(id, SqliteInterviewStore::new_record_id(c, "survey_rounds", "sr"));
        Query insert(c,
                     "INSERT INTO survey_rounds (partnership, place, title, opens, closes, "
                     "anonymous, created_by, created_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                     "RETURNING pk");
        insert.bind(1, partnership).bind(2, place).bind(3, round.title);
        insert.bind(4, date_text(round.opens)).bind(5, date_text(round.closes));
        insert.bind(6, std::int64_t{round.anonymous}).bind(7, round.created_by);
        insert.bind(8, time_text(round.created_at)).bind(9, id);
        SAMSKAB_TRY(insert.step());
        return insert.integer(0);
    });
}

core::Result<std::optional<core::SurveyRound>> SqliteSurveyStore::find_round(std::int64_t round) {
    return m_pool->read([&](Connection& c) { return round_of(c, round); });
}

core::Result<std::vector<core::SurveyRoundSummary>> SqliteSurveyStore::rounds(
    std::string_view partnership) {
    return m_pool->read([&](Connection& c) -> core::Result<std::vector<core::SurveyRoundSummary>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::Partnerships, partnership, "partnership"));
        // ROUND_COLUMNS with the number of responses as the eleventh column.
        Query listing(c,
                      "SELECT r.pk, pa.id, pl.id, r.title, r.opens, r.closes, r.anonymous, "
                      "r.created_by, r.created_at, r.id, "
                      "(SELECT count(*) FROM survey_responses s WHERE s.round = r.pk) "
                      "FROM survey_rounds r JOIN partnerships pa ON pa.pk = r.partnership "
                      "LEFT JOIN places pl ON pl.pk = r.place "
                      "WHERE r.partnership = ? ORDER BY r.opens DESC, r.pk DESC");
        listing.bind(1, key);
        std::vector<core::SurveyRoundSummary> out;
        SAMSKAB_TRY(listing.for_each_row([&] {
            out.push_back({read_round(listing), static_cast<int>(listing.integer(10))});
        }));
        return out;
    });
}

core::Result<std::vector<core::SurveyRound>> SqliteSurveyStore::open_rounds(
    std::string_view partnership, core::Day today) {
    // Entries of one day only: a server running for months does not collect old days.
    constexpr std::size_t MAX_CACHED = 4096;
    std::pair<std::string, core::Day> cache_key(std::string(partnership), today);
    return m_pool->read([&](Connection& c) -> core::Result<std::vector<core::SurveyRound>> {
        const std::optional<std::uint64_t> generation = c.generation();
        if (generation) {
            std::lock_guard lock(m_open_mutex);
            auto it = m_open.find(cache_key);
            if (it != m_open.end() && it->second.generation == *generation) {
                return it->second.rounds;
            }
        }
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::Partnerships, partnership, "partnership"));
        Query query(c, std::string(ROUND_COLUMNS) +
                           "WHERE r.partnership = ?1 AND r.opens <= ?2 AND r.closes >= ?2 "
                           "ORDER BY r.opens, r.pk");
        query.bind(1, key).bind(2, date_text(today));
        std::vector<core::SurveyRound> out;
        SAMSKAB_TRY(query.for_each_row([&] { out.push_back(read_round(query)); }));
        if (generation) {
            std::lock_guard lock(m_open_mutex);
            if (m_open.size() >= MAX_CACHED) {
                std::erase_if(m_open, [&](const auto& entry) {
                    return entry.first.second != today || entry.second.generation != *generation;
                });
                if (m_open.size() >= MAX_CACHED) {
                    m_open.clear();
                }
            }
            m_open[cache_key] = OpenRounds{*generation, out};
        }
        return out;
    });
}

core::Result<bool> SqliteSurveyStore::has_answered(std::int64_t round, std::string_view person) {
    return m_pool->read([&](Connection& c) -> core::Result<bool> {
        SAMSKAB_TRY(require_round(c, round));
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::People, person, "person"));
        Query query(c, "SELECT 1 FROM survey_respondents WHERE round = ? AND person = ?");
        query.bind(1, round).bind(2, key);
        return query.step();
    });
}

core::Result<int> SqliteSurveyStore::submit(const core::SurveyResponse& response, core::Day today) {
    return m_pool->write([&](Connection& c) -> core::Result<int> {
        core::SurveyRound round;
        SAMSKAB_TRY_SET(round, require_round(c, response.round));
        SAMSKAB_TRY(core::validate_survey_response(response, round.anonymous, core::Lang::Da));
        if (!round.is_open(today)) {
            return tl::unexpected(
                error_da(ErrorCode::Conflict, Msg::SurveyNotOpen, "round", {round.title}));
        }
        std::int64_t person = 0;
        SAMSKAB_TRY_SET(person, require_key(c, Keyed::People, response.person, "person"));
        // Only that the person has answered: no time, no link to the response.
        bool first = false;
        {
            Query answered(c,
                           "INSERT INTO survey_respondents (round, person) VALUES (?, ?) "
                           "ON CONFLICT DO NOTHING RETURNING 1");
            answered.bind(1, round.id).bind(2, person);
            SAMSKAB_TRY_SET(first, answered.step());
        }
        if (!first) {
            return tl::unexpected(
                error_da(ErrorCode::Conflict, Msg::SurveyAlreadyAnswered, "round", {round.title}));
        }
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, new_response_key(c));
        Query insert(c, "INSERT INTO survey_responses (pk, round, person) VALUES (?, ?, ?)");
        insert.bind(1, key).bind(2, round.id);
        if (round.anonymous) {
            insert.bind_null(3);
        } else {
            insert.bind(3, person);
        }
        SAMSKAB_TRY(insert.run());
        for (const core::SurveyItem& item : response.answers) {
            if (!item.answer) {
                continue;
            }
            Query answer(c,
                         "INSERT INTO survey_answers (response, question, answer) "
                         "VALUES (?, ?, ?)");
            answer.bind(1, key).bind(2, item.question);
            answer.bind(3, core::survey_answer_name(*item.answer));
            SAMSKAB_TRY(answer.run());
        }
        std::optional<std::int64_t> place;
        if (round.place && !response.known.empty()) {
            SAMSKAB_TRY_SET(place, require_key(c, Keyed::Places, *round.place, "place"));
        }
        int made = 0;
        for (const std::string& other : response.known) {
            std::int64_t other_key = 0;
            SAMSKAB_TRY_SET(other_key, require_key(c, Keyed::People, other, "known"));
            // A round at one place asks who one knows there: only its people may be named.
            if (place) {
                bool here = false;
                SAMSKAB_TRY_SET(here, at_place(c, *place, other_key));
                if (!here) {
                    return tl::unexpected(unknown(Msg::NounPerson, other, "known"));
                }
            }
            bool added = false;
            SAMSKAB_TRY_SET(added,
                            self_report(c, response.person, person, other, other_key, today));
            made += added ? 1 : 0;
        }
        return made;
    });
}

core::Result<core::SurveyCounts> SqliteSurveyStore::counts(std::int64_t round) {
    return m_pool->read([&](Connection& c) -> core::Result<core::SurveyCounts> {
        SAMSKAB_TRY(require_round(c, round));
        const auto questions = core::survey_questions();
        core::SurveyCounts out;
        out.counts.assign(questions.size(), std::vector<int>(core::SURVEY_ANSWER_COUNT, 0));
        Query total(c, "SELECT count(*) FROM survey_responses WHERE round = ?");
        total.bind(1, round);
        SAMSKAB_TRY(total.step());
        out.respondents = static_cast<int>(total.integer(0));
        Query query(c,
                    "SELECT a.question, a.answer, count(*) FROM survey_answers a "
                    "JOIN survey_responses s ON s.pk = a.response WHERE s.round = ? "
                    "GROUP BY a.question, a.answer");
        query.bind(1, round);
        SAMSKAB_TRY(query.for_each_row([&] {
            const std::string question = query.text(0);
            const auto answer = core::parse_survey_answer(query.text(1));
            for (std::size_t q = 0; q < questions.size(); ++q) {
                if (questions[q].id == question && answer) {
                    out.counts[q][static_cast<std::size_t>(*answer)] =
                        static_cast<int>(query.integer(2));
                }
            }
        }));
        return out;
    });
}

core::Result<std::vector<core::OwnSurveyAnswers>> SqliteSurveyStore::answers_of(
    std::string_view person) {
    return m_pool->read([&](Connection& c) -> core::Result<std::vector<core::OwnSurveyAnswers>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::People, person, "person"));
        std::vector<core::OwnSurveyAnswers> out;
        std::vector<std::int64_t> responses;
        Query query(c,
                    "SELECT s.pk, r.pk, r.title, pa.id, r.opens, r.closes FROM survey_responses s "
                    "JOIN survey_rounds r ON r.pk = s.round "
                    "JOIN partnerships pa ON pa.pk = r.partnership "
                    "WHERE s.person = ? ORDER BY r.opens, r.pk");
        query.bind(1, key);
        SAMSKAB_TRY(query.for_each_row([&] {
            responses.push_back(query.integer(0));
            out.push_back({query.integer(1),
                           query.text(2),
                           query.text(3),
                           date_of_text(query.text(4)),
                           date_of_text(query.text(5)),
                           {}});
        }));
        for (std::size_t i = 0; i < out.size(); ++i) {
            for (const core::SurveyQuestion& question : core::survey_questions()) {
                Query answer(c,
                             "SELECT answer FROM survey_answers WHERE response = ? "
                             "AND question = ?");
                answer.bind(1, responses[i]).bind(2, question.id);
                bool found = false;
                SAMSKAB_TRY_SET(found, answer.step());
                if (found) {
                    out[i].answers.push_back(
                        {std::string(question.id), core::parse_survey_answer(answer.text(0))});
                }
            }
        }
        return out;
    });
}

core::Result<std::vector<core::SurveyResponseAnswers>> SqliteSurveyStore::responses(
    std::int64_t round) {
    return m_pool->read(
        [&](Connection& c) -> core::Result<std::vector<core::SurveyResponseAnswers>> {
            SAMSKAB_TRY(require_round(c, round));
            const auto questions = core::survey_questions();
            std::vector<std::int64_t> keys;
            Query query(c, "SELECT pk FROM survey_responses WHERE round = ?");
            query.bind(1, round);
            SAMSKAB_TRY(query.for_each_row([&] { keys.push_back(query.integer(0)); }));
            std::vector<core::SurveyResponseAnswers> out;
            out.reserve(keys.size());
            for (std::int64_t key : keys) {
                core::SurveyResponseAnswers answers(questions.size());
                Query answer(c, "SELECT question, answer FROM survey_answers WHERE response = ?");
                answer.bind(1, key);
                SAMSKAB_TRY(answer.for_each_row([&] {
                    const std::string question = answer.text(0);
                    for (std::size_t q = 0; q < questions.size(); ++q) {
                        if (questions[q].id == question) {
                            answers[q] = core::parse_survey_answer(answer.text(1));
                        }
                    }
                }));
                out.push_back(std::move(answers));
            }
            // By content: the keys are random, but a sorted list shows that plainly.
            std::sort(out.begin(), out.end());
            return out;
        });
}

core::Result<std::vector<core::PersonSummary>> SqliteSurveyStore::people_to_name(
    std::int64_t round, std::string_view person) {
    std::optional<core::SurveyRound> found;
    SAMSKAB_TRY_SET(found, find_round(round));
    if (!found) {
        return tl::unexpected(unknown_da("spørgeskema", std::to_string(round), "round"));
    }
    core::Result<std::vector<core::PersonSummary>> people =
        found->place
            ? m_pool->read([&](Connection& c) -> core::Result<std::vector<core::PersonSummary>> {
                  std::int64_t place = 0;
                  SAMSKAB_TRY_SET(place, require_key(c, Keyed::Places, *found->place, "place"));
                  return people_at_place(c, place);
              })
            : SqliteCommunityStore(m_pool).people_of(found->partnership, false);
    if (!people) {
        return people;
    }
    std::erase_if(*people, [&](const core::PersonSummary& p) { return p.id == person; });
    return people;
}

}  // namespace samskab::storage::sqlite
