#pragma once

#include <string_view>
#include <vector>

#include "core/result.h"
#include "storage/sqlite/sqlite_database.h"

namespace samskab::storage::sqlite {

struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;
};

// Every schema change, oldest first. A released migration is never edited: a change to the
// schema is a new migration, so that every existing database can be brought forward.
const std::vector<Migration>& migrations();

// The newest schema version this program knows.
int latest_version();

// The version recorded in the schema table (0 for a new, empty database).
core::Result<int> schema_version(Database& db);

// Applies, in order and each in its own transaction, every migration newer than the database's
// version and not newer than `up_to`. Idempotent. A database newer than this program is
// refused (Conflict) rather than used with a schema it does not understand.
core::Result<void> migrate(Database& db, int up_to);

}  // namespace samskab::storage::sqlite
