// PostgresStore::load_dataset: the same Dataset, record for record and in the same order, as
// the SQLite store loads (storage/sqlite/sqlite_export.cc). SQLite reads records with keys in
// key order, which is insertion order, and the others in primary-key order; rows come out of
// COPY in no particular order, so they are sorted here into exactly those orders.
#include <algorithm>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/privacy.h"
#include "storage/postgres/postgres_read.h"
#include "storage/postgres/postgres_store.h"

namespace samskab::storage::postgres {

namespace {

using core::Dataset;

// Dense dataset indices by key. Keys have gaps (an upsert that updates still draws a number),
// so a map rather than a vector indexed by key.
class DenseIndex {
public:
    // Numbers `keys` in ascending order; returns them sorted.
    void assign(std::vector<std::int64_t> keys) {
        std::sort(keys.begin(), keys.end());
        m_index.reserve(keys.size());
        for (size_t i = 0; i < keys.size(); ++i) {
            m_index.emplace(keys[i], static_cast<Dataset::Index>(i));
        }
    }
    Dataset::Index operator[](std::int64_t key) const {
        auto it = m_index.find(key);
        return it == m_index.end() ? Dataset::NONE : it->second;
    }

private:
    std::unordered_map<std::int64_t, Dataset::Index> m_index;
};

// Records of a table with keys, put in key order, and the index of their keys.
template <class Record>
struct KeyedRows {
    std::vector<std::pair<std::int64_t, Record>> rows;

    std::vector<Record> in_key_order(DenseIndex& index) {
        std::sort(rows.begin(), rows.end(),
                  [](const auto& x, const auto& y) { return x.first < y.first; });
        std::vector<std::int64_t> keys;
        std::vector<Record> records;
        keys.reserve(rows.size());
        records.reserve(rows.size());
        for (auto& [key, record] : rows) {
            keys.push_back(key);
            records.push_back(std::move(record));
        }
        index.assign(std::move(keys));
        return records;
    }
};

class Loader {
public:
    Loader(const Connection& connection, const SealedFields& sealed,
           pqxx::transaction_base& transaction)
        : m_fields(connection), m_sealed(sealed), m_transaction(transaction) {}

    core::Result<Dataset> run();

private:
    template <class Each>
    core::Result<void> rows(const char* table, std::vector<std::string> columns, Each&& each) {
        return m_fields.each_row(m_transaction, table, columns, each);
    }

    // The references of records with keys are read as keys first and turned into indices once
    // the referenced table is indexed.
    core::Result<void> records_with_keys();
    core::Result<void> links();

    StoredFields m_fields;
    const SealedFields& m_sealed;
    pqxx::transaction_base& m_transaction;
    Dataset m_data;
    DenseIndex m_partnerships, m_places, m_people, m_activities, m_occurrences;
};

core::Result<void> Loader::records_with_keys() {
    KeyedRows<Dataset::Partnership> partnerships;
    SAMSKAB_PG_TRY(rows("partnerships", {"pk", "id"}, [&](const CopyRow& r) -> core::Result<void> {
        std::int64_t pk = 0;
        SAMSKAB_PG_ASSIGN(pk, m_fields.key(r, 0));
        partnerships.rows.push_back({pk, {std::string(r.text(1))}});
        return {};
    }));
    m_data.partnerships = partnerships.in_key_order(m_partnerships);

    KeyedRows<std::pair<Dataset::Place, std::int64_t>> places;
    SAMSKAB_PG_TRY(rows("places", {"pk", "id", "partnership", "support_threshold"},
                        [&](const CopyRow& r) -> core::Result<void> {
                            std::int64_t pk = 0, partnership = 0;
                            SAMSKAB_PG_ASSIGN(pk, m_fields.key(r, 0));
                            SAMSKAB_PG_ASSIGN(partnership, m_fields.key(r, 2));
                            Dataset::Place p{std::string(r.text(1)), Dataset::NONE, 0};
                            SAMSKAB_PG_ASSIGN(p.support_threshold, m_fields.real(r, 3));
                            places.rows.push_back({pk, {std::move(p), partnership}});
                            return {};
                        }));
    for (auto& [place, partnership] : places.in_key_order(m_places)) {
        place.partnership = m_partnerships[partnership];
        m_data.places.push_back(std::move(place));
    }

    KeyedRows<Dataset::Person> people;
    SAMSKAB_PG_TRY(
        rows("people", {"pk", "id", "support_need", "joined", "entry_channel", "support_sealed"},
             [&](const CopyRow& r) -> core::Result<void> {
                 std::int64_t pk = 0;
                 SAMSKAB_PG_ASSIGN(pk, m_fields.key(r, 0));
                 Dataset::Person p{std::string(r.text(1)), m_sealed.open_support(r, 5, 2, pk),
                                   core::NO_DAY, -1};
                 if (!r.is_null(3)) {
                     SAMSKAB_PG_ASSIGN(p.joined, m_fields.day(r, 3));
                 }
                 if (!r.is_null(4)) {
                     core::EntryChannel channel{};
                     SAMSKAB_PG_ASSIGN(channel, m_fields.vocabulary<core::EntryChannel>(r, 4));
                     p.entry_channel = static_cast<std::int8_t>(channel);
                 }
                 people.rows.push_back({pk, std::move(p)});
                 return {};
             }));
    m_data.people = people.in_key_order(m_people);

    struct ActivityRow {
        Dataset::Activity activity;
        std::int64_t place;
        std::int64_t initiated_by;  // 0: none (keys start at 1)
    };
    KeyedRows<ActivityRow> activities;
    SAMSKAB_PG_TRY(
        rows("activities", {"pk", "id", "place", "kind", "initiated_by", "created"},
             [&](const CopyRow& r) -> core::Result<void> {
                 ActivityRow a{{std::string(r.text(1)), Dataset::NONE, {}, Dataset::NONE, 0}, 0, 0};
                 std::int64_t pk = 0;
                 SAMSKAB_PG_ASSIGN(pk, m_fields.key(r, 0));
                 SAMSKAB_PG_ASSIGN(a.place, m_fields.key(r, 2));
                 SAMSKAB_PG_ASSIGN(a.activity.kind, m_fields.vocabulary<core::ActivityKind>(r, 3));
                 if (!r.is_null(4)) {
                     SAMSKAB_PG_ASSIGN(a.initiated_by, m_fields.key(r, 4));
                 }
                 SAMSKAB_PG_ASSIGN(a.activity.created, m_fields.day(r, 5));
                 activities.rows.push_back({pk, std::move(a)});
                 return {};
             }));
    for (auto& a : activities.in_key_order(m_activities)) {
        a.activity.place = m_places[a.place];
        a.activity.initiated_by = a.initiated_by ? m_people[a.initiated_by] : Dataset::NONE;
        m_data.activities.push_back(std::move(a.activity));
    }

    KeyedRows<std::pair<core::Day, std::int64_t>> occurrences;
    SAMSKAB_PG_TRY(rows("occurrences", {"pk", "activity", "start"},
                        [&](const CopyRow& r) -> core::Result<void> {
                            std::int64_t pk = 0, activity = 0;
                            core::LocalTime start = 0;
                            SAMSKAB_PG_ASSIGN(pk, m_fields.key(r, 0));
                            SAMSKAB_PG_ASSIGN(activity, m_fields.key(r, 1));
                            SAMSKAB_PG_ASSIGN(start, m_fields.time(r, 2));
                            occurrences.rows.push_back({pk, {core::day_of(start), activity}});
                            return {};
                        }));
    for (const auto& [day, activity] : occurrences.in_key_order(m_occurrences)) {
        m_data.occurrences.push_back({m_activities[activity], day});
    }
    return {};
}

// Records without keys, in the order in which SQLite reads them: its primary keys, or for
// visits the covering index it prefers. Keys and dense indices have the same order, and dates
// as day numbers the order of their ISO text, so sorting by indices and days gives that order;
// a pathway's kind is text in the key, hence its name.
core::Result<void> Loader::links() {
    auto& companions = m_data.companions;
    SAMSKAB_PG_TRY(rows("companions",
                        {"partnership", "from_date", "to_date", std::string(LINK_COPY_COLUMNS[0]),
                         std::string(LINK_COPY_COLUMNS[1]), std::string(LINK_COPY_COLUMNS[2]),
                         std::string(LINK_COPY_COLUMNS[3]), std::string(LINK_COPY_COLUMNS[4]),
                         std::string(LINK_COPY_COLUMNS[5])},
                        [&](const CopyRow& r) -> core::Result<void> {
                            std::int64_t partnership = 0;
                            SAMSKAB_PG_ASSIGN(partnership, m_fields.key(r, 0));
                            const OpenedLink link = m_sealed.open_link(r, 3);
                            Dataset::Companion c{m_people[link.person], m_people[link.companion],
                                                 m_partnerships[partnership], 0, core::DAY_MAX};
                            SAMSKAB_PG_ASSIGN(c.from, m_fields.day(r, 1));
                            if (!r.is_null(2)) {
                                SAMSKAB_PG_ASSIGN(c.to, m_fields.day(r, 2));
                            }
                            companions.push_back(c);
                            return {};
                        }));
    std::sort(companions.begin(), companions.end(), [](const auto& x, const auto& y) {
        return std::tie(x.person, x.companion, x.partnership, x.from) <
               std::tie(y.person, y.companion, y.partnership, y.from);
    });

    auto& participations = m_data.participations;
    SAMSKAB_PG_TRY(
        rows("participations", {"occurrence", "person", "role"},
             [&](const CopyRow& r) -> core::Result<void> {
                 std::int64_t occurrence = 0, person = 0;
                 SAMSKAB_PG_ASSIGN(occurrence, m_fields.key(r, 0));
                 SAMSKAB_PG_ASSIGN(person, m_fields.key(r, 1));
                 Dataset::Participation p{m_people[person], m_occurrences[occurrence], {}};
                 SAMSKAB_PG_ASSIGN(p.role, m_fields.vocabulary<core::Role>(r, 2));
                 participations.push_back(p);
                 return {};
             }));
    std::sort(participations.begin(), participations.end(), [](const auto& x, const auto& y) {
        return std::tie(x.occurrence, x.person) < std::tie(y.occurrence, y.person);
    });

    auto& visits = m_data.visits;
    SAMSKAB_PG_TRY(
        rows("visits", {"person", "place", "date"}, [&](const CopyRow& r) -> core::Result<void> {
            std::int64_t person = 0, place = 0;
            SAMSKAB_PG_ASSIGN(person, m_fields.key(r, 0));
            SAMSKAB_PG_ASSIGN(place, m_fields.key(r, 1));
            Dataset::Visit v{m_people[person], m_places[place], 0};
            SAMSKAB_PG_ASSIGN(v.day, m_fields.day(r, 2));
            visits.push_back(v);
            return {};
        }));
    // SQLite reads visits through its covering index visits_place_date, not the primary key.
    std::sort(visits.begin(), visits.end(), [](const auto& x, const auto& y) {
        return std::tie(x.place, x.day, x.person) < std::tie(y.place, y.day, y.person);
    });

    auto& relations = m_data.relations;
    SAMSKAB_PG_TRY(rows("relations", {"a", "b", "since", "until"},
                        [&](const CopyRow& r) -> core::Result<void> {
                            std::int64_t a = 0, b = 0;
                            SAMSKAB_PG_ASSIGN(a, m_fields.key(r, 0));
                            SAMSKAB_PG_ASSIGN(b, m_fields.key(r, 1));
                            Dataset::Relation relation{m_people[a], m_people[b], 0, core::DAY_MAX};
                            SAMSKAB_PG_ASSIGN(relation.since, m_fields.day(r, 2));
                            if (!r.is_null(3)) {
                                SAMSKAB_PG_ASSIGN(relation.until, m_fields.day(r, 3));
                            }
                            relations.push_back(relation);
                            return {};
                        }));
    std::sort(relations.begin(), relations.end(), [](const auto& x, const auto& y) {
        return std::tie(x.a, x.b, x.since) < std::tie(y.a, y.b, y.since);
    });

    auto& pathways = m_data.pathways;
    SAMSKAB_PG_TRY(
        rows("pathways", {"person", "date", "kind"}, [&](const CopyRow& r) -> core::Result<void> {
            std::int64_t person = 0;
            SAMSKAB_PG_ASSIGN(person, m_fields.key(r, 0));
            Dataset::Pathway p{m_people[person], 0, {}};
            SAMSKAB_PG_ASSIGN(p.day, m_fields.day(r, 1));
            SAMSKAB_PG_ASSIGN(p.kind, m_fields.vocabulary<core::PathwayKind>(r, 2));
            pathways.push_back(p);
            return {};
        }));
    std::sort(pathways.begin(), pathways.end(), [](const auto& x, const auto& y) {
        return std::make_tuple(x.person, x.day, core::name_of(x.kind)) <
               std::make_tuple(y.person, y.day, core::name_of(y.kind));
    });
    return {};
}

core::Result<Dataset> Loader::run() {
    SAMSKAB_PG_TRY(records_with_keys());
    SAMSKAB_PG_TRY(links());
    // People who objected to statistics are left out of every report from then on
    // (core::leave_out_people; docs/privacy.md), as on SQLite. Read in the same snapshot as
    // the records.
    std::vector<bool> left_out(m_data.people.size(), false);
    bool any_left_out = false;
    for (const auto& row :
         m_transaction.exec("SELECT person FROM privacy_consents WHERE statistics = 0")) {
        const Dataset::Index person = m_people[row[0].as<std::int64_t>()];
        if (person != Dataset::NONE) {
            left_out[static_cast<std::size_t>(person)] = true;
            any_left_out = true;
        }
    }
    if (any_left_out) {
        return core::leave_out_people(m_data, left_out);
    }
    return std::move(m_data);
}

}  // namespace

core::Result<core::Dataset> PostgresStore::load_dataset() {
    Connection& connection = *m_connection;
    return connection.guard<core::Dataset>([&]() -> core::Result<core::Dataset> {
        pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> transaction(connection.handle());
        auto data = Loader(connection, m_fields, transaction).run();
        transaction.commit();
        return data;
    });
}

}  // namespace samskab::storage::postgres
