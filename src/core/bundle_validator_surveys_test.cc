// core::validate_bundle on the collection `survey_responses`: every rule of
// core/bundle_validator_surveys.h, with its path and its message in Danish and English.
#include <gtest/gtest.h>

#include "core/bundle_validator.h"
#include "core/survey.h"

namespace samskab::core {
namespace {

using Issues = std::vector<std::string>;

const IdLookup NOTHING_STORED = [](Collection, std::string_view) { return false; };

// A partnership with a place and two people, a named round at the place answered by both, and
// an anonymous round of the whole partnership answered by one.
Bundle valid() {
    Bundle b;
    b.partnerships.push_back({"insp", "INSP!", {}});
    b.partnerships.push_back({"vimby", "Vimby", {}});
    b.places.push_back({"huset", "insp", "Huset", 0.2});
    b.places.push_back({"cafe", "vimby", "Caféen", 0.2});
    b.people.push_back({"p1", "Alex", false, std::nullopt, std::nullopt, {}});
    b.people.push_back({"p2", "Bo", false, std::nullopt, std::nullopt, {}});
    SurveyRoundRecord named{
        "sr-1", "insp", "huset", "Forår", *parse_date("2024-03-01"), *parse_date("2024-03-31"),
        false,  {},     {}};
    named.responses.push_back({"p1", {{"equality", "a_little"}, {"flexibility", "yes"}}});
    named.responses.push_back({"p2", {}});
    SurveyRoundRecord anonymous{"sr-2",
                                "insp",
                                std::nullopt,
                                "Efterår",
                                *parse_date("2024-09-01"),
                                *parse_date("2024-09-30"),
                                true,
                                {},
                                {}};
    anonymous.responses.push_back({std::nullopt, {{"diversity", "no"}}});
    anonymous.respondents = {"p2"};
    b.survey_responses = {named, anonymous};
    return b;
}

Issues issues_of(const Bundle& b, Lang lang, const IdLookup& stored = NOTHING_STORED) {
    Issues out;
    for (const BundleIssue& issue : validate_bundle(b, lang, stored)) {
        out.push_back(to_string(issue));
    }
    return out;
}

TEST(BundleValidatorSurveys, AValidBundleHasNoIssues) {
    EXPECT_EQ(issues_of(valid(), Lang::En), Issues{});
}

TEST(BundleValidatorSurveys, RoundIdsAreUniqueAndReferencesResolve) {
    Bundle b = valid();
    b.survey_responses[1].id = "sr-1";
    b.survey_responses[1].partnership = "nowhere";
    b.survey_responses[0].place = "cafe";
    b.survey_responses[0].responses[1].person = "p9";
    b.survey_responses[1].respondents = {"p2", "p8", "p2"};
    EXPECT_EQ(
        issues_of(b, Lang::En),
        (Issues{"survey_responses[0].place: the place \"cafe\" belongs to another partnership",
                "survey_responses[0].responses[1].person: unknown person \"p9\"",
                "survey_responses[1].id: id \"sr-1\" is used before (at survey_responses[0])",
                "survey_responses[1].partnership: unknown partnership \"nowhere\"",
                "survey_responses[1].respondents[1]: unknown person \"p8\"",
                "survey_responses[1].respondents[2]: is already there (at "
                "survey_responses[1].respondents[0])"}));
    EXPECT_EQ(issues_of(b, Lang::Da)[0],
              "survey_responses[0].place: stedet \"cafe\" hører til et andet partnerskab");
    // What the bundle does not carry may be stored.
    Bundle later;
    later.survey_responses = {valid().survey_responses[0]};
    later.survey_responses[0].place = "ukendt";
    const IdLookup stored = [](Collection c, std::string_view id) {
        return (c == Collection::Partnerships && id == "insp") ||
               (c == Collection::People && (id == "p1" || id == "p2"));
    };
    EXPECT_EQ(issues_of(later, Lang::En),
              (Issues{"survey_responses[0].partnership: unknown partnership \"insp\"",
                      "survey_responses[0].place: unknown place \"ukendt\"",
                      "survey_responses[0].responses[0].person: unknown person \"p1\"",
                      "survey_responses[0].responses[1].person: unknown person \"p2\""}));
    EXPECT_EQ(issues_of(later, Lang::En, stored),
              Issues{"survey_responses[0].place: unknown place \"ukendt\""});
}

TEST(BundleValidatorSurveys, TitleDaysQuestionsAndAnswersAreChecked) {
    Bundle b = valid();
    b.survey_responses[0].title = std::string(MAX_SURVEY_TITLE_LENGTH + 1, 'x');
    b.survey_responses[1].closes = *parse_date("2024-08-01");
    b.survey_responses[0].responses[0].answers = {{"flexibility", "maybe"}, {"mood", "yes"}};
    EXPECT_EQ(
        issues_of(b, Lang::En),
        (Issues{"survey_responses[0].title: The title is too long (at most 200 characters)",
                "survey_responses[0].responses[0].answers.flexibility: unknown value \"maybe\"; "
                "allowed: yes, a_little, no",
                "survey_responses[0].responses[0].answers.mood: unknown question \"mood\"; the "
                "questions are: flexibility, equality, diversity, can_do_more",
                "survey_responses[1].closes: The last day must not be before the first day"}));
    const Issues da = issues_of(b, Lang::Da);
    ASSERT_EQ(da.size(), 4u);
    EXPECT_EQ(da[3], "survey_responses[1].closes: Sidste dag må ikke være før første dag");
    EXPECT_EQ(da[2],
              "survey_responses[0].responses[0].answers.mood: ukendt spørgsmål \"mood\"; "
              "spørgsmålene er: flexibility, equality, diversity, can_do_more");
}

TEST(BundleValidatorSurveys, PeopleBelongToNamedRoundsAndRespondentsToAnonymousOnes) {
    Bundle b = valid();
    b.survey_responses[0].responses[1].person = "p1";
    b.survey_responses[0].respondents = {"p1"};
    b.survey_responses[1].responses[0].person = "p1";
    b.survey_responses[0].responses.push_back({std::nullopt, {}});
    EXPECT_EQ(issues_of(b, Lang::En),
              (Issues{"survey_responses[0].responses[1].person: is already there (at "
                      "survey_responses[0].responses[0])",
                      "survey_responses[0].responses[2].person: is missing (required)",
                      "survey_responses[0].respondents: only an anonymous round lists who has "
                      "answered; in a named round the person is given with their response",
                      "survey_responses[1].responses[0].person: an anonymous round's responses "
                      "carry no person; who has answered is listed in \"respondents\""}));
    EXPECT_EQ(issues_of(b, Lang::Da)[3],
              "survey_responses[1].responses[0].person: et anonymt spørgeskemas svar har ingen "
              "person; hvem der har svaret, står i \"respondents\"");
}

}  // namespace
}  // namespace samskab::core
