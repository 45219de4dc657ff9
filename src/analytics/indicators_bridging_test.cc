#include <gtest/gtest.h>

#include "analytics/indicators.h"
#include "analytics/scope.h"
#include "analytics/test_bundle.h"

namespace samskab::analytics {
namespace {

using testing::BundleBuilder;
using testing::day;

Indicators run(const core::Dataset& data, std::string_view from, std::string_view to) {
    const auto resolved = resolve_scope(data, Scope{}, core::Lang::En);
    EXPECT_TRUE(resolved.has_value());
    return compute_indicators(data, *resolved, {day(from), day(to)});
}

// Everyone but `outsider` visits h on 2017-02-01. f1, f2, f3 and s3 need support.
// Companioned on 2017-12-31: a (pb link, open) and s3 (pa link from June); b's link ended on
// 2017-11-30.
//
//   relation   since        until        in 2017
//   f1 - a     2016-01-01   open         yes
//   f1 - b     2017-05-01   2017-06-01   yes
//   f1 - s3    2017-01-01   open         yes
//   f1 - d     2017-01-01   open         yes
//   f1 - c     2015-01-01   2016-12-31   ended before the period
//   f1 - outsider 2016-01-01 open        not a participant
//   f2 - a     2017-03-01   open         yes
//   f2 - s3    2017-03-01   2017-04-01   yes  } the same contact twice:
//   f2 - s3    2017-06-01   open         yes  } counts once
//   f2 - d     2018-01-01   open         starts after the period
//   a - b      2017-01-01   open         (neither needs support)
//
// Focus (support-needing participants with a contact): f1, f2, s3; f3 has no relation.
//   f1: contacts a, b, s3, d; companioned a, s3 = 2 of 4 (at most half: bridging);
//       E = a, b, d = 3, I = s3 = 1, E-I = 2/4 = 0.5
//   f2: contacts a, s3; companioned 2 of 2 (not bridging); E = 1, I = 1, E-I = 0
//   s3: contacts f1, f2; companioned 0 of 2 (bridging); E = 0, I = 2, E-I = -1
// mostly_bridging_share = 2/3; mean_ei = (0.5 + 0 - 1) / 3 = -1/6.
core::Dataset network() {
    BundleBuilder b;
    b.partnership("pa").partnership("pb").place("h", "pa");
    b.person("f1", true).person("f2", true).person("f3", true).person("s3", true);
    b.person("a").person("b").person("c").person("d").person("outsider").person("k");
    for (const char* id : {"f1", "f2", "f3", "s3", "a", "b", "c", "d"}) {
        b.visit(id, "h", "2017-02-01");
    }
    b.companion("a", "k", "pb", "2017-01-01")
        .companion("s3", "k", "pa", "2017-06-01")
        .companion("b", "k", "pa", "2017-01-01", "2017-11-30");
    b.relation("f1", "a", "2016-01-01")
        .relation("f1", "b", "2017-05-01", "2017-06-01")
        .relation("f1", "s3", "2017-01-01")
        .relation("f1", "d", "2017-01-01")
        .relation("c", "f1", "2015-01-01", "2016-12-31")
        .relation("f1", "outsider", "2016-01-01")
        .relation("a", "f2", "2017-03-01")
        .relation("f2", "s3", "2017-03-01", "2017-04-01")
        .relation("f2", "s3", "2017-06-01")
        .relation("f2", "d", "2018-01-01")
        .relation("a", "b", "2017-01-01");
    return b.dataset();
}

TEST(BridgingIndicators, FocusBridgingAndEiIndex) {
    const auto data = network();
    const Indicators in = run(data, "2017-01-01", "2017-12-31");
    EXPECT_EQ(in.bridging.focus, 3);
    EXPECT_EQ(in.bridging.mostly_bridging_share.numerator, 2);
    EXPECT_EQ(in.bridging.mostly_bridging_share.denominator, 3);
    EXPECT_DOUBLE_EQ(*in.bridging.mean_ei.value, -1.0 / 6.0);
    // Support-needing contacts over the focus: 1 + 1 + 2.
    EXPECT_EQ(in.bridging.mean_ei.numerator, 4);
    EXPECT_EQ(in.bridging.mean_ei.denominator, 3);
}

TEST(BridgingIndicators, CompanionedIsJudgedOnTheLastDay) {
    const auto data = network();
    // On 2017-11-15 b's link still runs: f1 has 3 of 4 companioned contacts and no longer
    // bridges; s3 still does.
    const Indicators in = run(data, "2017-01-01", "2017-11-15");
    EXPECT_EQ(in.bridging.focus, 3);
    EXPECT_EQ(in.bridging.mostly_bridging_share.numerator, 1);
    // The E-I index does not depend on companions.
    EXPECT_DOUBLE_EQ(*in.bridging.mean_ei.value, -1.0 / 6.0);
}

TEST(BridgingIndicators, RelationEndedBeforeThePeriodDoesNotCount) {
    BundleBuilder b;
    b.partnership("p").place("h", "p").person("s", true).person("n");
    b.visit("s", "h", "2017-02-01").visit("n", "h", "2017-02-01");
    b.relation("s", "n", "2015-01-01", "2016-12-31");
    const auto data = b.dataset();
    EXPECT_EQ(run(data, "2017-01-01", "2017-12-31").bridging.focus, 0);
    // A relation that ends on the first day of the period overlaps it.
    b.relation("s", "n", "2017-01-01", "2017-01-01");
    const auto touching = b.dataset();
    EXPECT_EQ(run(touching, "2017-01-01", "2017-12-31").bridging.focus, 1);
    EXPECT_DOUBLE_EQ(*run(touching, "2017-01-01", "2017-12-31").bridging.mean_ei.value, 1.0);
}

TEST(BridgingIndicators, ContactsMustBeParticipantsOfThePeriod) {
    const auto data = network();
    // In 2018 nobody takes part: no focus, shares undefined.
    const Indicators in = run(data, "2018-01-01", "2018-12-31");
    EXPECT_EQ(in.bridging.focus, 0);
    EXPECT_FALSE(in.bridging.mostly_bridging_share.value.has_value());
    EXPECT_FALSE(in.bridging.mean_ei.value.has_value());
}

}  // namespace
}  // namespace samskab::analytics
