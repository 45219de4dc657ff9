// The bundle's collection `survey_responses` through both stores' import and export: the round
// trip, the order that hides when people answered, the conflict rule, new rounds' ids; and the
// reader's refusals (no store).
#include <algorithm>
#include <tuple>

#include "bundle/bundle_reader.h"
#include "bundle/bundle_test_support.h"
#include "bundle/bundle_writer.h"
#include "storage/conformance/conformance_fixture.h"

namespace samskab::storage::conformance {
namespace {

// tests/bundles/surveys.json: a named round at insp-house and an anonymous one of INSP!. Its
// interview guide is left out: these tests are about surveys, which need none.
core::Bundle surveys_bundle() {
    auto read = bundle::read_bundle_text(bundle::testing::read_test_file("bundles/surveys.json"),
                                         core::Lang::En);
    EXPECT_TRUE(read.issues.empty()) << core::to_string(read.issues.front());
    read.bundle.codes.clear();
    read.bundle.interviews.clear();
    return read.bundle;
}

// The rounds of surveys.json as the stores give them back: by id, responses by content (person,
// then answers by question id), an anonymous round's respondents by id.
std::vector<core::SurveyRoundRecord> stored_rounds() {
    core::SurveyRoundRecord anonymous{
        "sr-anon",
        "insp",
        std::nullopt,
        "Efterår (anonym)",
        day("2017-09-01"),
        day("2017-09-30"),
        true,
        {{std::nullopt, {}}, {std::nullopt, {{"can_do_more", "yes"}}}},
        {"p1", "p3"}};
    core::SurveyRoundRecord named{
        "sr-named",
        "insp",
        "insp-house",
        "Forår",
        day("2017-03-01"),
        day("2017-03-31"),
        false,
        {{"p1", {{"diversity", "a_little"}, {"equality", "no"}}}, {"p2", {{"flexibility", "yes"}}}},
        {}};
    return {anonymous, named};
}

// The text of a bundle holding only `rounds`.
std::string rounds_text(std::vector<core::SurveyRoundRecord> rounds) {
    core::Bundle b;
    b.survey_responses = std::move(rounds);
    return bundle::write_bundle_text(b);
}

std::string exported_text(core::Store& store) {
    auto b = store.export_bundle();
    EXPECT_TRUE(b) << b.error().message;
    return b ? bundle::write_bundle_text(*b) : "";
}

std::string exported_rounds_text(core::Store& store) {
    auto b = store.export_bundle();
    EXPECT_TRUE(b) << b.error().message;
    return b ? rounds_text(b->survey_responses) : "";
}

TEST_P(ConformanceTest, SurveyBundleImportThenExportGivesTheSameRounds) {
    auto summary = bundle_store().import_bundle(surveys_bundle());
    ASSERT_TRUE(summary) << summary.error().message;
    EXPECT_EQ(summary->survey_rounds, 2u);
    EXPECT_EQ(summary->survey_responses, 4u);
    const std::string expected = rounds_text(stored_rounds());
    ASSERT_NE(expected.find(R"({"person":null,"answers":{"can_do_more":"yes"}})"),
              std::string::npos);
    EXPECT_EQ(exported_rounds_text(bundle_store()), expected);
    // The whole export, imported again, changes nothing and is exported byte for byte.
    const std::string text = exported_text(bundle_store());
    auto read = bundle::read_bundle_text(text, core::Lang::En);
    ASSERT_TRUE(read.issues.empty()) << core::to_string(read.issues.front());
    auto again = bundle_store().import_bundle(read.bundle);
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(again->survey_rounds, 0u);
    EXPECT_EQ(again->survey_responses, 0u);
    EXPECT_EQ(exported_text(bundle_store()), text);
}

TEST_P(ConformanceTest, SurveyBundleImportedRoundsAreKnownToTheSurveyStore) {
    ASSERT_TRUE(bundle_store().import_bundle(surveys_bundle()));
    // The anonymous round keeps no person with its answers; who has answered is still known,
    // so that nobody answers twice after a restore. Imported rounds have no creator.
    EXPECT_EQ(sql("SELECT count(*) FROM survey_responses WHERE person IS NOT NULL"), "2");
    EXPECT_EQ(sql("SELECT count(*) FROM survey_rounds WHERE created_by IS NULL"), "2");
    auto rounds = surveys().rounds("insp");
    ASSERT_TRUE(rounds) << rounds.error().message;
    ASSERT_EQ(rounds->size(), 2u);
    const core::SurveyRound& anonymous = rounds->at(0).round;  // newest first
    EXPECT_EQ(anonymous.bundle_id, "sr-anon");
    EXPECT_EQ(anonymous.created_by, 0);
    EXPECT_EQ(rounds->at(0).responses, 2);
    EXPECT_TRUE(*surveys().has_answered(anonymous.id, "p1"));
    EXPECT_TRUE(*surveys().has_answered(anonymous.id, "p3"));
    EXPECT_FALSE(*surveys().has_answered(anonymous.id, "p2"));
    EXPECT_TRUE(*surveys().has_answered(rounds->at(1).round.id, "p2"));
    EXPECT_EQ(rounds->at(1).round.place, "insp-house");
    auto counts = surveys().counts(anonymous.id);
    ASSERT_TRUE(counts);
    EXPECT_EQ(counts->counts[3], (std::vector<int>{1, 0, 0}));  // can_do_more: one "yes"
    auto own = surveys().answers_of("p1");
    ASSERT_TRUE(own);
    ASSERT_EQ(own->size(), 1u);
    EXPECT_EQ(own->at(0).title, "Forår");
}

TEST_P(ConformanceTest, SurveyBundleResponsesAreWrittenInAnOrderThatDoesNotShowWhenTheyCame) {
    core::Bundle b = surveys_bundle();
    for (core::SurveyRoundRecord& round : b.survey_responses) {
        std::reverse(round.responses.begin(), round.responses.end());
        std::reverse(round.respondents.begin(), round.respondents.end());
    }
    ASSERT_TRUE(bundle_store().import_bundle(b));
    EXPECT_EQ(exported_rounds_text(bundle_store()), rounds_text(stored_rounds()));
    // The same content in another order is the same round: no conflict, nothing new.
    for (const core::Bundle& same : {b, surveys_bundle()}) {
        auto again = bundle_store().import_bundle(same);
        ASSERT_TRUE(again) << again.error().message;
        EXPECT_EQ(again->survey_rounds, 0u);
        EXPECT_EQ(again->survey_responses, 0u);
    }
    EXPECT_EQ(exported_rounds_text(bundle_store()), rounds_text(stored_rounds()));
}

TEST_P(ConformanceTest, SurveyBundleADifferentRoundWithAStoredIdIsAConflictAndNothingIsWritten) {
    ASSERT_TRUE(bundle_store().import_bundle(surveys_bundle()));
    const std::string text = exported_text(bundle_store());
    for (int change = 0; change < 4; ++change) {
        core::Bundle changed = surveys_bundle();
        changed.people[0].name = "Ændret";
        core::SurveyRoundRecord& round = changed.survey_responses[1];  // sr-anon
        if (change == 0) {
            round.responses.pop_back();
        } else if (change == 1) {
            round.respondents.push_back("p2");
        } else if (change == 2) {
            round.title = "Efterår 2";
        } else {
            changed.survey_responses[0].responses[1].answers = {{"equality", "no"}};
        }
        auto refused = bundle_store().import_bundle(changed);
        ASSERT_FALSE(refused) << change;
        EXPECT_EQ(refused.error().code, core::ErrorCode::Conflict);
        EXPECT_EQ(refused.error().field, "survey_responses");
        EXPECT_NE(refused.error().message.find(change == 3 ? "sr-named" : "sr-anon"),
                  std::string::npos)
            << refused.error().message;
        EXPECT_EQ(exported_text(bundle_store()), text);  // nothing of the import is written
    }
}

TEST_P(ConformanceTest, SurveyBundleWithoutRoundsTheExportHasNoSurveyKeyAndNewRoundsGetIds) {
    EXPECT_EQ(exported_text(bundle_store()).find("\"survey_responses\""), std::string::npos);
    core::SurveyRound round;
    round.partnership = "insp";
    round.title = "Ny";
    round.opens = day("2024-01-01");
    round.closes = round.opens;
    round.created_by = account("k@example.org", "Kim");
    ASSERT_TRUE(surveys().create_round(round));
    ASSERT_TRUE(surveys().create_round(round));
    auto b = bundle_store().export_bundle();
    ASSERT_TRUE(b) << b.error().message;
    ASSERT_EQ(b->survey_responses.size(), 2u);
    for (const auto& r : b->survey_responses) {
        EXPECT_TRUE(is_generated_id(r.id, "sr")) << r.id;
    }
    EXPECT_NE(b->survey_responses[0].id, b->survey_responses[1].id);
    EXPECT_LT(b->survey_responses[0].id, b->survey_responses[1].id);  // by id
}

// tests/bundles/small.json (people p1, p2, s1 of INSP!, place insp-house) with two rounds in
// the form the stores export them: a named round at the place and an anonymous one.
core::Bundle small_bundle_with_rounds() {
    auto read = bundle::read_bundle_text(bundle::testing::read_test_file("bundles/small.json"),
                                         core::Lang::En);
    EXPECT_TRUE(read.issues.empty()) << core::to_string(read.issues.front());
    core::Bundle b = read.bundle;
    core::SurveyRoundRecord named{
        "sr-a", "insp", b.places.front().id, "Forår", day("2017-03-01"), day("2017-03-31"), false,
        {},     {}};
    named.responses = {{"p1", {{"diversity", "a_little"}, {"flexibility", "yes"}}}, {"p2", {}}};
    core::SurveyRoundRecord anonymous{
        "sr-b", "insp", std::nullopt, "Efterår", day("2017-09-01"), day("2017-09-30"), true,
        {},     {}};
    anonymous.responses = {{std::nullopt, {{"can_do_more", "no"}}},
                           {std::nullopt, {{"can_do_more", "no"}}},
                           {std::nullopt, {{"equality", "yes"}}}};
    anonymous.respondents = {"p1", "p2"};  // one who answered has been erased since
    b.survey_responses = {named, anonymous};
    return b;
}

// The reader alone, no store: one run suffices.
TEST(SurveyBundleReader, RefusesUnknownKeysAndAnswersThatAreNotText) {
    const std::string text = bundle::write_bundle_text(small_bundle_with_rounds());
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

}  // namespace
}  // namespace samskab::storage::conformance
