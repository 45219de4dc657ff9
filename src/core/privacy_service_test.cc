// PrivacyService against the real SQLite stores in a temporary directory.
#include "core/privacy_service.h"

#include <unistd.h>

#include <filesystem>

#include <gtest/gtest.h>

#include "storage/sqlite/sqlite_stores.h"

namespace samskab::core {
namespace {

class PrivacyServiceTest : public ::testing::Test {
protected:
    void SetUp() override {
        char pattern[] = "/tmp/samskab-privacy-XXXXXX";
        ASSERT_NE(mkdtemp(pattern), nullptr);
        m_dir = pattern;
        auto stores = storage::sqlite::SqliteStores::open((m_dir / "p.db").string(), 2, m_clock);
        ASSERT_TRUE(stores) << stores.error().message;
        m_stores = std::move(*stores);
        Bundle bundle;
        bundle.partnerships = {{"vimby", "Vimby", {}}};
        bundle.places = {{"cafe", "vimby", "Caféen", 0.2}};
        bundle.people = {
            {"old", "Olga Gammel", false, days_from_civil(2020, 1, 1), std::nullopt, {}},
            {"new", "Nina Ny", false, days_from_civil(2026, 1, 1), std::nullopt, {}}};
        bundle.visits = {{"old", "cafe", days_from_civil(2023, 5, 1)},
                         {"new", "cafe", days_from_civil(2026, 2, 1)}};
        ASSERT_TRUE(m_stores.store->import_bundle(bundle));
    }
    void TearDown() override {
        m_stores = {};
        std::filesystem::remove_all(m_dir);
    }

    std::filesystem::path m_dir;
    FixedClock m_clock{days_from_civil(2026, 3, 1) * LocalTime{86400} + 3 * 3600};
    storage::sqlite::SqliteStores m_stores;
};

TEST_F(PrivacyServiceTest, ADryRunChangesNothing) {
    PrivacyService service(*m_stores.community, *m_stores.accounts, m_clock);
    auto run = service.retention(std::nullopt, true);
    ASSERT_TRUE(run) << run.error().message;
    ASSERT_EQ(run->candidates.size(), 1u);
    EXPECT_EQ(run->candidates[0].person, "old");
    EXPECT_EQ(run->candidates[0].last_activity, days_from_civil(2023, 5, 1));
    EXPECT_TRUE(run->new_ids.empty());
    EXPECT_TRUE(*m_stores.community->person_data("old"));
}

TEST_F(PrivacyServiceTest, TheDailyRunAnonymisesAndPurges) {
    ASSERT_TRUE(m_stores.accounts->log_access(
        {days_from_civil(2025, 1, 1) * LocalTime{86400}, 0, "view", "new", "GET /x"}));
    ASSERT_TRUE(m_stores.accounts->log_access(
        {days_from_civil(2026, 2, 20) * LocalTime{86400}, 0, "view", "new", "GET /y"}));
    PrivacyService service(*m_stores.community, *m_stores.accounts, m_clock);
    auto run = service.daily();
    ASSERT_TRUE(run) << run.error().message;
    EXPECT_EQ(run->anonymised, 1);
    EXPECT_EQ(run->purged, 1);
    EXPECT_FALSE(*m_stores.community->person_data("old"));
    auto left = m_stores.accounts->search_access_log({});
    ASSERT_EQ(left->size(), 2u);  // the recent view, and the anonymisation itself
    EXPECT_EQ((*left)[0].action, "anonymise");
    EXPECT_EQ((*left)[1].detail, "GET /y");
    // Nothing more to do the next day.
    m_clock.advance(86400);
    EXPECT_EQ(service.daily()->anonymised, 0);
    // A narrower override reaches Nina too (last seen 1 February).
    EXPECT_EQ(service.retention(1, true)->candidates.size(), 1u);
    auto wrong = service.purge_access_log(0, Lang::En);
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error().field, "months");
}

}  // namespace
}  // namespace samskab::core
