// The schemas of the JSON API's bodies, for the OpenAPI document (openapi.cc).
#include "web/api/openapi_schemas.h"

#include <string>

namespace samskab::web::api::openapi {

namespace {

const Json DATE = string_schema("date");
const Json TIME = Json{{"type", "string"},
                       {"pattern", "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$"},
                       {"description", "local Danish time (Europe/Copenhagen)"}};
const Json TEXT = string_schema();
const Json ID = string_schema();

}  // namespace

Json ref(std::string_view schema) {
    return Json{{"$ref", "#/components/schemas/" + std::string(schema)}};
}

Json string_schema(std::string_view format) {
    Json out{{"type", "string"}};
    if (!format.empty()) {
        out["format"] = format;
    }
    return out;
}

Json nullable(Json schema) {
    if (schema.contains("$ref")) {
        return Json{{"allOf", Json::array({std::move(schema)})}, {"nullable", true}};
    }
    schema["nullable"] = true;
    return schema;
}

Json enum_schema(std::initializer_list<std::string_view> values) {
    Json out{{"type", "string"}, {"enum", Json::array()}};
    for (const std::string_view value : values) {
        out["enum"].push_back(value);
    }
    return out;
}

Json array_of(Json items) {
    return Json{{"type", "array"}, {"items", std::move(items)}};
}

Json object(Json properties, std::initializer_list<std::string_view> optional) {
    Json required = Json::array();
    for (const auto& [name, schema] : properties.items()) {
        bool is_optional = false;
        for (const std::string_view o : optional) {
            is_optional = is_optional || name == o;
        }
        if (!is_optional) {
            required.push_back(name);
        }
    }
    Json out{{"type", "object"}, {"properties", std::move(properties)}};
    if (!required.empty()) {
        out["required"] = std::move(required);
    }
    return out;
}

Json schemas() {
    Json s = Json::object();
    s["Error"] = object(
        {{"code", enum_schema({"Invalid", "NotFound", "Conflict", "Forbidden", "Storage", "Usage",
                               "Unauthenticated", "UnsupportedMediaType"})},
         {"message", Json{{"type", "string"},
                          {"description", "in the request's language (Danish unless ?lang=en)"}}},
         {"field", nullable(TEXT)}});
    s["RoleGrant"] = object({{"role", enum_schema({"participant", "host", "coordinator",
                                                   "companion", "analyst", "administrator"})},
                             {"partnership", nullable(ID)},
                             {"place", nullable(ID)}});
    s["Principal"] = object({{"email", TEXT},
                             {"name", TEXT},
                             {"person", nullable(ID)},
                             {"roles", array_of(ref("RoleGrant"))}});
    s["Break"] = object({{"on_break", Json{{"type", "boolean"}}},
                         {"from", nullable(DATE)},
                         {"until", nullable(DATE)}});
    Json me = s["Principal"];
    me["properties"]["break"] = nullable(ref("Break"));
    s["Me"] = me;
    s["Session"] = object({{"csrf_token", TEXT}, {"principal", nullable(ref("Principal"))}});
    s["SignIn"] =
        object({{"email", string_schema("email")}, {"password", string_schema("password")}});
    s["Place"] = object({{"id", ID},
                         {"name", TEXT},
                         {"partnership", ID},
                         {"partnership_name", TEXT},
                         {"support_threshold", Json{{"type", "number"}}}});
    s["Person"] = object(
        {{"id", ID},
         {"name", TEXT},
         {"support_need",
          Json{{"type", "boolean"},
               {"description", "present only for coordinators of the place or partnership"}}}},
        {"support_need"});
    s["Occurrence"] = object({{"id", ID},
                              {"activity", ID},
                              {"activity_title", TEXT},
                              {"activity_kind", enum_schema({"fixed", "initiative", "cause"})},
                              {"place", ID},
                              {"place_name", TEXT},
                              {"start", TIME},
                              {"end", TIME},
                              {"participants", Json{{"type", "integer"}}},
                              {"joined", Json{{"type", "boolean"}}}});
    s["WhatsOn"] =
        object({{"from", DATE}, {"to", DATE}, {"occurrences", array_of(ref("Occurrence"))}});
    s["Activity"] =
        object({{"id", ID},
                {"place", ID},
                {"place_name", TEXT},
                {"title", TEXT},
                {"kind", enum_schema({"fixed", "initiative", "cause"})},
                {"initiated_by", nullable(ID)},
                {"initiator_name", nullable(TEXT)},
                {"created", DATE},
                {"upcoming", array_of(ref("Occurrence"))},
                {"schedules", array_of(object({{"weekday", Json{{"type", "integer"}}},
                                               {"start", TEXT},
                                               {"end", TEXT},
                                               {"from", DATE},
                                               {"until", DATE}}))},
                {"action_items", array_of(object({{"id", Json{{"type", "integer"}}},
                                                  {"text", TEXT},
                                                  {"due", nullable(DATE)},
                                                  {"done", Json{{"type", "boolean"}}}}))}});
    s["NewActivity"] = object(
        {{"place", ID}, {"title", TEXT}, {"kind", enum_schema({"initiative", "cause"})}}, {"kind"});
    s["CreatedActivity"] = object({{"id", ID},
                                   {"place", ID},
                                   {"title", TEXT},
                                   {"kind", TEXT},
                                   {"initiated_by", ID},
                                   {"created", DATE}});
    s["Participation"] = object({{"occurrence", ID}, {"joined", Json{{"type", "boolean"}}}});
    s["NameCorrection"] = object({{"name", TEXT}});
    s["CorrectedName"] = object({{"id", ID}, {"name", TEXT}});
    s["BreakChange"] = object({{"on_break", Json{{"type", "boolean"}}}, {"day", DATE}});
    s["PersonData"] = Json{{"type", "object"},
                           {"description",
                            "everything samskab holds about the signed-in person: person (with "
                            "support_need and consent per purpose), consent_history, "
                            "partnerships, companions, accompanying, participations, visits, "
                            "relations, pathways, breaks, deletion_requested, access_log (who: "
                            "you, system or staff; purpose), surveys (the person's own answers "
                            "to named survey rounds)"},
                           {"properties", Json{{"surveys", array_of(ref("OwnSurveyAnswers"))}}}};
    s["OwnSurveyAnswers"] =
        object({{"title", TEXT},
                {"partnership", ID},
                {"opens", DATE},
                {"closes", DATE},
                {"answers",
                 Json{{"type", "object"},
                      {"description",
                       "question id (flexibility, equality, diversity, can_do_more) to the answer; "
                       "skipped questions are left out"},
                      {"additionalProperties", enum_schema({"yes", "a_little", "no"})}}}});
    s["CheckIn"] = object({{"person", ref("Person")}, {"newcomer", Json{{"type", "boolean"}}}});
    s["HostToday"] =
        object({{"place", ref("Place")}, {"day", DATE}, {"checked_in", array_of(ref("CheckIn"))}});
    s["NewCheckIn"] = object({{"person", ID}, {"place", ID}});
    s["CheckedIn"] = object({{"person", ID}, {"place", ID}, {"day", DATE}});
    s["NewIntroduction"] = object({{"a", ID}, {"b", ID}, {"place", ID}});
    s["Introduction"] = object({{"a", ID}, {"b", ID}, {"since", DATE}, {"source", TEXT}});
    s["People"] = object({{"partnership", ID},
                          {"people", array_of(ref("Person"))},
                          {"total", Json{{"type", "integer"}}},
                          {"offset", Json{{"type", "integer"}}},
                          {"next_offset", nullable(Json{{"type", "integer"}})}});
    s["NewPerson"] =
        object({{"name", TEXT},
                {"partnership", ID},
                {"joined", DATE},
                {"entry_channel",
                 enum_schema({"companion", "host", "coordinator", "network", "outreach", "self"})}},
               {"joined", "entry_channel"});
    s["CreatedPerson"] = object({{"id", ID}, {"name", TEXT}, {"partnership", ID}});
    Json role = enum_schema({"initiator", "host", "active", "passive", "supported"});
    s["OccurrenceDetail"] =
        object({{"occurrence", ref("Occurrence")},
                {"participants", array_of(object({{"person", ref("Person")}, {"role", role}}))}});
    s["NewRole"] = object({{"role", role}});
    s["RoleChange"] = object({{"occurrence", ID}, {"person", ID}, {"role", role}});
    return s;
}

Json date_schema() {
    return DATE;
}

Json id_schema() {
    return ID;
}

}  // namespace samskab::web::api::openapi
