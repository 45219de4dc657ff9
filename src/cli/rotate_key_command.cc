// samskab rotate-key: a new key for the encrypted fields, with every sealed value re-sealed.
#include <cstdio>
#include <string>

#include "cli/cli.h"
#include "cli/command.h"
#include "cli/key_files.h"
#include "cli/web_app.h"

namespace samskab::cli {

void add_rotate_key_command(CLI::App& app, Action& chosen) {
    CLI::App* command = app.add_subcommand(
        "rotate-key",
        "Make a new key for the encrypted fields of the SQLite database, re-encrypt every "
        "encrypted value under it in one transaction, then replace the key file; stop the "
        "server first");
    command->callback([&chosen] {
        chosen = [](Context& context) {
            auto database = sqlite_path(context.options().db, context.lang(), "rotate-key");
            if (!database) {
                return report_error(database.error());
            }
            const std::string key_file = key_file_path(context.options().key_file, *database);
            auto id = rotate_key(*database, key_file, context.lang());
            if (!id) {
                return report_error(id.error());
            }
            std::printf("%s\n", core::message(context.lang(), core::Msg::KeyRotated,
                                              {*database, *id, key_file})
                                    .c_str());
            return EXIT_OK;
        };
    });
}

}  // namespace samskab::cli
