#pragma once

#include <vector>

#include "core/bundle.h"
#include "core/community.h"
#include "core/messages.h"
#include "core/result.h"

namespace samskab::core {

// Checks a weekly rule: weekday 1..7 (field "weekday"), 0 <= start < end <= 24*60 (fields
// "start", "end"), from <= until (field "until") and at most 3 years long (field "until").
// Messages in `lang`.
Result<void> validate_schedule(const WeeklySchedule& schedule, Lang lang);

// The occurrences of a valid rule: one on each matching weekday in [from, until], ids
// "<activity>-<YYYYMMDD>T<HHMM>" so that the same rule expands to the same ids every time.
std::vector<Occurrence> expand_schedule(const WeeklySchedule& schedule);

}  // namespace samskab::core
