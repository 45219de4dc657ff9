#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "analytics/report.h"
#include "analytics/sample_report.h"

namespace samskab::analytics {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::sample_dataset;
using testing::sample_request;
using ::testing::StartsWith;

std::string render(const ReportRequest& request) {
    const auto html = render_report(sample_dataset(), request);
    EXPECT_TRUE(html.has_value());
    return *html;
}

size_t occurrences(const std::string& text, const std::string& part) {
    size_t count = 0;
    for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
        ++count;
    }
    return count;
}

TEST(HtmlRenderer, SelfContainedDocument) {
    const std::string html = render(sample_request(Format::Html));
    EXPECT_THAT(html, StartsWith("<!DOCTYPE html>\n<html lang=\"da\">"));
    EXPECT_THAT(html, HasSubstr("<meta charset=\"utf-8\">"));
    EXPECT_THAT(html, HasSubstr("<h1>samskab-rapport for alle steder</h1>"));
    EXPECT_THAT(html, HasSubstr("<p>Periode: 1. januar 2017 – 28. februar 2017</p>"));
    EXPECT_THAT(html, Not(HasSubstr("<script")));
    EXPECT_THAT(html, Not(HasSubstr("http")));
    EXPECT_THAT(html, Not(HasSubstr("src=")));
    EXPECT_THAT(html, Not(HasSubstr("<link")));
    EXPECT_THAT(html, HasSubstr("</html>\n"));
}

TEST(HtmlRenderer, AccessibleTables) {
    const std::string html = render(sample_request(Format::Html));
    // One table per section, each with a caption and column headers, and one per chart.
    EXPECT_EQ(occurrences(html, "<table>"), 9u);
    EXPECT_EQ(occurrences(html, "<table class=\"table samskab-chart-table\">"), 3u);
    EXPECT_EQ(occurrences(html, "</table>"), 12u);
    EXPECT_EQ(occurrences(html, "<caption>"), 12u);
    EXPECT_EQ(occurrences(html, "<th scope=\"col\">Nøgletal</th>"), 9u);
    // One row header per figure, and per bar of the charts (6 entry channels, 2 roles, 3 sizes).
    EXPECT_EQ(occurrences(html, "<th scope=\"row\">"), 36u + 11u);
    EXPECT_THAT(html, HasSubstr("<caption>Deltagelse</caption>"));
    EXPECT_THAT(html, HasSubstr("<tr><th scope=\"row\">Andel nået</th>"
                                "<td class=\"value\">kan ikke beregnes</td>"
                                "<td>kan ikke beregnes — ingen i nævneren.</td></tr>"));
    EXPECT_THAT(html, HasSubstr("<tr><th scope=\"row\">Deltagere</th><td class=\"value\">17</td>"
                                "<td>17 personer deltog i mindst én aktivitet eller kom i huset."
                                "</td></tr>"));
}

TEST(HtmlRenderer, ChartsWithTheirTables) {
    const std::string html = render(sample_request(Format::Html));
    // One period: no trend, the three distributions of the slice, each an image with a text
    // alternative and its numbers beside it, kept together on a printed page.
    EXPECT_THAT(html, Not(HasSubstr("samskab-chart-line")));
    EXPECT_EQ(occurrences(html, "<figure class=\"chart\">\n<svg "), 3u);
    EXPECT_EQ(occurrences(html, "role=\"img\""), 3u);
    EXPECT_THAT(html, HasSubstr("aria-labelledby=\"slice-1-entry-title slice-1-entry-desc\""));
    EXPECT_THAT(html, HasSubstr("<caption>Hvordan nye deltagere kom ind</caption>"));
    EXPECT_THAT(html, HasSubstr("<tr><th scope=\"row\">Via netværk</th><td>7</td></tr>"));
    EXPECT_THAT(html, HasSubstr("</svg>\n<table class=\"table samskab-chart-table\">"));
    EXPECT_THAT(html, HasSubstr("figure.chart { margin: 1.5rem 0; page-break-inside: avoid;"));
}

TEST(HtmlRenderer, EscapesTextFromData) {
    ReportRequest request = sample_request(Format::Html);
    request.scope = {ScopeKind::Place, testing::SAMPLE_PLACE};
    const std::string html = render(request);
    EXPECT_THAT(html, HasSubstr("<h1>samskab-rapport for stedet &quot;hus&lt;&amp;&gt;&quot;"
                                "&quot;</h1>"));
    EXPECT_THAT(html, Not(HasSubstr("hus<&>")));
}

TEST(HtmlRenderer, EnglishAndSlices) {
    ReportRequest request = sample_request(Format::Html, core::Lang::En, SliceBy::Month);
    request.suppress_k = 5;
    const std::string html = render(request);
    EXPECT_THAT(html, StartsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
    // The trends, then one section per month.
    EXPECT_EQ(occurrences(html, "<section "), 3u);
    EXPECT_THAT(html, HasSubstr("<h2 id=\"trends\">Trends over time</h2>"));
    EXPECT_EQ(occurrences(html, "<svg class=\"samskab-chart-svg samskab-chart-line\""), 2u);
    EXPECT_THAT(html, HasSubstr("<h2 id=\"slice-1\">1 January 2017 – 31 January 2017</h2>"));
    EXPECT_THAT(html, HasSubstr("<h2 id=\"slice-2\">1 February 2017 – 28 February 2017</h2>"));
    EXPECT_THAT(html, HasSubstr("(+5 since the previous period)"));
    // "<5" from a suppressed count is escaped like any other text.
    EXPECT_THAT(html, HasSubstr("<td class=\"value\">&lt;5</td>"));
    EXPECT_THAT(html, HasSubstr("<tr><th scope=\"row\">Share needing support</th>"
                                "<td class=\"value\">hidden</td>"
                                "<td>hidden to protect small groups.</td></tr>"));
    EXPECT_THAT(html, HasSubstr("<tr><th scope=\"row\">Share reached</th>"
                                "<td class=\"value\">hidden</td>"));
}

}  // namespace
}  // namespace samskab::analytics
