#include "storage/postgres/postgres_fields.h"

#include <gtest/gtest.h>

#include "core/date.h"
#include "storage/postgres/postgres_pool.h"
#include "storage/postgres/postgres_store.h"
#include "storage/postgres/postgres_test_database.h"

namespace samskab::storage::postgres {
namespace {

using testing::TestDatabase;

// p1 has a support need and consented to it being recorded; p2 consented and has none; p3
// did not consent; p3 accompanies p1.
core::Bundle sensitive_bundle() {
    core::Bundle b;
    b.partnerships.push_back({"vimby", "Vimby", {}});
    b.people.push_back({"p1", "Åse", true, std::nullopt, std::nullopt, {true, false}});
    b.people.push_back({"p2", "Bo", false, std::nullopt, std::nullopt, {true, false}});
    b.people.push_back({"p3", "Carl", false, std::nullopt, std::nullopt, {}});
    b.companions.push_back({"p1", "p3", "vimby", *core::parse_date("2024-01-01"), std::nullopt});
    return b;
}

class PostgresFieldsTest : public ::testing::Test {
protected:
    void SetUp() override {
        SAMSKAB_REQUIRE_TEST_PG();
        m_db = std::make_unique<TestDatabase>(*testing::test_server());
    }

    std::unique_ptr<PostgresStore> open(std::shared_ptr<const core::FieldCipher> cipher) {
        auto store = PostgresStore::open(m_db->url(), std::move(cipher));
        EXPECT_TRUE(store) << store.error().message;
        return store ? std::move(*store) : nullptr;
    }

    // What the export says of the sensitive fields: each person's flag, then the links.
    static std::string sensitive(const core::Bundle& b) {
        std::string out;
        for (const auto& p : b.people) {
            out += p.id + "=" + (p.support_need ? "1" : "0") + " ";
        }
        for (const auto& c : b.companions) {
            out += c.person + ">" + c.companion + " ";
        }
        return out;
    }

    std::unique_ptr<TestDatabase> m_db;
};

TEST_F(PostgresFieldsTest, AnImportSealsTheSupportNeedAndTheCompanionLinks) {
    auto store = open(testing::test_cipher());
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->import_bundle(sensitive_bundle()));
    // Nothing on the server says who has a support need or who accompanies whom.
    EXPECT_EQ(m_db->query("SELECT count(*) FROM people WHERE support_need"), "0");
    EXPECT_EQ(m_db->query("SELECT string_agg(id, ',' ORDER BY id) FROM people "
                          "WHERE support_sealed IS NOT NULL"),
              "p1,p2");
    EXPECT_EQ(m_db->query("SELECT count(*) FROM companions WHERE person IS NULL AND companion IS "
                          "NULL AND person_sealed IS NOT NULL AND companion_sealed IS NOT NULL"),
              "1");
    EXPECT_EQ(m_db->query("SELECT key_id FROM field_encryption"), testing::test_cipher()->key_id());
    auto exported = store->export_bundle();
    ASSERT_TRUE(exported) << exported.error().message;
    EXPECT_EQ(sensitive(*exported), "p1=1 p2=0 p3=0 p1>p3 ");
    auto dataset = store->load_dataset();
    ASSERT_TRUE(dataset) << dataset.error().message;
    ASSERT_EQ(dataset->companions.size(), 1u);
    EXPECT_TRUE(dataset->people[dataset->companions[0].person].support_need);
    // Imported again, the links are recognised by their blind indexes and not doubled.
    ASSERT_TRUE(store->import_bundle(sensitive_bundle()));
    EXPECT_EQ(m_db->query("SELECT count(*) FROM companions"), "1");
}

TEST_F(PostgresFieldsTest, PlaintextFromBeforeIsSealedOnTheFirstOpenWithAKey) {
    {
        // The schema as an earlier samskab left it, with its values in plaintext.
        auto pool = ConnectionPool::open(m_db->url(), 1);
        ASSERT_TRUE(pool) << pool.error().message;
    }
    ASSERT_TRUE(m_db->exec(
        "INSERT INTO partnerships (id, name) VALUES ('vimby', 'Vimby');"
        "INSERT INTO places (id, partnership, name, support_threshold) "
        "  SELECT 'cafe', pk, 'Café', 0.2 FROM partnerships;"
        "INSERT INTO people (id, name, support_need, consent_support_need, consent_pathways) "
        "  VALUES ('p1', 'Åse', true, true, false), ('p3', 'Carl', false, false, false);"
        "INSERT INTO companions (person, companion, partnership, from_date) "
        "  SELECT a.pk, b.pk, pa.pk, '2024-01-01' FROM people a, people b, partnerships pa "
        "  WHERE a.id = 'p1' AND b.id = 'p3';"
        "INSERT INTO logbook_notes (place, day, author, text, written_at) "
        "  SELECT pk, '2024-03-01', 1, 'Åse havde en svær dag', '2024-03-01T10:00' FROM places;"));
    auto store = open(testing::test_cipher());
    ASSERT_TRUE(store);
    EXPECT_EQ(m_db->query("SELECT count(*) FROM people WHERE support_need"), "0");
    EXPECT_EQ(m_db->query("SELECT count(*) FROM companions WHERE person IS NOT NULL"), "0");
    EXPECT_EQ(m_db->query("SELECT text FROM logbook_notes"), "");
    EXPECT_EQ(m_db->query("SELECT count(*) FROM logbook_notes WHERE text_sealed IS NOT NULL"), "1");
    auto exported = store->export_bundle();
    ASSERT_TRUE(exported) << exported.error().message;
    EXPECT_EQ(sensitive(*exported), "p1=1 p3=0 p1>p3 ");
}

TEST_F(PostgresFieldsTest, ADatabaseSealedUnderAnotherKeyIsNotOpened) {
    ASSERT_TRUE(open(testing::test_cipher('k'))->import_bundle(sensitive_bundle()));
    auto other = PostgresStore::open(m_db->url(), testing::test_cipher('z'));
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().code, core::ErrorCode::Conflict);
    EXPECT_NE(other.error().message.find(testing::test_cipher('k')->key_id()), std::string::npos);
    EXPECT_NE(other.error().message.find(testing::test_cipher('z')->key_id()), std::string::npos);
}

TEST_F(PostgresFieldsTest, ResealingMovesEveryValueToTheNewKey) {
    const auto old_key = testing::test_cipher('k');
    const auto new_key = testing::test_cipher('z');
    ASSERT_TRUE(open(old_key)->import_bundle(sensitive_bundle()));
    const std::string before = m_db->query(
        "SELECT encode(support_sealed, 'hex') FROM people "
        "WHERE id = 'p1'");
    auto resealed = reseal_database(m_db->url(), *old_key, *new_key);
    ASSERT_TRUE(resealed) << resealed.error().message;
    EXPECT_EQ(m_db->query("SELECT key_id FROM field_encryption"), new_key->key_id());
    EXPECT_NE(m_db->query("SELECT encode(support_sealed, 'hex') FROM people WHERE id = 'p1'"),
              before);
    EXPECT_FALSE(PostgresStore::open(m_db->url(), old_key));
    auto store = open(new_key);
    ASSERT_TRUE(store);
    auto exported = store->export_bundle();
    ASSERT_TRUE(exported) << exported.error().message;
    EXPECT_EQ(sensitive(*exported), "p1=1 p2=0 p3=0 p1>p3 ");
    // Resealing from a key the database is not under changes nothing.
    auto again = reseal_database(m_db->url(), *old_key, *new_key);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, core::ErrorCode::Conflict);
}

TEST_F(PostgresFieldsTest, ASealedValueMovedToAnotherRowDoesNotOpen) {
    auto store = open(testing::test_cipher());
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->import_bundle(sensitive_bundle()));
    // Someone with access to the database, but not the key, gives p2 the flag of p1.
    ASSERT_TRUE(
        m_db->exec("UPDATE people SET support_sealed = (SELECT support_sealed FROM "
                   "people WHERE id = 'p1') WHERE id = 'p2'"));
    auto exported = store->export_bundle();
    ASSERT_FALSE(exported);
    EXPECT_EQ(exported.error().code, core::ErrorCode::Storage);
    EXPECT_NE(exported.error().message.find("people.support_need"), std::string::npos)
        << exported.error().message;
}

}  // namespace
}  // namespace samskab::storage::postgres
