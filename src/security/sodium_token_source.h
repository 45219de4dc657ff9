#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "core/secrets.h"

namespace samskab::security {

// core::TokenSource from libsodium: tokens are 32 bytes from its CSPRNG (randombytes_buf) as
// URL-safe base64 without padding (43 characters, safe in cookies, links and form fields);
// the digest is the lower-case hex of BLAKE2b-256 (crypto_generichash), 64 characters.
class SodiumTokenSource final : public core::TokenSource {
public:
    static constexpr std::size_t TOKEN_BYTES = 32;

    // Storage error when libsodium cannot be initialised.
    static core::Result<SodiumTokenSource> create();

    std::string token() const override;
    std::string digest(std::string_view token) const override;

private:
    SodiumTokenSource() = default;
};

}  // namespace samskab::security
