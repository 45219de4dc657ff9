#include "web/http/response.h"

#include <algorithm>

namespace samskab::web {

namespace {

bool same_name(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               const auto lower = [](char c) {
                   return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
               };
               return lower(x) == lower(y);
           });
}

Response with_type(std::string body, int status, std::string content_type) {
    Response response;
    response.status = status;
    response.body = std::move(body);
    response.set_header("Content-Type", std::move(content_type));
    return response;
}

}  // namespace

Response& Response::set_header(std::string name, std::string value) {
    // Each cookie is a header line of its own (RFC 6265); every other header is set once.
    if (!same_name(name, "Set-Cookie")) {
        for (auto& [key, existing] : headers) {
            if (same_name(key, name)) {
                existing = std::move(value);
                return *this;
            }
        }
    }
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
}

std::string_view Response::header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (same_name(key, name)) {
            return value;
        }
    }
    return {};
}

Response Response::html(std::string body, int status) {
    return with_type(std::move(body), status, "text/html; charset=utf-8");
}

Response Response::json(std::string body, int status) {
    return with_type(std::move(body), status, "application/json; charset=utf-8");
}

Response Response::text(std::string body, int status) {
    return with_type(std::move(body), status, "text/plain; charset=utf-8");
}

Response Response::redirect(std::string location) {
    Response response;
    response.status = 303;
    response.set_header("Location", std::move(location));
    return response;
}

}  // namespace samskab::web
