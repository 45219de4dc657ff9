// samskab export: write everything stored as one bundle.
#include "bundle/bundle_writer.h"
#include "cli/cli.h"
#include "cli/command.h"
#include "cli/output_file.h"

namespace samskab::cli {

void add_export_command(CLI::App& app, Action& chosen) {
    CLI::App* command = app.add_subcommand(
        "export", "Export everything stored as a samskab bundle (JSON), in a stable order");
    auto output = std::make_shared<std::string>("-");
    command->add_option("-o,--output", *output, "Output file (default: standard output)");
    command->callback([&chosen, output] {
        chosen = [output](Context& context) {
            auto store = context.open_store();
            if (!store) {
                return report_error(store.error());
            }
            auto bundle = (*store)->export_bundle();
            if (!bundle) {
                return report_error(bundle.error());
            }
            auto written = write_output(*output, [&bundle](std::FILE* file) {
                return bundle::write_bundle(*bundle, file);
            });
            return written ? EXIT_OK : report_error(written.error());
        };
    });
}

}  // namespace samskab::cli
