// The logbooks of a bundle on both databases: tests/bundles/self_evaluation.json imported
// through the bundle store, exported again as the same text, read by the logbook store, and
// imported again. Only the logbooks: the file's codes belong to the interview store and are
// left out of what is imported and compared (its own tests cover them).
#include <algorithm>
#include <functional>

#include "bundle/bundle_reader.h"
#include "bundle/bundle_test_support.h"
#include "bundle/bundle_writer.h"
#include "core/bundle_validator.h"
#include "storage/conformance/conformance_fixture.h"

namespace samskab::storage::conformance {
namespace {

// tests/bundles/self_evaluation.json without its codes, in the form the stores export it:
// relations with the smaller id first.
core::Bundle logbook_bundle() {
    auto read = bundle::read_bundle_text(
        bundle::testing::read_test_file("bundles/self_evaluation.json"), core::Lang::En);
    EXPECT_TRUE(read.issues.empty()) << core::to_string(read.issues.front());
    read.bundle.codes.clear();
    for (core::Relation& r : read.bundle.relations) {
        if (r.b < r.a) {
            std::swap(r.a, r.b);
        }
    }
    return read.bundle;
}

// The records of the interview and survey stores are no part of what is compared.
std::string logbook_text(core::Bundle b) {
    b.codes.clear();
    b.interviews.clear();
    b.survey_responses.clear();
    return bundle::write_bundle_text(b);
}

using Exec = std::function<bool(const std::string&)>;

// The fixture starts from community_bundle(), whose ids (p1, a1, insp...) the file uses for
// other records: the tests first delete every record it wrote, referring records first, with
// `exec` (the fixture's sql_exec). An entry's values and people present go with it (ON DELETE
// CASCADE).
void empty_database(const Exec& exec) {
    for (const char* table :
         {"logbook_entries", "logbook_template_fields", "logbook_template_versions",
          "logbook_templates", "participations", "visits", "relations", "pathways", "companions",
          "occurrences", "activities", "people", "places", "organisations", "partnerships"}) {
        ASSERT_TRUE(exec(std::string("DELETE FROM ") + table)) << table;
    }
}

// Reads, validates against `store` and imports `text`, as `samskab import` does.
void import_text(core::Store& store, const std::string& text) {
    auto read = bundle::read_bundle_text(text, core::Lang::En);
    ASSERT_TRUE(read.issues.empty()) << core::to_string(read.issues.front());
    const core::IdLookup stored = [&store](core::Collection c, std::string_view id) {
        auto found = store.contains(c, id);
        return found && *found;
    };
    const auto issues = core::validate_bundle(read.bundle, core::Lang::En, stored);
    ASSERT_TRUE(issues.empty()) << core::to_string(issues.front());
    auto summary = store.import_bundle(read.bundle);
    ASSERT_TRUE(summary) << summary.error().message;
}

std::string exported(core::Store& store) {
    auto b = store.export_bundle();
    EXPECT_TRUE(b) << (b ? "" : b.error().message);
    return b ? logbook_text(*b) : "";
}

TEST_P(ConformanceTest, LogbookBundleImportThenExportIsIdenticalAndTheStoreReadsIt) {
    const Exec exec = [this](const std::string& text) { return sql_exec(text); };
    ASSERT_NO_FATAL_FAILURE(empty_database(exec));
    ASSERT_EQ(exported(bundle_store()), logbook_text(core::Bundle{}));
    const std::string text = logbook_text(logbook_bundle());
    ASSERT_NO_FATAL_FAILURE(import_text(bundle_store(), text));
    EXPECT_EQ(exported(bundle_store()), text);

    // What the export wrote imports as itself into an empty database.
    const std::string first = exported(bundle_store());
    ASSERT_NO_FATAL_FAILURE(empty_database(exec));
    ASSERT_EQ(sql("SELECT count(*) FROM logbook_entry_values"), "0");
    ASSERT_NO_FATAL_FAILURE(import_text(bundle_store(), first));
    EXPECT_EQ(exported(bundle_store()), first);

    // What the logbook pages read.
    auto templates = logbooks().templates_of_partnership("insp");
    ASSERT_TRUE(templates) << templates.error().message;
    ASSERT_EQ(templates->size(), 2u);
    EXPECT_EQ((*templates)[0].name, "Aftenlogbog");
    EXPECT_EQ((*templates)[0].versions.size(), 2u);
    EXPECT_EQ((*templates)[1].activity, "a1");
    EXPECT_EQ((*templates)[1].place, "insp-house");
    auto entries = logbooks().entries("lt-aften", day("2017-01-01"), day("2017-12-31"));
    ASSERT_TRUE(entries) << entries.error().message;
    ASSERT_EQ(entries->size(), 2u);
    EXPECT_EQ((*entries)[0].value("noter")->text, "Åse kom med \"Bager\"\nGod aften");
    ASSERT_EQ((*entries)[0].value("til_stede")->people.size(), 2u);
    EXPECT_EQ((*entries)[0].value("til_stede")->people[1].name, "Åse Ærø 🌻");
    EXPECT_EQ((*entries)[1].value("ok")->yes, std::optional<bool>(false));
    EXPECT_EQ((*entries)[1].value("antal")->number, std::optional<double>(12.5));
    EXPECT_FALSE((*entries)[1].author.has_value());
    // The free text is in its plain column on SQLite, which has no key here, and sealed on
    // PostgreSQL, whose stores always have one.
    const bool sealed = backend() == Backend::Postgres;
    EXPECT_EQ(sql("SELECT count(*) FROM logbook_entry_values WHERE text_sealed IS NOT NULL"),
              sealed ? "2" : "0");
    EXPECT_EQ(sql("SELECT count(*) FROM logbook_entry_values WHERE text_value IS NOT NULL"),
              sealed ? "0" : "2");
}

TEST_P(ConformanceTest, LogbookBundleImportingAgainUpdatesAndAddsNoVisits) {
    ASSERT_NO_FATAL_FAILURE(empty_database([this](const std::string& t) { return sql_exec(t); }));
    const std::string text = logbook_text(logbook_bundle());
    ASSERT_NO_FATAL_FAILURE(import_text(bundle_store(), text));
    ASSERT_NO_FATAL_FAILURE(import_text(bundle_store(), text));
    // The people present are not recorded as visits again: the bundle carries its visits.
    EXPECT_EQ(exported(bundle_store()), text);
    EXPECT_EQ(sql("SELECT count(*) FROM visits"), "1");

    std::string changed = text;
    const std::string from = R"({"key":"menu","text":"Suppe 🍲"})";
    ASSERT_NE(changed.find(from), std::string::npos);
    changed.replace(changed.find(from), from.size(), R"({"key":"menu","text":"Lasagne"})");
    ASSERT_NO_FATAL_FAILURE(import_text(bundle_store(), changed));
    EXPECT_EQ(exported(bundle_store()), changed);
}

TEST_P(ConformanceTest, LogbookBundleAStoredVersionIsNeverChangedAndTheImportWritesNothing) {
    ASSERT_NO_FATAL_FAILURE(empty_database([this](const std::string& t) { return sql_exec(t); }));
    const std::string text = logbook_text(logbook_bundle());
    ASSERT_NO_FATAL_FAILURE(import_text(bundle_store(), text));
    core::Bundle b = bundle::read_bundle_text(text, core::Lang::En).bundle;
    b.logbook_templates[0].versions[0].fields[0].label = "Humør";
    b.logbook_templates[0].name = "Nyt navn";
    b.people[0].name = "Ændret";
    auto refused = bundle_store().import_bundle(b);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, core::ErrorCode::Conflict);
    EXPECT_EQ(refused.error().field, "versions");
    EXPECT_EQ(refused.error().message,
              core::message(core::Lang::Da, core::Msg::VersionChanged, {"lt-aften", "1"}));
    EXPECT_EQ(exported(bundle_store()), text);
}

TEST_P(ConformanceTest, LogbookBundleAnEntryMayReferToAStoredTemplate) {
    ASSERT_NO_FATAL_FAILURE(empty_database([this](const std::string& t) { return sql_exec(t); }));
    ASSERT_NO_FATAL_FAILURE(import_text(bundle_store(), logbook_text(logbook_bundle())));
    const std::string later =
        R"({"format":"samskab-bundle/1","logbook_entries":[{"id":"le-9","template":"lt-spis",)"
        R"("version":1,"date":"2017-03-01","values":[{"key":"menu","text":"Pizza"}]}]})";
    ASSERT_NO_FATAL_FAILURE(import_text(bundle_store(), later));
    const std::string text = exported(bundle_store());
    EXPECT_NE(text.find(R"({"id":"le-9","template":"lt-spis","version":1,"date":"2017-03-01",)"
                        R"("written_at":"2017-03-01T00:00:00","values":[{"key":"menu",)"
                        R"("text":"Pizza"}]})"),
              std::string::npos)
        << text;
}

TEST_P(ConformanceTest, LogbookBundleWithoutLogbooksTheExportHasNoneOfTheirKeys) {
    const std::string text = exported(bundle_store());
    ASSERT_NE(text.find("partnerships"), std::string::npos);
    for (const char* key : {"logbook_templates", "logbook_entries"}) {
        EXPECT_EQ(text.find(key), std::string::npos) << key;
    }
}

}  // namespace
}  // namespace samskab::storage::conformance
