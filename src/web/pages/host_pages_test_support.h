#pragma once

// The fixture of the host's and the coordinator's page tests: two partnerships with places,
// people (one with a support need, one whose name is HTML), activities and an occurrence, and
// an account for each kind of staff grant. Builds on page_test_support.h (real Application,
// real SQLite stores, real argon2id, sign-in through the login form).

#include <string>
#include <vector>

#include "storage/sqlite/sqlite_pool.h"
#include "web/pages/page_test_support.h"

namespace samskab::web::pages::testing {

// A name that must come out escaped wherever it is shown.
inline constexpr std::string_view HTML_NAME = "<script>alert(1)</script>";
inline constexpr std::string_view HTML_NAME_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";

// Texts that show the support-need flag on a page (coordinator_catalogue.cc).
inline constexpr std::string_view SUPPORT_DA = "Har støttebehov";
inline constexpr std::string_view SUPPORT_EN = "Needs support";

inline core::Day date(const char* text) {
    return *core::parse_date(text);
}

// A page's HTML with "&#x2F;" read as "/": mstch may escape the slash in values, which a browser
// reads as a slash, and the tests compare links and dates as a browser sees them.
inline std::string html(const Response& response) {
    std::string out;
    std::string_view body = response.body;
    constexpr std::string_view SLASH = "&#x2F;";
    for (std::size_t at = 0; at < body.size();) {
        if (body.substr(at, SLASH.size()) == SLASH) {
            out += '/';
            at += SLASH.size();
        } else {
            out += body[at++];
        }
    }
    return out;
}

// INSP! (places insp-house "Huset" and insp-cafe "Caféen") and Vimby (vimby-shop). In INSP!:
// p-anna Anna (support need, with consent), p-bo Bo, p-xss (an HTML name; until today only at
// the café, so a newcomer at the house), p-hanne Hanne (a host). In Vimby: p-vera Vera.
// Activities at the house: act-knit "Strik & snak" (fixed) with occ-knit on 2026-03-03
// 17.00-19.00 (Anna supported, Bo active, p-xss passive) and act-cause "Bedre cykelstier" (a
// cause); at the shop: act-shop with occ-shop.
inline core::Bundle staff_bundle() {
    core::Bundle b;
    b.partnerships.push_back({"insp", "INSP!", {}});
    b.partnerships.push_back({"vimby", "Vimby", {}});
    b.places.push_back({"insp-house", "insp", "Huset", 0.2});
    b.places.push_back({"insp-cafe", "insp", "Caféen", 0.2});
    b.places.push_back({"vimby-shop", "vimby", "Butikken", 0.5});
    b.people.push_back(
        {"p-anna", "Anna", true, date("2025-01-01"), core::EntryChannel::Companion, {true, false}});
    b.people.push_back({"p-bo", "Bo", false, date("2025-01-01"), std::nullopt, {}});
    b.people.push_back({"p-xss", std::string(HTML_NAME), false, std::nullopt, std::nullopt, {}});
    b.people.push_back({"p-hanne", "Hanne", false, std::nullopt, std::nullopt, {}});
    b.people.push_back({"p-vera", "Vera", false, std::nullopt, std::nullopt, {}});
    b.visits.push_back({"p-anna", "insp-house", date("2025-06-01")});
    b.visits.push_back({"p-bo", "insp-house", date("2025-06-01")});
    b.visits.push_back({"p-xss", "insp-cafe", date("2025-06-01")});
    b.visits.push_back({"p-hanne", "insp-house", date("2025-05-01")});
    b.visits.push_back({"p-vera", "vimby-shop", date("2025-05-01")});
    b.activities.push_back({"act-knit", "insp-house", "Strik & snak", core::ActivityKind::Fixed,
                            std::nullopt, date("2025-01-01")});
    b.activities.push_back({"act-cause", "insp-house", "Bedre cykelstier",
                            core::ActivityKind::Cause, "p-bo", date("2025-02-01")});
    b.activities.push_back({"act-shop", "vimby-shop", "Butiksvagt", core::ActivityKind::Fixed,
                            std::nullopt, date("2025-01-01")});
    b.occurrences.push_back({"occ-knit", "act-knit", at_time(1, 17), at_time(1, 19)});
    b.occurrences.push_back({"occ-shop", "act-shop", at_time(1, 10), at_time(1, 12)});
    b.participations.push_back({"p-anna", "occ-knit", core::Role::Supported});
    b.participations.push_back({"p-bo", "occ-knit", core::Role::Active});
    b.participations.push_back({"p-xss", "occ-knit", core::Role::Passive});
    b.participations.push_back({"p-vera", "occ-shop", core::Role::Active});
    return b;
}

class StaffPageTest : public PageTest {
protected:
    std::vector<Route> page_routes(const views::Templates& templates) override {
        std::vector<Route> routes = host_routes(templates);
        for (Route& route : coordinator_routes(templates)) {
            routes.push_back(std::move(route));
        }
        return routes;
    }

    void SetUp() override {
        PageTest::SetUp();
        if (HasFatalFailure()) {
            return;
        }
        import(staff_bundle());
        using core::AccountRole;
        add_account("host@example.dk", "Hanne Vært", "p-hanne",
                    {{AccountRole::Host, "insp", "insp-house"}});
        add_account("nohost@example.dk", "Uden Person", "",
                    {{AccountRole::Host, "insp", "insp-house"}});
        add_account("manyhost@example.dk", "Mange Steder", "", {{AccountRole::Host, "insp", ""}});
        add_account("vimbyhost@example.dk", "Vimby Vært", "",
                    {{AccountRole::Host, "vimby", "vimby-shop"}});
        add_account("coord@example.dk", "Kim Koordinator", "",
                    {{AccountRole::Coordinator, "insp", ""}});
        add_account("placecoord@example.dk", "Pia Stedkoordinator", "",
                    {{AccountRole::Coordinator, "insp", "insp-cafe"}});
        add_account(
            "coordhost@example.dk", "Kaj Begge", "",
            {{AccountRole::Host, "insp", "insp-house"}, {AccountRole::Coordinator, "insp", ""}});
        add_account("participant@example.dk", "Anna", "p-anna",
                    {{AccountRole::Participant, "insp", "insp-house"}});
    }

    // The rows of the access log as "action|subject|detail", oldest first, read with SQL on a
    // connection of its own.
    std::vector<std::string> access_log() {
        auto db = storage::sqlite::Database::open((m_dir / "pages.db").string());
        EXPECT_TRUE(db);
        std::vector<std::string> rows;
        if (!db) {
            return rows;
        }
        storage::sqlite::Connection probe(std::move(*db));
        storage::sqlite::Query query(
            probe,
            "SELECT l.action, coalesce(p.id, ''), coalesce(l.detail, '') FROM audit_log l "
            "LEFT JOIN people p ON p.pk = l.subject ORDER BY l.pk");
        for (auto row = query.step(); row && *row; row = query.step()) {
            rows.push_back(query.text(0) + "|" + query.text(1) + "|" + query.text(2));
        }
        return rows;
    }

    // Whether the access log has a row "action|subject|detail".
    bool logged(const std::string& row) {
        const auto rows = access_log();
        return std::find(rows.begin(), rows.end(), row) != rows.end();
    }

    core::CommunityStore& community() { return *m_stores->community; }
};

}  // namespace samskab::web::pages::testing
