#include <gtest/gtest.h>

#include "analytics/indicators.h"
#include "analytics/scope.h"
#include "analytics/test_bundle.h"

namespace samskab::analytics {
namespace {

using testing::BundleBuilder;
using testing::day;

Indicators run(const core::Dataset& data, Scope scope, std::string_view from, std::string_view to) {
    const auto resolved = resolve_scope(data, scope, core::Lang::En);
    EXPECT_TRUE(resolved.has_value());
    return compute_indicators(data, *resolved, {day(from), day(to)});
}

// h1 has the default threshold 0.20, h2 a threshold of 0.50. s1 needs support.
//
//   place-day      daily users                                   share
//   h1 2017-03-01  s1, n1 (occurrence; n1 also visits), n2       1/3 > 0.20: over
//   h1 2017-03-02  s1, n1, n2, n3, n4 (visits)                   1/5 = 0.20: not over
//   h2 2017-03-02  s1 (visit; the same person counts at each place)   1/1 > 0.50: over
//   h2 2017-03-03  n1, n2                                        0/2
//   h1 2017-03-05  n1 (occurrence)                               0/1
// An occurrence at h1 on 2017-03-04 without participants makes no place-day.
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

TEST(DailyIndicators, PlaceDaysSharesAndThreshold) {
    const auto data = days();
    const Indicators in = run(data, Scope{}, "2017-03-01", "2017-03-31");
    EXPECT_EQ(in.daily.days, 5);
    // (1/3 + 1/5 + 1 + 0 + 0) / 5.
    EXPECT_DOUBLE_EQ(*in.daily.mean_support_share.value, (1.0 / 3 + 0.2 + 1.0) / 5);
    // Support-needing daily users summed (1 + 1 + 1) over 5 place-days.
    EXPECT_EQ(in.daily.mean_support_share.numerator, 3);
    EXPECT_EQ(in.daily.mean_support_share.denominator, 5);
    EXPECT_DOUBLE_EQ(*in.daily.max_support_share.value, 1.0);
    EXPECT_EQ(in.daily.max_support_share.numerator, 1);
    EXPECT_EQ(in.daily.max_support_share.denominator, 1);
    // Strictly greater than the threshold: h1 on 1 March and h2 on 2 March; h1 on 2 March sits
    // exactly at 0.20.
    EXPECT_EQ(in.daily.days_over_threshold, 2);
}

TEST(DailyIndicators, ScopedToOnePlace) {
    const auto data = days();
    const Indicators in = run(data, Scope{ScopeKind::Place, "h1"}, "2017-03-01", "2017-03-31");
    // h1 on 1, 2 and 5 March.
    EXPECT_EQ(in.daily.days, 3);
    EXPECT_DOUBLE_EQ(*in.daily.mean_support_share.value, (1.0 / 3 + 0.2) / 3);
    EXPECT_DOUBLE_EQ(*in.daily.max_support_share.value, 1.0 / 3);
    EXPECT_EQ(in.daily.days_over_threshold, 1);
}

TEST(DailyIndicators, PeriodBoundsCutPlaceDays) {
    const auto data = days();
    const Indicators in = run(data, Scope{}, "2017-03-02", "2017-03-02");
    EXPECT_EQ(in.daily.days, 2);
    EXPECT_DOUBLE_EQ(*in.daily.mean_support_share.value, (0.2 + 1.0) / 2);
}

TEST(DailyIndicators, MaximumTieTakesTheLargerDay) {
    // Both days have share 1/2; the maximum reports the day with 3 of 6 users.
    BundleBuilder b;
    b.partnership("p").place("h", "p");
    b.person("s1", true).person("s2", true).person("s3", true);
    b.person("n1").person("n2").person("n3");
    b.visit("s1", "h", "2017-01-01").visit("n1", "h", "2017-01-01");
    for (const char* id : {"s1", "s2", "s3", "n1", "n2", "n3"}) {
        b.visit(id, "h", "2017-01-02");
    }
    const auto data = b.dataset();
    const Indicators in = run(data, Scope{}, "2017-01-01", "2017-01-31");
    EXPECT_DOUBLE_EQ(*in.daily.max_support_share.value, 0.5);
    EXPECT_EQ(in.daily.max_support_share.numerator, 3);
    EXPECT_EQ(in.daily.max_support_share.denominator, 6);
    // 0.5 > 0.20 on both days.
    EXPECT_EQ(in.daily.days_over_threshold, 2);
}

}  // namespace
}  // namespace samskab::analytics
