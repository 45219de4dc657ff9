#include "analytics/format.h"
#include "analytics/report_view.h"
#include "core/date.h"

namespace samskab::analytics {

namespace {

// Danish spreadsheet conventions: the byte order mark makes Excel read UTF-8, ';' separates
// because ',' is the decimal mark, and lines end with CR LF.
constexpr std::string_view BOM = "\xEF\xBB\xBF";
constexpr char SEPARATOR = ';';
constexpr std::string_view END_OF_LINE = "\r\n";

std::string csv_cell(const Cell& cell, std::optional<int> k) {
    switch (cell.visibility) {
        case Visibility::BelowK:
            return "<" + std::to_string(k.value_or(0));
        case Visibility::Hidden:
            return {};
        case Visibility::Shown:
            break;
    }
    return cell.value ? format_csv_number(*cell.value) : std::string{};
}

}  // namespace

std::string render_csv(const ReportView& view) {
    std::string out(BOM);
    out += "from";
    out += SEPARATOR;
    out += "to";
    for (const std::string_view key : FIGURE_KEYS) {
        out += SEPARATOR;
        out += key;
    }
    out += END_OF_LINE;
    for (const SliceFigures& slice : view.slices) {
        out += core::format_date(slice.period.from);
        out += SEPARATOR;
        out += core::format_date(slice.period.to);
        for (const Cell& cell : slice.cells) {
            out += SEPARATOR;
            out += csv_cell(cell, view.request.suppress_k);
        }
        out += END_OF_LINE;
    }
    return out;
}

}  // namespace samskab::analytics
