#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/messages.h"
#include "core/result.h"

namespace samskab::storage::sqlite {

// What the checks found out about a database file.
struct DatabaseFacts {
    int schema_version = 0;
    std::int64_t bytes = 0;  // pages × page size
    // The id of the key its sensitive fields are sealed under (sqlite_fields.h); nullopt when
    // they are not sealed.
    std::optional<std::string> key_id;
};

// Copies the database at `database` into the file `target` with SQLite's online backup API,
// while other programs (a running `samskab serve`) go on reading and writing it.
//
// The copy is one consistent snapshot: the whole copy runs inside one read transaction on the
// source, so a write committed meanwhile is either entirely in the copy or not at all, and the
// copy does not start over when the server writes (WAL readers do not block writers, so the
// server is never held up). The pages are copied in steps into a temporary file in the target's
// folder, which is then switched to a single-file journal mode, checked (integrity_check and
// the schema), fsynced and renamed over `target`, and the folder fsynced: `target` is either
// the previous file or a complete, checked backup, never half written.
//
// Usage (Msg::BackupSameFile) when `target` is the database itself; Storage when the database
// cannot be read or the target not written; Invalid when the database is not samskab's.
core::Result<DatabaseFacts> backup_database(const std::string& database, const std::string& target,
                                            core::Lang lang);

// Checks that `path` is a sound samskab database without changing it: SQLite can read it
// (else Invalid, Msg::BackupNotSamskab), it has samskab's schema table (the same), PRAGMA
// integrity_check answers "ok" (Invalid, Msg::BackupDamaged, with SQLite's first findings), and
// its schema is not newer than this program (Conflict, Msg::BackupTooNew).
core::Result<DatabaseFacts> check_database(const std::string& path, core::Lang lang);

// Replaces the contents of the database at `database` (created when missing) with the backup
// `backup`, safely while a server is running on it:
//   1. `backup` is copied into a temporary file beside the database, and that copy checked as
//      check_database does (so a backup that changes meanwhile is checked as it is used);
//   2. the copy is brought up to this program's schema (an older backup is migrated);
//   3. the copy is written into the live database with the online backup API in one write
//      transaction: other connections wait for it like for any writer (up to 30 s), then see
//      either everything before or everything after, never a mixture; a crash during it leaves
//      the database as it was (the transaction is rolled back on the next open).
// Everything stored after the backup was taken is gone afterwards, sessions included: whoever
// signed in since must sign in again.
//
// `key_id` is the key the database will be opened with afterwards. A backup sealed under
// another key (or under a key when `key_id` is nullopt) is refused, as Conflict
// (Msg::BackupOtherKey), before anything changes: restored, the database would not open. A
// backup that is not sealed is restored, and sealed under the key on the next open.
//
// Usage when `backup` is the database itself; Invalid or Conflict as check_database for a
// backup that is not usable (then the database is not touched); Conflict when the database's
// page size differs from the backup's (Msg::BackupPageSize: SQLite cannot change it in WAL
// mode) or the database is newer than this program; Storage when the database stays busy.
core::Result<DatabaseFacts> restore_database(const std::string& backup, const std::string& database,
                                             const std::optional<std::string>& key_id,
                                             core::Lang lang);

}  // namespace samskab::storage::sqlite
