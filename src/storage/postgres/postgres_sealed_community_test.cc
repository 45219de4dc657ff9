// PostgresCommunityStore seals the sensitive fields it writes (postgres_fields.h): the support
// need, the text of logbook notes and who accompanies whom. The server holds no plaintext of
// them, the store reads them back, and a sealed value moved to another row does not open.
#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include "core/bundle.h"
#include "core/clock.h"
#include "core/date.h"
#include "storage/postgres/postgres_fields.h"
#include "storage/postgres/postgres_stores.h"
#include "storage/postgres/postgres_test_database.h"

namespace samskab::storage::postgres {
namespace {

using testing::TestDatabase;

core::Day sealed_test_day(const char* text) {
    return *core::parse_date(text);
}

class PostgresSealedCommunityTest : public ::testing::Test {
protected:
    void SetUp() override {
        SAMSKAB_REQUIRE_TEST_PG();
        m_db = std::make_unique<TestDatabase>(*testing::test_server());
        auto stores = PostgresStores::open(m_db->url(), 2, m_clock, testing::test_cipher());
        ASSERT_TRUE(stores) << stores.error().message;
        m_stores = std::move(*stores);
        // Nothing sensitive comes from the bundle: the tests write it through the store.
        core::Bundle bundle;
        bundle.partnerships.push_back({"vimby", "Vimby", {}});
        bundle.partnerships.push_back({"insp", "INSP!", {}});
        bundle.places.push_back({"cafe", "vimby", "Caféen", 0.2});
        for (const char* id : {"p1", "p2", "p3"}) {
            bundle.people.push_back(
                {id, std::string("Person ") + id, false, std::nullopt, std::nullopt, {}});
        }
        bundle.activities.push_back({"a1", "cafe", "Strikkeklub", core::ActivityKind::Fixed,
                                     std::nullopt, sealed_test_day("2024-01-01")});
        bundle.occurrences.push_back({"o1", "a1", *core::parse_local_time("2024-03-05T17:00:00"),
                                      *core::parse_local_time("2024-03-05T19:00:00")});
        bundle.participations.push_back({"p1", "o1", core::Role::Active});
        bundle.visits.push_back({"p1", "cafe", sealed_test_day("2024-03-01")});
        bundle.visits.push_back({"p2", "cafe", sealed_test_day("2024-03-01")});
        auto imported = m_stores.store->import_bundle(bundle);
        ASSERT_TRUE(imported) << imported.error().message;
    }

    core::CommunityStore& store() { return *m_stores.community; }

    std::string sql(const std::string& text) { return m_db->query(text); }

    std::int64_t key_of_person(const std::string& id) {
        return std::stoll(sql("SELECT pk FROM people WHERE id = '" + id + "'"));
    }

    // Writes a sealed companion link as the stores write one (postgres_fields.h), on a
    // connection of its own: the community store has no call that adds a link.
    void add_link(const std::string& person, const std::string& companion,
                  const std::string& partnership, const std::string& from) {
        const SealedFields fields(testing::test_cipher());
        const std::int64_t p = key_of_person(person);
        const std::int64_t c = key_of_person(companion);
        pqxx::connection connection(m_db->url());
        pqxx::work tx(connection);
        tx.exec_params(
            "INSERT INTO companions (person_key, companion_key, person_sealed, companion_sealed, "
            "partnership, from_date) SELECT $1, $2, $3, $4, pk, $6 FROM partnerships "
            "WHERE id = $5",
            fields.link_key(p), fields.link_key(c), fields.seal_link_person(p),
            fields.seal_link_companion(c), partnership, from);
        tx.commit();
    }

    core::FixedClock m_clock{*core::parse_local_time("2024-03-04T09:00:00")};
    std::unique_ptr<TestDatabase> m_db;
    PostgresStores m_stores;
};

TEST_F(PostgresSealedCommunityTest, TheSupportNeedIsStoredSealedAndReadBack) {
    ASSERT_TRUE(store().set_consent("p1", {true, false}, true, 0, false, 0));
    EXPECT_EQ(sql("SELECT CAST(support_need AS integer) || ' ' || "
                  "CAST(support_sealed IS NOT NULL AS integer) FROM people WHERE id = 'p1'"),
              "0 1");

    EXPECT_EQ((*store().find_person("p1", true))->support_need, std::optional<bool>(true));
    EXPECT_FALSE((*store().find_person("p1", false))->support_need.has_value());
    EXPECT_TRUE((*store().person_data("p1"))->person.support_need);
    auto people = store().people_of("vimby", true);
    ASSERT_TRUE(people) << people.error().message;
    ASSERT_EQ(people->size(), 2u);
    EXPECT_EQ((*people)[0].id, "p1");
    EXPECT_EQ((*people)[0].support_need, std::optional<bool>(true));
    EXPECT_EQ((*people)[1].support_need, std::optional<bool>(false));
    auto page = store().people_page("vimby", true, 0, 1);
    ASSERT_TRUE(page) << page.error().message;
    EXPECT_EQ(page->total, 2u);
    ASSERT_EQ(page->people.size(), 1u);
    EXPECT_EQ(page->people[0].support_need, std::optional<bool>(true));
    auto occurrence = store().find_occurrence("o1", true);
    ASSERT_TRUE(occurrence) << occurrence.error().message;
    ASSERT_EQ((*occurrence)->participants.size(), 1u);
    EXPECT_EQ((*occurrence)->participants[0].person.support_need, std::optional<bool>(true));

    // Consent given without the need: sealed too, as "no".
    ASSERT_TRUE(store().set_consent("p2", {true, false}, false, 0, false, 0));
    EXPECT_EQ(sql("SELECT CAST(support_sealed IS NOT NULL AS integer) FROM people "
                  "WHERE id = 'p2'"),
              "1");
    EXPECT_EQ((*store().find_person("p2", true))->support_need, std::optional<bool>(false));

    // Withdrawing the consent clears the sealed flag in the same update.
    ASSERT_TRUE(store().set_consent("p1", {false, false}, false, 0, false, 0));
    EXPECT_EQ(sql("SELECT CAST(support_need AS integer) || ' ' || "
                  "CAST(support_sealed IS NULL AS integer) FROM people WHERE id = 'p1'"),
              "0 1");
    EXPECT_EQ((*store().find_person("p1", true))->support_need, std::optional<bool>(false));
}

TEST_F(PostgresSealedCommunityTest, ASupportNeedCopiedToAnotherPersonDoesNotOpen) {
    ASSERT_TRUE(store().set_consent("p1", {true, false}, true, 0, false, 0));
    ASSERT_TRUE(store().set_consent("p2", {true, false}, false, 0, false, 0));
    ASSERT_TRUE(
        m_db->exec("UPDATE people SET support_sealed = "
                   "(SELECT support_sealed FROM people WHERE id = 'p1') WHERE id = 'p2'"));

    auto found = store().find_person("p2", true);
    ASSERT_FALSE(found);
    EXPECT_EQ(found.error().code, core::ErrorCode::Storage);
    auto data = store().person_data("p2");
    ASSERT_FALSE(data);
    EXPECT_EQ(data.error().code, core::ErrorCode::Storage);
    auto people = store().people_of("vimby", true);
    ASSERT_FALSE(people);
    EXPECT_EQ(people.error().code, core::ErrorCode::Storage);
    // Without the flag nothing is opened.
    EXPECT_TRUE(store().people_of("vimby", false));
}

TEST_F(PostgresSealedCommunityTest, ALogbookNoteIsStoredSealedAndReadBack) {
    auto author = m_stores.accounts->create_account({"vaert@example.dk", "Vært", "", {}, ""});
    ASSERT_TRUE(author) << author.error().message;
    core::LogbookNote note;
    note.place = "cafe";
    note.day = sealed_test_day("2024-03-04");
    note.author = *author;
    note.text = "Person p1 var ked af det";
    note.written_at = *core::parse_local_time("2024-03-04T20:00:00");
    auto first = store().add_logbook_note(note);
    ASSERT_TRUE(first) << first.error().message;
    note.text = "Kaffen slap op";
    auto second = store().add_logbook_note(note);
    ASSERT_TRUE(second) << second.error().message;

    EXPECT_EQ(sql("SELECT count(*) FROM logbook_notes WHERE text = '' AND text_sealed IS NOT NULL"),
              "2");
    EXPECT_EQ(sql("SELECT count(*) FROM logbook_notes "
                  "WHERE position(convert_to('ked af det', 'UTF8') IN text_sealed) > 0"),
              "0");
    auto notes = store().logbook_notes("cafe", note.day, note.day);
    ASSERT_TRUE(notes) << notes.error().message;
    ASSERT_EQ(notes->size(), 2u);
    EXPECT_EQ((*notes)[0].id, *second);
    EXPECT_EQ((*notes)[0].text, "Kaffen slap op");
    EXPECT_EQ((*notes)[1].text, "Person p1 var ked af det");
    EXPECT_EQ((*notes)[1].author_name, "Vært");

    // The first note's sealed text moved onto the second note does not open there.
    ASSERT_TRUE(
        m_db->exec("UPDATE logbook_notes SET text_sealed = (SELECT text_sealed FROM "
                   "logbook_notes WHERE pk = " +
                   std::to_string(*first) + ") WHERE pk = " + std::to_string(*second)));
    auto moved = store().logbook_notes("cafe", note.day, note.day);
    ASSERT_FALSE(moved);
    EXPECT_EQ(moved.error().code, core::ErrorCode::Storage);
}

TEST_F(PostgresSealedCommunityTest, SealedCompanionLinksAreFoundThroughTheirBlindIndexes) {
    // p2 is accompanied by p3 in INSP!, where neither has any other trace.
    add_link("p2", "p3", "insp", "2024-01-01");
    EXPECT_EQ(sql("SELECT count(*) FROM companions WHERE person IS NULL AND companion IS NULL "
                  "AND person_sealed IS NOT NULL AND companion_sealed IS NOT NULL"),
              "1");

    auto bo = store().person_data("p2");
    ASSERT_TRUE(bo) << bo.error().message;
    ASSERT_TRUE(*bo);
    ASSERT_EQ((*bo)->companions.size(), 1u);
    EXPECT_EQ((*bo)->companions[0].person, "p2");
    EXPECT_EQ((*bo)->companions[0].companion, "p3");
    EXPECT_EQ((*bo)->companions[0].partnership, "insp");
    EXPECT_EQ((*bo)->companions[0].from, sealed_test_day("2024-01-01"));
    EXPECT_FALSE((*bo)->companions[0].to);
    EXPECT_EQ((*bo)->partnerships, (std::vector<std::string>{"insp", "vimby"}));
    auto carl = store().person_data("p3");
    ASSERT_TRUE(carl) << carl.error().message;
    ASSERT_EQ((*carl)->accompanying.size(), 1u);
    EXPECT_EQ((*carl)->accompanying[0].person, "p2");
    EXPECT_EQ(*store().partnerships_of("p3"), (std::vector<std::string>{"insp"}));

    auto insp = store().people_of("insp", false);
    ASSERT_TRUE(insp) << insp.error().message;
    ASSERT_EQ(insp->size(), 2u);
    EXPECT_EQ((*insp)[0].id, "p2");
    EXPECT_EQ((*insp)[1].id, "p3");
    EXPECT_EQ(store().people_page("insp", false, 0, 10)->total, 2u);
    EXPECT_EQ(store().search_people("insp", "p3", 10)->size(), 1u);

    auto accompanied = store().accompanied_by("p3", sealed_test_day("2024-03-04"));
    ASSERT_TRUE(accompanied) << accompanied.error().message;
    ASSERT_EQ(accompanied->size(), 1u);
    EXPECT_EQ((*accompanied)[0].person.id, "p2");
    EXPECT_EQ((*accompanied)[0].partnership, "insp");
    EXPECT_TRUE(store().accompanied_by("p3", sealed_test_day("2023-12-31"))->empty());

    auto erased = store().erase_person("p3");
    ASSERT_TRUE(erased) << erased.error().message;
    EXPECT_EQ(erased->companion_links, 1);
    EXPECT_EQ(sql("SELECT count(*) FROM companions"), "0");
    EXPECT_TRUE((*store().person_data("p2"))->companions.empty());
}

TEST_F(PostgresSealedCommunityTest, ACompanionLinkMovedToAnotherPersonDoesNotOpen) {
    add_link("p1", "p3", "vimby", "2024-01-01");
    add_link("p2", "p3", "vimby", "2024-02-01");
    const SealedFields fields(testing::test_cipher());
    pqxx::connection connection(m_db->url());
    pqxx::work tx(connection);
    tx.exec_params(
        "UPDATE companions SET person_sealed = (SELECT person_sealed FROM companions "
        "WHERE person_key = $1) WHERE person_key = $2",
        fields.link_key(key_of_person("p1")), fields.link_key(key_of_person("p2")));
    tx.commit();

    auto carl = store().person_data("p3");
    ASSERT_FALSE(carl);
    EXPECT_EQ(carl.error().code, core::ErrorCode::Storage);
    auto accompanied = store().accompanied_by("p3", sealed_test_day("2024-03-04"));
    ASSERT_FALSE(accompanied);
    EXPECT_EQ(accompanied.error().code, core::ErrorCode::Storage);
    // p1's own link still opens.
    auto aase = store().person_data("p1");
    ASSERT_TRUE(aase) << aase.error().message;
    ASSERT_EQ((*aase)->companions.size(), 1u);
    EXPECT_EQ((*aase)->companions[0].companion, "p3");
}

}  // namespace
}  // namespace samskab::storage::postgres
