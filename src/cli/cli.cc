#include "cli/cli.h"

#include <cstdio>

#include "cli/command.h"
#include "cli/key_files.h"
#include "storage/postgres/postgres_store.h"
#include "storage/sqlite/sqlite_store.h"

namespace samskab::cli {

core::Lang Context::lang() const {
    return m_options.lang == "en" ? core::Lang::En : core::Lang::Da;
}

core::Result<std::shared_ptr<const core::FieldCipher>> Context::field_key(
    const std::string& database, bool create) const {
    const std::string key_file = key_file_path(m_options.key_file, database);
    auto opened = open_key(database, key_file, create, lang());
    if (!opened) {
        return tl::unexpected(opened.error());
    }
    if (opened->created) {
        std::fprintf(stderr, "samskab: %s\n",
                     core::message(lang(), core::Msg::KeyFileCreated, {key_file}).c_str());
    }
    return opened->cipher;
}

core::Result<std::unique_ptr<core::Store>> Context::open_store(bool create_key) const {
    std::string path = m_options.db;
    if (path.rfind("postgresql://", 0) == 0 || path.rfind("postgres://", 0) == 0) {
        auto cipher = field_key(path, create_key);
        if (!cipher) {
            return tl::unexpected(cipher.error());
        }
        auto store = storage::postgres::PostgresStore::open(path, *cipher);
        if (!store) {
            return tl::unexpected(store.error());
        }
        return std::unique_ptr<core::Store>(std::move(*store));
    }
    if (path.rfind("sqlite:", 0) == 0) {
        path = path.substr(7);
        // sqlite:///abs/path and sqlite://rel are accepted spellings of the same thing.
        if (path.rfind("//", 0) == 0) {
            path = path.substr(2);
        }
    } else if (path.find("://") != std::string::npos) {
        const bool da = lang() == core::Lang::Da;
        return core::fail(core::ErrorCode::Usage,
                          da ? "--db: samskab kan åbne SQLite-filer (sti eller sqlite:STI) og "
                               "PostgreSQL (postgresql://...), ikke \"" +
                                   path + "\""
                             : "--db: samskab can open SQLite files (a path or sqlite:PATH) and "
                               "PostgreSQL (postgresql://...), not \"" +
                                   path + "\"",
                          "--db");
    }
    if (path.empty()) {
        return core::fail(core::ErrorCode::Usage, "--db: empty path", "--db");
    }
    auto cipher = field_key(path, create_key);
    if (!cipher) {
        return tl::unexpected(cipher.error());
    }
    auto store = storage::sqlite::SqliteStore::open(path, *cipher);
    if (!store) {
        return tl::unexpected(store.error());
    }
    return std::unique_ptr<core::Store>(std::move(*store));
}

core::Error usage_error(core::Lang lang, std::string_view da, std::string_view en,
                        std::string_view option) {
    return {core::ErrorCode::Usage,
            std::string(option) + ": " + std::string(lang == core::Lang::Da ? da : en),
            std::string(option)};
}

int report_error(const core::Error& error) {
    std::fprintf(stderr, "samskab: %s\n", error.message.c_str());
    switch (error.code) {
        case core::ErrorCode::Storage:
            return EXIT_STORAGE;
        case core::ErrorCode::Usage:
            return EXIT_USAGE;
        default:
            return EXIT_BAD_INPUT;
    }
}

int run(int argc, char** argv) {
    GlobalOptions options;
    CLI::App app{
        "samskab — co-creation partnerships: activities, roles, relations and the "
        "self-evaluation computed from them",
        "samskab"};
    app.set_version_flag("--version", std::string("samskab ") + SAMSKAB_VERSION);
    app.add_option("--db", options.db,
                   "Database: a file path, sqlite:PATH or postgresql://USER@HOST:PORT/DB")
        ->capture_default_str();
    app.add_option("--key-file", options.key_file,
                   "Key of the encrypted fields (default: $SAMSKAB_KEY_FILE, else, for a "
                   "SQLite database, the database file's name plus .key; PostgreSQL needs one "
                   "of the two)");
    app.add_option("--lang", options.lang, "Language of messages and reports")
        ->check(CLI::IsMember({"da", "en"}))
        ->capture_default_str();
    app.require_subcommand(1);
    app.fallthrough();

    Action chosen;
    add_init_command(app, chosen);
    add_import_command(app, chosen);
    add_export_command(app, chosen);
    add_generate_command(app, chosen);
    add_report_command(app, chosen);
    add_demo_command(app, chosen);
    add_serve_command(app, chosen);
    add_user_command(app, chosen);
    add_retention_command(app, chosen);
    add_backup_command(app, chosen);
    add_restore_command(app, chosen);
    add_rotate_key_command(app, chosen);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // CLI11 reports usage problems (and --help, --version) by exception; this is its API.
        const int status = app.exit(e);
        return status == 0 ? EXIT_OK : EXIT_USAGE;
    }
    Context context(options);
    return chosen ? chosen(context) : EXIT_USAGE;
}

}  // namespace samskab::cli
