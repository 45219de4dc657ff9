#include "core/privacy_service.h"

namespace samskab::core {

Result<PrivacyService::RetentionRun> PrivacyService::retention(std::optional<int> months,
                                                               bool dry_run) {
    RetentionRun run;
    auto candidates = m_community.retention_candidates(m_clock.today(), months);
    if (!candidates) {
        return tl::unexpected(candidates.error());
    }
    run.candidates = std::move(*candidates);
    if (dry_run || run.candidates.empty()) {
        return run;
    }
    std::vector<std::string> people;
    for (const RetentionCandidate& candidate : run.candidates) {
        people.push_back(candidate.person);
    }
    const LocalTime now = m_clock.now();
    auto renamed = m_community.anonymise(people, now);
    if (!renamed) {
        return tl::unexpected(renamed.error());
    }
    run.new_ids = std::move(*renamed);
    std::vector<AccessEntry> entries;
    for (const std::string& id : run.new_ids) {
        entries.push_back({now, 0, "anonymise", id, "retention"});
    }
    if (auto logged = m_accounts.log_accesses(entries); !logged) {
        return tl::unexpected(logged.error());
    }
    return run;
}

Result<int> PrivacyService::purge_access_log(int months, Lang lang) {
    if (months < 1 || months > 120) {
        return fail(ErrorCode::Invalid,
                    "months: " + message(lang, Msg::WrongFormat, {"1-120", std::to_string(months)}),
                    "months");
    }
    const Day cutoff = months_before(m_clock.today(), months);
    return m_accounts.purge_access_log(LocalTime{cutoff} * 86400);
}

Result<PrivacyService::DailyRun> PrivacyService::daily(int log_months) {
    DailyRun run;
    auto retained = retention(std::nullopt, false);
    if (!retained) {
        return tl::unexpected(retained.error());
    }
    run.anonymised = static_cast<int>(retained->new_ids.size());
    auto purged = purge_access_log(log_months);
    if (!purged) {
        return tl::unexpected(purged.error());
    }
    run.purged = *purged;
    return run;
}

}  // namespace samskab::core
