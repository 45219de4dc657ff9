// samskab demo: a database with the booklet's three partnerships (invented people), to try
// every command on.
#include <cstdio>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "analytics/format.h"
#include "cli/cli.h"
#include "cli/command.h"
#include "cli/web_app.h"
#include "core/bundle_validator.h"
#include "demo/demo.h"
#include "demo/demo_logbooks.h"
#include "storage/postgres/postgres_logbook_store.h"
#include "storage/sqlite/sqlite_logbook_store.h"

namespace samskab::cli {

namespace {

bool holds_data(const core::Dataset& data) {
    return !data.partnerships.empty() || !data.places.empty() || !data.people.empty() ||
           !data.activities.empty() || !data.occurrences.empty();
}

std::string demo_summary_text(const core::Bundle& bundle, const std::string& db, core::Lang lang) {
    const bool da = lang == core::Lang::Da;
    auto count = [lang](std::size_t n) {
        return analytics::format_count(static_cast<std::int64_t>(n), lang);
    };
    std::string text =
        da ? fmt::format(
                 "Demodatabasen er lavet i {}: de tre partnerskaber fra VIVE's hæfte om "
                 "samskabelse, 2016–2018.\n",
                 db)
           : fmt::format(
                 "The demo database is in {}: the three partnerships of the VIVE booklet "
                 "on co-creation, 2016–2018.\n",
                 db);
    for (const demo::PartnershipSummary& p : demo::summarize(bundle)) {
        text += fmt::format(
            fmt::runtime(da ? "  {:<6} {}: {} {}, {} personer, {} aktiviteter, {} "
                              "aktivitetsgange\n"
                            : "  {:<6} {}: {} {}, {} people, {} activities, {} occurrences\n"),
            p.id, p.name, count(p.places),
            da ? (p.places == 1 ? "sted" : "steder") : (p.places == 1 ? "place" : "places"),
            count(p.people), count(p.activities), count(p.occurrences));
    }
    text += fmt::format(
        fmt::runtime(da ? "I alt {} personer, {} deltagelser, {} besøg, {} relationer og {} "
                          "veje videre.\n"
                        : "In all {} people, {} participations, {} visits, {} relations and "
                          "{} pathways.\n"),
        count(bundle.people.size()), count(bundle.participations.size()),
        count(bundle.visits.size()), count(bundle.relations.size()), count(bundle.pathways.size()));
    text += da ? "Alle personer er opdigtede.\n\nPrøv for eksempel:\n"
               : "Every person is invented.\n\nTry, for example:\n";
    const std::string lang_option = da ? "" : " --lang en";
    text += fmt::format(
        "  samskab --db {}{} report --partnership insp --from 2016-01-01 --to 2018-12-31 --by "
        "year --format text\n",
        db, lang_option);
    text += fmt::format(
        "  samskab --db {}{} report --partnership sager --from 2016-01-01 --to 2018-12-31 "
        "--format text\n",
        db, lang_option);
    text += fmt::format(
        "  samskab --db {}{} report --partnership vimby --from 2016-01-01 --to 2018-12-31 --by "
        "year --format html -o vimby.html\n",
        db, lang_option);
    return text;
}

// The logbook store on --db, on a pool of one connection of its own.
core::Result<std::unique_ptr<core::LogbookStore>> open_logbooks(Context& context) {
    const std::string& db = context.options().db;
    if (is_postgres_url(db)) {
        auto cipher = context.field_key(db);
        if (!cipher) {
            return tl::unexpected(cipher.error());
        }
        auto pool = storage::postgres::ConnectionPool::open(db, 1);
        if (!pool) {
            return tl::unexpected(pool.error());
        }
        return std::make_unique<storage::postgres::PostgresLogbookStore>(
            std::move(*pool), storage::postgres::SealedFields(*cipher));
    }
    auto path = sqlite_path(db, context.lang(), "demo");
    if (!path) {
        return tl::unexpected(path.error());
    }
    auto cipher = context.field_key(*path);
    if (!cipher) {
        return tl::unexpected(cipher.error());
    }
    auto pool = storage::sqlite::ConnectionPool::open(*path, 1, *cipher);
    if (!pool) {
        return tl::unexpected(pool.error());
    }
    return std::make_unique<storage::sqlite::SqliteLogbookStore>(std::move(*pool));
}

int run_demo(Context& context) {
    const core::Lang lang = context.lang();
    const std::string& db = context.options().db;
    auto store = context.open_store();
    if (!store) {
        return report_error(store.error());
    }
    core::Store& s = **store;
    // The demo is only ever written into an empty database, so that it can neither mix with
    // nor overwrite a partnership's real records.
    auto existing = s.load_dataset();
    if (!existing) {
        return report_error(existing.error());
    }
    if (holds_data(*existing)) {
        return report_error(
            {core::ErrorCode::Conflict,
             lang == core::Lang::Da
                 ? fmt::format("--db {}: databasen indeholder allerede data; demoen lægges kun i "
                               "en tom database. Vælg en anden --db, eller slet filen.",
                               db)
                 : fmt::format("--db {}: the database already holds data; the demo goes only "
                               "into an empty database. Choose another --db, or remove the file.",
                               db),
             "--db"});
    }
    const core::Bundle bundle = demo::demo_bundle();
    const auto issues = core::validate_bundle(bundle, lang, {});
    if (!issues.empty()) {
        for (const auto& issue : issues) {
            std::fprintf(stderr, "samskab: demo: %s\n", core::to_string(issue).c_str());
        }
        return EXIT_BAD_INPUT;
    }
    auto imported = s.import_bundle(bundle);
    if (!imported) {
        return report_error(imported.error());
    }
    // The sample logbooks live beside the records (they are not part of the bundle format).
    auto logbooks = open_logbooks(context);
    if (!logbooks) {
        return report_error(logbooks.error());
    }
    for (const demo::DemoLogbook& sample : demo::demo_logbooks(bundle)) {
        auto created = (*logbooks)->create_template(sample.logbook);
        if (!created) {
            return report_error(created.error());
        }
        for (const core::LogbookEntry& entry : sample.entries) {
            if (auto written = (*logbooks)->write_entry(entry); !written) {
                return report_error(written.error());
            }
        }
    }
    std::fputs(demo_summary_text(bundle, db, lang).c_str(), stdout);
    return EXIT_OK;
}

}  // namespace

void add_demo_command(CLI::App& app, Action& chosen) {
    CLI::App* command = app.add_subcommand(
        "demo",
        "Create a demo database: the booklet's three partnerships, 2016-2018, with invented "
        "people. Refused when the database already holds data.");
    command->callback([&chosen] { chosen = [](Context& context) { return run_demo(context); }; });
}

}  // namespace samskab::cli
