#include "analytics/svg_chart.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

#include <fmt/format.h>

#include "analytics/format.h"
#include "analytics/html_escape.h"

namespace samskab::analytics {

namespace {

constexpr int WIDTH = 640;
constexpr int FONT_SIZE = 12;

// Line chart geometry.
constexpr int LINE_LEFT = 72;
constexpr int LINE_RIGHT = WIDTH - 16;
constexpr int LINE_TOP = 16;
constexpr int LINE_HEIGHT = 200;
constexpr int LINE_INSET = 16;   // between the axis and the first and last category
constexpr int MAX_X_LABELS = 6;  // more would overlap
constexpr int MAX_MARKED = 40;   // longer series get markers only where highlighted
constexpr int LEGEND_ROW = 20;

// Bar chart geometry: names on the left, room for the value text after the longest bar.
constexpr int BAR_LEFT = 208;
constexpr int BAR_RIGHT = WIDTH - 88;
constexpr int BAR_TOP = 16;
constexpr int BAR_ROW = 28;
constexpr int BAR_THICKNESS = 18;

// Colours with at least 4.5:1 contrast on white, each series also with its own dash pattern and
// marker shape, so that a black-and-white print keeps them apart.
constexpr std::array<std::string_view, 4> COLOURS = {"#0059b3", "#a34700", "#1a1a1a", "#6b2d8c"};
constexpr std::array<std::string_view, 4> DASHES = {"", "6 4", "2 3", "10 3 2 3"};
constexpr std::string_view THRESHOLD_COLOUR = "#b30000";
constexpr std::string_view GRID_COLOUR = "#d9d9d9";
constexpr std::string_view AXIS_COLOUR = "#1a1a1a";

std::string num(double value) {
    // One decimal is finer than a pixel; "-0.0" never appears.
    std::string text = fmt::format("{:.1f}", value);
    return text == "-0.0" ? "0.0" : text;
}

std::string esc(std::string_view text) {
    return html_escape(text);
}

struct Scale {
    double top = 1.0;
    double step = 0.25;
};

// The axis's upper end and tick step: a step of 1, 2, 2.5 or 5 times a power of ten giving at
// most five intervals, whole for counts, and never past 100 % for shares.
Scale scale_for(double max, ChartUnit unit) {
    if (!(max > 0.0)) {
        return unit == ChartUnit::Share ? Scale{0.25, 0.05} : Scale{4.0, 1.0};
    }
    const double raw = max / 4.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = 10.0 * magnitude;
    for (double multiple : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (multiple * magnitude >= raw) {
            step = multiple * magnitude;
            break;
        }
    }
    if (unit != ChartUnit::Share && step < 1.0) {
        step = 1.0;
    }
    if (unit != ChartUnit::Share && step == 2.5) {
        step = 5.0;  // whole ticks only
    }
    double top = std::ceil(max / step - 1e-9) * step;
    if (unit == ChartUnit::Share && top > 1.0) {
        top = 1.0;
    }
    return {top, step};
}

double max_value(const Chart& chart, bool with_threshold) {
    double max = 0.0;
    for (const ChartSeries& series : chart.series) {
        for (const ChartPoint& point : series.points) {
            if (point.value) {
                max = std::max(max, *point.value);
            }
        }
    }
    if (with_threshold && chart.threshold) {
        max = std::max(max, *chart.threshold);
    }
    return max;
}

void open_svg(std::string& out, const Chart& chart, int height, std::string_view kind) {
    const std::string id = esc(chart.id);
    out += "<svg class=\"samskab-chart-svg samskab-chart-" + std::string(kind) +
           "\" viewBox=\"0 0 " + std::to_string(WIDTH) + " " + std::to_string(height) +
           "\" width=\"" + std::to_string(WIDTH) + "\" height=\"" + std::to_string(height) +
           "\" role=\"img\" aria-labelledby=\"" + id + "-title " + id +
           "-desc\" font-family=\"sans-serif\" font-size=\"" + std::to_string(FONT_SIZE) + "\">\n";
    out += "<title id=\"" + id + "-title\">" + esc(chart.title) + "</title>\n";
    out += "<desc id=\"" + id + "-desc\">" + esc(chart.description) + "</desc>\n";
    out += "<rect x=\"0\" y=\"0\" width=\"" + std::to_string(WIDTH) + "\" height=\"" +
           std::to_string(height) + "\" fill=\"#ffffff\"/>\n";
}

void text_at(std::string& out, double x, double y, std::string_view anchor, std::string_view text,
             std::string_view extra = {}) {
    out += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + std::string(anchor) +
           "\"" + std::string(extra) + " fill=\"#1a1a1a\">" + esc(text) + "</text>\n";
}

// A marker of shape `shape` (0 circle, 1 square, 2 triangle, 3 diamond) centred on (x, y).
void marker(std::string& out, size_t shape, double x, double y, std::string_view colour) {
    const std::string fill = " fill=\"" + std::string(colour) + "\"";
    switch (shape % 4) {
        case 0:
            out += "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"4\"" + fill + "/>\n";
            break;
        case 1:
            out += "<rect x=\"" + num(x - 4) + "\" y=\"" + num(y - 4) +
                   "\" width=\"8\" height=\"8\"" + fill + "/>\n";
            break;
        case 2:
            out += "<path d=\"M" + num(x) + " " + num(y - 5) + " L" + num(x + 5) + " " +
                   num(y + 4) + " L" + num(x - 5) + " " + num(y + 4) + " Z\"" + fill + "/>\n";
            break;
        default:
            out += "<path d=\"M" + num(x) + " " + num(y - 5) + " L" + num(x + 5) + " " + num(y) +
                   " L" + num(x) + " " + num(y + 5) + " L" + num(x - 5) + " " + num(y) + " Z\"" +
                   fill + "/>\n";
            break;
    }
}

// A highlighted point: a large open triangle with a heavy outline, unlike any series marker.
void highlight(std::string& out, double x, double y) {
    out += "<path class=\"samskab-chart-highlight\" d=\"M" + num(x) + " " + num(y - 8) + " L" +
           num(x + 7) + " " + num(y + 5) + " L" + num(x - 7) + " " + num(y + 5) +
           " Z\" fill=\"#ffffff\" stroke=\"" + std::string(THRESHOLD_COLOUR) +
           "\" stroke-width=\"2\"/>\n";
}

std::string dash_attribute(std::string_view dash) {
    return dash.empty() ? std::string() : " stroke-dasharray=\"" + std::string(dash) + "\"";
}

}  // namespace

std::string format_chart_value(double value, ChartUnit unit, core::Lang lang) {
    switch (unit) {
        case ChartUnit::Share:
            return format_percent(value, lang);
        case ChartUnit::Size:
            return value == std::floor(value) ? format_count(std::llround(value), lang)
                                              : format_decimal(value, 1, lang);
        case ChartUnit::Count:
            break;
    }
    return format_count(std::llround(value), lang);
}

bool has_values(const Chart& chart) {
    for (const ChartSeries& series : chart.series) {
        for (const ChartPoint& point : series.points) {
            if (point.value) {
                return true;
            }
        }
    }
    return false;
}

std::string render_line_chart(const Chart& chart) {
    const size_t n = chart.categories.size();
    const bool legend = chart.series.size() > 1 || chart.threshold.has_value();
    const size_t legend_rows = legend ? chart.series.size() + (chart.threshold ? 1 : 0) : 0;
    const int axis_bottom = LINE_TOP + LINE_HEIGHT;
    const int height = axis_bottom + 56 + static_cast<int>(legend_rows) * LEGEND_ROW;
    const Scale scale = scale_for(max_value(chart, true), chart.unit);
    auto y_of = [&](double value) {
        return axis_bottom - std::clamp(value / scale.top, 0.0, 1.0) * LINE_HEIGHT;
    };
    auto x_of = [&](size_t i) {
        if (n <= 1) {
            return (LINE_LEFT + LINE_RIGHT) / 2.0;
        }
        const double span = LINE_RIGHT - LINE_LEFT - 2 * LINE_INSET;
        return LINE_LEFT + LINE_INSET + span * static_cast<double>(i) / static_cast<double>(n - 1);
    };

    std::string out;
    open_svg(out, chart, height, "line");
    // Value axis: grid lines and ticks.
    out += "<g class=\"samskab-chart-axis\">\n";
    const int ticks = static_cast<int>(std::lround(scale.top / scale.step));
    for (int t = 0; t <= ticks; ++t) {
        const double value = scale.step * t;
        const double y = y_of(value);
        out += "<line x1=\"" + num(LINE_LEFT) + "\" y1=\"" + num(y) + "\" x2=\"" + num(LINE_RIGHT) +
               "\" y2=\"" + num(y) + "\" stroke=\"" +
               std::string(t == 0 ? AXIS_COLOUR : GRID_COLOUR) + "\"/>\n";
        text_at(out, LINE_LEFT - 8, y + 4, "end",
                format_chart_value(value, chart.unit, chart.lang));
    }
    out += "<line x1=\"" + num(LINE_LEFT) + "\" y1=\"" + num(LINE_TOP) + "\" x2=\"" +
           num(LINE_LEFT) + "\" y2=\"" + num(axis_bottom) + "\" stroke=\"" +
           std::string(AXIS_COLOUR) + "\"/>\n";
    // Category axis: a tick at every category, a label at every `every`th.
    const size_t every = n <= MAX_X_LABELS ? 1 : (n + MAX_X_LABELS - 1) / MAX_X_LABELS;
    for (size_t i = 0; i < n; ++i) {
        const double x = x_of(i);
        out += "<line x1=\"" + num(x) + "\" y1=\"" + num(axis_bottom) + "\" x2=\"" + num(x) +
               "\" y2=\"" + num(axis_bottom + 4) + "\" stroke=\"" + std::string(AXIS_COLOUR) +
               "\"/>\n";
        if (i % every == 0) {
            text_at(out, x, axis_bottom + 18, "middle", chart.categories[i]);
        }
    }
    const double middle_y = LINE_TOP + LINE_HEIGHT / 2.0;
    text_at(out, (LINE_LEFT + LINE_RIGHT) / 2.0, axis_bottom + 40, "middle", chart.x_label,
            " class=\"samskab-chart-label\"");
    text_at(out, 16, middle_y, "middle", chart.y_label,
            " class=\"samskab-chart-label\" transform=\"rotate(-90 16 " + num(middle_y) + ")\"");
    out += "</g>\n";

    if (chart.threshold) {
        const double y = y_of(*chart.threshold);
        out += "<line class=\"samskab-chart-threshold\" x1=\"" + num(LINE_LEFT) + "\" y1=\"" +
               num(y) + "\" x2=\"" + num(LINE_RIGHT) + "\" y2=\"" + num(y) + "\" stroke=\"" +
               std::string(THRESHOLD_COLOUR) + "\" stroke-width=\"2\" stroke-dasharray=\"8 4\"/>\n";
    }

    for (size_t s = 0; s < chart.series.size(); ++s) {
        const ChartSeries& series = chart.series[s];
        const std::string_view colour = COLOURS[s % COLOURS.size()];
        std::string path;
        bool pen_down = false;
        for (size_t i = 0; i < n && i < series.points.size(); ++i) {
            const ChartPoint& point = series.points[i];
            if (!point.value) {
                pen_down = false;
                continue;
            }
            path += (path.empty() ? "" : " ") + std::string(pen_down ? "L" : "M") + num(x_of(i)) +
                    " " + num(y_of(*point.value));
            pen_down = true;
        }
        out +=
            "<g class=\"samskab-chart-series samskab-chart-series-" + std::to_string(s) + "\">\n";
        if (!path.empty()) {
            // A long series (a year of days) is drawn thin, or its zigzag reads as a filled area.
            out += "<path d=\"" + path + "\" fill=\"none\" stroke=\"" + std::string(colour) +
                   "\" stroke-width=\"" + (n <= MAX_MARKED ? "2" : "1") + "\"" +
                   dash_attribute(DASHES[s % DASHES.size()]) + "/>\n";
        }
        for (size_t i = 0; i < n && i < series.points.size(); ++i) {
            const ChartPoint& point = series.points[i];
            if (!point.value) {
                continue;
            }
            if (point.highlight) {
                highlight(out, x_of(i), y_of(*point.value));
            } else if (n <= MAX_MARKED) {
                marker(out, s, x_of(i), y_of(*point.value), colour);
            }
        }
        out += "</g>\n";
    }

    if (legend) {
        double y = axis_bottom + 64;
        out += "<g class=\"samskab-chart-legend\">\n";
        for (size_t s = 0; s < chart.series.size(); ++s, y += LEGEND_ROW) {
            const std::string_view colour = COLOURS[s % COLOURS.size()];
            out += "<line x1=\"" + num(LINE_LEFT) + "\" y1=\"" + num(y - 4) + "\" x2=\"" +
                   num(LINE_LEFT + 32) + "\" y2=\"" + num(y - 4) + "\" stroke=\"" +
                   std::string(colour) + "\" stroke-width=\"2\"" +
                   dash_attribute(DASHES[s % DASHES.size()]) + "/>\n";
            marker(out, s, LINE_LEFT + 16, y - 4, colour);
            text_at(out, LINE_LEFT + 40, y, "start", chart.series[s].label);
        }
        if (chart.threshold) {
            out += "<line x1=\"" + num(LINE_LEFT) + "\" y1=\"" + num(y - 4) + "\" x2=\"" +
                   num(LINE_LEFT + 32) + "\" y2=\"" + num(y - 4) + "\" stroke=\"" +
                   std::string(THRESHOLD_COLOUR) +
                   "\" stroke-width=\"2\" stroke-dasharray=\"8 4\"/>\n";
            text_at(out, LINE_LEFT + 40, y, "start", chart.threshold_label);
        }
        out += "</g>\n";
    }
    out += "</svg>\n";
    return out;
}

std::string render_bar_chart(const Chart& chart) {
    const size_t n = chart.categories.size();
    const int axis_bottom = BAR_TOP + static_cast<int>(n) * BAR_ROW;
    const int height = axis_bottom + 52;
    const Scale scale = scale_for(max_value(chart, false), chart.unit);
    auto x_of = [&](double value) {
        return BAR_LEFT + std::clamp(value / scale.top, 0.0, 1.0) * (BAR_RIGHT - BAR_LEFT);
    };
    static const ChartSeries NONE;
    const ChartSeries& series = chart.series.empty() ? NONE : chart.series.front();

    std::string out;
    open_svg(out, chart, height, "bar");
    out += "<g class=\"samskab-chart-axis\">\n";
    const int ticks = static_cast<int>(std::lround(scale.top / scale.step));
    for (int t = 0; t <= ticks; ++t) {
        const double value = scale.step * t;
        const double x = x_of(value);
        out += "<line x1=\"" + num(x) + "\" y1=\"" + num(BAR_TOP) + "\" x2=\"" + num(x) +
               "\" y2=\"" + num(axis_bottom + 4) + "\" stroke=\"" +
               std::string(t == 0 ? AXIS_COLOUR : GRID_COLOUR) + "\"/>\n";
        text_at(out, x, axis_bottom + 18, "middle",
                format_chart_value(value, chart.unit, chart.lang));
    }
    out += "<line x1=\"" + num(BAR_LEFT) + "\" y1=\"" + num(axis_bottom) + "\" x2=\"" +
           num(BAR_RIGHT) + "\" y2=\"" + num(axis_bottom) + "\" stroke=\"" +
           std::string(AXIS_COLOUR) + "\"/>\n";
    text_at(out, (BAR_LEFT + BAR_RIGHT) / 2.0, axis_bottom + 40, "middle", chart.y_label,
            " class=\"samskab-chart-label\"");
    // The category axis is named above the names, at the left edge.
    text_at(out, BAR_LEFT - 8, BAR_TOP - 4, "end", chart.x_label,
            " class=\"samskab-chart-label\" font-weight=\"bold\"");
    out += "</g>\n<g class=\"samskab-chart-series samskab-chart-series-0\">\n";
    for (size_t i = 0; i < n; ++i) {
        const double row_top = BAR_TOP + static_cast<double>(i) * BAR_ROW;
        const double bar_top = row_top + (BAR_ROW - BAR_THICKNESS) / 2.0;
        const double baseline = bar_top + BAR_THICKNESS / 2.0 + 4;
        text_at(out, BAR_LEFT - 8, baseline, "end", chart.categories[i]);
        const ChartPoint* point = i < series.points.size() ? &series.points[i] : nullptr;
        double end = BAR_LEFT;
        if (point != nullptr && point->value) {
            end = x_of(*point->value);
            // A dark fill with a black outline: solid in colour and in black and white.
            out += "<rect x=\"" + num(BAR_LEFT) + "\" y=\"" + num(bar_top) + "\" width=\"" +
                   num(end - BAR_LEFT) + "\" height=\"" + num(BAR_THICKNESS) + "\" fill=\"" +
                   std::string(COLOURS[0]) + "\" stroke=\"#1a1a1a\"/>\n";
        }
        if (point != nullptr) {
            text_at(out, end + 6, baseline, "start", point->text);
        }
    }
    out += "</g>\n</svg>\n";
    return out;
}

std::string render_chart_table(const Chart& chart) {
    std::string out = "<table class=\"table samskab-chart-table\">\n<caption>" + esc(chart.title);
    if (chart.threshold) {
        out += " (" + esc(chart.threshold_label) + ")";
    }
    out += "</caption>\n<thead><tr><th scope=\"col\">" + esc(chart.x_label) + "</th>";
    for (const ChartSeries& series : chart.series) {
        out += "<th scope=\"col\">" + esc(series.label) + "</th>";
    }
    out += "</tr></thead>\n<tbody>\n";
    for (size_t i = 0; i < chart.categories.size(); ++i) {
        out += "<tr><th scope=\"row\">" + esc(chart.categories[i]) + "</th>";
        for (const ChartSeries& series : chart.series) {
            out += "<td>" + (i < series.points.size() ? esc(series.points[i].text) : "") + "</td>";
        }
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
    return out;
}

}  // namespace samskab::analytics
