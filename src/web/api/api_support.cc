#include "web/api/api_support.h"

#include <cctype>
#include <charconv>
#include <cstdio>

#include "core/access.h"
#include "core/messages.h"
#include "web/http/access_log.h"
#include "web/http/application.h"
#include "web/http/error_response.h"
#include "web/http/http_parsing.h"
#include "web/http/router.h"
#include "web/http/services.h"

namespace samskab::web::api {

namespace {

std::optional<core::Msg> noun_of(std::string_view field) {
    if (field == "partnership") {
        return core::Msg::NounPartnership;
    }
    if (field == "place") {
        return core::Msg::NounPlace;
    }
    if (field == "person" || field == "a" || field == "b") {
        return core::Msg::NounPerson;
    }
    if (field == "activity") {
        return core::Msg::NounActivity;
    }
    if (field == "occurrence") {
        return core::Msg::NounOccurrence;
    }
    return std::nullopt;
}

Response invalid(const RequestContext& ctx, std::string_view field, core::Msg id,
                 std::initializer_list<std::string_view> args = {}) {
    return error_reply(400, "Invalid", about_field(field, core::message(ctx.lang, id, args)),
                       field);
}

std::size_t code_points(std::string_view text) {
    std::size_t count = 0;
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++count;
        }
    }
    return count;
}

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

bool is_json_content_type(std::string_view value) {
    const auto semicolon = value.find(';');
    std::string type(trimmed(value.substr(0, semicolon)));
    for (char& c : type) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return type == "application/json";
}

}  // namespace

Response json_reply(const Json& body, int status) {
    return Response::json(body.dump(-1, ' ', false, Json::error_handler_t::replace), status);
}

Response error_reply(int status, std::string_view code, std::string message,
                     std::string_view field) {
    Json body = Json::object();
    body["code"] = code;
    body["message"] = std::move(message);
    body["field"] = field.empty() ? Json(nullptr) : Json(field);
    return json_reply(body, status);
}

Response error_reply(const core::Error& error) {
    return error_reply(status_of(error.code), error_code_name(error.code), error.message,
                       error.field);
}

Response error_reply(const RequestContext& ctx, core::ErrorCode code, std::string_view field,
                     ApiMsg id, std::initializer_list<std::string_view> args) {
    return error_reply(status_of(code), error_code_name(code),
                       about_field(field, api_message(ctx.lang, id, args)), field);
}

Response no_access(const RequestContext& ctx) {
    return error_reply(ctx, core::ErrorCode::Forbidden, {}, ApiMsg::NoAccess);
}

Response store_error(const RequestContext& ctx, const core::Error& error, std::string_view id,
                     ApiMsg conflict) {
    switch (error.code) {
        case core::ErrorCode::NotFound: {
            const auto noun = noun_of(error.field);
            const std::string what =
                noun ? core::message(ctx.lang, *noun) : std::string(error.field);
            std::string text = core::message(ctx.lang, core::Msg::UnknownReference, {what, id});
            if (id.empty() && text.size() >= 3) {
                text.resize(text.size() - 3);  // the empty quotes and the space before them
            }
            return error_reply(404, "NotFound", about_field(error.field, text), error.field);
        }
        case core::ErrorCode::Conflict:
            // A whole sentence about the state of things, not about what was typed in a field.
            return error_reply(409, "Conflict", api_message(ctx.lang, conflict), error.field);
        case core::ErrorCode::Storage:
            // The operator needs the database's own words; the client gets none of them.
            std::fprintf(stderr, "samskab: storage error: %s\n", error.message.c_str());
            return error_reply(ctx, core::ErrorCode::Storage, {}, ApiMsg::StorageFailed);
        default:
            return error_reply(ctx, error.code, error.field, ApiMsg::AlreadyStored);
    }
}

namespace {

// The top-level field of a JSON object body that holds bytes which are not UTF-8 (which make
// the parser refuse the whole body), or "" when there is none to name. The body is read twice,
// with the broken bytes replaced by '?' and by '!': the field whose name or value differs
// between the two readings is the one that held them.
std::string field_with_bad_utf8(std::string_view body) {
    const Json question = Json::parse(replace_ill_formed(body, '?'), nullptr, false);
    const Json exclamation = Json::parse(replace_ill_formed(body, '!'), nullptr, false);
    if (!question.is_object() || !exclamation.is_object()) {
        return "";
    }
    for (const auto& [key, value] : question.items()) {
        const auto other = exclamation.find(key);
        if (other == exclamation.end() || *other != value) {
            return key;
        }
    }
    return "";
}

}  // namespace

Checked<Json> json_body(const RequestContext& ctx,
                        std::initializer_list<std::string_view> allowed) {
    const auto type = ctx.request.header("content-type");
    if (!type || !is_json_content_type(*type)) {
        return tl::unexpected(error_reply(415, "UnsupportedMediaType",
                                          api_message(ctx.lang, ApiMsg::ContentTypeJson),
                                          "content-type"));
    }
    Json body = Json::parse(ctx.request.body, nullptr, false);
    if (body.is_discarded() && !valid_utf8(ctx.request.body)) {
        const std::string field = field_with_bad_utf8(ctx.request.body);
        if (!field.empty()) {
            return tl::unexpected(
                error_reply(400, error_code_name(400),
                            core::message(ctx.lang, core::Msg::HttpBadUtf8, {field}), field));
        }
    }
    if (body.is_discarded()) {
        return tl::unexpected(error_reply(ctx, core::ErrorCode::Invalid, {}, ApiMsg::BodyNotJson));
    }
    if (!body.is_object()) {
        return tl::unexpected(
            error_reply(ctx, core::ErrorCode::Invalid, {}, ApiMsg::BodyNotObject));
    }
    for (const auto& [key, value] : body.items()) {
        bool known = false;
        for (const std::string_view name : allowed) {
            known = known || key == name;
        }
        if (!known) {
            return tl::unexpected(invalid(ctx, key, core::Msg::UnknownField));
        }
    }
    return body;
}

Checked<void> empty_body(const RequestContext& ctx) {
    if (trimmed(ctx.request.body).empty()) {
        return {};
    }
    auto body = json_body(ctx, {});
    if (!body) {
        return tl::unexpected(std::move(body.error()));
    }
    return {};
}

Checked<std::optional<std::string>> optional_string_field(const RequestContext& ctx,
                                                          const Json& body,
                                                          std::string_view field) {
    const auto it = body.find(field);
    if (it == body.end() || it->is_null()) {
        return std::nullopt;
    }
    if (!it->is_string()) {
        return tl::unexpected(invalid(ctx, field, core::Msg::MustBeString));
    }
    const std::string_view text = trimmed(it->get_ref<const std::string&>());
    if (text.empty()) {
        return tl::unexpected(invalid(ctx, field, core::Msg::MustBeNonEmptyString));
    }
    if (code_points(text) > MAX_TEXT) {
        return tl::unexpected(error_reply(ctx, core::ErrorCode::Invalid, field, ApiMsg::TooLong,
                                          {std::to_string(MAX_TEXT)}));
    }
    return std::string(text);
}

Checked<std::string> string_field(const RequestContext& ctx, const Json& body,
                                  std::string_view field) {
    auto value = optional_string_field(ctx, body, field);
    if (!value) {
        return tl::unexpected(std::move(value.error()));
    }
    if (!*value) {
        return tl::unexpected(invalid(ctx, field, core::Msg::Required));
    }
    return std::move(**value);
}

Checked<std::optional<core::Day>> optional_date_field(const RequestContext& ctx, const Json& body,
                                                      std::string_view field) {
    const auto it = body.find(field);
    if (it == body.end() || it->is_null()) {
        return std::nullopt;
    }
    const std::string text = it->is_string() ? "\"" + it->get<std::string>() + "\"" : it->dump();
    const auto day =
        it->is_string() ? core::parse_date(it->get_ref<const std::string&>()) : std::nullopt;
    if (!day) {
        return tl::unexpected(invalid(ctx, field, core::Msg::MustBeDate, {text}));
    }
    return day;
}

Checked<std::string> required_param(const RequestContext& ctx, std::string_view name) {
    const std::string_view value = trimmed(ctx.request.query.value(name));
    if (value.empty()) {
        return tl::unexpected(invalid(ctx, name, core::Msg::Required));
    }
    return std::string(value);
}

Checked<std::optional<core::Day>> date_param(const RequestContext& ctx, std::string_view name) {
    const std::string_view value = trimmed(ctx.request.query.value(name));
    if (value.empty()) {
        return std::nullopt;
    }
    const auto day = core::parse_date(value);
    if (!day) {
        return tl::unexpected(
            invalid(ctx, name, core::Msg::MustBeDate, {"\"" + std::string(value) + "\""}));
    }
    return day;
}

Checked<std::size_t> count_param(const RequestContext& ctx, std::string_view name, std::size_t min,
                                 std::size_t max, std::size_t fallback) {
    const std::string_view value = trimmed(ctx.request.query.value(name));
    if (value.empty()) {
        return fallback;
    }
    std::size_t number = 0;
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc() || end != value.data() + value.size() || number < min ||
        number > max) {
        return tl::unexpected(invalid(ctx, name, core::Msg::WholeNumberFromTo,
                                      {std::to_string(min), std::to_string(max)}));
    }
    return number;
}

Checked<std::string> own_person(const RequestContext& ctx) {
    if (!ctx.principal || ctx.principal->person.empty()) {
        return tl::unexpected(error_reply(ctx, core::ErrorCode::Forbidden, {}, ApiMsg::NoPerson));
    }
    return ctx.principal->person;
}

Checked<core::PlaceView> find_place(const RequestContext& ctx, std::string_view id,
                                    std::string_view field) {
    auto place = ctx.services.community.find_place(id);
    if (!place) {
        return tl::unexpected(store_error(ctx, place.error(), id));
    }
    if (!*place) {
        return tl::unexpected(
            store_error(ctx, core::Error{core::ErrorCode::NotFound, {}, std::string(field)}, id));
    }
    return std::move(**place);
}

Checked<core::OccurrenceDetail> find_occurrence(const RequestContext& ctx, std::string_view id,
                                                bool with_support_need) {
    auto detail = ctx.services.community.find_occurrence(id, with_support_need);
    if (!detail) {
        return tl::unexpected(store_error(ctx, detail.error(), id));
    }
    if (!*detail) {
        return tl::unexpected(
            store_error(ctx, core::Error{core::ErrorCode::NotFound, {}, "occurrence"}, id));
    }
    return std::move(**detail);
}

bool holds_any_at(const RequestContext& ctx, std::initializer_list<core::AccountRole> roles,
                  std::string_view partnership, std::string_view place) {
    if (!ctx.principal) {
        return false;
    }
    for (const core::AccountRole role : roles) {
        if (core::has_role_at(*ctx.principal, role, partnership, place)) {
            return true;
        }
    }
    return false;
}

bool sees_support_need(const RequestContext& ctx, std::string_view partnership,
                       std::string_view place) {
    return holds_any_at(ctx, {core::AccountRole::Coordinator}, partnership, place);
}

Checked<void> log_people_listed(const RequestContext& ctx, const std::vector<std::string>& people) {
    std::string detail = std::string(method_name(ctx.request.method)) + " " + ctx.request.path;
    char separator = '?';
    for (const auto& [name, value] : ctx.request.query.items()) {
        detail += separator + name + "=" + value;
        separator = '&';
    }
    if (auto logged = log_people_shown(ctx, people, "view", detail); !logged) {
        return tl::unexpected(store_error(ctx, logged.error()));
    }
    return {};
}

}  // namespace samskab::web::api
