// samskab report: the indicators of INDICATORS.md for a period and scope.
#include <optional>

#include "analytics/report.h"
#include "cli/cli.h"
#include "cli/command.h"
#include "cli/output_file.h"
#include "core/date.h"

namespace samskab::cli {

namespace {

struct ReportOptions {
    std::string from;
    std::string to;
    std::string place;
    std::string partnership;
    std::string by = "none";
    std::string format = "json";
    bool json = false;
    std::optional<int> suppress;
    std::string output = "-";
};

core::Result<core::Day> date_option(const std::string& name, const std::string& text,
                                    core::Lang lang) {
    if (auto day = core::parse_date(text)) {
        return *day;
    }
    return core::fail(
        core::ErrorCode::Invalid,
        name + ": " + core::message(lang, core::Msg::MustBeDate, {"\"" + text + "\""}), name);
}

int run_report(Context& context, const ReportOptions& o) {
    const core::Lang lang = context.lang();
    analytics::ReportRequest request;
    request.lang = lang;
    auto from = date_option("--from", o.from, lang);
    if (!from) {
        return report_error(from.error());
    }
    auto to = date_option("--to", o.to, lang);
    if (!to) {
        return report_error(to.error());
    }
    request.period = {*from, *to};
    if (!o.place.empty()) {
        request.scope = {analytics::ScopeKind::Place, o.place};
    } else if (!o.partnership.empty()) {
        request.scope = {analytics::ScopeKind::Partnership, o.partnership};
    }
    request.by = o.by == "year"      ? analytics::SliceBy::Year
                 : o.by == "quarter" ? analytics::SliceBy::Quarter
                 : o.by == "month"   ? analytics::SliceBy::Month
                                     : analytics::SliceBy::None;
    const std::string format = o.json ? "json" : o.format;
    request.format = format == "text"   ? analytics::Format::Text
                     : format == "csv"  ? analytics::Format::Csv
                     : format == "html" ? analytics::Format::Html
                                        : analytics::Format::Json;
    request.suppress_k = o.suppress;

    auto store = context.open_store();
    if (!store) {
        return report_error(store.error());
    }
    auto data = (*store)->load_dataset();
    if (!data) {
        return report_error(data.error());
    }
    auto report = analytics::render_report(*data, request);
    if (!report) {
        return report_error(report.error());
    }
    auto written = write_output(o.output, [&report](std::FILE* file) -> core::Result<void> {
        if (std::fwrite(report->data(), 1, report->size(), file) != report->size()) {
            return core::fail(core::ErrorCode::Storage, "write failed");
        }
        return {};
    });
    return written ? EXIT_OK : report_error(written.error());
}

}  // namespace

void add_report_command(CLI::App& app, Action& chosen) {
    CLI::App* command = app.add_subcommand(
        "report", "The indicators (INDICATORS.md) for a period, a place or a partnership");
    auto o = std::make_shared<ReportOptions>();
    command->add_option("--from", o->from, "First day of the period (YYYY-MM-DD)")->required();
    command->add_option("--to", o->to, "Last day of the period, included (YYYY-MM-DD)")->required();
    auto* place = command->add_option("--place", o->place, "Only this place (its id)");
    auto* partnership =
        command->add_option("--partnership", o->partnership, "Only this partnership (its id)");
    place->excludes(partnership);
    command->add_option("--by", o->by, "Slices: one report per year, quarter or month")
        ->check(CLI::IsMember({"none", "year", "quarter", "month"}))
        ->capture_default_str();
    command->add_option("--format", o->format, "Output format")
        ->check(CLI::IsMember({"json", "text", "csv", "html"}))
        ->capture_default_str();
    command->add_flag("--json", o->json, "Same as --format json");
    command
        ->add_option("--suppress", o->suppress,
                     "Hide small cells below K (default 5), as for the municipal view")
        ->expected(0, 1)
        ->default_str("5");
    command->add_option("-o,--output", o->output, "Output file (default: standard output)");
    command->callback(
        [&chosen, o] { chosen = [o](Context& context) { return run_report(context, *o); }; });
}

}  // namespace samskab::cli
