#include <optional>

#include "analytics/describe.h"
#include "analytics/format.h"
#include "analytics/html_escape.h"
#include "analytics/phrases.h"
#include "analytics/report_view.h"
#include "analytics/svg_chart_report.h"

namespace samskab::analytics {

namespace {

// Print-first and readable on screen; contrast and sizes chosen for WCAG 2.1 AA.
constexpr std::string_view STYLE = R"(
body { font-family: system-ui, sans-serif; color: #1a1a1a; background: #fff; line-height: 1.5;
       margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 2px solid #1a1a1a; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; page-break-inside: avoid; }
caption { text-align: left; font-weight: bold; font-size: 1.1rem; padding: 0.25rem 0; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem;
         border-bottom: 1px solid #767676; }
td.value { white-space: nowrap; font-variant-numeric: tabular-nums; }
.note { font-style: italic; }
figure.chart { margin: 1.5rem 0; page-break-inside: avoid; break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; display: block; }
@media print { body { margin: 0; max-width: none; } section { page-break-before: auto; } }
)";

void write_table(std::string& out, const SliceFigures& slice, const SliceFigures* previous,
                 size_t first, size_t end, const ReportRequest& request) {
    const core::Lang lang = request.lang;
    out += "<table>\n<caption>";
    out += html_escape(section_title(lang, section_of(slice.cells[first])));
    out += "</caption>\n<thead><tr><th scope=\"col\">";
    out += html_escape(ui_text(lang, Ui::ColumnFigure));
    out += "</th><th scope=\"col\">";
    out += html_escape(ui_text(lang, Ui::ColumnValue));
    out += "</th><th scope=\"col\">";
    out += html_escape(ui_text(lang, Ui::ColumnMeaning));
    out += "</th></tr></thead>\n<tbody>\n";
    for (size_t i = first; i < end; ++i) {
        const Cell& cell = slice.cells[i];
        std::string meaning = describe_meaning(cell, lang, request.suppress_k);
        if (previous != nullptr) {
            const std::string change = describe_change(previous->cells[i], cell, lang);
            if (!change.empty()) {
                meaning += " (" + change + ")";
            }
        }
        out += "<tr><th scope=\"row\">";
        out += html_escape(figure_label(lang, cell.key));
        out += "</th><td class=\"value\">";
        out += html_escape(describe_value(cell, lang, request.suppress_k));
        out += "</td><td>";
        out += html_escape(meaning);
        out += ".</td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
}

// A chart with its numbers as a table beside it, kept on one page when printed.
void write_chart(std::string& out, const Chart& chart, bool line) {
    out += "<figure class=\"chart\">\n";
    out += line ? render_line_chart(chart) : render_bar_chart(chart);
    out += render_chart_table(chart);
    out += "</figure>\n";
}

void write_slice(std::string& out, const SliceFigures& slice, const SliceFigures* previous,
                 size_t number, const ReportRequest& request) {
    const std::string id = "slice-" + std::to_string(number);
    out += "<section aria-labelledby=\"" + id + "\">\n<h2 id=\"" + id + "\">";
    out += html_escape(format_period(slice.period, request.lang));
    out += "</h2>\n";
    for (size_t first = 0; first < slice.cells.size();) {
        size_t end = first + 1;
        while (end < slice.cells.size() &&
               section_of(slice.cells[end]) == section_of(slice.cells[first])) {
            ++end;
        }
        write_table(out, slice, previous, first, end, request);
        first = end;
    }
    for (const Chart& chart : distribution_charts(slice, request, id)) {
        write_chart(out, chart, false);
    }
    out += "</section>\n";
}

}  // namespace

std::string render_html(const ReportView& view) {
    const ReportRequest& request = view.request;
    const core::Lang lang = request.lang;
    const std::string title = ui_format(lang, Ui::Title, describe_scope(request));
    const std::string period = format_period(request.period, lang);
    std::string out = "<!DOCTYPE html>\n<html lang=\"";
    out += lang == core::Lang::Da ? "da" : "en";
    out += "\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
    out += html_escape(title + ", " + period);
    out += "</title>\n<style>";
    out += STYLE;
    out += "</style>\n</head>\n<body>\n<main>\n<h1>";
    out += html_escape(title);
    out += "</h1>\n<p>";
    out += html_escape(ui_format(lang, Ui::PeriodLine, period));
    out += "</p>\n";
    if (request.suppress_k) {
        out += "<p class=\"note\">";
        out += html_escape(ui_format(lang, Ui::SuppressionNote, *request.suppress_k));
        out += "</p>\n";
    }
    const std::vector<Chart> trends = trend_charts(view, "trend");
    if (!trends.empty()) {
        out += "<section aria-labelledby=\"trends\">\n<h2 id=\"trends\">";
        out += html_escape(trends_heading(lang));
        out += "</h2>\n";
        for (const Chart& chart : trends) {
            write_chart(out, chart, true);
        }
        out += "</section>\n";
    }
    const SliceFigures* previous = nullptr;
    for (size_t i = 0; i < view.slices.size(); ++i) {
        write_slice(out, view.slices[i], previous, i + 1, request);
        previous = &view.slices[i];
    }
    out += "</main>\n</body>\n</html>\n";
    return out;
}

}  // namespace samskab::analytics
