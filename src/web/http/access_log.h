#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "web/http/route.h"

// The access log of views of people's data (docs/privacy.md, "The access log"), shared by the
// pages and the JSON API so that both log a listing the same way.
namespace samskab::web {

// Writes one access-log entry per person in `people` (a person listed twice once), except the
// principal's own person, in one write: action `action`, actor the principal, detail `detail`
// (the method and target of the request). A listing of N other people yields N entries; a
// listing of only the principal, or of no one, writes nothing. The data may be shown only when
// this succeeds.
core::Result<void> log_people_shown(const RequestContext& ctx,
                                    const std::vector<std::string>& people, std::string_view action,
                                    std::string_view detail);

}  // namespace samskab::web
