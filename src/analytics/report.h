#pragma once

#include <optional>
#include <string>

#include "core/dataset.h"
#include "core/date.h"
#include "core/messages.h"
#include "core/result.h"

namespace samskab::analytics {

// A closed range of days: both ends included (INDICATORS.md's P = [from, to]).
struct Period {
    core::Day from = 0;
    core::Day to = 0;
};

enum class ScopeKind { All, Place, Partnership };

// What a report covers: every place, one place, or one partnership's places; `id` is the
// bundle id of the place or partnership.
struct Scope {
    ScopeKind kind = ScopeKind::All;
    std::string id;
};

enum class SliceBy { None, Year, Quarter, Month };
enum class Format { Json, Text, Csv, Html };

struct ReportRequest {
    Period period;
    Scope scope;
    SliceBy by = SliceBy::None;
    Format format = Format::Json;
    core::Lang lang = core::Lang::Da;
    // When set, small-cell suppression with this k (INDICATORS.md), as for anyone outside the
    // partnership's own coordinators.
    std::optional<int> suppress_k;
};

// The report of `request` over `data`, rendered in the requested format.
// Errors: Invalid when from > to or k < 1; NotFound when the scope names an unknown place or
// partnership. The messages are in `request.lang`.
core::Result<std::string> render_report(const core::Dataset& data, const ReportRequest& request);

}  // namespace samskab::analytics
