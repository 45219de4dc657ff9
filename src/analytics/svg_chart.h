#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/messages.h"

namespace samskab::analytics {

// Charts drawn on the server as SVG, for the dashboards, the learning-meeting report and
// `report --format html`. Pure functions: the same chart gives the same bytes.
//
// Every chart is an <svg role="img"> with a <title> and a <desc> (its text alternative) that
// aria-labelledby names, labelled axes with ticks, and no style attribute (the pages' content
// security policy forbids inline style): colours are presentation attributes, and the
// "samskab-chart*" classes let samskab.css adjust them. Series differ by dash pattern and
// marker shape as well as by colour, so a chart printed in black and white still reads. All
// text is HTML-escaped. Each chart has its numbers as a table too (render_chart_table), to be
// shown beside it.

enum class ChartUnit {
    Count,  // whole numbers: ticks "0", "5", "1.000"
    Share,  // in [0, 1]: ticks as percentages
    Size,   // a number that may have one decimal (a median meeting size)
};

// One value of a series. `value` is what is drawn (nullopt: nothing, e.g. a hidden or undefined
// figure); `text` is what the table shows ("30 %", "<5", "skjult"). A highlighted point is
// always marked (a point over the threshold), even where a long series draws no markers.
struct ChartPoint {
    std::optional<double> value;
    std::string text;
    bool highlight = false;
};

// A named row of values, one per category of the chart.
struct ChartSeries {
    std::string label;
    std::vector<ChartPoint> points;
};

struct Chart {
    std::string id;           // unique within the page: prefixes the ids of <title> and <desc>
    std::string title;        // also the table's caption
    std::string description;  // the text alternative: what the chart shows, in a sentence or two
    std::string x_label;      // the axis of the categories (line chart: horizontal)
    std::string y_label;      // the axis of the values
    ChartUnit unit = ChartUnit::Count;
    core::Lang lang = core::Lang::Da;
    std::vector<std::string> categories;  // periods, days or names, in order
    std::vector<ChartSeries> series;      // each with one point per category
    std::optional<double> threshold;      // a horizontal reference line (line charts)
    std::string threshold_label;          // its legend, e.g. "Støttegrænse 20 %"
};

// Whether any series has a drawable value.
bool has_values(const Chart& chart);

// A line chart: categories along the horizontal axis at equal spacing, one line per series
// (broken where a value is missing), a legend when there is more than one series or a
// threshold, and the threshold as a dashed line across the plot.
std::string render_line_chart(const Chart& chart);

// A horizontal bar chart of the first series: one bar per category with its table text at the
// end of the bar (or at the axis when there is no value), category names along the left.
std::string render_bar_chart(const Chart& chart);

// The numbers of the chart as an accessible table: the title as <caption>, a column header per
// series (and the threshold, when set), a row header per category.
std::string render_chart_table(const Chart& chart);

// A tick label or value in the chart's unit: "1.234", "20 %", "2,5" (Danish) / "20%" (English).
std::string format_chart_value(double value, ChartUnit unit, core::Lang lang);

}  // namespace samskab::analytics
