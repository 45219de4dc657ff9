// samskab retention: anonymise people inactive for longer than their partnership keeps people
// (docs/privacy.md), or show who would be with --dry-run; set a partnership's period.
// samskab purge-access-log: delete access-log entries older than N months (default 6).
// The server runs both once a day.
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "cli/cli.h"
#include "cli/command.h"
#include "cli/web_app.h"
#include "core/privacy_service.h"

namespace samskab::cli {

namespace {

struct RetentionOptions {
    bool dry_run = false;
    std::optional<int> months;
    std::string partnership;
    std::optional<int> set_months;
};

core::Result<std::unique_ptr<WebApp>> retention_app(Context& context, std::string_view command) {
    return open_web_app(context, 1, web::WebConfig{}, command);
}

int run_retention(Context& context, const RetentionOptions& o) {
    const core::Lang lang = context.lang();
    const bool da = lang == core::Lang::Da;
    if (o.set_months.has_value() != !o.partnership.empty()) {
        return report_error(usage_error(lang, "--partnership og --set-months hører sammen",
                                        "--partnership and --set-months go together",
                                        "--set-months"));
    }
    if (o.months && (*o.months < 1 || *o.months > 600)) {
        return report_error(
            usage_error(lang, "skal være fra 1 til 600", "must be from 1 to 600", "--months"));
    }
    use_danish_time();
    auto app = retention_app(context, "retention");
    if (!app) {
        return report_error(app.error());
    }
    core::CommunityStore& community = (*app)->community();
    if (o.set_months) {
        if (auto set = community.set_retention_months(o.partnership, *o.set_months); !set) {
            core::Error error = set.error();
            error.message = "--" +
                            (error.field == "months" ? std::string("set-months") : error.field) +
                            ": " + error.message;
            return report_error(error);
        }
        std::printf(da ? "%s: personer anonymiseres efter %d måneder uden aktivitet\n"
                       : "%s: people are anonymised after %d months without activity\n",
                    o.partnership.c_str(), *o.set_months);
        return EXIT_OK;
    }
    core::PrivacyService service(community, (*app)->accounts(), (*app)->clock());
    auto run = service.retention(o.months, o.dry_run);
    if (!run) {
        return report_error(run.error());
    }
    for (std::size_t i = 0; i < run->candidates.size(); ++i) {
        const core::RetentionCandidate& candidate = run->candidates[i];
        const std::string last = core::format_date(candidate.last_activity);
        if (o.dry_run) {
            std::printf(da ? "ville anonymisere %s (sidst aktiv %s, grænse %d måneder)\n"
                           : "would anonymise %s (last active %s, limit %d months)\n",
                        candidate.person.c_str(), last.c_str(), candidate.months);
        } else {
            std::printf(da ? "anonymiserede %s som %s (sidst aktiv %s)\n"
                           : "anonymised %s as %s (last active %s)\n",
                        candidate.person.c_str(), run->new_ids[i].c_str(), last.c_str());
        }
    }
    std::printf(da ? "%zu %s\n" : "%zu %s\n", run->candidates.size(),
                o.dry_run ? (da ? "ville blive anonymiseret" : "would be anonymised")
                          : (da ? "anonymiseret" : "anonymised"));
    return EXIT_OK;
}

int run_purge(Context& context, int months) {
    const core::Lang lang = context.lang();
    use_danish_time();
    auto app = retention_app(context, "purge-access-log");
    if (!app) {
        return report_error(app.error());
    }
    core::PrivacyService service((*app)->community(), (*app)->accounts(), (*app)->clock());
    auto purged = service.purge_access_log(months, lang);
    if (!purged) {
        core::Error error = purged.error();
        if (error.field == "months") {
            error.code = core::ErrorCode::Usage;
            error.message = "--" + error.message;
        }
        return report_error(error);
    }
    std::printf(lang == core::Lang::Da ? "slettede %d linjer fra adgangsloggen\n"
                                       : "deleted %d access-log lines\n",
                *purged);
    return EXIT_OK;
}

}  // namespace

void add_retention_command(CLI::App& app, Action& chosen) {
    CLI::App* command = app.add_subcommand(
        "retention",
        "Anonymise people inactive for longer than their partnership keeps people (default 24 "
        "months), or set a partnership's period");
    auto o = std::make_shared<RetentionOptions>();
    command->add_flag("--dry-run", o->dry_run, "Only show who would be anonymised");
    command->add_option("--months", o->months,
                        "Months without activity, instead of each partnership's setting");
    command->add_option("--partnership", o->partnership, "The partnership whose period to set");
    command->add_option("--set-months", o->set_months,
                        "Set the partnership's period (months, 1-600)");
    command->callback(
        [&chosen, o] { chosen = [o](Context& context) { return run_retention(context, *o); }; });

    CLI::App* purge = app.add_subcommand(
        "purge-access-log", "Delete access-log entries and failed logins older than N months");
    auto months = std::make_shared<int>(core::DEFAULT_ACCESS_LOG_MONTHS);
    purge->add_option("--months", *months, "Months to keep")->capture_default_str();
    purge->callback([&chosen, months] {
        chosen = [months](Context& context) { return run_purge(context, *months); };
    });
}

}  // namespace samskab::cli
