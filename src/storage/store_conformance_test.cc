// The behaviour every store must have, run against each of them: SQLite (a file per test) and
// PostgreSQL (a database per test, on the server named by SAMSKAB_TEST_PG_URL).
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "bundle/bundle_generator.h"
#include "bundle/bundle_reader.h"
#include "bundle/bundle_test_support.h"
#include "bundle/bundle_writer.h"
#include "storage/dataset_comparison.h"
#include "storage/postgres/postgres_migrations.h"
#include "storage/postgres/postgres_store.h"
#include "storage/postgres/postgres_test_database.h"
#include "storage/sqlite/sqlite_migrations.h"
#include "storage/sqlite/sqlite_store.h"

namespace samskab::storage {
namespace {

namespace fs = std::filesystem;
using core::Collection;

// One kind of store, with databases named within one test. Besides opening stores, it reaches
// the database beneath them, for what the Store interface deliberately cannot do (write
// without samskab's checks, hold an old schema).
class Backend {
public:
    virtual ~Backend() = default;
    virtual core::Result<std::unique_ptr<core::Store>> open(const std::string& name) = 0;
    // Creates database `name` with the schema of `version` only.
    virtual void migrate_to(const std::string& name, int version) = 0;
    // Runs `sql` outside the store; false when the database refuses it.
    virtual bool exec(const std::string& name, const std::string& sql) = 0;
    // The first column of the first row of `sql`, as text.
    virtual std::string query(const std::string& name, const std::string& sql) = 0;
    virtual std::string table_exists_sql(const std::string& table) = 0;
    virtual int latest_version() = 0;
};

class SqliteBackend final : public Backend {
public:
    SqliteBackend() {
        m_dir = fs::temp_directory_path() /
                ("samskab-conformance-" + std::to_string(std::random_device{}()));
        fs::create_directories(m_dir);
    }
    ~SqliteBackend() override { fs::remove_all(m_dir); }

    core::Result<std::unique_ptr<core::Store>> open(const std::string& name) override {
        auto store = sqlite::SqliteStore::open(path(name));
        if (!store) {
            return tl::unexpected(store.error());
        }
        return std::unique_ptr<core::Store>(std::move(*store));
    }
    void migrate_to(const std::string& name, int version) override {
        auto db = sqlite::Database::open(path(name));
        ASSERT_TRUE(db);
        ASSERT_TRUE(sqlite::migrate(**db, version));
    }
    bool exec(const std::string& name, const std::string& sql) override {
        auto db = sqlite::Database::open(path(name));
        return db && (*db)->exec(sql).has_value();
    }
    std::string query(const std::string& name, const std::string& sql) override {
        auto db = sqlite::Database::open(path(name));
        sqlite::Statement statement = (*db)->prepare(sql);
        auto row = statement.step();
        return row && *row ? std::string(statement.column_text(0)) : "";
    }
    std::string table_exists_sql(const std::string& table) override {
        return "SELECT count(*) FROM sqlite_schema WHERE name = '" + table + "'";
    }
    int latest_version() override { return sqlite::latest_version(); }

private:
    std::string path(const std::string& name) const { return (m_dir / (name + ".db")).string(); }
    fs::path m_dir;
};

class PostgresBackend final : public Backend {
public:
    explicit PostgresBackend(std::string server) : m_server(std::move(server)) {}

    core::Result<std::unique_ptr<core::Store>> open(const std::string& name) override {
        auto store =
            postgres::PostgresStore::open(database(name).url(), postgres::testing::test_cipher());
        if (!store) {
            return tl::unexpected(store.error());
        }
        return std::unique_ptr<core::Store>(std::move(*store));
    }
    void migrate_to(const std::string& name, int version) override {
        auto connection = postgres::Connection::open(database(name).url());
        ASSERT_TRUE(connection);
        ASSERT_TRUE(postgres::migrate(**connection, version));
    }
    bool exec(const std::string& name, const std::string& sql) override {
        return database(name).exec(sql);
    }
    std::string query(const std::string& name, const std::string& sql) override {
        return database(name).query(sql);
    }
    std::string table_exists_sql(const std::string& table) override {
        return "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND "
               "tablename = '" +
               table + "'";
    }
    int latest_version() override { return postgres::latest_version(); }

private:
    postgres::testing::TestDatabase& database(const std::string& name) {
        auto& db = m_databases[name];
        if (!db) {
            db = std::make_unique<postgres::testing::TestDatabase>(m_server);
        }
        return *db;
    }
    std::string m_server;
    std::map<std::string, std::unique_ptr<postgres::testing::TestDatabase>> m_databases;
};

core::Bundle read(const std::string& text) {
    auto read = bundle::read_bundle_text(text, core::Lang::En);
    EXPECT_TRUE(read.issues.empty()) << (read.issues.empty() ? "" : read.issues[0].message);
    return read.bundle;
}

core::Bundle small_bundle() {
    return read(bundle::testing::read_test_file("bundles/small.json"));
}

// Text that COPY, SQL quoting and sorting could each get wrong: tabs, newlines, backslashes,
// COPY's null marker as plain text, quotes, and ids whose order differs between bytes and a
// Danish collation ("aa" is "å" there, after "z").
core::Bundle tricky_bundle() {
    core::Bundle b = small_bundle();
    const std::vector<std::string> ids = {"zeta", "aa",  "ab",  "Å",    "å",
                                          "Z",    "a b", "\\N", "a\tb", "ø-1"};
    for (size_t i = 0; i < ids.size(); ++i) {
        b.people.push_back({ids[i],
                            "Navn \\ \"x\"\n\r\t\\N 'y' " + std::to_string(i),
                            false,
                            core::parse_date("0000-01-01"),
                            core::EntryChannel::Self,
                            {false, i % 2 == 0}});
    }
    b.relations.push_back({"ab", "aa", *core::parse_date("2017-01-01"), std::nullopt,
                           core::RelationSource::SelfReport});
    b.places[0].support_threshold = 0.1 + 0.2;  // not exactly 0.3: every bit must survive
    b.activities[0].title = "Tekst\\med\tspecial\ntegn";
    return b;
}

class StoreConformance : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        if (GetParam() == "sqlite") {
            m_backend = std::make_unique<SqliteBackend>();
            return;
        }
        SAMSKAB_REQUIRE_TEST_PG();
        m_backend = std::make_unique<PostgresBackend>(*postgres::testing::test_server());
    }

    std::unique_ptr<core::Store> open(const std::string& name) {
        auto store = m_backend->open(name);
        EXPECT_TRUE(store) << (store ? "" : store.error().message);
        return store ? std::move(*store) : nullptr;
    }

    static std::string exported(core::Store& store) {
        auto b = store.export_bundle();
        EXPECT_TRUE(b) << (b ? "" : b.error().message);
        return b ? bundle::write_bundle_text(*b) : "";
    }

    std::unique_ptr<Backend> m_backend;
};

TEST_P(StoreConformance, ExportImportExportIsByteIdentical) {
    for (const core::Bundle& b : {small_bundle(), tricky_bundle()}) {
        auto first = open("first");
        ASSERT_TRUE(first->import_bundle(b));
        const std::string text = exported(*first);
        EXPECT_NE(text.find("Åse Ærø 🌻"), std::string::npos);

        auto second = open("second");
        ASSERT_TRUE(second->import_bundle(read(text)));
        EXPECT_EQ(exported(*second), text);
    }
}

TEST_P(StoreConformance, ExportSortsBytewiseWhateverTheDatabaseCollation) {
    auto store = open("a");
    const core::Bundle b = tricky_bundle();
    ASSERT_TRUE(store->import_bundle(b));
    auto out = store->export_bundle();
    ASSERT_TRUE(out);
    std::vector<std::string> expected;
    for (const auto& p : b.people) {
        expected.push_back(p.id);
    }
    std::sort(expected.begin(), expected.end());
    std::vector<std::string> got;
    for (const auto& p : out->people) {
        got.push_back(p.id);
    }
    EXPECT_EQ(got, expected);
    EXPECT_DOUBLE_EQ(out->places[0].support_threshold, 0.1 + 0.2);
    EXPECT_EQ(out->places[0].support_threshold, 0.1 + 0.2);
    // The pair (ab, aa) is stored with "aa" first, the bytewise smaller id.
    bool found = false;
    for (const auto& r : out->relations) {
        if (r.b == "ab") {
            EXPECT_EQ(r.a, "aa");
            found = true;
        }
    }
    EXPECT_TRUE(found);
    // Participations by occurrence, then person.
    const std::string text = bundle::write_bundle_text(*out);
    EXPECT_LT(text.find(R"({"person":"p2","occurrence":"o1")"),
              text.find(R"({"person":"p1","occurrence":"o2")"));
}

TEST_P(StoreConformance, ImportingAgainUpdatesInsteadOfDuplicating) {
    auto store = open("a");
    core::Bundle b = small_bundle();
    ASSERT_TRUE(store->import_bundle(b));
    b.people[1].name = "Søren Østergård";
    b.participations[0].role = core::Role::Host;
    b.companions[0].to = *core::parse_date("2017-06-30");
    b.relations[0].source = core::RelationSource::SelfReport;
    b.places[0].support_threshold = 0.25;
    auto summary = store->import_bundle(b);
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->people, 3u);
    EXPECT_EQ(summary->participations, 3u);
    EXPECT_EQ(summary->visits, 1u);
    EXPECT_EQ(summary->organisations, 2u);

    auto after = store->export_bundle();
    ASSERT_TRUE(after);
    EXPECT_EQ(after->people.size(), 3u);
    EXPECT_EQ(after->participations.size(), 3u);
    EXPECT_EQ(after->companions.size(), 1u);
    EXPECT_EQ(after->relations.size(), 1u);
    EXPECT_EQ(after->visits.size(), 1u);
    EXPECT_EQ(after->pathways.size(), 1u);
    EXPECT_EQ(after->people[1].name, "Søren Østergård");
    EXPECT_EQ(after->participations[0].role, core::Role::Host);
    EXPECT_EQ(after->companions[0].to, core::parse_date("2017-06-30"));
    EXPECT_EQ(after->relations[0].source, core::RelationSource::SelfReport);
    EXPECT_EQ(after->places[0].support_threshold, 0.25);
}

TEST_P(StoreConformance, PartialBundleRefersToStoredRecords) {
    auto store = open("a");
    ASSERT_TRUE(store->import_bundle(small_bundle()));
    EXPECT_TRUE(*store->contains(Collection::People, "p2"));
    EXPECT_FALSE(*store->contains(Collection::People, "p9"));
    EXPECT_TRUE(*store->contains(Collection::Occurrences, "o2"));
    EXPECT_TRUE(*store->contains(Collection::Organisations, "roskilde"));
    EXPECT_FALSE(*store->contains(Collection::Places, "nowhere"));
    core::Bundle more;
    more.participations.push_back({"p2", "o2", core::Role::Passive});
    more.activities.push_back({"a3", "insp-house", "Ny", core::ActivityKind::Cause,
                               std::string("p2"), *core::parse_date("2018-01-01")});
    more.occurrences.push_back({"o3", "a1", *core::parse_local_time("2018-02-01T10:00:00"),
                                *core::parse_local_time("2018-02-01T11:00:00")});
    more.visits.push_back({"s1", "insp-house", *core::parse_date("2018-02-01")});
    ASSERT_TRUE(store->import_bundle(more));
    auto after = store->export_bundle();
    EXPECT_EQ(after->participations.size(), 4u);
    EXPECT_EQ(after->activities.back().initiated_by, "p2");
    EXPECT_EQ(after->occurrences.back().activity, "a1");
    EXPECT_EQ(after->visits.size(), 2u);
}

TEST_P(StoreConformance, FailedImportChangesNothing) {
    auto store = open("a");
    ASSERT_TRUE(store->import_bundle(small_bundle()));
    const std::string before = exported(*store);

    core::Bundle broken;
    broken.people.push_back({"p9", "Ny", false, std::nullopt, std::nullopt, {}});
    broken.participations.push_back({"p9", "o-missing", core::Role::Active});
    auto result = store->import_bundle(broken);
    ASSERT_FALSE(result);
    EXPECT_NE(result.error().message.find("o-missing"), std::string::npos);
    EXPECT_EQ(exported(*store), before);
    EXPECT_FALSE(*store->contains(Collection::People, "p9"));

    // An optional reference that names no one fails the same way.
    core::Bundle initiator;
    initiator.activities.push_back({"a9", "insp-house", "X", core::ActivityKind::Initiative,
                                    std::string("nobody"), *core::parse_date("2018-01-01")});
    ASSERT_FALSE(store->import_bundle(initiator));
    EXPECT_FALSE(*store->contains(Collection::Activities, "a9"));
    EXPECT_EQ(exported(*store), before);
}

TEST_P(StoreConformance, TheDatabaseItselfRefusesASupportNeedWithoutConsent) {
    auto store = open("a");
    core::Bundle b;
    b.people.push_back({"p1", "A", true, std::nullopt, std::nullopt, {false, false}});
    auto result = store->import_bundle(b);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, core::ErrorCode::Storage);
    // The message names the constraint, never the row: a row holds names and health data.
    EXPECT_EQ(result.error().message.find("\"A\""), std::string::npos);
    EXPECT_FALSE(*store->contains(Collection::People, "p1"));
    store.reset();
    // Written directly, past every check of samskab's own code.
    const std::string insert =
        "INSERT INTO people (id, name, support_need, consent_support_need, consent_pathways) "
        "VALUES ('p2', 'B', TRUE, ";
    EXPECT_FALSE(m_backend->exec("a", insert + "FALSE, FALSE)"));
    EXPECT_TRUE(m_backend->exec("a", insert + "TRUE, FALSE)"));
}

TEST_P(StoreConformance, RefusesADatabaseNewerThanThisProgram) {
    ASSERT_TRUE(open("new"));
    ASSERT_TRUE(m_backend->exec(
        "new", "INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01T00:00:00')"));
    auto store = m_backend->open("new");
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error().code, core::ErrorCode::Conflict);
    EXPECT_NE(store.error().message.find("99"), std::string::npos);
}

TEST_P(StoreConformance, UpgradesADatabaseMadeByTheFirstMigration) {
    m_backend->migrate_to("old", 1);
    ASSERT_TRUE(m_backend->exec("old",
                                "INSERT INTO partnerships (id, name) VALUES ('vimby', 'Vimby');"
                                "INSERT INTO people (id, name, support_need, consent_support_need,"
                                " consent_pathways) VALUES ('p1', 'Åse', TRUE, TRUE, FALSE);"));
    EXPECT_EQ(m_backend->query("old", "SELECT max(version) FROM schema_migrations"), "1");
    EXPECT_EQ(m_backend->query("old", m_backend->table_exists_sql("accounts")), "0");

    auto store = open("old");
    ASSERT_TRUE(store);
    EXPECT_EQ(m_backend->query("old", "SELECT max(version) FROM schema_migrations"),
              std::to_string(m_backend->latest_version()));
    auto b = store->export_bundle();
    ASSERT_TRUE(b);
    ASSERT_EQ(b->people.size(), 1u);
    EXPECT_TRUE(b->people[0].support_need);
    EXPECT_EQ(b->partnerships.at(0).id, "vimby");
    EXPECT_TRUE(m_backend->exec(
        "old", "INSERT INTO accounts (login, created_at) VALUES ('koordinator', '2026-01-01')"));
    // Opening again applies nothing twice.
    store.reset();
    ASSERT_TRUE(open("old"));
    EXPECT_EQ(m_backend->query("old", "SELECT count(*) FROM schema_migrations"),
              std::to_string(m_backend->latest_version()));
}

TEST_P(StoreConformance, LoadedDatasetMatchesTheBundle) {
    auto store = open("a");
    core::Bundle b = small_bundle();
    ASSERT_TRUE(store->import_bundle(b));
    auto loaded = store->load_dataset();
    ASSERT_TRUE(loaded) << loaded.error().message;
    // The bundle lists every collection in the order the store keeps it (insertion order for
    // records with ids, key order for the others); the store spells the relation (p2, p1) with
    // the smaller id first.
    ASSERT_EQ(b.relations.at(0).a, "p2");
    std::swap(b.relations[0].a, b.relations[0].b);
    EXPECT_EQ(dataset_difference(*loaded, core::make_dataset(b)), "");
}

TEST_P(StoreConformance, LoadedDatasetKeepsInsertionOrderAcrossImports) {
    auto store = open("a");
    core::Bundle first = small_bundle();
    ASSERT_TRUE(store->import_bundle(first));
    core::Bundle second;
    second.people.push_back({"a0", "Først i alfabetet", false, std::nullopt, std::nullopt, {}});
    second.people.push_back(first.people[0]);  // updated, keeps its place
    ASSERT_TRUE(store->import_bundle(second));
    auto loaded = store->load_dataset();
    ASSERT_TRUE(loaded);
    std::vector<std::string> ids;
    for (const auto& p : loaded->people) {
        ids.push_back(p.id);
    }
    EXPECT_EQ(ids, (std::vector<std::string>{"p1", "p2", "s1", "a0"}));
    // References follow the records: the relation still joins p1 and p2.
    ASSERT_EQ(loaded->relations.size(), 1u);
    EXPECT_EQ(loaded->relations[0].a, 0);
    EXPECT_EQ(loaded->relations[0].b, 1);
}

INSTANTIATE_TEST_SUITE_P(Stores, StoreConformance, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

// The migrations of the two stores are kept in step: the same versions under the same names.
TEST(StoresAgree, OnTheMigrations) {
    ASSERT_EQ(sqlite::migrations().size(), postgres::migrations().size());
    for (size_t i = 0; i < sqlite::migrations().size(); ++i) {
        EXPECT_EQ(sqlite::migrations()[i].version, postgres::migrations()[i].version);
        EXPECT_EQ(sqlite::migrations()[i].name, postgres::migrations()[i].name);
    }
}

// ... and make the same tables with the same columns, except the partnership key that
// PostgreSQL keeps on more tables (README, "PostgreSQL") and the sealed people of a companion
// link, which SQLite keeps in its person and companion columns (a STRICT BLOB column can hold
// either) and PostgreSQL beside them (postgres_fields.h).
TEST(StoresAgree, OnTheSchema) {
    SAMSKAB_REQUIRE_TEST_PG();
    SqliteBackend sqlite;
    PostgresBackend postgres(*postgres::testing::test_server());
    ASSERT_TRUE(sqlite.open("a"));
    ASSERT_TRUE(postgres.open("a"));
    auto columns = [](const std::string& list) {
        std::set<std::string> set;
        std::stringstream in(list);
        for (std::string column; std::getline(in, column, ',');) {
            set.insert(column);
        }
        return set;
    };
    const auto lite =
        columns(sqlite.query("a",
                             "SELECT group_concat(m.name || '.' || p.name) FROM sqlite_schema m "
                             "JOIN pragma_table_info(m.name) p WHERE m.type = 'table'"));
    const auto pg = columns(
        postgres.query("a",
                       "SELECT string_agg(table_name || '.' || column_name, ',') "
                       "FROM information_schema.columns WHERE table_schema = current_schema()"));
    ASSERT_GT(lite.size(), 50u);
    for (const std::string& column : lite) {
        EXPECT_EQ(pg.count(column), 1u) << column << " is missing in PostgreSQL";
    }
    for (const std::string& column : pg) {
        if (lite.count(column) == 0 && column != "companions.person_sealed" &&
            column != "companions.companion_sealed") {
            EXPECT_EQ(column.substr(column.find('.')), ".partnership") << column;
        }
    }
}

// Both stores, side by side on the same generated partnership: the same export, byte for byte,
// and the same dataset, record for record and in the same order.
TEST(StoresAgree, OnAGeneratedPartnership) {
    SAMSKAB_REQUIRE_TEST_PG();
    bundle::GeneratorOptions options;
    options.people = 400;
    options.seed = 3;
    const core::Bundle b = bundle::generate_bundle(options);
    SqliteBackend sqlite;
    PostgresBackend postgres(*postgres::testing::test_server());
    auto lite = sqlite.open("a");
    auto pg = postgres.open("a");
    ASSERT_TRUE(lite && pg) << (pg ? "" : pg.error().message);
    ASSERT_TRUE((*lite)->import_bundle(b));
    ASSERT_TRUE((*pg)->import_bundle(b));
    auto lite_export = (*lite)->export_bundle();
    auto pg_export = (*pg)->export_bundle();
    ASSERT_TRUE(lite_export && pg_export);
    EXPECT_EQ(bundle::write_bundle_text(*pg_export), bundle::write_bundle_text(*lite_export));
    auto lite_data = (*lite)->load_dataset();
    auto pg_data = (*pg)->load_dataset();
    ASSERT_TRUE(lite_data && pg_data);
    EXPECT_GT(pg_data->participations.size(), 1000u);
    EXPECT_EQ(dataset_difference(*pg_data, *lite_data), "");
}

}  // namespace
}  // namespace samskab::storage
