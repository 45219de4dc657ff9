#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analytics/report.h"
#include "analytics/svg_chart.h"
#include "core/logbook.h"
#include "core/messages.h"

namespace samskab::analytics {

// The analysis of a logbook that the booklet says partnerships lack the time and competence
// for: per field of a template, over its entries in a period, how often it was answered, the
// distribution of the answers, the mean and median of numbers, and the trend by month or
// quarter, with charts. A pure function over core types.
//
// Fields are those of every version, keyed by their key: in the order of the newest version,
// then keys found only in older versions; the label and type are the newest version's that has
// the key. An entry counts for a field when its own version has the field with the same type
// (a field whose type changed is summarised for the entries of its newest type only).

// One category of a distribution: an option, a scale step, yes or no.
struct DistributionItem {
    std::string label;
    int count = 0;
};

// One slice of the trend.
struct TrendPoint {
    Period period;
    std::string label;  // "jan. 2017", "1. kvt. 2017"
    int entries = 0;    // entries in the slice that have the field
    int answered = 0;
    std::optional<double> mean;       // number, scale, people present (people per entry)
    std::optional<double> yes_share;  // yes/no
};

struct FieldSummary {
    core::TemplateField field;  // as the newest version that has it defines it
    int entries = 0;            // entries whose version has the field
    int answered = 0;
    int unanswered = 0;
    std::vector<DistributionItem> distribution;  // choice, multiple choice, scale, yes/no
    std::optional<double> mean;                  // number, scale, people present
    std::optional<double> median;
    std::vector<TrendPoint> trend;
};

struct LogbookSummary {
    Period period;
    SliceBy by = SliceBy::Month;
    int entries = 0;  // in the period
    std::vector<FieldSummary> fields;
};

// Summarises the entries of `logbook` whose day lies in `period`, with the trend sliced `by`
// month or quarter (anything else is taken as month). Labels in `lang` (yes/no, periods).
LogbookSummary summarise_logbook(const core::LogbookTemplate& logbook,
                                 const std::vector<core::LogbookEntry>& entries, Period period,
                                 SliceBy by, core::Lang lang);

// The charts of one field: its distribution as a bar chart (when it has one), and its trend as
// a line chart (the mean, the share of yes, or the number of answers per slice). Ids are
// `id_prefix` + "-dist" / "-trend". Each chart's table (render_chart_table) goes beside it.
struct FieldCharts {
    std::optional<Chart> distribution;
    Chart trend;
};
FieldCharts field_charts(const FieldSummary& field, const std::string& id_prefix, core::Lang lang);

// "4,2" / "4.2": a mean or median with at most one decimal.
std::string format_summary_number(double value, core::Lang lang);

}  // namespace samskab::analytics
