#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/report.h"
#include "analytics/svg_chart.h"
#include "core/interview.h"

namespace samskab::analytics {

// The analysis of a partnership's coded interviews for a learning meeting: how often each theme
// of its codebook was coded per half-year or quarter, and the quotes behind each theme. Pure
// functions over the codebook and the coded passages (core::InterviewStore::coded_passages).

enum class ThemeSlicing { HalfYear, Quarter };

struct ThemeQuote {
    core::Day date = 0;    // the interview's
    std::string question;  // what was asked
    std::string quote;
};

struct ThemeCount {
    core::Theme theme;
    std::vector<std::int64_t> counts;  // one per slice of ThemeSummary::slices
    std::int64_t total = 0;
    std::vector<ThemeQuote> quotes;  // by date
};

struct ThemeSummary {
    std::vector<Period> slices;
    std::vector<std::string> slice_labels;  // "1. halvår 2024" / "H1 2024", "K1 2024" / "Q1 2024"
    // The codebook's themes in its order: every active theme, and a retired one only when it
    // was coded in the period. A coded theme the codebook does not hold (it cannot happen
    // through the store) is listed last under its id.
    std::vector<ThemeCount> themes;
    std::int64_t passages = 0;  // coded passages in the period
};

// The slices of `period` by calendar half-year or quarter, clipped to the period.
// Precondition: period.from <= period.to.
std::vector<Period> theme_slices(Period period, ThemeSlicing by);

// Counts and quotes of the passages dated in `period`, with labels in `lang`.
ThemeSummary summarise_themes(const std::vector<core::Theme>& codebook,
                              const std::vector<core::CodedPassage>& passages, Period period,
                              ThemeSlicing by, core::Lang lang);

// A bar chart of each listed theme's total in the period.
Chart theme_totals_chart(const ThemeSummary& summary, core::Lang lang, std::string id);

// A line chart over the slices with one series per theme group (motivation, host role,
// promoters, inhibitors, other): the codings of the group's themes in each slice.
Chart theme_groups_chart(const ThemeSummary& summary, core::Lang lang, std::string id);

// "Motivation" / "Værtsrolle" / ... : a theme group's name.
std::string_view theme_group_label(core::ThemeGroup group, core::Lang lang);

}  // namespace samskab::analytics
