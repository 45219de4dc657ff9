#include "security/sodium_token_source.h"

#include <array>

#include <sodium.h>

#include "security/sodium_init.h"

namespace samskab::security {

namespace {

constexpr int BASE64_VARIANT = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
constexpr std::size_t TOKEN_DIGEST_BYTES = 32;  // BLAKE2b-256

}  // namespace

core::Result<SodiumTokenSource> SodiumTokenSource::create() {
    if (auto ready = initialise_sodium(); !ready) {
        return tl::unexpected(ready.error());
    }
    return SodiumTokenSource();
}

std::string SodiumTokenSource::token() const {
    std::array<unsigned char, TOKEN_BYTES> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::array<char, sodium_base64_ENCODED_LEN(TOKEN_BYTES, BASE64_VARIANT)> text{};
    sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), BASE64_VARIANT);
    sodium_memzero(bytes.data(), bytes.size());
    return std::string(text.data());
}

std::string SodiumTokenSource::digest(std::string_view token) const {
    std::array<unsigned char, TOKEN_DIGEST_BYTES> hash{};
    crypto_generichash(hash.data(), hash.size(),
                       reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                       0);
    std::array<char, TOKEN_DIGEST_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
    return std::string(hex.data());
}

}  // namespace samskab::security
