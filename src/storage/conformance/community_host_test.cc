#include <atomic>
#include <thread>
#include <vector>

#include "storage/conformance/conformance_fixture.h"

namespace samskab::storage::conformance {
namespace {

using core::ErrorCode;

// Runs `work(i)` for i in [0, count) on `count` threads released together, so that the calls
// overlap as much as they can (more threads than the stores' three connections: some wait).
template <class Work>
void all_at_once(int count, Work work) {
    std::atomic<int> ready{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < count; ++i) {
        threads.emplace_back([&, i] {
            ready.fetch_add(1);
            while (ready.load() < count) {
                std::this_thread::yield();
            }
            work(i);
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
}

TEST_P(ConformanceTest, CheckingInTwiceOnADayChangesNothing) {
    ASSERT_TRUE(store().check_in("p2", "cafe", day("2024-03-04")));
    ASSERT_TRUE(store().check_in("p2", "cafe", day("2024-03-04")));
    EXPECT_EQ(sql("SELECT count(*) FROM visits "
                  "WHERE person = (SELECT pk FROM people WHERE id = 'p2')"),
              "1");
    EXPECT_EQ(store().check_in("p9", "cafe", day("2024-03-04")).error().field, "person");
    EXPECT_EQ(store().check_in("p2", "nowhere", day("2024-03-04")).error().field, "place");
    EXPECT_EQ(sql("SELECT count(*) FROM visits"), "2");
}

TEST_P(ConformanceTest, NewcomersAreMarkedOnTheirFirstVisitAndSoonAfterJoining) {
    // p1 joined 2024-01-01 and visited on 2024-03-01; p2 and p5 have no join date.
    const core::Day today = day("2024-03-04");
    ASSERT_TRUE(store().check_in("p2", "cafe", today));  // first visit here
    ASSERT_TRUE(store().check_in("p1", "cafe", today));  // visited before, joined long ago
    ASSERT_TRUE(store().check_in("p5", "cafe", day("2024-02-01")));
    ASSERT_TRUE(store().check_in("p5", "cafe", today));  // visited before
    auto seen = store().checked_in("cafe", today);
    ASSERT_TRUE(seen);
    ASSERT_EQ(seen->size(), 3u);
    EXPECT_EQ((*seen)[0].person.name, "Bo");  // by name
    EXPECT_TRUE((*seen)[0].newcomer);
    EXPECT_EQ((*seen)[1].person.name, "Carl");
    EXPECT_FALSE((*seen)[1].newcomer);
    EXPECT_EQ((*seen)[2].person.id, "p1");
    EXPECT_FALSE((*seen)[2].newcomer);
    for (const auto& v : *seen) {
        EXPECT_FALSE(v.person.support_need.has_value());  // never in the host's view
    }
    // The first visit at one place does not make anyone new at another.
    ASSERT_TRUE(store().check_in("p1", "house", today));
    EXPECT_TRUE((*store().checked_in("house", today))[0].newcomer);
    EXPECT_TRUE(store().checked_in("cafe", day("2024-03-05"))->empty());
    EXPECT_EQ(store().checked_in("nowhere", today).error().field, "place");
}

TEST_P(ConformanceTest, ANewcomerForFourteenDaysAfterJoining) {
    const core::Day joined = day("2024-03-01");
    auto id = store().create_person({"Eva", "vimby", joined, std::nullopt});
    ASSERT_TRUE(id);
    ASSERT_TRUE(store().check_in(*id, "cafe", joined));
    for (core::Day d = joined + 1; d <= joined + core::NEWCOMER_DAYS + 1; ++d) {
        ASSERT_TRUE(store().check_in(*id, "cafe", d));
        auto seen = store().checked_in("cafe", d);
        ASSERT_TRUE(seen);
        ASSERT_EQ(seen->size(), 1u);
        EXPECT_EQ((*seen)[0].newcomer, d - joined <= core::NEWCOMER_DAYS) << d - joined;
    }
}

TEST_P(ConformanceTest, IntroducesTwoPeopleOnce) {
    // Given as (p5, p2): stored with the id that sorts first as `a`.
    ASSERT_TRUE(store().introduce("p5", "p2", day("2024-03-04")));
    EXPECT_EQ(sql("SELECT a.id || ' ' || b.id || ' ' || r.since || ' ' || r.source "
                  "FROM relations r JOIN people a ON a.pk = r.a JOIN people b ON b.pk = r.b "
                  "WHERE r.source = 'host_introduction'"),
              "p2 p5 2024-03-04 host_introduction");
    auto again = store().introduce("p2", "p5", day("2024-03-10"));
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::Conflict);
    EXPECT_EQ(again.error().field, "b");
    // p1 and p2 know each other already (self-reported, open).
    auto known = store().introduce("p1", "p2", day("2024-03-04"));
    ASSERT_FALSE(known);
    EXPECT_EQ(known.error().code, ErrorCode::Conflict);

    auto self = store().introduce("p3", "p3", day("2024-03-04"));
    ASSERT_FALSE(self);
    EXPECT_EQ(self.error().code, ErrorCode::Invalid);
    EXPECT_EQ(self.error().field, "b");
    EXPECT_EQ(store().introduce("p3", "p9", day("2024-03-04")).error().field, "b");
    EXPECT_EQ(sql("SELECT count(*) FROM relations"), "2");
}

TEST_P(ConformanceTest, IntroducesAgainAfterARelationEnded) {
    ASSERT_TRUE(sql_exec("UPDATE relations SET until = '2024-02-01'"));
    ASSERT_TRUE(store().introduce("p2", "p1", day("2024-03-04")));
    EXPECT_EQ(sql("SELECT count(*) FROM relations "
                  "WHERE a = (SELECT pk FROM people WHERE id = 'p1') "
                  "AND b = (SELECT pk FROM people WHERE id = 'p2')"),
              "2");
}

TEST_P(ConformanceTest, LogbookNotesNewestFirst) {
    const auto host = account("vaert@vimby.dk", "Hanne Vært");
    core::LogbookNote note{0,  "cafe",        day("2024-03-04"),        host,
                           "", "Stille dag.", at("2024-03-04T15:00:00")};
    auto first = store().add_logbook_note(note);
    ASSERT_TRUE(first);
    note.text = "Eva kom for første gang.";
    note.written_at = at("2024-03-04T16:00:00");
    auto second = store().add_logbook_note(note);
    ASSERT_TRUE(second);
    note.day = day("2024-03-01");
    note.text = "Fællesspisning.";
    ASSERT_TRUE(store().add_logbook_note(note));

    auto notes = store().logbook_notes("cafe", day("2024-03-02"), day("2024-03-04"));
    ASSERT_TRUE(notes);
    ASSERT_EQ(notes->size(), 2u);
    EXPECT_EQ((*notes)[0].id, *second);
    EXPECT_EQ((*notes)[0].text, "Eva kom for første gang.");
    EXPECT_EQ((*notes)[0].author, host);
    EXPECT_EQ((*notes)[0].author_name, "Hanne Vært");
    EXPECT_EQ((*notes)[0].place, "cafe");
    EXPECT_EQ((*notes)[0].written_at, at("2024-03-04T16:00:00"));
    EXPECT_EQ((*notes)[1].id, *first);
    EXPECT_EQ(store().logbook_notes("cafe", day("2024-03-01"), day("2024-03-31"))->size(), 3u);
    EXPECT_TRUE(store().logbook_notes("house", day("2024-03-01"), day("2024-03-31"))->empty());

    // The note outlives its author's account.
    ASSERT_TRUE(accounts().remove_account("vaert@vimby.dk"));
    notes = store().logbook_notes("cafe", day("2024-03-04"), day("2024-03-04"));
    ASSERT_EQ(notes->size(), 2u);
    EXPECT_EQ((*notes)[0].author_name, "");
}

TEST_P(ConformanceTest, RefusesBadLogbookNotesAndStoresNothing) {
    const auto host = account("vaert@vimby.dk", "Hanne");
    core::LogbookNote note{0, "cafe", day("2024-03-04"), host, "", " ", 0};
    EXPECT_EQ(store().add_logbook_note(note).error().field, "text");
    note.text = "x";
    note.place = "nowhere";
    EXPECT_EQ(store().add_logbook_note(note).error().field, "place");
    note.place = "cafe";
    note.author = host + 1;
    EXPECT_EQ(store().add_logbook_note(note).error().field, "author");
    EXPECT_EQ(sql("SELECT count(*) FROM logbook_notes"), "0");
}

TEST_P(ConformanceTest, TheHostRota) {
    const core::Day monday = day("2024-03-04");
    ASSERT_TRUE(store().take_rota_day("cafe", monday, "p2"));
    ASSERT_TRUE(store().take_rota_day("cafe", monday, "p2"));  // already theirs
    ASSERT_TRUE(store().take_rota_day("cafe", monday + 2, "p5"));
    ASSERT_TRUE(store().take_rota_day("house", monday + 1, "p4"));
    auto week = store().rota("cafe", monday, monday + 6);
    ASSERT_TRUE(week);
    ASSERT_EQ(week->size(), 7u);
    EXPECT_EQ((*week)[0].day, monday);
    ASSERT_TRUE((*week)[0].host);
    EXPECT_EQ((*week)[0].host->name, "Bo");
    EXPECT_FALSE((*week)[0].host->support_need.has_value());
    EXPECT_FALSE((*week)[1].host);
    EXPECT_EQ((*week)[2].host->id, "p5");

    auto taken = store().take_rota_day("cafe", monday, "p5");
    ASSERT_FALSE(taken);
    EXPECT_EQ(taken.error().code, ErrorCode::Conflict);
    EXPECT_EQ(taken.error().field, "day");

    ASSERT_TRUE(store().swap_rota_days("cafe", monday, monday + 2));
    week = store().rota("cafe", monday, monday + 6);
    EXPECT_EQ((*week)[0].host->id, "p5");
    EXPECT_EQ((*week)[2].host->id, "p2");
    ASSERT_TRUE(store().swap_rota_days("cafe", monday + 2, monday + 3));  // with an empty day
    week = store().rota("cafe", monday, monday + 6);
    EXPECT_FALSE((*week)[2].host);
    EXPECT_EQ((*week)[3].host->id, "p2");

    auto not_theirs = store().release_rota_day("cafe", monday, "p2");
    ASSERT_FALSE(not_theirs);
    EXPECT_EQ(not_theirs.error().code, ErrorCode::NotFound);
    ASSERT_TRUE(store().release_rota_day("cafe", monday, "p5"));
    EXPECT_FALSE((*store().rota("cafe", monday, monday))[0].host);
    EXPECT_EQ((*store().rota("house", monday, monday + 1))[1].host->id, "p4");

    EXPECT_TRUE(store().rota("cafe", monday, monday - 1)->empty());
    EXPECT_EQ(store().rota("cafe", monday, monday + 400).error().field, "to");
    EXPECT_EQ(store().rota("nowhere", monday, monday).error().field, "place");
    EXPECT_EQ(store().take_rota_day("cafe", monday, "p9").error().field, "person");
}

TEST_P(ConformanceTest, ActionItemsOfACause) {
    auto item = store().add_action_item({0, "a1", "Køb garn", std::nullopt, false});
    ASSERT_TRUE(item);
    ASSERT_TRUE(store().set_action_item_done(*item, true));
    EXPECT_TRUE((*store().find_activity("a1", 0, 0, ""))->action_items[0].done);
    ASSERT_TRUE(store().set_action_item_done(*item, false));
    EXPECT_FALSE((*store().find_activity("a1", 0, 0, ""))->action_items[0].done);
    EXPECT_EQ(store().set_action_item_done(*item + 1, true).error().code, ErrorCode::NotFound);
    EXPECT_EQ(store().add_action_item({0, "a9", "x", std::nullopt, false}).error().field,
              "activity");
    EXPECT_EQ(store().add_action_item({0, "a1", "", std::nullopt, false}).error().field, "text");
    EXPECT_EQ(sql("SELECT count(*) FROM action_items"), "1");
}

// Two hosts taking the same day at once: exactly one gets it, the others are told it is taken
// (Conflict "day"), never a storage error. On PostgreSQL the writes are SERIALIZABLE, so the
// losers' transactions fail to serialise and the pool runs them again; on SQLite the writes are
// serialised by the single writer.
TEST_P(ConformanceTest, ConcurrentHostsCannotBothTakeTheSameRotaDay) {
    const std::vector<std::string> people{"p1", "p2", "p3", "p4", "p5", "p6"};
    const core::Day first = day("2024-04-01");
    for (core::Day d = first; d < first + 5; ++d) {
        std::vector<core::Result<void>> results(people.size());
        all_at_once(static_cast<int>(people.size()), [&](int i) {
            results[static_cast<size_t>(i)] =
                store().take_rota_day("cafe", d, people[static_cast<size_t>(i)]);
        });
        std::string winner;
        for (size_t i = 0; i < people.size(); ++i) {
            if (results[i]) {
                EXPECT_TRUE(winner.empty()) << "both " << winner << " and " << people[i];
                winner = people[i];
            } else {
                EXPECT_EQ(results[i].error().code, ErrorCode::Conflict)
                    << results[i].error().message;
                EXPECT_EQ(results[i].error().field, "day");
            }
        }
        ASSERT_FALSE(winner.empty()) << d - first;
        auto rota = store().rota("cafe", d, d);
        ASSERT_TRUE(rota);
        ASSERT_TRUE((*rota)[0].host);
        EXPECT_EQ((*rota)[0].host->id, winner);
    }
    EXPECT_EQ(sql("SELECT count(*) FROM host_rota"), "5");
}

// Check-ins of different people at one place at the same moment all succeed (on PostgreSQL,
// those that fail to serialise are run again by the pool) and are all recorded.
TEST_P(ConformanceTest, ConcurrentCheckInsOfDifferentPeopleAllSucceed) {
    const std::vector<std::string> people{"p1", "p2", "p3", "p4", "p5", "p6"};
    const core::Day first = day("2024-04-01");
    for (core::Day d = first; d < first + 5; ++d) {
        std::vector<core::Result<void>> results(people.size());
        all_at_once(static_cast<int>(people.size()), [&](int i) {
            results[static_cast<size_t>(i)] =
                store().check_in(people[static_cast<size_t>(i)], "cafe", d);
        });
        for (size_t i = 0; i < people.size(); ++i) {
            EXPECT_TRUE(results[i]) << people[i] << ": " << results[i].error().message;
        }
        auto seen = store().checked_in("cafe", d);
        ASSERT_TRUE(seen);
        EXPECT_EQ(seen->size(), people.size());
    }
    EXPECT_EQ(sql("SELECT count(*) FROM visits WHERE date >= '2024-04-01'"), "30");
}

}  // namespace
}  // namespace samskab::storage::conformance
