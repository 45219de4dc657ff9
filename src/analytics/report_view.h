#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analytics/figures.h"
#include "analytics/report.h"
#include "core/dataset.h"
#include "core/result.h"

namespace samskab::analytics {

// The figures of one slice of a report, suppressed when the request asks for it.
struct SliceFigures {
    Period period;
    std::vector<Cell> cells;  // one per FIGURE_KEYS entry, in that order
};

// Everything a renderer needs: the request (period, scope, language, k) and the slices.
struct ReportView {
    ReportRequest request;
    std::vector<SliceFigures> slices;  // one, or one per calendar unit with `--by`
};

// Validates `request` against `data` and computes its figures.
// Errors as render_report (report.h).
core::Result<ReportView> make_report_view(const core::Dataset& data, const ReportRequest& request);

// The renderers of the four formats. Each is total: any view renders.
std::string render_json(const ReportView& view);
std::string render_text(const ReportView& view);
std::string render_csv(const ReportView& view);
std::string render_html(const ReportView& view);

// "alle steder", "stedet \"x\"", "partnerskabet \"y\"" in the request's language (unescaped).
std::string describe_scope(const ReportRequest& request);

}  // namespace samskab::analytics
