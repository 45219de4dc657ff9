#include "analytics/theme_summary.h"

#include <gtest/gtest.h>

#include "analytics/test_bundle.h"
#include "core/starting_codebook.h"

namespace samskab::analytics {
namespace {

using testing::day;

core::CodedPassage passage(std::int64_t id, const char* date, const char* theme,
                           const char* quote) {
    return core::CodedPassage{id, id, day(date), theme, quote, "Hvordan kom du ind?"};
}

TEST(ThemeSummary, SlicesByHalfYearAndQuarterAreClippedToThePeriod) {
    auto halves = theme_slices({day("2023-03-15"), day("2024-07-10")}, ThemeSlicing::HalfYear);
    ASSERT_EQ(halves.size(), 4U);
    EXPECT_EQ(halves[0].from, day("2023-03-15"));
    EXPECT_EQ(halves[0].to, day("2023-06-30"));
    EXPECT_EQ(halves[1].from, day("2023-07-01"));
    EXPECT_EQ(halves[2].to, day("2024-06-30"));
    EXPECT_EQ(halves[3].to, day("2024-07-10"));
    auto quarters = theme_slices({day("2024-01-01"), day("2024-12-31")}, ThemeSlicing::Quarter);
    ASSERT_EQ(quarters.size(), 4U);
    EXPECT_EQ(quarters[3].from, day("2024-10-01"));
}

TEST(ThemeSummary, CountsPerSliceAndQuotesPerThemeInCodebookOrder) {
    std::vector<core::Theme> codebook = core::starting_codebook();
    codebook[2].active = false;  // Mangfoldighed retired, never coded: left out
    codebook[1].active = false;  // Ligeværdighed retired, but coded in the period: kept
    const std::vector<core::CodedPassage> passages = {
        passage(1, "2024-02-01", "fleksibilitet", "Ingen spørger, hvor jeg var"),
        passage(2, "2024-08-01", "fleksibilitet", "Jeg kommer, når jeg kan"),
        passage(3, "2024-03-01", "ligevaerdighed", "Her er jeg ikke patient"),
        passage(4, "2023-12-31", "fleksibilitet", "før perioden"),
        passage(5, "2024-09-09", "haemmer-kaotiske-rum", "Der er for mange mennesker"),
    };
    const ThemeSummary summary =
        summarise_themes(codebook, passages, {day("2024-01-01"), day("2024-12-31")},
                         ThemeSlicing::HalfYear, core::Lang::Da);
    EXPECT_EQ(summary.passages, 4);
    EXPECT_EQ(summary.slice_labels, (std::vector<std::string>{"1. halvår 2024", "2. halvår 2024"}));
    ASSERT_EQ(summary.themes.size(), codebook.size() - 1);
    const ThemeCount& flexibility = summary.themes[0];
    EXPECT_EQ(flexibility.theme.id, "fleksibilitet");
    EXPECT_EQ(flexibility.counts, (std::vector<std::int64_t>{1, 1}));
    EXPECT_EQ(flexibility.total, 2);
    ASSERT_EQ(flexibility.quotes.size(), 2U);
    EXPECT_EQ(flexibility.quotes[0].quote, "Ingen spørger, hvor jeg var");
    EXPECT_EQ(flexibility.quotes[1].date, day("2024-08-01"));
    EXPECT_EQ(summary.themes[1].theme.id, "ligevaerdighed");
    EXPECT_EQ(summary.themes[1].total, 1);
    EXPECT_EQ(summary.themes[2].theme.id, "forbindende-vaertsskab");
    EXPECT_EQ(summary.themes[2].total, 0);
    EXPECT_EQ(summary.themes.back().theme.id, "haemmer-kaotiske-rum");
    EXPECT_EQ(summary.themes.back().counts, (std::vector<std::int64_t>{0, 1}));
}

TEST(ThemeSummary, ChartsShowTotalsPerThemeAndGroupsOverTime) {
    const std::vector<core::CodedPassage> passages = {
        passage(1, "2024-02-01", "fleksibilitet", "a"),
        passage(2, "2024-05-01", "ligevaerdighed", "b"),
        passage(3, "2024-11-01", "haemmer-fast-rollefordeling", "c"),
    };
    const ThemeSummary summary = summarise_themes(core::starting_codebook(), passages,
                                                  {day("2024-01-01"), day("2024-12-31")},
                                                  ThemeSlicing::Quarter, core::Lang::En);
    EXPECT_EQ(summary.slice_labels.front(), "Q1 2024");
    const Chart totals = theme_totals_chart(summary, core::Lang::En, "themes");
    ASSERT_EQ(totals.series.size(), 1U);
    EXPECT_EQ(totals.categories.front(), "Flexibility");
    EXPECT_EQ(totals.series[0].points.front().text, "1");
    EXPECT_NE(totals.description.find("3 coded quotes"), std::string::npos);
    const std::string svg = render_bar_chart(totals);
    EXPECT_NE(svg.find("Flexibility"), std::string::npos);

    const Chart groups = theme_groups_chart(summary, core::Lang::En, "groups");
    ASSERT_EQ(groups.series.size(), 4U);  // the starting codebook has no "other" theme
    EXPECT_EQ(groups.series[0].label, "Motivation and benefit");
    EXPECT_EQ(groups.series[0].points[0].text, "1");
    EXPECT_EQ(groups.series[0].points[1].text, "1");
    EXPECT_EQ(groups.series[3].label, "Inhibitors");
    EXPECT_EQ(groups.series[3].points[3].text, "1");
    EXPECT_NE(render_line_chart(groups).find("<svg"), std::string::npos);
}

TEST(ThemeSummary, NoCodingsSaySo) {
    const ThemeSummary summary =
        summarise_themes(core::starting_codebook(), {}, {day("2024-01-01"), day("2024-06-30")},
                         ThemeSlicing::HalfYear, core::Lang::Da);
    EXPECT_EQ(summary.passages, 0);
    EXPECT_EQ(theme_totals_chart(summary, core::Lang::Da, "x").description,
              "Ingen citater er kodet i perioden.");
}

}  // namespace
}  // namespace samskab::analytics
