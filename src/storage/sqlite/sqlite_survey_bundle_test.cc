// SQLite's migration 11 of the survey tables. The bundle's collection `survey_responses`
// through the stores (import, export, the conflict rule) is tested on both databases in
// storage/conformance/survey_bundle_test.cc.
#include <filesystem>
#include <random>

#include <gtest/gtest.h>

#include "storage/sqlite/sqlite_database.h"
#include "storage/sqlite/sqlite_migrations.h"

namespace samskab::storage::sqlite {
namespace {

namespace fs = std::filesystem;

class SurveyBundleTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() /
                ("samskab-surveys-" + std::to_string(std::random_device{}()));
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    std::string path(const std::string& name) const { return (m_dir / name).string(); }

    fs::path m_dir;
};

TEST_F(SurveyBundleTest, MigrationElevenGivesRoundsIdsAndKeepsTheirResponses) {
    const std::string file = path("v10.db");
    auto db = Database::open(file);
    ASSERT_TRUE(db);
    ASSERT_TRUE(migrate(**db, 10));
    ASSERT_TRUE((*db)->exec(
        "INSERT INTO partnerships (id, name) VALUES ('insp', 'INSP!');"
        "INSERT INTO people (id, name, support_need, consent_support_need, consent_pathways)"
        " VALUES ('p1', 'Alex', 0, 0, 0);"
        "INSERT INTO survey_rounds (partnership, title, opens, closes, anonymous, created_by,"
        " created_at) VALUES (1, 'Anonym', '2024-01-01', '2024-01-31', 1, 7, "
        "'2024-01-01T10:00:00');"
        "INSERT INTO survey_responses (pk, round, person) VALUES (987654321, 1, NULL);"
        "INSERT INTO survey_answers VALUES (987654321, 'flexibility', 'yes');"
        "INSERT INTO survey_respondents VALUES (1, 1);"));
    ASSERT_TRUE(migrate(**db, 11));
    auto row = (*db)->prepare(
        "SELECT r.id, r.created_by, a.answer, (SELECT count(*) FROM survey_respondents) "
        "FROM survey_rounds r JOIN survey_responses s ON s.round = r.pk "
        "JOIN survey_answers a ON a.response = s.pk WHERE s.pk = 987654321");
    ASSERT_TRUE(row.step().value_or(false));
    EXPECT_EQ(std::string(row.column_text(0)).rfind("sr-", 0), 0u);
    EXPECT_EQ(std::string(row.column_text(0)).size(), 15u);
    EXPECT_EQ(row.column_int(1), 7);
    EXPECT_EQ(row.column_text(2), "yes");
    EXPECT_EQ(row.column_int(3), 1);
    auto check = (*db)->prepare("PRAGMA foreign_key_check");
    EXPECT_FALSE(check.step().value_or(true));
    auto indexes = (*db)->prepare(
        "SELECT count(*) FROM sqlite_schema WHERE name IN ('survey_rounds_partnership', "
        "'survey_responses_person', 'survey_respondents_person', 'survey_responses_anonymous', "
        "'survey_responses_anonymous_update')");
    ASSERT_TRUE(indexes.step().value_or(false));
    EXPECT_EQ(indexes.column_int(0), 5);
    // A round without a creator may now be stored; an anonymous round still takes no person.
    EXPECT_TRUE((*db)->exec(
        "INSERT INTO survey_rounds (id, partnership, title, opens, closes, anonymous, created_by,"
        " created_at) VALUES ('sr-x', 1, 'T', '2024-02-01', '2024-02-02', 0, NULL, 'x')"));
    EXPECT_FALSE(
        (*db)->exec("PRAGMA foreign_keys = ON; INSERT INTO survey_responses (pk, round, person) "
                    "VALUES (5, 1, 1)"));
}

}  // namespace
}  // namespace samskab::storage::sqlite
