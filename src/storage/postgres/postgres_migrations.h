#pragma once

#include <string_view>
#include <vector>

#include "core/result.h"
#include "storage/postgres/postgres_connection.h"

namespace samskab::storage::postgres {

// One schema change. Version n here and version n of storage/sqlite make the same tables,
// columns and constraints, so that a schema version means the same thing on either store.
struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;
};

// Every schema change, oldest first. A released migration is never edited.
const std::vector<Migration>& migrations();

// The newest schema version this program knows.
int latest_version();

// The version recorded in the schema table (0 for a database samskab has not used yet).
core::Result<int> schema_version(Connection& connection);

// Applies, in order and each in its own transaction, every migration newer than the database's
// version and not newer than `up_to`. Idempotent. Each transaction first takes an advisory
// lock, so that two programs opening a new database at once apply each migration once: the
// second waits, then finds the work done. A database newer than this program is refused
// (Conflict) rather than used with a schema it does not understand.
core::Result<void> migrate(Connection& connection, int up_to);

}  // namespace samskab::storage::postgres
