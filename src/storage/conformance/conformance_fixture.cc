#include "storage/conformance/conformance_fixture.h"

#include <random>

namespace samskab::storage::conformance {

bool is_generated_id(const std::string& id, const std::string& prefix) {
    if (id.size() != prefix.size() + 13 || id.compare(0, prefix.size(), prefix) != 0 ||
        id[prefix.size()] != '-') {
        return false;
    }
    for (std::size_t i = prefix.size() + 1; i < id.size(); ++i) {
        const char c = id[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

core::Bundle community_bundle() {
    core::Bundle b;
    b.partnerships.push_back(
        {"vimby", "Vimby", {{"vimby-forening", "Vimby Forening", core::OrganisationKind::Civil}}});
    b.partnerships.push_back({"insp", "INSP!", {}});
    b.places.push_back({"cafe", "vimby", "Caféen", 0.2});
    b.places.push_back({"house", "insp", "Huset", 0.25});
    b.people.push_back(
        {"p1", "Åse", true, day("2024-01-01"), core::EntryChannel::Companion, {true, true}});
    b.people.push_back({"p2", "Bo", false, std::nullopt, std::nullopt, {}});
    b.people.push_back({"p3", "Øjvind", false, std::nullopt, std::nullopt, {}});
    b.people.push_back({"p4", "Zoe", false, std::nullopt, std::nullopt, {}});
    b.people.push_back({"p5", "Carl", false, std::nullopt, std::nullopt, {}});
    b.people.push_back({"p6", "Dorte", false, std::nullopt, std::nullopt, {}});
    b.companions.push_back({"p2", "p5", "vimby", day("2024-01-01"), std::nullopt});
    b.activities.push_back(
        {"a1", "cafe", "Strikkeklub", core::ActivityKind::Fixed, std::nullopt, day("2024-01-01")});
    b.activities.push_back(
        {"a2", "house", "Madklub", core::ActivityKind::Initiative, "p4", day("2024-01-01")});
    b.occurrences.push_back({"o1", "a1", at("2024-03-05T17:00:00"), at("2024-03-05T19:00:00")});
    b.occurrences.push_back({"o2", "a1", at("2024-03-12T17:00:00"), at("2024-03-12T19:00:00")});
    b.occurrences.push_back({"o3", "a2", at("2024-03-06T12:00:00"), at("2024-03-06T13:00:00")});
    b.participations.push_back({"p1", "o1", core::Role::Active});
    b.participations.push_back({"p2", "o1", core::Role::Host});
    b.participations.push_back({"p4", "o3", core::Role::Active});
    b.visits.push_back({"p1", "cafe", day("2024-03-01")});
    b.relations.push_back(
        {"p1", "p2", day("2024-01-01"), std::nullopt, core::RelationSource::SelfReport});
    b.pathways.push_back({"p1", day("2024-02-01"), core::PathwayKind::Job});
    return b;
}

void ConformanceTest::SetUp() {
    if (backend() == Backend::Postgres) {
        SAMSKAB_REQUIRE_TEST_PG();
        m_database =
            std::make_unique<postgres::testing::TestDatabase>(*postgres::testing::test_server());
        auto stores = postgres::PostgresStores::open(m_database->url(), 3, m_clock,
                                                     postgres::testing::test_cipher());
        ASSERT_TRUE(stores) << stores.error().message;
        m_postgres = std::move(*stores);
        m_community = m_postgres.community.get();
        m_accounts = m_postgres.accounts.get();
        m_store = m_postgres.store.get();
        m_logbooks = m_postgres.logbooks.get();
        m_interviews = m_postgres.interviews.get();
        m_surveys = m_postgres.surveys.get();
    } else {
        m_dir = std::filesystem::temp_directory_path() /
                ("samskab-conformance-" + std::to_string(std::random_device{}()));
        std::filesystem::create_directories(m_dir);
        m_path = (m_dir / "c.db").string();
        auto stores = sqlite::SqliteStores::open(m_path, 3, m_clock);
        ASSERT_TRUE(stores) << stores.error().message;
        m_sqlite = std::move(*stores);
        m_community = m_sqlite.community.get();
        m_accounts = m_sqlite.accounts.get();
        m_store = m_sqlite.store.get();
        m_logbooks = m_sqlite.logbooks.get();
        m_interviews = m_sqlite.interviews.get();
        m_surveys = m_sqlite.surveys.get();
    }
    auto imported = m_store->import_bundle(community_bundle());
    ASSERT_TRUE(imported) << imported.error().message;
}

void ConformanceTest::TearDown() {
    m_community = nullptr;
    m_accounts = nullptr;
    m_store = nullptr;
    m_sqlite = {};
    m_postgres = {};
    m_database.reset();
    if (!m_dir.empty()) {
        std::filesystem::remove_all(m_dir);
    }
}

std::string ConformanceTest::sql(const std::string& text) {
    if (backend() == Backend::Postgres) {
        pqxx::connection connection(m_database->url());
        pqxx::nontransaction transaction(connection);
        const pqxx::result result = transaction.exec(text);
        if (result.empty()) {
            return "<none>";
        }
        return result[0][0].is_null() ? "" : result[0][0].as<std::string>();
    }
    return sqlite_cell(text, 0);
}

std::string ConformanceTest::sqlite_cell(const std::string& text, int column, bool* null) {
    auto db = sqlite::Database::open(m_path);
    EXPECT_TRUE(db);
    sqlite::Connection probe(std::move(*db));
    sqlite::Query query(probe, text);
    auto row = query.step();
    EXPECT_TRUE(row) << text;
    if (!row || !*row) {
        return "<none>";
    }
    if (null) {
        *null = query.is_null(column);
    }
    return query.is_null(column) ? "" : query.text(column);
}

std::string ConformanceTest::sql_opened(const std::string& text) {
    if (backend() == Backend::Sqlite) {
        // Unsealed: the plaintext column holds the value.
        bool sealed_null = true;
        sqlite_cell(text, 0, &sealed_null);
        EXPECT_TRUE(sealed_null) << text;
        return sqlite_cell(text, 1);
    }
    pqxx::connection connection(m_database->url());
    pqxx::nontransaction transaction(connection);
    const pqxx::result result = transaction.exec(text);
    if (result.empty()) {
        return "<none>";
    }
    const pqxx::row row = result[0];
    if (row[0].is_null()) {
        return row[1].is_null() ? "" : row[1].as<std::string>();
    }
    auto opened = postgres::testing::test_cipher()->open(pqxx::binarystring(row[0]).str(),
                                                         row[2].as<std::string>());
    EXPECT_TRUE(opened) << opened.error().message;
    return opened ? *opened : "<does not open>";
}

bool ConformanceTest::sql_exec(const std::string& text) {
    if (backend() == Backend::Postgres) {
        return m_database->exec(text);
    }
    auto db = sqlite::Database::open(m_path);
    if (!db) {
        return false;
    }
    return static_cast<bool>((*db)->exec(text));
}

std::int64_t ConformanceTest::account(const std::string& email, const std::string& name) {
    auto id = accounts().create_account({email, name, "", {}, ""});
    EXPECT_TRUE(id) << id.error().message;
    return id ? *id : 0;
}

INSTANTIATE_TEST_SUITE_P(Stores, ConformanceTest,
                         ::testing::Values(Backend::Sqlite, Backend::Postgres),
                         [](const ::testing::TestParamInfo<Backend>& info) {
                             return std::string(info.param == Backend::Sqlite ? "Sqlite"
                                                                              : "Postgres");
                         });

}  // namespace samskab::storage::conformance
