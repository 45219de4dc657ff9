#include "cli/key_files.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <unistd.h>

#include "cli/web_app.h"  // is_postgres_url
#include "security/sodium_field_cipher.h"
#include "storage/postgres/postgres_store.h"
#include "storage/postgres/postgres_url.h"
#include "storage/sqlite/sqlite_database.h"
#include "storage/sqlite/sqlite_fields.h"
#include "storage/sqlite/sqlite_migrations.h"
#include "storage/sqlite/sqlite_pool.h"  // SAMSKAB_TRY_SET

namespace samskab::cli {

namespace {

using core::ErrorCode;
using core::Msg;
using security::SodiumFieldCipher;

bool exists(const std::string& path) {
    std::error_code ignored;
    return std::filesystem::exists(path, ignored);
}

// The key the database is sealed under, without changing it; nullopt when it is unencrypted
// (or not there).
core::Result<std::optional<std::string>> recorded_key(const std::string& database) {
    if (is_postgres_url(database)) {
        return storage::postgres::recorded_key(database);
    }
    if (!exists(database)) {
        return std::nullopt;
    }
    auto db = storage::sqlite::Database::open(database);
    if (!db) {
        return tl::unexpected(db.error());
    }
    return storage::sqlite::recorded_key_id(**db);
}

core::Result<std::shared_ptr<const core::FieldCipher>> shared(
    core::Result<std::unique_ptr<SodiumFieldCipher>> cipher) {
    if (!cipher) {
        return tl::unexpected(cipher.error());
    }
    return std::shared_ptr<const core::FieldCipher>(std::move(*cipher));
}

// fsync of the directory that holds `path`, so that a rename in it survives a power cut.
void sync_directory(const std::string& path) {
    const std::string directory = std::filesystem::absolute(path).parent_path().string();
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

}  // namespace

std::string key_file_path(const std::string& option, const std::string& database) {
    if (!option.empty()) {
        return option;
    }
    if (const char* env = std::getenv("SAMSKAB_KEY_FILE"); env != nullptr && *env != '\0') {
        return env;
    }
    if (is_postgres_url(database)) {
        return "";  // a server has no directory of its own to keep a key beside
    }
    return database + ".key";
}

std::string pending_key_path(const std::string& key_file) {
    return key_file + ".new";
}

core::Result<OpenedKey> open_key(const std::string& database, const std::string& key_file,
                                 bool create, core::Lang lang) {
    if (key_file.empty()) {
        return core::fail(ErrorCode::Usage, core::message(lang, Msg::KeyFileNeeded, {}),
                          "--key-file");
    }
    const bool postgres = is_postgres_url(database);
    std::optional<std::string> recorded;
    SAMSKAB_TRY_SET(recorded, recorded_key(database));
    const std::string pending = pending_key_path(key_file);
    if (recorded && exists(pending)) {
        auto next = SodiumFieldCipher::load(pending, lang);
        if (next && (*next)->key_id() == *recorded) {
            SAMSKAB_TRY(finish_rotation(key_file, lang));
        }
    }
    OpenedKey opened;
    if (!exists(key_file)) {
        // A SQLite file, or a PostgreSQL database that is sealed, needs the key it has.
        if (!create && (postgres ? recorded.has_value() : exists(database))) {
            return core::fail(
                ErrorCode::NotFound,
                core::message(lang, Msg::KeyFileMissing,
                              {key_file, storage::postgres::describe_server(database)}),
                "--key-file");
        }
        SAMSKAB_TRY_SET(opened.cipher, shared(SodiumFieldCipher::create(key_file, lang)));
        opened.created = true;
    } else {
        SAMSKAB_TRY_SET(opened.cipher, shared(SodiumFieldCipher::load(key_file, lang)));
    }
    if (recorded && *recorded != opened.cipher->key_id()) {
        return core::fail(ErrorCode::Conflict,
                          core::message(lang, Msg::KeyWrong,
                                        {storage::postgres::describe_server(database), *recorded,
                                         opened.cipher->key_id()}),
                          "--key-file");
    }
    return opened;
}

core::Result<std::shared_ptr<const core::FieldCipher>> begin_rotation(const std::string& key_file,
                                                                      core::Lang lang) {
    const std::string pending = pending_key_path(key_file);
    // Left by a rotation that stopped before the database changed (open_key has finished any
    // that got further): nothing is sealed under it.
    std::error_code ignored;
    std::filesystem::remove(pending, ignored);
    return shared(SodiumFieldCipher::create(pending, lang));
}

core::Result<void> reseal_database(const std::string& database,
                                   std::shared_ptr<const core::FieldCipher> old,
                                   std::shared_ptr<const core::FieldCipher> next) {
    if (is_postgres_url(database)) {
        return storage::postgres::reseal_database(database, *old, *next);
    }
    auto db = storage::sqlite::Database::open(database);
    if (!db) {
        return tl::unexpected(db.error());
    }
    SAMSKAB_TRY(storage::sqlite::migrate(**db, storage::sqlite::latest_version()));
    std::optional<std::string> recorded;
    SAMSKAB_TRY_SET(recorded, storage::sqlite::recorded_key_id(**db));
    // A database not yet sealed is sealed straight under the new key.
    return storage::sqlite::reseal_fields(**db, recorded ? std::move(old) : nullptr,
                                          std::move(next));
}

core::Result<void> finish_rotation(const std::string& key_file, core::Lang lang) {
    const std::string pending = pending_key_path(key_file);
    if (std::rename(pending.c_str(), key_file.c_str()) != 0) {
        return core::fail(
            ErrorCode::Storage,
            core::message(lang, Msg::KeyFileUnreadable, {key_file, std::strerror(errno)}),
            "--key-file");
    }
    sync_directory(key_file);
    return {};
}

core::Result<std::string> rotate_key(const std::string& database, const std::string& key_file,
                                     core::Lang lang) {
    OpenedKey old;
    SAMSKAB_TRY_SET(old, open_key(database, key_file, false, lang));
    std::shared_ptr<const core::FieldCipher> next;
    SAMSKAB_TRY_SET(next, begin_rotation(key_file, lang));
    SAMSKAB_TRY(reseal_database(database, old.cipher, next));
    SAMSKAB_TRY(finish_rotation(key_file, lang));
    return next->key_id();
}

}  // namespace samskab::cli
