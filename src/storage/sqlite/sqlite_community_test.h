#pragma once

// The fixture of the community store's tests: a real SQLite file in a fresh directory, filled
// with a small bundle through the importer (as the CLI does), and the stores opened on it the
// way the application opens them (SqliteStores).

#include <filesystem>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "storage/sqlite/sqlite_stores.h"

namespace samskab::storage::sqlite::testing {

// Whether `id` is "<prefix>-" and 12 lower-case hex digits, the shape of ids the store makes.
// (Not std::regex: GCC 12 warns falsely inside <regex> in the sanitizer build.)
inline bool is_generated_id(const std::string& id, const std::string& prefix) {
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

inline core::LocalTime at(const char* text) {
    return *core::parse_local_time(text);
}

inline core::Day day(const char* text) {
    return *core::parse_date(text);
}

// Two partnerships. Vimby: the café (cafe) with activity a1 (occurrences o1, o2); INSP!: the
// house with a2 (o3). p1 Åse (support need, with consent) visited the café and takes part in
// o1; p2 Bo hosts o1 and is accompanied by p5 Carl in Vimby; p3 Øjvind has only a membership
// once a test adds one; p4 Zoe takes part in o3 (INSP!); p6 Dorte is nowhere.
inline core::Bundle community_bundle() {
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

class CommunityStoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = std::filesystem::temp_directory_path() /
                ("samskab-community-" + std::to_string(std::random_device{}()));
        std::filesystem::create_directories(m_dir);
        m_path = (m_dir / "c.db").string();
        auto stores = SqliteStores::open(m_path, 3, m_clock);
        ASSERT_TRUE(stores) << stores.error().message;
        m_stores = std::move(*stores);
        auto imported = m_stores.store->import_bundle(community_bundle());
        ASSERT_TRUE(imported) << imported.error().message;
    }
    void TearDown() override {
        m_stores = {};
        std::filesystem::remove_all(m_dir);
    }

    core::CommunityStore& store() { return *m_stores.community; }
    core::AccountStore& accounts() { return *m_stores.accounts; }

    // One value read with SQL on a connection of its own, to see what is really stored.
    std::string sql(const std::string& text) {
        auto db = Database::open(m_path);
        EXPECT_TRUE(db);
        Connection probe(std::move(*db));
        Query query(probe, text);
        auto row = query.step();
        EXPECT_TRUE(row && *row) << text;
        return row && *row ? query.text(0) : std::string("<none>");
    }

    std::int64_t account(const std::string& email, const std::string& name) {
        auto id = accounts().create_account({email, name, "", {}, ""});
        EXPECT_TRUE(id);
        return id ? *id : 0;
    }

    std::filesystem::path m_dir;
    std::string m_path;
    core::FixedClock m_clock{at("2024-03-04T09:00:00")};
    SqliteStores m_stores;
};

}  // namespace samskab::storage::sqlite::testing
