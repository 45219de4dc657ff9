#include "analytics/promoter_check.h"

#include <gtest/gtest.h>

#include "analytics/test_bundle.h"
#include "core/starting_codebook.h"

namespace samskab::analytics {
namespace {

using testing::BundleBuilder;
using testing::day;

// Vimby's café (threshold 20 %) in the first half of 2024, and a place of another partnership
// whose records must not count. s1 and s2 need support.
core::Dataset café() {
    BundleBuilder b;
    b.partnership("v").partnership("w").place("cafe", "v", 0.20).place("other", "w");
    b.person("s1", true).person("s2", true).person("r1").person("r2").person("r3");
    b.activity("fixed", "cafe")
        .activity("init", "cafe", core::ActivityKind::Initiative, "2024-02-01", "s1")
        .activity("cause", "cafe", core::ActivityKind::Cause, "2023-06-01", "r1")
        .activity("x", "other");
    b.occurrence("o0", "fixed", "2023-12-01")
        .occurrence("o1", "fixed", "2024-01-10")
        .occurrence("o2", "fixed", "2024-03-20")
        .occurrence("o3", "init", "2024-03-25")
        .occurrence("ox", "x", "2024-01-10");
    using core::Role;
    // s1: passive, then initiator after 75 days away (came back); s2 active twice, with visits
    // in between (never four weeks away).
    b.participation("s1", "o0", Role::Passive)
        .participation("s1", "o1", Role::Passive)
        .participation("s1", "o3", Role::Initiator);
    b.participation("s2", "o1", Role::Active).participation("s2", "o2", Role::Active);
    b.visit("s2", "cafe", "2024-02-01")
        .visit("s2", "cafe", "2024-02-20")
        .visit("s2", "cafe", "2024-03-10");
    // r1 hosts twice here (one role; its role elsewhere does not count), r2 has two roles,
    // r3 one participation.
    b.participation("r1", "o1", Role::Host)
        .participation("r1", "o2", Role::Host)
        .participation("r1", "ox", Role::Active);
    b.participation("r2", "o1", Role::Active).participation("r2", "o2", Role::Passive);
    b.participation("r3", "o2", Role::Active);
    b.relation("s1", "r1", "2024-01-01").relation("s1", "s2", "2024-01-01");
    return b.dataset();
}

std::vector<CheckHint> hints_of(const core::Dataset& data, core::Lang lang) {
    auto scope = resolve_scope(data, Scope{ScopeKind::Partnership, "v"}, lang);
    EXPECT_TRUE(scope);
    return promoter_hints(data, *scope, {day("2024-01-01"), day("2024-06-30")}, lang);
}

const CheckHint& hint(const std::vector<CheckHint>& hints, const std::string& item) {
    for (const CheckHint& h : hints) {
        if (h.item == item) {
            return h;
        }
    }
    static const CheckHint NONE;
    ADD_FAILURE() << "no hint for " << item;
    return NONE;
}

TEST(PromoterCheck, OneHintPerItemInTheBookletsOrder) {
    const auto hints = hints_of(café(), core::Lang::Da);
    std::vector<core::Theme> items = core::starting_themes(core::ThemeGroup::Promoter);
    for (const core::Theme& inhibitor : core::starting_themes(core::ThemeGroup::Inhibitor)) {
        items.push_back(inhibitor);
    }
    ASSERT_EQ(hints.size(), items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        EXPECT_EQ(hints[i].item, items[i].id);
        EXPECT_FALSE(hints[i].text.empty());
    }
    // Two items have no data behind them, and say so.
    EXPECT_FALSE(hint(hints, "fremmer-udgangspunkt-i-aktiviteten").available);
    EXPECT_FALSE(hint(hints, "haemmer-kontrol-af-deltagelse").available);
    EXPECT_NE(hint(hints, "haemmer-kontrol-af-deltagelse").text.find("ingen data"),
              std::string::npos);
}

TEST(PromoterCheck, FixedRoleDistributionIsTheShareWhoOnlyEverHeldOneRole) {
    // s1, s2, r1, r2 have two participations or more; s2 and r1 only one role: 2 of 4.
    const auto hints = hints_of(café(), core::Lang::Da);
    const CheckHint& h = hint(hints, "haemmer-fast-rollefordeling");
    EXPECT_TRUE(h.available);
    EXPECT_EQ(h.text,
              "50 % af de 4 deltagere med mindst to deltagelser har kun nogensinde haft "
              "én rolle.");
    EXPECT_FALSE(h.attention);  // not above half
}

TEST(PromoterCheck, TightTargetGroupSteeringIsTheSupportShareAgainstTheThreshold) {
    // Participants s1, s2, r1, r2, r3: 2 of 5 need support, 20 points over the 20 % threshold.
    const auto hints = hints_of(café(), core::Lang::En);
    const CheckHint& h = hint(hints, "haemmer-stram-maalgruppestyring");
    EXPECT_EQ(h.text,
              "40% of the participants need support, against the places' threshold of "
              "20% (20 percentage points above).");
    EXPECT_TRUE(h.attention);
}

TEST(PromoterCheck, OnlyCloseNetworksIsTheMeanEiIndex) {
    // s1: one contact without support need, one with: 0. s2: only s1: -1. Mean -0,5.
    const auto hints = hints_of(café(), core::Lang::Da);
    const CheckHint& h = hint(hints, "haemmer-kun-naert-eller-kun-bro");
    EXPECT_EQ(h.text.rfind("Gennemsnitligt E-I-indeks -0,50 for 2 deltagere", 0), 0U) << h.text;
    EXPECT_TRUE(h.attention);
}

TEST(PromoterCheck, PromotersFromRolesReturnsAndActivities) {
    const auto hints = hints_of(café(), core::Lang::Da);
    EXPECT_EQ(hint(hints, "fremmer-borgernes-egne-oensker").text,
              "1 nye aktiviteter (initiativer og sager) startet af deltagere i perioden, heraf 1 "
              "af deltagere med støttebehov.");
    auto starts = [&](const std::string& item, const std::string& prefix) {
        EXPECT_EQ(hint(hints, item).text.rfind(prefix, 0), 0U) << hint(hints, item).text;
    };
    starts("fremmer-eget-tempo", "50 % af de 2 deltagere med støttebehov og mindst to");
    starts("fremmer-fleksibilitet", "1 af 2 deltagere med støttebehov kom tilbage");
    starts("fremmer-mindre-og-mere-aktiv", "1 af 2 deltagere med støttebehov var både");
    starts("fremmer-naert-netvaerk-og-bro", "100 % af de 2 deltagere");
    EXPECT_EQ(hint(hints, "fremmer-faste-og-nye-aktiviteter").text,
              "1 faste og 1 nye aktiviteter (initiativer og sager) havde deltagere i perioden.");
    // Six café days had someone who needs support: 12 users in all, 4 at most.
    EXPECT_EQ(hint(hints, "haemmer-kaotiske-rum").text,
              "På de 6 dage, hvor nogen med støttebehov kom, var der i gennemsnit 2,0 og højst 4 "
              "brugere på stedet.");
}

TEST(PromoterCheck, AnEmptyPeriodHasNoFiguresAndSaysWhy) {
    const core::Dataset data = café();
    auto scope = resolve_scope(data, Scope{ScopeKind::Partnership, "v"}, core::Lang::En);
    ASSERT_TRUE(scope);
    const auto hints =
        promoter_hints(data, *scope, {day("2030-01-01"), day("2030-06-30")}, core::Lang::En);
    EXPECT_FALSE(hint(hints, "haemmer-fast-rollefordeling").available);
    EXPECT_EQ(hint(hints, "haemmer-stram-maalgruppestyring").text,
              "No participants in the period to compute it for.");
    EXPECT_FALSE(hint(hints, "haemmer-stram-maalgruppestyring").attention);
}

}  // namespace
}  // namespace samskab::analytics
