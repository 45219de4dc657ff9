// samskab restore FILE: the database's contents replaced by a backup, also under a running
// server; with --check, only whether FILE is a usable backup.
#include <cstdio>
#include <string>

#include "cli/cli.h"
#include "cli/command.h"
#include "storage/sqlite/sqlite_backup.h"

namespace samskab::cli {

void add_restore_command(CLI::App& app, Action& chosen) {
    CLI::App* command = app.add_subcommand(
        "restore",
        "Replace the contents of the SQLite database with the backup FILE (checked first), in "
        "one transaction; a running server sees the restored data at once");
    auto file = std::make_shared<std::string>();
    auto check_only = std::make_shared<bool>(false);
    command->add_option("FILE", *file, "The backup to restore")->required();
    command->add_flag("--check", *check_only,
                      "Only check FILE (readable, integrity_check, schema version); change "
                      "nothing");
    command->callback([&chosen, file, check_only] {
        chosen = [file, check_only](Context& context) {
            const core::Lang lang = context.lang();
            if (*check_only) {
                auto facts = storage::sqlite::check_database(*file, lang);
                if (!facts) {
                    return report_error(facts.error());
                }
                std::printf("%s\n", core::message(lang, core::Msg::BackupSound,
                                                  {*file, std::to_string(facts->schema_version)})
                                        .c_str());
                return EXIT_OK;
            }
            auto database = backup_database_path(context, "restore");
            if (!database) {
                return report_error(database.error());
            }
            auto facts = storage::sqlite::restore_database(*file, *database, lang);
            if (!facts) {
                return report_error(facts.error());
            }
            std::printf("%s\n",
                        core::message(lang, core::Msg::RestoreDone,
                                      {*database, *file, std::to_string(facts->schema_version)})
                            .c_str());
            return EXIT_OK;
        };
    });
}

}  // namespace samskab::cli
