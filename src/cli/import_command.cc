// samskab import FILE: read a bundle, check it whole, and store it in one transaction.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unordered_set>

#include <fmt/format.h>

#include "bundle/bundle_reader.h"
#include "cli/cli.h"
#include "cli/command.h"
#include "core/bundle_validator.h"

namespace samskab::cli {

namespace {

// Lists the issues on stderr; returns the exit status for bad input.
int report_issues(const std::vector<core::BundleIssue>& issues, core::Lang lang) {
    std::fprintf(stderr,
                 lang == core::Lang::Da
                     ? "samskab: filen blev ikke importeret; intet er gemt. Fejl (%zu):\n"
                     : "samskab: the file was not imported; nothing was stored. Errors (%zu):\n",
                 issues.size());
    for (const auto& issue : issues) {
        std::fprintf(stderr, "%s\n", core::to_string(issue).c_str());
    }
    return EXIT_BAD_INPUT;
}

// Adds the cross-record issues, except those about a record that already has a field-level
// issue: a field that could not be read would otherwise be reported a second time, wrongly.
void append_record_issues(std::vector<core::BundleIssue>& issues,
                          std::vector<core::BundleIssue> record_issues) {
    auto record_of = [](const std::string& path) { return path.substr(0, path.find(']') + 1); };
    std::unordered_set<std::string> broken;
    for (const auto& issue : issues) {
        broken.insert(record_of(issue.path));
    }
    for (auto& issue : record_issues) {
        if (broken.count(record_of(issue.path)) == 0) {
            issues.push_back(std::move(issue));
        }
    }
}

// The self-evaluation counts, each part only when the bundle had such records: the summary of
// other imports reads as it always did.
std::string self_evaluation_text(const core::ImportSummary& s, core::Lang lang) {
    const bool da = lang == core::Lang::Da;
    std::string out;
    if (s.logbook_templates + s.logbook_entries + s.codes > 0) {
        out += fmt::format(
            fmt::runtime(
                da ? " Selvevaluering — logbogsskabeloner: {}, logbogsnotater: {}, koder: {}."
                   : " Self-evaluation — logbook templates: {}, logbook entries: {}, codes: {}."),
            s.logbook_templates, s.logbook_entries, s.codes);
    }
    if (s.interview_guides + s.interviews > 0) {
        out += fmt::format(fmt::runtime(da ? " Interviewguides: {}, nye interviews: {}."
                                           : " Interview guides: {}, new interviews: {}."),
                           s.interview_guides, s.interviews);
    }
    if (s.survey_rounds + s.survey_responses > 0) {
        out += fmt::format(fmt::runtime(da ? " Nye spørgeskemarunder: {}, med svar: {}."
                                           : " New survey rounds: {}, with responses: {}."),
                           s.survey_rounds, s.survey_responses);
    }
    return out;
}

std::string import_summary_text(const core::ImportSummary& s, core::Lang lang) {
    if (lang == core::Lang::Da) {
        return fmt::format(
            "Importeret — partnerskaber: {}, organisationer: {}, steder: {}, personer: {}, "
            "følgeskaber: {}, aktiviteter: {}, aktivitetsgange: {}, deltagelser: {}, besøg: {}, "
            "relationer: {}, veje videre: {}.",
            s.partnerships, s.organisations, s.places, s.people, s.companions, s.activities,
            s.occurrences, s.participations, s.visits, s.relations, s.pathways);
    }
    return fmt::format(
        "Imported — partnerships: {}, organisations: {}, places: {}, people: {}, "
        "companion links: {}, activities: {}, occurrences: {}, participations: {}, visits: {}, "
        "relations: {}, pathways: {}.",
        s.partnerships, s.organisations, s.places, s.people, s.companions, s.activities,
        s.occurrences, s.participations, s.visits, s.relations, s.pathways);
}

int import_file(Context& context, const std::string& file) {
    const core::Lang lang = context.lang();
    std::FILE* input = file == "-" ? stdin : std::fopen(file.c_str(), "rb");
    if (!input) {
        return report_error({core::ErrorCode::Invalid, file + ": " + std::strerror(errno), "FILE"});
    }
    bundle::ReadResult read = bundle::read_bundle(input, lang);
    if (input != stdin) {
        std::fclose(input);
    }
    // A document that is not even JSON has no records worth checking further.
    const bool unreadable = !read.issues.empty() && read.issues.front().path == "$";
    if (unreadable) {
        return report_issues(read.issues, lang);
    }
    auto store = context.open_store();
    if (!store) {
        return report_error(store.error());
    }
    core::Store& s = **store;
    // A lookup that fails on a storage error answers "not stored"; the import itself then
    // meets the same failure and reports it.
    const core::IdLookup stored = [&s](core::Collection collection, std::string_view id) {
        auto found = s.contains(collection, id);
        return found && *found;
    };
    auto issues = std::move(read.issues);
    append_record_issues(issues, core::validate_bundle(read.bundle, lang, stored));
    if (!issues.empty()) {
        return report_issues(issues, lang);
    }
    auto summary = s.import_bundle(read.bundle);
    if (!summary) {
        return report_error(summary.error());
    }
    std::printf("%s%s\n", import_summary_text(*summary, lang).c_str(),
                self_evaluation_text(*summary, lang).c_str());
    return EXIT_OK;
}

}  // namespace

void add_import_command(CLI::App& app, Action& chosen) {
    CLI::App* command = app.add_subcommand(
        "import",
        "Import a samskab bundle (JSON). Records whose ids are stored already are updated. "
        "An invalid file is refused whole, with every error listed; nothing is stored.");
    auto file = std::make_shared<std::string>();
    command->add_option("FILE", *file, "The bundle file, or - for standard input")->required();
    command->callback([&chosen, file] {
        chosen = [file](Context& context) { return import_file(context, *file); };
    });
}

}  // namespace samskab::cli
