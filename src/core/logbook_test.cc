#include "core/logbook.h"

#include <gtest/gtest.h>

namespace samskab::core {
namespace {

TemplateField field(std::string key, std::string label, FieldType type,
                    std::vector<std::string> options = {}, bool required = false) {
    return TemplateField{std::move(key), std::move(label), type, std::move(options), required};
}

TemplateVersion sample_version() {
    TemplateVersion v;
    v.number = 2;
    v.fields = {field("mood", "Stemning", FieldType::Scale, {}, true),
                field("guests", "Antal gæster", FieldType::Number),
                field("kind", "Slags aften", FieldType::Choice, {"Spil", "Musik"}),
                field("roles", "Roller", FieldType::MultipleChoice, {"vært", "kok", "opvask"}),
                field("new", "Kom der nye?", FieldType::YesNo),
                field("next", "Næste gang", FieldType::Date),
                field("present", "Til stede", FieldType::PeoplePresent),
                field("note", "Noter", FieldType::Text)};
    return v;
}

bool known(std::string_view id) {
    return id == "p1" || id == "p2";
}

TEST(LogbookTypes, FieldTypeNamesRoundTrip) {
    for (FieldType type : all_field_types()) {
        EXPECT_EQ(parse_field_type(field_type_name(type)), type);
    }
    EXPECT_EQ(all_field_types().size(), 8U);
    EXPECT_FALSE(parse_field_type("Text"));
    EXPECT_EQ(parse_logbook_scope("activity"), LogbookScope::Activity);
    EXPECT_FALSE(parse_logbook_scope("house"));
}

TEST(LogbookTypes, CurrentAndOlderVersions) {
    LogbookTemplate t;
    EXPECT_EQ(t.current(), nullptr);
    t.versions = {TemplateVersion{1, {}, 0}, TemplateVersion{2, {}, 0}};
    EXPECT_EQ(t.current()->number, 2);
    EXPECT_EQ(t.version(1)->number, 1);
    EXPECT_EQ(t.version(3), nullptr);
}

TEST(LogbookValidation, AGoodTemplatePasses) {
    EXPECT_TRUE(validate_fields(sample_version().fields, Lang::Da).empty());
    EXPECT_TRUE(validate_fields({}, Lang::Da).empty());
    EXPECT_TRUE(validate_template_name("Fællesspisning", Lang::Da).empty());
}

TEST(LogbookValidation, TemplateProblemsNameTheField) {
    auto errors = validate_fields(
        {field("mood", "Stemning", FieldType::Scale), field("mood", "Humør", FieldType::Number),
         field("Bad Key", "Noget", FieldType::Text), field("empty", " ", FieldType::Text),
         field("kind", "Slags", FieldType::Choice, {"Spil"}),
         field("twice", "To gange", FieldType::Choice, {"a", "a", "b"}),
         field("extra", "Ekstra", FieldType::Number, {"x"})},
        Lang::En);
    ASSERT_EQ(errors.size(), 6U);
    EXPECT_EQ(errors[0].field, "key");
    EXPECT_EQ(errors[0].message, "field \"Humør\": the key \"mood\" is used by another field");
    EXPECT_EQ(errors[1].field, "key");
    EXPECT_NE(errors[1].message.find("\"Bad Key\""), std::string::npos);
    EXPECT_EQ(errors[2].field, "label");
    EXPECT_EQ(errors[3].field, "options");
    EXPECT_EQ(errors[3].message, "the field \"Slags\" needs at least two options");
    EXPECT_EQ(errors[4].message, "the field \"To gange\" has the option \"a\" twice");
    EXPECT_EQ(errors[5].field, "options");
    for (const Error& error : errors) {
        EXPECT_EQ(error.code, ErrorCode::Invalid);
    }
    auto name = validate_template_name("  ", Lang::Da);
    ASSERT_EQ(name.size(), 1U);
    EXPECT_EQ(name[0].field, "name");
    EXPECT_EQ(name[0].message, "skabelonen skal have et navn");
}

TEST(LogbookValidation, TooManyFields) {
    std::vector<TemplateField> fields;
    for (std::size_t i = 0; i <= MAX_FIELDS; ++i) {
        fields.push_back(field("f" + std::to_string(i), "Felt", FieldType::Text));
    }
    auto errors = validate_fields(fields, Lang::Da);
    ASSERT_FALSE(errors.empty());
    EXPECT_EQ(errors[0].field, "fields");
}

TEST(LogbookKeys, KeysAreMadeFromLabels) {
    EXPECT_EQ(key_from_label("Antal gæster", {}), "antal_gaester");
    EXPECT_EQ(key_from_label("Hvordan gik det?", {}), "hvordan_gik_det");
    EXPECT_EQ(key_from_label("Søndag på Åen", {}), "soendag_paa_aaen");
    EXPECT_EQ(key_from_label("!!!", {}), "felt");
    EXPECT_EQ(key_from_label("Stemning", {"stemning", "stemning_2"}), "stemning_3");
    EXPECT_LE(key_from_label(std::string(100, 'x'), {}).size(), MAX_KEY_LENGTH);
}

TEST(LogbookEntries, EveryTypeIsParsed) {
    EntryInput input{{"mood", {"4"}},
                     {"guests", {"12,5"}},
                     {"kind", {"Musik"}},
                     {"roles", {"opvask", "vært"}},
                     {"new", {"ja"}},
                     {"next", {"2017-03-02"}},
                     {"present", {"p2", "p1", "p2"}},
                     {"note", {"  God aften  "}}};
    ParsedEntry parsed = parse_entry(sample_version(), input, known, Lang::Da);
    ASSERT_TRUE(parsed.errors.empty()) << parsed.errors[0].message;
    ASSERT_EQ(parsed.values.size(), 8U);
    EXPECT_EQ(parsed.values[0].number, 4.0);
    EXPECT_EQ(parsed.values[1].number, 12.5);
    EXPECT_EQ(parsed.values[2].choices, std::vector<std::string>{"Musik"});
    // In the options' order.
    EXPECT_EQ(parsed.values[3].choices, (std::vector<std::string>{"vært", "opvask"}));
    EXPECT_EQ(parsed.values[4].yes, true);
    EXPECT_EQ(parsed.values[5].date, days_from_civil(2017, 3, 2));
    ASSERT_EQ(parsed.values[6].people.size(), 2U);
    EXPECT_EQ(parsed.values[6].people[0].id, "p2");
    EXPECT_EQ(parsed.values[7].text, "God aften");
    EXPECT_TRUE(validate_entry_values(sample_version(), parsed.values, Lang::Da).empty());
}

TEST(LogbookEntries, UnansweredFieldsAreLeftOut) {
    ParsedEntry parsed =
        parse_entry(sample_version(), {{"mood", {"3"}}, {"note", {""}}}, known, Lang::Da);
    ASSERT_TRUE(parsed.errors.empty());
    ASSERT_EQ(parsed.values.size(), 1U);
    EXPECT_EQ(parsed.values[0].key, "mood");
}

TEST(LogbookEntries, BadValuesNameTheField) {
    EntryInput input{{"mood", {"6"}},    {"guests", {"mange"}},    {"kind", {"Dans"}},
                     {"new", {"måske"}}, {"next", {"2017-02-30"}}, {"present", {"p9"}},
                     {"ghost", {"boo"}}};
    ParsedEntry parsed = parse_entry(sample_version(), input, known, Lang::Da);
    std::map<std::string, std::string> by_field;
    for (const Error& error : parsed.errors) {
        by_field[error.field] = error.message;
    }
    EXPECT_EQ(by_field["mood"], "\"Stemning\" skal være et tal fra 1 til 5, ikke \"6\"");
    EXPECT_EQ(by_field["guests"], "\"Antal gæster\" skal være et tal, ikke \"mange\"");
    EXPECT_EQ(by_field["kind"], "\"Slags aften\": \"Dans\" er ikke en af valgmulighederne");
    EXPECT_EQ(by_field["new"], "\"Kom der nye?\" skal være ja eller nej, ikke \"måske\"");
    EXPECT_EQ(by_field["next"],
              "\"Næste gang\" skal være en dato som ÅÅÅÅ-MM-DD, ikke \"2017-02-30\"");
    EXPECT_EQ(by_field["present"], "\"Til stede\": ukendt person \"p9\"");
    EXPECT_EQ(by_field["ghost"], "feltet \"ghost\" findes ikke i skabelonens version 2");
    EXPECT_EQ(parsed.errors.size(), 7U);
}

TEST(LogbookEntries, ScaleTakesWholeNumbersOnly) {
    for (const char* bad : {"0", "2,5", "1e1", "-1", "", " "}) {
        ParsedEntry parsed = parse_entry(sample_version(), {{"mood", {bad}}}, known, Lang::En);
        ASSERT_EQ(parsed.errors.size(), 1U) << bad;
        EXPECT_EQ(parsed.errors[0].field, "mood") << bad;
    }
}

TEST(LogbookEntries, RequiredAndEmpty) {
    ParsedEntry missing = parse_entry(sample_version(), {{"guests", {"3"}}}, known, Lang::En);
    ASSERT_EQ(missing.errors.size(), 1U);
    EXPECT_EQ(missing.errors[0].field, "mood");
    EXPECT_EQ(missing.errors[0].message, "\"Stemning\" is required");

    TemplateVersion optional;
    optional.fields = {field("note", "Noter", FieldType::Text)};
    ParsedEntry empty = parse_entry(optional, {}, known, Lang::En);
    ASSERT_EQ(empty.errors.size(), 1U);
    EXPECT_EQ(empty.errors[0].field, "entry");
    EXPECT_EQ(empty.errors[0].message, "fill in at least one field");
}

TEST(LogbookEntries, OneAnswerForASingleChoice) {
    ParsedEntry parsed = parse_entry(
        sample_version(), {{"mood", {"2"}}, {"kind", {"Spil", "Musik"}}}, known, Lang::Da);
    ASSERT_EQ(parsed.errors.size(), 1U);
    EXPECT_EQ(parsed.errors[0].field, "kind");
}

TEST(LogbookEntries, TypedValuesAreCheckedToo) {
    EntryValue scale;
    scale.key = "mood";
    scale.number = 7;
    EntryValue choice;
    choice.key = "kind";
    choice.choices = {"Spil", "Musik"};
    EntryValue stray;
    stray.key = "stray";
    stray.text = "x";
    auto errors = validate_entry_values(sample_version(), {scale, choice, stray}, Lang::Da);
    ASSERT_EQ(errors.size(), 3U);
    EXPECT_EQ(errors[0].field, "mood");
    EXPECT_EQ(errors[1].field, "kind");
    EXPECT_EQ(errors[2].field, "stray");
    // The required scale is missing.
    errors = validate_entry_values(sample_version(), {}, Lang::Da);
    ASSERT_EQ(errors.size(), 1U);
    EXPECT_EQ(errors[0].field, "mood");
}

}  // namespace
}  // namespace samskab::core

namespace samskab::core {
namespace {

TEST(LogbookTypes, FieldsOfEveryVersionNewestFirst) {
    LogbookTemplate t;
    t.versions = {
        TemplateVersion{
            1, {field("a", "A1", FieldType::Text), field("b", "B", FieldType::Date)}, 0},
        TemplateVersion{
            2, {field("c", "C", FieldType::Text), field("a", "A2", FieldType::Number)}, 0}};
    auto fields = fields_of_every_version(t);
    ASSERT_EQ(fields.size(), 3U);
    EXPECT_EQ(fields[0].key, "c");
    EXPECT_EQ(fields[1].label, "A2");
    EXPECT_EQ(fields[2].key, "b");
}

}  // namespace
}  // namespace samskab::core
