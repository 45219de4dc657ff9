#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace samskab::core {

// Password hashing, passed in so that services stay free of cryptographic libraries and tests
// can use fast parameters. Implemented with libsodium's argon2id in security/.
class PasswordHasher {
public:
    virtual ~PasswordHasher() = default;
    // An encoded hash with its salt and parameters. Storage error when memory runs out.
    virtual Result<std::string> hash(std::string_view password) const = 0;
    virtual bool verify(std::string_view hash, std::string_view password) const = 0;
};

// Random tokens for sessions, CSRF and invitations, and the digest under which a token is
// stored (only digests are stored, so a copied database opens nothing).
class TokenSource {
public:
    virtual ~TokenSource() = default;
    // 32 random bytes, URL-safe base64 without padding.
    virtual std::string token() const = 0;
    // Hex of a cryptographic hash of the token.
    virtual std::string digest(std::string_view token) const = 0;
};

}  // namespace samskab::core
