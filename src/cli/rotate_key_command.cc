// samskab rotate-key: a new key for the encrypted fields, with every sealed value re-sealed.
#include <cstdio>
#include <string>

#include "cli/cli.h"
#include "cli/command.h"
#include "cli/key_files.h"
#include "cli/web_app.h"
#include "storage/postgres/postgres_url.h"

namespace samskab::cli {

void add_rotate_key_command(CLI::App& app, Action& chosen) {
    CLI::App* command = app.add_subcommand(
        "rotate-key",
        "Make a new key for the encrypted fields of the database, re-encrypt every "
        "encrypted value under it in one transaction, then replace the key file; stop the "
        "server first");
    command->callback([&chosen] {
        chosen = [](Context& context) {
            // A PostgreSQL database is re-sealed on its server; a SQLite file in place.
            const std::string& db = context.options().db;
            auto database = is_postgres_url(db) ? core::Result<std::string>(db)
                                                : sqlite_path(db, context.lang(), "rotate-key");
            if (!database) {
                return report_error(database.error());
            }
            const std::string key_file = key_file_path(context.options().key_file, *database);
            auto id = rotate_key(*database, key_file, context.lang());
            if (!id) {
                return report_error(id.error());
            }
            std::printf("%s\n", core::message(
                                    context.lang(), core::Msg::KeyRotated,
                                    {storage::postgres::describe_server(*database), *id, key_file})
                                    .c_str());
            return EXIT_OK;
        };
    });
}

}  // namespace samskab::cli
