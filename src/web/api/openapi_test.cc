// The OpenAPI document against the routes it describes: every route is in the document with
// its path parameters, and the document has nothing that is not a route.
#include <set>
#include <string>
#include <utility>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "web/api/api.h"

namespace samskab::web::api {
namespace {

using nlohmann::json;

std::string method_key(Method method) {
    switch (method) {
        case Method::Get:
            return "get";
        case Method::Post:
            return "post";
        case Method::Put:
            return "put";
        case Method::Delete:
            return "delete";
        default:
            return "other";
    }
}

// "/api/v1/occurrences/:id/join" -> "/api/v1/occurrences/{id}/join", with the names bound.
std::pair<std::string, std::set<std::string>> openapi_path(const std::string& pattern) {
    std::string path;
    std::set<std::string> names;
    std::size_t start = 1;
    while (start <= pattern.size()) {
        const auto slash = pattern.find('/', start);
        const std::string segment =
            pattern.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (!segment.empty() && segment.front() == ':') {
            names.insert(segment.substr(1));
            path += "/{" + segment.substr(1) + "}";
        } else {
            path += "/" + segment;
        }
        if (slash == std::string::npos) {
            break;
        }
        start = slash + 1;
    }
    return {path, names};
}

void collect_refs(const json& node, std::set<std::string>& refs) {
    if (node.is_object()) {
        for (const auto& [key, value] : node.items()) {
            if (key == "$ref" && value.is_string()) {
                refs.insert(value.get<std::string>());
            } else {
                collect_refs(value, refs);
            }
        }
    } else if (node.is_array()) {
        for (const auto& value : node) {
            collect_refs(value, refs);
        }
    }
}

TEST(OpenApi, IsAnOpenApi3Document) {
    const json doc = json::parse(openapi_document());
    EXPECT_EQ(doc["openapi"], "3.0.3");
    EXPECT_TRUE(doc["info"].contains("title"));
    EXPECT_TRUE(doc["components"]["schemas"].contains("Error"));
    const json& error = doc["components"]["schemas"]["Error"];
    EXPECT_EQ(error["required"], json::array({"code", "message", "field"}));
}

TEST(OpenApi, EveryRouteIsDescribedWithItsParameters) {
    const json doc = json::parse(openapi_document());
    for (const Route& route : routes()) {
        SCOPED_TRACE(route.pattern);
        EXPECT_TRUE(route.api);
        EXPECT_EQ(route.pattern.rfind("/api/v1/", 0), 0u);
        const auto [path, names] = openapi_path(route.pattern);
        ASSERT_TRUE(doc["paths"].contains(path)) << path;
        const std::string method = method_key(route.method);
        ASSERT_TRUE(doc["paths"][path].contains(method)) << method << " " << path;
        const json& operation = doc["paths"][path][method];
        std::set<std::string> described;
        for (const json& parameter : operation.value("parameters", json::array())) {
            if (parameter["in"] == "path") {
                EXPECT_TRUE(parameter["required"].get<bool>());
                described.insert(parameter["name"].get<std::string>());
            }
        }
        EXPECT_EQ(described, names);
        std::set<std::string> roles;
        for (const core::AccountRole role : route.roles) {
            roles.insert(std::string(core::name_of(role)));
        }
        EXPECT_EQ(operation["x-samskab-roles"].get<std::set<std::string>>(), roles);
        // A public route needs no session; every other one says so with its 401.
        EXPECT_EQ(operation.contains("security") && operation["security"].empty(), route.is_public);
        EXPECT_EQ(operation["responses"].contains("401"), !route.is_public);
        // Every error reply has the error schema.
        for (const auto& [status, response] : operation["responses"].items()) {
            if (status[0] != '2') {
                EXPECT_EQ(response["content"]["application/json"]["schema"]["$ref"],
                          "#/components/schemas/Error")
                    << status;
            }
        }
        if (route.method == Method::Post && !route.is_public) {
            EXPECT_TRUE(operation["responses"].contains("403"));
        }
    }
}

TEST(OpenApi, DescribesNothingThatIsNotARoute) {
    const json doc = json::parse(openapi_document());
    std::set<std::pair<std::string, std::string>> served;
    for (const Route& route : routes()) {
        served.insert({openapi_path(route.pattern).first, method_key(route.method)});
    }
    std::size_t operations = 0;
    for (const auto& [path, item] : doc["paths"].items()) {
        for (const auto& [method, operation] : item.items()) {
            if (method == "parameters") {
                continue;
            }
            ++operations;
            EXPECT_TRUE(served.count({path, method})) << method << " " << path;
        }
    }
    EXPECT_EQ(operations, routes().size());
}

TEST(OpenApi, EveryReferenceResolves) {
    const json doc = json::parse(openapi_document());
    std::set<std::string> refs;
    collect_refs(doc, refs);
    EXPECT_FALSE(refs.empty());
    for (const std::string& ref : refs) {
        const std::string prefix = "#/components/schemas/";
        ASSERT_EQ(ref.rfind(prefix, 0), 0u) << ref;
        EXPECT_TRUE(doc["components"]["schemas"].contains(ref.substr(prefix.size()))) << ref;
    }
}

TEST(OpenApi, RequestBodiesAreJsonAndNamePostsOnly) {
    const json doc = json::parse(openapi_document());
    for (const auto& [path, item] : doc["paths"].items()) {
        for (const auto& [method, operation] : item.items()) {
            if (operation.contains("requestBody")) {
                EXPECT_EQ(method, "post") << path;
                EXPECT_TRUE(operation["requestBody"]["content"].contains("application/json"));
                EXPECT_TRUE(operation["responses"].contains("415")) << path;
            }
        }
    }
}

TEST(OpenApi, OperationIdsAreUnique) {
    const json doc = json::parse(openapi_document());
    std::set<std::string> ids;
    for (const auto& [path, item] : doc["paths"].items()) {
        for (const auto& [method, operation] : item.items()) {
            if (method != "parameters") {
                EXPECT_TRUE(ids.insert(operation["operationId"].get<std::string>()).second);
            }
        }
    }
    EXPECT_TRUE(ids.count("post_api_v1_occurrences_id_join"));
}

TEST(OpenApi, TheNameCorrectionIsDescribed) {
    const json doc = json::parse(openapi_document());
    const json& operation = doc["paths"]["/api/v1/me/name"]["post"];
    EXPECT_EQ(operation["x-samskab-roles"], json::array({"participant"}));
    EXPECT_EQ(operation["requestBody"]["content"]["application/json"]["schema"]["$ref"],
              "#/components/schemas/NameCorrection");
    for (const char* status : {"200", "400", "403", "415"}) {
        EXPECT_TRUE(operation["responses"].contains(status)) << status;
    }
    const json& body = doc["components"]["schemas"]["NameCorrection"];
    EXPECT_EQ(body["required"], json::array({"name"}));
    EXPECT_TRUE(body["properties"].contains("name"));
}

TEST(OpenApi, RoutesAreUnique) {
    std::set<std::pair<std::string, std::string>> seen;
    for (const Route& route : routes()) {
        EXPECT_TRUE(seen.insert({route.pattern, method_key(route.method)}).second) << route.pattern;
    }
}

TEST(OpenApi, PersonDataDescribesTheOwnSurveyAnswers) {
    const json doc = json::parse(openapi_document());
    const json& schemas = doc["components"]["schemas"];
    EXPECT_EQ(schemas["PersonData"]["properties"]["surveys"]["items"]["$ref"],
              "#/components/schemas/OwnSurveyAnswers");
    const json& own = schemas["OwnSurveyAnswers"];
    EXPECT_EQ(own["required"], json::array({"title", "partnership", "opens", "closes", "answers"}));
    EXPECT_EQ(own["properties"]["answers"]["additionalProperties"]["enum"],
              json::array({"yes", "a_little", "no"}));
}

}  // namespace
}  // namespace samskab::web::api
