#pragma once

#include <initializer_list>
#include <string_view>

#include "web/api/api_support.h"

namespace samskab::web::api::openapi {

// Pieces of the OpenAPI 3.0 document (openapi.cc): schema builders and the schemas of every
// request and response body, under components/schemas.

Json ref(std::string_view schema);
Json string_schema(std::string_view format = {});
// OpenAPI 3.0 ignores the siblings of a $ref, so a nullable reference is wrapped in allOf.
Json nullable(Json schema);
Json enum_schema(std::initializer_list<std::string_view> values);
Json array_of(Json items);
// An object schema; every property is required unless listed in `optional`.
Json object(Json properties, std::initializer_list<std::string_view> optional = {});

Json date_schema();
Json id_schema();

// Every schema by name: Error, Principal, Place, Person, Occurrence, Activity, ...
Json schemas();

}  // namespace samskab::web::api::openapi
