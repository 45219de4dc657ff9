// What only the SQLite survey store has: the open rounds kept between calls while the pool's
// generation stays the same. The store's behaviour on both databases is in
// storage/conformance/survey_store_test.cc.
#include "storage/sqlite/sqlite_survey_store.h"

#include <gtest/gtest.h>

#include "storage/sqlite/sqlite_community_test.h"

namespace samskab::storage::sqlite::testing {
namespace {

using SurveyStoreTest = CommunityStoreTest;

// The open rounds are kept between calls ("what's on" asks on every page), but never past a
// change: a round opened by this program or by another one is seen at once.
TEST_F(SurveyStoreTest, OpenRoundsAreSeenAtOnceAfterAChange) {
    core::SurveyStore& store = *m_stores.surveys;
    ASSERT_TRUE(store.open_rounds("vimby", day("2024-03-04"))->empty());
    ASSERT_TRUE(store.open_rounds("vimby", day("2024-03-04"))->empty());
    core::SurveyRound round;
    round.partnership = "vimby";
    round.title = "Forår";
    round.opens = day("2024-03-01");
    round.closes = day("2024-03-31");
    round.created_by = 1;
    round.created_at = at("2024-02-20T10:00:00");
    ASSERT_TRUE(store.create_round(round));
    EXPECT_EQ(store.open_rounds("vimby", day("2024-03-04"))->size(), 1u);
    // Another program's write (say, an import) is noticed too.
    auto db = Database::open(m_path);
    ASSERT_TRUE(db);
    ASSERT_TRUE((*db)->exec("UPDATE survey_rounds SET closes = '2024-03-02'"));
    EXPECT_TRUE(store.open_rounds("vimby", day("2024-03-04"))->empty());
    auto unknown = store.open_rounds("nobody", day("2024-03-04"));
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().field, "partnership");
}

}  // namespace
}  // namespace samskab::storage::sqlite::testing
