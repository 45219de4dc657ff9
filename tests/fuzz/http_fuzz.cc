// Fuzz target: the HTTP layer's text parsing (web/http/http_parsing.h, request_builder.h).
// The input is read as a small request: the first line is the target, the following lines up
// to an empty one are "Name: value" headers, and the rest is the body; every parser also gets
// the whole input. Nothing may crash, and what parses must keep the promises of the header:
// decoded text is UTF-8, a decoded path starts with '/' and holds no NUL, encoding then
// decoding gives back the input.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "web/http/http_parsing.h"
#include "web/http/request_builder.h"

namespace {

using namespace samskab;

void check(bool condition) {
    if (!condition) {
        std::abort();
    }
}

void check_params(const core::Result<web::Params>& params) {
    if (!params) {
        check(!params.error().message.empty());
        check(web::valid_utf8(params.error().message));
        return;
    }
    for (const auto& [name, value] : params->items()) {
        check(web::valid_utf8(name) && web::valid_utf8(value));
    }
}

web::RawRequest split_request(std::string_view text) {
    web::RawRequest raw;
    auto line_end = text.find('\n');
    raw.target = std::string(text.substr(0, line_end));
    text = line_end == std::string_view::npos ? std::string_view() : text.substr(line_end + 1);
    while (!text.empty()) {
        line_end = text.find('\n');
        const std::string_view line = text.substr(0, line_end);
        text = line_end == std::string_view::npos ? std::string_view() : text.substr(line_end + 1);
        if (line.empty()) {
            break;
        }
        const auto colon = line.find(':');
        raw.headers.emplace_back(
            std::string(line.substr(0, colon)),
            colon == std::string_view::npos ? std::string() : std::string(line.substr(colon + 1)));
    }
    raw.body = std::string(text);
    raw.remote_address = "192.0.2.1";
    return raw;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    check(web::percent_decode(web::percent_encode(text), false) == std::string(text));
    if (auto decoded = web::percent_decode(text, true)) {
        check(decoded->size() <= text.size());
    }
    const std::string shown = web::printable(text, 40);
    check(web::valid_utf8(shown) && shown.size() <= 40 + 3);
    check_params(web::parse_query(text, core::Lang::Da));
    check_params(web::parse_form(text, core::Lang::En));
    (void)web::parse_cookies(text);
    if (auto path = web::decode_path(text, core::Lang::Da)) {
        check(!path->empty() && path->front() == '/');
        check(web::valid_utf8(*path) && path->find('\0') == std::string::npos);
    }
    (void)web::has_media_type(text, "application/x-www-form-urlencoded");

    web::Request request;
    const bool trust_proxy = size > 0 && (data[0] & 1) != 0;
    if (web::build_request(split_request(text), trust_proxy, request)) {
        check(web::valid_utf8(request.path) && !request.path.empty() && request.path[0] == '/');
        for (const auto& [name, value] : request.query.items()) {
            check(web::valid_utf8(name) && web::valid_utf8(value));
        }
    }
    return 0;
}
