#include "security/sodium_password_hasher.h"

#include <gtest/gtest.h>

namespace samskab::security {
namespace {

SodiumPasswordHasher fast_hasher() {
    auto hasher = SodiumPasswordHasher::create(HashCost::Minimum);
    EXPECT_TRUE(hasher) << (hasher ? "" : hasher.error().message);
    return std::move(*hasher);
}

TEST(SodiumPasswordHasherTest, HashIsArgon2idAndVerifies) {
    const SodiumPasswordHasher hasher = fast_hasher();
    auto hash = hasher.hash("korrekt hest batteri");
    ASSERT_TRUE(hash);
    EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
    EXPECT_TRUE(hasher.verify(*hash, "korrekt hest batteri"));
    EXPECT_FALSE(hasher.verify(*hash, "korrekt hest batteri "));
    EXPECT_FALSE(hasher.verify(*hash, ""));
}

TEST(SodiumPasswordHasherTest, SaltMakesEveryHashDifferent) {
    const SodiumPasswordHasher hasher = fast_hasher();
    auto first = hasher.hash("samme adgangskode");
    auto second = hasher.hash("samme adgangskode");
    ASSERT_TRUE(first && second);
    EXPECT_NE(*first, *second);
    EXPECT_TRUE(hasher.verify(*second, "samme adgangskode"));
}

TEST(SodiumPasswordHasherTest, NonAsciiPasswordsAndEmbeddedNul) {
    const SodiumPasswordHasher hasher = fast_hasher();
    const std::string password = std::string("rødgrød med fløde") + '\0' + "x";
    auto hash = hasher.hash(password);
    ASSERT_TRUE(hash);
    EXPECT_TRUE(hasher.verify(*hash, password));
    // The bytes after the NUL count: the password is not cut at it.
    EXPECT_FALSE(hasher.verify(*hash, "rødgrød med fløde"));
}

TEST(SodiumPasswordHasherTest, DefaultCostIsInteractiveAndStillVerifiesCheapHashes) {
    auto interactive = SodiumPasswordHasher::create();
    ASSERT_TRUE(interactive);
    auto hash = interactive->hash("en lang nok adgangskode");
    ASSERT_TRUE(hash);
    // libsodium's INTERACTIVE limits: 64 MiB (m=65536 KiB), 2 passes.
    EXPECT_NE(hash->find("m=65536,t=2"), std::string::npos) << *hash;
    // The parameters travel in the hash, so a hasher of another cost verifies it.
    EXPECT_TRUE(fast_hasher().verify(*hash, "en lang nok adgangskode"));
}

TEST(SodiumPasswordHasherTest, GarbageHashesNeverVerify) {
    const SodiumPasswordHasher hasher = fast_hasher();
    EXPECT_FALSE(hasher.verify("", "x"));
    EXPECT_FALSE(hasher.verify("$argon2id$v=19$m=8,t=1,p=1$", "x"));
    EXPECT_FALSE(hasher.verify("plaintext", "plaintext"));
    EXPECT_FALSE(hasher.verify(std::string(500, 'a'), "a"));
    auto hash = hasher.hash("abc");
    ASSERT_TRUE(hash);
    std::string tampered = *hash;
    tampered.back() = tampered.back() == 'A' ? 'B' : 'A';
    EXPECT_FALSE(hasher.verify(tampered, "abc"));
}

}  // namespace
}  // namespace samskab::security
