// Reading and writing the self-evaluation collections of a bundle: logbook_templates,
// logbook_entries and codes.
#include "bundle/self_evaluation_reader.h"

#include <gtest/gtest.h>

#include "bundle/bundle_reader.h"
#include "bundle/bundle_test_support.h"
#include "bundle/bundle_writer.h"
#include "core/interview.h"
#include "core/logbook.h"

namespace samskab::bundle {
namespace {

using core::Lang;

std::vector<std::string> issues_of(std::string_view text, Lang lang = Lang::En) {
    std::vector<std::string> out;
    for (const auto& issue : read_bundle_text(text, lang).issues) {
        out.push_back(core::to_string(issue));
    }
    return out;
}

std::string doc(std::string_view collections) {
    return R"({"format":"samskab-bundle/1",)" + std::string(collections) + "}";
}

TEST(SelfEvaluationReader, ReadsTheTestBundle) {
    const ReadResult r =
        read_bundle_text(testing::read_test_file("bundles/self_evaluation.json"), Lang::En);
    ASSERT_TRUE(r.issues.empty()) << core::to_string(r.issues.front());
    const core::Bundle& b = r.bundle;
    ASSERT_EQ(b.logbook_templates.size(), 2u);
    const core::LogbookTemplateRecord& aften = b.logbook_templates[0];
    EXPECT_EQ(aften.scope, core::LogbookScope::Place);
    EXPECT_EQ(aften.place, std::optional<std::string>("insp-house"));
    EXPECT_FALSE(aften.activity.has_value());
    ASSERT_EQ(aften.versions.size(), 2u);
    EXPECT_EQ(aften.versions[1].number, 2);
    EXPECT_EQ(core::format_local_time(aften.versions[1].created), "2017-02-05T09:30:00");
    EXPECT_EQ(aften.versions[1].fields[1].type, core::FieldType::Choice);
    EXPECT_EQ(aften.versions[1].fields[1].options, (std::vector<std::string>{"suppe", "pasta"}));
    EXPECT_TRUE(aften.versions[0].fields[0].required);
    EXPECT_EQ(b.logbook_templates[1].scope, core::LogbookScope::Activity);
    EXPECT_EQ(b.logbook_templates[1].activity, std::optional<std::string>("a1"));

    ASSERT_EQ(b.logbook_entries.size(), 3u);
    const core::LogbookEntryRecord& first = b.logbook_entries[0];
    EXPECT_EQ(first.template_id, "lt-aften");
    EXPECT_EQ(first.version, 1);
    EXPECT_EQ(core::format_local_time(first.written_at), "2017-02-01T21:00:00");
    EXPECT_EQ(first.values[0].number, std::optional<double>(4.0));
    EXPECT_EQ(first.values[1].text, std::optional<std::string>("Åse kom med \"Bager\"\nGod aften"));
    EXPECT_EQ(first.values[2].people, (std::vector<std::string>{"p2", "p1"}));
    const core::LogbookEntryRecord& second = b.logbook_entries[1];
    EXPECT_EQ(second.values[3].yes, std::optional<bool>(false));
    EXPECT_EQ(core::format_date(*second.values[4].date), "2017-02-15");
    EXPECT_EQ(second.values[5].choices, (std::vector<std::string>{"spil", "snak"}));

    ASSERT_EQ(b.codes.size(), 2u);
    EXPECT_EQ(b.codes[0].group, core::ThemeGroup::Motivation);
    EXPECT_TRUE(b.codes[0].retired);
    EXPECT_EQ(b.codes[1].name_en, "");
}

TEST(SelfEvaluationReader, WrittenOnlyWhenNotEmptyAndReadBackTheSame) {
    const ReadResult r =
        read_bundle_text(testing::read_test_file("bundles/self_evaluation.json"), Lang::En);
    ASSERT_TRUE(r.issues.empty());
    const std::string written = write_bundle_text(r.bundle);
    EXPECT_NE(written.find("\n  \"logbook_templates\": [\n    {\"id\":\"lt-aften\",\"scope\":"
                           "\"place\",\"place\":\"insp-house\",\"activity\":null,"),
              std::string::npos)
        << written;
    EXPECT_NE(written.find(R"({"key":"ok","yes":false})"), std::string::npos);
    EXPECT_NE(written.find(R"({"key":"antal","number":12.5})"), std::string::npos);
    const ReadResult again = read_bundle_text(written, Lang::En);
    ASSERT_TRUE(again.issues.empty()) << core::to_string(again.issues.front());
    EXPECT_EQ(write_bundle_text(again.bundle), written);

    // Without self-evaluation records the document has none of their keys, as before they
    // existed.
    core::Bundle plain = r.bundle;
    plain.logbook_templates.clear();
    plain.logbook_entries.clear();
    plain.codes.clear();
    const std::string text = write_bundle_text(plain);
    for (const char* key : {"logbook_templates", "logbook_entries", "codes"}) {
        EXPECT_EQ(text.find(key), std::string::npos) << key;
    }
    EXPECT_EQ(text.substr(text.size() - 4), "]\n}\n");
}

TEST(SelfEvaluationReader, UnknownKeysInRecordsAndInsideThem) {
    EXPECT_EQ(issues_of(doc(R"("codes":[{"id":"x","partnership":"insp","group":"other",)"
                            R"("name_da":"X","colour":"red"}])")),
              std::vector<std::string>{"codes[0].colour: unknown field (a typo?)"});
    EXPECT_EQ(issues_of(doc(R"("logbook_templates":[{"id":"t","scope":"place","place":"h",)"
                            R"("name":"T","versions":[{"number":1,"created":"2017-01-01T10:00:00",)"
                            R"("fields":[{"key":"k","label":"K","type":"text","hint":"?"}]}]}])"),
                        Lang::Da),
              std::vector<std::string>{
                  "logbook_templates[0].versions[0].fields[0].hint: ukendt felt (stavefejl?)"});
    EXPECT_EQ(
        issues_of(doc(R"("logbook_entries":[{"id":"e","template":"t","version":1,)"
                      R"("date":"2017-01-01","values":[{"key":"k","text":"a","note":1}]}])")),
        std::vector<std::string>{"logbook_entries[0].values[0].note: unknown field (a typo?)"});
}

TEST(SelfEvaluationReader, WrongEnumValues) {
    EXPECT_EQ(issues_of(doc(R"("logbook_templates":[{"id":"t","scope":"room","place":"h",)"
                            R"("name":"T","versions":[{"number":1,"created":"2017-01-01T10:00:00",)"
                            R"("fields":[{"key":"k","label":"K","type":"essay"}]}]}])")),
              (std::vector<std::string>{
                  "logbook_templates[0].scope: unknown value \"room\"; allowed: place, activity",
                  "logbook_templates[0].versions[0].fields[0].type: unknown value \"essay\"; "
                  "allowed: text, number, choice, multiple_choice, scale, yes_no, date, "
                  "people_present"}));
    EXPECT_EQ(issues_of(doc(R"("codes":[{"id":"x","partnership":"insp","group":"barrier",)"
                            R"("name_da":"X"}])")),
              std::vector<std::string>{"codes[0].group: unknown value \"barrier\"; allowed: "
                                       "motivation, host_role, promoter, inhibitor, other"});
}

TEST(SelfEvaluationReader, ValuesOfTheWrongJsonType) {
    EXPECT_EQ(
        issues_of(doc(R"("logbook_entries":[{"id":"e","template":"t","version":"1",)"
                      R"("date":"2017-01-01","written_at":null,"values":[)"
                      R"({"key":"a","number":"4"},{"key":"b","yes":"ja"},{"key":"c","people":[7]},)"
                      R"({"key":"d","date":"1. maj"}]}])")),
        (std::vector<std::string>{
            "logbook_entries[0].version: must be a whole number",
            "logbook_entries[0].values[0].number: must be a number",
            "logbook_entries[0].values[1].yes: must be true or false",
            "logbook_entries[0].values[2].people[0]: must be a non-empty string",
            "logbook_entries[0].values[3].date: must be a date as YYYY-MM-DD, not \"1. maj\""}));
}

TEST(SelfEvaluationReader, AValueHasExactlyOneMember) {
    EXPECT_EQ(issues_of(doc(R"("logbook_entries":[{"id":"e","template":"t","version":1,)"
                            R"("date":"2017-01-01","values":[{"key":"a"},)"
                            R"({"key":"b","text":"x","number":1}]}])")),
              (std::vector<std::string>{
                  "logbook_entries[0].values[0]: must have exactly one of the fields text, "
                  "number, yes, date, choices, people",
                  "logbook_entries[0].values[1]: must have exactly one of the fields text, "
                  "number, yes, date, choices, people"}));
}

}  // namespace
}  // namespace samskab::bundle
