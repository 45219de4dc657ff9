#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <mstch/mstch.hpp>

#include "core/access.h"
#include "core/community.h"
#include "core/result.h"
#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/route.h"
#include "web/pages/page.h"
#include "web/views/templates.h"

// What the host's and the coordinator's pages share: the scope of a staff role, Danish dates and
// times in forms, the access log of listings, and the mapping of store errors to pages.
namespace samskab::web::pages {

// The catalogue text of `key` in the request's language, as a string to put in a page's data.
std::string text_of(const RequestContext& ctx, std::string_view key);

// Whether the principal holds `role` at `place` (through a grant for the place, for its
// partnership, or for everything).
bool may_act_at(const RequestContext& ctx, core::AccountRole role, const core::Place& place);

// Whether the principal holds `role` for the whole partnership (not only for some of its places).
bool may_act_for_partnership(const RequestContext& ctx, core::AccountRole role,
                             std::string_view partnership);

// The places at which the principal holds `role`, by name. Storage error from the store.
core::Result<std::vector<core::PlaceView>> places_in_scope(const RequestContext& ctx,
                                                           core::AccountRole role);

// The partnerships touched by the principal's `role` grants (through a place or as a whole), by
// name. Storage error from the store.
core::Result<std::vector<core::Partnership>> partnerships_in_scope(const RequestContext& ctx,
                                                                   core::AccountRole role);

// Dates and clock times in sentences come from web/views/format.h; these are the short forms
// of tables and forms.

// "mandag" / "Monday" for an ISO weekday 1..7.
std::string weekday_name(int weekday, core::Lang lang);
// "1.12.2020" / "1/12/2020".
std::string format_day_short(core::Day day, core::Lang lang);
// Minutes after midnight as "17.00" (Danish) or "17:00" (English).
std::string format_minutes(int minutes, core::Lang lang);
// "17.00–19.00" / "17:00–19:00".
std::string format_time_span(core::LocalTime start, core::LocalTime end, core::Lang lang);

// A date typed in a form: "2020-12-01" (what a date input sends), or the Danish "1.12.2020",
// "1-12-2020", "1/12/2020". Nullopt for anything else or a day that does not exist.
std::optional<core::Day> parse_form_date(std::string_view text);
// A time of day typed in a form: "17:00", "17.00", "9:30", "24:00" (the end of the day).
// Minutes after midnight, or nullopt.
std::optional<int> parse_form_clock(std::string_view text);
// A decimal number with a comma or a point: "0,2", "0.25", "1". Nullopt otherwise.
std::optional<double> parse_form_decimal(std::string_view text);

// A form error whose message names the field: "<label> <predicate>", both in the request's
// language ("Navn mangler (skal udfyldes)" / "Name is missing (required)").
FieldError field_problem(const RequestContext& ctx, std::string field, std::string_view label_key,
                         std::string_view predicate);
// The field's "is missing" error.
FieldError field_missing(const RequestContext& ctx, std::string field, std::string_view label_key);

// Writes one access-log entry for a page that lists people: action "view", no subject (one
// entry per request, not per person listed), the method and target as detail. A listing is
// shown only when this succeeds.
core::Result<void> log_listing(const RequestContext& ctx);

// The page for a failed store call: NotFound 404, Conflict 409, Forbidden 403, anything else
// 500. The store's own message is not shown, because it is Danish only.
Response failure_page(const RequestContext& ctx, const views::Templates& templates,
                      const core::Error& error);

// The request line for links back to the same page: path and query as received.
std::string request_target(const RequestContext& ctx);

// `path` with "?name=value" (or "&name=value") appended, both percent-encoded.
std::string with_query(std::string_view path, std::string_view name, std::string_view value);

// Options of a <select>: {value, label, selected}.
mstch::array select_options(const std::vector<std::pair<std::string, std::string>>& values,
                            std::string_view selected);

}  // namespace samskab::web::pages
