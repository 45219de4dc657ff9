// PostgresCommunityStore: the privacy part - the companion's view, rectification, erasure and
// retention (core/community_store.h, "privacy"; docs/privacy.md), as
// storage/sqlite/sqlite_community_privacy.cc does them.
#include <algorithm>
#include <map>

#include "core/privacy.h"
#include "storage/postgres/postgres_community_common.h"
#include "storage/postgres/postgres_community_store.h"
#include "storage/postgres/postgres_name_redaction.h"

namespace samskab::storage::postgres {

namespace {

using core::ErrorCode;
using core::Msg;
using Tx = pqxx::transaction_base;

constexpr int MAX_RETENTION_MONTHS = 600;
// What the companion of a person who shares sees around today.
constexpr core::Day SHARED_DAYS_BEFORE = 30;
constexpr core::Day SHARED_DAYS_AFTER = 60;

// Runs a statement with `key` as $1 and returns how many rows it changed.
int changed(Tx& tx, const char* sql, std::int64_t key) {
    return static_cast<int>(tx.exec_params(sql, key).affected_rows());
}

// Deletes the accounts linked to the person (roles, sessions and invitations go with them by
// cascade) and the failed logins under their emails. Returns how many accounts went.
int delete_accounts(Tx& tx, std::int64_t person) {
    tx.exec_params(
        "DELETE FROM login_failures WHERE email IN (SELECT login FROM accounts WHERE person = $1)",
        person);
    return changed(tx, "DELETE FROM accounts WHERE person = $1", person);
}

// The name to take out of free text: '' for a person anonymised before, whose name "anonym"
// names no one.
std::string name_of_key(Tx& tx, std::int64_t key) {
    const pqxx::result rows = tx.exec_params(
        "SELECT name FROM people WHERE pk = $1 "
        "AND pk NOT IN (SELECT person FROM anonymised WHERE person = $1)",
        key);
    return rows.empty() ? std::string() : text(rows[0][0]);
}

core::Error months_out_of_range(int months) {
    return error_da(ErrorCode::Invalid, Msg::WrongFormat, "months",
                    {"1-" + std::to_string(MAX_RETENTION_MONTHS), std::to_string(months)});
}

// The latest dated trace of each person not yet anonymised, as 'YYYY-MM-DD' ('' when none).
// Compared bytewise, as SQLite's max() of texts does.
constexpr const char* LAST_ACTIVITY = R"sql(
SELECT p.pk, p.id, greatest(
    coalesce(p.joined, '') COLLATE "C",
    coalesce((SELECT max(date) FROM visits WHERE person = p.pk), '') COLLATE "C",
    coalesce((SELECT max(substr(o.start, 1, 10)) FROM participations x
              JOIN occurrences o ON o.pk = x.occurrence WHERE x.person = p.pk), '') COLLATE "C",
    coalesce((SELECT max(coalesce(until, since)) FROM relations WHERE a = p.pk), '') COLLATE "C",
    coalesce((SELECT max(coalesce(until, since)) FROM relations WHERE b = p.pk), '') COLLATE "C",
    coalesce((SELECT max(date) FROM pathways WHERE person = p.pk), '') COLLATE "C",
    coalesce((SELECT max(day) FROM host_rota WHERE person = p.pk), '') COLLATE "C",
    coalesce((SELECT max(substr(at, 1, 10)) FROM consent_changes WHERE person = p.pk), '')
        COLLATE "C",
    coalesce((SELECT max(substr(at, 1, 10)) FROM audit_log
              WHERE subject = p.pk AND action = 'login'), '') COLLATE "C")
FROM people p WHERE p.pk NOT IN (SELECT person FROM anonymised) ORDER BY p.id
)sql";

// FROM and WHERE of the links through which the person whose blind index is $1 accompanies
// someone on $2 (open that day). Their people are sealed, so community_accompanied opens them
// and names them in a second query.
constexpr std::string_view COMMUNITY_OPEN_LINKS =
    " FROM companions c WHERE c.companion_key = $1 AND c.from_date <= $2 "
    "AND (c.to_date IS NULL OR c.to_date >= $2)";

// Of the people with keys $1, those not anonymised, by name (bytewise, as SQLite orders), with
// whether they share with their companion.
constexpr const char* COMMUNITY_ACCOMPANIED_PEOPLE = R"sql(
SELECT p.pk, p.id, p.name, coalesce(pc.companion, 0) FROM people p
LEFT JOIN privacy_consents pc ON pc.person = p.pk
WHERE p.pk = ANY($1::bigint[]) AND p.pk NOT IN (SELECT person FROM anonymised)
ORDER BY p.name COLLATE "C", p.id
)sql";

// The people the person with key `companion` accompanies on `today` through an open link, not
// anonymised, by name, each with the first (by id) partnership of those links, and whether they
// share: (person's key, view without participations).
std::vector<std::pair<std::int64_t, core::AccompaniedView>> community_accompanied(
    Tx& tx, const SealedFields& fields, std::int64_t companion, core::Day today) {
    std::map<std::int64_t, std::vector<std::int64_t>> partnerships_of_person;
    std::vector<std::int64_t> people, partnerships;
    for (const pqxx::row& row :
         tx.exec_params("SELECT " + std::string(LINK_COLUMNS) + ", c.partnership" +
                            std::string(COMMUNITY_OPEN_LINKS),
                        fields.link_key(companion), date_text(today))) {
        const OpenedLink link = fields.open_link(row, 0);
        const auto partnership = row[6].as<std::int64_t>();
        partnerships_of_person[link.person].push_back(partnership);
        people.push_back(link.person);
        partnerships.push_back(partnership);
    }
    std::vector<std::pair<std::int64_t, core::AccompaniedView>> out;
    if (people.empty()) {
        return out;
    }
    const std::map<std::int64_t, std::string> partnership_ids =
        ids_of_keys(tx, Keyed::Partnerships, partnerships);
    for (const pqxx::row& row : tx.exec_params(COMMUNITY_ACCOMPANIED_PEOPLE, key_array(people))) {
        const auto person = row[0].as<std::int64_t>();
        std::optional<std::string> first;
        for (const std::int64_t partnership : partnerships_of_person[person]) {
            const auto id = partnership_ids.find(partnership);
            if (id != partnership_ids.end() && (!first || id->second < *first)) {
                first = id->second;
            }
        }
        if (!first) {
            continue;
        }
        core::AccompaniedView view;
        view.person = {text(row[1]), text(row[2]), std::nullopt};
        view.partnership = std::move(*first);
        view.shares = row[3].as<int>() != 0;
        out.emplace_back(person, std::move(view));
    }
    return out;
}

constexpr const char* SHARED_PARTICIPATIONS = R"sql(
SELECT o.id, a.id, o.start, o."end", a.title, a.kind, pl.id, pl.name FROM participations x
JOIN occurrences o ON o.pk = x.occurrence JOIN activities a ON a.pk = o.activity
JOIN places pl ON pl.pk = a.place
WHERE x.person = $1 AND o.start >= $2 AND o.start < $3 ORDER BY o.start, o.id
)sql";

}  // namespace

core::Result<std::vector<core::AccompaniedView>> PostgresCommunityStore::accompanied_by(
    std::string_view companion, core::Day today) {
    return m_pool->read([&](Tx& tx) -> core::Result<std::vector<core::AccompaniedView>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::People, companion, "companion"));
        std::vector<core::AccompaniedView> out;
        for (auto& [person, view] : community_accompanied(tx, m_fields, key, today)) {
            if (view.shares) {
                for (const pqxx::row& shared : tx.exec_params(
                         SHARED_PARTICIPATIONS, person, date_text(today - SHARED_DAYS_BEFORE),
                         date_text(today + SHARED_DAYS_AFTER + 1))) {
                    core::OccurrenceView occurrence;
                    occurrence.occurrence = {text(shared[0]), text(shared[1]),
                                             time_of_text(text(shared[2])),
                                             time_of_text(text(shared[3]))};
                    occurrence.activity_title = text(shared[4]);
                    occurrence.activity_kind = core::parse_name<core::ActivityKind>(text(shared[5]))
                                                   .value_or(core::ActivityKind::Fixed);
                    occurrence.place = text(shared[6]);
                    occurrence.place_name = text(shared[7]);
                    occurrence.joined = true;
                    view.participations.push_back(std::move(occurrence));
                }
            }
            out.push_back(std::move(view));
        }
        return out;
    });
}

core::Result<void> PostgresCommunityStore::correct_person(
    std::string_view person, const core::PersonCorrection& correction) {
    if (correction.name && is_blank(*correction.name)) {
        return tl::unexpected(error_da(ErrorCode::Invalid, Msg::MustBeNonEmptyString, "name"));
    }
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::People, person, "person"));
        if (correction.name) {
            tx.exec_params("UPDATE people SET name = $1 WHERE pk = $2", *correction.name, key);
        }
        if (correction.joined) {
            const std::string joined = *correction.joined ? date_text(**correction.joined) : "";
            tx.exec_params("UPDATE people SET joined = $1 WHERE pk = $2",
                           *correction.joined ? joined.c_str() : nullptr, key);
        }
        if (correction.entry_channel) {
            const std::string channel = *correction.entry_channel
                                            ? std::string(core::name_of(**correction.entry_channel))
                                            : "";
            tx.exec_params("UPDATE people SET entry_channel = $1 WHERE pk = $2",
                           *correction.entry_channel ? channel.c_str() : nullptr, key);
        }
        return {};
    });
}

core::Result<std::vector<core::DeletionRequest>> PostgresCommunityStore::deletion_requests(
    std::string_view partnership) {
    return m_pool->read([&](Tx& tx) -> core::Result<std::vector<core::DeletionRequest>> {
        SAMSKAB_TRY(require_key(tx, Keyed::Partnerships, partnership, "partnership"));
        std::vector<core::DeletionRequest> out;
        for (const pqxx::row& row :
             tx.exec("SELECT p.pk, p.id, p.name, d.requested_at FROM deletion_requests d "
                     "JOIN people p ON p.pk = d.person ORDER BY d.requested_at, p.id")) {
            const std::vector<std::string> ids =
                registered_partnerships(tx, m_fields, row[0].as<std::int64_t>());
            if (std::find(ids.begin(), ids.end(), partnership) != ids.end()) {
                out.push_back(
                    {{text(row[1]), text(row[2]), std::nullopt}, time_of_text(text(row[3]))});
            }
        }
        return out;
    });
}

core::Result<core::ErasureSummary> PostgresCommunityStore::erase_person(std::string_view person) {
    return m_pool->write([&](Tx& tx) -> core::Result<core::ErasureSummary> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::People, person, "person"));
        const std::string name = name_of_key(tx, key);
        core::ErasureSummary summary;
        summary.participations = changed(tx, "DELETE FROM participations WHERE person = $1", key);
        summary.visits = changed(tx, "DELETE FROM visits WHERE person = $1", key);
        summary.relations = changed(tx, "DELETE FROM relations WHERE a = $1 OR b = $1", key);
        // The links are found by the blind index of the person's key (postgres_fields.h).
        summary.companion_links = static_cast<int>(
            tx.exec_params("DELETE FROM companions WHERE person_key = $1 OR companion_key = $1",
                           m_fields.link_key(key))
                .affected_rows());
        summary.pathways = changed(tx, "DELETE FROM pathways WHERE person = $1", key);
        // Notes are free text: a note that names the person is about them, and goes whole. The
        // self-evaluation's free text stays for the partnership's evaluation, without the name.
        summary.logbook_notes = delete_notes_naming(tx, m_fields, name);
        redact_free_text(tx, m_fields, name);
        summary.accounts = delete_accounts(tx, key);
        summary.access_log_entries = changed(tx, "DELETE FROM audit_log WHERE subject = $1", key);
        // Logbook entries' people, survey responses and respondents go with the person by
        // cascade, and interviews lose their link to them (SET NULL), as in SQLite's schema.
        for (const char* sql : {
                 "DELETE FROM breaks WHERE person = $1",
                 "DELETE FROM memberships WHERE person = $1",
                 "DELETE FROM host_rota WHERE person = $1",
                 "DELETE FROM deletion_requests WHERE person = $1",
                 "DELETE FROM consent_changes WHERE person = $1",
                 "DELETE FROM privacy_consents WHERE person = $1",
                 "DELETE FROM anonymised WHERE person = $1",
                 "UPDATE activities SET initiated_by = NULL WHERE initiated_by = $1",
                 "DELETE FROM people WHERE pk = $1",
             }) {
            tx.exec_params(sql, key);
        }
        return summary;
    });
}

core::Result<int> PostgresCommunityStore::retention_months(std::string_view partnership) {
    return m_pool->read([&](Tx& tx) -> core::Result<int> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::Partnerships, partnership, "partnership"));
        const pqxx::result rows = tx.exec_params(
            "SELECT retention_months FROM partnership_settings WHERE partnership = $1", key);
        return rows.empty() ? core::DEFAULT_RETENTION_MONTHS : rows[0][0].as<int>();
    });
}

core::Result<void> PostgresCommunityStore::set_retention_months(std::string_view partnership,
                                                                int months) {
    if (months < 1 || months > MAX_RETENTION_MONTHS) {
        return tl::unexpected(months_out_of_range(months));
    }
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::Partnerships, partnership, "partnership"));
        tx.exec_params(
            "INSERT INTO partnership_settings (partnership, retention_months) VALUES ($1, $2) "
            "ON CONFLICT (partnership) DO UPDATE SET retention_months = excluded.retention_months",
            key, months);
        return {};
    });
}

core::Result<std::vector<core::RetentionCandidate>> PostgresCommunityStore::retention_candidates(
    core::Day today, std::optional<int> months) {
    if (months && (*months < 1 || *months > MAX_RETENTION_MONTHS)) {
        return tl::unexpected(months_out_of_range(*months));
    }
    return m_pool->read([&](Tx& tx) -> core::Result<std::vector<core::RetentionCandidate>> {
        std::map<std::string, int, std::less<>> settings;
        for (const pqxx::row& row :
             tx.exec("SELECT pa.id, s.retention_months FROM partnership_settings s "
                     "JOIN partnerships pa ON pa.pk = s.partnership")) {
            settings.emplace(text(row[0]), row[1].as<int>());
        }
        std::vector<core::RetentionCandidate> out;
        for (const pqxx::row& row : tx.exec(LAST_ACTIVITY)) {
            const std::string last = text(row[2]);
            if (last.empty()) {
                continue;
            }
            int period = months.value_or(0);
            if (!months) {
                // Kept as long as the most patient of their partnerships keeps people.
                for (const std::string& id :
                     registered_partnerships(tx, m_fields, row[0].as<std::int64_t>())) {
                    auto found = settings.find(id);
                    period =
                        std::max(period, found == settings.end() ? core::DEFAULT_RETENTION_MONTHS
                                                                 : found->second);
                }
                if (period == 0) {
                    period = core::DEFAULT_RETENTION_MONTHS;
                }
            }
            const core::Day last_day = date_of_text(last);
            if (last_day < core::months_before(today, period)) {
                out.push_back({text(row[1]), last_day, period});
            }
        }
        return out;
    });
}

core::Result<std::vector<std::string>> PostgresCommunityStore::anonymise(
    const std::vector<std::string>& people, core::LocalTime at) {
    return m_pool->write([&](Tx& tx) -> core::Result<std::vector<std::string>> {
        std::vector<std::string> renamed;
        for (const std::string& person : people) {
            std::int64_t key = 0;
            SAMSKAB_TRY_SET(key, require_key(tx, Keyed::People, person, "person"));
            const std::string name = name_of_key(tx, key);
            std::string id = new_id(tx, Keyed::People, "anon");
            redact_free_text(tx, m_fields, name);
            delete_accounts(tx, key);
            for (const char* sql : {
                     "DELETE FROM breaks WHERE person = $1",
                     "DELETE FROM deletion_requests WHERE person = $1",
                     "DELETE FROM consent_changes WHERE person = $1",
                 }) {
                tx.exec_params(sql, key);
            }
            tx.exec_params("UPDATE people SET id = $1, name = 'anonym' WHERE pk = $2", id, key);
            tx.exec_params("INSERT INTO anonymised (person, at) VALUES ($1, $2)", key,
                           time_text(at));
            renamed.push_back(std::move(id));
        }
        return renamed;
    });
}

}  // namespace samskab::storage::postgres
