// core::SurveyStore on both databases: anonymous and named responses, answering twice, the
// round's days, the name generator and its self_report relations, counts, the coordinators'
// download, erasure, and concurrent answers to one round.
#include <thread>
#include <vector>

#include "storage/conformance/conformance_fixture.h"

namespace samskab::storage::conformance {
namespace {

using core::SurveyAnswer;

const core::Day TODAY = day("2024-03-04");

// A round of Vimby created by `creator`, "Forår" or "Forår (anonym)"; its id.
std::int64_t new_round(core::SurveyStore& surveys, std::int64_t creator, bool anonymous,
                       const char* opens = "2024-03-01", const char* closes = "2024-03-31") {
    core::SurveyRound round;
    round.partnership = "vimby";
    round.title = anonymous ? "Forår (anonym)" : "Forår";
    round.opens = day(opens);
    round.closes = day(closes);
    round.anonymous = anonymous;
    round.created_by = creator;
    round.created_at = at("2024-02-20T10:00:00");
    auto id = surveys.create_round(round);
    EXPECT_TRUE(id) << id.error().message;
    return id ? *id : 0;
}

core::SurveyResponse response(std::int64_t round, const char* person) {
    return {round,
            person,
            {{"flexibility", SurveyAnswer::Yes},
             {"equality", SurveyAnswer::ALittle},
             {"diversity", std::nullopt}},
            {}};
}

// The schema itself refuses a person on an anonymous round's response, so that no code path
// (nor a hand-written statement) can link an anonymous answer to its respondent.
TEST_P(ConformanceTest, SurveyTheSchemaRefusesAPersonOnAnAnonymousResponse) {
    const std::int64_t creator = account("k@example.org", "Kim");
    const std::int64_t anonymous = new_round(surveys(), creator, true);
    const std::int64_t named = new_round(surveys(), creator, false);
    const std::string p1 = "(SELECT pk FROM people WHERE id = 'p1')";
    EXPECT_FALSE(sql_exec("INSERT INTO survey_responses (pk, round, person) VALUES (7, " +
                          std::to_string(anonymous) + ", " + p1 + ")"));
    ASSERT_TRUE(sql_exec("INSERT INTO survey_responses (pk, round, person) VALUES (8, " +
                         std::to_string(anonymous) + ", NULL)"));
    EXPECT_FALSE(sql_exec("UPDATE survey_responses SET person = " + p1 + " WHERE pk = 8"));
    // A named round takes one.
    EXPECT_TRUE(sql_exec("INSERT INTO survey_responses (pk, round, person) VALUES (9, " +
                         std::to_string(named) + ", " + p1 + ")"));
    EXPECT_EQ(sql("SELECT count(*) FROM survey_responses WHERE person IS NOT NULL"), "1");
}

TEST_P(ConformanceTest, SurveyAnAnonymousResponseKeepsNoLinkToThePerson) {
    const std::int64_t id = new_round(surveys(), account("k@example.org", "Kim"), true);
    auto made = surveys().submit(response(id, "p1"), TODAY);
    ASSERT_TRUE(made) << made.error().message;
    EXPECT_EQ(sql("SELECT count(*) FROM survey_responses"), "1");
    EXPECT_EQ(sql("SELECT count(*) FROM survey_responses WHERE person IS NOT NULL"), "0");
    EXPECT_EQ(sql("SELECT count(*) FROM survey_answers"), "2");
    // Only that p1 has answered the round is known, not which answers are theirs.
    EXPECT_EQ(sql("SELECT count(*) FROM survey_respondents r JOIN people p ON p.pk = r.person "
                  "WHERE p.id = 'p1'"),
              "1");
    EXPECT_TRUE(*surveys().has_answered(id, "p1"));
    EXPECT_FALSE(*surveys().has_answered(id, "p2"));
}

TEST_P(ConformanceTest, SurveyANamedResponseKeepsThePersonAndTheirOwnAnswers) {
    const std::int64_t id = new_round(surveys(), account("k@example.org", "Kim"), false);
    ASSERT_TRUE(surveys().submit(response(id, "p1"), TODAY));
    EXPECT_EQ(sql("SELECT p.id FROM survey_responses s JOIN people p ON p.pk = s.person"), "p1");
    auto own = surveys().answers_of("p1");
    ASSERT_TRUE(own) << own.error().message;
    ASSERT_EQ(own->size(), 1u);
    EXPECT_EQ(own->at(0).title, "Forår");
    ASSERT_EQ(own->at(0).answers.size(), 2u);  // the skipped question is not an answer
    EXPECT_EQ(own->at(0).answers[0].question, "flexibility");
    EXPECT_EQ(own->at(0).answers[1].answer, SurveyAnswer::ALittle);
    EXPECT_TRUE(surveys().answers_of("p2")->empty());
}

TEST_P(ConformanceTest, SurveyAnsweringTwiceIsRefusedAndStoresNothing) {
    const std::int64_t creator = account("k@example.org", "Kim");
    for (bool anonymous : {true, false}) {
        const std::int64_t id = new_round(surveys(), creator, anonymous);
        ASSERT_TRUE(surveys().submit(response(id, "p2"), TODAY));
        auto again = surveys().submit(response(id, "p2"), TODAY);
        ASSERT_FALSE(again);
        EXPECT_EQ(again.error().code, core::ErrorCode::Conflict);
        EXPECT_EQ(again.error().field, "round");
        EXPECT_EQ(sql("SELECT count(*) FROM survey_responses WHERE round = " + std::to_string(id)),
                  "1");
    }
    EXPECT_EQ(sql("SELECT count(*) FROM survey_answers"), "4");
}

TEST_P(ConformanceTest, SurveyARoundOutsideItsDaysTakesNoAnswers) {
    const std::int64_t id =
        new_round(surveys(), account("k@example.org", "Kim"), true, "2024-04-01", "2024-04-30");
    auto early = surveys().submit(response(id, "p1"), TODAY);
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().code, core::ErrorCode::Conflict);
    EXPECT_EQ(sql("SELECT count(*) FROM survey_respondents"), "0");
    EXPECT_EQ(surveys().submit(response(999, "p1"), TODAY).error().code, core::ErrorCode::NotFound);
}

TEST_P(ConformanceTest, SurveyTheNameGeneratorMakesSelfReportRelations) {
    const std::int64_t id = new_round(surveys(), account("k@example.org", "Kim"), false);
    core::SurveyResponse answer = response(id, "p2");
    // p1 and p2 already have an open relation (the bundle's): it is left as it is.
    answer.known = {"p3", "p1", "p5"};
    auto made = surveys().submit(answer, TODAY);
    ASSERT_TRUE(made) << made.error().message;
    EXPECT_EQ(*made, 2);
    // The relations made on the day, by their people.
    const std::string made_today =
        "SELECT pa.id || '-' || pb.id || ':' || r.source || ':' || r.since FROM relations r "
        "JOIN people pa ON pa.pk = r.a JOIN people pb ON pb.pk = r.b "
        "WHERE r.since = '2024-03-04' ORDER BY pa.id, pb.id ";
    EXPECT_EQ(sql("SELECT count(*) FROM relations WHERE since = '2024-03-04'"), "2");
    EXPECT_EQ(sql(made_today + "LIMIT 1"), "p2-p3:self_report:2024-03-04");
    EXPECT_EQ(sql(made_today + "LIMIT 1 OFFSET 1"), "p2-p5:self_report:2024-03-04");
    EXPECT_EQ(sql("SELECT count(*) FROM relations r JOIN people pa ON pa.pk = r.a "
                  "JOIN people pb ON pb.pk = r.b WHERE pa.id = 'p1' AND pb.id = 'p2'"),
              "1");
}

TEST_P(ConformanceTest, SurveyAnAnonymousRoundRefusesNamesAndStoresNothing) {
    const std::int64_t creator = account("k@example.org", "Kim");
    const std::int64_t id = new_round(surveys(), creator, true);
    core::SurveyResponse answer = response(id, "p2");
    answer.known = {"p3"};
    auto refused = surveys().submit(answer, TODAY);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, core::ErrorCode::Invalid);
    EXPECT_EQ(refused.error().field, "known");
    EXPECT_EQ(sql("SELECT count(*) FROM survey_respondents"), "0");
    EXPECT_EQ(sql("SELECT count(*) FROM survey_responses"), "0");
    EXPECT_EQ(sql("SELECT count(*) FROM relations WHERE source = 'self_report'"), "1");
    // An unknown person named in a named round undoes the whole response.
    const std::int64_t named = new_round(surveys(), creator, false);
    answer = response(named, "p2");
    answer.known = {"p3", "nobody"};
    auto unknown = surveys().submit(answer, TODAY);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().field, "known");
    EXPECT_EQ(sql("SELECT count(*) FROM survey_responses"), "0");
    EXPECT_EQ(sql("SELECT count(*) FROM relations"), "1");
}

TEST_P(ConformanceTest, SurveyARoundAtOnePlaceNamesOnlyThePeopleOfThatPlace) {
    core::SurveyRound at_cafe;
    at_cafe.partnership = "vimby";
    at_cafe.place = "cafe";
    at_cafe.title = "Caféen";
    at_cafe.opens = day("2024-03-01");
    at_cafe.closes = day("2024-03-31");
    at_cafe.anonymous = false;
    at_cafe.created_by = account("k@example.org", "Kim");
    auto id = surveys().create_round(at_cafe);
    ASSERT_TRUE(id) << id.error().message;
    // p1 visited the café and takes part in o1, p2 hosts o1; p5 accompanies p2 in Vimby but was
    // never at the café, p4 is of INSP!.
    auto listed = surveys().people_to_name(*id, "p2");
    ASSERT_TRUE(listed) << listed.error().message;
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_EQ(listed->at(0).id, "p1");
    EXPECT_FALSE(listed->at(0).support_need);
    auto whole = surveys().people_to_name(new_round(surveys(), at_cafe.created_by, false), "p2");
    ASSERT_TRUE(whole);
    EXPECT_EQ(whole->size(), 2u);  // p1 and p5, by name
    for (const char* outside : {"p5", "p4"}) {
        core::SurveyResponse answer = response(*id, "p2");
        answer.known = {"p1", outside};
        auto refused = surveys().submit(answer, TODAY);
        ASSERT_FALSE(refused) << outside;
        EXPECT_EQ(refused.error().code, core::ErrorCode::NotFound);
        EXPECT_EQ(refused.error().field, "known");
        EXPECT_EQ(sql("SELECT count(*) FROM survey_responses"), "0");
    }
    core::SurveyResponse answer = response(*id, "p2");
    answer.known = {"p1"};
    ASSERT_TRUE(surveys().submit(answer, TODAY));
    EXPECT_EQ(surveys().people_to_name(999, "p2").error().code, core::ErrorCode::NotFound);
}

TEST_P(ConformanceTest, SurveyResponsesComeWithoutPeopleSortedByTheirAnswers) {
    const std::int64_t id = new_round(surveys(), account("k@example.org", "Kim"), false);
    core::SurveyResponse first{id, "p3", {{"flexibility", SurveyAnswer::No}}, {}};
    ASSERT_TRUE(surveys().submit(first, TODAY));
    ASSERT_TRUE(surveys().submit(response(id, "p1"), TODAY));
    auto listed = surveys().responses(id);
    ASSERT_TRUE(listed) << listed.error().message;
    ASSERT_EQ(listed->size(), 2u);
    EXPECT_EQ(listed->at(0), (core::SurveyResponseAnswers{SurveyAnswer::Yes, SurveyAnswer::ALittle,
                                                          std::nullopt, std::nullopt}));
    EXPECT_EQ(listed->at(1), (core::SurveyResponseAnswers{SurveyAnswer::No, std::nullopt,
                                                          std::nullopt, std::nullopt}));
    EXPECT_EQ(surveys().responses(999).error().code, core::ErrorCode::NotFound);
}

TEST_P(ConformanceTest, SurveyCountsPerQuestionAndAnswer) {
    const std::int64_t id = new_round(surveys(), account("k@example.org", "Kim"), true);
    ASSERT_TRUE(surveys().submit(response(id, "p1"), TODAY));
    ASSERT_TRUE(surveys().submit(response(id, "p2"), TODAY));
    core::SurveyResponse other{id, "p3", {{"flexibility", SurveyAnswer::No}}, {}};
    ASSERT_TRUE(surveys().submit(other, TODAY));
    auto counts = surveys().counts(id);
    ASSERT_TRUE(counts) << counts.error().message;
    EXPECT_EQ(counts->respondents, 3);
    EXPECT_EQ(counts->counts[0], (std::vector<int>{2, 0, 1}));  // flexibility
    EXPECT_EQ(counts->counts[1], (std::vector<int>{0, 2, 0}));  // equality
    EXPECT_EQ(counts->counts[2], (std::vector<int>{0, 0, 0}));  // diversity: skipped
    auto listed = surveys().rounds("vimby");
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_EQ(listed->at(0).responses, 3);
    EXPECT_EQ(surveys().open_rounds("vimby", TODAY)->size(), 1u);
    EXPECT_TRUE(surveys().open_rounds("vimby", day("2024-04-01"))->empty());
    auto unknown = surveys().open_rounds("nobody", TODAY);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().field, "partnership");
}

TEST_P(ConformanceTest, SurveyErasureDeletesNamedAnswersAndAnonymisationKeepsThem) {
    const std::int64_t creator = account("k@example.org", "Kim");
    const std::int64_t named = new_round(surveys(), creator, false);
    const std::int64_t anonymous = new_round(surveys(), creator, true);
    ASSERT_TRUE(surveys().submit(response(named, "p1"), TODAY));
    ASSERT_TRUE(surveys().submit(response(anonymous, "p1"), TODAY));
    ASSERT_TRUE(surveys().submit(response(named, "p3"), TODAY));
    ASSERT_TRUE(store().erase_person("p1"));
    EXPECT_EQ(sql("SELECT count(*) FROM survey_respondents"), "1");  // p3's
    // p1's named response is gone; the anonymous one stays, as it names nobody.
    EXPECT_EQ(sql("SELECT count(*) FROM survey_responses"), "2");
    EXPECT_EQ(sql("SELECT count(*) FROM survey_responses WHERE person IS NULL"), "1");
    EXPECT_EQ(sql("SELECT count(*) FROM survey_answers"), "4");

    auto renamed = store().anonymise({"p3"}, at("2024-03-04T10:00:00"));
    ASSERT_TRUE(renamed) << renamed.error().message;
    auto own = surveys().answers_of(renamed->at(0));
    ASSERT_TRUE(own);
    EXPECT_EQ(own->size(), 1u);
    EXPECT_TRUE(*surveys().has_answered(named, renamed->at(0)));
}

TEST_P(ConformanceTest, SurveyARoundIsValidatedAndItsPlaceBelongsToItsPartnership) {
    core::SurveyRound bad;
    bad.partnership = "vimby";
    bad.title = " ";
    bad.opens = day("2024-03-01");
    bad.closes = day("2024-03-31");
    bad.created_by = account("k@example.org", "Kim");
    EXPECT_EQ(surveys().create_round(bad).error().field, "title");
    bad.title = "Forår";
    bad.closes = day("2024-02-01");
    EXPECT_EQ(surveys().create_round(bad).error().field, "closes");
    bad.closes = day("2024-03-31");
    bad.place = "house";  // INSP!'s
    auto elsewhere = surveys().create_round(bad);
    ASSERT_FALSE(elsewhere);
    EXPECT_EQ(elsewhere.error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(elsewhere.error().field, "place");
    bad.place = "cafe";
    auto created = surveys().create_round(bad);
    ASSERT_TRUE(created) << created.error().message;
    auto found = surveys().find_round(*created);
    ASSERT_TRUE(found && *found);
    EXPECT_EQ((*found)->place, "cafe");
    EXPECT_EQ((*found)->created_by, bad.created_by);
    EXPECT_TRUE(is_generated_id((*found)->bundle_id, "sr")) << (*found)->bundle_id;
    EXPECT_EQ(sql("SELECT count(*) FROM survey_rounds"), "1");
}

// Many people answering one round at once (the web's worker threads on the shared pool): every
// answer is stored, and a person who answers twice at once is stored once, the other refused.
TEST_P(ConformanceTest, SurveyConcurrentAnswersToOneRoundAreAllStoredEachPersonOnce) {
    const std::int64_t id = new_round(surveys(), account("k@example.org", "Kim"), true);
    const std::vector<std::string> people = {"p1", "p2", "p3", "p4", "p5", "p6"};
    constexpr int TIMES = 2;  // each person submits twice, at once
    std::vector<core::Result<int>> results(people.size() * TIMES, 0);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < results.size(); ++i) {
        threads.emplace_back([&, i] {
            results[i] = surveys().submit(response(id, people[i % people.size()].c_str()), TODAY);
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    std::vector<int> stored(people.size(), 0);
    for (std::size_t i = 0; i < results.size(); ++i) {
        if (results[i]) {
            ++stored[i % people.size()];
        } else {
            EXPECT_EQ(results[i].error().code, core::ErrorCode::Conflict)
                << results[i].error().message;
            EXPECT_EQ(results[i].error().field, "round");
        }
    }
    EXPECT_EQ(stored, std::vector<int>(people.size(), 1));
    EXPECT_EQ(sql("SELECT count(*) FROM survey_responses"), "6");
    EXPECT_EQ(sql("SELECT count(*) FROM survey_respondents"), "6");
    EXPECT_EQ(sql("SELECT count(*) FROM survey_answers"), "12");
    auto counts = surveys().counts(id);
    ASSERT_TRUE(counts) << counts.error().message;
    EXPECT_EQ(counts->respondents, 6);
    for (const std::string& person : people) {
        EXPECT_TRUE(*surveys().has_answered(id, person)) << person;
    }
}

}  // namespace
}  // namespace samskab::storage::conformance
