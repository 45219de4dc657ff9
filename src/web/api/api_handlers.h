#pragma once

#include "web/http/response.h"
#include "web/http/route.h"

namespace samskab::web::api {

// The handlers of the JSON API, one per route of routes() (api_routes.cc pairs each with its
// method, pattern and roles; openapi.cc describes its parameters, body and replies). Each
// parses, checks the scope of the principal's roles, makes one store call, and renders; every
// failure is a JSON error {"code", "message", "field"} in the request's language.

// The session: who is signed in, its CSRF token, and signing in with email and password.
Response get_session(RequestContext& ctx);
Response post_session(RequestContext& ctx);
Response get_me(RequestContext& ctx);
Response get_openapi(RequestContext& ctx);

// A participant's own things: places, what's on, activities, joining, breaks, proposals, data,
// and correcting their own name.
Response get_places(RequestContext& ctx);
Response get_whats_on(RequestContext& ctx);
Response get_activity(RequestContext& ctx);
Response post_activity(RequestContext& ctx);
Response post_join(RequestContext& ctx);
Response post_leave(RequestContext& ctx);
Response post_break(RequestContext& ctx);
Response post_return(RequestContext& ctx);
Response post_my_name(RequestContext& ctx);
Response get_my_data(RequestContext& ctx);

// The host's day at a place.
Response get_host_today(RequestContext& ctx);
Response post_check_in(RequestContext& ctx);
Response post_introduction(RequestContext& ctx);

// A coordinator's people and occurrences.
Response get_people(RequestContext& ctx);
Response post_person(RequestContext& ctx);
Response get_occurrence(RequestContext& ctx);
Response post_participant_role(RequestContext& ctx);

}  // namespace samskab::web::api
