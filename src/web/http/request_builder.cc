#include "web/http/request_builder.h"

#include "web/http/cookies.h"
#include "web/http/http_parsing.h"

namespace samskab::web {

namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

std::string_view last_list_entry(std::string_view list) {
    const auto comma = list.rfind(',');
    return trim(comma == std::string_view::npos ? list : list.substr(comma + 1));
}

// The language an undecodable request asks for, read from the raw query without decoding it
// (only "lang=da" and "lang=en" count), else from the cookie.
core::Lang requested_lang(std::string_view raw_query, const Params& cookies, std::string& found) {
    while (!raw_query.empty()) {
        const auto end = raw_query.find('&');
        const std::string_view piece = raw_query.substr(0, end);
        raw_query = end == std::string_view::npos ? std::string_view() : raw_query.substr(end + 1);
        core::Lang lang = core::Lang::Da;
        if (piece.substr(0, 5) == "lang=" && core::parse_lang(piece.substr(5), lang)) {
            found = std::string(piece.substr(5));
            return lang;
        }
    }
    core::Lang lang = core::Lang::Da;
    if (auto cookie = cookies.get(LANG_COOKIE)) {
        core::parse_lang(*cookie, lang);
    }
    return lang;
}

}  // namespace

core::Result<void> build_request(RawRequest raw, bool trust_proxy, Request& out) {
    out.method = raw.method;
    out.remote_address = std::move(raw.remote_address);
    for (auto& [name, value] : raw.headers) {
        std::string lower = ascii_lower(name);
        if (lower == "cookie") {
            const Params cookies = parse_cookies(value);
            for (const auto& [cookie, cookie_value] : cookies.items()) {
                out.cookies.add(cookie, cookie_value);
            }
        }
        out.headers.add(std::move(lower), std::move(value));
    }
    out.body = std::move(raw.body);
    if (trust_proxy) {
        if (auto forwarded_for = out.header("x-forwarded-for")) {
            const std::string_view address = last_list_entry(*forwarded_for);
            if (!address.empty()) {
                out.remote_address = std::string(address);
            }
        }
        if (auto proto = out.header("x-forwarded-proto")) {
            out.secure = ascii_lower(last_list_entry(*proto)) == "https";
        }
    }

    std::string_view target = raw.target;
    target = target.substr(0, target.find('#'));
    if (target.substr(0, 7) == "http://" || target.substr(0, 8) == "https://") {
        const auto authority = target.find("//") + 2;
        const auto path = target.find_first_of("/?", authority);
        target = path == std::string_view::npos ? std::string_view("/") : target.substr(path);
    }
    const auto question = target.find('?');
    const std::string_view raw_path = target.substr(0, question);
    const std::string_view raw_query =
        question == std::string_view::npos ? std::string_view() : target.substr(question + 1);

    std::string lang_value;
    const core::Lang lang = requested_lang(raw_query, out.cookies, lang_value);
    const auto keep_lang_only = [&] {
        out.query = Params();
        if (!lang_value.empty()) {
            out.query.add("lang", lang_value);
        }
    };

    auto path = decode_path(raw_path.empty() ? std::string_view("/") : raw_path, lang);
    if (!path) {
        out.path = std::string(raw_path);
        keep_lang_only();
        return tl::unexpected(path.error());
    }
    out.path = std::move(*path);
    auto query = parse_query(raw_query, lang);
    if (!query) {
        keep_lang_only();
        return tl::unexpected(query.error());
    }
    out.query = std::move(*query);
    return {};
}

}  // namespace samskab::web
