#include "analytics/logbook_summary.h"

#include <gtest/gtest.h>

namespace samskab::analytics {
namespace {

using core::FieldType;

core::Day d(int y, int m, int day) {
    return core::days_from_civil(y, m, day);
}

// Version 1: mood (scale), kind (choice), guests (number), new (yes/no), present, note.
// Version 2: drops guests, adds the option "Dans", and turns note into a number.
core::LogbookTemplate evening() {
    core::LogbookTemplate t;
    t.id = "lt1";
    t.name = "Aften";
    core::TemplateVersion v1{1,
                             {{"mood", "Stemning", FieldType::Scale, {}, true},
                              {"kind", "Slags", FieldType::Choice, {"Spil", "Musik"}, false},
                              {"guests", "Gæster", FieldType::Number, {}, false},
                              {"new", "Nye?", FieldType::YesNo, {}, false},
                              {"present", "Til stede", FieldType::PeoplePresent, {}, false},
                              {"note", "Noter", FieldType::Text, {}, false}},
                             0};
    core::TemplateVersion v2 = v1;
    v2.number = 2;
    v2.fields.erase(v2.fields.begin() + 2);
    v2.fields[1].options.push_back("Dans");
    v2.fields.back().type = FieldType::Number;
    t.versions = {v1, v2};
    return t;
}

core::LogbookEntry entry(int version, core::Day day, std::optional<double> mood, std::string kind,
                         std::optional<double> guests, std::optional<bool> yes, int people) {
    core::LogbookEntry e;
    e.template_id = "lt1";
    e.version = version;
    e.day = day;
    if (mood) {
        e.values.push_back({"mood", "", mood, {}, {}, {}, {}});
    }
    if (!kind.empty()) {
        e.values.push_back({"kind", "", {}, {}, {}, {kind}, {}});
    }
    if (guests) {
        e.values.push_back({"guests", "", guests, {}, {}, {}, {}});
    }
    if (yes) {
        e.values.push_back({"new", "", {}, yes, {}, {}, {}});
    }
    if (people > 0) {
        core::EntryValue present;
        present.key = "present";
        for (int i = 0; i < people; ++i) {
            present.people.push_back({"p" + std::to_string(i), "", {}});
        }
        e.values.push_back(present);
    }
    return e;
}

std::vector<core::LogbookEntry> entries() {
    return {entry(1, d(2017, 1, 10), 4, "Spil", 10, true, 2),
            entry(1, d(2017, 1, 20), 2, "Musik", 20, false, 0),
            entry(1, d(2017, 2, 3), 5, "", {}, true, 4),
            entry(2, d(2017, 4, 5), 3, "Dans", {}, {}, 1),
            entry(2, d(2016, 12, 31), 1, "Spil", 99, true, 9)};  // before the period
}

const FieldSummary& field(const LogbookSummary& s, const std::string& key) {
    for (const FieldSummary& f : s.fields) {
        if (f.field.key == key) {
            return f;
        }
    }
    throw std::logic_error("no field " + key);
}

TEST(LogbookSummary, FieldsOfEveryVersionNewestFirst) {
    auto s = summarise_logbook(evening(), entries(), {d(2017, 1, 1), d(2017, 6, 30)},
                               SliceBy::Month, core::Lang::Da);
    EXPECT_EQ(s.entries, 4);
    std::vector<std::string> keys;
    for (const FieldSummary& f : s.fields) {
        keys.push_back(f.field.key);
    }
    EXPECT_EQ(keys, (std::vector<std::string>{"mood", "kind", "new", "present", "note", "guests"}));
    EXPECT_EQ(field(s, "note").field.type, FieldType::Number);  // the newest definition
}

TEST(LogbookSummary, CountsDistributionsMeansAndMedians) {
    auto s = summarise_logbook(evening(), entries(), {d(2017, 1, 1), d(2017, 6, 30)},
                               SliceBy::Month, core::Lang::Da);
    const FieldSummary& mood = field(s, "mood");
    EXPECT_EQ(mood.answered, 4);
    EXPECT_EQ(mood.unanswered, 0);
    EXPECT_DOUBLE_EQ(*mood.mean, 3.5);
    EXPECT_DOUBLE_EQ(*mood.median, 3.5);
    ASSERT_EQ(mood.distribution.size(), 5U);
    EXPECT_EQ(mood.distribution[0].count, 0);  // 1
    EXPECT_EQ(mood.distribution[4].count, 1);  // 5

    const FieldSummary& kind = field(s, "kind");
    EXPECT_EQ(kind.answered, 3);
    EXPECT_EQ(kind.unanswered, 1);
    ASSERT_EQ(kind.distribution.size(), 3U);
    EXPECT_EQ(kind.distribution[2].label, "Dans");
    EXPECT_EQ(kind.distribution[2].count, 1);

    // Only version 1 has guests: the version 2 entry does not count as unanswered.
    const FieldSummary& guests = field(s, "guests");
    EXPECT_EQ(guests.entries, 3);
    EXPECT_EQ(guests.answered, 2);
    EXPECT_DOUBLE_EQ(*guests.mean, 15);
    EXPECT_DOUBLE_EQ(*guests.median, 15);

    const FieldSummary& yes = field(s, "new");
    EXPECT_EQ(yes.distribution[0].label, "Ja");
    EXPECT_EQ(yes.distribution[0].count, 2);
    EXPECT_EQ(yes.distribution[1].count, 1);
    EXPECT_EQ(yes.unanswered, 1);

    const FieldSummary& present = field(s, "present");
    EXPECT_DOUBLE_EQ(*present.mean, 7.0 / 3);
    EXPECT_DOUBLE_EQ(*present.median, 2);

    // The note changed type; only the version 2 entry counts, unanswered.
    EXPECT_EQ(field(s, "note").entries, 1);
    EXPECT_EQ(field(s, "note").answered, 0);
    EXPECT_FALSE(field(s, "note").mean);
}

TEST(LogbookSummary, TrendByMonthAndQuarter) {
    auto s = summarise_logbook(evening(), entries(), {d(2017, 1, 1), d(2017, 6, 30)},
                               SliceBy::Month, core::Lang::Da);
    const FieldSummary& mood = field(s, "mood");
    ASSERT_EQ(mood.trend.size(), 6U);
    EXPECT_EQ(mood.trend[0].label, "jan. 2017");
    EXPECT_EQ(mood.trend[0].answered, 2);
    EXPECT_DOUBLE_EQ(*mood.trend[0].mean, 3);
    EXPECT_FALSE(mood.trend[2].mean);  // March: nothing
    EXPECT_DOUBLE_EQ(*field(s, "new").trend[0].yes_share, 0.5);

    auto q = summarise_logbook(evening(), entries(), {d(2017, 1, 1), d(2017, 6, 30)},
                               SliceBy::Quarter, core::Lang::En);
    ASSERT_EQ(field(q, "mood").trend.size(), 2U);
    EXPECT_EQ(field(q, "mood").trend[0].label, "Q1 2017");
    EXPECT_EQ(field(q, "mood").trend[0].answered, 3);
    EXPECT_EQ(field(q, "new").distribution[0].label, "Yes");
}

TEST(LogbookSummary, ChartsAreAccessibleAndHaveTables) {
    auto s = summarise_logbook(evening(), entries(), {d(2017, 1, 1), d(2017, 6, 30)},
                               SliceBy::Quarter, core::Lang::Da);
    FieldCharts mood = field_charts(field(s, "mood"), "lb-mood", core::Lang::Da);
    ASSERT_TRUE(mood.distribution);
    const std::string bars = render_bar_chart(*mood.distribution);
    EXPECT_NE(bars.find("<title id=\"lb-mood-dist-title\">Stemning: svarene</title>"),
              std::string::npos)
        << bars.substr(0, 400);
    EXPECT_NE(bars.find("<desc"), std::string::npos);
    EXPECT_NE(render_chart_table(*mood.distribution).find("<caption>Stemning: svarene</caption>"),
              std::string::npos);
    EXPECT_EQ(mood.trend.title, "Stemning: gennemsnit over tid");
    EXPECT_EQ(mood.trend.series[0].points[0].text, "3,7");
    EXPECT_NE(render_line_chart(mood.trend).find("<svg"), std::string::npos);

    FieldCharts note = field_charts(field(s, "note"), "lb-note", core::Lang::Da);
    EXPECT_FALSE(field_charts(field(s, "present"), "x", core::Lang::Da).distribution);
    EXPECT_EQ(field_charts(field(s, "new"), "x", core::Lang::En).trend.unit, ChartUnit::Share);
    EXPECT_EQ(note.trend.unit, ChartUnit::Size);
}

TEST(LogbookSummary, NoEntriesGiveEmptyFigures) {
    auto s = summarise_logbook(evening(), {}, {d(2017, 1, 1), d(2017, 3, 31)}, SliceBy::Month,
                               core::Lang::Da);
    EXPECT_EQ(s.entries, 0);
    EXPECT_FALSE(field(s, "mood").mean);
    EXPECT_EQ(field(s, "mood").trend.size(), 3U);
    EXPECT_EQ(format_summary_number(4.25, core::Lang::Da), "4,3");
    EXPECT_EQ(format_summary_number(4.0, core::Lang::En), "4");
}

}  // namespace
}  // namespace samskab::analytics
