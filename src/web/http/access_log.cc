#include "web/http/access_log.h"

#include <set>

#include "web/http/services.h"

namespace samskab::web {

core::Result<void> log_people_shown(const RequestContext& ctx,
                                    const std::vector<std::string>& people, std::string_view action,
                                    std::string_view detail) {
    const core::LocalTime now = ctx.services.clock.now();
    const std::int64_t actor = ctx.principal ? ctx.principal->account : 0;
    const std::string own = ctx.principal ? ctx.principal->person : std::string();
    std::set<std::string, std::less<>> seen;
    std::vector<core::AccessEntry> entries;
    for (const std::string& person : people) {
        if (person.empty() || person == own || !seen.insert(person).second) {
            continue;
        }
        entries.push_back({now, actor, std::string(action), person, std::string(detail)});
    }
    if (entries.empty()) {
        return {};
    }
    return ctx.services.accounts.log_accesses(entries);
}

}  // namespace samskab::web
