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
    // One table per section, each with a caption and column headers.
    EXPECT_EQ(occurrences(html, "<table>"), 9u);
    EXPECT_EQ(occurrences(html, "</table>"), 9u);
    EXPECT_EQ(occurrences(html, "<caption>"), 9u);
    EXPECT_EQ(occurrences(html, "<th scope=\"col\">Nøgletal</th>"), 9u);
    // One row header per figure.
    EXPECT_EQ(occurrences(html, "<th scope=\"row\">"), 36u);
    EXPECT_THAT(html, HasSubstr("<caption>Deltagelse</caption>"));
    EXPECT_THAT(html, HasSubstr("<tr><th scope=\"row\">Andel nået</th>"
                                "<td class=\"value\">kan ikke beregnes</td>"
                                "<td>kan ikke beregnes — ingen i nævneren.</td></tr>"));
    EXPECT_THAT(html, HasSubstr("<tr><th scope=\"row\">Deltagere</th><td class=\"value\">17</td>"
                                "<td>17 personer deltog i mindst én aktivitet eller kom i huset."
                                "</td></tr>"));
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
    EXPECT_EQ(occurrences(html, "<section "), 2u);
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
