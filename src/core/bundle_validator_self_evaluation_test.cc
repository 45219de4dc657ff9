// core::validate_bundle on the self-evaluation collections: logbook templates, logbook entries
// and the codebook's codes.
#include <gtest/gtest.h>

#include "core/bundle_validator.h"
#include "core/interview.h"
#include "core/logbook.h"

namespace samskab::core {
namespace {

using Issues = std::vector<std::string>;

const IdLookup NOTHING_STORED = [](Collection, std::string_view) { return false; };

// A partnership with a place, an activity and two people, one logbook template for the place
// (version 1: a scale, a text, the people present; version 2: a choice), one for the activity,
// an entry with each version, and two codes.
Bundle valid() {
    Bundle b;
    b.partnerships.push_back({"insp", "INSP!", {}});
    b.places.push_back({"house", "insp", "Huset", 0.2});
    b.people.push_back({"p1", "Alex", false, std::nullopt, std::nullopt, {}});
    b.people.push_back({"p2", "Bo", false, std::nullopt, std::nullopt, {}});
    b.activities.push_back(
        {"a1", "house", "Spisning", ActivityKind::Fixed, std::nullopt, *parse_date("2016-01-10")});

    LogbookTemplateRecord aften{"lt-aften",   LogbookScope::Place, "house",
                                std::nullopt, "Aftenlogbog",       {}};
    aften.versions.push_back({1,
                              0,
                              {{"stemning", "Stemning", FieldType::Scale, {}, true},
                               {"noter", "Noter", FieldType::Text, {}, false},
                               {"til_stede", "Til stede", FieldType::PeoplePresent, {}, false}}});
    aften.versions.push_back(
        {2, 0, {{"mad", "Mad", FieldType::Choice, {"suppe", "pasta"}, false}}});
    b.logbook_templates.push_back(aften);
    b.logbook_templates.push_back(
        {"lt-spis", LogbookScope::Activity, std::nullopt, "a1", "Spisning", {}});

    LogbookEntryRecord first{"le-1", "lt-aften", 1, *parse_date("2017-02-01"), 0, {}};
    first.values.push_back({"stemning", std::nullopt, 4.0, {}, {}, {}, {}});
    first.values.push_back({"noter", "God aften", {}, {}, {}, {}, {}});
    first.values.push_back({"til_stede", {}, {}, {}, {}, {}, std::vector<std::string>{"p1", "p2"}});
    b.logbook_entries.push_back(first);
    LogbookEntryRecord second{"le-2", "lt-aften", 2, *parse_date("2017-02-08"), 0, {}};
    second.values.push_back({"mad", {}, {}, {}, {}, std::vector<std::string>{"pasta"}, {}});
    b.logbook_entries.push_back(second);

    b.codes.push_back(
        {"fleksibilitet", "insp", ThemeGroup::Motivation, "Fleksibilitet", "", "", "", false});
    b.codes.push_back({"t-mad", "insp", ThemeGroup::Other, "Mad", "Food", "", "", true});
    return b;
}

Issues check(const Bundle& b, Lang lang = Lang::En, const IdLookup& stored = NOTHING_STORED) {
    Issues out;
    for (const auto& issue : validate_bundle(b, lang, stored)) {
        out.push_back(to_string(issue));
    }
    return out;
}

TEST(BundleValidatorSelfEvaluation, ValidRecordsHaveNoIssues) {
    EXPECT_EQ(check(valid()), Issues{});
}

TEST(BundleValidatorSelfEvaluation, UnknownTemplateInBothLanguages) {
    Bundle b = valid();
    b.logbook_entries[1].template_id = "t9";
    EXPECT_EQ(check(b), Issues{"logbook_entries[1].template: unknown logbook template \"t9\""});
    EXPECT_EQ(check(b, Lang::Da),
              Issues{"logbook_entries[1].template: ukendt logbogsskabelon \"t9\""});
}

TEST(BundleValidatorSelfEvaluation, StoredTemplateIsAKnownReference) {
    Bundle b = valid();
    b.logbook_entries[1].template_id = "lt-stored";
    const IdLookup stored = [](Collection c, std::string_view id) {
        return c == Collection::LogbookTemplates && id == "lt-stored";
    };
    EXPECT_EQ(check(b, Lang::En, stored), Issues{});
}

TEST(BundleValidatorSelfEvaluation, UnknownPlaceActivityAndPersonPresent) {
    Bundle b = valid();
    b.logbook_templates[0].place = "nowhere";
    b.logbook_templates[1].activity = "a9";
    b.logbook_entries[0].values[2].people->push_back("p99");
    EXPECT_EQ(check(b), (Issues{
                            "logbook_templates[0].place: unknown place \"nowhere\"",
                            "logbook_templates[1].activity: unknown activity \"a9\"",
                            "logbook_entries[0].values[2].people[2]: unknown person \"p99\"",
                        }));
}

TEST(BundleValidatorSelfEvaluation, DuplicateIdsAndCodes) {
    Bundle b = valid();
    b.logbook_templates.push_back(b.logbook_templates[1]);
    b.logbook_entries.push_back(b.logbook_entries[0]);
    b.codes.push_back(b.codes[0]);
    b.codes.back().name_da = "Fleksibilitet igen";
    EXPECT_EQ(check(b), (Issues{
                            "logbook_templates[2].id: id \"lt-spis\" is used before (at "
                            "logbook_templates[1])",
                            "logbook_entries[2].id: id \"le-1\" is used before (at "
                            "logbook_entries[0])",
                            "codes[2]: is already there (at codes[0])",
                        }));
}

TEST(BundleValidatorSelfEvaluation, ScopeNamesExactlyOneOfPlaceAndActivity) {
    Bundle b = valid();
    b.logbook_templates[0].activity = "a1";
    b.logbook_templates[1].activity.reset();
    EXPECT_EQ(check(b), (Issues{
                            "logbook_templates[0].activity: must be null when scope is \"place\"",
                            "logbook_templates[1].activity: is missing (required)",
                        }));
}

TEST(BundleValidatorSelfEvaluation, VersionsAreNumberedInOrderAndTheirFieldsValid) {
    Bundle b = valid();
    b.logbook_templates[0].versions[1].number = 3;
    b.logbook_templates[0].versions[0].fields[1].label = "";
    const Issues issues = check(b);
    ASSERT_EQ(issues.size(), 3u) << ::testing::PrintToString(issues);
    EXPECT_EQ(issues[0].rfind("logbook_templates[0].versions[0].fields: ", 0), 0u) << issues[0];
    EXPECT_EQ(issues[1],
              "logbook_templates[0].versions[1].number: versions must be numbered "
              "1, 2, 3, … in order; here 3");
    // The entry written with version 2 now names a version the template does not have.
    EXPECT_EQ(issues[2], "logbook_entries[1].version: the template has no version 2");
}

TEST(BundleValidatorSelfEvaluation, ValueInTheWrongMemberForItsField) {
    Bundle b = valid();
    b.logbook_entries[0].values[0] = {"stemning", "fire", {}, {}, {}, {}, {}};
    EXPECT_EQ(check(b), Issues{"logbook_entries[0].values[0].text: the field \"stemning\" is of "
                               "type scale, so the value belongs in \"number\""});
    EXPECT_EQ(check(b, Lang::Da),
              Issues{"logbook_entries[0].values[0].text: feltet \"stemning\" er af typen scale, "
                     "så værdien skal stå i \"number\""});
}

TEST(BundleValidatorSelfEvaluation, ValueOutsideItsFieldsRangeOrOptions) {
    Bundle b = valid();
    b.logbook_entries[0].values[0].number = 7.0;
    b.logbook_entries[1].values[0].choices = std::vector<std::string>{"pizza"};
    const Issues issues = check(b);
    ASSERT_EQ(issues.size(), 2u) << ::testing::PrintToString(issues);
    EXPECT_EQ(issues[0].rfind("logbook_entries[0].values[0]: ", 0), 0u) << issues[0];
    EXPECT_NE(issues[1].find("pizza"), std::string::npos) << issues[1];
    EXPECT_EQ(issues[1].rfind("logbook_entries[1].values[0]: ", 0), 0u) << issues[1];
}

TEST(BundleValidatorSelfEvaluation, KeyThatTheVersionDoesNotHave) {
    Bundle b = valid();
    b.logbook_entries[1].values.push_back({"noter", "Tekst", {}, {}, {}, {}, {}});
    EXPECT_EQ(check(b), Issues{"logbook_entries[1].values[1]: the field \"noter\" is not in "
                               "version 2 of the template"});
}

TEST(BundleValidatorSelfEvaluation, CodeOfAnUnknownPartnershipAndWithoutADanishName) {
    Bundle b = valid();
    b.codes[0].partnership = "vimby";
    b.codes[1].name_da = " ";
    const Issues issues = check(b);
    ASSERT_EQ(issues.size(), 2u) << ::testing::PrintToString(issues);
    EXPECT_EQ(issues[0], "codes[0].partnership: unknown partnership \"vimby\"");
    EXPECT_EQ(issues[1].rfind("codes[1].name_da: ", 0), 0u) << issues[1];
}

}  // namespace
}  // namespace samskab::core
