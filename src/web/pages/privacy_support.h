#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <mstch/mstch.hpp>

#include "core/community.h"
#include "core/result.h"
#include "web/http/route.h"

// What the pages of privacy share: the access log of views of people's data, the purpose of a
// lookup as the person is told it, and the consent history as a table.
namespace samskab::web::pages {

// Writes one access-log entry per person in `people` (duplicates once), except the principal's
// own person, in one write (web/http/access_log.h): action `action`, actor the principal,
// detail the method and target of the request. The data may be shown only when this succeeds.
core::Result<void> log_person_views(const RequestContext& ctx,
                                    const std::vector<std::string>& people,
                                    std::string_view action = "view");

// The catalogue key of the purpose of a lookup, from its action and detail (the route or the
// command): "lookup_coordination", "lookup_hosting", "lookup_companion", "lookup_export",
// "lookup_login" or "lookup_other". The person sees this, never the staff member's name.
std::string_view lookup_purpose_key(std::string_view action, std::string_view detail);

// The consent history, newest first: {when, who, paper, given}; `who` without staff names.
mstch::array consent_history_rows(const RequestContext& ctx,
                                  const std::vector<core::ConsentChange>& history);

// The purposes consented to in `consents`, as catalogue texts joined by ", ".
std::string given_purposes(const RequestContext& ctx, const core::Consents& consents);

}  // namespace samskab::web::pages
