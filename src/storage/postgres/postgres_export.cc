// PostgresStore::export_bundle: everything, in exactly the order of the SQLite store's export
// (storage/sqlite/sqlite_export.cc), so that the two stores write byte-identical bundles.
// Rows come out of COPY in no particular order and are sorted here, with std::string's
// bytewise comparison, which is SQLite's BINARY collation.
#include <algorithm>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "storage/postgres/postgres_interview_store.h"
#include "storage/postgres/postgres_logbook_store.h"
#include "storage/postgres/postgres_read.h"
#include "storage/postgres/postgres_store.h"
#include "storage/postgres/postgres_survey_store.h"

namespace samskab::storage::postgres {

namespace {

using Ids = std::unordered_map<std::int64_t, std::string>;

template <class Records>
void sort_by_id(Records& records) {
    std::sort(records.begin(), records.end(),
              [](const auto& x, const auto& y) { return x.id < y.id; });
}

class Exporter {
public:
    Exporter(const Connection& connection, const SealedFields& sealed,
             pqxx::transaction_base& transaction)
        : m_fields(connection), m_sealed(sealed), m_transaction(transaction) {}

    core::Result<core::Bundle> run() {
        SAMSKAB_PG_TRY(partnerships());
        SAMSKAB_PG_TRY(places());
        SAMSKAB_PG_TRY(people());
        SAMSKAB_PG_TRY(companions());
        SAMSKAB_PG_TRY(activities());
        SAMSKAB_PG_TRY(occurrences());
        SAMSKAB_PG_TRY(participations());
        SAMSKAB_PG_TRY(visits());
        SAMSKAB_PG_TRY(relations());
        SAMSKAB_PG_TRY(pathways());
        // The self-evaluation's records, through their stores' own functions.
        SAMSKAB_PG_TRY(PostgresLogbookStore::export_logbooks(m_transaction, m_sealed, m_bundle));
        SAMSKAB_PG_TRY(
            PostgresInterviewStore::export_interviews(m_transaction, m_sealed, m_bundle));
        SAMSKAB_PG_TRY(PostgresSurveyStore::export_surveys(m_transaction, m_bundle));
        return std::move(m_bundle);
    }

private:
    // Runs `each` for every row of `columns` of `table`.
    template <class Each>
    core::Result<void> rows(const char* table, std::vector<std::string> columns, Each&& each) {
        return m_fields.each_row(m_transaction, table, columns, each);
    }

    core::Result<void> partnerships() {
        std::vector<std::pair<std::int64_t, core::Partnership>> read;
        SAMSKAB_PG_TRY(
            rows("partnerships", {"pk", "id", "name"}, [&](const CopyRow& r) -> core::Result<void> {
                std::int64_t pk = 0;
                SAMSKAB_PG_ASSIGN(pk, m_fields.key(r, 0));
                m_partnerships.emplace(pk, r.text(1));
                read.push_back({pk, {std::string(r.text(1)), std::string(r.text(2)), {}}});
                return {};
            }));
        std::sort(read.begin(), read.end(),
                  [](const auto& x, const auto& y) { return x.second.id < y.second.id; });
        std::unordered_map<std::int64_t, size_t> position;
        for (auto& [pk, partnership] : read) {
            position[pk] = m_bundle.partnerships.size();
            m_bundle.partnerships.push_back(std::move(partnership));
        }
        std::vector<std::pair<std::int64_t, core::Organisation>> organisations;
        SAMSKAB_PG_TRY(
            rows("organisations", {"partnership", "id", "name", "kind"},
                 [&](const CopyRow& r) -> core::Result<void> {
                     core::Organisation o{std::string(r.text(1)), std::string(r.text(2)), {}};
                     std::int64_t partnership = 0;
                     SAMSKAB_PG_ASSIGN(partnership, m_fields.key(r, 0));
                     SAMSKAB_PG_ASSIGN(o.kind, m_fields.vocabulary<core::OrganisationKind>(r, 3));
                     organisations.push_back({partnership, std::move(o)});
                     return {};
                 }));
        std::sort(organisations.begin(), organisations.end(),
                  [](const auto& x, const auto& y) { return x.second.id < y.second.id; });
        for (auto& [partnership, organisation] : organisations) {
            m_bundle.partnerships[position.at(partnership)].organisations.push_back(
                std::move(organisation));
        }
        return {};
    }

    core::Result<void> places() {
        SAMSKAB_PG_TRY(rows("places", {"pk", "id", "partnership", "name", "support_threshold"},
                            [&](const CopyRow& r) -> core::Result<void> {
                                std::int64_t pk = 0, partnership = 0;
                                SAMSKAB_PG_ASSIGN(pk, m_fields.key(r, 0));
                                SAMSKAB_PG_ASSIGN(partnership, m_fields.key(r, 2));
                                core::Place p{std::string(r.text(1)),
                                              m_partnerships.at(partnership),
                                              std::string(r.text(3)), 0};
                                SAMSKAB_PG_ASSIGN(p.support_threshold, m_fields.real(r, 4));
                                m_places.emplace(pk, p.id);
                                m_bundle.places.push_back(std::move(p));
                                return {};
                            }));
        sort_by_id(m_bundle.places);
        return {};
    }

    core::Result<void> people() {
        SAMSKAB_PG_TRY(rows("people",
                            {"pk", "id", "name", "support_need", "joined", "entry_channel",
                             "consent_support_need", "consent_pathways", "support_sealed"},
                            [&](const CopyRow& r) -> core::Result<void> {
                                std::int64_t pk = 0;
                                SAMSKAB_PG_ASSIGN(pk, m_fields.key(r, 0));
                                core::Person p;
                                p.id = r.text(1);
                                p.name = r.text(2);
                                p.support_need = m_sealed.open_support(r, 8, 3, pk);
                                SAMSKAB_PG_ASSIGN(p.joined, m_fields.optional_day(r, 4));
                                if (!r.is_null(5)) {
                                    SAMSKAB_PG_ASSIGN(
                                        p.entry_channel,
                                        m_fields.vocabulary<core::EntryChannel>(r, 5));
                                }
                                p.consent = {r.boolean(6), r.boolean(7)};
                                m_people.emplace(pk, p.id);
                                m_bundle.people.push_back(std::move(p));
                                return {};
                            }));
        sort_by_id(m_bundle.people);
        return {};
    }

    core::Result<void> companions() {
        SAMSKAB_PG_TRY(rows("companions",
                            {"partnership", "from_date", "to_date",
                             std::string(LINK_COPY_COLUMNS[0]), std::string(LINK_COPY_COLUMNS[1]),
                             std::string(LINK_COPY_COLUMNS[2]), std::string(LINK_COPY_COLUMNS[3]),
                             std::string(LINK_COPY_COLUMNS[4]), std::string(LINK_COPY_COLUMNS[5])},
                            [&](const CopyRow& r) -> core::Result<void> {
                                std::int64_t partnership = 0;
                                SAMSKAB_PG_ASSIGN(partnership, m_fields.key(r, 0));
                                const OpenedLink link = m_sealed.open_link(r, 3);
                                core::CompanionLink c{
                                    m_people.at(link.person), m_people.at(link.companion),
                                    m_partnerships.at(partnership), 0, std::nullopt};
                                SAMSKAB_PG_ASSIGN(c.from, m_fields.day(r, 1));
                                SAMSKAB_PG_ASSIGN(c.to, m_fields.optional_day(r, 2));
                                m_bundle.companions.push_back(std::move(c));
                                return {};
                            }));
        auto& c = m_bundle.companions;
        std::sort(c.begin(), c.end(), [](const auto& x, const auto& y) {
            return std::tie(x.person, x.companion, x.partnership, x.from) <
                   std::tie(y.person, y.companion, y.partnership, y.from);
        });
        return {};
    }

    core::Result<void> activities() {
        SAMSKAB_PG_TRY(
            rows("activities", {"pk", "id", "place", "title", "kind", "initiated_by", "created"},
                 [&](const CopyRow& r) -> core::Result<void> {
                     std::int64_t pk = 0, place = 0;
                     SAMSKAB_PG_ASSIGN(pk, m_fields.key(r, 0));
                     SAMSKAB_PG_ASSIGN(place, m_fields.key(r, 2));
                     core::Activity a;
                     a.id = r.text(1);
                     a.place = m_places.at(place);
                     a.title = r.text(3);
                     SAMSKAB_PG_ASSIGN(a.kind, m_fields.vocabulary<core::ActivityKind>(r, 4));
                     if (!r.is_null(5)) {
                         std::int64_t initiator = 0;
                         SAMSKAB_PG_ASSIGN(initiator, m_fields.key(r, 5));
                         a.initiated_by = m_people.at(initiator);
                     }
                     SAMSKAB_PG_ASSIGN(a.created, m_fields.day(r, 6));
                     m_activities.emplace(pk, a.id);
                     m_bundle.activities.push_back(std::move(a));
                     return {};
                 }));
        sort_by_id(m_bundle.activities);
        return {};
    }

    core::Result<void> occurrences() {
        SAMSKAB_PG_TRY(
            rows("occurrences", {"pk", "id", "activity", "start", "\"end\""},
                 [&](const CopyRow& r) -> core::Result<void> {
                     std::int64_t pk = 0, activity = 0;
                     SAMSKAB_PG_ASSIGN(pk, m_fields.key(r, 0));
                     SAMSKAB_PG_ASSIGN(activity, m_fields.key(r, 2));
                     core::Occurrence o{std::string(r.text(1)), m_activities.at(activity), 0, 0};
                     SAMSKAB_PG_ASSIGN(o.start, m_fields.time(r, 3));
                     SAMSKAB_PG_ASSIGN(o.end, m_fields.time(r, 4));
                     m_occurrences.emplace(pk, o.id);
                     m_bundle.occurrences.push_back(std::move(o));
                     return {};
                 }));
        sort_by_id(m_bundle.occurrences);
        return {};
    }

    core::Result<void> participations() {
        SAMSKAB_PG_TRY(
            rows("participations", {"occurrence", "person", "role"},
                 [&](const CopyRow& r) -> core::Result<void> {
                     std::int64_t occurrence = 0, person = 0;
                     SAMSKAB_PG_ASSIGN(occurrence, m_fields.key(r, 0));
                     SAMSKAB_PG_ASSIGN(person, m_fields.key(r, 1));
                     core::Participation p{m_people.at(person), m_occurrences.at(occurrence), {}};
                     SAMSKAB_PG_ASSIGN(p.role, m_fields.vocabulary<core::Role>(r, 2));
                     m_bundle.participations.push_back(std::move(p));
                     return {};
                 }));
        auto& p = m_bundle.participations;
        std::sort(p.begin(), p.end(), [](const auto& x, const auto& y) {
            return std::tie(x.occurrence, x.person) < std::tie(y.occurrence, y.person);
        });
        return {};
    }

    core::Result<void> visits() {
        SAMSKAB_PG_TRY(rows("visits", {"person", "place", "date"},
                            [&](const CopyRow& r) -> core::Result<void> {
                                std::int64_t person = 0, place = 0;
                                SAMSKAB_PG_ASSIGN(person, m_fields.key(r, 0));
                                SAMSKAB_PG_ASSIGN(place, m_fields.key(r, 1));
                                core::Visit v{m_people.at(person), m_places.at(place), 0};
                                SAMSKAB_PG_ASSIGN(v.date, m_fields.day(r, 2));
                                m_bundle.visits.push_back(std::move(v));
                                return {};
                            }));
        auto& v = m_bundle.visits;
        std::sort(v.begin(), v.end(), [](const auto& x, const auto& y) {
            return std::tie(x.person, x.place, x.date) < std::tie(y.person, y.place, y.date);
        });
        return {};
    }

    core::Result<void> relations() {
        SAMSKAB_PG_TRY(rows(
            "relations", {"a", "b", "since", "until", "source"},
            [&](const CopyRow& r) -> core::Result<void> {
                std::int64_t a = 0, b = 0;
                SAMSKAB_PG_ASSIGN(a, m_fields.key(r, 0));
                SAMSKAB_PG_ASSIGN(b, m_fields.key(r, 1));
                core::Relation relation{m_people.at(a), m_people.at(b), 0, std::nullopt, {}};
                SAMSKAB_PG_ASSIGN(relation.since, m_fields.day(r, 2));
                SAMSKAB_PG_ASSIGN(relation.until, m_fields.optional_day(r, 3));
                SAMSKAB_PG_ASSIGN(relation.source, m_fields.vocabulary<core::RelationSource>(r, 4));
                m_bundle.relations.push_back(std::move(relation));
                return {};
            }));
        auto& rel = m_bundle.relations;
        std::sort(rel.begin(), rel.end(), [](const auto& x, const auto& y) {
            return std::tie(x.a, x.b, x.since) < std::tie(y.a, y.b, y.since);
        });
        return {};
    }

    core::Result<void> pathways() {
        SAMSKAB_PG_TRY(rows(
            "pathways", {"person", "date", "kind"}, [&](const CopyRow& r) -> core::Result<void> {
                std::int64_t person = 0;
                SAMSKAB_PG_ASSIGN(person, m_fields.key(r, 0));
                core::Pathway p{m_people.at(person), 0, {}};
                SAMSKAB_PG_ASSIGN(p.date, m_fields.day(r, 1));
                SAMSKAB_PG_ASSIGN(p.kind, m_fields.vocabulary<core::PathwayKind>(r, 2));
                m_bundle.pathways.push_back(std::move(p));
                return {};
            }));
        auto& p = m_bundle.pathways;
        std::sort(p.begin(), p.end(), [](const auto& x, const auto& y) {
            return std::tie(x.person, x.date, x.kind) < std::tie(y.person, y.date, y.kind);
        });
        return {};
    }

    StoredFields m_fields;
    const SealedFields& m_sealed;
    pqxx::transaction_base& m_transaction;
    core::Bundle m_bundle;
    Ids m_partnerships, m_places, m_people, m_activities, m_occurrences;
};

}  // namespace

core::Result<core::Bundle> PostgresStore::export_bundle() {
    Connection& connection = *m_connection;
    return connection.guard<core::Bundle>([&]() -> core::Result<core::Bundle> {
        // One snapshot, so that the export is consistent even while others write; tables are
        // read in the order in which a bulk import locks them (postgres_bulk.h).
        pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> transaction(connection.handle());
        auto bundle = Exporter(connection, m_fields, transaction).run();
        transaction.commit();
        return bundle;
    });
}

}  // namespace samskab::storage::postgres
