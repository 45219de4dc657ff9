#include "demo/demo.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <random>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "analytics/indicators.h"
#include "analytics/report.h"
#include "analytics/scope.h"
#include "core/bundle_validator.h"
#include "core/dataset.h"
#include "storage/sqlite/sqlite_store.h"

namespace samskab::demo {
namespace {

using analytics::Indicators;
using analytics::Period;

Period year(int y) {
    return {core::days_from_civil(y, 1, 1), core::days_from_civil(y, 12, 31)};
}

Period project() {
    return {core::days_from_civil(2016, 1, 1), core::days_from_civil(2018, 12, 31)};
}

// The indicators of one partnership of `data`, as `samskab report --partnership ID` computes
// them.
class Partnership {
public:
    Partnership(const core::Dataset& data, const std::string& id)
        : m_scope(scope(data, id)), m_engine(data, m_scope) {}

    Indicators operator()(Period period) const { return m_engine.compute(period); }

private:
    static analytics::ResolvedScope scope(const core::Dataset& data, const std::string& id) {
        auto resolved =
            analytics::resolve_scope(data, {analytics::ScopeKind::Partnership, id}, core::Lang::En);
        EXPECT_TRUE(resolved) << id;
        return resolved ? *resolved : analytics::ResolvedScope{};
    }

    analytics::ResolvedScope m_scope;
    analytics::IndicatorEngine m_engine;
};

double value_of(const analytics::Share& share) {
    EXPECT_TRUE(share.value.has_value());
    return share.value.value_or(-1.0);
}

// The entry channel with strictly the largest count, or -1 on a tie for the largest.
int largest_channel(const Indicators& figures) {
    const auto& counts = figures.entry_channels;
    const auto top = std::max_element(counts.begin(), counts.end());
    if (std::count(counts.begin(), counts.end(), *top) != 1) {
        return -1;
    }
    return static_cast<int>(top - counts.begin());
}

void expect_insp_figures(const core::Dataset& data) {
    SCOPED_TRACE("INSP!");
    const Partnership insp(data, "insp");
    const Indicators y2016 = insp(year(2016));
    const Indicators y2017 = insp(year(2017));
    const Indicators y2018 = insp(year(2018));

    // 30 % of the young people with a youth guide used the house in 2016, 66 % in 2018.
    EXPECT_NEAR(value_of(y2016.reach.share), 0.30, 0.02);
    EXPECT_NEAR(value_of(y2018.reach.share), 0.66, 0.02);
    // More of them took part in activities in 2017 than in 2016, and their share rose.
    EXPECT_GT(y2017.support_participations, y2016.support_participations);
    EXPECT_GT(value_of(y2017.support_participation_share),
              value_of(y2016.support_participation_share));
    // More of them start activities themselves.
    EXPECT_GT(y2017.initiatives_by_support, y2016.initiatives_by_support);
    // 2017: 85 % knew mostly young people without a youth guide.
    EXPECT_NEAR(value_of(y2017.bridging.mostly_bridging_share), 0.85, 0.03);
    // At most 20 % of the daily users need support, on at least 90 % of the place-days: per
    // year and over the whole project.
    for (const Indicators& figures : {y2016, y2017, y2018, insp(project())}) {
        ASSERT_GT(figures.daily.days, 0);
        EXPECT_LE(static_cast<double>(figures.daily.days_over_threshold) /
                      static_cast<double>(figures.daily.days),
                  0.10);
    }
}

void expect_sager_figures(const core::Dataset& data) {
    SCOPED_TRACE("Sager der Samler");
    const Indicators figures = Partnership(data, "sager")(project());
    // Vulnerable groups are about 25 % of the participants.
    EXPECT_NEAR(value_of(figures.support_share), 0.25, 0.03);
    // Cause meetings have 2 to 30 participants.
    ASSERT_TRUE(figures.meetings.size_min.has_value());
    ASSERT_TRUE(figures.meetings.size_max.has_value());
    EXPECT_GE(*figures.meetings.size_min, 2);
    EXPECT_LE(*figures.meetings.size_max, 30);
    // Most came because they were invited through a network.
    EXPECT_EQ(largest_channel(figures), static_cast<int>(core::EntryChannel::Network));
}

void expect_vimby_figures(const core::Dataset& data) {
    SCOPED_TRACE("Vimby");
    const Partnership vimby(data, "vimby");
    const Indicators y2016 = vimby(year(2016));
    const Indicators y2017 = vimby(year(2017));
    const Indicators y2018 = vimby(year(2018));
    // The number of volunteers and of activities rose over the project.
    EXPECT_LT(y2016.volunteers, y2017.volunteers);
    EXPECT_LT(y2017.volunteers, y2018.volunteers);
    EXPECT_LT(y2016.activities_active, y2017.activities_active);
    EXPECT_LT(y2017.activities_active, y2018.activities_active);
    const Indicators figures = vimby(project());
    // Vulnerable citizens take part in two of three registered activities.
    EXPECT_NEAR(value_of(figures.occurrences_with_support_share), 0.67, 0.03);
    // They mostly come in through the volunteer coordinator.
    EXPECT_EQ(largest_channel(figures), static_cast<int>(core::EntryChannel::Coordinator));
}

void expect_booklet_figures(const core::Dataset& data) {
    expect_insp_figures(data);
    expect_sager_figures(data);
    expect_vimby_figures(data);
}

// Everything of a bundle that the figures depend on, as text, to compare two bundles.
std::string fingerprint(const core::Bundle& b) {
    std::string text;
    for (const auto& p : b.people) {
        text += p.id + p.name + (p.support_need ? "+" : "-") +
                (p.joined ? core::format_date(*p.joined) : "") + "\n";
    }
    for (const auto& c : b.companions) {
        text += c.person + c.companion + core::format_date(c.from) + "\n";
    }
    for (const auto& o : b.occurrences) {
        text += o.id + core::format_local_time(o.start) + "\n";
    }
    for (const auto& p : b.participations) {
        text += p.person + p.occurrence + std::string(core::name_of(p.role)) + "\n";
    }
    for (const auto& v : b.visits) {
        text += v.person + v.place + core::format_date(v.date) + "\n";
    }
    for (const auto& r : b.relations) {
        text += r.a + r.b + core::format_date(r.since) + "\n";
    }
    for (const auto& p : b.pathways) {
        text += p.person + core::format_date(p.date) + "\n";
    }
    return text;
}

class DemoTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { s_bundle = new core::Bundle(demo_bundle()); }
    static void TearDownTestSuite() {
        delete s_bundle;
        s_bundle = nullptr;
    }
    static const core::Bundle& bundle() { return *s_bundle; }

private:
    static inline core::Bundle* s_bundle = nullptr;
};

TEST_F(DemoTest, IsValid) {
    const auto issues = core::validate_bundle(bundle(), core::Lang::En, nullptr);
    for (const auto& issue : issues) {
        ADD_FAILURE() << core::to_string(issue);
    }
    EXPECT_TRUE(issues.empty());
}

TEST_F(DemoTest, IsTheSameEveryTime) {
    EXPECT_EQ(fingerprint(demo_bundle()), fingerprint(bundle()));
}

TEST_F(DemoTest, IsModestInSize) {
    EXPECT_GE(bundle().people.size(), 300U);
    EXPECT_LE(bundle().people.size(), 1500U);
    EXPECT_EQ(bundle().partnerships.size(), 3U);
}

TEST_F(DemoTest, ReproducesTheBookletsFigures) {
    expect_booklet_figures(core::make_dataset(bundle()));
}

TEST_F(DemoTest, ReproducesTheBookletsFiguresFromTheStore) {
    namespace fs = std::filesystem;
    const fs::path dir =
        fs::temp_directory_path() / ("samskab-demo-test-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir);
    {
        auto store = storage::sqlite::SqliteStore::open((dir / "demo.db").string());
        ASSERT_TRUE(store) << store.error().message;
        auto imported = (*store)->import_bundle(bundle());
        ASSERT_TRUE(imported) << imported.error().message;
        EXPECT_EQ(imported->people, bundle().people.size());
        auto data = (*store)->load_dataset();
        ASSERT_TRUE(data) << data.error().message;
        expect_booklet_figures(*data);
    }
    fs::remove_all(dir);
}

// The same figures as `samskab report --json` prints them.
TEST_F(DemoTest, ReportJsonShowsTheReach) {
    const core::Dataset data = core::make_dataset(bundle());
    analytics::ReportRequest request;
    request.period = project();
    request.scope = {analytics::ScopeKind::Partnership, "insp"};
    request.by = analytics::SliceBy::Year;
    auto report = analytics::render_report(data, request);
    ASSERT_TRUE(report) << report.error().message;
    const auto json = nlohmann::json::parse(*report);
    ASSERT_EQ(json["slices"].size(), 3U);
    EXPECT_EQ(json["slices"][0]["from"], "2016-01-01");
    EXPECT_NEAR(json["slices"][0]["reach"]["share"].get<double>(), 0.30, 0.02);
    EXPECT_NEAR(json["slices"][2]["reach"]["share"].get<double>(), 0.66, 0.02);
    EXPECT_NEAR(json["slices"][1]["bridging"]["mostly_bridging_share"].get<double>(), 0.85, 0.03);
}

TEST_F(DemoTest, SummaryCountsEachPartnership) {
    const auto summary = summarize(bundle());
    ASSERT_EQ(summary.size(), 3U);
    EXPECT_EQ(summary[0].id, "insp");
    EXPECT_EQ(summary[0].places, 1U);
    EXPECT_EQ(summary[1].id, "sager");
    EXPECT_EQ(summary[2].id, "vimby");
    EXPECT_EQ(summary[2].places, 4U);
    std::size_t people = 0;
    for (const auto& s : summary) {
        EXPECT_GT(s.activities, 0U);
        EXPECT_GT(s.occurrences, 0U);
        people += s.people;
    }
    // Every invented person belongs to exactly one partnership.
    EXPECT_EQ(people, bundle().people.size());
}

}  // namespace
}  // namespace samskab::demo
