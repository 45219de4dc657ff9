#include <gtest/gtest.h>

#include "analytics/indicators.h"
#include "analytics/scope.h"
#include "analytics/test_bundle.h"

namespace samskab::analytics {
namespace {

using testing::BundleBuilder;
using testing::day;

Indicators run(const core::Dataset& data, Scope scope, std::string_view from = "2017-01-01",
               std::string_view to = "2017-12-31") {
    const auto resolved = resolve_scope(data, scope, core::Lang::En);
    EXPECT_TRUE(resolved.has_value());
    return compute_indicators(data, *resolved, {day(from), day(to)});
}

// Partnership pa runs h1, pb runs x; k is the companion (staff) of every link.
//
//   person  link(s)                                   use of a place          in 2017, scope pa
//   c1      pa 2017-01-01 .. 2017-06-30 (ends mid)    h1 on 2017-08-01        cohort, not reached
//   c2      pa 2016-01-01 .. open                     o at h1 on 2017-03-01   reached
//   c3      pa 2017-03-01 .. 2017-03-31               h1 on 2017-03-15        reached
//   c4      pb 2017-01-01 .. open                     h1 on 2017-02-01        not pa's link
//   c5      pa 2015-01-01 .. 2016-12-31               h1 on 2017-02-01        link ended before
//   c6      pa 2017-12-31 .. open                     h1 on 2018-01-05        cohort, not reached
//   c7      pa in January and in May 2017             h1 on 2017-05-10        reached (once)
core::Dataset reach() {
    BundleBuilder b;
    b.partnership("pa").partnership("pb").place("h1", "pa").place("x", "pb");
    b.person("k");
    for (const char* id : {"c1", "c2", "c3", "c4", "c5", "c6", "c7"}) {
        b.person(id, true);
    }
    b.companion("c1", "k", "pa", "2017-01-01", "2017-06-30")
        .companion("c2", "k", "pa", "2016-01-01")
        .companion("c3", "k", "pa", "2017-03-01", "2017-03-31")
        .companion("c4", "k", "pb", "2017-01-01")
        .companion("c5", "k", "pa", "2015-01-01", "2016-12-31")
        .companion("c6", "k", "pa", "2017-12-31")
        .companion("c7", "k", "pa", "2017-01-01", "2017-01-31")
        .companion("c7", "k", "pa", "2017-05-01", "2017-05-31");
    b.activity("a", "h1").occurrence("o", "a", "2017-03-01").participation("c2", "o");
    b.visit("c1", "h1", "2017-08-01")
        .visit("c3", "h1", "2017-03-15")
        .visit("c4", "h1", "2017-02-01")
        .visit("c5", "h1", "2017-02-01")
        .visit("c6", "h1", "2018-01-05")
        .visit("c7", "h1", "2017-05-10");
    return b.dataset();
}

TEST(ReachIndicators, PartnershipScope) {
    const auto data = reach();
    const Indicators in = run(data, Scope{ScopeKind::Partnership, "pa"});
    EXPECT_EQ(in.reach.cohort, 5);   // c1, c2, c3, c6, c7
    EXPECT_EQ(in.reach.reached, 3);  // c2, c3, c7
    EXPECT_DOUBLE_EQ(*in.reach.share.value, 0.6);
}

TEST(ReachIndicators, PlaceScopeUsesThePlacesPartnership) {
    const auto data = reach();
    const Indicators in = run(data, Scope{ScopeKind::Place, "h1"});
    EXPECT_EQ(in.reach.cohort, 5);
    EXPECT_EQ(in.reach.reached, 3);
}

TEST(ReachIndicators, UnscopedCountsEveryPartnershipsLinks) {
    const auto data = reach();
    const Indicators in = run(data, Scope{});
    // c4's pb link joins, and c4 used h1 while it ran.
    EXPECT_EQ(in.reach.cohort, 6);
    EXPECT_EQ(in.reach.reached, 4);
}

TEST(ReachIndicators, UseOutsideTheScopeDoesNotReach) {
    const auto data = reach();
    const Indicators in = run(data, Scope{ScopeKind::Partnership, "pb"});
    // c4 is pb's, but used only h1.
    EXPECT_EQ(in.reach.cohort, 1);
    EXPECT_EQ(in.reach.reached, 0);
    EXPECT_DOUBLE_EQ(*in.reach.share.value, 0.0);
}

TEST(ReachIndicators, LinkEndingMidPeriod) {
    const auto data = reach();
    // In July c1's link has ended; only c2's open link covers it, and c2 did not come in July.
    const Indicators july =
        run(data, Scope{ScopeKind::Partnership, "pa"}, "2017-07-01", "2017-07-31");
    EXPECT_EQ(july.reach.cohort, 1);
    EXPECT_EQ(july.reach.reached, 0);
    // In the first half, c1 is in the cohort but came only in August.
    const Indicators half =
        run(data, Scope{ScopeKind::Partnership, "pa"}, "2017-01-01", "2017-06-30");
    EXPECT_EQ(half.reach.cohort, 4);   // c1, c2, c3, c7
    EXPECT_EQ(half.reach.reached, 3);  // c2, c3, c7
}

TEST(ReachIndicators, UseMustFallInThePeriod) {
    const auto data = reach();
    // c3's visit on 15 March is covered by the link but not in April.
    const Indicators april =
        run(data, Scope{ScopeKind::Partnership, "pa"}, "2017-03-16", "2017-04-30");
    EXPECT_EQ(april.reach.cohort, 3);  // c1, c2, c3
    EXPECT_EQ(april.reach.reached, 0);
}

TEST(ReachIndicators, CompanionStaffIsNotAParticipant) {
    const auto data = reach();
    const Indicators in = run(data, Scope{});
    // Everyone who used h1 in 2017: c1, c2, c3, c4, c5, c7 — k, the companion, is not counted.
    EXPECT_EQ(in.participants, 6);
}

}  // namespace
}  // namespace samskab::analytics
