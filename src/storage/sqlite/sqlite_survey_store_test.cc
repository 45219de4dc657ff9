#include "storage/sqlite/sqlite_survey_store.h"

#include <gtest/gtest.h>

#include "storage/sqlite/sqlite_community_test.h"

namespace samskab::storage::sqlite::testing {
namespace {

using core::SurveyAnswer;

class SurveyStoreTest : public CommunityStoreTest {
protected:
    core::SurveyStore& surveys() { return *m_stores.surveys; }

    std::int64_t round(bool anonymous, const char* opens = "2024-03-01",
                       const char* closes = "2024-03-31") {
        core::SurveyRound round;
        round.partnership = "vimby";
        round.title = anonymous ? "Forår (anonym)" : "Forår";
        round.opens = day(opens);
        round.closes = day(closes);
        round.anonymous = anonymous;
        round.created_by = 1;
        round.created_at = at("2024-02-20T10:00:00");
        auto id = surveys().create_round(round);
        EXPECT_TRUE(id) << id.error().message;
        return id ? *id : 0;
    }

    static core::SurveyResponse response(std::int64_t round, const char* person) {
        return {round,
                person,
                {{"flexibility", SurveyAnswer::Yes},
                 {"equality", SurveyAnswer::ALittle},
                 {"diversity", std::nullopt}},
                {}};
    }

    const core::Day m_today = day("2024-03-04");
};

TEST_F(SurveyStoreTest, AnAnonymousResponseKeepsNoLinkToThePerson) {
    const std::int64_t id = round(true);
    auto made = surveys().submit(response(id, "p1"), m_today);
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
    // Nor can any other code path store the person with an anonymous answer.
    auto db = Database::open(m_path);
    ASSERT_TRUE(db);
    EXPECT_FALSE(
        (*db)->exec("PRAGMA foreign_keys = ON; INSERT INTO survey_responses "
                    "(pk, round, person) VALUES (7, " +
                    std::to_string(id) + ", 1)"));
}

TEST_F(SurveyStoreTest, ANamedResponseKeepsThePersonAndTheirOwnAnswers) {
    const std::int64_t id = round(false);
    ASSERT_TRUE(surveys().submit(response(id, "p1"), m_today));
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

TEST_F(SurveyStoreTest, AnsweringTwiceIsRefusedAndStoresNothing) {
    for (bool anonymous : {true, false}) {
        const std::int64_t id = round(anonymous);
        ASSERT_TRUE(surveys().submit(response(id, "p2"), m_today));
        auto again = surveys().submit(response(id, "p2"), m_today);
        ASSERT_FALSE(again);
        EXPECT_EQ(again.error().code, core::ErrorCode::Conflict);
        EXPECT_EQ(again.error().field, "round");
        EXPECT_EQ(sql("SELECT count(*) FROM survey_responses WHERE round = " + std::to_string(id)),
                  "1");
    }
    EXPECT_EQ(sql("SELECT count(*) FROM survey_answers"), "4");
}

TEST_F(SurveyStoreTest, ARoundOutsideItsDaysTakesNoAnswers) {
    const std::int64_t id = round(true, "2024-04-01", "2024-04-30");
    auto early = surveys().submit(response(id, "p1"), m_today);
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().code, core::ErrorCode::Conflict);
    EXPECT_EQ(sql("SELECT count(*) FROM survey_respondents"), "0");
    EXPECT_EQ(surveys().submit(response(999, "p1"), m_today).error().code,
              core::ErrorCode::NotFound);
}

TEST_F(SurveyStoreTest, TheNameGeneratorMakesSelfReportRelations) {
    const std::int64_t id = round(false);
    core::SurveyResponse answer = response(id, "p2");
    // p1 and p2 already have an open relation (the bundle's): it is left as it is.
    answer.known = {"p3", "p1", "p5"};
    auto made = surveys().submit(answer, m_today);
    ASSERT_TRUE(made) << made.error().message;
    EXPECT_EQ(*made, 2);
    EXPECT_EQ(sql("SELECT group_concat(pa.id || '-' || pb.id || ':' || r.source || ':' || r.since, "
                  "' ') FROM (SELECT * FROM relations ORDER BY a, b) r "
                  "JOIN people pa ON pa.pk = r.a JOIN people pb ON pb.pk = r.b "
                  "WHERE r.since = '2024-03-04'"),
              "p2-p3:self_report:2024-03-04 p2-p5:self_report:2024-03-04");
    EXPECT_EQ(sql("SELECT count(*) FROM relations r JOIN people pa ON pa.pk = r.a "
                  "JOIN people pb ON pb.pk = r.b WHERE pa.id = 'p1' AND pb.id = 'p2'"),
              "1");
}

TEST_F(SurveyStoreTest, AnAnonymousRoundRefusesNamesAndStoresNothing) {
    const std::int64_t id = round(true);
    core::SurveyResponse answer = response(id, "p2");
    answer.known = {"p3"};
    auto refused = surveys().submit(answer, m_today);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, core::ErrorCode::Invalid);
    EXPECT_EQ(refused.error().field, "known");
    EXPECT_EQ(sql("SELECT count(*) FROM survey_respondents"), "0");
    EXPECT_EQ(sql("SELECT count(*) FROM survey_responses"), "0");
    EXPECT_EQ(sql("SELECT count(*) FROM relations WHERE source = 'self_report'"), "1");
    // An unknown person named in a named round undoes the whole response.
    const std::int64_t named = round(false);
    answer = response(named, "p2");
    answer.known = {"p3", "nobody"};
    auto unknown = surveys().submit(answer, m_today);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().field, "known");
    EXPECT_EQ(sql("SELECT count(*) FROM survey_responses"), "0");
    EXPECT_EQ(sql("SELECT count(*) FROM relations"), "1");
}

TEST_F(SurveyStoreTest, ARoundAtOnePlaceNamesOnlyThePeopleOfThatPlace) {
    core::SurveyRound at_cafe;
    at_cafe.partnership = "vimby";
    at_cafe.place = "cafe";
    at_cafe.title = "Caféen";
    at_cafe.opens = day("2024-03-01");
    at_cafe.closes = day("2024-03-31");
    at_cafe.anonymous = false;
    auto id = surveys().create_round(at_cafe);
    ASSERT_TRUE(id) << id.error().message;
    // p1 visited the café and takes part in o1, p2 hosts o1; p5 accompanies p2 in Vimby but was
    // never at the café, p4 is of INSP!.
    auto listed = surveys().people_to_name(*id, "p2");
    ASSERT_TRUE(listed) << listed.error().message;
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_EQ(listed->at(0).id, "p1");
    EXPECT_FALSE(listed->at(0).support_need);
    auto whole = surveys().people_to_name(round(false), "p2");
    ASSERT_TRUE(whole);
    EXPECT_EQ(whole->size(), 2u);  // p1 and p5, by name
    for (const char* outside : {"p5", "p4"}) {
        core::SurveyResponse answer = response(*id, "p2");
        answer.known = {"p1", outside};
        auto refused = surveys().submit(answer, m_today);
        ASSERT_FALSE(refused) << outside;
        EXPECT_EQ(refused.error().code, core::ErrorCode::NotFound);
        EXPECT_EQ(refused.error().field, "known");
        EXPECT_EQ(sql("SELECT count(*) FROM survey_responses"), "0");
    }
    core::SurveyResponse answer = response(*id, "p2");
    answer.known = {"p1"};
    ASSERT_TRUE(surveys().submit(answer, m_today));
    EXPECT_EQ(surveys().people_to_name(999, "p2").error().code, core::ErrorCode::NotFound);
}

TEST_F(SurveyStoreTest, ResponsesComeWithoutPeopleSortedByTheirAnswers) {
    const std::int64_t id = round(false);
    core::SurveyResponse first{id, "p3", {{"flexibility", SurveyAnswer::No}}, {}};
    ASSERT_TRUE(surveys().submit(first, m_today));
    ASSERT_TRUE(surveys().submit(response(id, "p1"), m_today));
    auto listed = surveys().responses(id);
    ASSERT_TRUE(listed) << listed.error().message;
    ASSERT_EQ(listed->size(), 2u);
    EXPECT_EQ(listed->at(0), (core::SurveyResponseAnswers{SurveyAnswer::Yes, SurveyAnswer::ALittle,
                                                          std::nullopt, std::nullopt}));
    EXPECT_EQ(listed->at(1), (core::SurveyResponseAnswers{SurveyAnswer::No, std::nullopt,
                                                          std::nullopt, std::nullopt}));
    EXPECT_EQ(surveys().responses(999).error().code, core::ErrorCode::NotFound);
}

TEST_F(SurveyStoreTest, CountsPerQuestionAndAnswer) {
    const std::int64_t id = round(true);
    ASSERT_TRUE(surveys().submit(response(id, "p1"), m_today));
    ASSERT_TRUE(surveys().submit(response(id, "p2"), m_today));
    core::SurveyResponse other{id, "p3", {{"flexibility", SurveyAnswer::No}}, {}};
    ASSERT_TRUE(surveys().submit(other, m_today));
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
    EXPECT_EQ(surveys().open_rounds("vimby", m_today)->size(), 1u);
    EXPECT_TRUE(surveys().open_rounds("vimby", day("2024-04-01"))->empty());
}

TEST_F(SurveyStoreTest, ErasureDeletesNamedAnswersAndAnonymisationKeepsThem) {
    const std::int64_t named = round(false);
    const std::int64_t anonymous = round(true);
    ASSERT_TRUE(surveys().submit(response(named, "p1"), m_today));
    ASSERT_TRUE(surveys().submit(response(anonymous, "p1"), m_today));
    ASSERT_TRUE(surveys().submit(response(named, "p3"), m_today));
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

TEST_F(SurveyStoreTest, ARoundIsValidatedAndItsPlaceBelongsToItsPartnership) {
    core::SurveyRound bad;
    bad.partnership = "vimby";
    bad.title = " ";
    bad.opens = day("2024-03-01");
    bad.closes = day("2024-03-31");
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
    EXPECT_EQ(surveys().find_round(*created)->value().place, "cafe");
    EXPECT_EQ(sql("SELECT count(*) FROM survey_rounds"), "1");
}

}  // namespace
}  // namespace samskab::storage::sqlite::testing

namespace samskab::storage::sqlite::testing {
namespace {

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
