#include "storage/postgres/postgres_bulk.h"

#include <algorithm>
#include <string_view>

namespace samskab::storage::postgres {

namespace {

struct BulkTable {
    std::string_view table;
    std::string_view stage;
    // Sets the table's partnership key from the record it belongs to; empty for tables whose
    // rows belong to no one partnership, or name it themselves (companions).
    std::string_view partnership_from_owner;
};

// Parents before children, so that each takes its key from an owner already set right.
constexpr BulkTable BULK_TABLES[] = {
    {"companions", "stage_companions", ""},
    {"activities", "stage_activities",
     "UPDATE activities t SET partnership = o.partnership FROM places o "
     "WHERE o.pk = t.place AND t.partnership <> o.partnership"},
    {"occurrences", "stage_occurrences",
     "UPDATE occurrences t SET partnership = o.partnership FROM activities o "
     "WHERE o.pk = t.activity AND t.partnership <> o.partnership"},
    {"participations", "stage_participations",
     "UPDATE participations t SET partnership = o.partnership FROM occurrences o "
     "WHERE o.pk = t.occurrence AND t.partnership <> o.partnership"},
    {"visits", "stage_visits",
     "UPDATE visits t SET partnership = o.partnership FROM places o "
     "WHERE o.pk = t.place AND t.partnership <> o.partnership"},
    {"relations", "stage_relations", ""},
    {"pathways", "stage_pathways", ""},
};

// Every table of the records, partnerships first (see postgres_bulk.h).
constexpr std::string_view LOCK_ALL =
    "LOCK TABLE partnerships, organisations, places, people, companions, activities, "
    "occurrences, participations, visits, relations, pathways IN ACCESS EXCLUSIVE MODE";

}  // namespace

BulkLoad::BulkLoad(pqxx::work& transaction, const StagedCounts& staged, std::size_t threshold)
    : m_transaction(transaction) {
    for (const BulkTable& bulk : BULK_TABLES) {
        if (staged.rows(bulk.stage) >= threshold) {
            m_tables.emplace_back(bulk.table);
        }
    }
}

void BulkLoad::begin() {
    if (m_tables.empty()) {
        return;
    }
    m_transaction.exec(std::string(LOCK_ALL));
    for (const std::string& table : m_tables) {
        const pqxx::result keys = m_transaction.exec_params(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = $1::regclass AND contype = 'f' ORDER BY conname",
            table);
        for (const auto& key : keys) {
            Constraint constraint{table, key[0].as<std::string>(), key[1].as<std::string>()};
            m_transaction.exec("ALTER TABLE " + table + " DROP CONSTRAINT " +
                               m_transaction.quote_name(constraint.name));
            m_dropped.push_back(std::move(constraint));
        }
    }
}

void BulkLoad::finish() {
    for (const BulkTable& bulk : BULK_TABLES) {
        const bool loaded =
            std::find(m_tables.begin(), m_tables.end(), bulk.table) != m_tables.end();
        if (loaded && !bulk.partnership_from_owner.empty()) {
            m_transaction.exec(std::string(bulk.partnership_from_owner));
        }
    }
    for (const Constraint& constraint : m_dropped) {
        m_transaction.exec("ALTER TABLE " + constraint.table + " ADD CONSTRAINT " +
                           m_transaction.quote_name(constraint.name) + " " + constraint.definition);
    }
    m_dropped.clear();
}

}  // namespace samskab::storage::postgres
