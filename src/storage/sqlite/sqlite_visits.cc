#include "storage/sqlite/sqlite_visits.h"

namespace samskab::storage::sqlite {

core::Result<void> record_visit(Connection& connection, std::int64_t person, std::int64_t place,
                                core::Day day) {
    Query insert(connection,
                 "INSERT INTO visits (person, place, date) VALUES (?, ?, ?) "
                 "ON CONFLICT DO NOTHING");
    insert.bind(1, person).bind(2, place).bind(3, date_text(day));
    return insert.run();
}

}  // namespace samskab::storage::sqlite
