#include "storage/sqlite/sqlite_backup.h"

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include <gtest/gtest.h>

#include "storage/sqlite/sqlite_database.h"
#include "storage/sqlite/sqlite_migrations.h"
#include "storage/sqlite/sqlite_pool.h"

namespace samskab::storage::sqlite {
namespace {

namespace fs = std::filesystem;
using core::ErrorCode;
using core::Lang;

// A real database file in a fresh folder, with samskab's schema and `count` partnerships
// (partnerships are the simplest records: an id and a name).
class BackupTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("samskab-backup-" + std::to_string(getpid()) + "-" +
                                             std::to_string(std::random_device()()));
        fs::create_directories(m_dir);
        m_db = path("live.db");
    }
    void TearDown() override { fs::remove_all(m_dir); }

    std::string path(const std::string& name) const { return (m_dir / name).string(); }

    static std::unique_ptr<Database> open(const std::string& file, int up_to = latest_version()) {
        auto db = Database::open(file);
        EXPECT_TRUE(db) << db.error().message;
        EXPECT_TRUE(migrate(**db, up_to));
        return std::move(*db);
    }

    static void add_partnerships(Database& db, int from, int count) {
        ASSERT_TRUE(db.exec("BEGIN"));
        Statement insert = db.prepare("INSERT INTO partnerships (id, name) VALUES (?, ?)");
        for (int i = from; i < from + count; ++i) {
            insert.bind(1, "ps-" + std::to_string(i)).bind(2, std::string(200, 'x'));
            ASSERT_TRUE(insert.run());
        }
        ASSERT_TRUE(db.exec("COMMIT"));
    }

    static std::int64_t count(const std::string& file, const char* sql) {
        auto db = Database::open(file);
        EXPECT_TRUE(db);
        Statement query = (*db)->prepare(sql);
        EXPECT_TRUE(query.step());
        return query.column_int(0);
    }

    // The names in the folder, for checking that no temporary file was left behind.
    std::vector<std::string> listing() const {
        std::vector<std::string> names;
        for (const auto& entry : fs::directory_iterator(m_dir)) {
            names.push_back(entry.path().filename().string());
        }
        std::sort(names.begin(), names.end());
        return names;
    }

    fs::path m_dir;
    std::string m_db;
};

TEST_F(BackupTest, BackupIsACompleteCheckedSingleFile) {
    {
        auto db = open(m_db);
        add_partnerships(*db, 0, 500);
        auto facts = backup_database(m_db, path("copy.db"), Lang::En);
        ASSERT_TRUE(facts) << facts.error().message;
        EXPECT_EQ(facts->schema_version, latest_version());
        EXPECT_GT(facts->bytes, 500 * 200);
    }
    // One file, no journal or WAL beside it, and no temporary file left.
    EXPECT_EQ(listing(), (std::vector<std::string>{"copy.db", "live.db"}));
    EXPECT_EQ(count(path("copy.db"), "SELECT count(*) FROM partnerships"), 500);
    auto checked = check_database(path("copy.db"), Lang::En);
    ASSERT_TRUE(checked) << checked.error().message;
    EXPECT_EQ(checked->schema_version, latest_version());
}

TEST_F(BackupTest, BackupWhileAnotherConnectionWritesIsOneSnapshotAndFinishes) {
    auto db = open(m_db);
    add_partnerships(*db, 0, 20000);  // 5 MB: more pages than one backup step copies
    std::atomic<bool> stop{false};
    std::atomic<int> committed{0};
    std::thread writer([&] {
        auto own = Database::open(m_db);
        ASSERT_TRUE(own);
        for (int i = 0; !stop; ++i) {
            add_partnerships(**own, 100000 + i * 10, 10);
            committed += 10;
        }
    });
    while (committed < 50) {
        std::this_thread::yield();
    }
    const int before = committed;
    auto facts = backup_database(m_db, path("copy.db"), Lang::En);
    const int after = committed;
    stop = true;
    writer.join();
    ASSERT_TRUE(facts) << facts.error().message;
    EXPECT_GT(after, before) << "the writer was held up during the whole backup";
    // Whole transactions only: a multiple of the writer's batch of ten.
    const std::int64_t copied = count(path("copy.db"), "SELECT count(*) FROM partnerships") - 20000;
    EXPECT_GE(copied, before);
    EXPECT_LE(copied, after);
    EXPECT_EQ(copied % 10, 0);
    EXPECT_TRUE(check_database(path("copy.db"), Lang::En));
}

TEST_F(BackupTest, AFailedBackupLeavesTheTargetAsItWas) {
    { std::ofstream(path("copy.db")) << "the previous backup"; }
    { std::ofstream(path("notes.txt")) << "not a database at all, just some text\n"; }
    auto refused = backup_database(path("notes.txt"), path("copy.db"), Lang::En);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::Invalid);
    EXPECT_NE(refused.error().message.find("notes.txt: is not a samskab database"),
              std::string::npos)
        << refused.error().message;
    std::ifstream kept(path("copy.db"));
    std::string text;
    std::getline(kept, text);
    EXPECT_EQ(text, "the previous backup");
    EXPECT_EQ(listing(), (std::vector<std::string>{"copy.db", "notes.txt"}));

    auto missing = backup_database(path("nothing.db"), path("copy.db"), Lang::En);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::Storage);
    EXPECT_FALSE(fs::exists(path("nothing.db"))) << "a backup must not create its source";
}

TEST_F(BackupTest, TheDatabaseItselfIsNoTarget) {
    open(m_db);
    auto refused = backup_database(m_db, m_db, Lang::Da);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::Usage);
    EXPECT_EQ(refused.error().message, "FILE: er selve databasen; vælg en anden fil");
    auto restore = restore_database(m_db, m_db, std::nullopt, Lang::En);
    ASSERT_FALSE(restore);
    EXPECT_EQ(restore.error().message, "FILE: is the database itself; choose another file");
}

TEST_F(BackupTest, ATargetThatIsNoRegularFileIsRefusedAndKept) {
    open(m_db);
    ASSERT_EQ(mkfifo(path("pipe").c_str(), 0600), 0);
    auto refused = backup_database(m_db, path("pipe"), Lang::En);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::Usage);
    EXPECT_EQ(refused.error().field, "FILE");
    EXPECT_NE(refused.error().message.find("not a regular file"), std::string::npos);
    EXPECT_TRUE(fs::is_fifo(path("pipe")));
}

TEST_F(BackupTest, CheckFindsDamageAndNewerSchemas) {
    {
        auto db = open(m_db);
        add_partnerships(*db, 0, 2000);
        ASSERT_TRUE(db->exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    ASSERT_TRUE(backup_database(m_db, path("damaged.db"), Lang::En));
    {
        // Overwrite the middle of the last page, a leaf of the partnerships table.
        std::fstream file(path("damaged.db"), std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(static_cast<std::streamoff>(fs::file_size(path("damaged.db")) - 2000));
        const std::string garbage(200, '\x7f');
        file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
    }
    auto damaged = check_database(path("damaged.db"), Lang::En);
    ASSERT_FALSE(damaged);
    EXPECT_EQ(damaged.error().code, ErrorCode::Invalid);
    EXPECT_NE(
        damaged.error().message.find("damaged.db: the database is damaged (integrity_check: "),
        std::string::npos)
        << damaged.error().message;

    {
        auto db = open(m_db);
        ASSERT_TRUE(db->exec("INSERT INTO schema_migrations VALUES (999, 'future', 'x')"));
    }
    auto newer = check_database(m_db, Lang::Da);
    ASSERT_FALSE(newer);
    EXPECT_EQ(newer.error().code, ErrorCode::Conflict);
    EXPECT_NE(newer.error().message.find("har skemaversion 999, nyere end denne samskab"),
              std::string::npos)
        << newer.error().message;
    auto not_restored = restore_database(m_db, path("other.db"), std::nullopt, Lang::En);
    ASSERT_FALSE(not_restored);
    EXPECT_EQ(not_restored.error().code, ErrorCode::Conflict);
}

TEST_F(BackupTest, RestoreReplacesTheContentsUnderAnOpenPool) {
    {
        auto db = open(m_db);
        add_partnerships(*db, 0, 100);
    }
    ASSERT_TRUE(backup_database(m_db, path("copy.db"), Lang::En));
    // A server's pool stays open on the live database the whole time.
    auto pool = ConnectionPool::open(m_db, 2);
    ASSERT_TRUE(pool) << pool.error().message;
    const auto partnerships = [&] {
        return (*pool)->read([](Connection& c) -> core::Result<std::int64_t> {
            Query query(c, "SELECT count(*) FROM partnerships");
            SAMSKAB_TRY(query.step());
            return query.integer(0);
        });
    };
    auto added = (*pool)->write([](Connection& c) -> core::Result<void> {
        Query insert(c, "INSERT INTO partnerships (id, name) VALUES ('after-backup', 'x')");
        return insert.run();
    });
    ASSERT_TRUE(added);
    ASSERT_EQ(*partnerships(), 101);
    const auto generation = (*pool)->generation();

    auto restored = restore_database(path("copy.db"), m_db, std::nullopt, Lang::En);
    ASSERT_TRUE(restored) << restored.error().message;
    EXPECT_EQ(restored->schema_version, latest_version());
    EXPECT_EQ(*partnerships(), 100) << "the pool still reads the old contents";
    EXPECT_GT((*pool)->generation(), generation) << "caches would keep the old contents";
    // And the pool goes on writing into the restored database.
    auto again = (*pool)->write([](Connection& c) -> core::Result<void> {
        Query insert(c, "INSERT INTO partnerships (id, name) VALUES ('after-restore', 'x')");
        return insert.run();
    });
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(*partnerships(), 101);
    pool->reset();
    EXPECT_TRUE(check_database(m_db, Lang::En));
    // Only the two databases (and the live one's WAL files): no temporary copy left.
    for (const std::string& name : listing()) {
        EXPECT_EQ(name.find(".tmp-"), std::string::npos) << name;
    }
}

TEST_F(BackupTest, AnOlderBackupIsBroughtUpToTheCurrentSchema) {
    {
        auto old = open(path("old.db"), 1);
        add_partnerships(*old, 0, 3);
    }
    auto checked = check_database(path("old.db"), Lang::En);
    ASSERT_TRUE(checked);
    EXPECT_EQ(checked->schema_version, 1);
    open(m_db);
    auto restored = restore_database(path("old.db"), m_db, std::nullopt, Lang::En);
    ASSERT_TRUE(restored) << restored.error().message;
    EXPECT_EQ(count(m_db, "SELECT max(version) FROM schema_migrations"), latest_version());
    EXPECT_EQ(count(m_db, "SELECT count(*) FROM partnerships"), 3);
    EXPECT_EQ(count(path("old.db"), "SELECT max(version) FROM schema_migrations"), 1)
        << "the backup itself must not change";
}

TEST_F(BackupTest, RestoreRefusesWhatIsNotASamskabDatabaseAndChangesNothing) {
    {
        auto db = open(m_db);
        add_partnerships(*db, 0, 7);
    }
    { std::ofstream(path("notes.txt")) << "SQLite format 3 is what this is not\n"; }
    auto refused = restore_database(path("notes.txt"), m_db, std::nullopt, Lang::Da);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::Invalid);
    EXPECT_NE(refused.error().message.find("notes.txt: er ikke en samskab-database"),
              std::string::npos)
        << refused.error().message;
    {
        // An SQLite file of some other program.
        auto other = Database::open(path("other.db"));
        ASSERT_TRUE(other);
        ASSERT_TRUE((*other)->exec("CREATE TABLE t (x)"));
    }
    auto foreign = restore_database(path("other.db"), m_db, std::nullopt, Lang::En);
    ASSERT_FALSE(foreign);
    EXPECT_NE(foreign.error().message.find("other.db: is not a samskab database"),
              std::string::npos)
        << foreign.error().message;
    auto missing = restore_database(path("nothing.db"), m_db, std::nullopt, Lang::En);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::Invalid);
    EXPECT_NE(missing.error().message.find("nothing.db: is not a samskab database (unable to open"),
              std::string::npos)
        << missing.error().message;
    EXPECT_FALSE(check_database(path("nothing.db"), Lang::En));
    EXPECT_FALSE(fs::exists(path("nothing.db")));
    EXPECT_EQ(count(m_db, "SELECT count(*) FROM partnerships"), 7);
    for (const std::string& name : listing()) {
        EXPECT_EQ(name.find(".tmp-"), std::string::npos) << name;
    }
}

}  // namespace
}  // namespace samskab::storage::sqlite
