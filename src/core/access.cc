#include "core/access.h"

#include <algorithm>

namespace samskab::core {

Principal principal_of(const Account& account) {
    return Principal{account.id, account.email, account.name, account.person, account.roles};
}

bool has_role(const Principal& principal, AccountRole role) {
    return std::any_of(principal.roles.begin(), principal.roles.end(),
                       [role](const RoleGrant& grant) { return grant.role == role; });
}

bool has_role_at(const Principal& principal, AccountRole role, std::string_view partnership,
                 std::string_view place) {
    for (const RoleGrant& grant : principal.roles) {
        if (grant.role != role) {
            continue;
        }
        if (grant.place.empty() && grant.partnership.empty()) {
            return true;
        }
        if (!grant.place.empty()) {
            // A place grant never covers a whole partnership.
            if (!place.empty() && grant.place == place) {
                return true;
            }
            continue;
        }
        if (grant.partnership == partnership) {
            return true;
        }
    }
    return false;
}

RoleScope scope_of(const Principal& principal, AccountRole role) {
    RoleScope scope;
    for (const RoleGrant& grant : principal.roles) {
        if (grant.role != role) {
            continue;
        }
        if (grant.place.empty() && grant.partnership.empty()) {
            scope.everywhere = true;
        } else if (!grant.place.empty()) {
            scope.places.push_back(grant.place);
        } else {
            scope.partnerships.push_back(grant.partnership);
        }
    }
    return scope;
}

}  // namespace samskab::core
