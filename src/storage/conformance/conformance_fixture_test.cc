#include "storage/conformance/conformance_fixture.h"

namespace samskab::storage::conformance {
namespace {

TEST_P(ConformanceTest, StartsFromTheCommunityBundle) {
    EXPECT_EQ(sql("SELECT count(*) FROM people"), "6");
    EXPECT_EQ(sql("SELECT name FROM places WHERE id = 'cafe'"), "Caféen");
    EXPECT_EQ(sql("SELECT name FROM places WHERE id = 'nowhere'"), "<none>");
    EXPECT_TRUE(sql_exec("UPDATE places SET name = 'Kaffen' WHERE id = 'cafe'"));
    EXPECT_EQ(sql("SELECT name FROM places WHERE id = 'cafe'"), "Kaffen");
    EXPECT_FALSE(sql_exec("UPDATE no_such_table SET x = 1"));
}

}  // namespace
}  // namespace samskab::storage::conformance
