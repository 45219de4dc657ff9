#pragma once

#include <functional>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "core/field_cipher.h"
#include "core/messages.h"
#include "core/result.h"
#include "core/store.h"

namespace samskab::cli {

// Options every command shares; set by the main parser before a command runs.
struct GlobalOptions {
    std::string db = "samskab.db";
    std::string key_file;  // empty: SAMSKAB_KEY_FILE, else <database>.key (cli/key_files.h)
    std::string lang = "da";
};

// What a command needs from its surroundings, passed in so commands stay testable.
class Context {
public:
    explicit Context(const GlobalOptions& options) : m_options(options) {}

    // The language chosen with --lang (Danish unless it is "en").
    core::Lang lang() const;

    // Opens the store named by --db: a file path, `sqlite:PATH`, or a `postgresql://` (or
    // `postgres://`) URL; the schema is brought up to date. Usage error for a URL of a kind this
    // samskab cannot open.
    // The database is opened with its key (key_file), made when `create_key` is set or the
    // database is new.
    core::Result<std::unique_ptr<core::Store>> open_store(bool create_key = false) const;

    // The key of the database at `database`, a SQLite path or a PostgreSQL URL
    // (cli/key_files.h: open_key). Prints a note
    // on standard error when it made a new key file.
    core::Result<std::shared_ptr<const core::FieldCipher>> field_key(const std::string& database,
                                                                     bool create = false) const;

    const GlobalOptions& options() const { return m_options; }

private:
    const GlobalOptions& m_options;
};

// The command chosen on the command line; runs after parsing and returns the exit status.
using Action = std::function<int(Context&)>;

// Prints `samskab: message` on stderr and returns the exit status for `error`.
int report_error(const core::Error& error);

// A Usage error naming `option`: "OPTION: text", in Danish (`da`) or English (`en`).
core::Error usage_error(core::Lang lang, std::string_view da, std::string_view en,
                        std::string_view option);

// Each adds its subcommand to `app`; when that subcommand is chosen, parsing stores its action
// in `chosen`.
void add_init_command(CLI::App& app, Action& chosen);
void add_import_command(CLI::App& app, Action& chosen);
void add_export_command(CLI::App& app, Action& chosen);
void add_generate_command(CLI::App& app, Action& chosen);
void add_report_command(CLI::App& app, Action& chosen);
void add_demo_command(CLI::App& app, Action& chosen);
// The web application: `serve` runs it, `user` manages its accounts (SQLite or PostgreSQL).
void add_serve_command(CLI::App& app, Action& chosen);
void add_user_command(CLI::App& app, Action& chosen);
// Privacy housekeeping (core/privacy_service.h): `retention` and `purge-access-log`.
void add_retention_command(CLI::App& app, Action& chosen);
// Backup and restore of a SQLite database (storage/sqlite/sqlite_backup.h).
void add_backup_command(CLI::App& app, Action& chosen);
void add_restore_command(CLI::App& app, Action& chosen);
// A new key for encryption at rest, with every sealed value re-sealed (cli/key_files.h).
void add_rotate_key_command(CLI::App& app, Action& chosen);

// The SQLite file of --db for `command` (backup, restore). Usage error for a PostgreSQL URL,
// naming pg_dump and pg_restore, and for any other URL.
core::Result<std::string> backup_database_path(const Context& context, std::string_view command);

}  // namespace samskab::cli
