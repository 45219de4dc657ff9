#include "web/http/application.h"

#include <algorithm>
#include <exception>
#include <iostream>
#include <optional>
#include <sstream>

#include "core/access.h"
#include "web/http/cookies.h"
#include "web/http/csrf.h"
#include "web/http/error_response.h"
#include "web/http/http_parsing.h"
#include "web/http/static_files.h"

namespace samskab::web {

namespace {

constexpr std::string_view STATIC_PREFIX = "/static/";

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

bool changes_state(Method method) {
    return method == Method::Post || method == Method::Put || method == Method::Delete;
}

core::Lang lang_of(const Request& request) {
    core::Lang lang = core::Lang::Da;
    if (auto query = request.query.get("lang"); query && core::parse_lang(*query, lang)) {
        return lang;
    }
    if (auto cookie = request.cookies.get(LANG_COOKIE); cookie && core::parse_lang(*cookie, lang)) {
        return lang;
    }
    return core::Lang::Da;
}

// As the request line and header block would count them: "name: value\r\n".
std::size_t header_bytes(const Request& request) {
    std::size_t bytes = 0;
    for (const auto& [name, value] : request.headers.items()) {
        bytes += name.size() + value.size() + 4;
    }
    return bytes;
}

// The path and query of the request, encoded again, for the login page to send the user back.
std::string path_and_query(const Request& request) {
    std::string target;
    std::string_view path = request.path;
    while (!path.empty()) {
        path.remove_prefix(1);  // the '/'
        const auto slash = path.find('/');
        target += '/';
        target += percent_encode(path.substr(0, slash));
        path = slash == std::string_view::npos ? std::string_view() : path.substr(slash);
    }
    if (target.empty()) {
        target = "/";
    }
    char separator = '?';
    for (const auto& [name, value] : request.query.items()) {
        target += separator;
        target += percent_encode(name) + "=" + percent_encode(value);
        separator = '&';
    }
    return target;
}

std::string kilobytes(std::size_t bytes) {
    return std::to_string((bytes + 1023) / 1024);
}

void log_failure(const Request& request, std::string_view what) {
    // The path names the page; the query and body may hold personal data and stay out of logs.
    std::ostringstream line;
    line << "samskab: " << method_name(request.method) << ' ' << printable(request.path, 200)
         << ": " << what << '\n';
    std::cerr << line.str() << std::flush;
}

}  // namespace

struct Application::Exchange {
    explicit Exchange(const Request& request) : request(request) {}

    const Request& request;
    core::Lang lang = core::Lang::Da;
    bool api = false;
    std::optional<core::Principal> principal;
    std::string csrf_token;
    bool new_csrf_cookie = false;
    Params params;
};

Application::Application(Services& services, std::vector<Route> routes,
                         ErrorPageRenderer error_page)
    : m_services(services),
      m_routes(std::move(routes)),
      m_router(m_routes),
      m_error_page(std::move(error_page)) {}

Response Application::handle(const Request& request) const {
    Exchange exchange(request);
    exchange.lang = lang_of(request);
    exchange.api = starts_with(request.path, "/api/");
    bool is_static = false;
    Response response;
    try {
        response = dispatch(exchange, is_static);
    } catch (const std::exception& e) {
        log_failure(request, e.what());
        response = internal_error(exchange);
        is_static = false;
    } catch (...) {
        log_failure(request, "unknown exception");
        response = internal_error(exchange);
        is_static = false;
    }
    try {
        finish(exchange, response, is_static);
    } catch (...) {
        // Only memory can run out here; an answer without a body is still an answer.
        response = Response();
        response.status = 500;
    }
    return response;
}

Response Application::refuse(const Request& request, int status, std::string_view message,
                             std::string_view field) const {
    Exchange exchange(request);
    exchange.lang = lang_of(request);
    exchange.api = starts_with(request.path, "/api/");
    Response response;
    try {
        response = error(exchange, status, message, field);
    } catch (const std::exception& e) {
        log_failure(request, e.what());
        response = internal_error(exchange);
    }
    finish(exchange, response, false);
    return response;
}

Response Application::dispatch(Exchange& exchange, bool& is_static) const {
    const Request& request = exchange.request;
    const WebConfig& config = m_services.config;
    const core::Lang lang = exchange.lang;

    if (header_bytes(request) > config.max_header_bytes) {
        return error(exchange, 431,
                     core::message(lang, core::Msg::HttpHeadersTooLarge,
                                   {kilobytes(config.max_header_bytes)}));
    }
    if (request.body.size() > config.max_body_bytes) {
        return error(
            exchange, 413,
            core::message(lang, core::Msg::HttpTooLarge, {kilobytes(config.max_body_bytes)}));
    }
    if (!valid_utf8(request.path)) {
        return error(exchange, 400, core::message(lang, core::Msg::HttpBadPath), "path");
    }
    if (starts_with(request.path, STATIC_PREFIX)) {
        if (request.method != Method::Get && request.method != Method::Head) {
            Response refused =
                error(exchange, 405, core::message(lang, core::Msg::HttpMethodNotAllowed));
            refused.set_header("Allow", "GET, HEAD");
            return refused;
        }
        auto file = static_file(config.static_dir, request.path.substr(STATIC_PREFIX.size()));
        if (!file) {
            return error(exchange, 404, core::message(lang, core::Msg::HttpNotFound));
        }
        is_static = true;
        return std::move(*file);
    }
    if (auto readable = check_utf8(request.query, lang); !readable) {
        return error(exchange, 400, readable.error().message, readable.error().field);
    }

    if (auto token = request.cookies.get(SESSION_COOKIE); token && !token->empty()) {
        auto current = m_services.auth.session(*token);
        if (!current) {
            log_failure(request, "session lookup failed: " + current.error().message);
            return error(exchange, 500, core::message(lang, core::Msg::HttpInternalError));
        }
        if (*current) {
            exchange.principal = std::move((*current)->principal);
            exchange.csrf_token = std::move((*current)->session.csrf_token);
        }
    }
    if (!exchange.principal) {
        auto cookie = request.cookies.get(CSRF_COOKIE);
        if (cookie && well_formed_token(*cookie)) {
            exchange.csrf_token = std::string(*cookie);
        } else {
            exchange.csrf_token = random_token();
            exchange.new_csrf_cookie = true;
        }
    }

    Router::Match match = m_router.match(request.method, request.path);
    if (match.outcome == Router::Outcome::NotFound) {
        return error(exchange, 404, core::message(lang, core::Msg::HttpNotFound));
    }
    if (match.outcome == Router::Outcome::MethodNotAllowed) {
        Response refused =
            error(exchange, 405, core::message(lang, core::Msg::HttpMethodNotAllowed));
        refused.set_header("Allow", match.allowed);
        return refused;
    }
    const Route& route = m_routes[match.route];
    exchange.api = route.api;
    exchange.params = std::move(match.params);

    if ((!route.is_public || !route.roles.empty()) && !exchange.principal) {
        if (route.api) {
            return Response::json(
                error_json("Unauthenticated", core::message(lang, core::Msg::HttpSignInRequired),
                           ""),
                401);
        }
        return Response::redirect("/login?next=" + percent_encode(path_and_query(request)));
    }
    if (!route.roles.empty() &&
        std::none_of(route.roles.begin(), route.roles.end(), [&](core::AccountRole role) {
            return core::has_role(*exchange.principal, role);
        })) {
        return error(exchange, 403, core::message(lang, core::Msg::HttpNoAccess));
    }

    if (changes_state(request.method)) {
        std::string submitted;
        if (route.api) {
            submitted = std::string(request.header("x-csrf-token").value_or(""));
        } else {
            if (!has_media_type(request.header("content-type").value_or(""),
                                "application/x-www-form-urlencoded")) {
                return error(exchange, 415, core::message(lang, core::Msg::HttpNotForm));
            }
            auto form = parse_form(request.body, lang);
            if (!form) {
                return error(exchange, 400, form.error().message, form.error().field);
            }
            submitted = std::string(form->value("csrf_token"));
        }
        if (exchange.csrf_token.empty() || !same_token(submitted, exchange.csrf_token)) {
            return error(exchange, 403, core::message(lang, core::Msg::HttpFormExpired));
        }
    }

    RequestContext ctx{request, exchange.params, exchange.principal, exchange.csrf_token,
                       lang,    m_services};
    return route.handler(ctx);
}

Response Application::error(const Exchange& exchange, int status, std::string_view message,
                            std::string_view field) const {
    if (exchange.api) {
        return Response::json(error_json(error_code_name(status), message, field), status);
    }
    if (!m_error_page) {
        return plain_error_page(exchange.lang, status, message);
    }
    RequestContext ctx{exchange.request,    exchange.params, exchange.principal,
                       exchange.csrf_token, exchange.lang,   m_services};
    Response page = m_error_page(ctx, status, message);
    page.status = status;
    return page;
}

Response Application::internal_error(const Exchange& exchange) const noexcept {
    try {
        return error(exchange, 500, core::message(exchange.lang, core::Msg::HttpInternalError));
    } catch (const std::exception& e) {
        log_failure(exchange.request, std::string("error page failed: ") + e.what());
    } catch (...) {
        log_failure(exchange.request, "error page failed");
    }
    try {
        return plain_error_page(exchange.lang, 500,
                                core::message(exchange.lang, core::Msg::HttpInternalError));
    } catch (...) {
        Response bare;
        bare.status = 500;
        return bare;
    }
}

void Application::finish(const Exchange& exchange, Response& response, bool is_static) const {
    response.set_header("Content-Security-Policy", std::string(CONTENT_SECURITY_POLICY));
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("Referrer-Policy", "same-origin");
    response.set_header("X-Frame-Options", "DENY");
    if (!is_static) {
        // Pages hold personal data: no browser or proxy may keep a copy.
        response.set_header("Cache-Control", "no-store");
        if (exchange.new_csrf_cookie) {
            response.set_header("Set-Cookie",
                                csrf_cookie(exchange.csrf_token, exchange.request.secure));
        }
    }
    if (exchange.request.method == Method::Head) {
        response.body.clear();
    }
}

int status_of(core::ErrorCode code) {
    switch (code) {
        case core::ErrorCode::Invalid:
        case core::ErrorCode::Usage:
            return 400;
        case core::ErrorCode::NotFound:
            return 404;
        case core::ErrorCode::Conflict:
            return 409;
        case core::ErrorCode::Forbidden:
            return 403;
        case core::ErrorCode::Storage:
            return 500;
    }
    return 500;
}

}  // namespace samskab::web
