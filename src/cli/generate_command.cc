// samskab generate: a synthetic bundle of realistic shape, the same for the same seed.
#include "bundle/bundle_generator.h"
#include "bundle/bundle_writer.h"
#include "cli/cli.h"
#include "cli/command.h"
#include "cli/output_file.h"

namespace samskab::cli {

void add_generate_command(CLI::App& app, Action& chosen) {
    CLI::App* command = app.add_subcommand(
        "generate",
        "Write a synthetic bundle (invented people) for trials, benchmarks and load tests");
    auto options = std::make_shared<bundle::GeneratorOptions>();
    auto output = std::make_shared<std::string>("-");
    command->add_option("--people", options->people, "Number of people")
        ->check(CLI::Range(std::size_t{1}, std::size_t{10'000'000}))
        ->capture_default_str();
    command->add_option("--seed", options->seed, "Seed: the same seed gives the same bundle")
        ->capture_default_str();
    command->add_option("--first-year", options->first_year, "First year of recorded data")
        ->check(CLI::Range(1900, 2200))
        ->capture_default_str();
    command->add_option("--years", options->years, "Number of years of recorded data")
        ->check(CLI::Range(1, 50))
        ->capture_default_str();
    command->add_option("-o,--output", *output, "Output file (default: standard output)");
    command->callback([&chosen, options, output] {
        chosen = [options, output](Context&) {
            const core::Bundle bundle = bundle::generate_bundle(*options);
            auto written = write_output(
                *output, [&bundle](std::FILE* file) { return bundle::write_bundle(bundle, file); });
            return written ? EXIT_OK : report_error(written.error());
        };
    });
}

}  // namespace samskab::cli
