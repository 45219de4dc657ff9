#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/account.h"
#include "core/messages.h"
#include "web/http/request.h"
#include "web/http/response.h"

namespace samskab::web {

struct Services;

// What a handler gets: the request, the route's parameters (":id" in the pattern), the signed-in
// principal (always set unless the route is public), the session's CSRF token for forms, the
// language of the reply, and the services.
struct RequestContext {
    const Request& request;
    Params params;
    std::optional<core::Principal> principal;
    std::string csrf_token;
    core::Lang lang = core::Lang::Da;
    Services& services;
};

using Handler = std::function<Response(RequestContext&)>;

// One route. The dispatcher (web/http/application.h) enforces, before the handler runs:
// - `is_public` false: a session is required; without one a page redirects (303) to
//   /login?next=<path>, an API route answers 401 {"code":"Unauthenticated",...};
// - `roles` not empty: the principal must hold one of them somewhere, else 403; the handler
//   then checks the scope (which place, which person) and answers 403 itself when it fails;
// - POST: the form field `csrf_token` (pages) or header `x-csrf-token` (API) must equal the
//   session's token, else 403 and nothing changes.
struct Route {
    Method method = Method::Get;
    std::string pattern;  // e.g. "/activities/:id"; segments match exactly or bind a parameter
    bool api = false;     // JSON errors and 401 instead of redirects
    bool is_public = false;
    std::vector<core::AccountRole> roles;
    Handler handler;
};

}  // namespace samskab::web
