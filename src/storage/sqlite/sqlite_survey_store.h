#pragma once

#include <memory>

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

private:
    std::shared_ptr<ConnectionPool> m_pool;
};

}  // namespace samskab::storage::sqlite
