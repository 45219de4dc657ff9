// LogbookStore on both databases: templates and their versions, entries of every field type,
// the people present as visits, the listings and what erasure leaves.
#include "storage/conformance/conformance_fixture.h"

namespace samskab::storage::conformance {
namespace {

using core::ErrorCode;
using core::FieldType;

core::TemplateField field(std::string key, std::string label, FieldType type,
                          std::vector<std::string> options = {}, bool required = false) {
    return core::TemplateField{std::move(key), std::move(label), type, std::move(options),
                               required};
}

std::vector<core::TemplateField> evening_fields() {
    return {field("mood", "Stemning", FieldType::Scale, {}, true),
            field("guests", "Antal gæster", FieldType::Number),
            field("kind", "Slags aften", FieldType::Choice, {"Spil", "Musik"}),
            field("roles", "Roller", FieldType::MultipleChoice, {"vært", "kok", "opvask"}),
            field("new", "Kom der nye?", FieldType::YesNo),
            field("next", "Næste gang", FieldType::Date),
            field("present", "Til stede", FieldType::PeoplePresent),
            field("note", "Noter", FieldType::Text)};
}

// The café's template "Caféaften" with `fields` as version 1; its id.
std::string create(core::LogbookStore& logbooks,
                   std::vector<core::TemplateField> fields = evening_fields()) {
    core::NewLogbookTemplate t;
    t.place = "cafe";
    t.name = "Caféaften";
    t.fields = std::move(fields);
    t.created = at("2024-03-01T10:00:00");
    auto id = logbooks.create_template(t);
    EXPECT_TRUE(id) << (id ? "" : id.error().message);
    return id ? *id : "";
}

// An entry of `logbook` with only the required mood answered.
core::LogbookEntry entry(const std::string& logbook, int version, const char* on) {
    core::LogbookEntry e;
    e.template_id = logbook;
    e.version = version;
    e.day = day(on);
    e.written_at = at("2024-03-04T20:00:00");
    core::EntryValue mood;
    mood.key = "mood";
    mood.number = 4;
    e.values.push_back(mood);
    return e;
}

TEST_P(ConformanceTest, LogbookATemplateIsCreatedWithItsFirstVersion) {
    const std::string id = create(logbooks());
    EXPECT_TRUE(is_generated_id(id, "lt")) << id;
    auto found = logbooks().find_template(id);
    ASSERT_TRUE(found && *found);
    const core::LogbookTemplate& t = **found;
    EXPECT_EQ(t.partnership, "vimby");
    EXPECT_EQ(t.place, "cafe");
    EXPECT_EQ(t.scope, core::LogbookScope::Place);
    EXPECT_EQ(t.name, "Caféaften");
    ASSERT_EQ(t.versions.size(), 1U);
    EXPECT_EQ(t.versions[0].number, 1);
    EXPECT_EQ(t.versions[0].fields, evening_fields());
    EXPECT_EQ(t.versions[0].created, at("2024-03-01T10:00:00"));
    EXPECT_FALSE(*logbooks().find_template("lt-none"));
}

TEST_P(ConformanceTest, LogbookAnActivitysTemplateIsAtTheActivitysPlace) {
    core::NewLogbookTemplate t;
    t.id = "lt-strik";
    t.scope = core::LogbookScope::Activity;
    t.activity = "a1";
    t.name = "Strikkeklub";
    ASSERT_TRUE(logbooks().create_template(t));
    auto found = *logbooks().find_template("lt-strik");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->place, "cafe");
    EXPECT_EQ(found->activity, "a1");
    EXPECT_EQ(found->scope, core::LogbookScope::Activity);
    EXPECT_TRUE(found->versions.empty());
    EXPECT_EQ(logbooks().create_template(t).error().code, ErrorCode::Conflict);
    t.id.clear();
    t.activity = "a9";
    EXPECT_EQ(logbooks().create_template(t).error().field, "activity");
}

TEST_P(ConformanceTest, LogbookBadTemplatesAreRefusedNamingTheField) {
    core::NewLogbookTemplate t;
    t.place = "nowhere";
    t.name = "X";
    EXPECT_EQ(logbooks().create_template(t).error().field, "place");
    t.place = "cafe";
    t.name = " ";
    EXPECT_EQ(logbooks().create_template(t).error().field, "name");
    t.name = "X";
    t.fields = {field("a", "A", FieldType::Text), field("a", "B", FieldType::Text)};
    auto refused = logbooks().create_template(t);
    EXPECT_EQ(refused.error().code, ErrorCode::Invalid);
    EXPECT_EQ(refused.error().field, "key");
    EXPECT_EQ(sql("SELECT count(*) FROM logbook_templates"), "0");
}

TEST_P(ConformanceTest, LogbookChangedFieldsMakeANewVersionAndOldOnesStay) {
    const std::string id = create(logbooks());
    EXPECT_EQ(*logbooks().save_fields(id, evening_fields(), at("2024-03-02T10:00:00")), 1);
    std::vector<core::TemplateField> changed = evening_fields();
    changed[0].label = "Hvordan var stemningen?";
    changed.pop_back();
    EXPECT_EQ(*logbooks().save_fields(id, changed, at("2024-03-03T10:00:00")), 2);
    auto found = **logbooks().find_template(id);
    ASSERT_EQ(found.versions.size(), 2U);
    EXPECT_EQ(found.versions[0].fields, evening_fields());
    EXPECT_EQ(found.current()->fields, changed);
    EXPECT_EQ(found.current()->created, at("2024-03-03T10:00:00"));
    EXPECT_EQ(logbooks().save_fields("lt-none", changed, 0).error().field, "template");
    changed.push_back(field("x", "", FieldType::Text));
    EXPECT_EQ(logbooks().save_fields(id, changed, 0).error().field, "label");
    ASSERT_TRUE(logbooks().rename_template(id, "Torsdagsaften"));
    EXPECT_EQ((*logbooks().find_template(id))->name, "Torsdagsaften");
    EXPECT_EQ((*logbooks().find_template(id))->versions.size(), 2U);
}

TEST_P(ConformanceTest, LogbookEntriesKeepEveryTypeAndTheirVersion) {
    const std::string id = create(logbooks());
    core::LogbookEntry e = entry(id, 1, "2024-03-04");
    e.author = account("vaert@example.dk", "Vera");
    core::EntryValue guests, kind, roles, is_new, next, present, note;
    guests.key = "guests";
    guests.number = 12.5;
    kind.key = "kind";
    kind.choices = {"Musik"};
    roles.key = "roles";
    roles.choices = {"vært", "opvask"};
    is_new.key = "new";
    is_new.yes = false;
    next.key = "next";
    next.date = day("2024-03-11");
    present.key = "present";
    present.people = {{"p2", "", {}}, {"p1", "", {}}};
    note.key = "note";
    note.text = "Godt; \"hyggeligt\"\nto linjer";
    e.values.insert(e.values.end(), {guests, kind, roles, is_new, next, present, note});
    auto written = logbooks().write_entry(e);
    ASSERT_TRUE(written) << written.error().message;
    EXPECT_TRUE(is_generated_id(*written, "le"));

    // A later version does not change how the entry reads.
    std::vector<core::TemplateField> changed = evening_fields();
    changed.erase(changed.begin() + 1);
    ASSERT_EQ(*logbooks().save_fields(id, changed, at("2024-03-05T10:00:00")), 2);

    auto read = logbooks().entries(id, day("2024-03-01"), day("2024-03-31"));
    ASSERT_TRUE(read);
    ASSERT_EQ(read->size(), 1U);
    const core::LogbookEntry& r = read->front();
    EXPECT_EQ(r.id, *written);
    EXPECT_EQ(r.version, 1);
    EXPECT_EQ(r.place, "cafe");
    EXPECT_EQ(r.author_name, "Vera");
    EXPECT_EQ(r.written_at, e.written_at);
    ASSERT_EQ(r.values.size(), 8U);
    EXPECT_EQ(r.value("mood")->number, 4.0);
    EXPECT_EQ(r.value("guests")->number, 12.5);
    EXPECT_EQ(r.value("kind")->choices, kind.choices);
    EXPECT_EQ(r.value("roles")->choices, roles.choices);
    EXPECT_EQ(r.value("new")->yes, false);
    EXPECT_FALSE(r.value("new")->number);
    EXPECT_EQ(r.value("next")->date, day("2024-03-11"));
    ASSERT_EQ(r.value("present")->people.size(), 2U);
    EXPECT_EQ(r.value("present")->people[0].name, "Bo");  // by name
    EXPECT_EQ(r.value("present")->people[1].name, "Åse");
    EXPECT_EQ(r.value("note")->text, note.text);
    // Free text is in its own column only: in plaintext on SQLite, which has no key here,
    // sealed on PostgreSQL, whose stores always have one.
    const bool sealed = backend() == Backend::Postgres;
    EXPECT_EQ(sql("SELECT count(*) FROM logbook_entry_values WHERE text_value IS NOT NULL"),
              sealed ? "0" : "1");
    EXPECT_EQ(sql("SELECT count(*) FROM logbook_entry_values WHERE text_sealed IS NOT NULL"),
              sealed ? "1" : "0");
    EXPECT_EQ(r.values[1].key, "guests");  // in the order of the entry's version
}

TEST_P(ConformanceTest, LogbookPeoplePresentAreRecordedAsVisits) {
    const std::string id = create(logbooks());
    core::LogbookEntry e = entry(id, 1, "2024-03-04");
    core::EntryValue present;
    present.key = "present";
    present.people = {{"p2", "", {}}, {"p5", "", {}}};
    e.values.push_back(present);
    ASSERT_TRUE(store().check_in("p2", "cafe", day("2024-03-04")));
    ASSERT_TRUE(logbooks().write_entry(e));
    auto here = store().checked_in("cafe", day("2024-03-04"));
    ASSERT_TRUE(here);
    ASSERT_EQ(here->size(), 2U);  // p2 once, though checked in as well
    EXPECT_EQ((*here)[0].person.id, "p2");
    EXPECT_EQ((*here)[1].person.id, "p5");
}

TEST_P(ConformanceTest, LogbookRefusedEntriesStoreNothing) {
    const std::string id = create(logbooks());
    const std::string visits = sql("SELECT count(*) FROM visits");
    core::LogbookEntry e = entry(id, 1, "2024-03-04");
    core::EntryValue present;
    present.key = "present";
    present.people = {{"p2", "", {}}, {"p99", "", {}}};
    e.values.push_back(present);
    auto refused = logbooks().write_entry(e);
    EXPECT_EQ(refused.error().code, ErrorCode::NotFound);
    EXPECT_EQ(refused.error().field, "present");

    e = entry(id, 1, "2024-03-04");
    e.values[0].number = 6;
    EXPECT_EQ(logbooks().write_entry(e).error().field, "mood");
    e = entry(id, 7, "2024-03-04");
    EXPECT_EQ(logbooks().write_entry(e).error().field, "version");
    e = entry("lt-none", 1, "2024-03-04");
    EXPECT_EQ(logbooks().write_entry(e).error().field, "template");
    e = entry(id, 1, "2024-03-04");
    e.values.clear();
    EXPECT_EQ(logbooks().write_entry(e).error().field, "mood");  // required
    EXPECT_EQ(sql("SELECT count(*) FROM logbook_entries"), "0");
    EXPECT_EQ(sql("SELECT count(*) FROM visits"), visits);
}

TEST_P(ConformanceTest, LogbookListingsByPartnershipPlaceAndPeriod) {
    const std::string cafe = create(logbooks());
    core::NewLogbookTemplate house;
    house.place = "house";
    house.name = "Huset";
    house.fields = evening_fields();
    ASSERT_TRUE(logbooks().create_template(house));
    EXPECT_EQ(logbooks().templates_of_partnership("vimby")->size(), 1U);
    EXPECT_EQ(logbooks().templates_at_place("house")->front().name, "Huset");
    EXPECT_EQ(logbooks().templates_at_place("nowhere").error().field, "place");
    EXPECT_EQ(logbooks().templates_of_partnership("nobody").error().field, "partnership");

    ASSERT_TRUE(logbooks().write_entry(entry(cafe, 1, "2024-02-28")));
    ASSERT_TRUE(logbooks().write_entry(entry(cafe, 1, "2024-03-04")));
    ASSERT_TRUE(logbooks().write_entry(entry(cafe, 1, "2024-04-01")));
    auto march = logbooks().entries(cafe, day("2024-03-01"), day("2024-03-31"));
    ASSERT_EQ(march->size(), 1U);
    EXPECT_EQ(march->front().day, day("2024-03-04"));
    EXPECT_EQ(logbooks().entries(cafe, day("2024-01-01"), day("2024-12-31"))->size(), 3U);
    EXPECT_EQ(logbooks().entries_at("cafe", day("2024-04-01"))->size(), 1U);
    EXPECT_TRUE(logbooks().entries_at("house", day("2024-04-01"))->empty());
    EXPECT_EQ(logbooks().entries("lt-none", 0, 1).error().field, "template");
}

TEST_P(ConformanceTest, LogbookAnErasedPersonLeavesTheEntries) {
    const std::string id = create(logbooks());
    core::LogbookEntry e = entry(id, 1, "2024-03-04");
    core::EntryValue present;
    present.key = "present";
    present.people = {{"p6", "", {}}, {"p2", "", {}}};
    e.values.push_back(present);
    ASSERT_TRUE(logbooks().write_entry(e));
    auto erased = store().erase_person("p6");
    ASSERT_TRUE(erased) << erased.error().message;
    auto read = logbooks().entries(id, day("2024-03-04"), day("2024-03-04"));
    ASSERT_EQ(read->size(), 1U);
    ASSERT_EQ(read->front().value("present")->people.size(), 1U);
    EXPECT_EQ(read->front().value("present")->people[0].id, "p2");
}

}  // namespace
}  // namespace samskab::storage::conformance
