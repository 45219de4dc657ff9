// What only the PostgreSQL store does: messages that name the server without its password,
// queueing of migrators and importers, the partnership key, the bulk way of loading. The
// behaviour both stores share is tested in storage/store_conformance_test.cc.
#include "storage/postgres/postgres_store.h"

#include <chrono>
#include <future>

#include <gtest/gtest.h>

#include "bundle/bundle_reader.h"
#include "bundle/bundle_test_support.h"
#include "bundle/bundle_writer.h"
#include "storage/postgres/postgres_migrations.h"
#include "storage/postgres/postgres_test_database.h"

namespace samskab::storage::postgres {
namespace {

using namespace std::chrono_literals;
using testing::TestDatabase;

core::Bundle small_bundle() {
    auto read = bundle::read_bundle_text(bundle::testing::read_test_file("bundles/small.json"),
                                         core::Lang::En);
    EXPECT_TRUE(read.issues.empty());
    return read.bundle;
}

// `url` with a password in its user part (a trust-authenticated test server ignores it).
std::string with_password(const std::string& url, const std::string& password) {
    const size_t at = url.find('@');
    return at == std::string::npos ? url : url.substr(0, at) + ":" + password + url.substr(at);
}

// Holds one of samskab's advisory locks from another connection until release().
class LockHolder {
public:
    LockHolder(const std::string& url, std::int64_t key)
        : m_connection(url), m_transaction(m_connection) {
        m_transaction.exec("SELECT pg_advisory_xact_lock(" + std::to_string(key) + ")");
    }
    void release() { m_transaction.commit(); }

private:
    pqxx::connection m_connection;
    pqxx::work m_transaction;
};

TEST(PostgresStoreOpen, AnUnreachableServerIsAStorageErrorNamingItWithoutThePassword) {
    auto store = PostgresStore::open("postgresql://samskab:hemmeligt@127.0.0.1:1/samskab",
                                     testing::test_cipher());
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error().code, core::ErrorCode::Storage);
    EXPECT_NE(store.error().message.find("postgresql://samskab@127.0.0.1:1/samskab"),
              std::string::npos)
        << store.error().message;
    EXPECT_EQ(store.error().message.find("hemmeligt"), std::string::npos);
}

class PostgresStoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        SAMSKAB_REQUIRE_TEST_PG();
        m_db = std::make_unique<TestDatabase>(*testing::test_server());
    }

    std::unique_ptr<PostgresStore> open(const std::string& url) {
        auto store = PostgresStore::open(url, testing::test_cipher());
        EXPECT_TRUE(store) << (store ? "" : store.error().message);
        return store ? std::move(*store) : nullptr;
    }

    std::string query(const std::string& sql) { return m_db->query(sql); }

    std::unique_ptr<TestDatabase> m_db;
};

TEST_F(PostgresStoreTest, FailuresNameTheServerAndTheConstraintButNotThePasswordOrTheRow) {
    auto store = open(with_password(m_db->url(), "hemmeligt"));
    ASSERT_TRUE(store);
    core::Bundle b;
    b.people.push_back({"p1", "Åse Ærø", true, std::nullopt, std::nullopt, {false, false}});
    auto result = store->import_bundle(b);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, core::ErrorCode::Storage);
    const std::string& message = result.error().message;
    EXPECT_EQ(message.rfind(store->server(), 0), 0u) << message;
    // The flag is sealed, and the schema refuses a sealed flag without consent.
    EXPECT_NE(message.find("support_sealed_needs_consent"), std::string::npos) << message;
    EXPECT_EQ(message.find("hemmeligt"), std::string::npos) << message;
    EXPECT_EQ(message.find("Åse"), std::string::npos) << message;
}

TEST_F(PostgresStoreTest, AMigratorWaitsForAnotherAndAppliesNothingTwice) {
    LockHolder other(m_db->url(), MIGRATION_LOCK);
    auto opening = std::async(std::launch::async, [&] {
        return PostgresStore::open(m_db->url(), testing::test_cipher());
    });
    EXPECT_EQ(opening.wait_for(500ms), std::future_status::timeout);
    other.release();
    auto store = opening.get();
    ASSERT_TRUE(store) << store.error().message;

    TestDatabase fresh(*testing::test_server());
    auto first = std::async(std::launch::async, [&] {
        return PostgresStore::open(fresh.url(), testing::test_cipher());
    });
    auto second = std::async(std::launch::async, [&] {
        return PostgresStore::open(fresh.url(), testing::test_cipher());
    });
    auto a = first.get();
    auto b = second.get();
    ASSERT_TRUE(a) << a.error().message;
    ASSERT_TRUE(b) << b.error().message;
    EXPECT_EQ(fresh.query("SELECT count(*) FROM schema_migrations"),
              std::to_string(latest_version()));
}

TEST_F(PostgresStoreTest, AnImportWaitsForAnotherImport) {
    auto store = open(m_db->url());
    LockHolder other(m_db->url(), IMPORT_LOCK);
    auto importing =
        std::async(std::launch::async, [&] { return store->import_bundle(small_bundle()); });
    EXPECT_EQ(importing.wait_for(500ms), std::future_status::timeout);
    other.release();
    auto summary = importing.get();
    ASSERT_TRUE(summary) << summary.error().message;
    EXPECT_EQ(summary->participations, 3u);
}

// Every table of a partnership's records carries the partnership's key, right however records
// move between partnerships; both ways of loading keep it so.
class PartnershipKeyTest : public PostgresStoreTest,
                           public ::testing::WithParamInterface<std::size_t> {
protected:
    // Rows whose partnership key differs from the partnership of the record they belong to.
    std::string wrong_keys() {
        return query(
            "SELECT (SELECT count(*) FROM activities a JOIN places o ON o.pk = a.place "
            "        WHERE a.partnership <> o.partnership)"
            "     + (SELECT count(*) FROM occurrences t JOIN activities o ON o.pk = t.activity "
            "        WHERE t.partnership <> o.partnership)"
            "     + (SELECT count(*) FROM participations t JOIN occurrences o "
            "        ON o.pk = t.occurrence WHERE t.partnership <> o.partnership)"
            "     + (SELECT count(*) FROM visits t JOIN places o ON o.pk = t.place "
            "        WHERE t.partnership <> o.partnership)");
    }
    std::string participations_of(const std::string& partnership) {
        return query(
            "SELECT count(*) FROM participations t JOIN partnerships p ON p.pk = t.partnership "
            "WHERE p.id = '" +
            partnership + "'");
    }
};

TEST_P(PartnershipKeyTest, FollowsRecordsThatMoveToAnotherPartnership) {
    auto store = open(m_db->url());
    store->set_bulk_rows(GetParam());
    core::Bundle b = small_bundle();
    b.partnerships.push_back({"vimby", "Vimby og Aarhus Kommune", {}});
    b.places.push_back({"vimby-house", "vimby", "Fælleshuset", 0.2});
    ASSERT_TRUE(store->import_bundle(b));
    EXPECT_EQ(participations_of("insp"), "3");
    EXPECT_EQ(wrong_keys(), "0");

    // The activity of o1 (two participations) moves to Vimby's place.
    b.activities[0].place = "vimby-house";
    ASSERT_TRUE(store->import_bundle(b));
    EXPECT_EQ(participations_of("vimby"), "2");
    EXPECT_EQ(wrong_keys(), "0");

    // The place itself moves: everything at it follows.
    b.places[0].partnership = "vimby";
    ASSERT_TRUE(store->import_bundle(b));
    EXPECT_EQ(participations_of("vimby"), "3");
    EXPECT_EQ(query("SELECT count(*) FROM visits t JOIN partnerships p ON p.pk = t.partnership "
                    "WHERE p.id = 'vimby'"),
              "1");
    EXPECT_EQ(wrong_keys(), "0");
}

INSTANTIATE_TEST_SUITE_P(Loads, PartnershipKeyTest,
                         ::testing::Values(PostgresStore::BULK_ROWS, std::size_t{1}),
                         [](const auto& info) { return info.param == 1 ? "bulk" : "row_by_row"; });

TEST_F(PostgresStoreTest, ABulkImportPutsBackEveryForeignKeyEvenWhenItFails) {
    const std::string keys =
        "SELECT count(*) || '/' || count(*) FILTER (WHERE convalidated) FROM pg_constraint "
        "WHERE contype = 'f' AND connamespace = current_schema()::regnamespace";
    auto store = open(m_db->url());
    const std::string before = query(keys);
    store->set_bulk_rows(1);
    ASSERT_TRUE(store->import_bundle(small_bundle()));
    EXPECT_EQ(query(keys), before);
    core::Bundle broken;
    broken.participations.push_back({"p1", "o-missing", core::Role::Active});
    ASSERT_FALSE(store->import_bundle(broken));
    EXPECT_EQ(query(keys), before);
    // With the keys in place, the database refuses a dangling reference written directly.
    EXPECT_FALSE(
        m_db->exec("INSERT INTO participations (occurrence, person, partnership, role) "
                   "VALUES (999, 999, 1, 'active')"));
}

TEST_F(PostgresStoreTest, BulkAndRowByRowImportsStoreTheSame) {
    auto row_by_row = open(m_db->url());
    TestDatabase other(*testing::test_server());
    auto bulk = open(other.url());
    bulk->set_bulk_rows(1);
    const core::Bundle b = small_bundle();
    for (int round = 0; round < 2; ++round) {  // the second round updates
        ASSERT_TRUE(row_by_row->import_bundle(b));
        ASSERT_TRUE(bulk->import_bundle(b));
    }
    EXPECT_EQ(bundle::write_bundle_text(*bulk->export_bundle()),
              bundle::write_bundle_text(*row_by_row->export_bundle()));
}

}  // namespace
}  // namespace samskab::storage::postgres
