#include "analytics/period.h"

#include <algorithm>

#include "core/date.h"

namespace samskab::analytics {

namespace {

// The first day of the calendar unit after the one containing `day`.
core::Day next_unit_start(core::Day day, SliceBy by) {
    const core::Civil civil = core::civil_from_days(day);
    int year = civil.year;
    int month = civil.month;
    switch (by) {
        case SliceBy::Year:
            return core::days_from_civil(year + 1, 1, 1);
        case SliceBy::Quarter:
            month = (month - 1) / 3 * 3 + 4;
            break;
        case SliceBy::Month:
        case SliceBy::None:
            month += 1;
            break;
    }
    if (month > 12) {
        month -= 12;
        year += 1;
    }
    return core::days_from_civil(year, month, 1);
}

}  // namespace

std::vector<Period> slice_period(Period period, SliceBy by) {
    if (by == SliceBy::None) {
        return {period};
    }
    std::vector<Period> slices;
    core::Day start = period.from;
    while (start <= period.to) {
        const core::Day next = next_unit_start(start, by);
        slices.push_back({start, std::min(period.to, next - 1)});
        start = next;
    }
    return slices;
}

}  // namespace samskab::analytics
