#pragma once

#include <string>
#include <vector>

#include "web/http/route.h"

namespace samskab::web::api {

// The JSON API under /api/v1/: the same resources and the same authorisation as the pages.
// Errors are {"code", "message", "field"} with the status from web::status_of.
std::vector<Route> routes();

// The OpenAPI 3 document served at /api/v1/openapi.json; it lists every route of routes().
const std::string& openapi_document();

}  // namespace samskab::web::api
