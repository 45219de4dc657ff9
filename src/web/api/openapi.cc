// The OpenAPI 3.0 description of the JSON API, served at /api/v1/openapi.json. It is written
// out by hand beside the routes (api_routes.cc) rather than generated from them, so that
// openapi_test.cc can hold the two against each other: a route without a description, or a
// description without a route, fails the test.
#include <string>
#include <vector>

#include "web/api/api.h"
#include "web/api/api_support.h"
#include "web/api/openapi_schemas.h"

namespace samskab::web::api {

namespace {

using openapi::array_of;
using openapi::enum_schema;
using openapi::ref;

struct Parameter {
    std::string_view name;
    std::string_view in;  // "path" or "query"
    bool required;
    Json schema;
    std::string_view description;
};

struct Operation {
    std::string_view method;  // lower case, as OpenAPI spells it
    std::string_view path;
    std::string_view summary;
    bool is_public;
    // The roles of which the principal must hold one somewhere (x-samskab-roles); the handler
    // then checks the scope, as the summary says.
    std::vector<std::string_view> roles;
    std::vector<Parameter> parameters;
    std::string_view request_schema;  // empty: no body
    int status;
    std::string_view response_schema;
    std::vector<int> errors;
};

std::vector<Operation> operations() {
    const Json DATE = openapi::date_schema();
    const Json ID = openapi::id_schema();
    const Json COUNT{{"type", "integer"}, {"minimum", 0}};
    const Parameter id{"id", "path", true, ID, ""};
    const std::vector<std::string_view> anyone;
    const std::vector<std::string_view> participant{"participant"};
    const std::vector<std::string_view> member{"participant", "host", "coordinator"};
    const std::vector<std::string_view> host{"host"};
    const std::vector<std::string_view> coordinator{"coordinator"};
    return {
        {"get", "/api/v1/openapi.json", "This document", true, anyone, {}, "", 200, "", {}},
        {"get",
         "/api/v1/session",
         "The CSRF token: of the session when signed in (with the principal), else the one the "
         "sign-in POST must send",
         true,
         anyone,
         {},
         "",
         200,
         "Session",
         {}},
        {"post",
         "/api/v1/session",
         "Sign in; sets the session cookie, returns the CSRF token",
         true,
         anyone,
         {},
         "SignIn",
         200,
         "Session",
         {400, 403, 415}},
        {"get",
         "/api/v1/me",
         "The signed-in user, roles with their scope, and any break",
         false,
         anyone,
         {},
         "",
         200,
         "Me",
         {}},
        {"get",
         "/api/v1/me/data",
         "Everything samskab holds about the signed-in person (written to the access log)",
         false,
         anyone,
         {},
         "",
         200,
         "PersonData",
         {403, 404}},
        {"post",
         "/api/v1/me/name",
         "Correct the signed-in person's own name (GDPR art. 16); blank or longer than 200 bytes "
         "is refused with field \"name\"",
         false,
         participant,
         {},
         "NameCorrection",
         200,
         "CorrectedName",
         {400, 403, 404, 415}},
        {"post",
         "/api/v1/me/break",
         "Take a break (no explanation needed)",
         false,
         participant,
         {},
         "",
         200,
         "BreakChange",
         {403, 409}},
        {"post",
         "/api/v1/me/return",
         "Come back from a break",
         false,
         participant,
         {},
         "",
         200,
         "BreakChange",
         {403, 409}},
        {"get",
         "/api/v1/places",
         "Every place with its partnership",
         false,
         anyone,
         {},
         "",
         200,
         "Place[]",
         {}},
        {"get",
         "/api/v1/whats-on",
         "Occurrences at the places where the participant takes part",
         false,
         participant,
         {{"from", "query", false, DATE, "first day; default today"},
          {"to", "query", false, DATE,
           "last day, inclusive; default 13 days after from; at most 92 days in all"}},
         "",
         200,
         "WhatsOn",
         {400}},
        {"get",
         "/api/v1/activities/{id}",
         "An activity with its upcoming occurrences, for those who take part, host or coordinate "
         "at its place",
         false,
         member,
         {id},
         "",
         200,
         "Activity",
         {403, 404}},
        {"post",
         "/api/v1/activities",
         "Propose an initiative or open a cause at a place where the participant takes part",
         false,
         participant,
         {},
         "NewActivity",
         201,
         "CreatedActivity",
         {400, 403, 404, 415}},
        {"post",
         "/api/v1/occurrences/{id}/join",
         "Join an occurrence",
         false,
         participant,
         {id},
         "",
         200,
         "Participation",
         {403, 404, 409}},
        {"post",
         "/api/v1/occurrences/{id}/leave",
         "Leave an occurrence, no reason asked",
         false,
         participant,
         {id},
         "",
         200,
         "Participation",
         {403, 404, 409}},
        {"get",
         "/api/v1/host/today",
         "Who is checked in today at a place the principal hosts, newcomers marked",
         false,
         host,
         {{"place", "query", true, ID, "the place"}},
         "",
         200,
         "HostToday",
         {400, 403, 404}},
        {"post",
         "/api/v1/host/check-ins",
         "Check a person of the place's partnership in today, at a place the principal hosts",
         false,
         host,
         {},
         "NewCheckIn",
         200,
         "CheckedIn",
         {400, 403, 404, 415}},
        {"post",
         "/api/v1/host/introductions",
         "Record that the host introduced two people of the place's partnership",
         false,
         host,
         {},
         "NewIntroduction",
         201,
         "Introduction",
         {400, 403, 404, 409, 415}},
        {"get",
         "/api/v1/people",
         "The people of a partnership, for its coordinators and the hosts and coordinators of its "
         "places; support_need only for coordinators of the whole partnership",
         false,
         {"coordinator", "host"},
         {{"partnership", "query", true, ID, "the partnership"},
          {"offset", "query", false, COUNT, "how many people of the list to skip (default 0)"},
          {"limit", "query", false, COUNT, "at most this many people, 1 to 1000 (default 500)"}},
         "",
         200,
         "People",
         {400, 403}},
        {"post",
         "/api/v1/people",
         "Register a person in a partnership the principal coordinates",
         false,
         coordinator,
         {},
         "NewPerson",
         201,
         "CreatedPerson",
         {400, 403, 415}},
        {"get",
         "/api/v1/occurrences/{id}",
         "An occurrence with its participants, their roles and support needs, for coordinators "
         "of its place",
         false,
         coordinator,
         {id},
         "",
         200,
         "OccurrenceDetail",
         {403, 404}},
        {"post",
         "/api/v1/occurrences/{id}/participants/{person}/role",
         "Change the role a person holds in an occurrence",
         false,
         coordinator,
         {id, {"person", "path", true, ID, "the person"}},
         "NewRole",
         200,
         "RoleChange",
         {400, 403, 404, 415}},
    };
}

Json schema_named(std::string_view name) {
    if (name.size() > 2 && name.substr(name.size() - 2) == "[]") {
        return array_of(ref(name.substr(0, name.size() - 2)));
    }
    return ref(name);
}

Json error_response(std::string_view description) {
    return Json{{"description", description},
                {"content", Json{{"application/json", Json{{"schema", ref("Error")}}}}}};
}

std::string_view error_description(int status) {
    switch (status) {
        case 400:
            return "Invalid input; field names the first wrong field";
        case 401:
            return "Not signed in";
        case 403:
            return "Not allowed: the role or its scope is missing, or the CSRF token is wrong";
        case 404:
            return "A named record does not exist";
        case 409:
            return "Contradicts what is stored";
        case 415:
            return "The body is not application/json";
        default:
            return "The database failed";
    }
}

// "post_api_v1_occurrences_id_join": unique, and a valid identifier for code generators.
std::string operation_id(const Operation& op) {
    std::string id(op.method);
    for (const char c : op.path) {
        const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (word) {
            id += c;
        } else if (id.back() != '_') {
            id += '_';
        }
    }
    while (id.back() == '_') {
        id.pop_back();
    }
    return id;
}

Json operation_json(const Operation& op) {
    Json out{
        {"summary", op.summary}, {"operationId", operation_id(op)}, {"x-samskab-roles", op.roles}};
    if (!op.parameters.empty()) {
        Json parameters = Json::array();
        for (const Parameter& p : op.parameters) {
            Json parameter{
                {"name", p.name}, {"in", p.in}, {"required", p.required}, {"schema", p.schema}};
            if (!p.description.empty()) {
                parameter["description"] = p.description;
            }
            parameters.push_back(std::move(parameter));
        }
        out["parameters"] = std::move(parameters);
    }
    if (!op.request_schema.empty()) {
        out["requestBody"] =
            Json{{"required", true},
                 {"content", Json{{"application/json", Json{{"schema", ref(op.request_schema)}}}}}};
    }
    Json responses = Json::object();
    Json success{{"description", "OK"}};
    if (!op.response_schema.empty()) {
        success["content"] =
            Json{{"application/json", Json{{"schema", schema_named(op.response_schema)}}}};
    } else {
        success["content"] = Json{{"application/json", Json{{"schema", Json::object()}}}};
    }
    responses[std::to_string(op.status)] = std::move(success);
    std::vector<int> errors = op.errors;
    if (!op.is_public) {
        errors.push_back(401);
    }
    if (!op.is_public && op.method == "post") {
        errors.push_back(403);  // a missing or wrong x-csrf-token
    }
    errors.push_back(500);
    for (const int status : errors) {
        responses[std::to_string(status)] = error_response(error_description(status));
    }
    out["responses"] = std::move(responses);
    if (op.is_public) {
        out["security"] = Json::array();
    } else if (op.method == "post") {
        out["security"] = Json::array({Json{{"session", Json::array()}, {"csrf", Json::array()}}});
    }
    return out;
}

std::string build_document() {
    Json paths = Json::object();
    for (const Operation& op : operations()) {
        paths[std::string(op.path)][std::string(op.method)] = operation_json(op);
    }
    Json lang{{"name", "lang"},
              {"in", "query"},
              {"required", false},
              {"schema", enum_schema({"da", "en"})},
              {"description", "language of error messages; Danish by default"}};
    for (auto& [path, item] : paths.items()) {
        item["parameters"] = Json::array({lang});
    }
    Json document{
        {"openapi", "3.0.3"},
        {"info",
         Json{{"title", "samskab API"},
              {"version", "1"},
              {"description",
               "The JSON API of samskab: the same resources and authorisation as the pages. Sign "
               "in with POST /api/v1/session, then send the samskab_session cookie and, on every "
               "POST, the CSRF token in the x-csrf-token header. Errors are {code, message, "
               "field} with messages in Danish, or English with ?lang=en."}}},
        {"paths", std::move(paths)},
        {"components",
         Json{{"schemas", openapi::schemas()},
              {"securitySchemes",
               Json{{"session",
                     Json{{"type", "apiKey"}, {"in", "cookie"}, {"name", "samskab_session"}}},
                    {"csrf",
                     Json{{"type", "apiKey"}, {"in", "header"}, {"name", "x-csrf-token"}}}}}}},
        {"security", Json::array({Json{{"session", Json::array()}}})},
    };
    return document.dump(2);
}

}  // namespace

const std::string& openapi_document() {
    static const std::string document = build_document();
    return document;
}

}  // namespace samskab::web::api
