#pragma once

#include <cstdint>
#include <vector>

#include "analytics/report.h"
#include "analytics/scope.h"
#include "core/dataset.h"
#include "core/date.h"

namespace samskab::analytics {

// One place-day of INDICATORS.md's daily indicators: a place in scope and a day with at least
// one daily user (a distinct person with a visit there that day, or a participation in an
// occurrence there starting that day), with the share of them who need support.
struct PlaceDayShare {
    core::Dataset::Index place = 0;
    core::Day day = 0;
    std::int32_t users = 0;
    std::int32_t support_users = 0;
    double share = 0.0;           // support_users / users
    bool over_threshold = false;  // share strictly above the place's support_threshold
};

// The place-days of the places in `scope` within `period` (both ends included), by place in
// dataset order, then by day: the series behind daily.days, daily.mean_support_share,
// daily.max_support_share and daily.days_over_threshold, which the dashboards draw over time.
// Precondition: period.from <= period.to.
std::vector<PlaceDayShare> daily_shares(const core::Dataset& data, const ResolvedScope& scope,
                                        Period period);

}  // namespace samskab::analytics
