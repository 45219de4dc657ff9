#include "core/schedule.h"

#include <gtest/gtest.h>

namespace samskab::core {
namespace {

Day date(const char* text) {
    return *parse_date(text);
}

WeeklySchedule tuesday_evenings() {
    WeeklySchedule s;
    s.activity = "a1";
    s.weekday = 2;
    s.start_minute = 17 * 60;
    s.end_minute = 19 * 60 + 30;
    s.from = date("2024-01-01");  // a Monday
    s.until = date("2024-01-31");
    return s;
}

TEST(ValidateSchedule, AcceptsAValidRule) {
    EXPECT_TRUE(validate_schedule(tuesday_evenings(), Lang::Da));
}

TEST(ValidateSchedule, NamesTheWrongField) {
    struct Case {
        void (*change)(WeeklySchedule&);
        const char* field;
    };
    const Case cases[] = {
        {[](WeeklySchedule& s) { s.weekday = 0; }, "weekday"},
        {[](WeeklySchedule& s) { s.weekday = 8; }, "weekday"},
        {[](WeeklySchedule& s) { s.start_minute = -1; }, "start"},
        {[](WeeklySchedule& s) { s.end_minute = 24 * 60 + 1; }, "end"},
        {[](WeeklySchedule& s) { s.end_minute = s.start_minute; }, "end"},
        {[](WeeklySchedule& s) { s.until = s.from - 1; }, "until"},
        {[](WeeklySchedule& s) { s.until = date("2027-01-02"); }, "until"},
    };
    for (const Case& c : cases) {
        WeeklySchedule s = tuesday_evenings();
        c.change(s);
        auto result = validate_schedule(s, Lang::En);
        ASSERT_FALSE(result) << c.field;
        EXPECT_EQ(result.error().code, ErrorCode::Invalid);
        EXPECT_EQ(result.error().field, c.field);
        EXPECT_FALSE(result.error().message.empty());
    }
}

TEST(ValidateSchedule, MessagesFollowTheLanguage) {
    WeeklySchedule s = tuesday_evenings();
    s.weekday = 9;
    EXPECT_EQ(validate_schedule(s, Lang::Da).error().message,
              message(Lang::Da, Msg::WeekdayOutOfRange));
    EXPECT_EQ(validate_schedule(s, Lang::En).error().message,
              message(Lang::En, Msg::WeekdayOutOfRange));
}

TEST(ValidateSchedule, AllowsExactlyThreeYearsAndAWholeDay) {
    WeeklySchedule s = tuesday_evenings();
    s.until = date("2027-01-01");
    s.start_minute = 0;
    s.end_minute = 24 * 60;
    EXPECT_TRUE(validate_schedule(s, Lang::Da));
    s.from = date("2024-02-29");
    s.until = date("2027-02-28");
    EXPECT_TRUE(validate_schedule(s, Lang::Da));
    s.until = date("2027-03-01");
    EXPECT_FALSE(validate_schedule(s, Lang::Da));
}

TEST(ExpandSchedule, OneOccurrencePerMatchingWeekday) {
    const auto occurrences = expand_schedule(tuesday_evenings());
    ASSERT_EQ(occurrences.size(), 5u);  // 2, 9, 16, 23, 30 January 2024
    EXPECT_EQ(occurrences[0].id, "a1-20240102T1700");
    EXPECT_EQ(occurrences[0].activity, "a1");
    EXPECT_EQ(occurrences[0].start, *parse_local_time("2024-01-02T17:00:00"));
    EXPECT_EQ(occurrences[0].end, *parse_local_time("2024-01-02T19:30:00"));
    EXPECT_EQ(occurrences[4].id, "a1-20240130T1700");
}

TEST(ExpandSchedule, IncludesBothEndsAndIsTheSameEveryTime) {
    WeeklySchedule s = tuesday_evenings();
    s.from = date("2024-01-02");
    s.until = date("2024-01-16");
    const auto first = expand_schedule(s);
    ASSERT_EQ(first.size(), 3u);
    EXPECT_EQ(first.front().id, "a1-20240102T1700");
    EXPECT_EQ(first.back().id, "a1-20240116T1700");
    const auto second = expand_schedule(s);
    for (size_t i = 0; i < first.size(); ++i) {
        EXPECT_EQ(first[i].id, second[i].id);
        EXPECT_EQ(first[i].start, second[i].start);
    }
}

TEST(ExpandSchedule, EveryWeekdayMapsToItsDay) {
    // 2024-01-01 was a Monday; so weekday w falls on 2024-01-0w.
    for (int w = 1; w <= 7; ++w) {
        WeeklySchedule s = tuesday_evenings();
        s.weekday = w;
        s.until = date("2024-01-07");
        const auto occurrences = expand_schedule(s);
        ASSERT_EQ(occurrences.size(), 1u) << w;
        EXPECT_EQ(day_of(occurrences[0].start), date("2024-01-01") + (w - 1));
    }
}

TEST(ExpandSchedule, BeforeTheEpochToo) {
    WeeklySchedule s = tuesday_evenings();
    s.weekday = 3;  // 1969-12-31 was a Wednesday
    s.from = date("1969-12-29");
    s.until = date("1970-01-04");
    const auto occurrences = expand_schedule(s);
    ASSERT_EQ(occurrences.size(), 1u);
    EXPECT_EQ(occurrences[0].id, "a1-19691231T1700");
}

TEST(ExpandSchedule, EmptyWhenNoDayMatches) {
    WeeklySchedule s = tuesday_evenings();
    s.from = date("2024-01-03");
    s.until = date("2024-01-08");
    EXPECT_TRUE(expand_schedule(s).empty());
}

}  // namespace
}  // namespace samskab::core
