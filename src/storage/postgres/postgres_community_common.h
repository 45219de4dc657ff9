#pragma once

// Helpers shared by PostgresCommunityStore's files: the PostgreSQL counterparts of the store
// helpers of storage/sqlite/sqlite_pool.h, so that both stores name the same records, make the
// same ids and return the same errors (code, field and the core catalogue's Danish text).
// Every function taking a transaction runs inside ConnectionPool::write or read; libpqxx's
// exceptions are left to the pool, which turns them into Storage errors (or retries).

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pqxx/pqxx>

#include "core/date.h"
#include "core/messages.h"
#include "core/name_fold.h"
#include "core/result.h"
#include "storage/postgres/postgres_fields.h"

namespace samskab::storage::postgres {

// The tables whose records have a bundle id and an integer key.
enum class Keyed { Partnerships, Places, People, Activities, Occurrences };

// The integer key of the record with bundle id `id`, or nullopt.
std::optional<std::int64_t> key_of(pqxx::transaction_base& tx, Keyed table, std::string_view id);

// The bundle ids of the records of `table` with keys `keys`, by key; a key with no record is
// left out. For records found by key in this program (companion links are opened here, not by
// the server: postgres_fields.h).
std::map<std::int64_t, std::string> ids_of_keys(pqxx::transaction_base& tx, Keyed table,
                                                const std::vector<std::int64_t>& keys);

// A PostgreSQL array literal of keys, "{1,2,3}" ("{}" for none), to bind to `$n::bigint[]`.
std::string key_array(const std::vector<std::int64_t>& keys);

// Like key_of, but an unknown id is NotFound with `field` and a Danish message naming it.
core::Result<std::int64_t> require_key(pqxx::transaction_base& tx, Keyed table, std::string_view id,
                                       std::string_view field);

// "<prefix>-" and 48 random bits as 12 lower-case hex digits: the shape of every id the stores
// make. A clash is unlikely, but callers check, so that it costs a retry, not a failure.
std::string random_id(std::string_view prefix);

// A new bundle id "<prefix>-<12 lower-case hex digits>" not yet used in `table`.
std::string new_id(pqxx::transaction_base& tx, Keyed table, std::string_view prefix);

// The same for the tables of the self-evaluation, whose `id` column is looked up by name:
// `table` is a table name of samskab's own (never user text).
std::string new_record_id(pqxx::transaction_base& tx, std::string_view table,
                          std::string_view prefix);

// Whether an account with key `account` exists.
bool account_exists(pqxx::transaction_base& tx, std::int64_t account);

// The error of an unknown id: NotFound, naming `field`, message in Danish (the web layer
// translates by code and field).
core::Error unknown(core::Msg noun, std::string_view id, std::string_view field);

// The same for records the core catalogue has no noun for (an account, a participation): the
// Danish noun is given.
core::Error unknown_da(std::string_view noun, std::string_view id, std::string_view field);

// Error with code and field and the catalogue's Danish text.
core::Error error_da(core::ErrorCode code, core::Msg id, std::string_view field,
                     std::initializer_list<std::string_view> args = {});

// Whether a name, title or text is empty or only white space (refused as Invalid).
bool is_blank(std::string_view text);

// Name folding for case-insensitive search, done in this program (see core/name_fold.h): the
// stores compare fold_name(name) with fold_name(query).
using core::fold_name;

// Whether `name` contains `query` once both are folded; `folded_query` is fold_name(query).
bool name_matches(std::string_view name, std::string_view folded_query);

// Dates and times as the schema spells them (text COLLATE "C", bytewise ordered, as SQLite's
// TEXT columns): "YYYY-MM-DD" and "YYYY-MM-DDTHH:MM" (core/date.h).
std::string date_text(core::Day day);
std::string time_text(core::LocalTime time);
core::Day date_of_text(std::string_view text);
core::LocalTime time_of_text(std::string_view text);

// Records that a person (by key) was at a place (by key) on a day, inside the caller's
// transaction: a host's check-in (and, as on SQLite, what else records a visit). Recording the
// same visit twice changes nothing.
void record_visit(pqxx::transaction_base& tx, std::int64_t person, std::int64_t place,
                  core::Day day);

// A field's text, or nullopt when it is NULL.
std::optional<std::string> optional_text(const pqxx::field& field);

// A field's text (a NOT NULL column).
std::string text(const pqxx::field& field);

}  // namespace samskab::storage::postgres

// The same macros as storage/sqlite's (sqlite_database.h, sqlite_pool.h), token for token, so
// that a file including both stores' headers sees one definition of each.

// Returns the error of a failed Result<void> expression from the enclosing function.
#ifndef SAMSKAB_TRY
#define SAMSKAB_TRY(expression)                                 \
    do {                                                        \
        auto samskab_try_result_ = (expression);                \
        if (!samskab_try_result_) {                             \
            return tl::unexpected(samskab_try_result_.error()); \
        }                                                       \
    } while (false)
#endif

// Assigns the value of a Result expression to `target`, or returns its error.
#ifndef SAMSKAB_TRY_SET
#define SAMSKAB_TRY_SET(target, expression)                \
    do {                                                   \
        auto samskab_value_ = (expression);                \
        if (!samskab_value_) {                             \
            return tl::unexpected(samskab_value_.error()); \
        }                                                  \
        target = std::move(*samskab_value_);               \
    } while (false)
#endif

namespace samskab::storage::postgres {

// The partnerships the person with key `person` is registered in (explicitly, or through a
// visit, participation or companion link there), by id in bytewise order: what partnerships_of
// answers, for the store's calls that need it inside their own transaction.
std::vector<std::string> registered_partnerships(pqxx::transaction_base& tx,
                                                 const SealedFields& fields, std::int64_t person);

}  // namespace samskab::storage::postgres
