#include "analytics/describe.h"
#include "analytics/format.h"
#include "analytics/phrases.h"
#include "analytics/report_view.h"

namespace samskab::analytics {

namespace {

// The number of characters (code points) of UTF-8 text, for underlining a heading.
size_t display_width(std::string_view text) {
    size_t width = 0;
    for (const char c : text) {
        width += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    return width;
}

std::optional<Ui> sliced_by_text(SliceBy by) {
    switch (by) {
        case SliceBy::Year:
            return Ui::SlicedByYear;
        case SliceBy::Quarter:
            return Ui::SlicedByQuarter;
        case SliceBy::Month:
            return Ui::SlicedByMonth;
        case SliceBy::None:
            break;
    }
    return std::nullopt;
}

// One slice: its figures under section headings, each "Label: sentence." with, when there is a
// previous slice, the change since it.
void write_slice(std::string& out, const SliceFigures& slice, const SliceFigures* previous,
                 const ReportRequest& request) {
    const core::Lang lang = request.lang;
    std::optional<Section> section;
    for (size_t i = 0; i < slice.cells.size(); ++i) {
        const Cell& cell = slice.cells[i];
        if (section != section_of(cell)) {
            section = section_of(cell);
            out += "\n";
            out += section_title(lang, *section);
            out += "\n";
        }
        out += "  ";
        out += figure_label(lang, cell.key);
        out += ": ";
        out += describe_meaning(cell, lang, request.suppress_k);
        if (previous != nullptr) {
            const std::string change = describe_change(previous->cells[i], cell, lang);
            if (!change.empty()) {
                out += " (" + change + ")";
            }
        }
        out += ".\n";
    }
}

}  // namespace

std::string render_text(const ReportView& view) {
    const ReportRequest& request = view.request;
    const core::Lang lang = request.lang;
    std::string out = ui_format(lang, Ui::Title, describe_scope(request)) + "\n";
    out += ui_format(lang, Ui::PeriodLine, format_period(request.period, lang)) + "\n";
    if (const auto sliced = sliced_by_text(request.by)) {
        out += ui_format(lang, *sliced, view.slices.size()) + "\n";
    }
    if (request.suppress_k) {
        out += ui_format(lang, Ui::SuppressionNote, *request.suppress_k) + "\n";
    }
    const SliceFigures* previous = nullptr;
    for (const SliceFigures& slice : view.slices) {
        if (request.by != SliceBy::None) {
            const std::string heading = format_period(slice.period, lang);
            out += "\n" + heading + "\n" + std::string(display_width(heading), '=') + "\n";
        }
        write_slice(out, slice, previous, request);
        previous = &slice;
    }
    return out;
}

}  // namespace samskab::analytics
