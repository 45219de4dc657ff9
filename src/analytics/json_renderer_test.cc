#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "analytics/figures.h"
#include "analytics/report.h"
#include "analytics/sample_report.h"

namespace samskab::analytics {
namespace {

using Json = nlohmann::ordered_json;
using testing::sample_dataset;
using testing::sample_request;

Json report_json(const ReportRequest& request) {
    const auto text = render_report(sample_dataset(), request);
    EXPECT_TRUE(text.has_value());
    return Json::parse(*text);
}

std::vector<std::string> keys_of(const Json& object) {
    std::vector<std::string> keys;
    for (const auto& item : object.items()) {
        keys.push_back(item.key());
    }
    return keys;
}

// The keys of INDICATORS.md in order: top-level keys, and each group once where it starts.
std::vector<std::string> expected_top_level_keys() {
    std::vector<std::string> keys = {"from", "to"};
    for (const std::string_view key : FIGURE_KEYS) {
        const std::string top(group_of(key).empty() ? key : group_of(key));
        if (keys.back() != top) {
            keys.push_back(top);
        }
    }
    return keys;
}

TEST(JsonRenderer, HasExactlyTheIndicatorKeys) {
    const Json json = report_json(sample_request(Format::Json));
    EXPECT_EQ(keys_of(json), expected_top_level_keys());
    EXPECT_EQ(keys_of(json["daily"]),
              (std::vector<std::string>{"days", "mean_support_share", "max_support_share",
                                        "days_over_threshold"}));
    EXPECT_EQ(keys_of(json["reach"]), (std::vector<std::string>{"cohort", "reached", "share"}));
    EXPECT_EQ(keys_of(json["entry_channels"]),
              (std::vector<std::string>{"companion", "host", "coordinator", "network", "outreach",
                                        "self"}));
    EXPECT_EQ(keys_of(json["roles"]),
              (std::vector<std::string>{"flexible_share", "initiator_share"}));
    EXPECT_EQ(keys_of(json["bridging"]),
              (std::vector<std::string>{"focus", "mostly_bridging_share", "mean_ei"}));
    EXPECT_EQ(keys_of(json["meetings"]),
              (std::vector<std::string>{"size_min", "size_median", "size_max"}));
    EXPECT_EQ(keys_of(json["pathways"]),
              (std::vector<std::string>{"job", "education", "association", "internship",
                                        "volunteering"}));
}

TEST(JsonRenderer, Values) {
    const Json json = report_json(sample_request(Format::Json));
    EXPECT_EQ(json["from"], "2017-01-01");
    EXPECT_EQ(json["to"], "2017-02-28");
    EXPECT_EQ(json["participants"], 17);
    EXPECT_DOUBLE_EQ(json["support_share"].get<double>(), 10.0 / 17.0);
    EXPECT_EQ(json["participations"], 2);
    EXPECT_EQ(json["daily"]["days"], 3);
    EXPECT_DOUBLE_EQ(json["daily"]["max_support_share"].get<double>(), 10.0 / 15.0);
    EXPECT_EQ(json["entry_channels"]["network"], 7);
    EXPECT_EQ(json["entry_channels"]["coordinator"], 7);
    EXPECT_EQ(json["entry_channels"]["companion"], 3);
    EXPECT_TRUE(json["meetings"]["size_median"].is_number_integer());
    EXPECT_EQ(json["meetings"]["size_median"], 2);
    // Undefined: nobody has a companion link, nobody in focus, no one with two participations.
    EXPECT_TRUE(json["reach"]["share"].is_null());
    EXPECT_EQ(json["reach"]["cohort"], 0);
    EXPECT_TRUE(json["bridging"]["mean_ei"].is_null());
    EXPECT_TRUE(json["roles"]["flexible_share"].is_null());
    EXPECT_FALSE(json.contains("suppressed"));
    EXPECT_FALSE(json.contains("suppression_k"));
}

TEST(JsonRenderer, SuppressedCellsAreMarked) {
    ReportRequest request = sample_request(Format::Json);
    request.suppress_k = 5;
    const Json json = report_json(request);
    EXPECT_EQ(keys_of(json).back(), "suppression_k");
    EXPECT_EQ(json["suppression_k"], 5);
    EXPECT_EQ(json["participants"], 17);
    EXPECT_EQ(json["participations"], "<5");
    EXPECT_EQ(json["meetings"]["size_max"], "<5");
    // 1 of 2 participations: both sides small.
    EXPECT_TRUE(json["support_participation_share"].is_null());
    // 10 of 17 is shown.
    EXPECT_DOUBLE_EQ(json["support_share"].get<double>(), 10.0 / 17.0);
    // Entry channels 3, 0, 7, 7, 0, 0: the four below 5 sum to 3, so the smaller of the two 7s
    // (the first, coordinator) is hidden too; network stays.
    EXPECT_EQ(json["entry_channels"]["companion"], "<5");
    EXPECT_TRUE(json["entry_channels"]["coordinator"].is_null());
    EXPECT_EQ(json["entry_channels"]["network"], 7);
    const Json& suppressed = json["suppressed"];
    EXPECT_EQ(suppressed["participations"], true);
    EXPECT_EQ(suppressed["support_participation_share"], true);
    EXPECT_EQ(suppressed["entry_channels.coordinator"], true);
    EXPECT_EQ(suppressed["entry_channels.companion"], true);
    EXPECT_FALSE(suppressed.contains("participants"));
    EXPECT_FALSE(suppressed.contains("entry_channels.network"));
    for (const auto& item : suppressed.items()) {
        EXPECT_EQ(item.value(), true);
    }
}

TEST(JsonRenderer, SuppressionUsesTheGivenK) {
    ReportRequest request = sample_request(Format::Json);
    request.suppress_k = 3;
    const Json json = report_json(request);
    EXPECT_EQ(json["participations"], "<3");
    // The three 0s are below 3 but sum to 0: companion (3, the smallest shown) is hidden as
    // well, and then the hidden cells sum to 3.
    EXPECT_EQ(json["entry_channels"]["host"], "<3");
    EXPECT_TRUE(json["entry_channels"]["companion"].is_null());
    EXPECT_EQ(json["entry_channels"]["coordinator"], 7);
    EXPECT_EQ(json["entry_channels"]["network"], 7);
}

TEST(JsonRenderer, SlicesByMonth) {
    const Json json = report_json(sample_request(Format::Json, core::Lang::Da, SliceBy::Month));
    EXPECT_EQ(keys_of(json), (std::vector<std::string>{"slices"}));
    ASSERT_EQ(json["slices"].size(), 2u);
    const Json& january = json["slices"][0];
    const Json& february = json["slices"][1];
    EXPECT_EQ(keys_of(january), expected_top_level_keys());
    EXPECT_EQ(january["from"], "2017-01-01");
    EXPECT_EQ(january["to"], "2017-01-31");
    EXPECT_EQ(february["from"], "2017-02-01");
    EXPECT_EQ(february["to"], "2017-02-28");
    EXPECT_EQ(january["participants"], 10);
    EXPECT_EQ(february["participants"], 15);
    EXPECT_DOUBLE_EQ(january["support_share"].get<double>(), 0.3);
    // The meeting is in January only.
    EXPECT_EQ(january["meetings"]["size_min"], 2);
    EXPECT_TRUE(february["meetings"]["size_min"].is_null());
}

TEST(JsonRenderer, EmptyPeriod) {
    ReportRequest request = sample_request(Format::Json);
    request.period = {testing::day("2019-01-01"), testing::day("2019-12-31")};
    const Json json = report_json(request);
    EXPECT_EQ(json["participants"], 0);
    EXPECT_EQ(json["occurrences"], 0);
    EXPECT_EQ(json["daily"]["days"], 0);
    EXPECT_TRUE(json["support_share"].is_null());
    EXPECT_TRUE(json["daily"]["mean_support_share"].is_null());
    EXPECT_TRUE(json["occurrences_with_support_share"].is_null());
    EXPECT_TRUE(json["meetings"]["size_min"].is_null());
}

}  // namespace
}  // namespace samskab::analytics
