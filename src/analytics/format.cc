#include "analytics/format.h"

#include <array>
#include <cmath>

#include <fmt/format.h>

namespace samskab::analytics {

namespace {

constexpr std::array<std::string_view, 12> MONTHS_DA = {
    "januar", "februar", "marts",     "april",   "maj",      "juni",
    "juli",   "august",  "september", "oktober", "november", "december"};
constexpr std::array<std::string_view, 12> MONTHS_EN = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// Fixed notation with `decimals` places; a value that rounds to zero prints without a sign.
std::string fixed(double value, int decimals) {
    const double scale = std::pow(10.0, decimals);
    double rounded = std::round(value * scale) / scale;
    if (rounded == 0.0) {
        rounded = 0.0;
    }
    return fmt::format("{:.{}f}", rounded, decimals);
}

void set_decimal_mark(std::string& text, char mark) {
    for (char& c : text) {
        if (c == '.') {
            c = mark;
        }
    }
}

// Drops trailing zeros of the fraction, and the decimal mark when nothing is left after it.
void trim_fraction(std::string& text, char mark) {
    if (text.find(mark) == std::string::npos) {
        return;
    }
    while (text.back() == '0') {
        text.pop_back();
    }
    if (text.back() == mark) {
        text.pop_back();
    }
}

}  // namespace

std::string format_count(std::int64_t value, core::Lang lang) {
    const std::string digits = std::to_string(value < 0 ? -value : value);
    const char separator = lang == core::Lang::Da ? '.' : ',';
    std::string out = value < 0 ? "-" : "";
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            out.push_back(separator);
        }
        out.push_back(digits[i]);
    }
    return out;
}

std::string format_decimal(double value, int decimals, core::Lang lang) {
    std::string text = fixed(value, decimals);
    set_decimal_mark(text, lang == core::Lang::Da ? ',' : '.');
    return text;
}

std::string format_percent(double share, core::Lang lang) {
    const char mark = lang == core::Lang::Da ? ',' : '.';
    std::string text = fixed(share * 100.0, 1);
    set_decimal_mark(text, mark);
    trim_fraction(text, mark);
    return lang == core::Lang::Da ? text + " %" : text + "%";
}

std::string format_date_long(core::Day day, core::Lang lang) {
    const core::Civil civil = core::civil_from_days(day);
    const auto month = static_cast<size_t>(civil.month - 1);
    if (lang == core::Lang::Da) {
        return fmt::format("{}. {} {}", civil.day, MONTHS_DA[month], civil.year);
    }
    return fmt::format("{} {} {}", civil.day, MONTHS_EN[month], civil.year);
}

std::string format_period(Period period, core::Lang lang) {
    if (period.from == period.to) {
        return format_date_long(period.from, lang);
    }
    return format_date_long(period.from, lang) + " – " + format_date_long(period.to, lang);
}

std::string format_cell_value(const Cell& cell, core::Lang lang) {
    const double value = cell.value.value_or(0.0);
    switch (cell.kind) {
        case CellKind::Count:
            return format_count(static_cast<std::int64_t>(value), lang);
        case CellKind::Share:
            return format_percent(value, lang);
        case CellKind::Index:
            return format_decimal(value, 2, lang);
        case CellKind::Size:
            if (value == std::floor(value)) {
                return format_count(static_cast<std::int64_t>(value), lang);
            }
            return format_decimal(value, 1, lang);
    }
    return {};
}

std::string format_csv_number(double value) {
    if (value == std::floor(value) && std::abs(value) < 1e15) {
        return std::to_string(static_cast<std::int64_t>(value));
    }
    std::string text = fixed(value, 10);
    trim_fraction(text, '.');
    set_decimal_mark(text, ',');
    return text;
}

}  // namespace samskab::analytics
