#include "core/access.h"

#include <gtest/gtest.h>

namespace samskab::core {
namespace {

Principal with(std::vector<RoleGrant> roles) {
    Principal principal;
    principal.account = 1;
    principal.roles = std::move(roles);
    return principal;
}

TEST(Access, PlaceGrantCoversOnlyThatPlace) {
    Principal host = with({{AccountRole::Host, "", "insp-house"}});
    EXPECT_TRUE(has_role_at(host, AccountRole::Host, "insp", "insp-house"));
    EXPECT_FALSE(has_role_at(host, AccountRole::Host, "insp", "insp-cafe"));
    EXPECT_FALSE(has_role_at(host, AccountRole::Host, "insp", ""));
    EXPECT_FALSE(has_role_at(host, AccountRole::Coordinator, "insp", "insp-house"));
}

TEST(Access, PartnershipGrantCoversItsPlaces) {
    Principal coordinator = with({{AccountRole::Coordinator, "insp", ""}});
    EXPECT_TRUE(has_role_at(coordinator, AccountRole::Coordinator, "insp", "insp-house"));
    EXPECT_TRUE(has_role_at(coordinator, AccountRole::Coordinator, "insp", ""));
    EXPECT_FALSE(has_role_at(coordinator, AccountRole::Coordinator, "vimby", "vimby-shop"));
}

TEST(Access, GlobalGrantCoversEverything) {
    Principal admin = with({{AccountRole::Administrator, "", ""}});
    EXPECT_TRUE(has_role_at(admin, AccountRole::Administrator, "vimby", "vimby-shop"));
    EXPECT_TRUE(has_role(admin, AccountRole::Administrator));
    EXPECT_FALSE(has_role(admin, AccountRole::Coordinator));
}

TEST(Access, ScopeListsGrants) {
    Principal p = with({{AccountRole::Host, "", "a"},
                        {AccountRole::Host, "insp", ""},
                        {AccountRole::Participant, "", "b"}});
    RoleScope scope = scope_of(p, AccountRole::Host);
    EXPECT_FALSE(scope.everywhere);
    EXPECT_EQ(scope.places, std::vector<std::string>{"a"});
    EXPECT_EQ(scope.partnerships, std::vector<std::string>{"insp"});
}

}  // namespace
}  // namespace samskab::core
