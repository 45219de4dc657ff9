// samskab init: create the database, or bring its schema up to date.
#include <cstdio>

#include "cli/cli.h"
#include "cli/command.h"
#include "storage/postgres/postgres_url.h"

namespace samskab::cli {

void add_init_command(CLI::App& app, Action& chosen) {
    CLI::App* command = app.add_subcommand(
        "init", "Create the database (or bring an existing one up to the current schema)");
    command->callback([&chosen] {
        chosen = [](Context& context) {
            auto store = context.open_store(true);
            if (!store) {
                return report_error(store.error());
            }
            std::printf(context.lang() == core::Lang::Da ? "Databasen er klar: %s\n"
                                                         : "The database is ready: %s\n",
                        storage::postgres::describe_server(context.options().db).c_str());
            return EXIT_OK;
        };
    });
}

}  // namespace samskab::cli
