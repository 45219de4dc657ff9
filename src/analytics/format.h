#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "analytics/figures.h"
#include "analytics/report.h"
#include "core/date.h"
#include "core/messages.h"

namespace samskab::analytics {

// Number and date formats of the human-readable reports: Danish conventions for Lang::Da
// (decimal comma, "." between thousands, "30,5 %", "1. januar 2017"), English for Lang::En
// ("1,234", "30.5%", "1 January 2017"). Negative zero never appears.

// A whole number with thousands separators: 1.234.567 / 1,234,567.
std::string format_count(std::int64_t value, core::Lang lang);

// `value` rounded to `decimals` places, with the language's decimal mark: 0,25 / 0.25.
std::string format_decimal(double value, int decimals, core::Lang lang);

// A share in [0, 1] as a percentage with at most one decimal: "30,5 %", "66 %" / "30.5%".
std::string format_percent(double share, core::Lang lang);

// "1. januar 2017" / "1 January 2017".
std::string format_date_long(core::Day day, core::Lang lang);

// "1. januar 2017 – 31. december 2017" (en dash), or the single date when from == to.
std::string format_period(Period period, core::Lang lang);

// The value of a shown, defined cell as a reader sees it: a count, a percentage, an index with
// two decimals, or a meeting size (one decimal only when it is a half).
std::string format_cell_value(const Cell& cell, core::Lang lang);

// A number for CSV: no thousands separator, decimal comma, at most ten decimals, no exponent.
std::string format_csv_number(double value);

}  // namespace samskab::analytics
