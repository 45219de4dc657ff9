// SqliteStore::export_bundle and load_dataset: reading everything back.
#include <algorithm>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "core/privacy.h"
#include "core/self_evaluation_records.h"
#include "storage/sqlite/sqlite_fields.h"
#include "storage/sqlite/sqlite_interview_bundle.h"
#include "storage/sqlite/sqlite_interview_store.h"
#include "storage/sqlite/sqlite_logbook_store.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/sqlite/sqlite_survey_bundle.h"

namespace samskab::storage::sqlite {

namespace {

using core::Dataset;

// The stored text of a date or time column was written by samskab in the bundle format; a
// value that does not parse means the file was changed behind samskab's back.
core::Result<core::Day> day_column(const Database& db, const Statement& s, int column) {
    if (auto day = core::parse_date(s.column_text(column))) {
        return *day;
    }
    return tl::unexpected(
        db.error("a stored date is damaged: \"" + std::string(s.column_text(column)) + "\""));
}

core::Result<std::optional<core::Day>> optional_day_column(const Database& db, const Statement& s,
                                                           int column) {
    if (s.column_is_null(column)) {
        return std::optional<core::Day>();
    }
    auto day = day_column(db, s, column);
    if (!day) {
        return tl::unexpected(day.error());
    }
    return std::optional<core::Day>(*day);
}

template <class E>
core::Result<E> enum_column(const Database& db, const Statement& s, int column) {
    if (auto value = core::parse_name<E>(s.column_text(column))) {
        return *value;
    }
    return tl::unexpected(
        db.error("a stored value is damaged: \"" + std::string(s.column_text(column)) + "\""));
}

// Steps through every row of `sql`, calling `row(statement)`, which returns Result<void>.
template <class Row>
core::Result<void> each_row(Database& db, std::string_view sql, Row&& row) {
    Statement statement = db.prepare(sql);
    while (true) {
        auto more = statement.step();
        if (!more) {
            return tl::unexpected(more.error());
        }
        if (!*more) {
            return {};
        }
        SAMSKAB_TRY(row(statement));
    }
}

// Bundle ids by integer key, for one table.
core::Result<std::unordered_map<std::int64_t, std::string>> ids_by_key(Database& db,
                                                                       std::string_view table) {
    std::unordered_map<std::int64_t, std::string> ids;
    SAMSKAB_TRY(each_row(db, "SELECT pk, id FROM " + std::string(table),
                         [&](const Statement& s) -> core::Result<void> {
                             ids.emplace(s.column_int(0), std::string(s.column_text(1)));
                             return {};
                         }));
    return ids;
}

// Dense dataset indices by integer key: key -> position in the order rows were loaded.
class DenseIndex {
public:
    void add(std::int64_t key) {
        if (static_cast<size_t>(key) >= m_index.size()) {
            m_index.resize(static_cast<size_t>(key) + 1, Dataset::NONE);
        }
        m_index[static_cast<size_t>(key)] = m_next++;
    }
    Dataset::Index operator[](std::int64_t key) const {
        return key >= 0 && static_cast<size_t>(key) < m_index.size()
                   ? m_index[static_cast<size_t>(key)]
                   : Dataset::NONE;
    }

private:
    std::vector<Dataset::Index> m_index;
    Dataset::Index m_next = 0;
};

// The logbooks and codebooks, through their stores' own functions (which know how their free
// text is kept). Codes by partnership, each partnership's in its codebook's order: that order
// is the codebook's, and an import appends new themes in the order given.
core::Result<void> export_self_evaluation(
    Connection& c, const std::unordered_map<std::int64_t, std::string>& partnership_ids,
    core::Bundle& b) {
    std::vector<core::LogbookTemplate> templates;
    SAMSKAB_TRY_SET(templates, SqliteLogbookStore::all_templates(c));
    for (const core::LogbookTemplate& logbook : templates) {
        b.logbook_templates.push_back(core::to_record(logbook));
    }
    std::vector<core::LogbookEntry> entries;
    SAMSKAB_TRY_SET(entries, SqliteLogbookStore::all_entries(c));
    for (const core::LogbookEntry& entry : entries) {
        b.logbook_entries.push_back(core::to_record(entry));
    }
    std::vector<std::pair<std::string, std::int64_t>> partnerships;
    for (const auto& [key, id] : partnership_ids) {
        partnerships.emplace_back(id, key);
    }
    std::sort(partnerships.begin(), partnerships.end());
    for (const auto& [id, key] : partnerships) {
        std::vector<core::Theme> themes;
        SAMSKAB_TRY_SET(themes, SqliteInterviewStore::stored_themes(c, key));
        for (const core::Theme& theme : themes) {
            b.codes.push_back(core::to_record(id, theme));
        }
    }
    SAMSKAB_TRY_SET(b.interviews, export_interview_guides(c));
    SAMSKAB_TRY_SET(b.survey_responses, export_survey_rounds(c));
    return {};
}

}  // namespace

core::Result<core::Bundle> SqliteStore::export_bundle() {
    Database& db = *m_db;
    // A read transaction, so the export is one consistent snapshot even while others write.
    SAMSKAB_TRY(db.exec("BEGIN"));
    struct EndRead {
        Database& db;
        ~EndRead() { (void)db.exec("COMMIT"); }
    } end_read{db};

    core::Bundle b;
    std::unordered_map<std::int64_t, std::string> partnership_ids, place_ids, person_ids,
        activity_ids, occurrence_ids;
    SAMSKAB_TRY_SET(partnership_ids, ids_by_key(db, "partnerships"));
    SAMSKAB_TRY_SET(place_ids, ids_by_key(db, "places"));
    SAMSKAB_TRY_SET(person_ids, ids_by_key(db, "people"));
    SAMSKAB_TRY_SET(activity_ids, ids_by_key(db, "activities"));
    SAMSKAB_TRY_SET(occurrence_ids, ids_by_key(db, "occurrences"));

    std::unordered_map<std::int64_t, size_t> partnership_position;
    SAMSKAB_TRY(each_row(db, "SELECT pk, id, name FROM partnerships ORDER BY id",
                         [&](const Statement& s) -> core::Result<void> {
                             partnership_position[s.column_int(0)] = b.partnerships.size();
                             b.partnerships.push_back({std::string(s.column_text(1)),
                                                       std::string(s.column_text(2)),
                                                       {}});
                             return {};
                         }));
    SAMSKAB_TRY(each_row(
        db, "SELECT partnership, id, name, kind FROM organisations ORDER BY id",
        [&](const Statement& s) -> core::Result<void> {
            core::Organisation o{std::string(s.column_text(1)), std::string(s.column_text(2)), {}};
            SAMSKAB_TRY_SET(o.kind, enum_column<core::OrganisationKind>(db, s, 3));
            b.partnerships[partnership_position.at(s.column_int(0))].organisations.push_back(o);
            return {};
        }));
    SAMSKAB_TRY(each_row(
        db, "SELECT id, partnership, name, support_threshold FROM places ORDER BY id",
        [&](const Statement& s) -> core::Result<void> {
            b.places.push_back({std::string(s.column_text(0)), partnership_ids.at(s.column_int(1)),
                                std::string(s.column_text(2)), s.column_double(3)});
            return {};
        }));
    SAMSKAB_TRY(each_row(
        db,
        "SELECT p.id, p.name, " + std::string(SUPPORT_NEED) +
            ", p.joined, p.entry_channel, p.consent_support_need, p.consent_pathways "
            "FROM people p ORDER BY p.id",
        [&](const Statement& s) -> core::Result<void> {
            core::Person p;
            p.id = s.column_text(0);
            p.name = s.column_text(1);
            p.support_need = s.column_int(2) != 0;
            SAMSKAB_TRY_SET(p.joined, optional_day_column(db, s, 3));
            if (!s.column_is_null(4)) {
                SAMSKAB_TRY_SET(p.entry_channel, enum_column<core::EntryChannel>(db, s, 4));
            }
            p.consent = {s.column_int(5) != 0, s.column_int(6) != 0};
            b.people.push_back(std::move(p));
            return {};
        }));
    SAMSKAB_TRY(each_row(db,
                         "SELECT " + std::string(LINK_PERSON) + ", " + std::string(LINK_COMPANION) +
                             ", c.partnership, c.from_date, c.to_date FROM companions c",
                         [&](const Statement& s) -> core::Result<void> {
                             core::CompanionLink c{
                                 person_ids.at(s.column_int(0)), person_ids.at(s.column_int(1)),
                                 partnership_ids.at(s.column_int(2)), 0, std::nullopt};
                             SAMSKAB_TRY_SET(c.from, day_column(db, s, 3));
                             SAMSKAB_TRY_SET(c.to, optional_day_column(db, s, 4));
                             b.companions.push_back(std::move(c));
                             return {};
                         }));
    std::sort(b.companions.begin(), b.companions.end(), [](const auto& x, const auto& y) {
        return std::tie(x.person, x.companion, x.partnership, x.from) <
               std::tie(y.person, y.companion, y.partnership, y.from);
    });
    SAMSKAB_TRY(each_row(
        db, "SELECT id, place, title, kind, initiated_by, created FROM activities ORDER BY id",
        [&](const Statement& s) -> core::Result<void> {
            core::Activity a;
            a.id = s.column_text(0);
            a.place = place_ids.at(s.column_int(1));
            a.title = s.column_text(2);
            SAMSKAB_TRY_SET(a.kind, enum_column<core::ActivityKind>(db, s, 3));
            if (!s.column_is_null(4)) {
                a.initiated_by = person_ids.at(s.column_int(4));
            }
            SAMSKAB_TRY_SET(a.created, day_column(db, s, 5));
            b.activities.push_back(std::move(a));
            return {};
        }));
    SAMSKAB_TRY(each_row(db, "SELECT id, activity, start, end FROM occurrences ORDER BY id",
                         [&](const Statement& s) -> core::Result<void> {
                             auto start = core::parse_local_time(s.column_text(2));
                             auto end = core::parse_local_time(s.column_text(3));
                             if (!start || !end) {
                                 return tl::unexpected(db.error("a stored time is damaged"));
                             }
                             b.occurrences.push_back({std::string(s.column_text(0)),
                                                      activity_ids.at(s.column_int(1)), *start,
                                                      *end});
                             return {};
                         }));
    SAMSKAB_TRY(each_row(db, "SELECT occurrence, person, role FROM participations",
                         [&](const Statement& s) -> core::Result<void> {
                             core::Participation p{person_ids.at(s.column_int(1)),
                                                   occurrence_ids.at(s.column_int(0)),
                                                   {}};
                             SAMSKAB_TRY_SET(p.role, enum_column<core::Role>(db, s, 2));
                             b.participations.push_back(std::move(p));
                             return {};
                         }));
    std::sort(b.participations.begin(), b.participations.end(), [](const auto& x, const auto& y) {
        return std::tie(x.occurrence, x.person) < std::tie(y.occurrence, y.person);
    });
    SAMSKAB_TRY(each_row(
        db, "SELECT person, place, date FROM visits",
        [&](const Statement& s) -> core::Result<void> {
            core::Visit v{person_ids.at(s.column_int(0)), place_ids.at(s.column_int(1)), 0};
            SAMSKAB_TRY_SET(v.date, day_column(db, s, 2));
            b.visits.push_back(std::move(v));
            return {};
        }));
    std::sort(b.visits.begin(), b.visits.end(), [](const auto& x, const auto& y) {
        return std::tie(x.person, x.place, x.date) < std::tie(y.person, y.place, y.date);
    });
    SAMSKAB_TRY(each_row(db, "SELECT a, b, since, until, source FROM relations",
                         [&](const Statement& s) -> core::Result<void> {
                             core::Relation r{person_ids.at(s.column_int(0)),
                                              person_ids.at(s.column_int(1)),
                                              0,
                                              std::nullopt,
                                              {}};
                             SAMSKAB_TRY_SET(r.since, day_column(db, s, 2));
                             SAMSKAB_TRY_SET(r.until, optional_day_column(db, s, 3));
                             SAMSKAB_TRY_SET(r.source, enum_column<core::RelationSource>(db, s, 4));
                             b.relations.push_back(std::move(r));
                             return {};
                         }));
    std::sort(b.relations.begin(), b.relations.end(), [](const auto& x, const auto& y) {
        return std::tie(x.a, x.b, x.since) < std::tie(y.a, y.b, y.since);
    });
    SAMSKAB_TRY(each_row(db, "SELECT person, date, kind FROM pathways",
                         [&](const Statement& s) -> core::Result<void> {
                             core::Pathway p{person_ids.at(s.column_int(0)), 0, {}};
                             SAMSKAB_TRY_SET(p.date, day_column(db, s, 1));
                             SAMSKAB_TRY_SET(p.kind, enum_column<core::PathwayKind>(db, s, 2));
                             b.pathways.push_back(std::move(p));
                             return {};
                         }));
    std::sort(b.pathways.begin(), b.pathways.end(), [](const auto& x, const auto& y) {
        return std::tie(x.person, x.date, x.kind) < std::tie(y.person, y.date, y.kind);
    });
    SAMSKAB_TRY(export_self_evaluation(*m_connection, partnership_ids, b));
    return b;
}

core::Result<core::Dataset> SqliteStore::load_dataset() {
    Database& db = *m_db;
    SAMSKAB_TRY(db.exec("BEGIN"));
    struct EndRead {
        Database& db;
        ~EndRead() { (void)db.exec("COMMIT"); }
    } end_read{db};

    Dataset d;
    DenseIndex partnerships, places, people, activities, occurrences;
    SAMSKAB_TRY(each_row(db, "SELECT pk, id FROM partnerships ORDER BY pk",
                         [&](const Statement& s) -> core::Result<void> {
                             partnerships.add(s.column_int(0));
                             d.partnerships.push_back({std::string(s.column_text(1))});
                             return {};
                         }));
    SAMSKAB_TRY(
        each_row(db, "SELECT pk, id, partnership, support_threshold FROM places ORDER BY pk",
                 [&](const Statement& s) -> core::Result<void> {
                     places.add(s.column_int(0));
                     d.places.push_back({std::string(s.column_text(1)),
                                         partnerships[s.column_int(2)], s.column_double(3)});
                     return {};
                 }));
    SAMSKAB_TRY(each_row(db,
                         "SELECT p.pk, p.id, " + std::string(SUPPORT_NEED) +
                             ", p.joined, p.entry_channel FROM people p ORDER BY p.pk",
                         [&](const Statement& s) -> core::Result<void> {
                             people.add(s.column_int(0));
                             Dataset::Person p{std::string(s.column_text(1)), s.column_int(2) != 0,
                                               core::NO_DAY, -1};
                             if (!s.column_is_null(3)) {
                                 SAMSKAB_TRY_SET(p.joined, day_column(db, s, 3));
                             }
                             if (!s.column_is_null(4)) {
                                 core::EntryChannel channel{};
                                 SAMSKAB_TRY_SET(channel,
                                                 enum_column<core::EntryChannel>(db, s, 4));
                                 p.entry_channel = static_cast<std::int8_t>(channel);
                             }
                             d.people.push_back(std::move(p));
                             return {};
                         }));
    SAMSKAB_TRY(each_row(db,
                         "SELECT " + std::string(LINK_PERSON) + ", " + std::string(LINK_COMPANION) +
                             ", c.partnership, c.from_date, c.to_date FROM companions c",
                         [&](const Statement& s) -> core::Result<void> {
                             Dataset::Companion c{people[s.column_int(0)], people[s.column_int(1)],
                                                  partnerships[s.column_int(2)], 0, core::DAY_MAX};
                             SAMSKAB_TRY_SET(c.from, day_column(db, s, 3));
                             if (!s.column_is_null(4)) {
                                 SAMSKAB_TRY_SET(c.to, day_column(db, s, 4));
                             }
                             d.companions.push_back(c);
                             return {};
                         }));
    // In the order of their natural key, as the PostgreSQL store loads them: the table's rows are
    // in the order they were written, and the sealed columns cannot be sorted in SQL.
    std::sort(d.companions.begin(), d.companions.end(), [](const auto& x, const auto& y) {
        return std::tie(x.person, x.companion, x.partnership, x.from) <
               std::tie(y.person, y.companion, y.partnership, y.from);
    });
    SAMSKAB_TRY(each_row(
        db, "SELECT pk, id, place, kind, initiated_by, created FROM activities ORDER BY pk",
        [&](const Statement& s) -> core::Result<void> {
            activities.add(s.column_int(0));
            Dataset::Activity a{
                std::string(s.column_text(1)), places[s.column_int(2)], {}, Dataset::NONE, 0};
            SAMSKAB_TRY_SET(a.kind, enum_column<core::ActivityKind>(db, s, 3));
            if (!s.column_is_null(4)) {
                a.initiated_by = people[s.column_int(4)];
            }
            SAMSKAB_TRY_SET(a.created, day_column(db, s, 5));
            d.activities.push_back(std::move(a));
            return {};
        }));
    SAMSKAB_TRY(each_row(db,
                         "SELECT pk, activity, substr(start, 1, 10) FROM occurrences ORDER BY pk",
                         [&](const Statement& s) -> core::Result<void> {
                             occurrences.add(s.column_int(0));
                             Dataset::Occurrence o{activities[s.column_int(1)], 0};
                             SAMSKAB_TRY_SET(o.start_day, day_column(db, s, 2));
                             d.occurrences.push_back(o);
                             return {};
                         }));
    SAMSKAB_TRY(each_row(db, "SELECT count(*) FROM participations",
                         [&](const Statement& s) -> core::Result<void> {
                             d.participations.reserve(static_cast<size_t>(s.column_int(0)));
                             return {};
                         }));
    SAMSKAB_TRY(each_row(
        db, "SELECT occurrence, person, role FROM participations",
        [&](const Statement& s) -> core::Result<void> {
            Dataset::Participation p{people[s.column_int(1)], occurrences[s.column_int(0)], {}};
            SAMSKAB_TRY_SET(p.role, enum_column<core::Role>(db, s, 2));
            d.participations.push_back(p);
            return {};
        }));
    SAMSKAB_TRY(each_row(db, "SELECT person, place, date FROM visits",
                         [&](const Statement& s) -> core::Result<void> {
                             Dataset::Visit v{people[s.column_int(0)], places[s.column_int(1)], 0};
                             SAMSKAB_TRY_SET(v.day, day_column(db, s, 2));
                             d.visits.push_back(v);
                             return {};
                         }));
    SAMSKAB_TRY(each_row(
        db, "SELECT a, b, since, until FROM relations",
        [&](const Statement& s) -> core::Result<void> {
            Dataset::Relation r{people[s.column_int(0)], people[s.column_int(1)], 0, core::DAY_MAX};
            SAMSKAB_TRY_SET(r.since, day_column(db, s, 2));
            if (!s.column_is_null(3)) {
                SAMSKAB_TRY_SET(r.until, day_column(db, s, 3));
            }
            d.relations.push_back(r);
            return {};
        }));
    SAMSKAB_TRY(each_row(db, "SELECT person, date, kind FROM pathways",
                         [&](const Statement& s) -> core::Result<void> {
                             Dataset::Pathway p{people[s.column_int(0)], 0, {}};
                             SAMSKAB_TRY_SET(p.day, day_column(db, s, 1));
                             SAMSKAB_TRY_SET(p.kind, enum_column<core::PathwayKind>(db, s, 2));
                             d.pathways.push_back(p);
                             return {};
                         }));
    // People who objected to statistics are left out of every report from then on
    // (core::leave_out_people; docs/privacy.md). Read in the same snapshot as the records.
    std::vector<bool> left_out(d.people.size(), false);
    bool any_left_out = false;
    SAMSKAB_TRY(each_row(db, "SELECT person FROM privacy_consents WHERE statistics = 0",
                         [&](const Statement& s) -> core::Result<void> {
                             left_out[static_cast<std::size_t>(people[s.column_int(0)])] = true;
                             any_left_out = true;
                             return {};
                         }));
    if (any_left_out) {
        return core::leave_out_people(d, left_out);
    }
    return d;
}

}  // namespace samskab::storage::sqlite
