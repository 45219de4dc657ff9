#include <gtest/gtest.h>

#include "analytics/indicators.h"
#include "analytics/scope.h"
#include "analytics/test_bundle.h"

namespace samskab::analytics {
namespace {

using core::PathwayKind;
using testing::BundleBuilder;
using testing::day;

Indicators run(const core::Dataset& data, Scope scope) {
    const auto resolved = resolve_scope(data, scope, core::Lang::En);
    EXPECT_TRUE(resolved.has_value());
    return compute_indicators(data, *resolved, {day("2017-01-01"), day("2017-12-31")});
}

std::int64_t count(const Indicators& in, PathwayKind kind) {
    return in.pathways[static_cast<size_t>(kind)];
}

// pa runs h, pb runs x. The period is 2017.
//   p1: visits h on 2017-03-01; job on 2017-03-01 (same day: counts), education on 2017-02-28
//       (before p1 ever came: no), association on 2018-01-01 (after the period: no)
//   p2: visits h on 2016-05-01; internship on 2017-06-01 (came before, any time: counts)
//   p3: takes part at x only, on 2017-01-01; volunteering on 2017-06-01 (counts unscoped only)
//   p4: never came; job on 2017-05-01 (no)
core::Dataset pathways() {
    BundleBuilder b;
    b.partnership("pa").partnership("pb").place("h", "pa").place("x", "pb");
    b.person("p1").person("p2").person("p3").person("p4");
    b.visit("p1", "h", "2017-03-01").visit("p2", "h", "2016-05-01");
    b.activity("ax", "x").occurrence("ox", "ax", "2017-01-01").participation("p3", "ox");
    b.pathway("p1", "2017-03-01", PathwayKind::Job)
        .pathway("p1", "2017-02-28", PathwayKind::Education)
        .pathway("p1", "2018-01-01", PathwayKind::Association)
        .pathway("p2", "2017-06-01", PathwayKind::Internship)
        .pathway("p3", "2017-06-01", PathwayKind::Volunteering)
        .pathway("p4", "2017-05-01", PathwayKind::Job);
    return b.dataset();
}

TEST(PathwayIndicators, ScopedToAPartnership) {
    const auto data = pathways();
    const Indicators in = run(data, Scope{ScopeKind::Partnership, "pa"});
    EXPECT_EQ(count(in, PathwayKind::Job), 1);
    EXPECT_EQ(count(in, PathwayKind::Education), 0);
    EXPECT_EQ(count(in, PathwayKind::Association), 0);
    EXPECT_EQ(count(in, PathwayKind::Internship), 1);
    EXPECT_EQ(count(in, PathwayKind::Volunteering), 0);
}

TEST(PathwayIndicators, Unscoped) {
    const auto data = pathways();
    const Indicators in = run(data, Scope{});
    EXPECT_EQ(count(in, PathwayKind::Job), 1);
    EXPECT_EQ(count(in, PathwayKind::Internship), 1);
    EXPECT_EQ(count(in, PathwayKind::Volunteering), 1);
}

}  // namespace
}  // namespace samskab::analytics
