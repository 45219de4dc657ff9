#pragma once

#include <memory>
#include <string>

#include "core/field_cipher.h"
#include "core/messages.h"
#include "core/result.h"

namespace samskab::cli {

// The key files of encryption at rest (storage/sqlite/sqlite_fields.h,
// storage/postgres/postgres_fields.h, security/sodium_field_cipher.h) for the database of --db:
// a SQLite file, whose key file is by default beside it, or a PostgreSQL database, whose key
// file must be named (--key-file or SAMSKAB_KEY_FILE) and is
// kept on the machine that runs samskab, never on the database server.
//
// A rotation (`samskab rotate-key`) writes the new key to `<key file>.new`, re-seals the
// database under it in one transaction, then renames it over the key file. A crash between
// those steps leaves either a database still sealed under the old key (the `.new` file is
// ignored, and removed by the next rotation) or a database sealed under the new key while the
// key file still holds the old one: then the next open finishes the rotation by renaming
// `.new` over the key file. Either way the database opens.

// The key file of `database`: --key-file when given, else SAMSKAB_KEY_FILE, else
// `<database>.key` beside a SQLite database file; "" for a PostgreSQL database (open_key then
// asks for one).
std::string key_file_path(const std::string& option, const std::string& database);

// The pending key of an interrupted rotation.
std::string pending_key_path(const std::string& key_file);

struct OpenedKey {
    std::shared_ptr<const core::FieldCipher> cipher;
    bool created = false;  // a new key file was made
};

// The key of `database` from `key_file`, after finishing an interrupted rotation. When the key
// file does not exist, a new one is made (mode 0600) if `create` is set (`samskab init`) or the
// database file does not exist yet; otherwise NotFound, naming both files. Conflict when the
// database is sealed under another key; the errors of SodiumFieldCipher::load otherwise.
core::Result<OpenedKey> open_key(const std::string& database, const std::string& key_file,
                                 bool create, core::Lang lang);

// The steps of `samskab rotate-key`, separately so that a test can stop between them.
// Makes `<key file>.new` (replacing one left by an abandoned rotation) with a new key.
core::Result<std::shared_ptr<const core::FieldCipher>> begin_rotation(const std::string& key_file,
                                                                      core::Lang lang);
// Re-seals `database` from `old` to `next` in one transaction.
core::Result<void> reseal_database(const std::string& database,
                                   std::shared_ptr<const core::FieldCipher> old,
                                   std::shared_ptr<const core::FieldCipher> next);
// Renames `<key file>.new` over the key file, atomically, and syncs the directory.
core::Result<void> finish_rotation(const std::string& key_file, core::Lang lang);

// All of it: the new key's id. `database` must open with `key_file` (open_key).
core::Result<std::string> rotate_key(const std::string& database, const std::string& key_file,
                                     core::Lang lang);

}  // namespace samskab::cli
