// samskab restore FILE: the database's contents replaced by a backup, also under a running
// server; with --check, only whether FILE is a usable backup. A backup sealed under another
// key than the database's key file is refused before anything changes.
#include <cstdio>
#include <filesystem>
#include <string>

#include "cli/cli.h"
#include "cli/command.h"
#include "cli/key_files.h"
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
            // The backup must be sealed under the key the database opens with afterwards;
            // its key file is not made up when it is missing.
            auto backup = storage::sqlite::check_database(*file, lang);
            if (!backup) {
                return report_error(backup.error());
            }
            const std::string key_file = key_file_path(context.options().key_file, *database);
            if (backup->key_id && !std::filesystem::exists(key_file)) {
                return report_error(
                    {core::ErrorCode::NotFound,
                     core::message(lang, core::Msg::KeyFileMissing, {key_file, *file}),
                     "--key-file"});
            }
            auto key = context.field_key(*database, false);
            if (!key) {
                return report_error(key.error());
            }
            auto facts =
                storage::sqlite::restore_database(*file, *database, (*key)->key_id(), lang);
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
