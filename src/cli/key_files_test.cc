#include "cli/key_files.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include <sys/stat.h>

#include <gtest/gtest.h>

#include "core/date.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/sqlite/sqlite_stores.h"

namespace samskab::cli {
namespace {

namespace fs = std::filesystem;
using core::ErrorCode;
using core::Lang;

// A partnership, a person with a support need and her companion.
core::Bundle small_bundle() {
    core::Bundle b;
    b.partnerships.push_back({"vimby", "Vimby", {}});
    b.people.push_back({"p1", "Åse", true, std::nullopt, std::nullopt, {true, false}});
    b.people.push_back({"p2", "Guide", false, std::nullopt, std::nullopt, {}});
    b.companions.push_back({"p1", "p2", "vimby", *core::parse_date("2024-01-01"), std::nullopt});
    return b;
}

class KeyFilesTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() /
                ("samskab-keyfiles-" + std::to_string(std::random_device{}()));
        fs::create_directories(m_dir);
        m_db = (m_dir / "s.db").string();
        m_key = key_file_path("", m_db);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    // The key's id and the stored data as read with the key of the key file (after open_key's
    // recovery), or the error.
    std::string open_and_read() {
        auto key = open_key(m_db, m_key, false, Lang::En);
        if (!key) {
            return "error: " + key.error().message;
        }
        auto store = storage::sqlite::SqliteStore::open(m_db, key->cipher);
        if (!store) {
            return "error: " + store.error().message;
        }
        auto bundle = (*store)->export_bundle();
        if (!bundle || bundle->people.size() != 2 || bundle->companions.size() != 1) {
            return "error: export";
        }
        return key->cipher->key_id() + " " + std::to_string(bundle->people[0].support_need) + " " +
               bundle->companions[0].companion;
    }

    void fill() {
        auto key = open_key(m_db, m_key, true, Lang::En);
        ASSERT_TRUE(key) << key.error().message;
        auto store = storage::sqlite::SqliteStore::open(m_db, key->cipher);
        ASSERT_TRUE(store) << store.error().message;
        ASSERT_TRUE((*store)->import_bundle(small_bundle()));
        m_old_id = key->cipher->key_id();
    }

    fs::path m_dir;
    std::string m_db;
    std::string m_key;
    std::string m_old_id;
};

TEST_F(KeyFilesTest, TheKeyFileSitsBesideTheDatabaseUnlessNamed) {
    ::unsetenv("SAMSKAB_KEY_FILE");
    EXPECT_EQ(key_file_path("", "/data/s.db"), "/data/s.db.key");
    ::setenv("SAMSKAB_KEY_FILE", "/keys/env.key", 1);
    EXPECT_EQ(key_file_path("", "/data/s.db"), "/keys/env.key");
    EXPECT_EQ(key_file_path("/keys/option.key", "/data/s.db"), "/keys/option.key");
    ::unsetenv("SAMSKAB_KEY_FILE");
}

TEST_F(KeyFilesTest, ANewDatabaseGetsANewOwnerOnlyKey) {
    auto key = open_key(m_db, m_key, false, Lang::En);
    ASSERT_TRUE(key) << key.error().message;
    EXPECT_TRUE(key->created);
    struct stat facts {};
    ASSERT_EQ(::stat(m_key.c_str(), &facts), 0);
    EXPECT_EQ(facts.st_mode & 0777, 0600u);
    auto again = open_key(m_db, m_key, false, Lang::En);
    ASSERT_TRUE(again);
    EXPECT_FALSE(again->created);
    EXPECT_EQ(again->cipher->key_id(), key->cipher->key_id());
}

TEST_F(KeyFilesTest, AnExistingDatabaseWithoutItsKeyFileIsRefusedByName) {
    fill();
    fs::remove(m_key);
    auto key = open_key(m_db, m_key, false, Lang::En);
    ASSERT_FALSE(key);
    EXPECT_EQ(key.error().code, ErrorCode::NotFound);
    EXPECT_NE(key.error().message.find(m_key), std::string::npos);
    EXPECT_NE(key.error().message.find(m_db), std::string::npos);
    // A new key (samskab init) is not the database's key.
    auto other = open_key(m_db, m_key, true, Lang::Da);
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().code, ErrorCode::Conflict);
    EXPECT_NE(other.error().message.find(m_old_id), std::string::npos);
}

TEST_F(KeyFilesTest, RotationChangesTheKeyAndKeepsTheData) {
    fill();
    const std::string before = open_and_read();
    ASSERT_EQ(before, m_old_id + " 1 p2");
    auto id = rotate_key(m_db, m_key, Lang::En);
    ASSERT_TRUE(id) << id.error().message;
    EXPECT_NE(*id, m_old_id);
    EXPECT_EQ(open_and_read(), *id + " 1 p2");
    EXPECT_FALSE(fs::exists(pending_key_path(m_key)));
    struct stat facts {};
    ASSERT_EQ(::stat(m_key.c_str(), &facts), 0);
    EXPECT_EQ(facts.st_mode & 0777, 0600u);
}

TEST_F(KeyFilesTest, ACrashAfterTheNewKeyIsWrittenLeavesTheOldKeyInUse) {
    fill();
    auto next = begin_rotation(m_key, Lang::En);
    ASSERT_TRUE(next);
    EXPECT_EQ(open_and_read(), m_old_id + " 1 p2");
    // The next rotation replaces the abandoned key file.
    auto id = rotate_key(m_db, m_key, Lang::En);
    ASSERT_TRUE(id) << id.error().message;
    EXPECT_NE(*id, (*next)->key_id());
    EXPECT_EQ(open_and_read(), *id + " 1 p2");
}

TEST_F(KeyFilesTest, ACrashAfterResealingIsFinishedByTheNextOpen) {
    fill();
    auto old = open_key(m_db, m_key, false, Lang::En);
    ASSERT_TRUE(old);
    auto next = begin_rotation(m_key, Lang::En);
    ASSERT_TRUE(next);
    ASSERT_TRUE(reseal_database(m_db, old->cipher, *next));
    // The key file still holds the old key; the database is under the new one.
    EXPECT_EQ(open_and_read(), (*next)->key_id() + " 1 p2");
    EXPECT_FALSE(fs::exists(pending_key_path(m_key)));
    EXPECT_EQ(open_and_read(), (*next)->key_id() + " 1 p2");
}

// The free text of the self-evaluation (here an interview note) moves to the new key with the
// rest, also when the rotation stops after re-sealing.
TEST_F(KeyFilesTest, RotationCarriesTheInterviewNotes) {
    fill();
    core::FixedClock clock{*core::parse_local_time("2024-03-04T09:00:00")};
    std::int64_t interview = 0;
    {
        auto key = open_key(m_db, m_key, false, Lang::En);
        ASSERT_TRUE(key);
        auto stores = storage::sqlite::SqliteStores::open(m_db, 1, clock, key->cipher);
        ASSERT_TRUE(stores) << stores.error().message;
        auto account = stores->accounts->create_account({"k@vimby.dk", "K", "", {}, ""});
        auto guide = stores->interviews->create_guide("vimby", "Interview");
        ASSERT_TRUE(account && guide);
        auto question = stores->interviews->add_question(*guide, "Hvordan?");
        ASSERT_TRUE(question);
        core::Interview held;
        held.guide = *guide;
        held.date = *core::parse_date("2024-03-01");
        held.interviewer = *account;
        held.interviewee = "Åse";
        auto created = stores->interviews->create_interview(held);
        ASSERT_TRUE(created) << created.error().message;
        interview = *created;
        ASSERT_TRUE(stores->interviews->save_note(interview, *question, "Åse er ensom"));
    }
    auto old = open_key(m_db, m_key, false, Lang::En);
    ASSERT_TRUE(old);
    auto next = begin_rotation(m_key, Lang::En);
    ASSERT_TRUE(next);
    ASSERT_TRUE(reseal_database(m_db, old->cipher, *next));
    auto key = open_key(m_db, m_key, false, Lang::En);
    ASSERT_TRUE(key) << key.error().message;
    EXPECT_EQ(key->cipher->key_id(), (*next)->key_id());
    auto stores = storage::sqlite::SqliteStores::open(m_db, 1, clock, key->cipher);
    ASSERT_TRUE(stores) << stores.error().message;
    auto record = stores->interviews->find_interview(interview);
    ASSERT_TRUE(record && *record);
    EXPECT_EQ((*record)->interview.interviewee, "Åse");
    ASSERT_EQ((*record)->notes.size(), 1U);
    EXPECT_EQ((*record)->notes[0].text, "Åse er ensom");
}

TEST_F(KeyFilesTest, ACrashAfterTheRenameNeedsNothing) {
    fill();
    auto old = open_key(m_db, m_key, false, Lang::En);
    ASSERT_TRUE(old);
    auto next = begin_rotation(m_key, Lang::En);
    ASSERT_TRUE(next);
    ASSERT_TRUE(reseal_database(m_db, old->cipher, *next));
    ASSERT_TRUE(finish_rotation(m_key, Lang::En));
    EXPECT_EQ(open_and_read(), (*next)->key_id() + " 1 p2");
}

}  // namespace
}  // namespace samskab::cli
