#include "web/http/http_parsing.h"

#include <algorithm>
#include <cstdint>

namespace samskab::web {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

// The length of the well-formed UTF-8 sequence at the start of `text`, or 0 when there is
// none (RFC 3629, table 3-7 of the Unicode standard).
std::size_t sequence_length(std::string_view text) {
    const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
    const std::uint8_t first = byte(0);
    if (first < 0x80) {
        return 1;
    }
    std::size_t length = 0;
    std::uint8_t low = 0x80;
    std::uint8_t high = 0xBF;
    if (first >= 0xC2 && first <= 0xDF) {
        length = 2;
    } else if (first >= 0xE0 && first <= 0xEF) {
        length = 3;
        low = first == 0xE0 ? 0xA0 : 0x80;   // no overlong forms
        high = first == 0xED ? 0x9F : 0xBF;  // no surrogates
    } else if (first >= 0xF0 && first <= 0xF4) {
        length = 4;
        low = first == 0xF0 ? 0x90 : 0x80;   // no overlong forms
        high = first == 0xF4 ? 0x8F : 0xBF;  // nothing above U+10FFFF
    } else {
        return 0;
    }
    if (text.size() < length || byte(1) < low || byte(1) > high) {
        return 0;
    }
    for (std::size_t i = 2; i < length; ++i) {
        if (byte(i) < 0x80 || byte(i) > 0xBF) {
            return 0;
        }
    }
    return length;
}

core::Result<Params> parse_pairs(std::string_view text, core::Lang lang) {
    Params params;
    while (!text.empty()) {
        const auto end = text.find('&');
        const std::string_view piece = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        if (piece.empty()) {
            continue;
        }
        const auto equals = piece.find('=');
        const std::string_view raw_name = piece.substr(0, equals);
        const std::string_view raw_value =
            equals == std::string_view::npos ? std::string_view() : piece.substr(equals + 1);
        auto name = percent_decode(raw_name, true);
        if (!name) {
            const std::string field = printable(raw_name);
            return core::fail(core::ErrorCode::Invalid,
                              core::message(lang, core::Msg::HttpBadEncoding, {field}), field);
        }
        auto value = percent_decode(raw_value, true);
        if (!value || !valid_utf8(*name)) {
            const std::string field = printable(*name);
            const core::Msg id = value ? core::Msg::HttpBadUtf8 : core::Msg::HttpBadEncoding;
            return core::fail(core::ErrorCode::Invalid, core::message(lang, id, {field}), field);
        }
        if (!valid_utf8(*value)) {
            return core::fail(core::ErrorCode::Invalid,
                              core::message(lang, core::Msg::HttpBadUtf8, {*name}), *name);
        }
        params.add(std::move(*name), std::move(*value));
    }
    return params;
}

}  // namespace

bool valid_utf8(std::string_view text) {
    while (!text.empty()) {
        const std::size_t length = sequence_length(text);
        if (length == 0) {
            return false;
        }
        text.remove_prefix(length);
    }
    return true;
}

std::string printable(std::string_view text, std::size_t max_bytes) {
    std::string out;
    while (!text.empty()) {
        const std::size_t length = sequence_length(text);
        if (out.size() + std::max<std::size_t>(length, 1) > max_bytes) {
            out += "…";
            break;
        }
        if (length == 0) {
            out.push_back('?');
            text.remove_prefix(1);
        } else {
            out.append(text.substr(0, length));
            text.remove_prefix(length);
        }
    }
    return out;
}

std::string replace_ill_formed(std::string_view text, char replacement) {
    std::string out;
    out.reserve(text.size());
    while (!text.empty()) {
        const std::size_t length = sequence_length(text);
        if (length == 0) {
            out.push_back(replacement);
            text.remove_prefix(1);
        } else {
            out.append(text.substr(0, length));
            text.remove_prefix(length);
        }
    }
    return out;
}

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%') {
            if (text.size() - i < 3) {
                return std::nullopt;
            }
            const int high = hex_value(text[i + 1]);
            const int low = hex_value(text[i + 2]);
            if (high < 0 || low < 0) {
                return std::nullopt;
            }
            out.push_back(static_cast<char>(high * 16 + low));
            i += 2;
        } else if (c == '+' && plus_is_space) {
            out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::string percent_encode(std::string_view text) {
    static constexpr char HEX[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                                (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                                c == '~';
        if (unreserved) {
            out.push_back(c);
        } else {
            const auto byte = static_cast<std::uint8_t>(c);
            out.push_back('%');
            out.push_back(HEX[byte >> 4]);
            out.push_back(HEX[byte & 0x0F]);
        }
    }
    return out;
}

core::Result<Params> parse_query(std::string_view text, core::Lang lang) {
    return parse_pairs(text, lang);
}

core::Result<Params> parse_form(std::string_view body, core::Lang lang) {
    return parse_pairs(body, lang);
}

core::Result<void> check_utf8(const Params& params, core::Lang lang) {
    for (const auto& [name, value] : params.items()) {
        if (!valid_utf8(name) || !valid_utf8(value)) {
            const std::string field = printable(name);
            return core::fail(core::ErrorCode::Invalid,
                              core::message(lang, core::Msg::HttpBadUtf8, {field}), field);
        }
    }
    return {};
}

Params parse_cookies(std::string_view header) {
    const auto trim = [](std::string_view text) {
        while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
            text.remove_prefix(1);
        }
        while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
            text.remove_suffix(1);
        }
        return text;
    };
    Params cookies;
    while (!header.empty()) {
        const auto end = header.find(';');
        const std::string_view piece = trim(header.substr(0, end));
        header = end == std::string_view::npos ? std::string_view() : header.substr(end + 1);
        const auto equals = piece.find('=');
        if (equals == std::string_view::npos) {
            continue;
        }
        const std::string_view name = trim(piece.substr(0, equals));
        std::string_view value = trim(piece.substr(equals + 1));
        if (name.empty()) {
            continue;
        }
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
            value = value.substr(1, value.size() - 2);
        }
        cookies.add(std::string(name), std::string(value));
    }
    return cookies;
}

core::Result<std::string> decode_path(std::string_view raw, core::Lang lang) {
    const auto refuse = [&] {
        return core::fail(core::ErrorCode::Invalid, core::message(lang, core::Msg::HttpBadPath),
                          "path");
    };
    if (raw.empty() || raw.front() != '/') {
        return refuse();
    }
    auto path = percent_decode(raw, false);
    if (!path || !valid_utf8(*path)) {
        return refuse();
    }
    // Decoding must not create a separator or a terminator the raw path did not have.
    const auto count = [](std::string_view text, char c) {
        return std::count(text.begin(), text.end(), c);
    };
    if (count(*path, '/') != count(raw, '/') || path->find('\0') != std::string::npos) {
        return refuse();
    }
    return std::move(*path);
}

bool has_media_type(std::string_view content_type, std::string_view media_type) {
    std::string_view type = content_type.substr(0, content_type.find(';'));
    while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) {
        type.remove_suffix(1);
    }
    while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) {
        type.remove_prefix(1);
    }
    return ascii_lower(type) == ascii_lower(media_type);
}

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

}  // namespace samskab::web
