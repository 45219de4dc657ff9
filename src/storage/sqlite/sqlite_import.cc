// SqliteStore::import_bundle: one transaction of upserts.
#include <algorithm>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "core/self_evaluation_records.h"
#include "storage/sqlite/sqlite_interview_bundle.h"
#include "storage/sqlite/sqlite_interview_store.h"
#include "storage/sqlite/sqlite_logbook_store.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/sqlite/sqlite_survey_bundle.h"

namespace samskab::storage::sqlite {

namespace {

using core::name_of;

// Maps the bundle ids of one collection to their integer keys: first those written by this
// import, then, for references to records the bundle does not carry, the stored ones.
class KeyMap {
public:
    KeyMap(Database& db, std::string_view lookup_sql) : m_lookup(db.prepare(lookup_sql)) {}

    void add(const std::string& id, std::int64_t pk) { m_keys[id] = pk; }

    core::Result<std::int64_t> get(const std::string& id) {
        if (auto it = m_keys.find(id); it != m_keys.end()) {
            return it->second;
        }
        m_lookup.bind(1, id);
        auto row = m_lookup.step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        if (!*row) {
            m_lookup.reset();
            // Validation resolves every reference first; reaching this is a bug.
            return core::fail(core::ErrorCode::NotFound, "unknown id \"" + id + "\"");
        }
        const std::int64_t pk = m_lookup.column_int(0);
        m_lookup.reset();
        m_keys.emplace(id, pk);
        return pk;
    }

    void reserve(size_t n) { m_keys.reserve(n); }

private:
    Statement m_lookup;
    std::unordered_map<std::string, std::int64_t> m_keys;
};

// Runs an upsert whose RETURNING clause yields the record's key.
core::Result<std::int64_t> upsert_returning_key(Statement& statement) {
    auto row = statement.step();
    if (!row) {
        return tl::unexpected(row.error());
    }
    const std::int64_t pk = statement.column_int(0);
    statement.reset();
    return pk;
}

class Importer {
public:
    explicit Importer(Connection& connection)
        : m_connection(connection),
          m_db(connection.db()),
          m_partnerships(m_db, "SELECT pk FROM partnerships WHERE id = ?"),
          m_places(m_db, "SELECT pk FROM places WHERE id = ?"),
          m_people(m_db, "SELECT pk FROM people WHERE id = ?"),
          m_activities(m_db, "SELECT pk FROM activities WHERE id = ?"),
          m_occurrences(m_db, "SELECT pk FROM occurrences WHERE id = ?") {}

    core::Result<core::ImportSummary> run(const core::Bundle& b) {
        SAMSKAB_TRY(partnerships(b));
        SAMSKAB_TRY(places(b));
        SAMSKAB_TRY(people(b));
        SAMSKAB_TRY(companions(b));
        SAMSKAB_TRY(activities(b));
        SAMSKAB_TRY(occurrences(b));
        SAMSKAB_TRY(participations(b));
        SAMSKAB_TRY(visits(b));
        SAMSKAB_TRY(relations(b));
        SAMSKAB_TRY(pathways(b));
        SAMSKAB_TRY(self_evaluation(b));
        return m_summary;
    }

private:
    core::Result<void> partnerships(const core::Bundle& b) {
        Statement partnership = m_db.prepare(
            "INSERT INTO partnerships (id, name) VALUES (?1, ?2) "
            "ON CONFLICT (id) DO UPDATE SET name = excluded.name RETURNING pk");
        Statement organisation = m_db.prepare(
            "INSERT INTO organisations (id, partnership, name, kind) VALUES (?1, ?2, ?3, ?4) "
            "ON CONFLICT (id) DO UPDATE SET partnership = excluded.partnership, "
            "name = excluded.name, kind = excluded.kind");
        for (const auto& p : b.partnerships) {
            partnership.bind(1, p.id).bind(2, p.name);
            std::int64_t pk = 0;
            SAMSKAB_TRY_SET(pk, upsert_returning_key(partnership));
            m_partnerships.add(p.id, pk);
            ++m_summary.partnerships;
            for (const auto& o : p.organisations) {
                organisation.bind(1, o.id).bind(2, pk).bind(3, o.name).bind(4, name_of(o.kind));
                SAMSKAB_TRY(organisation.run());
                ++m_summary.organisations;
            }
        }
        return {};
    }

    core::Result<void> places(const core::Bundle& b) {
        Statement place = m_db.prepare(
            "INSERT INTO places (id, partnership, name, support_threshold) VALUES (?1, ?2, ?3, ?4) "
            "ON CONFLICT (id) DO UPDATE SET partnership = excluded.partnership, "
            "name = excluded.name, support_threshold = excluded.support_threshold RETURNING pk");
        for (const auto& p : b.places) {
            std::int64_t partnership = 0;
            SAMSKAB_TRY_SET(partnership, m_partnerships.get(p.partnership));
            place.bind(1, p.id).bind(2, partnership).bind(3, p.name).bind(4, p.support_threshold);
            std::int64_t pk = 0;
            SAMSKAB_TRY_SET(pk, upsert_returning_key(place));
            m_places.add(p.id, pk);
            ++m_summary.places;
        }
        return {};
    }

    core::Result<void> people(const core::Bundle& b) {
        // The flag is sealed (storage/sqlite/sqlite_fields.h) and stored only with consent.
        Statement person = m_db.prepare(
            "INSERT INTO people (id, name, support_need, support_sealed, joined, entry_channel, "
            "consent_support_need, consent_pathways) VALUES (?1, ?2, "
            "CASE WHEN samskab_encrypted() THEN 0 ELSE ?3 END, "
            "CASE WHEN samskab_encrypted() AND ?6 = 1 "
            "THEN samskab_hide(?3, 'people.support_need:' || ?1) END, ?4, ?5, ?6, ?7) "
            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
            "support_need = excluded.support_need, support_sealed = excluded.support_sealed, "
            "joined = excluded.joined, entry_channel = excluded.entry_channel, "
            "consent_support_need = excluded.consent_support_need, "
            "consent_pathways = excluded.consent_pathways RETURNING pk");
        m_people.reserve(b.people.size());
        for (const auto& p : b.people) {
            person.bind(1, p.id).bind(2, p.name).bind(3, std::int64_t{p.support_need});
            if (p.joined) {
                person.bind(4, core::format_date(*p.joined));
            }
            if (p.entry_channel) {
                person.bind(5, name_of(*p.entry_channel));
            }
            person.bind(6, std::int64_t{p.consent.support_need})
                .bind(7, std::int64_t{p.consent.pathways});
            std::int64_t pk = 0;
            SAMSKAB_TRY_SET(pk, upsert_returning_key(person));
            m_people.add(p.id, pk);
            ++m_summary.people;
        }
        return {};
    }

    core::Result<void> companions(const core::Bundle& b) {
        Statement link = m_db.prepare(
            "INSERT INTO companions (person_key, companion_key, person, companion, partnership, "
            "from_date, to_date) VALUES (samskab_key(?1), samskab_key(?2), "
            "samskab_hide(?1, 'companions.person:' || hex(samskab_key(?1))), "
            "samskab_hide(?2, 'companions.companion:' || hex(samskab_key(?2))), ?3, ?4, ?5) "
            "ON CONFLICT (person_key, companion_key, partnership, from_date) "
            "DO UPDATE SET to_date = excluded.to_date");
        for (const auto& c : b.companions) {
            std::int64_t person = 0, companion = 0, partnership = 0;
            SAMSKAB_TRY_SET(person, m_people.get(c.person));
            SAMSKAB_TRY_SET(companion, m_people.get(c.companion));
            SAMSKAB_TRY_SET(partnership, m_partnerships.get(c.partnership));
            link.bind(1, person).bind(2, companion).bind(3, partnership);
            link.bind(4, core::format_date(c.from));
            if (c.to) {
                link.bind(5, core::format_date(*c.to));
            }
            SAMSKAB_TRY(link.run());
            ++m_summary.companions;
        }
        return {};
    }

    core::Result<void> activities(const core::Bundle& b) {
        Statement activity = m_db.prepare(
            "INSERT INTO activities (id, place, title, kind, initiated_by, created) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (id) DO UPDATE SET "
            "place = excluded.place, title = excluded.title, kind = excluded.kind, "
            "initiated_by = excluded.initiated_by, created = excluded.created RETURNING pk");
        for (const auto& a : b.activities) {
            std::int64_t place = 0;
            SAMSKAB_TRY_SET(place, m_places.get(a.place));
            activity.bind(1, a.id).bind(2, place).bind(3, a.title).bind(4, name_of(a.kind));
            if (a.initiated_by) {
                std::int64_t initiator = 0;
                SAMSKAB_TRY_SET(initiator, m_people.get(*a.initiated_by));
                activity.bind(5, initiator);
            }
            activity.bind(6, core::format_date(a.created));
            std::int64_t pk = 0;
            SAMSKAB_TRY_SET(pk, upsert_returning_key(activity));
            m_activities.add(a.id, pk);
            ++m_summary.activities;
        }
        return {};
    }

    core::Result<void> occurrences(const core::Bundle& b) {
        Statement occurrence = m_db.prepare(
            "INSERT INTO occurrences (id, activity, start, end) VALUES (?1, ?2, ?3, ?4) "
            "ON CONFLICT (id) DO UPDATE SET activity = excluded.activity, "
            "start = excluded.start, end = excluded.end RETURNING pk");
        m_occurrences.reserve(b.occurrences.size());
        for (const auto& o : b.occurrences) {
            std::int64_t activity = 0;
            SAMSKAB_TRY_SET(activity, m_activities.get(o.activity));
            occurrence.bind(1, o.id).bind(2, activity);
            occurrence.bind(3, core::format_local_time(o.start))
                .bind(4, core::format_local_time(o.end));
            std::int64_t pk = 0;
            SAMSKAB_TRY_SET(pk, upsert_returning_key(occurrence));
            m_occurrences.add(o.id, pk);
            ++m_summary.occurrences;
        }
        return {};
    }

    // Rows are written in primary-key order: appending to a B-tree instead of inserting at
    // random places is what keeps a million-row import within seconds.
    core::Result<void> participations(const core::Bundle& b) {
        struct Row {
            std::int64_t occurrence;
            std::int64_t person;
            core::Role role;
        };
        std::vector<Row> rows;
        rows.reserve(b.participations.size());
        for (const auto& p : b.participations) {
            Row row{0, 0, p.role};
            SAMSKAB_TRY_SET(row.occurrence, m_occurrences.get(p.occurrence));
            SAMSKAB_TRY_SET(row.person, m_people.get(p.person));
            rows.push_back(row);
        }
        std::sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) {
            return std::tie(x.occurrence, x.person) < std::tie(y.occurrence, y.person);
        });
        Statement participation = m_db.prepare(
            "INSERT INTO participations (occurrence, person, role) VALUES (?1, ?2, ?3) "
            "ON CONFLICT (occurrence, person) DO UPDATE SET role = excluded.role");
        for (const Row& row : rows) {
            participation.bind(1, row.occurrence).bind(2, row.person).bind(3, name_of(row.role));
            SAMSKAB_TRY(participation.run());
            ++m_summary.participations;
        }
        return {};
    }

    core::Result<void> visits(const core::Bundle& b) {
        struct Row {
            std::int64_t person;
            std::int64_t place;
            core::Day date;
        };
        std::vector<Row> rows;
        rows.reserve(b.visits.size());
        for (const auto& v : b.visits) {
            Row row{0, 0, v.date};
            SAMSKAB_TRY_SET(row.person, m_people.get(v.person));
            SAMSKAB_TRY_SET(row.place, m_places.get(v.place));
            rows.push_back(row);
        }
        std::sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) {
            return std::tie(x.person, x.place, x.date) < std::tie(y.person, y.place, y.date);
        });
        Statement visit = m_db.prepare(
            "INSERT INTO visits (person, place, date) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING");
        for (const Row& row : rows) {
            visit.bind(1, row.person).bind(2, row.place).bind(3, core::format_date(row.date));
            SAMSKAB_TRY(visit.run());
            ++m_summary.visits;
        }
        return {};
    }

    core::Result<void> relations(const core::Bundle& b) {
        Statement relation = m_db.prepare(
            "INSERT INTO relations (a, b, since, until, source) VALUES (?1, ?2, ?3, ?4, ?5) "
            "ON CONFLICT (a, b, since) DO UPDATE SET until = excluded.until, "
            "source = excluded.source");
        for (const auto& r : b.relations) {
            // One spelling per pair: the person whose id sorts first is `a`.
            const bool swap = r.b < r.a;
            std::int64_t a = 0, bb = 0;
            SAMSKAB_TRY_SET(a, m_people.get(swap ? r.b : r.a));
            SAMSKAB_TRY_SET(bb, m_people.get(swap ? r.a : r.b));
            relation.bind(1, a).bind(2, bb).bind(3, core::format_date(r.since));
            if (r.until) {
                relation.bind(4, core::format_date(*r.until));
            }
            relation.bind(5, name_of(r.source));
            SAMSKAB_TRY(relation.run());
            ++m_summary.relations;
        }
        return {};
    }

    core::Result<void> pathways(const core::Bundle& b) {
        Statement pathway = m_db.prepare(
            "INSERT INTO pathways (person, date, kind) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING");
        for (const auto& p : b.pathways) {
            std::int64_t person = 0;
            SAMSKAB_TRY_SET(person, m_people.get(p.person));
            pathway.bind(1, person).bind(2, core::format_date(p.date)).bind(3, name_of(p.kind));
            SAMSKAB_TRY(pathway.run());
            ++m_summary.pathways;
        }
        return {};
    }

    // Through the logbook and interview stores' own functions, which know how their free text
    // is kept (sealed when the database is encrypted).
    core::Result<void> self_evaluation(const core::Bundle& b) {
        for (const auto& logbook : b.logbook_templates) {
            SAMSKAB_TRY(
                SqliteLogbookStore::import_template(m_connection, core::to_template(logbook)));
            ++m_summary.logbook_templates;
        }
        for (const auto& entry : b.logbook_entries) {
            SAMSKAB_TRY(SqliteLogbookStore::import_entry(m_connection, core::to_entry(entry)));
            ++m_summary.logbook_entries;
        }
        for (const auto& code : b.codes) {
            std::int64_t partnership = 0;
            SAMSKAB_TRY_SET(partnership, m_partnerships.get(code.partnership));
            SAMSKAB_TRY(SqliteInterviewStore::import_theme(m_connection, partnership,
                                                           core::to_theme(code)));
            ++m_summary.codes;
        }
        // After the codes: a coding's theme may be one the bundle adds to the codebook.
        SAMSKAB_TRY_SET(m_summary.interviews, import_interview_guides(m_connection, b.interviews));
        m_summary.interview_guides = b.interviews.size();
        SurveyImportCount surveys;
        SAMSKAB_TRY_SET(surveys, import_survey_rounds(m_connection, b.survey_responses));
        m_summary.survey_rounds = surveys.rounds;
        m_summary.survey_responses = surveys.responses;
        return {};
    }

    Connection& m_connection;
    Database& m_db;
    KeyMap m_partnerships;
    KeyMap m_places;
    KeyMap m_people;
    KeyMap m_activities;
    KeyMap m_occurrences;
    core::ImportSummary m_summary;
};

}  // namespace

core::Result<core::ImportSummary> SqliteStore::import_bundle(const core::Bundle& bundle) {
    // Per-row foreign-key checks would double the time of a large import and add no safety
    // here: the importer writes only keys it has just written or looked up itself, inside one
    // IMMEDIATE transaction that no other writer can interleave with. The memory map of reads
    // slows a transaction larger than the page cache (measured: 20 s instead of 14 s for the
    // 50,000-person bundle). Pragmas cannot change inside a transaction, so both are switched
    // around it and always switched back.
    SAMSKAB_TRY(m_db->exec("PRAGMA foreign_keys = OFF"));
    SAMSKAB_TRY(m_db->exec(MMAP_OFF));
    struct SettingsBack {
        Database& db;
        ~SettingsBack() {
            (void)db.exec("PRAGMA foreign_keys = ON");
            (void)db.exec(MMAP_ON);
        }
    } settings_back{*m_db};
    auto transaction = Transaction::begin(*m_db);
    if (!transaction) {
        return tl::unexpected(transaction.error());
    }
    auto summary = Importer(*m_connection).run(bundle);
    if (!summary) {
        return summary;  // the transaction rolls back as it goes out of scope
    }
    SAMSKAB_TRY(transaction->commit());
    return summary;
}

}  // namespace samskab::storage::sqlite
