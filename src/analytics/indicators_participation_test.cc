#include <gtest/gtest.h>

#include "analytics/indicators.h"
#include "analytics/scope.h"
#include "analytics/test_bundle.h"

namespace samskab::analytics {
namespace {

using core::ActivityKind;
using core::EntryChannel;
using core::Role;
using testing::BundleBuilder;
using testing::day;

// Partnership "pa" runs houses h1 and h2; partnership "pb" runs x. The period is 2017.
//
//   occurrence  activity (place, kind)  date        participants (role)
//   o1          a1 (h1, fixed)          2017-01-15  s1 active, n1 active, n2 passive
//   o2          a1 (h1, fixed)          2017-02-15  s1 initiator, n1 host
//   o3          c1 (h1, cause)          2017-03-01  n1 active, n2 active, n3 active
//   o4          c1 (h1, cause)          2017-04-01  (nobody)
//   o5          a2 (h2, fixed)          2017-05-01  s2 supported
//   o6          a1 (h1, fixed)          2016-12-31  s1, n1            (before the period)
//   o7          a1 (h1, fixed)          2018-01-01  s2                (after the period)
//   ox          ax (x, fixed)           2017-06-01  out active, s2 active
// Visits: n3 at h2 on 2017-07-01; s2 at h1 on 2016-06-01 (before the period).
// s1, s2 need support. k1 is a companion (staff) with no participation of their own.
core::Dataset house() {
    BundleBuilder b;
    b.partnership("pa").partnership("pb").place("h1", "pa").place("h2", "pa").place("x", "pb");
    b.person("s1", true, "2017-01-10", EntryChannel::Companion)
        .person("s2", true, "2016-05-01", EntryChannel::Network)
        .person("n1", false, "2017-02-01", EntryChannel::Network)
        .person("n2", false, "2017-03-01", EntryChannel::Host)
        .person("n3")
        .person("k1", false, "2017-01-01", EntryChannel::Self)
        .person("out", false, "2017-06-01", EntryChannel::Outreach);
    b.companion("s1", "k1", "pa", "2017-01-01");
    b.activity("a1", "h1").activity("c1", "h1", ActivityKind::Cause).activity("a2", "h2");
    b.activity("ax", "x");
    // Initiatives: only i1 (h1, initiative, 2017, by s2) counts for pa; i4 counts when unscoped.
    b.activity("i1", "h1", ActivityKind::Initiative, "2017-08-01", "s2")
        .activity("i2", "h1", ActivityKind::Cause, "2017-09-01", "n1")
        .activity("i3", "h1", ActivityKind::Fixed, "2017-10-01", "s1")
        .activity("i4", "x", ActivityKind::Initiative, "2017-11-01", "s1")
        .activity("i5", "h1", ActivityKind::Cause, "2016-12-31", "s1")
        .activity("i6", "h1", ActivityKind::Cause, "2017-12-31", "s1");
    b.occurrence("o1", "a1", "2017-01-15")
        .occurrence("o2", "a1", "2017-02-15")
        .occurrence("o3", "c1", "2017-03-01")
        .occurrence("o4", "c1", "2017-04-01")
        .occurrence("o5", "a2", "2017-05-01")
        .occurrence("o6", "a1", "2016-12-31")
        .occurrence("o7", "a1", "2018-01-01")
        .occurrence("ox", "ax", "2017-06-01");
    b.participation("s1", "o1", Role::Active)
        .participation("n1", "o1", Role::Active)
        .participation("n2", "o1", Role::Passive)
        .participation("s1", "o2", Role::Initiator)
        .participation("n1", "o2", Role::Host)
        .participation("n1", "o3", Role::Active)
        .participation("n2", "o3", Role::Active)
        .participation("n3", "o3", Role::Active)
        .participation("s2", "o5", Role::Supported)
        .participation("s1", "o6")
        .participation("n1", "o6")
        .participation("s2", "o7")
        .participation("out", "ox", Role::Active)
        .participation("s2", "ox", Role::Active);
    b.visit("n3", "h2", "2017-07-01").visit("s2", "h1", "2016-06-01");
    return b.dataset();
}

Indicators run(const core::Dataset& data, Scope scope, std::string_view from = "2017-01-01",
               std::string_view to = "2017-12-31") {
    const auto resolved = resolve_scope(data, scope, core::Lang::En);
    EXPECT_TRUE(resolved.has_value());
    return compute_indicators(data, *resolved, {day(from), day(to)});
}

const Scope PA{ScopeKind::Partnership, "pa"};

TEST(ParticipationIndicators, ParticipantsAndSupportShare) {
    const auto data = house();
    const Indicators in = run(data, PA);
    // s1 (o1, o2), n1, n2, n3 (o3 and a visit), s2 (o5); not out (x is pb's), not k1 (staff).
    EXPECT_EQ(in.participants, 5);
    // s1 and s2 of 5.
    EXPECT_EQ(in.support_share.numerator, 2);
    EXPECT_EQ(in.support_share.denominator, 5);
    EXPECT_DOUBLE_EQ(*in.support_share.value, 0.4);
}

TEST(ParticipationIndicators, Participations) {
    const auto data = house();
    const Indicators in = run(data, PA);
    // o1: 3, o2: 2, o3: 3, o4: 0, o5: 1.
    EXPECT_EQ(in.participations, 9);
    // s1 in o1 and o2, s2 in o5.
    EXPECT_EQ(in.support_participations, 3);
    EXPECT_DOUBLE_EQ(*in.support_participation_share.value, 3.0 / 9.0);
}

TEST(ParticipationIndicators, UnscopedIncludesEveryPlace) {
    const auto data = house();
    const Indicators in = run(data, Scope{});
    // ox adds out as a participant and two participations, one by s2.
    EXPECT_EQ(in.participants, 6);
    EXPECT_EQ(in.participations, 11);
    EXPECT_EQ(in.support_participations, 4);
    EXPECT_EQ(in.occurrences, 6);
    // i1, i4 and i6.
    EXPECT_EQ(in.initiatives_by_support, 3);
}

TEST(ParticipationIndicators, PlaceScopeVersusPartnershipScope) {
    const auto data = house();
    const Indicators place = run(data, Scope{ScopeKind::Place, "h2"});
    // At h2 only: s2 (o5) and n3 (visit).
    EXPECT_EQ(place.participants, 2);
    EXPECT_EQ(place.participations, 1);
    EXPECT_EQ(place.occurrences, 1);
    EXPECT_EQ(place.activities_active, 1);
    EXPECT_DOUBLE_EQ(*place.support_share.value, 0.5);
    const Indicators partnership = run(data, PA);
    EXPECT_EQ(partnership.participants, 5);
    EXPECT_EQ(partnership.occurrences, 5);
}

TEST(ParticipationIndicators, OccurrencesAndActivities) {
    const auto data = house();
    const Indicators in = run(data, PA);
    // o1..o5; o6 and o7 are outside 2017.
    EXPECT_EQ(in.occurrences, 5);
    // o1, o2 (s1) and o5 (s2) have someone needing support.
    EXPECT_EQ(in.occurrences_with_support_share.numerator, 3);
    EXPECT_DOUBLE_EQ(*in.occurrences_with_support_share.value, 0.6);
    // a1, c1, a2.
    EXPECT_EQ(in.activities_active, 3);
}

TEST(ParticipationIndicators, InitiativesBySupport) {
    const auto data = house();
    // i1 and i6 (created on the last day); not i2 (n1 needs no support), i3 (fixed), i4 (pb's
    // place), i5 (2016).
    EXPECT_EQ(run(data, PA).initiatives_by_support, 2);
    EXPECT_EQ(run(data, PA, "2017-01-01", "2017-12-30").initiatives_by_support, 1);
}

TEST(ParticipationIndicators, Volunteers) {
    const auto data = house();
    // Initiator, host or active: s1, n1, n2 (active in o3), n3; s2 was only supported.
    EXPECT_EQ(run(data, PA).volunteers, 4);
    // In h2 alone s2 was supported: nobody.
    EXPECT_EQ(run(data, Scope{ScopeKind::Place, "h2"}).volunteers, 0);
}

TEST(ParticipationIndicators, Roles) {
    const auto data = house();
    const Indicators in = run(data, PA);
    // Support-needing with >= 1 participation: s1 (active, initiator), s2 (supported).
    EXPECT_EQ(in.roles.initiator_share.numerator, 1);
    EXPECT_EQ(in.roles.initiator_share.denominator, 2);
    // With >= 2 participations: s1 only, who held two roles.
    EXPECT_EQ(in.roles.flexible_share.numerator, 1);
    EXPECT_EQ(in.roles.flexible_share.denominator, 1);
    // Unscoped s2 has two participations (o5 supported, ox active): two roles as well.
    const Indicators all = run(data, Scope{});
    EXPECT_EQ(all.roles.flexible_share.numerator, 2);
    EXPECT_EQ(all.roles.flexible_share.denominator, 2);
}

TEST(ParticipationIndicators, RolesSameRoleTwiceIsNotFlexible) {
    BundleBuilder b;
    b.partnership("p").place("h", "p").person("s", true).activity("a", "h");
    b.occurrence("o1", "a", "2017-01-01").occurrence("o2", "a", "2017-01-02");
    b.participation("s", "o1", Role::Host).participation("s", "o2", Role::Host);
    const auto data = b.dataset();
    const Indicators in = run(data, Scope{});
    EXPECT_EQ(in.roles.flexible_share.denominator, 1);
    EXPECT_DOUBLE_EQ(*in.roles.flexible_share.value, 0.0);
    EXPECT_DOUBLE_EQ(*in.roles.initiator_share.value, 0.0);
}

TEST(ParticipationIndicators, EntryChannels) {
    const auto data = house();
    const Indicators in = run(data, PA);
    // Participants who joined in 2017: s1 (companion), n1 (network), n2 (host). s2 joined in
    // 2016, n3 has no channel, k1 and out are not participants in pa.
    EXPECT_EQ(in.entry_channels[size_t(EntryChannel::Companion)], 1);
    EXPECT_EQ(in.entry_channels[size_t(EntryChannel::Host)], 1);
    EXPECT_EQ(in.entry_channels[size_t(EntryChannel::Coordinator)], 0);
    EXPECT_EQ(in.entry_channels[size_t(EntryChannel::Network)], 1);
    EXPECT_EQ(in.entry_channels[size_t(EntryChannel::Outreach)], 0);
    EXPECT_EQ(in.entry_channels[size_t(EntryChannel::Self)], 0);
    // Unscoped, out (outreach, joined 2017-06-01) takes part at x.
    EXPECT_EQ(run(data, Scope{}).entry_channels[size_t(EntryChannel::Outreach)], 1);
}

TEST(ParticipationIndicators, MeetingSizes) {
    const auto data = house();
    const Indicators in = run(data, PA);
    // Cause occurrences in 2017: o3 with 3, o4 with none. Median of {0, 3} is 1.5.
    EXPECT_EQ(*in.meetings.size_min, 0);
    EXPECT_DOUBLE_EQ(*in.meetings.size_median, 1.5);
    EXPECT_EQ(*in.meetings.size_max, 3);
    // Only o3 in March.
    const Indicators march = run(data, PA, "2017-03-01", "2017-03-31");
    EXPECT_EQ(*march.meetings.size_min, 3);
    EXPECT_DOUBLE_EQ(*march.meetings.size_median, 3.0);
    // No cause meeting in May: all undefined.
    const Indicators may = run(data, PA, "2017-05-01", "2017-05-31");
    EXPECT_FALSE(may.meetings.size_min.has_value());
    EXPECT_FALSE(may.meetings.size_median.has_value());
    EXPECT_FALSE(may.meetings.size_max.has_value());
}

TEST(ParticipationIndicators, MeetingMedianOfOddCount) {
    BundleBuilder b;
    b.partnership("p").place("h", "p").activity("c", "h", ActivityKind::Cause);
    for (const char* id : {"a", "b", "c", "d", "e"}) {
        b.person(id);
    }
    // Sizes 2, 5, 1: sorted 1, 2, 5; median 2.
    b.occurrence("m1", "c", "2017-01-01").occurrence("m2", "c", "2017-01-02");
    b.occurrence("m3", "c", "2017-01-03");
    b.participation("a", "m1").participation("b", "m1");
    for (const char* id : {"a", "b", "c", "d", "e"}) {
        b.participation(id, "m2");
    }
    b.participation("a", "m3");
    const auto data = b.dataset();
    const Indicators in = run(data, Scope{});
    EXPECT_EQ(*in.meetings.size_min, 1);
    EXPECT_DOUBLE_EQ(*in.meetings.size_median, 2.0);
    EXPECT_EQ(*in.meetings.size_max, 5);
}

TEST(ParticipationIndicators, EmptyPeriodHasZeroCountsAndNoShares) {
    const auto data = house();
    const Indicators in = run(data, PA, "2019-01-01", "2019-12-31");
    EXPECT_EQ(in.participants, 0);
    EXPECT_EQ(in.participations, 0);
    EXPECT_EQ(in.occurrences, 0);
    EXPECT_EQ(in.volunteers, 0);
    EXPECT_EQ(in.daily.days, 0);
    EXPECT_FALSE(in.support_share.value.has_value());
    EXPECT_FALSE(in.support_participation_share.value.has_value());
    EXPECT_FALSE(in.occurrences_with_support_share.value.has_value());
    EXPECT_FALSE(in.daily.mean_support_share.value.has_value());
    EXPECT_FALSE(in.daily.max_support_share.value.has_value());
    EXPECT_FALSE(in.roles.flexible_share.value.has_value());
    EXPECT_FALSE(in.roles.initiator_share.value.has_value());
    EXPECT_FALSE(in.bridging.mostly_bridging_share.value.has_value());
    EXPECT_FALSE(in.bridging.mean_ei.value.has_value());
    EXPECT_FALSE(in.meetings.size_median.has_value());
    // s1's companion link (open since 2017) still covers 2019: the cohort is not empty.
    EXPECT_EQ(in.reach.cohort, 1);
    EXPECT_EQ(in.reach.reached, 0);
    EXPECT_DOUBLE_EQ(*in.reach.share.value, 0.0);
}

TEST(ParticipationIndicators, LastDayIncludedNextDayExcludedOnLeapDay) {
    BundleBuilder b;
    b.partnership("p").place("h", "p").person("a").person("b").activity("x", "h");
    b.occurrence("leap", "x", "2016-02-29").occurrence("march", "x", "2016-03-01");
    b.participation("a", "leap").participation("b", "march");
    const auto data = b.dataset();
    const Indicators february = run(data, Scope{}, "2016-02-01", "2016-02-29");
    EXPECT_EQ(february.occurrences, 1);
    EXPECT_EQ(february.participations, 1);
    EXPECT_EQ(february.participants, 1);
    EXPECT_EQ(february.daily.days, 1);
    const Indicators march = run(data, Scope{}, "2016-03-01", "2016-03-01");
    EXPECT_EQ(march.occurrences, 1);
    EXPECT_EQ(march.participants, 1);
}

TEST(ParticipationIndicators, OccurrenceDayIsItsStartDay) {
    // An occurrence starting at 23:00 on 31 January and ending on 1 February belongs to January.
    BundleBuilder b;
    b.partnership("p").place("h", "p").person("a").activity("x", "h");
    b.occurrence("late", "x", "2017-01-31");
    b.participation("a", "late");
    core::Bundle bundle = b.bundle();
    bundle.occurrences[0].start = core::LocalTime{day("2017-01-31")} * 86400 + 23 * 3600;
    bundle.occurrences[0].end = bundle.occurrences[0].start + 4 * 3600;
    const auto data = core::make_dataset(bundle);
    EXPECT_EQ(run(data, Scope{}, "2017-01-01", "2017-01-31").occurrences, 1);
    EXPECT_EQ(run(data, Scope{}, "2017-02-01", "2017-02-28").occurrences, 0);
}

}  // namespace
}  // namespace samskab::analytics
