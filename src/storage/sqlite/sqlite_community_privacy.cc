// SqliteCommunityStore: the privacy part - the companion's view, rectification, erasure and
// retention (core/community_store.h, "privacy"; docs/privacy.md).
#include <algorithm>
#include <set>

#include "storage/sqlite/sqlite_community_store.h"
#include "storage/sqlite/sqlite_fields.h"
#include "storage/sqlite/sqlite_name_redaction.h"

namespace samskab::storage::sqlite {

namespace {

using core::ErrorCode;
using core::Msg;

constexpr int MAX_RETENTION_MONTHS = 600;
// What the companion of a person who shares sees around today.
constexpr core::Day SHARED_DAYS_BEFORE = 30;
constexpr core::Day SHARED_DAYS_AFTER = 60;

// Runs a statement bound to `key` as ?1 and returns how many rows it changed.
core::Result<int> changed(Connection& c, std::string_view sql, std::int64_t key) {
    {
        Query query(c, sql);
        query.bind(1, key);
        SAMSKAB_TRY(query.run());
    }
    Query count(c, "SELECT changes()");
    auto row = count.step();
    if (!row) {
        return tl::unexpected(row.error());
    }
    return static_cast<int>(count.integer(0));
}

// Deletes the accounts linked to the person (roles, sessions and invitations go with them by
// cascade) and the failed logins under their emails. Returns how many accounts went.
core::Result<int> delete_accounts(Connection& c, std::int64_t person) {
    {
        Query failures(c,
                       "DELETE FROM login_failures WHERE email IN "
                       "(SELECT login FROM accounts WHERE person = ?1)");
        failures.bind(1, person);
        SAMSKAB_TRY(failures.run());
    }
    return changed(c, "DELETE FROM accounts WHERE person = ?1", person);
}

// The name to take out of free text: '' for a person anonymised before, whose name "anonym"
// names no one.
core::Result<std::string> name_of_key(Connection& c, std::int64_t key) {
    Query query(c,
                "SELECT name FROM people WHERE pk = ?1 "
                "AND pk NOT IN (SELECT person FROM anonymised WHERE person = ?1)");
    query.bind(1, key);
    auto row = query.step();
    if (!row) {
        return tl::unexpected(row.error());
    }
    return *row ? query.text(0) : std::string();
}

core::Error months_out_of_range(int months) {
    return error_da(ErrorCode::Invalid, Msg::WrongFormat, "months",
                    {"1-" + std::to_string(MAX_RETENTION_MONTHS), std::to_string(months)});
}

// The latest dated trace of each person not yet anonymised, as 'YYYY-MM-DD' ('' when none).
constexpr std::string_view LAST_ACTIVITY = R"sql(
SELECT p.pk, p.id, max(
    coalesce(p.joined, ''),
    coalesce((SELECT max(date) FROM visits WHERE person = p.pk), ''),
    coalesce((SELECT max(substr(o.start, 1, 10)) FROM participations x
              JOIN occurrences o ON o.pk = x.occurrence WHERE x.person = p.pk), ''),
    coalesce((SELECT max(coalesce(until, since)) FROM relations WHERE a = p.pk), ''),
    coalesce((SELECT max(coalesce(until, since)) FROM relations WHERE b = p.pk), ''),
    coalesce((SELECT max(date) FROM pathways WHERE person = p.pk), ''),
    coalesce((SELECT max(day) FROM host_rota WHERE person = p.pk), ''),
    coalesce((SELECT max(substr(at, 1, 10)) FROM consent_changes WHERE person = p.pk), ''),
    coalesce((SELECT max(substr(at, 1, 10)) FROM audit_log
              WHERE subject = p.pk AND action = 'login'), ''))
FROM people p WHERE p.pk NOT IN (SELECT person FROM anonymised) ORDER BY p.id
)sql";

}  // namespace

core::Result<std::vector<core::AccompaniedView>> SqliteCommunityStore::accompanied_by(
    std::string_view companion, core::Day today) {
    return m_pool->read([&](Connection& c) -> core::Result<std::vector<core::AccompaniedView>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::People, companion, "companion"));
        std::vector<core::AccompaniedView> out;
        std::vector<std::int64_t> sharing;
        {
            Query query(c, R"sql(
WITH c AS (
    SELECT CAST(samskab_reveal(c.person, 'companions.person:' || hex(c.person_key)) AS INTEGER)
               AS person, c.partnership
    FROM companions c
    WHERE c.companion_key = samskab_key(?1) AND c.from_date <= ?2
      AND (c.to_date IS NULL OR c.to_date >= ?2))
SELECT p.pk, p.id, p.name, min(pa.id), coalesce(pc.companion, 0) FROM c
JOIN people p ON p.pk = c.person JOIN partnerships pa ON pa.pk = c.partnership
LEFT JOIN privacy_consents pc ON pc.person = p.pk
WHERE 1
  AND p.pk NOT IN (SELECT person FROM anonymised)
GROUP BY p.pk ORDER BY p.name, p.id
)sql");
            query.bind(1, key).bind(2, date_text(today));
            while (true) {
                auto row = query.step();
                if (!row) {
                    return tl::unexpected(row.error());
                }
                if (!*row) {
                    break;
                }
                core::AccompaniedView view;
                view.person = {query.text(1), query.text(2), std::nullopt};
                view.partnership = query.text(3);
                view.shares = query.integer(4) != 0;
                sharing.push_back(view.shares ? query.integer(0) : 0);
                out.push_back(std::move(view));
            }
        }
        for (std::size_t i = 0; i < out.size(); ++i) {
            if (sharing[i] == 0) {
                continue;
            }
            Query query(c, R"sql(
SELECT o.id, a.id, o.start, o.end, a.title, a.kind, pl.id, pl.name FROM participations x
JOIN occurrences o ON o.pk = x.occurrence JOIN activities a ON a.pk = o.activity
JOIN places pl ON pl.pk = a.place
WHERE x.person = ?1 AND o.start >= ?2 AND o.start < ?3 ORDER BY o.start, o.id
)sql");
            query.bind(1, sharing[i])
                .bind(2, date_text(today - SHARED_DAYS_BEFORE))
                .bind(3, date_text(today + SHARED_DAYS_AFTER + 1));
            while (true) {
                auto row = query.step();
                if (!row) {
                    return tl::unexpected(row.error());
                }
                if (!*row) {
                    break;
                }
                core::OccurrenceView view;
                view.occurrence = {query.text(0), query.text(1), time_of_text(query.text(2)),
                                   time_of_text(query.text(3))};
                view.activity_title = query.text(4);
                view.activity_kind = core::parse_name<core::ActivityKind>(query.text(5))
                                         .value_or(core::ActivityKind::Fixed);
                view.place = query.text(6);
                view.place_name = query.text(7);
                view.joined = true;
                out[i].participations.push_back(std::move(view));
            }
        }
        return out;
    });
}

core::Result<void> SqliteCommunityStore::correct_person(std::string_view person,
                                                        const core::PersonCorrection& correction) {
    if (correction.name && is_blank(*correction.name)) {
        return tl::unexpected(error_da(ErrorCode::Invalid, Msg::MustBeNonEmptyString, "name"));
    }
    return m_pool->write([&](Connection& c) -> core::Result<void> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::People, person, "person"));
        if (correction.name) {
            Query update(c, "UPDATE people SET name = ? WHERE pk = ?");
            update.bind(1, *correction.name).bind(2, key);
            SAMSKAB_TRY(update.run());
        }
        if (correction.joined) {
            Query update(c, "UPDATE people SET joined = ? WHERE pk = ?");
            if (*correction.joined) {
                update.bind(1, date_text(**correction.joined));
            }
            update.bind(2, key);
            SAMSKAB_TRY(update.run());
        }
        if (correction.entry_channel) {
            Query update(c, "UPDATE people SET entry_channel = ? WHERE pk = ?");
            if (*correction.entry_channel) {
                update.bind(1, std::string(core::name_of(**correction.entry_channel)));
            }
            update.bind(2, key);
            SAMSKAB_TRY(update.run());
        }
        return {};
    });
}

core::Result<std::vector<core::DeletionRequest>> SqliteCommunityStore::deletion_requests(
    std::string_view partnership) {
    return m_pool->read([&](Connection& c) -> core::Result<std::vector<core::DeletionRequest>> {
        SAMSKAB_TRY(require_key(c, Keyed::Partnerships, partnership, "partnership"));
        std::vector<std::pair<std::int64_t, core::DeletionRequest>> all;
        {
            Query query(c,
                        "SELECT p.pk, p.id, p.name, d.requested_at FROM deletion_requests d "
                        "JOIN people p ON p.pk = d.person ORDER BY d.requested_at, p.id");
            while (true) {
                auto row = query.step();
                if (!row) {
                    return tl::unexpected(row.error());
                }
                if (!*row) {
                    break;
                }
                all.emplace_back(query.integer(0),
                                 core::DeletionRequest{{query.text(1), query.text(2), std::nullopt},
                                                       time_of_text(query.text(3))});
            }
        }
        std::vector<core::DeletionRequest> out;
        for (auto& [key, request] : all) {
            std::vector<std::string> ids;
            SAMSKAB_TRY_SET(ids, partnership_ids(c, key));
            if (std::find(ids.begin(), ids.end(), partnership) != ids.end()) {
                out.push_back(std::move(request));
            }
        }
        return out;
    });
}

core::Result<core::ErasureSummary> SqliteCommunityStore::erase_person(std::string_view person) {
    return m_pool->write([&](Connection& c) -> core::Result<core::ErasureSummary> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::People, person, "person"));
        std::string name;
        SAMSKAB_TRY_SET(name, name_of_key(c, key));
        core::ErasureSummary summary;
        SAMSKAB_TRY_SET(summary.participations,
                        changed(c, "DELETE FROM participations WHERE person = ?1", key));
        SAMSKAB_TRY_SET(summary.visits, changed(c, "DELETE FROM visits WHERE person = ?1", key));
        SAMSKAB_TRY_SET(summary.relations,
                        changed(c, "DELETE FROM relations WHERE a = ?1 OR b = ?1", key));
        SAMSKAB_TRY_SET(
            summary.companion_links,
            changed(c,
                    "DELETE FROM companions "
                    "WHERE person_key = samskab_key(?1) OR companion_key = samskab_key(?1)",
                    key));
        SAMSKAB_TRY_SET(summary.pathways,
                        changed(c, "DELETE FROM pathways WHERE person = ?1", key));
        // Notes are free text: a note that names the person is about them, and goes whole. The
        // self-evaluation's free text stays for the partnership's evaluation, without the name.
        SAMSKAB_TRY_SET(summary.logbook_notes, delete_notes_naming(c, name));
        SAMSKAB_TRY(redact_free_text(c, name));
        SAMSKAB_TRY_SET(summary.accounts, delete_accounts(c, key));
        SAMSKAB_TRY_SET(summary.access_log_entries,
                        changed(c, "DELETE FROM audit_log WHERE subject = ?1", key));
        for (std::string_view sql : {
                 "DELETE FROM breaks WHERE person = ?1",
                 "DELETE FROM memberships WHERE person = ?1",
                 "DELETE FROM host_rota WHERE person = ?1",
                 "DELETE FROM deletion_requests WHERE person = ?1",
                 "DELETE FROM consent_changes WHERE person = ?1",
                 "DELETE FROM privacy_consents WHERE person = ?1",
                 "DELETE FROM anonymised WHERE person = ?1",
                 "UPDATE activities SET initiated_by = NULL WHERE initiated_by = ?1",
                 "DELETE FROM people WHERE pk = ?1",
             }) {
            Query query(c, sql);
            query.bind(1, key);
            SAMSKAB_TRY(query.run());
        }
        return summary;
    });
}

core::Result<int> SqliteCommunityStore::retention_months(std::string_view partnership) {
    return m_pool->read([&](Connection& c) -> core::Result<int> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::Partnerships, partnership, "partnership"));
        Query query(c, "SELECT retention_months FROM partnership_settings WHERE partnership = ?");
        query.bind(1, key);
        auto row = query.step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        return *row ? static_cast<int>(query.integer(0)) : core::DEFAULT_RETENTION_MONTHS;
    });
}

core::Result<void> SqliteCommunityStore::set_retention_months(std::string_view partnership,
                                                              int months) {
    if (months < 1 || months > MAX_RETENTION_MONTHS) {
        return tl::unexpected(months_out_of_range(months));
    }
    return m_pool->write([&](Connection& c) -> core::Result<void> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::Partnerships, partnership, "partnership"));
        Query upsert(c,
                     "INSERT INTO partnership_settings (partnership, retention_months) "
                     "VALUES (?1, ?2) ON CONFLICT (partnership) DO UPDATE "
                     "SET retention_months = excluded.retention_months");
        upsert.bind(1, key).bind(2, std::int64_t{months});
        return upsert.run();
    });
}

core::Result<std::vector<core::RetentionCandidate>> SqliteCommunityStore::retention_candidates(
    core::Day today, std::optional<int> months) {
    if (months && (*months < 1 || *months > MAX_RETENTION_MONTHS)) {
        return tl::unexpected(months_out_of_range(*months));
    }
    return m_pool->read([&](Connection& c) -> core::Result<std::vector<core::RetentionCandidate>> {
        std::map<std::string, int, std::less<>> settings;
        {
            Query query(c,
                        "SELECT pa.id, s.retention_months FROM partnership_settings s "
                        "JOIN partnerships pa ON pa.pk = s.partnership");
            while (true) {
                auto row = query.step();
                if (!row) {
                    return tl::unexpected(row.error());
                }
                if (!*row) {
                    break;
                }
                settings.emplace(query.text(0), static_cast<int>(query.integer(1)));
            }
        }
        struct Traced {
            std::int64_t key;
            std::string id;
            core::Day last;
        };
        std::vector<Traced> traced;
        {
            Query query(c, LAST_ACTIVITY);
            while (true) {
                auto row = query.step();
                if (!row) {
                    return tl::unexpected(row.error());
                }
                if (!*row) {
                    break;
                }
                const std::string last = query.text(2);
                if (!last.empty()) {
                    traced.push_back({query.integer(0), query.text(1), date_of_text(last)});
                }
            }
        }
        std::vector<core::RetentionCandidate> out;
        for (const Traced& person : traced) {
            int period = months.value_or(0);
            if (!months) {
                // Kept as long as the most patient of their partnerships keeps people.
                std::vector<std::string> ids;
                SAMSKAB_TRY_SET(ids, partnership_ids(c, person.key));
                for (const std::string& id : ids) {
                    auto found = settings.find(id);
                    period =
                        std::max(period, found == settings.end() ? core::DEFAULT_RETENTION_MONTHS
                                                                 : found->second);
                }
                if (period == 0) {
                    period = core::DEFAULT_RETENTION_MONTHS;
                }
            }
            if (person.last < core::months_before(today, period)) {
                out.push_back({person.id, person.last, period});
            }
        }
        return out;
    });
}

core::Result<std::vector<std::string>> SqliteCommunityStore::anonymise(
    const std::vector<std::string>& people, core::LocalTime at) {
    return m_pool->write([&](Connection& c) -> core::Result<std::vector<std::string>> {
        std::vector<std::string> renamed;
        for (const std::string& person : people) {
            std::int64_t key = 0;
            SAMSKAB_TRY_SET(key, require_key(c, Keyed::People, person, "person"));
            std::string name;
            SAMSKAB_TRY_SET(name, name_of_key(c, key));
            std::string id;
            SAMSKAB_TRY_SET(id, new_id(c, Keyed::People, "anon"));
            SAMSKAB_TRY(redact_free_text(c, name));
            SAMSKAB_TRY(delete_accounts(c, key));
            for (std::string_view sql : {
                     "DELETE FROM breaks WHERE person = ?1",
                     "DELETE FROM deletion_requests WHERE person = ?1",
                     "DELETE FROM consent_changes WHERE person = ?1",
                 }) {
                Query query(c, sql);
                query.bind(1, key);
                SAMSKAB_TRY(query.run());
            }
            // The sealed flag names the person's id as its context (sqlite_fields.h): it is
            // sealed again under the new one.
            Query update(
                c,
                "UPDATE people SET id = ?1, name = 'anonym', support_sealed = "
                "samskab_hide(samskab_reveal(support_sealed, 'people.support_need:' || id), "
                "'people.support_need:' || ?1) WHERE pk = ?2");
            update.bind(1, id).bind(2, key);
            SAMSKAB_TRY(update.run());
            Query mark(c, "INSERT INTO anonymised (person, at) VALUES (?, ?)");
            mark.bind(1, key).bind(2, time_text(at));
            SAMSKAB_TRY(mark.run());
            renamed.push_back(std::move(id));
        }
        return renamed;
    });
}

}  // namespace samskab::storage::sqlite
