#include <cmath>

#include <nlohmann/json.hpp>

#include "analytics/report_view.h"
#include "core/date.h"

namespace samskab::analytics {

namespace {

using Json = nlohmann::ordered_json;

Json cell_json(const Cell& cell, std::optional<int> k) {
    if (cell.visibility == Visibility::BelowK) {
        return "<" + std::to_string(k.value_or(0));
    }
    if (cell.visibility == Visibility::Hidden || !cell.value) {
        return nullptr;
    }
    const double value = *cell.value;
    const bool whole =
        cell.kind == CellKind::Count || (cell.kind == CellKind::Size && value == std::floor(value));
    if (whole) {
        return static_cast<std::int64_t>(value);
    }
    return value;
}

// The figures of one slice: from, to, the INDICATORS.md keys nested by group, and with
// suppression the hidden keys and k.
Json slice_json(const SliceFigures& slice, std::optional<int> k) {
    Json out = Json::object();
    out["from"] = core::format_date(slice.period.from);
    out["to"] = core::format_date(slice.period.to);
    Json suppressed = Json::object();
    for (const Cell& cell : slice.cells) {
        const std::string_view group = group_of(cell.key);
        Json value = cell_json(cell, k);
        if (group.empty()) {
            out[std::string(cell.key)] = std::move(value);
        } else {
            out[std::string(group)][std::string(name_of_key(cell.key))] = std::move(value);
        }
        if (cell.visibility != Visibility::Shown) {
            suppressed[std::string(cell.key)] = true;
        }
    }
    if (k) {
        out["suppressed"] = std::move(suppressed);
        out["suppression_k"] = *k;
    }
    return out;
}

}  // namespace

std::string render_json(const ReportView& view) {
    const std::optional<int> k = view.request.suppress_k;
    Json out;
    if (view.request.by == SliceBy::None && view.slices.size() == 1) {
        out = slice_json(view.slices.front(), k);
    } else {
        out = {{"slices", Json::array()}};
        for (const SliceFigures& slice : view.slices) {
            out["slices"].push_back(slice_json(slice, k));
        }
    }
    return out.dump(2) + "\n";
}

}  // namespace samskab::analytics
