#include "core/name_fold.h"

namespace samskab::core {

namespace {

// The lower-case code point of `c` in Latin-1 and Latin Extended-A; others unchanged.
char32_t lower_code_point(char32_t c) {
    if ((c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) {
        return c + 0x20;
    }
    const bool even = c % 2 == 0;
    if ((c >= 0x100 && c <= 0x12F && even) || (c >= 0x132 && c <= 0x137 && even) ||
        (c >= 0x139 && c <= 0x148 && !even) || (c >= 0x14A && c <= 0x177 && even) ||
        (c >= 0x179 && c <= 0x17E && !even)) {
        return c + 1;
    }
    if (c == 0x178) {
        return 0xFF;
    }
    return c;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

}  // namespace

std::string fold_name(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        // Two-byte sequences cover every letter that changes; anything else is copied as is.
        if (byte >= 0xC2 && byte <= 0xDF && i + 1 < text.size() &&
            (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) {
            const char32_t c = (static_cast<char32_t>(byte & 0x1F) << 6) |
                               (static_cast<unsigned char>(text[i + 1]) & 0x3F);
            append_utf8(out, lower_code_point(c));
            i += 2;
        } else {
            out += static_cast<char>(byte < 0x80 ? lower_code_point(byte) : byte);
            ++i;
        }
    }
    return out;
}

}  // namespace samskab::core
