#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/account_store.h"
#include "core/clock.h"
#include "core/community_store.h"
#include "core/messages.h"
#include "core/privacy.h"
#include "core/result.h"

namespace samskab::core {

// The privacy housekeeping that runs without anyone asking: retention (anonymising people
// inactive for longer than their partnership keeps people) and the purge of the access log.
// `samskab retention` and `samskab purge-access-log` run it by hand; the server runs
// daily() once a day. Storage errors come from the stores.
class PrivacyService {
public:
    PrivacyService(CommunityStore& community, AccountStore& accounts, const Clock& clock)
        : m_community(community), m_accounts(accounts), m_clock(clock) {}

    struct RetentionRun {
        std::vector<RetentionCandidate> candidates;  // who is (or would be) anonymised
        std::vector<std::string> new_ids;            // empty on a dry run
    };
    // Finds the people due (months overrides every partnership's setting) and, unless
    // `dry_run`, anonymises them in one transaction. Each anonymisation is logged (action
    // "anonymise", by nobody, about the new id).
    Result<RetentionRun> retention(std::optional<int> months, bool dry_run);

    // Deletes access-log entries and failed logins older than `months` months. Returns how many
    // entries went. Invalid "months" outside 1..120, with the message in `lang`.
    Result<int> purge_access_log(int months = DEFAULT_ACCESS_LOG_MONTHS, Lang lang = Lang::Da);

    struct DailyRun {
        int anonymised = 0;
        int purged = 0;
    };
    // Retention with each partnership's setting, then the purge with `log_months`.
    Result<DailyRun> daily(int log_months = DEFAULT_ACCESS_LOG_MONTHS);

private:
    CommunityStore& m_community;
    AccountStore& m_accounts;
    const Clock& m_clock;
};

}  // namespace samskab::core
