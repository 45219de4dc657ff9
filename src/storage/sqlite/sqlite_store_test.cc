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

// What only the SQLite store does: its connection settings and file handling. The behaviour both
// stores share is tested once for both in storage/store_conformance_test.cc.
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

TEST_F(SqliteStoreTest, UnopenablePathIsAStorageError) {
    auto store = SqliteStore::open(path("no/such/dir/x.db"));
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error().code, core::ErrorCode::Storage);
}

}  // namespace
}  // namespace samskab::storage::sqlite
