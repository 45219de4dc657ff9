#include "analytics/suppression.h"

#include <gtest/gtest.h>

#include <random>

#include "analytics/indicators.h"
#include "analytics/random_dataset.h"

namespace samskab::analytics {
namespace {

Cell* find(std::vector<Cell>& cells, std::string_view key) {
    for (Cell& cell : cells) {
        if (cell.key == key) {
            return &cell;
        }
    }
    ADD_FAILURE() << "no cell " << key;
    return nullptr;
}

// Cells of an otherwise empty report whose entry channels are `counts`.
std::vector<Cell> with_entry_channels(std::array<std::int64_t, 6> counts) {
    Indicators in;
    in.participants = 1000;
    in.participations = 1000;
    in.entry_channels = counts;
    for (auto& pathway : in.pathways) {
        pathway = 100;
    }
    return flatten(in);
}

std::vector<bool> hidden_entry_channels(std::vector<Cell>& cells) {
    std::vector<bool> hidden;
    for (const Cell& cell : cells) {
        if (group_of(cell.key) == "entry_channels") {
            hidden.push_back(is_hidden(cell));
        }
    }
    return hidden;
}

TEST(Suppression, CountsBelowKIncludingZero) {
    Indicators in;
    in.participants = 5;
    in.participations = 4;
    in.volunteers = 0;
    auto cells = flatten(in);
    suppress(cells, 5);
    EXPECT_EQ(find(cells, "participants")->visibility, Visibility::Shown);
    EXPECT_EQ(find(cells, "participations")->visibility, Visibility::BelowK);
    EXPECT_EQ(find(cells, "volunteers")->visibility, Visibility::BelowK);
    // The value is kept for the renderers' eyes only; they print "<5".
    EXPECT_EQ(*find(cells, "participations")->value, 4.0);
}

TEST(Suppression, SharesWithSmallNumeratorOrDenominator) {
    Indicators in;
    in.participants = 20;
    in.support_share = ratio(4, 20);               // numerator below 5
    in.support_participation_share = ratio(5, 5);  // both at k: shown
    in.reach.share = ratio(0, 3);                  // both small
    in.roles.flexible_share = ratio(0, 0);         // undefined: a zero denominator is small too
    in.occurrences_with_support_share = ratio(30, 60);
    auto cells = flatten(in);
    suppress(cells, 5);
    EXPECT_EQ(find(cells, "support_share")->visibility, Visibility::Hidden);
    EXPECT_EQ(find(cells, "support_participation_share")->visibility, Visibility::Shown);
    EXPECT_EQ(find(cells, "reach.share")->visibility, Visibility::Hidden);
    EXPECT_EQ(find(cells, "roles.flexible_share")->visibility, Visibility::Hidden);
    EXPECT_EQ(find(cells, "occurrences_with_support_share")->visibility, Visibility::Shown);
}

TEST(Suppression, MeetingSizesAreCounts) {
    Indicators in;
    in.meetings = {2, 4.5, 30};
    auto cells = flatten(in);
    suppress(cells, 5);
    EXPECT_EQ(find(cells, "meetings.size_min")->visibility, Visibility::BelowK);
    EXPECT_EQ(find(cells, "meetings.size_median")->visibility, Visibility::BelowK);
    EXPECT_EQ(find(cells, "meetings.size_max")->visibility, Visibility::Shown);
    // Without meetings there is nothing to hide.
    auto none = flatten(Indicators{});
    suppress(none, 5);
    EXPECT_EQ(find(none, "meetings.size_median")->visibility, Visibility::Shown);
}

TEST(Suppression, ComplementaryHidesTheSmallestUntilTheHiddenSumReachesK) {
    // companion 3 and network 0 are below 5 and sum to 3: outreach (7, the smallest shown)
    // is hidden as well; then 3 + 0 + 7 = 10 >= 5.
    auto cells = with_entry_channels({3, 10, 12, 0, 7, 20});
    suppress(cells, 5);
    EXPECT_EQ(hidden_entry_channels(cells),
              (std::vector<bool>{true, false, false, true, true, false}));
    EXPECT_EQ(find(cells, "entry_channels.outreach")->visibility, Visibility::Hidden);
    EXPECT_EQ(find(cells, "entry_channels.companion")->visibility, Visibility::BelowK);
}

TEST(Suppression, ComplementaryNeedsTwoHiddenCells) {
    // One small cell alone could be recovered from a total: the smallest other (the first of
    // the equal ones) goes too.
    auto cells = with_entry_channels({100, 100, 4, 100, 100, 100});
    suppress(cells, 5);
    EXPECT_EQ(hidden_entry_channels(cells),
              (std::vector<bool>{true, false, true, false, false, false}));
}

TEST(Suppression, ComplementaryMayHideEveryCell) {
    auto cells = with_entry_channels({1, 0, 0, 1, 0, 1});
    suppress(cells, 5);
    EXPECT_EQ(hidden_entry_channels(cells), std::vector<bool>(6, true));
}

TEST(Suppression, NothingHiddenWhenEveryCellIsLarge) {
    auto cells = with_entry_channels({5, 6, 7, 8, 9, 10});
    suppress(cells, 5);
    EXPECT_EQ(hidden_entry_channels(cells), std::vector<bool>(6, false));
}

TEST(Suppression, KOfOneHidesNothingButZeroCounts) {
    auto cells = with_entry_channels({1, 2, 3, 4, 5, 6});
    suppress(cells, 1);
    EXPECT_EQ(hidden_entry_channels(cells), std::vector<bool>(6, false));
    EXPECT_EQ(find(cells, "volunteers")->visibility, Visibility::BelowK);  // 0 < 1
}

// The guarantees of suppress(), checked on the figures of random datasets, periods and k.
TEST(Suppression, NoHiddenCellCanBeRecoveredOnRandomData) {
    int groups_with_hidden_cells = 0;
    for (unsigned seed = 1; seed <= 30; ++seed) {
        const core::Dataset data = testing::random_dataset(seed, 60);
        const ResolvedScope all{std::vector<std::uint8_t>(data.places.size(), 1),
                                std::vector<std::uint8_t>(data.partnerships.size(), 1)};
        const IndicatorEngine engine(data, all);
        std::mt19937 rng(seed);
        for (const int k : {2, 3, 5, 10}) {
            const core::Day from = testing::random_epoch() + core::Day(rng() % 300);
            const core::Day to = from + core::Day(rng() % 200);
            const std::vector<Cell> original = flatten(engine.compute({from, to}));
            std::vector<Cell> cells = original;
            suppress(cells, k);
            SCOPED_TRACE("seed " + std::to_string(seed) + " k " + std::to_string(k));
            for (size_t i = 0; i < cells.size(); ++i) {
                const Cell& cell = cells[i];
                EXPECT_EQ(cell.value, original[i].value) << cell.key;
                if (is_hidden(cell) || !cell.value) {
                    continue;
                }
                if (cell.kind == CellKind::Count || cell.kind == CellKind::Size) {
                    EXPECT_GE(*cell.value, k) << cell.key;
                } else {
                    EXPECT_GE(cell.numerator, k) << cell.key;
                    EXPECT_GE(cell.denominator, k) << cell.key;
                }
            }
            for (const std::string_view group : COMPLEMENTARY_GROUPS) {
                int hidden = 0;
                int members = 0;
                double hidden_sum = 0;
                for (const Cell& cell : cells) {
                    if (group_of(cell.key) == group) {
                        ++members;
                        if (is_hidden(cell)) {
                            ++hidden;
                            hidden_sum += *cell.value;
                        }
                    }
                }
                if (hidden == 0) {
                    continue;
                }
                ++groups_with_hidden_cells;
                const bool protected_by_sum = hidden >= 2 && hidden_sum >= k;
                EXPECT_TRUE(protected_by_sum || hidden == members)
                    << group << ": " << hidden << " hidden summing to " << hidden_sum;
            }
        }
    }
    // The random data must actually exercise complementary suppression.
    EXPECT_GT(groups_with_hidden_cells, 50);
}

}  // namespace
}  // namespace samskab::analytics
