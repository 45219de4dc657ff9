// CommunityStore on both databases: breaks, everything held about one person, consent and
// deletion requests (core/community_store.h, "breaks" and "the person's own data").
#include "storage/conformance/conformance_fixture.h"

namespace samskab::storage::conformance {
namespace {

using core::ErrorCode;

TEST_P(ConformanceTest, ABreakIsOpenUntilItEnds) {
    EXPECT_FALSE(*store().current_break("p1"));
    ASSERT_TRUE(store().start_break("p1", day("2024-03-01")));
    auto open = store().current_break("p1");
    ASSERT_TRUE(open && *open);
    EXPECT_EQ((*open)->from, day("2024-03-01"));
    EXPECT_FALSE((*open)->until);

    auto twice = store().start_break("p1", day("2024-03-02"));
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().code, ErrorCode::Conflict);
    auto early = store().end_break("p1", day("2024-02-28"));
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().code, ErrorCode::Invalid);
    EXPECT_EQ(early.error().field, "day");

    ASSERT_TRUE(store().end_break("p1", day("2024-03-10")));
    EXPECT_FALSE(*store().current_break("p1"));
    auto none = store().end_break("p1", day("2024-03-11"));
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().code, ErrorCode::Conflict);
    ASSERT_TRUE(store().start_break("p1", day("2024-04-01")));
    auto data = store().person_data("p1");
    ASSERT_EQ((*data)->breaks.size(), 2u);
    EXPECT_EQ((*data)->breaks[0].until, day("2024-03-10"));
    EXPECT_FALSE((*data)->breaks[1].until);
    EXPECT_EQ(store().start_break("p9", day("2024-03-01")).error().field, "person");
    EXPECT_EQ(store().current_break("p9").error().code, ErrorCode::NotFound);
}

TEST_P(ConformanceTest, PersonDataHoldsEverythingAboutThePerson) {
    ASSERT_TRUE(store().request_deletion("p2", at("2024-03-04T10:00:00")));
    ASSERT_TRUE(store().request_deletion("p2", at("2024-03-05T10:00:00")));  // keeps the first
    auto bo = store().person_data("p2");
    ASSERT_TRUE(bo && *bo);
    EXPECT_EQ((*bo)->person.name, "Bo");
    EXPECT_EQ((*bo)->partnerships, (std::vector<std::string>{"vimby"}));
    ASSERT_EQ((*bo)->companions.size(), 1u);
    EXPECT_EQ((*bo)->companions[0].companion, "p5");
    EXPECT_EQ((*bo)->companions[0].partnership, "vimby");
    EXPECT_FALSE((*bo)->companions[0].to);
    EXPECT_TRUE((*bo)->accompanying.empty());
    ASSERT_EQ((*bo)->participations.size(), 1u);
    EXPECT_EQ((*bo)->participations[0].occurrence, "o1");
    EXPECT_EQ((*bo)->participations[0].role, core::Role::Host);
    ASSERT_EQ((*bo)->relations.size(), 1u);
    EXPECT_EQ((*bo)->relations[0].a, "p1");
    EXPECT_EQ((*bo)->relations[0].b, "p2");
    EXPECT_EQ((*bo)->deletion_requested, at("2024-03-04T10:00:00"));

    auto aase = store().person_data("p1");
    ASSERT_TRUE(aase && *aase);
    EXPECT_TRUE((*aase)->person.support_need);  // the person's own data includes the flag
    EXPECT_TRUE((*aase)->person.consent.support_need);
    EXPECT_EQ((*aase)->person.joined, day("2024-01-01"));
    EXPECT_EQ((*aase)->person.entry_channel, core::EntryChannel::Companion);
    ASSERT_EQ((*aase)->visits.size(), 1u);
    EXPECT_EQ((*aase)->visits[0].place, "cafe");
    ASSERT_EQ((*aase)->pathways.size(), 1u);
    EXPECT_EQ((*aase)->pathways[0].kind, core::PathwayKind::Job);
    EXPECT_EQ((*aase)->relations.size(), 1u);
    EXPECT_FALSE((*aase)->deletion_requested);

    auto carl = store().person_data("p5");
    ASSERT_EQ((*carl)->accompanying.size(), 1u);
    EXPECT_EQ((*carl)->accompanying[0].person, "p2");
    EXPECT_FALSE(*store().person_data("p9"));
    EXPECT_EQ(store().request_deletion("p9", 0).error().field, "person");
}

TEST_P(ConformanceTest, WithdrawingConsentRemovesWhatItCovered) {
    const auto coordinator = account("k@vimby.dk", "Koordinator");
    const std::string aase = sql("SELECT pk FROM people WHERE id = 'p1'");
    // Keep the pathways consent, withdraw the support-need consent: the flag goes.
    ASSERT_TRUE(store().set_consent("p1", {false, true}, false, coordinator, true,
                                    at("2024-03-04T10:00:00")));
    auto data = store().person_data("p1");
    EXPECT_FALSE((*data)->person.support_need);
    EXPECT_FALSE((*data)->person.consent.support_need);
    EXPECT_EQ((*data)->pathways.size(), 1u);
    EXPECT_FALSE(*(*store().find_person("p1", true))->support_need);

    // Withdraw the pathways consent: the recorded pathways go.
    ASSERT_TRUE(
        store().set_consent("p1", {false, false}, false, 0, false, at("2024-03-05T10:00:00")));
    data = store().person_data("p1");
    EXPECT_FALSE((*data)->person.consent.pathways);
    EXPECT_TRUE((*data)->pathways.empty());

    EXPECT_EQ(sql("SELECT count(*) FROM consent_changes WHERE person = " + aase), "2");
    // Flags are integers in SQLite and booleans in PostgreSQL: compared as integers.
    EXPECT_EQ(sql("SELECT by_account || ' ' || CAST(on_paper AS integer) || ' ' || "
                  "CAST(consent_support_need AS integer) || ' ' || "
                  "CAST(consent_pathways AS integer) || ' ' || at "
                  "FROM consent_changes ORDER BY pk LIMIT 1"),
              std::to_string(coordinator) + " 1 0 1 2024-03-04T10:00:00");
    EXPECT_EQ(sql("SELECT coalesce(CAST(by_account AS text), 'none') FROM consent_changes "
                  "ORDER BY pk DESC"),
              "none");
}

TEST_P(ConformanceTest, ASupportNeedOnlyWithConsent) {
    auto refused = store().set_consent("p2", {false, false}, true, 0, false, 0);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::Invalid);
    EXPECT_EQ(refused.error().field, "support_need");
    EXPECT_EQ(refused.error().message,
              core::message(core::Lang::Da, core::Msg::SupportNeedWithoutConsent));
    EXPECT_EQ(sql("SELECT CAST(support_need AS integer) FROM people WHERE id = 'p2'"), "0");
    EXPECT_EQ(sql("SELECT count(*) FROM consent_changes"), "0");

    ASSERT_TRUE(store().set_consent("p2", {true, false}, true, 0, false, 0));
    EXPECT_EQ((*store().find_person("p2", true))->support_need, std::optional<bool>(true));
    // The schema refuses the flag without consent whatever writes it.
    EXPECT_FALSE(sql_exec("UPDATE people SET consent_support_need = false WHERE id = 'p2'"));

    auto unknown_by = store().set_consent("p2", {false, false}, false, 999, false, 0);
    ASSERT_FALSE(unknown_by);
    EXPECT_EQ(unknown_by.error().field, "by");
    EXPECT_EQ((*store().find_person("p2", true))->support_need, std::optional<bool>(true));
    EXPECT_EQ(store().set_consent("p9", {}, false, 0, false, 0).error().field, "person");
}

}  // namespace
}  // namespace samskab::storage::conformance
