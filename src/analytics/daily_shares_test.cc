#include "analytics/daily_shares.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "analytics/indicators.h"
#include "analytics/random_dataset.h"
#include "analytics/test_bundle.h"

namespace samskab::analytics {
namespace {

using testing::BundleBuilder;
using testing::day;

// The place-days of indicators_daily_test.cc: h1 (threshold 0.20) and h2 (0.50); s1 needs
// support. h1: 1 March 1/3 (over), 2 March 1/5 (not over: equal), 5 March 0/1; h2: 2 March 1/1
// (over), 3 March 0/2.
core::Dataset days() {
    BundleBuilder b;
    b.partnership("p").place("h1", "p").place("h2", "p", 0.50);
    b.person("s1", true).person("n1").person("n2").person("n3").person("n4");
    b.activity("a", "h1");
    b.occurrence("o1", "a", "2017-03-01")
        .occurrence("o4", "a", "2017-03-04")
        .occurrence("o5", "a", "2017-03-05");
    b.participation("s1", "o1").participation("n1", "o1").participation("n1", "o5");
    b.visit("n1", "h1", "2017-03-01").visit("n2", "h1", "2017-03-01");
    for (const char* id : {"s1", "n1", "n2", "n3", "n4"}) {
        b.visit(id, "h1", "2017-03-02");
    }
    b.visit("s1", "h2", "2017-03-02")
        .visit("n1", "h2", "2017-03-03")
        .visit("n2", "h2", "2017-03-03");
    return b.dataset();
}

std::vector<PlaceDayShare> run(const core::Dataset& data, Scope scope, std::string_view from,
                               std::string_view to) {
    const auto resolved = resolve_scope(data, scope, core::Lang::En);
    EXPECT_TRUE(resolved.has_value());
    return daily_shares(data, *resolved, {day(from), day(to)});
}

TEST(DailyShares, ByPlaceThenDay) {
    const auto rows = run(days(), Scope{}, "2017-03-01", "2017-03-31");
    ASSERT_EQ(rows.size(), 5u);
    struct Expected {
        int place;
        const char* day;
        int users;
        int support;
        bool over;
    };
    const Expected expected[] = {{0, "2017-03-01", 3, 1, true},
                                 {0, "2017-03-02", 5, 1, false},
                                 {0, "2017-03-05", 1, 0, false},
                                 {1, "2017-03-02", 1, 1, true},
                                 {1, "2017-03-03", 2, 0, false}};
    for (size_t i = 0; i < rows.size(); ++i) {
        EXPECT_EQ(rows[i].place, expected[i].place) << i;
        EXPECT_EQ(rows[i].day, day(expected[i].day)) << i;
        EXPECT_EQ(rows[i].users, expected[i].users) << i;
        EXPECT_EQ(rows[i].support_users, expected[i].support) << i;
        EXPECT_DOUBLE_EQ(rows[i].share, double(expected[i].support) / expected[i].users) << i;
        EXPECT_EQ(rows[i].over_threshold, expected[i].over) << i;
    }
}

TEST(DailyShares, ScopeAndPeriod) {
    const auto data = days();
    const auto h2 = run(data, Scope{ScopeKind::Place, "h2"}, "2017-03-01", "2017-03-31");
    ASSERT_EQ(h2.size(), 2u);
    EXPECT_EQ(h2[0].place, 1);
    const auto one_day = run(data, Scope{}, "2017-03-02", "2017-03-02");
    ASSERT_EQ(one_day.size(), 2u);
    EXPECT_EQ(one_day[0].users, 5);
    EXPECT_EQ(one_day[1].users, 1);
    EXPECT_TRUE(run(data, Scope{}, "2017-04-01", "2017-04-30").empty());
}

// The series agrees with the engine's daily figures on random data.
TEST(DailyShares, AgreesWithTheIndicators) {
    for (unsigned seed = 1; seed <= 5; ++seed) {
        const core::Dataset data = testing::random_dataset(seed);
        const auto scope = resolve_scope(data, Scope{}, core::Lang::En);
        ASSERT_TRUE(scope.has_value());
        const Period period{day("2017-01-01"), day("2018-12-31")};
        const auto rows = daily_shares(data, *scope, period);
        const Indicators in = compute_indicators(data, *scope, period);
        EXPECT_EQ(static_cast<std::int64_t>(rows.size()), in.daily.days) << seed;
        const auto over = std::count_if(rows.begin(), rows.end(),
                                        [](const PlaceDayShare& r) { return r.over_threshold; });
        EXPECT_EQ(over, in.daily.days_over_threshold) << seed;
        double sum = 0.0;
        for (const PlaceDayShare& row : rows) {
            sum += row.share;
        }
        if (!rows.empty()) {
            EXPECT_NEAR(sum / rows.size(), *in.daily.mean_support_share.value, 1e-12) << seed;
        }
    }
}

}  // namespace
}  // namespace samskab::analytics
