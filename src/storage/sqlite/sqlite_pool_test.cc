#include "storage/sqlite/sqlite_pool.h"

#include <atomic>
#include <stdexcept>
#include <thread>

#include "storage/sqlite/sqlite_community_test.h"
#include "storage/sqlite/sqlite_migrations.h"

namespace samskab::storage::sqlite::testing {
namespace {

using core::ErrorCode;

TEST_F(CommunityStoreTest, PooledConnectionsHaveTheDurableSettings) {
    EXPECT_EQ(m_stores.pool->size(), 3);
    auto settings = m_stores.pool->read([](Connection& c) -> core::Result<std::string> {
        std::string out;
        for (const char* pragma : {"PRAGMA journal_mode", "PRAGMA synchronous",
                                   "PRAGMA foreign_keys", "PRAGMA busy_timeout"}) {
            Query query(c, pragma);
            auto row = query.step();
            if (!row) {
                return tl::unexpected(row.error());
            }
            out += query.text(0) + " ";
        }
        return out;
    });
    ASSERT_TRUE(settings);
    EXPECT_EQ(*settings, "wal 2 1 5000 ");
}

TEST_F(CommunityStoreTest, StatementsArePreparedOncePerConnection) {
    auto same = m_stores.pool->read([](Connection& c) -> core::Result<bool> {
        Statement* first = &c.statement("SELECT 1");
        Statement* second = &c.statement(std::string("SELECT ") + "1");
        return first == second && first != &c.statement("SELECT 2");
    });
    ASSERT_TRUE(same);
    EXPECT_TRUE(*same);
}

TEST_F(CommunityStoreTest, AFailedWriteChangesNothing) {
    auto failed = m_stores.pool->write([](Connection& c) -> core::Result<void> {
        Query insert(c, "INSERT INTO memberships (person, partnership) VALUES (6, 1)");
        SAMSKAB_TRY(insert.run());
        return core::fail(ErrorCode::Conflict, "refused after writing");
    });
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().code, ErrorCode::Conflict);
    EXPECT_EQ(sql("SELECT count(*) FROM memberships"), "0");
    // A constraint failing half-way through a store's write: the break is not stored either.
    auto broken = m_stores.pool->write([](Connection& c) -> core::Result<void> {
        Query insert(c, "INSERT INTO breaks (person, from_date) VALUES (1, '2024-03-01')");
        SAMSKAB_TRY(insert.run());
        Query bad(c, "INSERT INTO breaks (person, from_date) VALUES (999, '2024-03-01')");
        return bad.run();
    });
    ASSERT_FALSE(broken);
    EXPECT_EQ(broken.error().code, ErrorCode::Storage);
    EXPECT_EQ(sql("SELECT count(*) FROM breaks"), "0");
    // The connection is usable afterwards.
    EXPECT_TRUE(store().start_break("p1", day("2024-03-01")));
}

// Writers on every connection of the pool, and more threads than connections, at once: each
// write arrives, and none fails with "database is locked".
TEST_F(CommunityStoreTest, ConcurrentWritersLoseNothing) {
    constexpr int THREADS = 8;
    constexpr int EACH = 25;
    std::vector<std::string> people;
    for (int t = 0; t < THREADS; ++t) {
        auto id = store().create_person({"Person " + std::to_string(t), "vimby", {}, {}});
        ASSERT_TRUE(id);
        people.push_back(*id);
    }
    std::atomic<int> failures{0};
    std::vector<std::string> errors(THREADS);
    std::vector<std::thread> threads;
    const core::Day first = day("2024-01-01");
    for (int t = 0; t < THREADS; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < EACH; ++i) {
                auto checked = store().check_in(people[t], "cafe", first + i);
                auto joined = store().join(people[t], "o2", at("2024-03-01T00:00:00"));
                auto seen = store().checked_in("cafe", first + i);
                auto what = store().occurrences_between({"cafe"}, at("2024-03-01T00:00:00"),
                                                        at("2024-04-01T00:00:00"), people[t]);
                for (const auto* e :
                     {checked ? nullptr : &checked.error(), joined ? nullptr : &joined.error(),
                      seen ? nullptr : &seen.error(), what ? nullptr : &what.error()}) {
                    if (e) {
                        ++failures;
                        errors[t] = e->message;
                    }
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(failures, 0);
    for (const auto& e : errors) {
        EXPECT_EQ(e, "");
    }
    EXPECT_EQ(sql("SELECT count(*) FROM visits"), std::to_string(1 + THREADS * EACH));
    EXPECT_EQ((*store().find_occurrence("o2", false))->participants.size(),
              static_cast<size_t>(THREADS));
}

// Writes committed together stay separate: the failing ones of a batch change nothing, the
// others are all stored.
TEST_F(CommunityStoreTest, GroupCommitKeepsEachWriteSeparate) {
    constexpr int THREADS = 8;
    constexpr int EACH = 30;
    std::atomic<int> succeeded{0}, refused{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < THREADS; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < EACH; ++i) {
                const std::string date = date_text(day("2020-01-01") + t * EACH + i);
                const bool fail = (t + i) % 3 == 0;
                auto result = m_stores.pool->write([&](Connection& c) -> core::Result<void> {
                    Query insert(c, "INSERT INTO visits (person, place, date) VALUES (6, 1, ?)");
                    insert.bind(1, date);
                    SAMSKAB_TRY(insert.run());
                    if (fail) {
                        return core::fail(ErrorCode::Conflict, "refused");
                    }
                    return {};
                });
                if (result) {
                    ++succeeded;
                } else if (result.error().message == "refused") {
                    ++refused;
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(succeeded + refused, THREADS * EACH);
    EXPECT_GT(refused, 0);
    EXPECT_EQ(sql("SELECT count(*) FROM visits WHERE person = 6"), std::to_string(succeeded));
}

TEST_F(CommunityStoreTest, AnExceptionInAWriteIsUndoneAndRethrown) {
    EXPECT_THROW((void)m_stores.pool->write([](Connection& c) -> core::Result<void> {
        Query insert(c, "INSERT INTO memberships (person, partnership) VALUES (6, 1)");
        SAMSKAB_TRY(insert.run());
        throw std::logic_error("a bug");
    }),
                 std::logic_error);
    EXPECT_EQ(sql("SELECT count(*) FROM memberships"), "0");
    EXPECT_TRUE(store().check_in("p6", "cafe", day("2024-03-04")));
}

// "What's on" is served from a cache; every change shows in the next listing, whether made
// through the stores or by another program on the same file.
TEST_F(CommunityStoreTest, ListingsFollowEveryChange) {
    const auto from = at("2024-03-04T10:30:00");
    const auto to = at("2024-03-13T00:00:00");
    auto count_of = [&](const char* id) {
        auto views = store().occurrences_between({"cafe"}, from, to, "p3");
        EXPECT_TRUE(views);
        for (const auto& v : *views) {
            if (v.occurrence.id == id) {
                return v.participants * (v.joined ? -1 : 1);
            }
        }
        return 1000;
    };
    EXPECT_EQ(count_of("o1"), 2);
    EXPECT_EQ(count_of("o1"), 2);  // from the cache
    ASSERT_TRUE(store().join("p3", "o1", from));
    EXPECT_EQ(count_of("o1"), -3);  // joined, three now

    auto other = Database::open(m_path);
    ASSERT_TRUE(other);
    ASSERT_TRUE(
        (*other)->exec("INSERT INTO occurrences (id, activity, start, end) "
                       "VALUES ('o9', 1, '2024-03-04T12:00:00', '2024-03-04T13:00:00');"
                       "DELETE FROM participations WHERE occurrence = 1 AND person = 2;"));
    EXPECT_EQ(count_of("o9"), 0);
    EXPECT_EQ(count_of("o1"), -2);
    // Earlier the same day than `from`: not listed, though the cached day holds it.
    ASSERT_TRUE(
        (*other)->exec("UPDATE occurrences SET start = '2024-03-04T08:00:00', "
                       "end = '2024-03-04T09:00:00' WHERE id = 'o9'"));
    EXPECT_EQ(count_of("o9"), 1000);
    auto earlier = store().occurrences_between({"cafe"}, at("2024-03-04T00:00:00"), to, "");
    ASSERT_TRUE(earlier);
    EXPECT_EQ(earlier->front().occurrence.id, "o9");
}

// A writer outside the pool (another program, e.g. `samskab import`) holds the lock for a
// moment: the pool's writer waits for it instead of failing.
TEST_F(CommunityStoreTest, WaitsForAWriterOutsideThePool) {
    auto other = Database::open(m_path);
    ASSERT_TRUE(other);
    auto transaction = Transaction::begin(**other);
    ASSERT_TRUE(transaction);
    ASSERT_TRUE((*other)->exec("INSERT INTO memberships (person, partnership) VALUES (6, 1)"));
    std::thread commit_later([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        EXPECT_TRUE(transaction->commit());
    });
    auto checked = store().check_in("p6", "cafe", day("2024-03-04"));
    commit_later.join();
    EXPECT_TRUE(checked) << checked.error().message;
    EXPECT_EQ(sql("SELECT count(*) FROM memberships"), "1");
    EXPECT_EQ(sql("SELECT count(*) FROM visits WHERE person = 6"), "1");
}

// A database at schema version 2 with records gets the new tables, and the stores work on it.
TEST(ConnectionPoolUpgrade, BringsAVersionTwoDatabaseForward) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("samskab-pool-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "v2.db").string();
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db);
        ASSERT_TRUE(migrate(**db, 2));
        ASSERT_TRUE((*db)->exec(
            "INSERT INTO partnerships (id, name) VALUES ('vimby', 'Vimby');"
            "INSERT INTO places (id, partnership, name, support_threshold)"
            " VALUES ('cafe', 1, 'Caféen', 0.2);"
            "INSERT INTO people (id, name, support_need, consent_support_need, consent_pathways)"
            " VALUES ('p1', 'Åse', 1, 1, 0);"
            "INSERT INTO visits (person, place, date) VALUES (1, 1, '2024-03-01');"));
    }
    {
        core::FixedClock clock(0);
        auto stores = SqliteStores::open(path, 2, clock);
        ASSERT_TRUE(stores) << stores.error().message;
        auto people = stores->community->people_of("vimby", true);
        ASSERT_TRUE(people);
        ASSERT_EQ(people->size(), 1u);
        EXPECT_EQ((*people)[0].support_need, std::optional<bool>(true));
        EXPECT_TRUE(stores->community->start_break("p1", day("2024-03-02")));
        auto id = stores->community->create_person({"Bo", "vimby", {}, {}});
        EXPECT_TRUE(id);
        auto version = stores->pool->read([](Connection& c) { return schema_version(c.db()); });
        EXPECT_EQ(*version, latest_version());
    }
    std::filesystem::remove_all(dir);
}

TEST(ConnectionPoolOpen, RefusesWhatSqliteStoreRefuses) {
    auto missing = ConnectionPool::open("/no/such/dir/x.db", 2);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::Storage);

    const auto dir = std::filesystem::temp_directory_path() /
                     ("samskab-pool-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "new.db").string();
    {
        auto db = Database::open(path);
        ASSERT_TRUE(migrate(**db, latest_version()));
        ASSERT_TRUE((*db)->exec(
            "INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01T00:00:00')"));
    }
    auto newer = ConnectionPool::open(path, 2);
    ASSERT_FALSE(newer);
    EXPECT_EQ(newer.error().code, ErrorCode::Conflict);
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace samskab::storage::sqlite::testing
