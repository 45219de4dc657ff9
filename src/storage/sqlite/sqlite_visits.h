#pragma once

#include <cstdint>

#include "core/date.h"
#include "core/result.h"
#include "storage/sqlite/sqlite_pool.h"

namespace samskab::storage::sqlite {

// Records that a person (by key) was at a place (by key) on a day, inside the caller's
// transaction: a host's check-in and the "people present" of a logbook entry. Recording the
// same visit twice changes nothing.
core::Result<void> record_visit(Connection& connection, std::int64_t person, std::int64_t place,
                                core::Day day);

}  // namespace samskab::storage::sqlite
