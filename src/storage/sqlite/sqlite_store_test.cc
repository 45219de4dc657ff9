#include "storage/sqlite/sqlite_store.h"

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <gtest/gtest.h>

#include "bundle/bundle_reader.h"
#include "bundle/bundle_writer.h"
#include "core/bundle_validator.h"
#include "storage/sqlite/sqlite_migrations.h"

namespace samskab::storage::sqlite {
namespace {

namespace fs = std::filesystem;

// A fresh directory per test, removed afterwards: every test uses a real SQLite file.
class SqliteStoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir =
            fs::temp_directory_path() / ("samskab-test-" + std::to_string(std::random_device{}()));
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    std::string path(const std::string& name) const { return (m_dir / name).string(); }

    std::unique_ptr<SqliteStore> open(const std::string& name) {
        auto store = SqliteStore::open(path(name));
        EXPECT_TRUE(store) << (store ? "" : store.error().message);
        return store ? std::move(*store) : nullptr;
    }

    static core::Bundle small_bundle() {
        std::ifstream in(std::string(SAMSKAB_SOURCE_DIR) + "/tests/bundles/small.json");
        std::stringstream text;
        text << in.rdbuf();
        auto read = bundle::read_bundle_text(text.str(), core::Lang::En);
        EXPECT_TRUE(read.issues.empty());
        return read.bundle;
    }

    static std::string exported(SqliteStore& store) {
        auto b = store.export_bundle();
        EXPECT_TRUE(b) << (b ? "" : b.error().message);
        return b ? bundle::write_bundle_text(*b) : "";
    }

    fs::path m_dir;
};

TEST_F(SqliteStoreTest, OpensWithDurableSettings) {
    auto store = open("a.db");
    ASSERT_TRUE(store);
    Statement pragma = store->database().prepare("PRAGMA journal_mode");
    ASSERT_TRUE(*pragma.step());
    EXPECT_EQ(pragma.column_text(0), "wal");
    Statement sync = store->database().prepare("PRAGMA synchronous");
    ASSERT_TRUE(*sync.step());
    EXPECT_EQ(sync.column_int(0), 2);  // FULL
    Statement keys = store->database().prepare("PRAGMA foreign_keys");
    ASSERT_TRUE(*keys.step());
    EXPECT_EQ(keys.column_int(0), 1);
    EXPECT_EQ(*schema_version(store->database()), latest_version());
}

TEST_F(SqliteStoreTest, ExportImportExportIsByteIdentical) {
    auto first = open("first.db");
    ASSERT_TRUE(first->import_bundle(small_bundle()));
    const std::string text = exported(*first);
    EXPECT_NE(text.find("Åse Ærø 🌻"), std::string::npos);

    auto read = bundle::read_bundle_text(text, core::Lang::En);
    ASSERT_TRUE(read.issues.empty());
    auto second = open("second.db");
    ASSERT_TRUE(second->import_bundle(read.bundle));
    EXPECT_EQ(exported(*second), text);
}

TEST_F(SqliteStoreTest, ExportOrderIsStable) {
    auto store = open("a.db");
    core::Bundle b = small_bundle();
    ASSERT_TRUE(store->import_bundle(b));
    const std::string text = exported(*store);
    // The relation was given as (p2, p1); stored with the smaller id first.
    EXPECT_NE(text.find(R"({"a":"p1","b":"p2","since":"2017-03-01")"), std::string::npos);
    // Participations sorted by occurrence, then person.
    EXPECT_LT(text.find(R"({"person":"p1","occurrence":"o1")"),
              text.find(R"({"person":"p2","occurrence":"o1")"));
    EXPECT_LT(text.find(R"({"person":"p2","occurrence":"o1")"),
              text.find(R"({"person":"p1","occurrence":"o2")"));
}

TEST_F(SqliteStoreTest, ImportingAgainUpdatesInsteadOfDuplicating) {
    auto store = open("a.db");
    core::Bundle b = small_bundle();
    ASSERT_TRUE(store->import_bundle(b));
    b.people[1].name = "Søren Østergård";
    b.participations[0].role = core::Role::Host;
    b.companions[0].to = *core::parse_date("2017-06-30");
    auto summary = store->import_bundle(b);
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->people, 3u);

    auto after = store->export_bundle();
    ASSERT_TRUE(after);
    EXPECT_EQ(after->people.size(), 3u);
    EXPECT_EQ(after->participations.size(), 3u);
    EXPECT_EQ(after->companions.size(), 1u);
    EXPECT_EQ(after->relations.size(), 1u);
    EXPECT_EQ(after->people[1].name, "Søren Østergård");
    EXPECT_EQ(after->participations[0].role, core::Role::Host);
    EXPECT_EQ(after->companions[0].to, core::parse_date("2017-06-30"));
}

TEST_F(SqliteStoreTest, PartialBundleRefersToStoredRecords) {
    auto store = open("a.db");
    ASSERT_TRUE(store->import_bundle(small_bundle()));
    EXPECT_TRUE(*store->contains(core::Collection::People, "p2"));
    EXPECT_FALSE(*store->contains(core::Collection::People, "p9"));
    EXPECT_TRUE(*store->contains(core::Collection::Occurrences, "o2"));
    core::Bundle more;
    more.participations.push_back({"p2", "o2", core::Role::Passive});
    ASSERT_TRUE(store->import_bundle(more));
    EXPECT_EQ(store->export_bundle()->participations.size(), 4u);
}

TEST_F(SqliteStoreTest, FailedImportChangesNothing) {
    auto store = open("a.db");
    ASSERT_TRUE(store->import_bundle(small_bundle()));
    const std::string before = exported(*store);

    core::Bundle broken;
    broken.people.push_back({"p9", "Ny", false, std::nullopt, std::nullopt, {}});
    broken.participations.push_back({"p9", "o-missing", core::Role::Active});
    auto result = store->import_bundle(broken);
    ASSERT_FALSE(result);
    EXPECT_EQ(exported(*store), before);
    EXPECT_FALSE(*store->contains(core::Collection::People, "p9"));
}

// The import switches foreign-key checks and the read map off for its own duration only.
TEST_F(SqliteStoreTest, ImportRestoresConnectionSettingsEvenWhenItFails) {
    auto store = open("a.db");
    auto setting = [&](const char* pragma) {
        Statement s = store->database().prepare(std::string("PRAGMA ") + pragma);
        EXPECT_TRUE(*s.step());
        return s.column_int(0);
    };
    ASSERT_TRUE(store->import_bundle(small_bundle()));
    EXPECT_EQ(setting("foreign_keys"), 1);
    EXPECT_GT(setting("mmap_size"), 0);
    core::Bundle broken;
    broken.participations.push_back({"nobody", "o1", core::Role::Active});
    ASSERT_FALSE(store->import_bundle(broken));
    EXPECT_EQ(setting("foreign_keys"), 1);
    EXPECT_GT(setting("mmap_size"), 0);
    // With checks on again, the database refuses a dangling reference written directly.
    EXPECT_FALSE(store->database().exec(
        "INSERT INTO participations (occurrence, person, role) VALUES (999, 999, 'active')"));
}

TEST_F(SqliteStoreTest, TheDatabaseItselfRefusesASupportNeedWithoutConsent) {
    auto store = open("a.db");
    core::Bundle b;
    b.people.push_back({"p1", "A", true, std::nullopt, std::nullopt, {false, false}});
    auto result = store->import_bundle(b);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, core::ErrorCode::Storage);
    EXPECT_FALSE(*store->contains(core::Collection::People, "p1"));
}

TEST_F(SqliteStoreTest, UpgradesADatabaseMadeByTheFirstMigration) {
    {
        auto db = Database::open(path("old.db"));
        ASSERT_TRUE(db);
        ASSERT_TRUE(migrate(**db, 1));
        EXPECT_EQ(*schema_version(**db), 1);
        ASSERT_TRUE(
            (*db)->exec("INSERT INTO partnerships (id, name) VALUES ('vimby', 'Vimby');"
                        "INSERT INTO people (id, name, support_need, consent_support_need,"
                        " consent_pathways) VALUES ('p1', 'Åse', 1, 1, 0);"));
        Statement accounts =
            (*db)->prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'accounts'");
        ASSERT_TRUE(*accounts.step());
        EXPECT_EQ(accounts.column_int(0), 0);
    }
    auto store = open("old.db");
    ASSERT_TRUE(store);
    EXPECT_EQ(*schema_version(store->database()), latest_version());
    auto b = store->export_bundle();
    ASSERT_TRUE(b);
    ASSERT_EQ(b->people.size(), 1u);
    EXPECT_TRUE(b->people[0].support_need);
    EXPECT_EQ(b->partnerships.at(0).id, "vimby");
    ASSERT_TRUE(store->database().exec(
        "INSERT INTO accounts (login, created_at) VALUES ('koordinator', '2026-01-01')"));
    // Opening again applies nothing twice.
    store.reset();
    auto again = open("old.db");
    Statement count = again->database().prepare("SELECT count(*) FROM schema_migrations");
    ASSERT_TRUE(*count.step());
    EXPECT_EQ(count.column_int(0), latest_version());
}

TEST_F(SqliteStoreTest, RefusesADatabaseNewerThanThisProgram) {
    {
        auto store = open("new.db");
        ASSERT_TRUE(store->database().exec(
            "INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01T00:00:00')"));
    }
    auto store = SqliteStore::open(path("new.db"));
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error().code, core::ErrorCode::Conflict);
}

TEST_F(SqliteStoreTest, UnopenablePathIsAStorageError) {
    auto store = SqliteStore::open(path("no/such/dir/x.db"));
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error().code, core::ErrorCode::Storage);
}

TEST_F(SqliteStoreTest, LoadedDatasetMatchesTheBundle) {
    auto store = open("a.db");
    const core::Bundle b = small_bundle();
    ASSERT_TRUE(store->import_bundle(b));
    auto loaded = store->load_dataset();
    ASSERT_TRUE(loaded);
    const core::Dataset expected = core::make_dataset(b);
    // Both keep records in insertion order, which here is the bundle's.
    ASSERT_EQ(loaded->people.size(), expected.people.size());
    for (size_t i = 0; i < expected.people.size(); ++i) {
        EXPECT_EQ(loaded->people[i].id, expected.people[i].id);
        EXPECT_EQ(loaded->people[i].support_need, expected.people[i].support_need);
        EXPECT_EQ(loaded->people[i].joined, expected.people[i].joined);
        EXPECT_EQ(loaded->people[i].entry_channel, expected.people[i].entry_channel);
    }
    ASSERT_EQ(loaded->occurrences.size(), 2u);
    EXPECT_EQ(loaded->occurrences[1].start_day, *core::parse_date("2016-02-29"));
    EXPECT_EQ(loaded->activities[1].initiated_by, 0);
    ASSERT_EQ(loaded->participations.size(), 3u);
    ASSERT_EQ(loaded->companions.size(), 1u);
    EXPECT_EQ(loaded->companions[0].to, core::DAY_MAX);
    EXPECT_EQ(loaded->companions[0].companion, 2);
    ASSERT_EQ(loaded->relations.size(), 1u);
    EXPECT_EQ(loaded->relations[0].a, 0);  // p1 after normalisation
    EXPECT_EQ(loaded->relations[0].b, 1);
    EXPECT_EQ(loaded->pathways.at(0).kind, core::PathwayKind::Education);
    EXPECT_DOUBLE_EQ(loaded->places.at(0).support_threshold, 0.2);
}

}  // namespace
}  // namespace samskab::storage::sqlite
