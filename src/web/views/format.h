#pragma once

#include <string>

#include "core/date.h"
#include "core/messages.h"

namespace samskab::web::views {

// Dates and times as people read them, in the Danish way for Danish ("tirsdag 1. december
// kl. 17.00") and the British way for English ("Tuesday 1 December at 17:00").

// ISO 8601 weekday: 1 = Monday ... 7 = Sunday.
int weekday_of(core::Day day);
// The Monday of the week `day` falls in.
core::Day monday_of(core::Day day);
// The ISO 8601 week number (1..53) of `day`.
int iso_week_of(core::Day day);

// "tirsdag 1. december" / "Tuesday 1 December".
std::string format_day(core::Day day, core::Lang lang);
// "1. december 2020" / "1 December 2020".
std::string format_date(core::Day day, core::Lang lang);
// "17.00" / "17:00".
std::string format_clock(core::LocalTime time, core::Lang lang);
// "tirsdag 1. december kl. 17.00" / "Tuesday 1 December at 17:00".
std::string format_date_time(core::LocalTime time, core::Lang lang);
// "1. december 2020 kl. 17.00" / "1 December 2020 at 17:00".
std::string format_full_date_time(core::LocalTime time, core::Lang lang);

}  // namespace samskab::web::views
