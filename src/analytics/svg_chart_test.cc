#include "analytics/svg_chart.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace samskab::analytics {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

size_t occurrences(const std::string& text, const std::string& part) {
    size_t count = 0;
    for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
        ++count;
    }
    return count;
}

Chart sample_line() {
    Chart chart;
    chart.id = "c1";
    chart.title = "Deltagere";
    chart.description = "Linjediagram over deltagere.";
    chart.x_label = "Periode";
    chart.y_label = "Antal";
    chart.categories = {"K1 2026", "K2 2026", "K3 2026"};
    chart.series = {{"Deltagere", {{10.0, "10"}, {std::nullopt, "<5"}, {30.0, "30"}}},
                    {"Frivillige", {{5.0, "5"}, {6.0, "6"}, {7.0, "7"}}}};
    return chart;
}

TEST(SvgChart, LineChartStructure) {
    const std::string svg = render_line_chart(sample_line());
    EXPECT_THAT(svg, StartsWith("<svg class=\"samskab-chart-svg samskab-chart-line\""));
    EXPECT_THAT(svg, HasSubstr("role=\"img\" aria-labelledby=\"c1-title c1-desc\""));
    EXPECT_THAT(svg, HasSubstr("<title id=\"c1-title\">Deltagere</title>"));
    EXPECT_THAT(svg, HasSubstr("<desc id=\"c1-desc\">Linjediagram over deltagere.</desc>"));
    // Labelled axes, category ticks and value ticks (0 to 30 in steps of 10).
    EXPECT_THAT(svg, HasSubstr(">Periode</text>"));
    EXPECT_THAT(svg, HasSubstr("transform=\"rotate(-90 16 116.0)\" fill=\"#1a1a1a\">Antal</text>"));
    EXPECT_THAT(svg, HasSubstr(">K1 2026</text>"));
    EXPECT_THAT(svg, HasSubstr(">K3 2026</text>"));
    for (const char* tick : {">0</text>", ">10</text>", ">20</text>", ">30</text>"}) {
        EXPECT_THAT(svg, HasSubstr(tick));
    }
    EXPECT_THAT(svg, Not(HasSubstr(">40</text>")));
    // The missing value breaks the line: two moves in the first series, one in the second.
    EXPECT_THAT(svg, HasSubstr("<path d=\"M88.0 149.3 M608.0 16.0\""));
    EXPECT_THAT(svg, HasSubstr("<path d=\"M88.0 182.7 L348.0 176.0 L608.0 169.3\""));
    // Series differ by dash and marker, not only by colour; two series get a legend.
    EXPECT_THAT(svg, HasSubstr("stroke-dasharray=\"6 4\""));
    EXPECT_EQ(occurrences(svg, "<circle "), 3u);        // two points of series 1, and its legend
    EXPECT_EQ(occurrences(svg, "<rect x=\"") - 1, 4u);  // the background, then squares
    EXPECT_THAT(svg, HasSubstr("class=\"samskab-chart-legend\""));
    EXPECT_THAT(svg, HasSubstr(">Frivillige</text>"));
    // No inline style (the pages' CSP forbids it), no script, and a closed element.
    EXPECT_THAT(svg, Not(HasSubstr("style")));
    EXPECT_THAT(svg, Not(HasSubstr("<script")));
    EXPECT_THAT(svg, HasSubstr("</svg>\n"));
}

TEST(SvgChart, DeterministicOutput) {
    EXPECT_EQ(render_line_chart(sample_line()), render_line_chart(sample_line()));
    Chart bars = sample_line();
    EXPECT_EQ(render_bar_chart(bars), render_bar_chart(bars));
    EXPECT_EQ(render_chart_table(bars), render_chart_table(bars));
}

TEST(SvgChart, EscapesEveryText) {
    Chart chart = sample_line();
    chart.id = "a\"b";
    chart.title = "<b>&title";
    chart.description = "</desc><script>";
    chart.x_label = "x<";
    chart.y_label = "y>";
    chart.categories[0] = "\"cat\"";
    chart.series[0].label = "s'1";
    chart.series[0].points[0].text = "<5";
    chart.threshold = 0.5;
    chart.threshold_label = "<grænse>";
    for (const std::string& out :
         {render_line_chart(chart), render_bar_chart(chart), render_chart_table(chart)}) {
        EXPECT_THAT(out, Not(HasSubstr("<b>")));
        EXPECT_THAT(out, Not(HasSubstr("<script>")));
        EXPECT_THAT(out, Not(HasSubstr("\"cat\"")));
        EXPECT_THAT(out, Not(HasSubstr("a\"b")));
        EXPECT_THAT(out, Not(HasSubstr("<grænse>")));
    }
    const std::string svg = render_line_chart(chart);
    EXPECT_THAT(svg, HasSubstr("<title id=\"a&quot;b-title\">&lt;b&gt;&amp;title</title>"));
    EXPECT_THAT(svg, HasSubstr("&lt;/desc&gt;&lt;script&gt;</desc>"));
    EXPECT_THAT(svg, HasSubstr(">&quot;cat&quot;</text>"));
    EXPECT_THAT(svg, HasSubstr(">s&#39;1</text>"));
    EXPECT_THAT(svg, HasSubstr(">&lt;grænse&gt;</text>"));
    const std::string table = render_chart_table(chart);
    EXPECT_THAT(table, HasSubstr("<td>&lt;5</td>"));
}

TEST(SvgChart, ThresholdLineAndHighlightedPoints) {
    Chart chart;
    chart.id = "daily";
    chart.title = "Daglig andel";
    chart.unit = ChartUnit::Share;
    chart.categories = {"1.3.2026", "2.3.2026"};
    chart.series = {{"Andel", {{0.1, "10 %"}, {0.4, "40 % – over grænsen", true}}}};
    chart.threshold = 0.2;
    chart.threshold_label = "Støttegrænse 20 %";
    const std::string svg = render_line_chart(chart);
    // Axis to 40 % in steps of 10 %; the threshold at 20 %, half way up the 200 px plot.
    EXPECT_THAT(svg, HasSubstr(">40 %</text>"));
    EXPECT_THAT(svg, Not(HasSubstr(">50 %</text>")));
    EXPECT_THAT(svg, HasSubstr("<line class=\"samskab-chart-threshold\" x1=\"72.0\" y1=\"116.0\" "
                               "x2=\"624.0\" y2=\"116.0\" stroke=\"#b30000\" stroke-width=\"2\" "
                               "stroke-dasharray=\"8 4\"/>"));
    EXPECT_THAT(svg, HasSubstr(">Støttegrænse 20 %</text>"));
    EXPECT_EQ(occurrences(svg, "class=\"samskab-chart-highlight\""), 1u);
    EXPECT_THAT(render_chart_table(chart),
                HasSubstr("<caption>Daglig andel (Støttegrænse 20 %)</caption>"));

    // A long series has no markers but keeps its highlighted points.
    chart.categories.assign(100, "d");
    chart.series[0].points.assign(100, ChartPoint{0.1, "10 %"});
    chart.series[0].points[50] = ChartPoint{0.3, "30 %", true};
    const std::string longer = render_line_chart(chart);
    EXPECT_EQ(occurrences(longer, "<circle "), 1u);  // the legend's only
    EXPECT_THAT(longer, HasSubstr("fill=\"none\" stroke=\"#0059b3\" stroke-width=\"1\"/>"));
    EXPECT_EQ(occurrences(longer, "class=\"samskab-chart-highlight\""), 1u);
    // At most six category labels: every 17th of the 100.
    EXPECT_EQ(occurrences(longer, ">d</text>"), 6u);
}

TEST(SvgChart, ThresholdAboveTheValuesExtendsTheAxis) {
    Chart chart;
    chart.unit = ChartUnit::Share;
    chart.categories = {"a"};
    chart.series = {{"Andel", {{0.05, "5 %"}}}};
    chart.threshold = 0.6;
    chart.lang = core::Lang::En;
    const std::string svg = render_line_chart(chart);
    EXPECT_THAT(svg, HasSubstr(">60%</text>"));
    EXPECT_THAT(svg, Not(HasSubstr(">80%</text>")));
}

TEST(SvgChart, EmptyData) {
    Chart chart;
    chart.id = "empty";
    chart.title = "Ingen tal";
    EXPECT_FALSE(has_values(chart));
    const std::string line = render_line_chart(chart);
    EXPECT_THAT(line, HasSubstr("<title id=\"empty-title\">Ingen tal</title>"));
    EXPECT_THAT(line, Not(HasSubstr("<path")));
    EXPECT_THAT(line, HasSubstr(">0</text>"));
    EXPECT_THAT(line, HasSubstr("</svg>\n"));
    const std::string bar = render_bar_chart(chart);
    EXPECT_THAT(bar, HasSubstr("role=\"img\""));
    EXPECT_THAT(bar, HasSubstr("</svg>\n"));
    EXPECT_THAT(render_chart_table(chart), HasSubstr("<tbody>\n</tbody>"));

    chart.categories = {"a", "b"};
    chart.series = {{"Antal", {{std::nullopt, "skjult"}, {std::nullopt, "<5"}}}};
    EXPECT_FALSE(has_values(chart));
    EXPECT_THAT(render_line_chart(chart), Not(HasSubstr("<path d=")));
    // A bar without a value shows its text at the axis.
    EXPECT_THAT(render_bar_chart(chart), HasSubstr("<text x=\"214.0\" y=\"34.0\" "
                                                   "text-anchor=\"start\" fill=\"#1a1a1a\">"
                                                   "skjult</text>"));
}

TEST(SvgChart, BarChart) {
    Chart chart;
    chart.id = "entry";
    chart.title = "Indgange";
    chart.x_label = "Indgang";
    chart.y_label = "Nye deltagere";
    chart.categories = {"Via en vært", "På egen hånd"};
    chart.series = {{"Nye deltagere", {{3.0, "3"}, {12.0, "12"}}}};
    const std::string svg = render_bar_chart(chart);
    EXPECT_THAT(svg, StartsWith("<svg class=\"samskab-chart-svg samskab-chart-bar\""));
    EXPECT_THAT(svg, HasSubstr(">Via en vært</text>"));
    EXPECT_THAT(svg, HasSubstr(">Nye deltagere</text>"));
    EXPECT_THAT(svg, HasSubstr(">Indgang</text>"));
    // 0 to 15 in steps of 5 (whole ticks for counts); 12 of 15 is 4/5 of the 344 px.
    EXPECT_THAT(svg, HasSubstr(">15</text>"));
    EXPECT_THAT(svg, HasSubstr("<rect x=\"208.0\" y=\"49.0\" width=\"275.2\" height=\"18.0\""));
    EXPECT_THAT(svg, HasSubstr(">12</text>"));
    EXPECT_THAT(svg, Not(HasSubstr("style")));

    const std::string table = render_chart_table(chart);
    EXPECT_THAT(table, HasSubstr("<caption>Indgange</caption>"));
    EXPECT_THAT(table, HasSubstr("<th scope=\"col\">Indgang</th><th scope=\"col\">Nye deltagere"
                                 "</th>"));
    EXPECT_THAT(table, HasSubstr("<tr><th scope=\"row\">På egen hånd</th><td>12</td></tr>"));
}

TEST(SvgChart, ValueFormats) {
    EXPECT_EQ(format_chart_value(1234, ChartUnit::Count, core::Lang::Da), "1.234");
    EXPECT_EQ(format_chart_value(0.2, ChartUnit::Share, core::Lang::Da), "20 %");
    EXPECT_EQ(format_chart_value(0.2, ChartUnit::Share, core::Lang::En), "20%");
    EXPECT_EQ(format_chart_value(2.5, ChartUnit::Size, core::Lang::Da), "2,5");
    EXPECT_EQ(format_chart_value(3.0, ChartUnit::Size, core::Lang::En), "3");
}

}  // namespace
}  // namespace samskab::analytics
