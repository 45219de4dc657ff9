#include "analytics/phrases.h"

#include <gtest/gtest.h>

#include "analytics/figures.h"
#include "core/vocabulary.h"

namespace samskab::analytics {
namespace {

TEST(Phrases, EveryFigureHasTextsInBothLanguages) {
    for (const std::string_view key : FIGURE_KEYS) {
        const FigureText& text = figure_text(key);
        EXPECT_EQ(text.key, key);
        EXPECT_FALSE(text.label_da.empty()) << key;
        EXPECT_FALSE(text.label_en.empty()) << key;
        EXPECT_NE(text.sentence_da.find("{}"), std::string_view::npos) << key;
        EXPECT_NE(text.sentence_en.find("{}"), std::string_view::npos) << key;
    }
}

TEST(Phrases, GroupKeysFollowTheVocabulary) {
    for (size_t i = 0; i < core::COUNT<core::EntryChannel>; ++i) {
        EXPECT_EQ(name_of_key(FIGURE_KEYS[17 + i]), core::Names<core::EntryChannel>::VALUES[i]);
    }
    for (size_t i = 0; i < core::COUNT<core::PathwayKind>; ++i) {
        EXPECT_EQ(name_of_key(FIGURE_KEYS[31 + i]), core::Names<core::PathwayKind>::VALUES[i]);
    }
}

TEST(Phrases, SentencesTakeTheSingularForOne) {
    EXPECT_EQ(figure_sentence(core::Lang::Da, "participants", "1", true),
              "1 person deltog i mindst én aktivitet eller kom i huset");
    EXPECT_EQ(figure_sentence(core::Lang::Da, "participants", "2", false),
              "2 personer deltog i mindst én aktivitet eller kom i huset");
    EXPECT_EQ(figure_sentence(core::Lang::En, "participants", "2", false),
              "2 people took part in at least one activity or came to the house");
}

TEST(Phrases, SectionsAreContiguousInReportOrder) {
    Section previous = figure_text(FIGURE_KEYS[0]).section;
    for (const std::string_view key : FIGURE_KEYS) {
        const Section section = figure_text(key).section;
        EXPECT_GE(static_cast<int>(section), static_cast<int>(previous)) << key;
        previous = section;
    }
}

}  // namespace
}  // namespace samskab::analytics
