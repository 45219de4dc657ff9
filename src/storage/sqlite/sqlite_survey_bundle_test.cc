// The bundle's collection `survey_responses` through the SQLite store: import and export, the
// round trips, the order that hides when people answered, the conflict rule, and migration 11.
#include "storage/sqlite/sqlite_survey_bundle.h"

#include <filesystem>
#include <random>

#include <gtest/gtest.h>

#include "bundle/bundle_reader.h"
#include "bundle/bundle_test_support.h"
#include "bundle/bundle_writer.h"
#include "core/bundle_validator.h"
#include "storage/sqlite/sqlite_migrations.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/sqlite/sqlite_survey_store.h"

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

    std::unique_ptr<SqliteStore> open(const std::string& name) {
        auto store = SqliteStore::open(path(name));
        EXPECT_TRUE(store) << (store ? "" : store.error().message);
        return store ? std::move(*store) : nullptr;
    }

    // tests/bundles/small.json (people p1, p2, s1 of INSP!, place insp-house) with two rounds
    // in the form the store exports them: a named round at the place and an anonymous one.
    static core::Bundle whole_bundle() {
        auto read = bundle::read_bundle_text(bundle::testing::read_test_file("bundles/small.json"),
                                             core::Lang::En);
        EXPECT_TRUE(read.issues.empty()) << core::to_string(read.issues.front());
        core::Bundle b = read.bundle;
        for (core::Relation& r : b.relations) {
            if (r.b < r.a) {
                std::swap(r.a, r.b);
            }
        }
        core::SurveyRoundRecord named{"sr-a",
                                      "insp",
                                      b.places.front().id,
                                      "Forår",
                                      *core::parse_date("2017-03-01"),
                                      *core::parse_date("2017-03-31"),
                                      false,
                                      {},
                                      {}};
        named.responses = {{"p1", {{"diversity", "a_little"}, {"flexibility", "yes"}}}, {"p2", {}}};
        core::SurveyRoundRecord anonymous{"sr-b",
                                          "insp",
                                          std::nullopt,
                                          "Efterår",
                                          *core::parse_date("2017-09-01"),
                                          *core::parse_date("2017-09-30"),
                                          true,
                                          {},
                                          {}};
        anonymous.responses = {{std::nullopt, {{"can_do_more", "no"}}},
                               {std::nullopt, {{"can_do_more", "no"}}},
                               {std::nullopt, {{"equality", "yes"}}}};
        anonymous.respondents = {"p1", "p2"};  // one who answered has been erased since
        b.survey_responses = {named, anonymous};
        return b;
    }

    static core::IdLookup lookup(SqliteStore& store) {
        return [&store](core::Collection c, std::string_view id) {
            auto found = store.contains(c, id);
            return found && *found;
        };
    }

    static core::Result<core::ImportSummary> import_text(SqliteStore& store,
                                                         const std::string& text) {
        auto read = bundle::read_bundle_text(text, core::Lang::En);
        EXPECT_TRUE(read.issues.empty()) << core::to_string(read.issues.front());
        const auto issues = core::validate_bundle(read.bundle, core::Lang::En, lookup(store));
        EXPECT_TRUE(issues.empty()) << core::to_string(issues.front());
        return store.import_bundle(read.bundle);
    }

    static std::string exported(SqliteStore& store) {
        auto b = store.export_bundle();
        EXPECT_TRUE(b) << (b ? "" : b.error().message);
        return b ? bundle::write_bundle_text(*b) : "";
    }

    std::string sql(const std::string& file, const std::string& query) {
        auto db = Database::open(path(file));
        EXPECT_TRUE(db);
        auto row = (*db)->prepare(query);
        EXPECT_TRUE(row.step().value_or(false)) << query;
        return row.column_is_null(0) ? "NULL" : std::string(row.column_text(0));
    }

    fs::path m_dir;
};

TEST_F(SurveyBundleTest, ImportThenExportIsByteIdentical) {
    const std::string text = bundle::write_bundle_text(whole_bundle());
    ASSERT_NE(text.find(R"("survey_responses": [)"), std::string::npos);
    ASSERT_NE(text.find(R"({"person":null,"answers":{"can_do_more":"no"}})"), std::string::npos);
    auto store = open("a.db");
    auto summary = import_text(*store, text);
    ASSERT_TRUE(summary) << summary.error().message;
    EXPECT_EQ(summary->survey_rounds, 2u);
    EXPECT_EQ(summary->survey_responses, 5u);
    EXPECT_EQ(exported(*store), text);
}

TEST_F(SurveyBundleTest, ExportImportExportIsIdenticalAndTheStoreKnowsWhoHasAnswered) {
    auto first = open("a.db");
    ASSERT_TRUE(import_text(*first, bundle::write_bundle_text(whole_bundle())));
    const std::string text = exported(*first);
    auto second = open("b.db");
    ASSERT_TRUE(import_text(*second, text));
    EXPECT_EQ(exported(*second), text);

    // The anonymous round keeps no person with its answers; who has answered is still known,
    // so that nobody answers twice after a restore. Imported rounds have no creator.
    EXPECT_EQ(sql("b.db", "SELECT count(*) FROM survey_responses WHERE person IS NOT NULL"), "2");
    EXPECT_EQ(sql("b.db", "SELECT count(*) FROM survey_rounds WHERE created_by IS NULL"), "2");
    auto pool = ConnectionPool::open(path("b.db"), 1);
    ASSERT_TRUE(pool) << pool.error().message;
    SqliteSurveyStore surveys(*pool);
    auto rounds = surveys.rounds("insp");
    ASSERT_TRUE(rounds) << rounds.error().message;
    ASSERT_EQ(rounds->size(), 2u);
    const core::SurveyRound& anonymous = rounds->at(0).round;  // newest first
    EXPECT_EQ(anonymous.bundle_id, "sr-b");
    EXPECT_EQ(rounds->at(0).responses, 3);
    EXPECT_TRUE(*surveys.has_answered(anonymous.id, "p1"));
    EXPECT_FALSE(*surveys.has_answered(anonymous.id, "s1"));
    EXPECT_TRUE(*surveys.has_answered(rounds->at(1).round.id, "p2"));
    auto counts = surveys.counts(anonymous.id);
    ASSERT_TRUE(counts);
    EXPECT_EQ(counts->counts[3], (std::vector<int>{0, 0, 2}));  // can_do_more: two "no"
    auto own = surveys.answers_of("p1");
    ASSERT_TRUE(own);
    ASSERT_EQ(own->size(), 1u);
    EXPECT_EQ(own->at(0).title, "Forår");
}

TEST_F(SurveyBundleTest, ResponsesAreWrittenInAnOrderThatDoesNotShowWhenTheyCame) {
    core::Bundle b = whole_bundle();
    std::reverse(b.survey_responses[0].responses.begin(), b.survey_responses[0].responses.end());
    std::reverse(b.survey_responses[1].responses.begin(), b.survey_responses[1].responses.end());
    std::reverse(b.survey_responses[1].respondents.begin(),
                 b.survey_responses[1].respondents.end());
    auto store = open("a.db");
    ASSERT_TRUE(store->import_bundle(b));
    EXPECT_EQ(exported(*store), bundle::write_bundle_text(whole_bundle()));
    // The same content in another order is the same round: no conflict, nothing new.
    auto again = store->import_bundle(b);
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(again->survey_rounds, 0u);
    EXPECT_EQ(again->survey_responses, 0u);
}

TEST_F(SurveyBundleTest, ADifferentRoundWithAStoredIdIsAConflictAndNothingIsWritten) {
    const std::string text = bundle::write_bundle_text(whole_bundle());
    auto store = open("a.db");
    ASSERT_TRUE(import_text(*store, text));
    for (int change = 0; change < 4; ++change) {
        core::Bundle changed = whole_bundle();
        changed.people[0].name = "Ændret";
        core::SurveyRoundRecord& round = changed.survey_responses[1];
        if (change == 0) {
            round.responses.pop_back();
        } else if (change == 1) {
            round.respondents.push_back("s1");
        } else if (change == 2) {
            round.title = "Efterår 2";
        } else {
            changed.survey_responses[0].responses[1].answers = {{"equality", "no"}};
        }
        auto refused = store->import_bundle(changed);
        ASSERT_FALSE(refused) << change;
        EXPECT_EQ(refused.error().code, core::ErrorCode::Conflict);
        EXPECT_EQ(refused.error().field, "survey_responses");
        EXPECT_NE(refused.error().message.find(change == 3 ? "sr-a" : "sr-b"), std::string::npos);
        EXPECT_EQ(exported(*store), text);  // nothing of the import is written
    }
}

TEST_F(SurveyBundleTest, TheReaderRefusesUnknownKeysAndAnswersThatAreNotText) {
    const std::string text = bundle::write_bundle_text(whole_bundle());
    for (const auto& [from, to, at, message] :
         std::vector<std::tuple<std::string, std::string, std::string, std::string>>{
             {R"("title":"Forår")", R"("title":"Forår","titel":"x")", "survey_responses[0].titel",
              "ukendt felt (stavefejl?)"},
             {R"({"person":"p2","answers")", R"({"person":"p2","date":"2017-03-02","answers")",
              "survey_responses[0].responses[1].date", "ukendt felt (stavefejl?)"},
             {R"("equality":"yes")", R"("equality":3)",
              "survey_responses[1].responses[2].answers.equality", "skal være en tekst"}}) {
        std::string changed = text;
        ASSERT_NE(changed.find(from), std::string::npos) << from;
        changed.replace(changed.find(from), from.size(), to);
        auto read = bundle::read_bundle_text(changed, core::Lang::Da);
        ASSERT_EQ(read.issues.size(), 1u) << at;
        EXPECT_EQ(read.issues[0].path, at);
        EXPECT_EQ(read.issues[0].message, message);
    }
    const std::string missing =
        R"({"format":"samskab-bundle/1","survey_responses":[{"id":"sr-x","partnership":"insp",)"
        R"("title":"T","opens":"2017-01-01","closes":"2017-01-02","responses":[{}]}]})";
    auto read = bundle::read_bundle_text(missing, core::Lang::En);
    ASSERT_EQ(read.issues.size(), 2u);
    EXPECT_EQ(core::to_string(read.issues[0]),
              "survey_responses[0].anonymous: is missing (required)");
    EXPECT_EQ(core::to_string(read.issues[1]),
              "survey_responses[0].responses[0].answers: is missing (required)");
}

TEST_F(SurveyBundleTest, WithoutRoundsTheExportHasNoSurveyKeyAndNewRoundsGetIds) {
    {
        auto store = open("a.db");
        ASSERT_TRUE(import_text(*store, bundle::testing::read_test_file("bundles/small.json")));
        EXPECT_EQ(exported(*store).find("\"survey_responses\""), std::string::npos);
    }
    auto pool = ConnectionPool::open(path("a.db"), 1);
    ASSERT_TRUE(pool) << pool.error().message;
    SqliteSurveyStore surveys(*pool);
    core::SurveyRound round;
    round.partnership = "insp";
    round.title = "Ny";
    round.opens = *core::parse_date("2024-01-01");
    round.closes = round.opens;
    round.created_by = 3;
    ASSERT_TRUE(surveys.create_round(round));
    ASSERT_TRUE(surveys.create_round(round));
    auto store = open("a.db");
    auto b = store->export_bundle();
    ASSERT_TRUE(b);
    ASSERT_EQ(b->survey_responses.size(), 2u);
    for (const auto& r : b->survey_responses) {
        EXPECT_EQ(r.id.rfind("sr-", 0), 0u) << r.id;
        EXPECT_EQ(r.id.size(), 15u) << r.id;
    }
    EXPECT_NE(b->survey_responses[0].id, b->survey_responses[1].id);
}

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
