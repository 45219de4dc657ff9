#include "core/schedule.h"
#include "storage/conformance/conformance_fixture.h"

namespace samskab::storage::conformance {
namespace {

using core::ErrorCode;

std::vector<std::string> ids(const std::vector<core::OccurrenceView>& views) {
    std::vector<std::string> out;
    for (const auto& v : views) {
        out.push_back(v.occurrence.id);
    }
    return out;
}

TEST_P(ConformanceTest, ActivitiesOfAPlace) {
    auto activities = store().activities_at("house");
    ASSERT_TRUE(activities);
    ASSERT_EQ(activities->size(), 1u);
    EXPECT_EQ((*activities)[0].id, "a2");
    EXPECT_EQ((*activities)[0].kind, core::ActivityKind::Initiative);
    EXPECT_EQ((*activities)[0].initiated_by, std::optional<std::string>("p4"));
    EXPECT_EQ((*activities)[0].created, day("2024-01-01"));
    EXPECT_EQ(store().activities_at("nowhere").error().field, "place");
}

TEST_P(ConformanceTest, OccurrencesBetweenListTheWindowEarliestFirst) {
    auto all = store().occurrences_between({"cafe", "house", "cafe"}, at("2024-03-01T00:00:00"),
                                           at("2024-04-01T00:00:00"), "p1");
    ASSERT_TRUE(all) << all.error().message;
    EXPECT_EQ(ids(*all), (std::vector<std::string>{"o1", "o3", "o2"}));
    const core::OccurrenceView& o1 = (*all)[0];
    EXPECT_EQ(o1.activity_title, "Strikkeklub");
    EXPECT_EQ(o1.activity_kind, core::ActivityKind::Fixed);
    EXPECT_EQ(o1.place, "cafe");
    EXPECT_EQ(o1.place_name, "Caféen");
    EXPECT_EQ(o1.participants, 2);
    EXPECT_TRUE(o1.joined);
    EXPECT_EQ(o1.occurrence.start, at("2024-03-05T17:00:00"));
    EXPECT_EQ(o1.occurrence.end, at("2024-03-05T19:00:00"));
    EXPECT_FALSE((*all)[2].joined);
    EXPECT_EQ((*all)[2].participants, 0);

    // [from, to): o2 starts exactly at `to`; o1 exactly at `from`.
    auto window = store().occurrences_between({"cafe"}, at("2024-03-05T17:00:00"),
                                              at("2024-03-12T17:00:00"), "");
    ASSERT_TRUE(window);
    EXPECT_EQ(ids(*window), (std::vector<std::string>{"o1"}));
    EXPECT_FALSE((*window)[0].joined);
    EXPECT_TRUE(
        store()
            .occurrences_between({}, at("2024-03-01T00:00:00"), at("2024-04-01T00:00:00"), "")
            ->empty());
    EXPECT_TRUE(store()
                    .occurrences_between({"nowhere"}, at("2024-03-01T00:00:00"),
                                         at("2024-04-01T00:00:00"), "")
                    ->empty());
    auto stranger = store().occurrences_between({"cafe"}, at("2024-03-01T00:00:00"),
                                                at("2024-04-01T00:00:00"), "p9");
    ASSERT_FALSE(stranger);
    EXPECT_EQ(stranger.error().field, "person");
}

TEST_P(ConformanceTest, CreatesRenamesAndFindsAnActivity) {
    auto id = store().create_activity(
        {"cafe", "Repair café", core::ActivityKind::Cause, "p2", day("2024-03-01")});
    ASSERT_TRUE(id) << id.error().message;
    EXPECT_TRUE(is_generated_id(*id, "a")) << *id;
    ASSERT_TRUE(store().rename_activity(*id, "Reparationscafé"));
    auto item = store().add_action_item({0, *id, "Find værktøj", day("2024-03-20"), false});
    ASSERT_TRUE(item);
    ASSERT_TRUE(store().add_action_item({0, *id, "Lån lokale", std::nullopt, true}));
    auto meeting =
        store().add_occurrence(*id, at("2024-03-07T18:00:00"), at("2024-03-07T20:00:00"));
    ASSERT_TRUE(meeting);

    auto view = store().find_activity(*id, at("2024-03-01T00:00:00"), 10, "p2");
    ASSERT_TRUE(view && *view) << (view ? "" : view.error().message);
    EXPECT_EQ((*view)->activity.title, "Reparationscafé");
    EXPECT_EQ((*view)->activity.kind, core::ActivityKind::Cause);
    EXPECT_EQ((*view)->activity.place, "cafe");
    EXPECT_EQ((*view)->place_name, "Caféen");
    EXPECT_EQ((*view)->initiator_name, "Bo");
    ASSERT_EQ((*view)->upcoming.size(), 1u);
    EXPECT_EQ((*view)->upcoming[0].occurrence.id, *meeting);
    ASSERT_EQ((*view)->action_items.size(), 2u);
    EXPECT_EQ((*view)->action_items[0].id, *item);
    EXPECT_EQ((*view)->action_items[0].due, day("2024-03-20"));
    EXPECT_FALSE((*view)->action_items[0].done);
    EXPECT_TRUE((*view)->action_items[1].done);
    EXPECT_FALSE((*view)->action_items[1].due);
    EXPECT_FALSE(*store().find_activity("a9", 0, 10, ""));
}

TEST_P(ConformanceTest, FindActivityListsUpcomingFromAGivenTimeUpToALimit) {
    auto view = store().find_activity("a1", at("2024-03-05T17:00:00"), 1, "p1");
    ASSERT_TRUE(view && *view);
    EXPECT_EQ(ids((*view)->upcoming), (std::vector<std::string>{"o1"}));
    EXPECT_TRUE((*view)->upcoming[0].joined);
    EXPECT_TRUE((*view)->initiator_name.empty());
    view = store().find_activity("a1", at("2024-03-05T17:00:01"), 5, "");
    EXPECT_EQ(ids((*view)->upcoming), (std::vector<std::string>{"o2"}));
    view = store().find_activity("a1", 0, 0, "");
    EXPECT_TRUE((*view)->upcoming.empty());
}

TEST_P(ConformanceTest, RefusesBadActivitiesAndStoresNothing) {
    auto blank = store().create_activity({"cafe", "  ", core::ActivityKind::Fixed, {}, 0});
    EXPECT_EQ(blank.error().field, "title");
    auto place = store().create_activity({"nowhere", "X", core::ActivityKind::Fixed, {}, 0});
    EXPECT_EQ(place.error().code, ErrorCode::NotFound);
    EXPECT_EQ(place.error().field, "place");
    auto initiator = store().create_activity({"cafe", "X", core::ActivityKind::Fixed, "p9", 0});
    EXPECT_EQ(initiator.error().field, "initiated_by");
    EXPECT_EQ(sql("SELECT count(*) FROM activities"), "2");
    EXPECT_EQ(store().rename_activity("a9", "X").error().field, "activity");
    EXPECT_EQ(store().rename_activity("a1", "").error().field, "title");
    EXPECT_EQ(sql("SELECT title FROM activities WHERE id = 'a1'"), "Strikkeklub");
}

TEST_P(ConformanceTest, AddScheduleStoresTheRuleAndItsOccurrences) {
    core::WeeklySchedule rule;
    rule.activity = "a1";
    rule.weekday = 2;  // Tuesdays, as o1 and o2
    rule.start_minute = 17 * 60;
    rule.end_minute = 19 * 60;
    rule.from = day("2024-03-01");
    rule.until = day("2024-03-31");
    // A hand-made occurrence at one of the rule's starts is kept; o1 and o2 already sit on
    // two others.
    auto by_hand =
        store().add_occurrence("a1", at("2024-03-19T17:00:00"), at("2024-03-19T18:00:00"));
    ASSERT_TRUE(by_hand);
    auto added = store().add_schedule(rule);
    ASSERT_TRUE(added) << added.error().message;
    EXPECT_EQ(*added, 1);  // 5, 12, 19, 26 March: only the 26th is new
    EXPECT_EQ(sql("SELECT count(*) FROM occurrences WHERE id = 'a1-20240326T1700'"), "1");
    EXPECT_EQ(sql("SELECT \"end\" FROM occurrences WHERE id = '" + *by_hand + "'"),
              "2024-03-19T18:00:00");
    EXPECT_EQ(*store().add_schedule(rule), 0);  // the same rule again adds nothing

    rule.weekday = 4;
    EXPECT_EQ(*store().add_schedule(rule), 4);  // Thursdays 7, 14, 21, 28 March
    auto view = store().find_activity("a1", at("2024-03-01T00:00:00"), 100, "");
    ASSERT_TRUE(view && *view);
    ASSERT_EQ((*view)->schedules.size(), 3u);
    EXPECT_GT((*view)->schedules[0].id, 0);
    EXPECT_EQ((*view)->schedules[2].weekday, 4);
    EXPECT_EQ((*view)->schedules[2].from, day("2024-03-01"));
    EXPECT_EQ((*view)->schedules[2].until, day("2024-03-31"));
    EXPECT_EQ((*view)->upcoming.size(), 8u);  // o1, o2, by hand, 26 March, four Thursdays
    for (const core::Occurrence& o : core::expand_schedule(rule)) {
        EXPECT_EQ(sql("SELECT count(*) FROM occurrences WHERE id = '" + o.id + "'"), "1");
    }
}

TEST_P(ConformanceTest, RefusesABadScheduleAndStoresNothing) {
    core::WeeklySchedule rule{0, "a1", 8, 600, 660, day("2024-03-01"), day("2024-03-31")};
    auto weekday = store().add_schedule(rule);
    ASSERT_FALSE(weekday);
    EXPECT_EQ(weekday.error().code, ErrorCode::Invalid);
    EXPECT_EQ(weekday.error().field, "weekday");
    EXPECT_EQ(weekday.error().message, core::message(core::Lang::Da, core::Msg::WeekdayOutOfRange));
    rule.weekday = 1;
    rule.activity = "a9";
    EXPECT_EQ(store().add_schedule(rule).error().field, "activity");
    EXPECT_EQ(sql("SELECT count(*) FROM schedules"), "0");
    EXPECT_EQ(sql("SELECT count(*) FROM occurrences"), "3");
}

TEST_P(ConformanceTest, AddsOneOccurrence) {
    auto id = store().add_occurrence("a2", at("2024-04-01T10:00:00"), at("2024-04-01T11:00:00"));
    ASSERT_TRUE(id);
    EXPECT_TRUE(is_generated_id(*id, "o")) << *id;
    auto detail = store().find_occurrence(*id, false);
    ASSERT_TRUE(detail && *detail);
    EXPECT_EQ((*detail)->occurrence.occurrence.activity, "a2");
    EXPECT_EQ((*detail)->occurrence.place, "house");
    EXPECT_TRUE((*detail)->participants.empty());
    auto backwards =
        store().add_occurrence("a2", at("2024-04-01T10:00:00"), at("2024-04-01T10:00:00"));
    EXPECT_EQ(backwards.error().field, "end");
    EXPECT_EQ(store().add_occurrence("a9", 0, 60).error().field, "activity");
    EXPECT_EQ(sql("SELECT count(*) FROM occurrences"), "4");
}

TEST_P(ConformanceTest, FindOccurrenceListsParticipantsByName) {
    auto detail = store().find_occurrence("o1", false);
    ASSERT_TRUE(detail && *detail);
    ASSERT_EQ((*detail)->participants.size(), 2u);
    EXPECT_EQ((*detail)->participants[0].person.name, "Bo");
    EXPECT_EQ((*detail)->participants[0].role, core::Role::Host);
    EXPECT_EQ((*detail)->participants[1].person.id, "p1");
    EXPECT_FALSE((*detail)->participants[1].person.support_need.has_value());
    EXPECT_EQ((*detail)->occurrence.participants, 2);
    auto flagged = store().find_occurrence("o1", true);
    EXPECT_EQ((*flagged)->participants[1].person.support_need, std::optional<bool>(true));
    EXPECT_FALSE(*store().find_occurrence("o9", true));
}

TEST_P(ConformanceTest, JoinAndLeaveUntilTheOccurrenceEnds) {
    const auto before = at("2024-03-12T16:00:00");
    ASSERT_TRUE(store().join("p3", "o2", before));
    ASSERT_TRUE(store().join("p3", "o2", before));  // twice: no change
    auto detail = store().find_occurrence("o2", false);
    ASSERT_EQ((*detail)->participants.size(), 1u);
    EXPECT_EQ((*detail)->participants[0].role, core::Role::Active);
    ASSERT_TRUE(store().set_role("p3", "o2", core::Role::Initiator));
    ASSERT_TRUE(store().join("p3", "o2", before));  // joining again keeps the role
    EXPECT_EQ((*store().find_occurrence("o2", false))->participants[0].role, core::Role::Initiator);

    // During the occurrence one may still leave; at its end it is over.
    ASSERT_TRUE(store().leave("p3", "o2", at("2024-03-12T18:59:59")));
    EXPECT_TRUE((*store().find_occurrence("o2", false))->participants.empty());
    ASSERT_TRUE(store().leave("p3", "o2", before));  // not taking part: nothing to do
    auto ended = store().join("p3", "o2", at("2024-03-12T19:00:00"));
    ASSERT_FALSE(ended);
    EXPECT_EQ(ended.error().code, ErrorCode::Conflict);
    EXPECT_EQ(ended.error().field, "occurrence");
    EXPECT_EQ(ended.error().message, core::message(core::Lang::Da, core::Msg::AlreadyEnded));
    auto late_leave = store().leave("p1", "o1", at("2024-03-06T00:00:00"));
    ASSERT_FALSE(late_leave);
    EXPECT_EQ(late_leave.error().code, ErrorCode::Conflict);
    EXPECT_EQ((*store().find_occurrence("o1", false))->participants.size(), 2u);

    EXPECT_EQ(store().join("p9", "o2", before).error().field, "person");
    EXPECT_EQ(store().join("p3", "o9", before).error().field, "occurrence");
    EXPECT_EQ(store().join("p3", "o9", before).error().code, ErrorCode::NotFound);
}

TEST_P(ConformanceTest, SetRoleNeedsAParticipation) {
    ASSERT_TRUE(store().set_role("p1", "o1", core::Role::Supported));
    EXPECT_EQ(sql("SELECT role FROM participations "
                  "WHERE person = (SELECT pk FROM people WHERE id = 'p1') "
                  "AND occurrence = (SELECT pk FROM occurrences WHERE id = 'o1')"),
              "supported");
    auto missing = store().set_role("p3", "o1", core::Role::Host);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
    EXPECT_EQ(missing.error().field, "participation");
    EXPECT_EQ(store().set_role("p3", "o9", core::Role::Host).error().field, "occurrence");
}

}  // namespace
}  // namespace samskab::storage::conformance

namespace samskab::storage::conformance {
namespace {

// The person's own page lists every occurrence they take or took part in, wherever, earliest
// first, without reading the days between.
TEST_P(ConformanceTest, OccurrencesJoinedAreThePersonsOwnEarliestFirst) {
    auto ids = [](const std::vector<core::OccurrenceView>& views) {
        std::vector<std::string> out;
        for (const core::OccurrenceView& view : views) {
            out.push_back(view.occurrence.id);
        }
        return out;
    };
    ASSERT_TRUE(store().join("p1", "o3", at("2024-03-04T09:00:00")));
    auto joined = store().occurrences_joined("p1");
    ASSERT_TRUE(joined) << joined.error().message;
    EXPECT_EQ(ids(*joined), (std::vector<std::string>{"o1", "o3"}));
    const core::OccurrenceView& house = (*joined)[1];
    EXPECT_EQ(house.activity_title, "Madklub");
    EXPECT_EQ(house.place, "house");
    EXPECT_EQ(house.place_name, "Huset");
    EXPECT_EQ(house.participants, 2);
    EXPECT_TRUE(house.joined);
    EXPECT_EQ(house.occurrence.start, at("2024-03-06T12:00:00"));
    auto none = store().occurrences_joined("p6");
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->empty());
    auto unknown = store().occurrences_joined("nobody");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(unknown.error().field, "person");
}

}  // namespace
}  // namespace samskab::storage::conformance
