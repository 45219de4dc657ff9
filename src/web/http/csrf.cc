#include "web/http/csrf.h"

#include <sys/random.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <system_error>

namespace samskab::web {

namespace {

constexpr std::size_t TOKEN_BYTES = 32;
constexpr std::size_t TOKEN_LENGTH = 43;  // 32 bytes in base64 without padding
constexpr char ALPHABET[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

}  // namespace

std::string random_token() {
    std::array<std::uint8_t, TOKEN_BYTES> bytes{};
    std::size_t filled = 0;
    while (filled < bytes.size()) {
        const ssize_t got = getrandom(bytes.data() + filled, bytes.size() - filled, 0);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw std::system_error(errno, std::generic_category(), "getrandom");
        }
        filled += static_cast<std::size_t>(got);
    }
    std::string token;
    token.reserve(TOKEN_LENGTH);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const std::uint8_t byte : bytes) {
        buffer = (buffer << 8) | byte;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            token.push_back(ALPHABET[(buffer >> bits) & 0x3F]);
        }
    }
    if (bits > 0) {
        token.push_back(ALPHABET[(buffer << (6 - bits)) & 0x3F]);
    }
    return token;
}

bool well_formed_token(std::string_view token) {
    if (token.size() != TOKEN_LENGTH) {
        return false;
    }
    for (const char c : token) {
        const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                             (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!allowed) {
            return false;
        }
    }
    return true;
}

bool same_token(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    unsigned char difference = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    }
    return difference == 0;
}

}  // namespace samskab::web
