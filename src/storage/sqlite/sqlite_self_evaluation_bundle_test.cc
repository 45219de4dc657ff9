// The self-evaluation collections of a bundle through the SQLite store: import into the
// logbook and interview stores' tables, export, and the round trips.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include <gtest/gtest.h>

#include "bundle/bundle_reader.h"
#include "bundle/bundle_test_support.h"
#include "bundle/bundle_writer.h"
#include "core/bundle_validator.h"
#include "core/self_evaluation_records.h"
#include "core/starting_codebook.h"
#include "security/sodium_field_cipher.h"
#include "storage/sqlite/sqlite_interview_store.h"
#include "storage/sqlite/sqlite_logbook_store.h"
#include "storage/sqlite/sqlite_store.h"

namespace samskab::storage::sqlite {
namespace {

namespace fs = std::filesystem;

class SelfEvaluationBundleTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() /
                ("samskab-selfeval-" + std::to_string(std::random_device{}()));
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    std::string path(const std::string& name) const { return (m_dir / name).string(); }

    std::unique_ptr<SqliteStore> open(const std::string& name) {
        auto store = SqliteStore::open(path(name));
        EXPECT_TRUE(store) << (store ? "" : store.error().message);
        return store ? std::move(*store) : nullptr;
    }

    // tests/bundles/self_evaluation.json in the form the store exports: with INSP!'s whole
    // codebook (the starting codebook, the themes the file changes in their place and its own
    // themes after them, as a partnership's codebook is kept) and relations smaller id first.
    static std::string whole_bundle_text() {
        auto read = bundle::read_bundle_text(
            bundle::testing::read_test_file("bundles/self_evaluation.json"), core::Lang::En);
        EXPECT_TRUE(read.issues.empty()) << core::to_string(read.issues.front());
        std::vector<core::CodeRecord> codes;
        for (const core::Theme& theme : core::starting_codebook()) {
            codes.push_back(core::to_record("insp", theme));
        }
        for (const core::CodeRecord& code : read.bundle.codes) {
            auto same = std::find_if(codes.begin(), codes.end(),
                                     [&](const auto& c) { return c.id == code.id; });
            if (same != codes.end()) {
                *same = code;
            } else {
                codes.push_back(code);
            }
        }
        read.bundle.codes = codes;
        // As the store writes a relation: the smaller id first.
        for (core::Relation& r : read.bundle.relations) {
            if (r.b < r.a) {
                std::swap(r.a, r.b);
            }
        }
        return bundle::write_bundle_text(read.bundle);
    }

    // Reads, validates against `store` and imports `text`, as `samskab import` does.
    static void import_text(SqliteStore& store, const std::string& text) {
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

    static std::string exported(SqliteStore& store) {
        auto b = store.export_bundle();
        EXPECT_TRUE(b) << (b ? "" : b.error().message);
        return b ? bundle::write_bundle_text(*b) : "";
    }

    fs::path m_dir;
};

TEST_F(SelfEvaluationBundleTest, ImportThenExportIsByteIdentical) {
    const std::string text = whole_bundle_text();
    auto store = open("a.db");
    import_text(*store, text);
    EXPECT_EQ(exported(*store), text);
}

TEST_F(SelfEvaluationBundleTest, ExportImportExportIsIdenticalAndTheStoresReadTheSame) {
    auto first = open("a.db");
    import_text(*first, whole_bundle_text());
    const std::string text = exported(*first);
    auto second = open("b.db");
    import_text(*second, text);
    EXPECT_EQ(exported(*second), text);

    // What the logbook and codebook pages read, from both databases.
    for (const char* name : {"a.db", "b.db"}) {
        SCOPED_TRACE(name);
        auto pool = ConnectionPool::open(path(name), 1);
        ASSERT_TRUE(pool) << pool.error().message;
        SqliteLogbookStore logbooks(*pool);
        auto templates = logbooks.templates_of_partnership("insp");
        ASSERT_TRUE(templates) << templates.error().message;
        ASSERT_EQ(templates->size(), 2u);
        EXPECT_EQ((*templates)[0].name, "Aftenlogbog");
        EXPECT_EQ((*templates)[0].versions.size(), 2u);
        EXPECT_EQ((*templates)[1].activity, "a1");
        EXPECT_EQ((*templates)[1].place, "insp-house");
        auto entries = logbooks.entries("lt-aften", *core::parse_date("2017-01-01"),
                                        *core::parse_date("2017-12-31"));
        ASSERT_TRUE(entries) << entries.error().message;
        ASSERT_EQ(entries->size(), 2u);
        EXPECT_EQ((*entries)[0].value("noter")->text, "Åse kom med \"Bager\"\nGod aften");
        ASSERT_EQ((*entries)[0].value("til_stede")->people.size(), 2u);
        EXPECT_EQ((*entries)[0].value("til_stede")->people[1].name, "Åse Ærø 🌻");
        EXPECT_EQ((*entries)[1].value("ok")->yes, std::optional<bool>(false));
        EXPECT_EQ((*entries)[1].value("antal")->number, std::optional<double>(12.5));
        EXPECT_FALSE((*entries)[1].author.has_value());

        SqliteInterviewStore interviews(*pool);
        auto codebook = interviews.codebook("insp");
        ASSERT_TRUE(codebook) << codebook.error().message;
        ASSERT_EQ(codebook->size(), core::starting_codebook().size() + 1);
        EXPECT_EQ(codebook->front().name_da, "Fleksibilitet (vores ord)");
        EXPECT_FALSE(codebook->front().active);
        EXPECT_EQ(codebook->back().id, "t-faellesskab");
    }
}

TEST_F(SelfEvaluationBundleTest, InAnEncryptedDatabaseTheFreeTextIsSealedAndExportedAsItWas) {
    auto cipher = security::SodiumFieldCipher::from_key(
        std::string(security::SodiumFieldCipher::KEY_BYTES, 'k'), core::Lang::En);
    ASSERT_TRUE(cipher);
    const std::shared_ptr<const core::FieldCipher> key(std::move(*cipher));
    const std::string text = whole_bundle_text();
    {
        auto store = SqliteStore::open(path("sealed.db"), key);
        ASSERT_TRUE(store) << store.error().message;
        import_text(**store, text);
        EXPECT_EQ(exported(**store), text);
    }
    // Closed, so the log is folded into the file: the entries' text is not in it in plain.
    std::ifstream in(path("sealed.db"), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(bytes.find("God aften"), std::string::npos);
    EXPECT_EQ(bytes.find("Suppe 🍲"), std::string::npos);
    EXPECT_NE(bytes.find("Aftenlogbog"), std::string::npos);  // names are not sealed
}

TEST_F(SelfEvaluationBundleTest, ImportingAgainUpdatesAndAddsNoVisits) {
    const std::string text = whole_bundle_text();
    auto store = open("a.db");
    import_text(*store, text);
    import_text(*store, text);
    // The people present are not recorded as visits again: the bundle carries its visits.
    EXPECT_EQ(exported(*store), text);

    std::string changed = text;
    const std::string from = R"({"key":"menu","text":"Suppe 🍲"})";
    ASSERT_NE(changed.find(from), std::string::npos);
    changed.replace(changed.find(from), from.size(), R"({"key":"menu","text":"Lasagne"})");
    import_text(*store, changed);
    EXPECT_EQ(exported(*store), changed);
}

TEST_F(SelfEvaluationBundleTest, AStoredVersionIsNeverChangedAndTheImportWritesNothing) {
    const std::string text = whole_bundle_text();
    auto store = open("a.db");
    import_text(*store, text);
    auto read = bundle::read_bundle_text(text, core::Lang::En);
    core::Bundle b = read.bundle;
    b.logbook_templates[0].versions[0].fields[0].label = "Humør";
    b.logbook_templates[0].name = "Nyt navn";
    b.people[0].name = "Ændret";
    auto refused = store->import_bundle(b);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, core::ErrorCode::Conflict);
    EXPECT_EQ(refused.error().field, "versions");
    EXPECT_EQ(exported(*store), text);
}

TEST_F(SelfEvaluationBundleTest, AnEntryMayReferToAStoredTemplate) {
    auto store = open("a.db");
    import_text(*store, whole_bundle_text());
    const std::string later =
        R"({"format":"samskab-bundle/1","logbook_entries":[{"id":"le-9","template":"lt-spis",)"
        R"("version":1,"date":"2017-03-01","values":[{"key":"menu","text":"Pizza"}]}]})";
    import_text(*store, later);
    const std::string text = exported(*store);
    EXPECT_NE(text.find(R"({"id":"le-9","template":"lt-spis","version":1,"date":"2017-03-01",)"
                        R"("written_at":"2017-03-01T00:00:00","values":[{"key":"menu",)"
                        R"("text":"Pizza"}]})"),
              std::string::npos)
        << text;
}

TEST_F(SelfEvaluationBundleTest, WithoutSelfEvaluationTheExportHasNoneOfItsKeys) {
    auto store = open("a.db");
    import_text(*store, bundle::testing::read_test_file("bundles/small.json"));
    const std::string text = exported(*store);
    for (const char* key : {"logbook_templates", "logbook_entries", "codes"}) {
        EXPECT_EQ(text.find(key), std::string::npos) << key;
    }
}

}  // namespace
}  // namespace samskab::storage::sqlite
