// core::validate_bundle on the collection `interviews`: every rule of
// core/bundle_validator_interviews.h, with its path and its message in Danish and English.
#include <gtest/gtest.h>

#include "core/bundle_validator.h"
#include "core/interview.h"
#include "core/starting_codebook.h"

namespace samskab::core {
namespace {

using Issues = std::vector<std::string>;

const IdLookup NOTHING_STORED = [](Collection, std::string_view) { return false; };

// A partnership with a person, one theme of its own, and a guide of two questions with one
// interview: a note to each question, the first coded with a starting theme and the own one.
Bundle valid() {
    Bundle b;
    b.partnerships.push_back({"insp", "INSP!", {}});
    b.people.push_back({"p1", "Alex", false, std::nullopt, std::nullopt, {}});
    b.codes.push_back({"t-egen", "insp", ThemeGroup::Other, "Eget", "", "", "", false});
    InterviewGuideRecord g{"ig-a", "insp", "Guide", {"Hvorfor?", "Hvordan?"}, {}};
    HeldInterviewRecord iv{"iv-1", *parse_date("2017-03-01"), "Ung, 19 år", "p1", {}};
    iv.notes.push_back({1,
                        "Jeg kan komme når jeg vil.",
                        {{starting_codebook().front().id, "komme når"}, {"t-egen", "vil"}}});
    iv.notes.push_back({2, "Med bussen.", {}});
    g.interviews.push_back(iv);
    b.interviews.push_back(g);
    return b;
}

Issues issues_of(const Bundle& b, Lang lang, const IdLookup& stored = NOTHING_STORED) {
    Issues out;
    for (const BundleIssue& issue : validate_bundle(b, lang, stored)) {
        out.push_back(to_string(issue));
    }
    return out;
}

HeldInterviewRecord& interview(Bundle& b) {
    return b.interviews[0].interviews[0];
}

TEST(BundleValidatorInterviews, AValidGuideHasNoIssues) {
    EXPECT_EQ(issues_of(valid(), Lang::En), Issues{});
}

TEST(BundleValidatorInterviews, GuideAndInterviewIdsAreUnique) {
    Bundle b = valid();
    b.interviews.push_back(b.interviews[0]);
    b.interviews[1].interviews[0].notes.clear();
    EXPECT_EQ(issues_of(b, Lang::En),
              (Issues{"interviews[1].id: id \"ig-a\" is used before (at interviews[0])",
                      "interviews[1].interviews[0].id: id \"iv-1\" is used before (at "
                      "interviews[0].interviews[0])"}));
    EXPECT_EQ(issues_of(b, Lang::Da)[0],
              "interviews[1].id: id \"ig-a\" er brugt før (i interviews[0])");
}

TEST(BundleValidatorInterviews, ThePartnershipAndThePersonMustBeKnown) {
    Bundle b = valid();
    b.interviews[0].partnership = "ukendt";
    interview(b).person = "p9";
    // The codings' themes are looked up in the partnership named, which has none of its own.
    EXPECT_EQ(issues_of(b, Lang::En),
              (Issues{"interviews[0].partnership: unknown partnership \"ukendt\"",
                      "interviews[0].interviews[0].person: unknown person \"p9\"",
                      "interviews[0].interviews[0].notes[0].codings[1].theme: unknown theme "
                      "\"t-egen\""}));
    EXPECT_EQ(issues_of(b, Lang::Da)[1],
              "interviews[0].interviews[0].person: ukendt person \"p9\"");
    const IdLookup stored = [](Collection c, std::string_view id) {
        return (c == Collection::Partnerships && id == "ukendt") ||
               (c == Collection::People && id == "p9") ||
               (c == Collection::CodebookThemes && id == codebook_theme_key("ukendt", "t-egen"));
    };
    EXPECT_EQ(issues_of(b, Lang::En, stored), Issues{});
}

TEST(BundleValidatorInterviews, TextsAreCheckedByTheInterviewValidators) {
    Bundle b = valid();
    b.interviews[0].title = " ";
    b.interviews[0].questions[1] = "  ";
    interview(b).interviewee = " ";
    interview(b).notes[1].text = " ";
    for (Lang lang : {Lang::Da, Lang::En}) {
        EXPECT_EQ(
            issues_of(b, lang),
            (Issues{"interviews[0].title: " + validate_guide_title(" ", lang).error().message,
                    "interviews[0].questions[1]: " + validate_question(" ", lang).error().message,
                    "interviews[0].interviews[0].interviewee: " +
                        validate_interviewee(" ", lang).error().message,
                    "interviews[0].interviews[0].notes[1].text: " +
                        validate_note(" ", lang).error().message}));
    }
}

TEST(BundleValidatorInterviews, ANoteNamesOneOfTheGuidesQuestionsOnce) {
    Bundle b = valid();
    interview(b).notes[1].question = 3;
    interview(b).notes.push_back({1, "Igen.", {}});
    interview(b).notes.push_back({0, "Nul.", {}});
    EXPECT_EQ(issues_of(b, Lang::En),
              (Issues{"interviews[0].interviews[0].notes[1].question: the guide has no question "
                      "number 3 (it has 2)",
                      "interviews[0].interviews[0].notes[2]: is already there (at "
                      "interviews[0].interviews[0].notes[0])",
                      "interviews[0].interviews[0].notes[3].question: the guide has no question "
                      "number 0 (it has 2)"}));
    EXPECT_EQ(issues_of(b, Lang::Da)[0],
              "interviews[0].interviews[0].notes[1].question: guiden har ingen spørgsmål "
              "nummer 3 (den har 2)");
}

TEST(BundleValidatorInterviews, ACodingsThemeIsInTheCodebookAndItsQuoteInTheNote) {
    Bundle b = valid();
    interview(b).notes[0].codings[0].theme = "ukendt";
    interview(b).notes[0].codings[1].quote = "ikke i noten";
    for (Lang lang : {Lang::Da, Lang::En}) {
        const std::string noun = lang == Lang::Da ? "ukendt tema" : "unknown theme";
        EXPECT_EQ(issues_of(b, lang),
                  (Issues{"interviews[0].interviews[0].notes[0].codings[0].theme: " + noun +
                              " \"ukendt\"",
                          "interviews[0].interviews[0].notes[0].codings[1].quote: " +
                              validate_quote("ikke i noten", "x", lang).error().message}));
    }
    // A retired theme is still a theme: codings made before keep it.
    Bundle retired = valid();
    retired.codes[0].retired = true;
    EXPECT_EQ(issues_of(retired, Lang::En), Issues{});
    // A theme of another partnership's codebook is not this one's.
    Bundle other = valid();
    other.partnerships.push_back({"andet", "Andet", {}});
    other.codes[0].partnership = "andet";
    EXPECT_EQ(issues_of(other, Lang::En),
              Issues{"interviews[0].interviews[0].notes[0].codings[1].theme: unknown theme "
                     "\"t-egen\""});
}

}  // namespace
}  // namespace samskab::core
