// Encryption at rest in the SQLite store: what is stored, what is read back, and the refusals.
#include "storage/sqlite/sqlite_fields.h"

#include <fstream>
#include <iterator>

#include "security/sodium_field_cipher.h"
#include "storage/sqlite/sqlite_backup.h"
#include "storage/sqlite/sqlite_community_test.h"

namespace samskab::storage::sqlite::testing {
namespace {

using core::ErrorCode;

std::shared_ptr<const core::FieldCipher> cipher_of(char fill) {
    auto cipher = security::SodiumFieldCipher::from_key(
        std::string(security::SodiumFieldCipher::KEY_BYTES, fill), core::Lang::En);
    EXPECT_TRUE(cipher);
    return std::shared_ptr<const core::FieldCipher>(std::move(*cipher));
}

const char* const NOTE = "Talte med Åse om hendes angst og nyt job";

std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Everything the stores read that the sealed fields feed, as one comparable text.
std::string readings(SqliteStores& stores) {
    std::string out;
    auto data = stores.community->person_data("p2");
    EXPECT_TRUE(data && *data);
    for (const auto& link : (*data)->companions) {
        out += "companion " + link.person + ">" + link.companion + " " + link.partnership + ";";
    }
    auto guide = stores.community->person_data("p5");
    for (const auto& link : (*guide)->accompanying) {
        out += "accompanying " + link.person + ">" + link.companion + ";";
    }
    auto accompanied = stores.community->accompanied_by("p5", day("2024-03-04"));
    EXPECT_TRUE(accompanied) << accompanied.error().message;
    for (const auto& view : *accompanied) {
        out += "accompanied " + view.person.id + ";";
    }
    auto people = stores.community->people_of("vimby", true);
    EXPECT_TRUE(people) << people.error().message;
    for (const auto& person : *people) {
        out += person.id + "=" + std::to_string(person.support_need.value_or(false)) + ";";
    }
    auto notes = stores.community->logbook_notes("cafe", day("2024-03-01"), day("2024-03-31"));
    EXPECT_TRUE(notes) << notes.error().message;
    for (const auto& note : *notes) {
        out += "note " + note.text + ";";
    }
    auto dataset = stores.store->load_dataset();
    EXPECT_TRUE(dataset) << dataset.error().message;
    for (const auto& person : dataset->people) {
        out += "d:" + person.id + "=" + std::to_string(person.support_need) + ";";
    }
    out += "d:companions=" + std::to_string(dataset->companions.size()) + ";";
    auto bundle = stores.store->export_bundle();
    EXPECT_TRUE(bundle);
    for (const auto& person : bundle->people) {
        out += "b:" + person.id + "=" + std::to_string(person.support_need) + ";";
    }
    for (const auto& link : bundle->companions) {
        out += "b:" + link.person + ">" + link.companion + ";";
    }
    return out;
}

class FieldEncryptionTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = std::filesystem::temp_directory_path() /
                ("samskab-fields-" + std::to_string(std::random_device{}()));
        std::filesystem::create_directories(m_dir);
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }

    std::string path(const std::string& name) const { return (m_dir / name).string(); }

    // The community bundle and a logbook note, stored in `file` under `cipher`.
    SqliteStores fill(const std::string& file, std::shared_ptr<const core::FieldCipher> cipher) {
        auto stores = SqliteStores::open(file, 2, m_clock, std::move(cipher));
        EXPECT_TRUE(stores) << stores.error().message;
        EXPECT_TRUE(stores->store->import_bundle(community_bundle()));
        auto author = stores->accounts->create_account({"k@vimby.dk", "K", "", {}, ""});
        EXPECT_TRUE(author);
        EXPECT_TRUE(stores->community->add_logbook_note(
            {0, "cafe", day("2024-03-02"), *author, "", NOTE, at("2024-03-02T12:00:00")}));
        return std::move(*stores);
    }

    // A stored value as SQLite holds it, read without the key.
    std::string raw(const std::string& file, const std::string& sql) {
        auto db = Database::open(file);
        EXPECT_TRUE(db);
        Statement query = (*db)->prepare(sql);
        auto row = query.step();
        EXPECT_TRUE(row && *row) << sql;
        return row && *row ? std::string(query.column_text(0)) : std::string("<none>");
    }

    std::filesystem::path m_dir;
    core::FixedClock m_clock{at("2024-03-04T09:00:00")};
};

TEST_F(FieldEncryptionTest, SealedFieldsReadAsTheirPlaintextDoes) {
    SqliteStores plain = fill(path("plain.db"), nullptr);
    SqliteStores sealed = fill(path("sealed.db"), cipher_of('k'));
    const std::string expected = readings(plain);
    EXPECT_NE(expected.find("p1=1"), std::string::npos) << expected;
    EXPECT_NE(expected.find("companion p2>p5 vimby"), std::string::npos) << expected;
    EXPECT_NE(expected.find(NOTE), std::string::npos) << expected;
    EXPECT_EQ(readings(sealed), expected);
}

TEST_F(FieldEncryptionTest, TheDatabaseHoldsNoneOfTheSensitivePlaintext) {
    const std::string file = path("sealed.db");
    { SqliteStores stores = fill(file, cipher_of('k')); }
    EXPECT_EQ(raw(file, "SELECT group_concat(support_need) FROM people"), "0,0,0,0,0,0");
    // Only Åse gave consent to the flag: only she has a sealed value (of 1 byte, 46 stored).
    EXPECT_EQ(raw(file, "SELECT group_concat(id) FROM people WHERE support_sealed IS NOT NULL"),
              "p1");
    EXPECT_EQ(raw(file, "SELECT length(support_sealed) FROM people WHERE id = 'p1'"), "46");
    EXPECT_EQ(raw(file, "SELECT text FROM logbook_notes"), "");
    EXPECT_EQ(file_bytes(file).find("hendes angst"), std::string::npos);
    // Bo (key 2) is accompanied by Carl (key 5): neither key is readable from the link.
    EXPECT_EQ(raw(file,
                  "SELECT count(*) FROM companions WHERE person IN (X'32', 2, '2') OR "
                  "companion IN (X'35', 5, '5') OR person_key IN (X'32', X'35') OR "
                  "companion_key IN (X'32', X'35')"),
              "0");
    EXPECT_EQ(raw(file, "SELECT key_id FROM field_encryption"), cipher_of('k')->key_id());
}

TEST_F(FieldEncryptionTest, AnUnencryptedDatabaseIsSealedOnItsFirstOpenWithAKey) {
    const std::string file = path("db.db");
    std::string expected;
    {
        SqliteStores plain = fill(file, nullptr);
        expected = readings(plain);
    }
    EXPECT_EQ(raw(file, "SELECT support_need FROM people WHERE id = 'p1'"), "1");
    EXPECT_EQ(raw(file, "SELECT text FROM logbook_notes"), NOTE);
    auto sealed = SqliteStores::open(file, 2, m_clock, cipher_of('k'));
    ASSERT_TRUE(sealed) << sealed.error().message;
    EXPECT_EQ(readings(*sealed), expected);
    EXPECT_EQ(raw(file, "SELECT support_need FROM people WHERE id = 'p1'"), "0");
    EXPECT_EQ(raw(file, "SELECT text FROM logbook_notes"), "");
}

TEST_F(FieldEncryptionTest, AnEncryptedDatabaseNeedsItsOwnKey) {
    const std::string file = path("db.db");
    { SqliteStores stores = fill(file, cipher_of('k')); }
    auto without = SqliteStore::open(file);
    ASSERT_FALSE(without);
    EXPECT_EQ(without.error().code, ErrorCode::Conflict);
    EXPECT_NE(without.error().message.find(cipher_of('k')->key_id()), std::string::npos);
    auto wrong = ConnectionPool::open(file, 1, cipher_of('w'));
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error().code, ErrorCode::Conflict);
    EXPECT_NE(wrong.error().message.find(cipher_of('w')->key_id()), std::string::npos);
    EXPECT_TRUE(SqliteStore::open(file, cipher_of('k')));
}

TEST_F(FieldEncryptionTest, AValueCopiedIntoAnotherRowDoesNotOpen) {
    const std::string file = path("db.db");
    SqliteStores stores = fill(file, cipher_of('k'));
    {
        auto db = Database::open(file);
        ASSERT_TRUE(db);
        // Give Bo Åse's sealed flag (with consent, so the schema allows it).
        ASSERT_TRUE(
            (*db)->exec("UPDATE people SET consent_support_need = 1, support_sealed = "
                        "(SELECT support_sealed FROM people WHERE id = 'p1') WHERE id = 'p2'"));
    }
    auto bo = stores.community->find_person("p2", true);
    ASSERT_FALSE(bo);
    EXPECT_EQ(bo.error().code, ErrorCode::Storage);
    EXPECT_NE(bo.error().message.find("people.support_need:p2"), std::string::npos);
    EXPECT_TRUE(stores.community->find_person("p2", false));
}

TEST_F(FieldEncryptionTest, AFlagNeedsConsentAlsoWhenSealed) {
    const std::string file = path("db.db");
    SqliteStores stores = fill(file, cipher_of('k'));
    auto db = Database::open(file);
    ASSERT_TRUE(db);
    EXPECT_FALSE((*db)->exec("UPDATE people SET support_sealed = X'00' WHERE id = 'p2'"));
    auto by = stores.accounts->create_account({"c@vimby.dk", "C", "", {}, ""});
    ASSERT_TRUE(by);
    auto changed = stores.community->set_consent("p1", {false, true, false, true}, false, *by,
                                                 false, at("2024-03-04T10:00:00"));
    ASSERT_TRUE(changed) << changed.error().message;
    EXPECT_EQ(raw(file, "SELECT count(*) FROM people WHERE support_sealed IS NOT NULL"), "0");
    auto aase = stores.community->find_person("p1", true);
    ASSERT_TRUE(aase && *aase);
    EXPECT_FALSE(*(*aase)->support_need);
}

TEST_F(FieldEncryptionTest, ResealingMovesEverythingToTheNewKey) {
    const std::string file = path("db.db");
    std::string expected;
    std::string before;
    {
        SqliteStores stores = fill(file, cipher_of('k'));
        expected = readings(stores);
        before = raw(file, "SELECT hex(person_key) FROM companions");
    }
    {
        auto db = Database::open(file);
        ASSERT_TRUE(db);
        ASSERT_TRUE(reseal_fields(**db, cipher_of('k'), cipher_of('n')));
        // Not again from the old key: the database is no longer under it.
        EXPECT_FALSE(reseal_fields(**db, cipher_of('k'), cipher_of('x')));
    }
    EXPECT_NE(raw(file, "SELECT hex(person_key) FROM companions"), before);
    EXPECT_FALSE(SqliteStore::open(file, cipher_of('k')));
    auto rotated = SqliteStores::open(file, 2, m_clock, cipher_of('n'));
    ASSERT_TRUE(rotated) << rotated.error().message;
    EXPECT_EQ(readings(*rotated), expected);
}

TEST_F(FieldEncryptionTest, ErasureAndAnonymisationFindNamesInSealedNotes) {
    const std::string file = path("db.db");
    SqliteStores stores = fill(file, cipher_of('k'));
    ASSERT_TRUE(stores.community->add_logbook_note(
        {0, "cafe", day("2024-03-02"), 1, "", "Bo og Carl kom sammen", at("2024-03-02T13:00:00")}));
    auto renamed = stores.community->anonymise({"p2"}, at("2024-03-04T10:00:00"));
    ASSERT_TRUE(renamed) << renamed.error().message;
    auto erased = stores.community->erase_person("p1");
    ASSERT_TRUE(erased) << erased.error().message;
    EXPECT_EQ(erased->logbook_notes, 1);
    auto notes = stores.community->logbook_notes("cafe", day("2024-03-01"), day("2024-03-31"));
    ASSERT_TRUE(notes) << notes.error().message;
    ASSERT_EQ(notes->size(), 1u);
    EXPECT_EQ((*notes)[0].text, "[anonym] og Carl kom sammen");
    EXPECT_EQ(raw(file, "SELECT text FROM logbook_notes"), "");
    EXPECT_TRUE(stores.store->load_dataset());
}

TEST_F(FieldEncryptionTest, ABackupStaysSealedAndRestoresWithTheKey) {
    const std::string file = path("live.db");
    { SqliteStores stores = fill(file, cipher_of('k')); }
    const std::string copy = path("copy.db");
    ASSERT_TRUE(backup_database(file, copy, core::Lang::En));
    const std::string bytes = file_bytes(copy);
    ASSERT_FALSE(bytes.empty());
    EXPECT_EQ(bytes.find("hendes angst"), std::string::npos);
    EXPECT_EQ(raw(copy,
                  "SELECT count(*) FROM companions WHERE person IN (X'32', 2, '2') OR "
                  "companion IN (X'35', 5, '5')"),
              "0");
    const std::string target = path("restored.db");
    { ASSERT_TRUE(SqliteStore::open(target, cipher_of('k'))); }
    ASSERT_TRUE(check_database(copy, core::Lang::En)->key_id == cipher_of('k')->key_id());
    // Under another key, or none, the restored database would not open: refused, untouched.
    const std::int64_t size_before = file_bytes(target).size();
    auto other = restore_database(copy, target, cipher_of('x')->key_id(), core::Lang::En);
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().code, core::ErrorCode::Conflict);
    EXPECT_EQ(other.error().field, "FILE");
    EXPECT_EQ(other.error().message, copy + ": is sealed under key " + cipher_of('k')->key_id() +
                                         ", but the database is opened with key " +
                                         cipher_of('x')->key_id() +
                                         "; give the backup's key file with --key-file");
    EXPECT_FALSE(restore_database(copy, target, std::nullopt, core::Lang::En));
    EXPECT_EQ(static_cast<std::int64_t>(file_bytes(target).size()), size_before);
    ASSERT_TRUE(restore_database(copy, target, cipher_of('k')->key_id(), core::Lang::En));
    EXPECT_FALSE(SqliteStore::open(target));
    auto restored = SqliteStores::open(target, 2, m_clock, cipher_of('k'));
    ASSERT_TRUE(restored) << restored.error().message;
    EXPECT_NE(readings(*restored).find(NOTE), std::string::npos);
    auto data = restored->community->person_data("p2");
    ASSERT_TRUE(data && *data);
    ASSERT_EQ((*data)->companions.size(), 1u);
    EXPECT_EQ((*data)->companions[0].companion, "p5");
}

}  // namespace
}  // namespace samskab::storage::sqlite::testing
