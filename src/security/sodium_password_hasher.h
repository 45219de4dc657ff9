#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"
#include "core/secrets.h"

namespace samskab::security {

// How much work one hash costs. `Interactive` is libsodium's recommendation for logins (about
// 64 MiB and a tenth of a second); `Minimum` is libsodium's floor, only for tests, where
// hundreds of hashes would otherwise take minutes.
enum class HashCost { Interactive, Minimum };

// core::PasswordHasher with argon2id (libsodium's crypto_pwhash_str_alg). The encoded hash
// carries its salt and parameters, so hashes made with another cost still verify.
class SodiumPasswordHasher final : public core::PasswordHasher {
public:
    // Storage error when libsodium cannot be initialised (no source of randomness).
    static core::Result<SodiumPasswordHasher> create(HashCost cost = HashCost::Interactive);

    // Storage error when argon2id cannot get its memory.
    core::Result<std::string> hash(std::string_view password) const override;
    // False for a wrong password and for anything that is not an argon2id hash string.
    bool verify(std::string_view hash, std::string_view password) const override;

private:
    explicit SodiumPasswordHasher(HashCost cost);

    unsigned long long m_ops_limit;
    std::size_t m_mem_limit;
};

}  // namespace samskab::security
