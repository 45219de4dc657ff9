#include <gtest/gtest.h>

#include "analytics/report.h"
#include "analytics/sample_report.h"

namespace samskab::analytics {
namespace {

using testing::sample_dataset;
using testing::sample_request;

std::vector<std::string> split(const std::string& text, const std::string& separator) {
    std::vector<std::string> parts;
    size_t start = 0;
    for (size_t at; (at = text.find(separator, start)) != std::string::npos;) {
        parts.push_back(text.substr(start, at - start));
        start = at + separator.size();
    }
    parts.push_back(text.substr(start));
    return parts;
}

std::string render(const ReportRequest& request) {
    const auto csv = render_report(sample_dataset(), request);
    EXPECT_TRUE(csv.has_value());
    return *csv;
}

TEST(CsvRenderer, BomHeaderAndOneRow) {
    const std::string csv = render(sample_request(Format::Csv));
    ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
    const auto lines = split(csv.substr(3), "\r\n");
    ASSERT_EQ(lines.size(), 3u);  // header, one row, and nothing after the last CR LF
    EXPECT_EQ(lines[2], "");
    const auto header = split(lines[0], ";");
    ASSERT_EQ(header.size(), 38u);
    EXPECT_EQ(header[0], "from");
    EXPECT_EQ(header[1], "to");
    EXPECT_EQ(header[2], "participants");
    EXPECT_EQ(header[7], "daily.days");
    EXPECT_EQ(header[37], "pathways.volunteering");
    const auto row = split(lines[1], ";");
    ASSERT_EQ(row.size(), 38u);
    EXPECT_EQ(row[0], "2017-01-01");
    EXPECT_EQ(row[1], "2017-02-28");
    EXPECT_EQ(row[2], "17");
    EXPECT_EQ(row[3], "0,5882352941");  // 10/17 with a decimal comma
    EXPECT_EQ(row[6], "0,5");
    // reach.cohort 0, reach.reached 0, reach.share undefined: an empty cell.
    EXPECT_EQ(row[11], "0");
    EXPECT_EQ(row[13], "");
    // No line feed without its carriage return.
    EXPECT_EQ(split(csv, "\n").size(), split(csv, "\r\n").size());
}

TEST(CsvRenderer, OneRowPerSlice) {
    const std::string csv = render(sample_request(Format::Csv, core::Lang::Da, SliceBy::Month));
    const auto lines = split(csv.substr(3), "\r\n");
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[1].substr(0, 27), "2017-01-01;2017-01-31;10;0,");
    EXPECT_EQ(lines[2].substr(0, 24), "2017-02-01;2017-02-28;15");
}

TEST(CsvRenderer, SuppressedCellsStayText) {
    ReportRequest request = sample_request(Format::Csv);
    request.suppress_k = 5;
    const auto row = split(split(render(request).substr(3), "\r\n")[1], ";");
    EXPECT_EQ(row[4], "<5");  // participations
    EXPECT_EQ(row[6], "");    // support_participation_share, hidden
    EXPECT_EQ(row[2], "17");
}

}  // namespace
}  // namespace samskab::analytics
