#include "analytics/grouping.h"

#include <gtest/gtest.h>

namespace samskab::analytics {
namespace {

struct Record {
    std::int32_t day;
    int order;
};

std::vector<int> orders(const std::vector<Record>& records) {
    std::vector<int> out;
    for (const Record& r : records) {
        out.push_back(r.order);
    }
    return out;
}

TEST(SortByKey, CountingSortIsStable) {
    std::vector<Record> records = {{5, 0}, {3, 1}, {5, 2}, {-2, 3}, {3, 4}};
    sort_by_key(records, [](const Record& r) { return r.day; });
    EXPECT_EQ(orders(records), (std::vector<int>{3, 1, 4, 0, 2}));
}

TEST(SortByKey, WideKeysFallBackToAStableComparisonSort) {
    // Keys far apart (beyond any counting array) take the other path with the same result.
    std::vector<Record> records = {{2000000000, 0}, {-2000000000, 1}, {2000000000, 2}, {0, 3}};
    sort_by_key(records, [](const Record& r) { return r.day; });
    EXPECT_EQ(orders(records), (std::vector<int>{1, 3, 0, 2}));
}

TEST(Grouped, GroupsInGivenOrderAndRemovesDuplicates) {
    const std::vector<std::pair<int, int>> pairs = {{2, 7}, {0, 1}, {2, 7}, {2, 9}, {0, 1}};
    auto grouped = Grouped<int>::build(
        4, pairs.size(), [&](size_t i) { return pairs[i].first; },
        [&](size_t i) { return pairs[i].second; });
    EXPECT_EQ(std::vector<int>(grouped.of(0).begin(), grouped.of(0).end()),
              (std::vector<int>{1, 1}));
    EXPECT_TRUE(grouped.of(1).empty());
    EXPECT_EQ(std::vector<int>(grouped.of(2).begin(), grouped.of(2).end()),
              (std::vector<int>{7, 7, 9}));
    grouped.unique_within_groups();
    EXPECT_EQ(std::vector<int>(grouped.of(0).begin(), grouped.of(0).end()), (std::vector<int>{1}));
    EXPECT_EQ(std::vector<int>(grouped.of(2).begin(), grouped.of(2).end()),
              (std::vector<int>{7, 9}));
    EXPECT_TRUE(grouped.of(3).empty());
}

TEST(DayRange, BothEndsIncluded) {
    const std::vector<Record> records = {{1, 0}, {3, 1}, {3, 2}, {5, 3}, {8, 4}};
    EXPECT_EQ(day_range(records, 3, 5).size(), 3u);
    EXPECT_EQ(day_range(records, 4, 4).size(), 0u);
    EXPECT_EQ(day_range(records, 0, 100).size(), 5u);
    EXPECT_EQ(day_range(records, 8, 8).front().order, 4);
}

}  // namespace
}  // namespace samskab::analytics
