// core::InterviewStore on both stores: the codebook, guides and questions, interviews, notes,
// codings, coded passages and the promoters/inhibitors check.
#include "core/starting_codebook.h"
#include "storage/conformance/conformance_fixture.h"

namespace samskab::storage::conformance {
namespace {

// What every test starts from: a guide of Vimby with two questions, and an interview held with
// it by a coordinator.
struct Held {
    std::int64_t coordinator = 0, guide = 0, q1 = 0, q2 = 0, interview = 0;
};

void hold_interview(core::InterviewStore& interviews, std::int64_t coordinator, Held& held) {
    held.coordinator = coordinator;
    auto guide = interviews.create_guide("vimby", "Deltagerinterview");
    ASSERT_TRUE(guide) << guide.error().message;
    held.guide = *guide;
    auto q1 = interviews.add_question(held.guide, "Hvordan kom du ind i fællesskabet?");
    ASSERT_TRUE(q1) << q1.error().message;
    held.q1 = *q1;
    auto q2 = interviews.add_question(held.guide, "Hvad betyder værten for dig?");
    ASSERT_TRUE(q2) << q2.error().message;
    held.q2 = *q2;
    core::Interview interview;
    interview.guide = held.guide;
    interview.date = day("2024-03-10");
    interview.interviewer = coordinator;
    interview.interviewee = "beboer fra bogruppen, frivillig i caféen";
    auto created = interviews.create_interview(interview);
    ASSERT_TRUE(created) << created.error().message;
    held.interview = *created;
}

// Declares `h`, the Held of the test.
#define SAMSKAB_HOLD_INTERVIEW() \
    Held h;                      \
    ASSERT_NO_FATAL_FAILURE(     \
        hold_interview(interviews(), account("koordinator@example.dk", "Kirsten"), h))

TEST_P(ConformanceTest, InterviewStoreReadsTheStartingCodebookUntilAPartnershipEditsIt) {
    SAMSKAB_HOLD_INTERVIEW();
    auto themes = interviews().codebook("vimby");
    ASSERT_TRUE(themes);
    EXPECT_EQ(themes->size(), core::starting_codebook().size());
    EXPECT_FALSE(*interviews().has_own_codebook("vimby"));
    EXPECT_EQ(sql("SELECT count(*) FROM codebook_themes"), "0");
    EXPECT_EQ(interviews().codebook("nowhere").error().code, core::ErrorCode::NotFound);
}

TEST_P(ConformanceTest, InterviewStoreAddsRenamesAndRetiresThemesInTheCopyOnly) {
    SAMSKAB_HOLD_INTERVIEW();
    core::Theme added{"", "Tryghed", "Safety", core::ThemeGroup::Other, "At føle sig tryg",
                      "", true};
    auto id = interviews().save_theme("vimby", added);
    ASSERT_TRUE(id) << id.error().message;
    EXPECT_TRUE(is_generated_id(*id, "t"));
    auto themes = *interviews().codebook("vimby");
    ASSERT_EQ(themes.size(), core::starting_codebook().size() + 1);
    EXPECT_EQ(themes.back().id, *id);

    core::Theme renamed = themes.front();
    renamed.name_da = "Fleksibel deltagelse";
    renamed.active = false;
    ASSERT_TRUE(interviews().save_theme("vimby", renamed));
    themes = *interviews().codebook("vimby");
    EXPECT_EQ(themes.front().name_da, "Fleksibel deltagelse");
    EXPECT_FALSE(themes.front().active);
    // INSP!'s codebook is still the starting one.
    EXPECT_EQ(interviews().codebook("insp")->front().name_da, "Fleksibilitet");
    EXPECT_FALSE(*interviews().has_own_codebook("insp"));

    renamed.id = "no-such-theme";
    EXPECT_EQ(interviews().save_theme("vimby", renamed).error().field, "theme");
    renamed.name_da = "";
    EXPECT_EQ(interviews().save_theme("vimby", renamed).error().field, "name_da");
}

TEST_P(ConformanceTest, InterviewQuestionsKeepTheirOrderAndCanBeMovedEditedAndRemoved) {
    SAMSKAB_HOLD_INTERVIEW();
    auto q3 = interviews().add_question(h.guide, "Hvad vil du gerne lave?");
    ASSERT_TRUE(q3);
    ASSERT_TRUE(interviews().move_question(*q3, -1));
    ASSERT_TRUE(interviews().edit_question(h.q1, "Hvordan kom du ind?"));
    auto guide = *interviews().find_guide(h.guide);
    ASSERT_TRUE(guide);
    ASSERT_EQ(guide->questions.size(), 3U);
    EXPECT_EQ(guide->questions[0].text, "Hvordan kom du ind?");
    EXPECT_EQ(guide->questions[1].id, *q3);
    EXPECT_EQ(guide->questions[2].id, h.q2);
    EXPECT_TRUE(interviews().move_question(h.q1, -1));  // already first: nothing happens
    EXPECT_EQ(interviews().find_guide(h.guide)->value().questions[0].id, h.q1);

    ASSERT_TRUE(interviews().save_note(h.interview, h.q2, "Hun siger hej, når jeg kommer."));
    auto refused = interviews().remove_question(h.q2);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, core::ErrorCode::Conflict);
    EXPECT_TRUE(interviews().remove_question(*q3));
    EXPECT_EQ(interviews().find_guide(h.guide)->value().questions.size(), 2U);
    EXPECT_EQ(interviews().add_question(h.guide, " ").error().field, "text");
    EXPECT_EQ(interviews().add_question(9999, "?").error().field, "guide");
    EXPECT_EQ(interviews().guides("vimby")->size(), 1U);
    EXPECT_TRUE(interviews().guides("insp")->empty());
}

TEST_P(ConformanceTest, InterviewsNeedAKnownGuideInterviewerAndPerson) {
    SAMSKAB_HOLD_INTERVIEW();
    core::Interview interview;
    interview.guide = h.guide;
    interview.date = day("2024-04-01");
    interview.interviewer = h.coordinator;
    interview.interviewee = "ung, 19 år";
    interview.person = "p1";
    auto linked = interviews().create_interview(interview);
    ASSERT_TRUE(linked) << linked.error().message;
    interview.person = "p99";
    EXPECT_EQ(interviews().create_interview(interview).error().field, "person");
    interview.person.reset();
    interview.interviewer = 424242;
    EXPECT_EQ(interviews().create_interview(interview).error().field, "interviewer");
    interview.interviewer = h.coordinator;
    interview.guide = 777;
    EXPECT_EQ(interviews().create_interview(interview).error().field, "guide");

    auto listed = *interviews().interviews("vimby");
    ASSERT_EQ(listed.size(), 2U);
    EXPECT_EQ(listed[0].id, *linked);  // newest first
    EXPECT_EQ(listed[0].person, "p1");
    EXPECT_EQ(listed[1].interviewer_name, "Kirsten");
    EXPECT_EQ(listed[1].partnership, "vimby");
    EXPECT_FALSE(listed[1].person);
    // The interviewee is kept in the column meant for sealing (sealed on PostgreSQL).
    EXPECT_EQ(sql_opened("SELECT interviewee_sealed, interviewee_text, "
                         "'interviews.interviewee_text:' || pk FROM interviews WHERE pk = " +
                         std::to_string(h.interview)),
              "beboer fra bogruppen, frivillig i caféen");
    EXPECT_EQ(
        sql("SELECT interviewee_text FROM interviews WHERE pk = " + std::to_string(h.interview)),
        backend() == Backend::Postgres ? "" : "beboer fra bogruppen, frivillig i caféen");
}

TEST_P(ConformanceTest, InterviewNotesAreOnePerQuestionAndCodedWithQuotes) {
    SAMSKAB_HOLD_INTERVIEW();
    auto note = interviews().save_note(h.interview, h.q1, "Jeg kom med Bo. Nu kommer jeg selv.");
    ASSERT_TRUE(note) << note.error().message;
    auto again = interviews().save_note(h.interview, h.q1, "Jeg kom med Bo. Nu kommer jeg selv!");
    ASSERT_TRUE(again);
    EXPECT_EQ(*again, *note);
    auto other_guide = *interviews().create_guide("vimby", "Andet");
    auto foreign = *interviews().add_question(other_guide, "?");
    EXPECT_EQ(interviews().save_note(h.interview, foreign, "x").error().field, "question");
    EXPECT_EQ(interviews().save_note(h.interview, h.q1, "").error().field, "text");

    auto coding = interviews().add_coding(*note, "inviterende-vaertsskab", "Jeg kom med Bo");
    ASSERT_TRUE(coding) << coding.error().message;
    // Coding copied the starting codebook into Vimby's own.
    EXPECT_TRUE(*interviews().has_own_codebook("vimby"));
    EXPECT_EQ(interviews().add_coding(*note, "fleksibilitet", "kom med Carl").error().field,
              "quote");
    EXPECT_EQ(interviews().add_coding(*note, "nope", "Jeg kom").error().code,
              core::ErrorCode::NotFound);

    core::Theme retired = interviews().codebook("vimby")->front();
    retired.active = false;
    ASSERT_TRUE(interviews().save_theme("vimby", retired));
    auto refused = interviews().add_coding(*note, retired.id, "Nu kommer jeg selv");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().field, "theme");

    // A note corrected after coding keeps its coding; the record tells it is no longer there.
    ASSERT_TRUE(interviews().save_note(h.interview, h.q1, "Jeg kom sammen med min kontakt."));
    auto record = *interviews().find_interview(h.interview);
    ASSERT_TRUE(record);
    ASSERT_EQ(record->notes.size(), 1U);
    ASSERT_EQ(record->codings.size(), 1U);
    EXPECT_EQ(record->codings[0].quote, "Jeg kom med Bo");
    EXPECT_FALSE(record->codings[0].in_note);
    EXPECT_EQ(record->guide.questions.size(), 2U);

    ASSERT_TRUE(interviews().remove_coding(*coding));
    EXPECT_EQ(interviews().remove_coding(*coding).error().code, core::ErrorCode::NotFound);
    EXPECT_FALSE(*interviews().find_interview(424242));
}

TEST_P(ConformanceTest, InterviewCodedPassagesOfAPeriodComeWithDateQuestionAndTheme) {
    SAMSKAB_HOLD_INTERVIEW();
    auto n1 = *interviews().save_note(h.interview, h.q1, "Ingen spørger, hvor jeg har været.");
    ASSERT_TRUE(interviews().add_coding(n1, "fleksibilitet", "Ingen spørger"));
    core::Interview later;
    later.guide = h.guide;
    later.date = day("2024-09-01");
    later.interviewer = h.coordinator;
    later.interviewee = "frivillig";
    auto second = *interviews().create_interview(later);
    auto n2 = *interviews().save_note(second, h.q2, "Værten præsenterede mig for Åse.");
    ASSERT_TRUE(interviews().add_coding(n2, "forbindende-vaertsskab", "præsenterede mig for Åse"));

    auto all = *interviews().coded_passages("vimby", day("2024-01-01"), day("2024-12-31"));
    ASSERT_EQ(all.size(), 2U);
    EXPECT_EQ(all[0].theme, "fleksibilitet");
    EXPECT_EQ(all[0].quote, "Ingen spørger");
    EXPECT_EQ(all[0].question, "Hvordan kom du ind i fællesskabet?");
    EXPECT_EQ(all[0].date, day("2024-03-10"));
    EXPECT_EQ(all[1].interview, second);
    auto spring = *interviews().coded_passages("vimby", day("2024-01-01"), day("2024-06-30"));
    EXPECT_EQ(spring.size(), 1U);
    EXPECT_TRUE(interviews().coded_passages("insp", day("2024-01-01"), day("2024-12-31"))->empty());
}

TEST_P(ConformanceTest, InterviewStoreReplacesTheCheckOfAHalfYearWhole) {
    SAMSKAB_HOLD_INTERVIEW();
    const core::HalfYear half{2024, 1};
    EXPECT_FALSE(*interviews().self_assessment("vimby", half));
    core::SelfAssessment check;
    check.partnership = "vimby";
    check.half = half;
    check.saved_by = h.coordinator;
    check.saved_at = at("2024-07-02T10:00:00");
    check.answers = {{"haemmer-fast-rollefordeling", core::CheckRating::Hinders, "Faste vagter"},
                     {"fremmer-fleksibilitet", core::CheckRating::Promotes, ""},
                     {"haemmer-kaotiske-rum", std::nullopt, "Ikke drøftet"}};
    ASSERT_TRUE(interviews().save_self_assessment(check));
    auto read = *interviews().self_assessment("vimby", half);
    ASSERT_TRUE(read);
    ASSERT_EQ(read->answers.size(), 3U);
    EXPECT_EQ(read->answers[0].item, "haemmer-fast-rollefordeling");
    EXPECT_EQ(read->answers[0].rating, core::CheckRating::Hinders);
    EXPECT_EQ(read->answers[0].comment, "Faste vagter");
    EXPECT_FALSE(read->answers[2].rating);
    EXPECT_EQ(read->saved_at, check.saved_at);

    check.answers = {{"fremmer-fleksibilitet", core::CheckRating::NotRelevant, "x"}};
    ASSERT_TRUE(interviews().save_self_assessment(check));
    read = *interviews().self_assessment("vimby", half);
    ASSERT_EQ(read->answers.size(), 1U);
    EXPECT_EQ(read->answers[0].rating, core::CheckRating::NotRelevant);
    EXPECT_FALSE(*interviews().self_assessment("vimby", core::HalfYear{2024, 2}));
    EXPECT_FALSE(*interviews().self_assessment("insp", half));

    check.answers = {{"fleksibilitet", core::CheckRating::Promotes, ""}};
    EXPECT_EQ(interviews().save_self_assessment(check).error().field, "item");
    // The refused check changed nothing.
    EXPECT_EQ(interviews().self_assessment("vimby", half)->value().answers.size(), 1U);
}

TEST_P(ConformanceTest, ErasingTheInterviewedPersonKeepsTheInterviewWithoutTheLink) {
    SAMSKAB_HOLD_INTERVIEW();
    core::Interview interview;
    interview.guide = h.guide;
    interview.date = day("2024-04-01");
    interview.interviewer = h.coordinator;
    interview.interviewee = "deltager";
    interview.person = "p6";
    auto id = *interviews().create_interview(interview);
    auto erased = store().erase_person("p6");
    ASSERT_TRUE(erased) << erased.error().message;
    auto record = *interviews().find_interview(id);
    ASSERT_TRUE(record);
    EXPECT_FALSE(record->interview.person);
}

}  // namespace
}  // namespace samskab::storage::conformance
