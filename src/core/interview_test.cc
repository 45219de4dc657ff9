#include "core/interview.h"

#include <set>

#include <gtest/gtest.h>

#include "core/self_assessment.h"
#include "core/starting_codebook.h"

namespace samskab::core {
namespace {

TEST(Interview, ThemeGroupsHaveStableNames) {
    for (std::size_t i = 0; i < THEME_GROUP_COUNT; ++i) {
        const auto group = static_cast<ThemeGroup>(i);
        EXPECT_EQ(parse_theme_group(theme_group_name(group)), group);
    }
    EXPECT_EQ(theme_group_name(ThemeGroup::HostRole), "host_role");
    EXPECT_FALSE(parse_theme_group("Motivation"));
}

TEST(Interview, ThemeNeedsADanishNameNamedInBothLanguages) {
    Theme theme{"t", "", "Flexibility", ThemeGroup::Other, "", "", true};
    auto da = validate_theme(theme, Lang::Da);
    ASSERT_FALSE(da);
    EXPECT_EQ(da.error().field, "name_da");
    EXPECT_EQ(da.error().message, "Temaets danske navn mangler (skal udfyldes)");
    auto en = validate_theme(theme, Lang::En);
    ASSERT_FALSE(en);
    EXPECT_EQ(en.error().message, "The theme's Danish name is missing (required)");
    theme.name_da = "   ";
    EXPECT_FALSE(validate_theme(theme, Lang::Da));
    theme.name_da = "Tryghed";
    theme.name_en.clear();
    EXPECT_TRUE(validate_theme(theme, Lang::Da));
    theme.name_en = std::string(MAX_TITLE_LENGTH + 1, 'x');
    auto long_name = validate_theme(theme, Lang::Da);
    ASSERT_FALSE(long_name);
    EXPECT_EQ(long_name.error().field, "name_en");
    EXPECT_NE(long_name.error().message.find("højst 200 tegn"), std::string::npos);
}

TEST(Interview, ThemeNameFallsBackToDanish) {
    Theme theme{"t", "Tryghed", "", ThemeGroup::Other, "Beskrivelse", "", true};
    EXPECT_EQ(theme_name(theme, Lang::En), "Tryghed");
    EXPECT_EQ(theme_description(theme, Lang::En), "Beskrivelse");
    theme.name_en = "Safety";
    EXPECT_EQ(theme_name(theme, Lang::En), "Safety");
    EXPECT_EQ(theme_name(theme, Lang::Da), "Tryghed");
}

TEST(Interview, InterviewNeedsGuideInterviewerAndInterviewee) {
    Interview interview;
    interview.date = 100;
    EXPECT_EQ(validate_interview(interview, Lang::Da).error().field, "guide");
    interview.guide = 1;
    EXPECT_EQ(validate_interview(interview, Lang::Da).error().field, "interviewer");
    interview.interviewer = 7;
    auto who = validate_interview(interview, Lang::En);
    ASSERT_FALSE(who);
    EXPECT_EQ(who.error().field, "interviewee");
    EXPECT_EQ(who.error().message, "The description of the interviewee is missing (required)");
    interview.interviewee = "ung med ungevejleder, 19 år";
    EXPECT_TRUE(validate_interview(interview, Lang::Da));
    // The interviewee need not be a registered person; an empty link is refused, not stored.
    interview.person = "";
    EXPECT_EQ(validate_interview(interview, Lang::Da).error().field, "person");
    interview.person = "p1";
    EXPECT_TRUE(validate_interview(interview, Lang::Da));
}

TEST(Interview, QuoteMustStandInTheNoteWordForWord) {
    const std::string note = "Jeg kommer, når jeg kan. Ingen spørger, hvor jeg var.";
    EXPECT_TRUE(validate_quote("Ingen spørger, hvor jeg var", note, Lang::Da));
    auto changed = validate_quote("ingen spørger hvor jeg var", note, Lang::Da);
    ASSERT_FALSE(changed);
    EXPECT_EQ(changed.error().field, "quote");
    EXPECT_EQ(changed.error().message.rfind("Citatet skal stå ordret i noten", 0), 0U);
    EXPECT_EQ(validate_quote(" ", note, Lang::En).error().message,
              "The quote is missing (required)");
}

TEST(Interview, QuestionsTitlesAndNotesAreCheckedForBlankAndLength) {
    EXPECT_EQ(validate_question("", Lang::Da).error().field, "text");
    EXPECT_EQ(validate_guide_title("\n", Lang::Da).error().field, "title");
    EXPECT_TRUE(validate_note(std::string(MAX_NOTE_LENGTH, 'a'), Lang::Da));
    EXPECT_FALSE(validate_note(std::string(MAX_NOTE_LENGTH + 1, 'a'), Lang::Da));
    EXPECT_EQ(validate_note("", Lang::Da).error().message, "Noten mangler (skal udfyldes)");
}

TEST(StartingCodebook, HasTheBookletsListsInOrder) {
    const auto& themes = starting_codebook();
    EXPECT_EQ(starting_themes(ThemeGroup::Motivation).size(), 3U);
    EXPECT_EQ(starting_themes(ThemeGroup::HostRole).size(), 3U);
    EXPECT_EQ(starting_themes(ThemeGroup::Promoter).size(), 7U);   // "Fremmere er:" seven
    EXPECT_EQ(starting_themes(ThemeGroup::Inhibitor).size(), 5U);  // "Hæmmere er:" five
    EXPECT_EQ(themes.front().name_da, "Fleksibilitet");
    EXPECT_EQ(themes[1].name_da, "Ligeværdighed");
    EXPECT_EQ(themes[2].name_da, "Mangfoldighed");
    EXPECT_EQ(themes[3].name_en, "Connecting hosting");
    EXPECT_EQ(starting_themes(ThemeGroup::Inhibitor).front().name_en, "Fixed role distribution");
    std::set<std::string> ids;
    for (const Theme& theme : themes) {
        EXPECT_TRUE(ids.insert(theme.id).second) << theme.id;
        EXPECT_TRUE(validate_theme(theme, Lang::Da)) << theme.id;
        EXPECT_FALSE(theme.name_en.empty()) << theme.id;
        EXPECT_FALSE(theme.description_da.empty()) << theme.id;
        EXPECT_FALSE(theme.description_en.empty()) << theme.id;
        EXPECT_TRUE(theme.active);
    }
}

TEST(SelfAssessment, HalfYearsParseAndSpanTheirMonths) {
    auto half = parse_half_year("2017-H2");
    ASSERT_TRUE(half);
    EXPECT_EQ(half->text(), "2017-H2");
    EXPECT_EQ(format_date(half->first_day()), "2017-07-01");
    EXPECT_EQ(format_date(half->last_day()), "2017-12-31");
    EXPECT_EQ(half->previous().text(), "2017-H1");
    EXPECT_EQ(half->previous().previous().text(), "2016-H2");
    for (const char* bad : {"2017-H3", "2017H1", "17-H1", "1899-H1", "2017-h1", "abcd-H1"}) {
        EXPECT_FALSE(parse_half_year(bad)) << bad;
    }
    EXPECT_EQ(half_year_of(*parse_date("2026-06-30")).text(), "2026-H1");
    EXPECT_EQ(last_completed_half_year(*parse_date("2026-03-02")).text(), "2025-H2");
}

TEST(SelfAssessment, RatingsHaveStableNames) {
    EXPECT_EQ(parse_check_rating("promotes"), CheckRating::Promotes);
    EXPECT_EQ(parse_check_rating("hinders"), CheckRating::Hinders);
    EXPECT_EQ(parse_check_rating("not_relevant"), CheckRating::NotRelevant);
    EXPECT_FALSE(parse_check_rating(""));
}

TEST(SelfAssessment, ItemsAreTheBookletsPromotersAndInhibitorsOnce) {
    SelfAssessment check;
    check.answers.push_back({"haemmer-fast-rollefordeling", CheckRating::Hinders, "ja"});
    EXPECT_TRUE(validate_self_assessment(check, Lang::Da));
    check.answers.push_back({"fleksibilitet", CheckRating::Promotes, ""});  // motivation: no item
    EXPECT_EQ(validate_self_assessment(check, Lang::Da).error().field, "item");
    check.answers.back() = {"haemmer-fast-rollefordeling", std::nullopt, ""};
    EXPECT_EQ(validate_self_assessment(check, Lang::Da).error().field, "item");
    check.answers.back() = {"fremmer-eget-tempo", std::nullopt,
                            std::string(MAX_CHECK_COMMENT_LENGTH + 1, 'x')};
    auto long_comment = validate_self_assessment(check, Lang::En);
    ASSERT_FALSE(long_comment);
    EXPECT_EQ(long_comment.error().field, "comment_fremmer-eget-tempo");
    EXPECT_EQ(long_comment.error().message.rfind("The comment is too long", 0), 0U);
}

}  // namespace
}  // namespace samskab::core
