// samskab backup FILE: a consistent copy of the SQLite database, taken while the server runs.
#include <cstdio>
#include <string>

#include "cli/cli.h"
#include "cli/command.h"
#include "cli/web_app.h"
#include "storage/sqlite/sqlite_backup.h"

namespace samskab::cli {

// A PostgreSQL URL is refused with the tools for it: a SQLite copy of it would be no backup.
core::Result<std::string> backup_database_path(const Context& context, std::string_view command) {
    const std::string& db = context.options().db;
    if (db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0) {
        return core::fail(core::ErrorCode::Usage,
                          "--db: " + core::message(context.lang(), core::Msg::BackupPostgres,
                                                   {"samskab " + std::string(command)}),
                          "--db");
    }
    return sqlite_path(db, context.lang(), command);
}

void add_backup_command(CLI::App& app, Action& chosen) {
    CLI::App* command = app.add_subcommand(
        "backup",
        "Copy the SQLite database into FILE, consistently, while the server goes on writing; "
        "FILE is replaced only by a complete, checked copy");
    auto file = std::make_shared<std::string>();
    command->add_option("FILE", *file, "The backup file to write")->required();
    command->callback([&chosen, file] {
        chosen = [file](Context& context) {
            auto database = backup_database_path(context, "backup");
            if (!database) {
                return report_error(database.error());
            }
            auto facts = storage::sqlite::backup_database(*database, *file, context.lang());
            if (!facts) {
                return report_error(facts.error());
            }
            std::printf("%s\n", core::message(context.lang(), core::Msg::BackupWritten,
                                              {*file, std::to_string((facts->bytes + 1023) / 1024),
                                               std::to_string(facts->schema_version)})
                                    .c_str());
            return EXIT_OK;
        };
    });
}

}  // namespace samskab::cli
