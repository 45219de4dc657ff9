#include "core/name_redaction.h"

#include <gtest/gtest.h>

namespace samskab::core {
namespace {

TEST(NameRedaction, EveryOccurrenceIgnoringCaseIsReplaced) {
    EXPECT_EQ(redact_name("ÅSE kom, og åse smilede; Åses kop", "Åse"),
              "[anonym] kom, og [anonym] smilede; [anonym]s kop");
    EXPECT_EQ(redact_name("Bo hjalp til", "Åse"), "Bo hjalp til");
    EXPECT_EQ(redact_name("Åse", " "), "Åse");
    EXPECT_TRUE(names_person("med ANNA JENSEN i dag", "Anna Jensen"));
    EXPECT_FALSE(names_person("med Anna i dag", "Anna Jensen"));
}

TEST(NameRedaction, AQuoteStaysInsideItsRedactedNote) {
    const std::string note = "Anna Jensen sagde: jeg kom med Carl.";
    const std::string redacted = redact_name(note, "Anna Jensen");
    for (const char* quote : {"Anna Jensen sagde", "na Jensen sagde", "jeg kom med Carl", "Jens"}) {
        const std::string next = redact_quote(quote, note, "Anna Jensen");
        EXPECT_NE(redacted.find(next), std::string::npos) << quote << " -> " << next;
        EXPECT_EQ(next.find("Jens"), std::string::npos) << quote << " -> " << next;
    }
    EXPECT_EQ(redact_quote("na Jensen sagde", note, "Anna Jensen"), "[anonym] sagde");
    EXPECT_EQ(redact_quote("jeg kom med Carl", note, "Anna Jensen"), "jeg kom med Carl");
    EXPECT_EQ(redact_quote("Anna Jensen kom", "andet", "Anna Jensen"), "[anonym] kom");
}

}  // namespace
}  // namespace samskab::core
