#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/account.h"

namespace samskab::core {

// The logged-in user a request acts for.
struct Principal {
    std::int64_t account = 0;
    std::string email;
    std::string name;
    std::string person;  // bundle id, or empty
    std::vector<RoleGrant> roles;
};

Principal principal_of(const Account& account);

// Whether the principal holds `role` anywhere at all.
bool has_role(const Principal& principal, AccountRole role);

// Whether the principal holds `role` for a place (`place` given, with its `partnership`) or for
// a whole partnership (`place` empty). A grant for a partnership covers its places; a grant
// with neither covers everything; a grant for a place covers only that place.
bool has_role_at(const Principal& principal, AccountRole role, std::string_view partnership,
                 std::string_view place);

// The partnerships and places in which the principal holds `role`. `everywhere` is set when a
// grant covers everything.
struct RoleScope {
    bool everywhere = false;
    std::vector<std::string> partnerships;
    std::vector<std::string> places;
};
RoleScope scope_of(const Principal& principal, AccountRole role);

}  // namespace samskab::core
