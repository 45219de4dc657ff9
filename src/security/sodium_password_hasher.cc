#include "security/sodium_password_hasher.h"

#include <array>

#include <sodium.h>

#include "security/sodium_init.h"

namespace samskab::security {

core::Result<SodiumPasswordHasher> SodiumPasswordHasher::create(HashCost cost) {
    if (auto ready = initialise_sodium(); !ready) {
        return tl::unexpected(ready.error());
    }
    return SodiumPasswordHasher(cost);
}

SodiumPasswordHasher::SodiumPasswordHasher(HashCost cost)
    : m_ops_limit(cost == HashCost::Interactive ? crypto_pwhash_OPSLIMIT_INTERACTIVE
                                                : crypto_pwhash_OPSLIMIT_MIN),
      m_mem_limit(cost == HashCost::Interactive ? crypto_pwhash_MEMLIMIT_INTERACTIVE
                                                : crypto_pwhash_MEMLIMIT_MIN) {}

core::Result<std::string> SodiumPasswordHasher::hash(std::string_view password) const {
    std::array<char, crypto_pwhash_STRBYTES> out{};
    if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), m_ops_limit,
                              m_mem_limit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return core::fail(core::ErrorCode::Storage,
                          "argon2id: ikke nok hukommelse / not enough memory");
    }
    return std::string(out.data());
}

bool SodiumPasswordHasher::verify(std::string_view hash, std::string_view password) const {
    // libsodium reads a NUL-terminated string of at most STRBYTES; a longer value cannot be
    // one of its hashes, and copying keeps a stored value without a terminator from being
    // read past its end.
    std::array<char, crypto_pwhash_STRBYTES> encoded{};
    if (hash.empty() || hash.size() >= encoded.size()) {
        return false;
    }
    hash.copy(encoded.data(), hash.size());
    return crypto_pwhash_str_verify(encoded.data(), password.data(), password.size()) == 0;
}

}  // namespace samskab::security
