#include "web/http/error_response.h"

#include <array>
#include <cstdio>

namespace samskab::web {

std::string json_string(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out.push_back('"');
    for (const char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    std::array<char, 8> escaped{};
                    std::snprintf(escaped.data(), escaped.size(), "\\u%04x",
                                  static_cast<unsigned>(static_cast<unsigned char>(c)));
                    out += escaped.data();
                } else {
                    out.push_back(c);
                }
        }
    }
    out.push_back('"');
    return out;
}

std::string error_json(std::string_view code, std::string_view message, std::string_view field) {
    return "{\"code\":" + json_string(code) + ",\"message\":" + json_string(message) +
           ",\"field\":" + json_string(field) + "}";
}

std::string_view error_code_name(int status) {
    switch (status) {
        case 400:
            return "Invalid";
        case 401:
            return "Unauthenticated";
        case 403:
            return "Forbidden";
        case 404:
            return "NotFound";
        case 405:
            return "MethodNotAllowed";
        case 409:
            return "Conflict";
        case 413:
            return "TooLarge";
        case 415:
            return "UnsupportedMediaType";
        case 431:
            return "HeadersTooLarge";
        default:
            return "Internal";
    }
}

std::string_view error_code_name(core::ErrorCode code) {
    switch (code) {
        case core::ErrorCode::Invalid:
            return "Invalid";
        case core::ErrorCode::NotFound:
            return "NotFound";
        case core::ErrorCode::Conflict:
            return "Conflict";
        case core::ErrorCode::Forbidden:
            return "Forbidden";
        case core::ErrorCode::Storage:
            return "Storage";
        case core::ErrorCode::Usage:
            return "Usage";
    }
    return "Internal";
}

std::string_view reason_phrase(int status) {
    switch (status) {
        case 200:
            return "OK";
        case 201:
            return "Created";
        case 204:
            return "No Content";
        case 301:
            return "Moved Permanently";
        case 302:
            return "Found";
        case 303:
            return "See Other";
        case 304:
            return "Not Modified";
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 409:
            return "Conflict";
        case 413:
            return "Payload Too Large";
        case 415:
            return "Unsupported Media Type";
        case 422:
            return "Unprocessable Content";
        case 429:
            return "Too Many Requests";
        case 431:
            return "Request Header Fields Too Large";
        case 500:
            return "Internal Server Error";
        case 503:
            return "Service Unavailable";
        default:
            return "Unknown";
    }
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out.push_back(c);
        }
    }
    return out;
}

Response plain_error_page(core::Lang lang, int status, std::string_view message) {
    const std::string escaped = html_escape(message);
    std::string body = "<!DOCTYPE html>\n<html lang=\"";
    body += lang == core::Lang::Da ? "da" : "en";
    body +=
        "\">\n<head><meta charset=\"utf-8\"><meta name=\"viewport\" "
        "content=\"width=device-width, initial-scale=1\"><title>";
    body += std::to_string(status) + " – samskab</title></head>\n<body><main><h1>";
    body += escaped;
    body += "</h1><p><a href=\"/\">";
    body += html_escape(core::message(lang, core::Msg::HttpFrontPage));
    body += "</a></p></main></body>\n</html>\n";
    return Response::html(std::move(body), status);
}

}  // namespace samskab::web
