#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "storage/postgres/postgres_staging.h"

namespace samskab::storage::postgres {

// The bulk way of loading large tables inside an import's transaction (PostgreSQL's own advice
// for populating a database): the foreign keys of every table that receives at least
// `threshold` rows are dropped before the rows are written and re-created afterwards, when
// PostgreSQL checks each constraint with one join over the whole table. Since everything
// happens in the one transaction, a failure anywhere rolls the constraints back too, and no
// other transaction ever sees the tables without them.
//
// Dropping a foreign key locks both tables exclusively, so begin() first locks every table of
// the records at once, partnerships first. Exports and reports read partnerships first too, so
// a reader that got in first finishes and a later one waits: neither can hold a table that the
// other needs next.
class BulkLoad {
public:
    BulkLoad(pqxx::work& transaction, const StagedCounts& staged, std::size_t threshold);

    // Locks the tables and drops the foreign keys of the large ones. Throws what libpqxx throws.
    void begin();

    // Re-creates the dropped foreign keys. Before that, gives each bulk-loaded table the
    // partnership key of the record it belongs to: with its foreign key dropped, no cascade
    // carried a change of partnership (a place moved to another partnership) through to it.
    void finish();

private:
    struct Constraint {
        std::string table;
        std::string name;
        std::string definition;
    };
    pqxx::work& m_transaction;
    std::vector<std::string> m_tables;  // the bulk-loaded tables
    std::vector<Constraint> m_dropped;
};

}  // namespace samskab::storage::postgres
