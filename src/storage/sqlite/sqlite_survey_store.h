#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "core/survey_store.h"
#include "storage/sqlite/sqlite_pool.h"

namespace samskab::storage::sqlite {

// core::SurveyStore over SQLite (migration 10), on the shared connection pool: each call is one
// transaction (writes in the pool's group commit). Errors as in core/survey_store.h, with the
// core catalogue's Danish text; the web layer validates in the reader's language first.
// Beyond the interface:
// - a response's key is random (sqlite3_randomness), so the order of the rows tells nothing
//   about the order of the answers, and survey_respondents (the answered-marker) has no key of
//   its own and no time: an anonymous response cannot be paired with its respondent;
// - a trigger refuses a person on a response to an anonymous round, so no code path can link
//   the two by mistake;
// - the self_report relations are written in the same transaction as the response, as
//   SqliteCommunityStore::introduce writes a host_introduction: `a` is the person whose id
//   sorts first, and a pair with an open relation on the day is left as it is;
// - a new round gets a random bundle id "sr-<12 hex digits>" (migration 11), so that rounds of
//   two installations never share an id;
// - erasure needs nothing here: the person's named responses, their answers and their
//   answered-markers go with the person (ON DELETE CASCADE), anonymous responses stay.
class SqliteSurveyStore final : public core::SurveyStore {
public:
    explicit SqliteSurveyStore(std::shared_ptr<ConnectionPool> pool) : m_pool(std::move(pool)) {}

    core::Result<std::int64_t> create_round(const core::SurveyRound& round) override;
    core::Result<std::optional<core::SurveyRound>> find_round(std::int64_t round) override;
    core::Result<std::vector<core::SurveyRoundSummary>> rounds(
        std::string_view partnership) override;
    core::Result<std::vector<core::SurveyRound>> open_rounds(std::string_view partnership,
                                                             core::Day today) override;
    core::Result<bool> has_answered(std::int64_t round, std::string_view person) override;
    core::Result<int> submit(const core::SurveyResponse& response, core::Day today) override;
    core::Result<core::SurveyCounts> counts(std::int64_t round) override;
    core::Result<std::vector<core::OwnSurveyAnswers>> answers_of(std::string_view person) override;
    core::Result<std::vector<core::SurveyResponseAnswers>> responses(std::int64_t round) override;
    core::Result<std::vector<core::PersonSummary>> people_to_name(std::int64_t round,
                                                                  std::string_view person) override;

    // A positive random key not yet used by a response, so that the order of the keys says
    // nothing about the order in which people answered. Also for the bundle's import
    // (storage/sqlite/sqlite_survey_bundle.h), inside the caller's transaction.
    static core::Result<std::int64_t> new_response_key(Connection& c);

private:
    // Every participant's "what's on" asks whether their partnerships have an open round, and
    // rounds change rarely: so the open rounds of a partnership on a day are kept for as long
    // as the pool's generation stays the same (as the occurrence listings of
    // SqliteCommunityStore are). Measured on the what's-on benchmark, the extra read cost 7 %
    // of the throughput.
    struct OpenRounds {
        std::uint64_t generation = 0;
        std::vector<core::SurveyRound> rounds;
    };
    std::shared_ptr<ConnectionPool> m_pool;
    std::mutex m_open_mutex;
    std::map<std::pair<std::string, core::Day>, OpenRounds, std::less<>> m_open;
};

}  // namespace samskab::storage::sqlite
