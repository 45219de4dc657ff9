#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include "core/account.h"
#include "core/community.h"
#include "core/result.h"
#include "web/api/api_messages.h"
#include "web/http/response.h"
#include "web/http/route.h"

namespace samskab::web::api {

using Json = nlohmann::ordered_json;

// One step of a handler: its value, or the reply to send instead. Lets a handler read as
// parse -> authorise -> call -> render with an early return after each step.
template <class T>
using Checked = tl::expected<T, Response>;

// The longest text a name or title may be, in code points.
inline constexpr std::size_t MAX_TEXT = 200;

// `body` as application/json with `status`. Invalid UTF-8 in stored text is replaced rather
// than thrown on, so a bad byte never turns a listing into a 500.
Response json_reply(const Json& body, int status = 200);

// {"code", "message", "field"} with `status`; "field" is null when empty.
Response error_reply(int status, std::string_view code, std::string message,
                     std::string_view field = {});
// The error's code name with web::status_of(code).
Response error_reply(const core::Error& error);
// An error of `code` with the text of `id` in the request's language, prefixed by `field`.
Response error_reply(const RequestContext& ctx, core::ErrorCode code, std::string_view field,
                     ApiMsg id, std::initializer_list<std::string_view> args = {});

// 403 Forbidden: the principal holds the route's role, but not for this record.
Response no_access(const RequestContext& ctx);

// The reply for a failure of the community store, in the request's language. The store's own
// message is not passed on: it is in no particular language and may name tables. NotFound
// names the record of the error's field (with `id` when given); Conflict says `conflict`;
// Storage is logged on stderr and answered with a generic 500.
Response store_error(const RequestContext& ctx, const core::Error& error, std::string_view id = {},
                     ApiMsg conflict = ApiMsg::AlreadyStored);

// The request body as a JSON object. 415 when the Content-Type is not application/json; 400
// Invalid when the body is not JSON or not an object, or has a field not in `allowed`.
Checked<Json> json_body(const RequestContext& ctx, std::initializer_list<std::string_view> allowed);

// For a POST that carries nothing: an empty body, or an empty JSON object.
Checked<void> empty_body(const RequestContext& ctx);

// The non-empty string `field` of `body`, at most MAX_TEXT code points, surrounding spaces
// removed. Invalid (field) when missing, not a string, empty or too long.
Checked<std::string> string_field(const RequestContext& ctx, const Json& body,
                                  std::string_view field);
// The same, but absent or null gives nullopt.
Checked<std::optional<std::string>> optional_string_field(const RequestContext& ctx,
                                                          const Json& body, std::string_view field);
// A date "YYYY-MM-DD" in `body`; absent or null gives nullopt. Invalid (field) otherwise.
Checked<std::optional<core::Day>> optional_date_field(const RequestContext& ctx, const Json& body,
                                                      std::string_view field);

// The query parameter `name`, required and non-empty. Invalid (name) otherwise.
Checked<std::string> required_param(const RequestContext& ctx, std::string_view name);
// A date query parameter; absent or empty gives nullopt, anything but YYYY-MM-DD is Invalid.
Checked<std::optional<core::Day>> date_param(const RequestContext& ctx, std::string_view name);

// A whole-number query parameter in [min, max]; absent or empty gives `fallback`, anything
// else is Invalid (name).
Checked<std::size_t> count_param(const RequestContext& ctx, std::string_view name, std::size_t min,
                                 std::size_t max, std::size_t fallback);

// The person the signed-in account belongs to; 403 when the account is linked to none.
Checked<std::string> own_person(const RequestContext& ctx);

// The place `id`; 404 naming `field` when it is unknown.
Checked<core::PlaceView> find_place(const RequestContext& ctx, std::string_view id,
                                    std::string_view field);

// The occurrence `id` with its participants (their support-need flags only when asked for);
// 404 "occurrence" when it is unknown.
Checked<core::OccurrenceDetail> find_occurrence(const RequestContext& ctx, std::string_view id,
                                                bool with_support_need);

// Whether the principal holds any of `roles` at `place` of `partnership` (or, with `place`
// empty, for the whole partnership).
bool holds_any_at(const RequestContext& ctx, std::initializer_list<core::AccountRole> roles,
                  std::string_view partnership, std::string_view place);

// Whether the principal may see support-need flags of the people of `partnership` at `place`:
// a coordinator of that place or of the whole partnership (PRODUCT.md, "Equality").
bool sees_support_need(const RequestContext& ctx, std::string_view partnership,
                       std::string_view place);

// Logs the showing of `people` (ids) to the principal: one access-log entry per person other
// than the principal's own, in one write, with the method, path and query as the detail
// (web/http/access_log.h). On failure, the reply to give instead of the data (500).
Checked<void> log_people_listed(const RequestContext& ctx, const std::vector<std::string>& people);

}  // namespace samskab::web::api
