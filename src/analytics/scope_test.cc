#include "analytics/scope.h"

#include <gtest/gtest.h>

#include "analytics/test_bundle.h"

namespace samskab::analytics {
namespace {

using testing::BundleBuilder;

core::Dataset places() {
    BundleBuilder b;
    b.partnership("pa").partnership("pb");
    b.place("h1", "pa").place("x", "pb").place("h2", "pa");
    return b.dataset();
}

TEST(ResolveScope, AllTakesEveryPlaceAndPartnership) {
    const auto scope = resolve_scope(places(), Scope{}, core::Lang::Da);
    ASSERT_TRUE(scope.has_value());
    EXPECT_EQ(scope->places, (std::vector<std::uint8_t>{1, 1, 1}));
    EXPECT_EQ(scope->partnerships, (std::vector<std::uint8_t>{1, 1}));
}

TEST(ResolveScope, PlaceTakesItsOwnPartnership) {
    const auto scope = resolve_scope(places(), Scope{ScopeKind::Place, "x"}, core::Lang::Da);
    ASSERT_TRUE(scope.has_value());
    EXPECT_EQ(scope->places, (std::vector<std::uint8_t>{0, 1, 0}));
    EXPECT_EQ(scope->partnerships, (std::vector<std::uint8_t>{0, 1}));
}

TEST(ResolveScope, PartnershipTakesItsPlaces) {
    const auto scope = resolve_scope(places(), Scope{ScopeKind::Partnership, "pa"}, core::Lang::Da);
    ASSERT_TRUE(scope.has_value());
    EXPECT_EQ(scope->places, (std::vector<std::uint8_t>{1, 0, 1}));
    EXPECT_EQ(scope->partnerships, (std::vector<std::uint8_t>{1, 0}));
}

TEST(ResolveScope, UnknownPlaceIsNotFoundInDanishAndEnglish) {
    const auto da = resolve_scope(places(), Scope{ScopeKind::Place, "nope"}, core::Lang::Da);
    ASSERT_FALSE(da.has_value());
    EXPECT_EQ(da.error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(da.error().message, "--place: ukendt sted \"nope\"");
    EXPECT_EQ(da.error().field, "--place");
    const auto en = resolve_scope(places(), Scope{ScopeKind::Place, "nope"}, core::Lang::En);
    ASSERT_FALSE(en.has_value());
    EXPECT_EQ(en.error().message, "--place: unknown place \"nope\"");
}

TEST(ResolveScope, UnknownPartnershipIsNotFound) {
    // A place id is not a partnership id.
    const auto scope = resolve_scope(places(), Scope{ScopeKind::Partnership, "h1"}, core::Lang::En);
    ASSERT_FALSE(scope.has_value());
    EXPECT_EQ(scope.error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(scope.error().message, "--partnership: unknown partnership \"h1\"");
    EXPECT_EQ(scope.error().field, "--partnership");
}

}  // namespace
}  // namespace samskab::analytics
