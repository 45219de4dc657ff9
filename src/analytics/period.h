#pragma once

#include <vector>

#include "analytics/report.h"

namespace samskab::analytics {

// The slices of `period` for `--by`: calendar years, quarters or months intersected with the
// period, so the first and last slice are clipped to `from` and `to`. SliceBy::None gives the
// period itself. Precondition: period.from <= period.to.
std::vector<Period> slice_period(Period period, SliceBy by);

}  // namespace samskab::analytics
