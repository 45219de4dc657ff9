#include "core/privacy.h"

#include <gtest/gtest.h>

namespace samskab::core {
namespace {

TEST(Privacy, MonthsBeforeClampsToTheMonthsLength) {
    EXPECT_EQ(months_before(days_from_civil(2026, 4, 1), 24), days_from_civil(2024, 4, 1));
    EXPECT_EQ(months_before(days_from_civil(2026, 3, 31), 1), days_from_civil(2026, 2, 28));
    EXPECT_EQ(months_before(days_from_civil(2025, 3, 31), 13), days_from_civil(2024, 2, 29));
    EXPECT_EQ(months_before(days_from_civil(2026, 1, 15), 6), days_from_civil(2025, 7, 15));
}

TEST(Privacy, ConsentsByPurpose) {
    Consents given{true, false, true, false};
    EXPECT_TRUE(consents_to(given, Purpose::SupportNeed));
    EXPECT_FALSE(consents_to(given, Purpose::Pathways));
    EXPECT_TRUE(consents_to(given, Purpose::Companion));
    EXPECT_FALSE(consents_to(given, Purpose::Statistics));
    EXPECT_TRUE(Consents{}.statistics);  // counted unless the person objects
    EXPECT_FALSE(Consents{}.companion);  // shared only when the person says so
}

TEST(Privacy, LeavingOutAPersonTakesEverythingAboutThem) {
    Dataset d;
    d.partnerships = {{"p"}};
    d.places = {{"pl", 0, 0.2}};
    d.people = {{"a", false, NO_DAY, -1}, {"b", true, NO_DAY, -1}, {"c", false, NO_DAY, -1}};
    d.companions = {{1, 2, 0, 0, DAY_MAX}, {0, 2, 0, 0, DAY_MAX}};
    d.activities = {{"x", 0, ActivityKind::Initiative, 1, 0},
                    {"y", 0, ActivityKind::Initiative, 2, 0}};
    d.occurrences = {{0, 5}, {1, 6}};
    d.participations = {{0, 0, Role::Active}, {1, 0, Role::Active}, {2, 1, Role::Host}};
    d.visits = {{1, 0, 5}, {2, 0, 6}};
    d.relations = {{0, 1, 0, DAY_MAX}, {0, 2, 0, DAY_MAX}};
    d.pathways = {{1, 7, PathwayKind::Job}, {2, 8, PathwayKind::Education}};

    Dataset out = leave_out_people(d, {false, true, false});
    ASSERT_EQ(out.people.size(), 2u);
    EXPECT_EQ(out.people[1].id, "c");
    ASSERT_EQ(out.companions.size(), 1u);
    EXPECT_EQ(out.companions[0].person, 0);
    EXPECT_EQ(out.companions[0].companion, 1);
    ASSERT_EQ(out.activities.size(), 2u);  // activities stay
    EXPECT_EQ(out.activities[0].initiated_by, Dataset::NONE);
    EXPECT_EQ(out.activities[1].initiated_by, 1);
    EXPECT_EQ(out.occurrences.size(), 2u);
    ASSERT_EQ(out.participations.size(), 2u);
    EXPECT_EQ(out.participations[1].person, 1);
    ASSERT_EQ(out.visits.size(), 1u);
    EXPECT_EQ(out.visits[0].person, 1);
    ASSERT_EQ(out.relations.size(), 1u);
    EXPECT_EQ(out.relations[0].b, 1);
    ASSERT_EQ(out.pathways.size(), 1u);
    EXPECT_EQ(out.pathways[0].kind, PathwayKind::Education);

    // Nobody left out: the same dataset.
    Dataset same = leave_out_people(d, {});
    EXPECT_EQ(same.people.size(), 3u);
    EXPECT_EQ(same.relations.size(), 2u);
}

TEST(LookupPurpose, NamesTheAreaNeverThePerson) {
    EXPECT_EQ(lookup_purpose("login_failed", ""), "login");
    EXPECT_EQ(lookup_purpose("export", "samskab export"), "export");
    EXPECT_EQ(lookup_purpose("view", "GET /coordinator/people/p1"), "coordination");
    EXPECT_EQ(lookup_purpose("view", "GET /api/v1/people?partnership=x"), "coordination");
    EXPECT_EQ(lookup_purpose("view", "GET /api/v1/occurrences/o1"), "coordination");
    EXPECT_EQ(lookup_purpose("view", "GET /host/today?place=pl1"), "hosting");
    EXPECT_EQ(lookup_purpose("view", "GET /companion"), "companion");
    EXPECT_EQ(lookup_purpose("view", "GET /whats-on"), "other");
    EXPECT_EQ(lookup_purpose("view", "/host"), "hosting");  // a detail without a method
}

}  // namespace
}  // namespace samskab::core
