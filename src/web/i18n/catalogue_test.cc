#include "web/i18n/catalogue.h"

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

namespace samskab::web::i18n {
namespace {

TEST(Catalogue, KeysAreUniqueAcrossAreas) {
    std::set<std::string_view> seen;
    for (const Entry& entry : all_entries()) {
        EXPECT_TRUE(seen.insert(entry.key).second) << "duplicate key " << entry.key;
    }
    EXPECT_EQ(seen.size(), common_entries().size() + participant_entries().size() +
                               host_entries().size() + coordinator_entries().size() +
                               privacy_entries().size() + dashboard_entries().size() +
                               evaluation_entries().size() + logbook_entries().size() +
                               survey_entries().size());
}

TEST(Catalogue, EveryTextIsThereInBothLanguages) {
    for (const Entry& entry : all_entries()) {
        EXPECT_FALSE(entry.key.empty());
        EXPECT_FALSE(entry.da.empty()) << entry.key << " has no Danish text";
        EXPECT_FALSE(entry.en.empty()) << entry.key << " has no English text";
        // Templates fill texts in as they are, so a text must not look like a tag.
        EXPECT_EQ(entry.da.find("{{"), std::string_view::npos) << entry.key;
        EXPECT_EQ(entry.en.find("{{"), std::string_view::npos) << entry.key;
    }
}

TEST(Catalogue, LooksUpByLanguage) {
    EXPECT_EQ(text(core::Lang::Da, "logout"), "Log ud");
    EXPECT_EQ(text(core::Lang::En, "logout"), "Log out");
    EXPECT_EQ(text(core::Lang::Da, "weekday_2"), "tirsdag");
    EXPECT_EQ(text(core::Lang::En, "month_12"), "December");
}

TEST(Catalogue, UnknownKeyIsABug) {
    EXPECT_THROW(text(core::Lang::Da, "no_such_key"), std::logic_error);
}

// Every {{t.key}} in every template names a catalogue text (rendering would throw otherwise;
// this finds it without rendering each page).
TEST(Catalogue, EveryKeyUsedInATemplateExists) {
    const std::filesystem::path dir =
        std::filesystem::path(SAMSKAB_SOURCE_DIR) / "src" / "web" / "views" / "templates";
    ASSERT_TRUE(std::filesystem::is_directory(dir)) << dir;
    std::set<std::string_view> keys;
    for (const Entry& entry : all_entries()) {
        keys.insert(entry.key);
    }
    const std::regex tag(R"(\{\{\s*([#^/]?)\s*t\.([A-Za-z0-9_]+)\s*\}\})");
    int files = 0;
    int uses = 0;
    for (const auto& file : std::filesystem::directory_iterator(dir)) {
        if (file.path().extension() != ".mustache") {
            continue;
        }
        ++files;
        std::ifstream in(file.path());
        std::stringstream content;
        content << in.rdbuf();
        const std::string text = content.str();
        for (auto it = std::sregex_iterator(text.begin(), text.end(), tag);
             it != std::sregex_iterator(); ++it) {
            ++uses;
            EXPECT_TRUE(keys.count((*it)[2].str()) == 1)
                << file.path().filename() << " uses unknown key t." << (*it)[2].str();
            // Texts are filled in when the templates load, which covers {{t.key}} only.
            EXPECT_TRUE((*it)[1].str().empty())
                << file.path().filename() << " uses t." << (*it)[2].str() << " as a section";
        }
    }
    EXPECT_GT(files, 0);
    EXPECT_GT(uses, 0);
}

}  // namespace
}  // namespace samskab::web::i18n
