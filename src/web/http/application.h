#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "web/http/request.h"
#include "web/http/response.h"
#include "web/http/route.h"
#include "web/http/router.h"
#include "web/http/services.h"

namespace samskab::web {

// Makes the page for an error status the dispatcher answers itself (400, 403, 404, 405, 413,
// 415, 431, 500) with a message already in ctx.lang; the pages supply one in the design
// system's style. The dispatcher keeps `status` whatever the page says.
using ErrorPageRenderer =
    std::function<Response(const RequestContext& ctx, int status, std::string_view message)>;

// Sent with every response: scripts, styles, fonts and images only from samskab itself, no
// inline script, forms only to samskab, never inside a frame.
inline constexpr std::string_view CONTENT_SECURITY_POLICY =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

// The whole web application as a function from request to response, independent of the HTTP
// library: tests call `handle` directly. It serves /static/ from the configured folder, finds
// the route, resolves the session cookie ("samskab_session"), the language (query `lang`,
// then cookie "samskab_lang", then Danish), enforces the route's access rules and CSRF (see
// route.h), calls the handler, and adds the security headers to every response (CSP without
// inline script, X-Content-Type-Options, Referrer-Policy, frame-ancestors 'none'). An exception
// from a handler is a bug: it is logged and answered 500, and the server goes on.
//
// In detail, in this order: headers over config.max_header_bytes are answered 431, a body over
// config.max_body_bytes 413, a path that is not UTF-8 400; GET and HEAD under /static/ serve a
// regular file inside config.static_dir (else 404) with Cache-Control for a day; a query name
// or value that is not UTF-8 is 400 naming the field; then the route (404, or 405 with Allow
// when the path exists for other methods), sign-in (303 to /login?next=<percent-encoded path
// and query> for pages, 401 for API routes), roles (403), and for POST, PUT and DELETE: a
// page's body must be application/x-www-form-urlencoded (415) and decode as UTF-8 (400 naming
// the field), and its `csrf_token` field, or an API request's x-csrf-token header, must equal
// the session's token (403). A browser without a session has its token in the cookie
// "samskab_csrf", which the dispatcher sets, so that the login form is protected too; that
// token is ctx.csrf_token then. HEAD is answered as GET without the body. Every response but
// a static file gets Cache-Control: no-store.
//
// Error responses the dispatcher makes itself are JSON ({"code","message","field"}) for API
// routes and paths under /api/, and pages from `error_page` otherwise (a plain page when there
// is none, or when it fails).
class Application {
public:
    Application(Services& services, std::vector<Route> routes, ErrorPageRenderer error_page = {});

    // Never throws.
    Response handle(const Request& request) const;

    // An error response for a request the server could not decode (400 for a bad target): the
    // same page or JSON, language and headers as the dispatcher's own errors.
    Response refuse(const Request& request, int status, std::string_view message,
                    std::string_view field = {}) const;

    const std::vector<Route>& routes() const { return m_routes; }

private:
    struct Exchange;
    Response dispatch(Exchange& exchange, bool& is_static) const;
    Response error(const Exchange& exchange, int status, std::string_view message,
                   std::string_view field = {}) const;
    Response internal_error(const Exchange& exchange) const noexcept;
    void finish(const Exchange& exchange, Response& response, bool is_static) const;

    Services& m_services;
    std::vector<Route> m_routes;
    Router m_router;
    ErrorPageRenderer m_error_page;
};

// The HTTP status for an error code, in one place: Invalid 400 (422 for forms is the caller's
// choice), NotFound 404, Conflict 409, Forbidden 403, Storage 500, Usage 400.
int status_of(core::ErrorCode code);

}  // namespace samskab::web
