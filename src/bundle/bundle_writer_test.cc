#include "bundle/bundle_writer.h"

#include <gtest/gtest.h>

#include "bundle/bundle_reader.h"
#include "bundle/bundle_test_support.h"

namespace samskab::bundle {
namespace {

TEST(BundleWriter, EscapesOnlyWhatJsonRequires) {
    std::string out;
    append_json_string(out, "Åse \"Ø\" \\ 🌻\n\t\x01");
    EXPECT_EQ(out, "\"Åse \\\"Ø\\\" \\\\ 🌻\\n\\t\\u0001\"");
}

TEST(BundleWriter, WritesEveryCollectionAndNullsForAbsentFields) {
    core::Bundle b;
    b.people.push_back({"p1", "Åse", false, std::nullopt, std::nullopt, {}});
    const std::string text = write_bundle_text(b);
    EXPECT_NE(text.find("\"format\": \"samskab-bundle/1\""), std::string::npos);
    EXPECT_NE(
        text.find(R"({"id":"p1","name":"Åse","support_need":false,"joined":null,)"
                  R"("entry_channel":null,"consent":{"support_need":false,"pathways":false}})"),
        std::string::npos)
        << text;
    for (const char* key : {"partnerships", "places", "companions", "activities", "occurrences",
                            "participations", "visits", "relations", "pathways"}) {
        EXPECT_NE(text.find(std::string("\"") + key + "\": []"), std::string::npos) << key;
    }
}

TEST(BundleWriter, WhatIsWrittenReadsBackToTheSameDocument) {
    const ReadResult first =
        read_bundle_text(testing::read_test_file("bundles/small.json"), core::Lang::En);
    ASSERT_TRUE(first.issues.empty());
    const std::string written = write_bundle_text(first.bundle);
    const ReadResult second = read_bundle_text(written, core::Lang::En);
    ASSERT_TRUE(second.issues.empty()) << core::to_string(second.issues.front());
    EXPECT_EQ(write_bundle_text(second.bundle), written);
    EXPECT_NE(written.find("Åse Ærø 🌻"), std::string::npos);
    EXPECT_NE(written.find(R"("support_threshold":0.2)"), std::string::npos);
}

}  // namespace
}  // namespace samskab::bundle
