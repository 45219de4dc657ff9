#include "security/sodium_token_source.h"

#include <set>

#include <gtest/gtest.h>

namespace samskab::security {
namespace {

SodiumTokenSource source() {
    auto tokens = SodiumTokenSource::create();
    EXPECT_TRUE(tokens);
    return std::move(*tokens);
}

TEST(SodiumTokenSourceTest, TokensAreUrlSafeBase64Of32Bytes) {
    const SodiumTokenSource tokens = source();
    for (int i = 0; i < 200; ++i) {
        const std::string token = tokens.token();
        // 32 bytes are 43 characters of base64 without padding.
        ASSERT_EQ(token.size(), 43u) << token;
        for (char c : token) {
            const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                                 (c >= '0' && c <= '9') || c == '-' || c == '_';
            ASSERT_TRUE(allowed) << token;
        }
    }
}

TEST(SodiumTokenSourceTest, TokensDoNotRepeat) {
    const SodiumTokenSource tokens = source();
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        EXPECT_TRUE(seen.insert(tokens.token()).second);
    }
}

TEST(SodiumTokenSourceTest, DigestIsHexOfBlake2b256) {
    const SodiumTokenSource tokens = source();
    // Reference values from RFC 7693's BLAKE2b with a 32-byte output (Python's hashlib agrees).
    EXPECT_EQ(tokens.digest("abc"),
              "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
    EXPECT_EQ(tokens.digest(""),
              "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
}

TEST(SodiumTokenSourceTest, DigestIsStableAndDiffersPerToken) {
    const SodiumTokenSource tokens = source();
    const std::string a = tokens.token();
    const std::string b = tokens.token();
    EXPECT_EQ(tokens.digest(a), tokens.digest(a));
    EXPECT_NE(tokens.digest(a), tokens.digest(b));
    EXPECT_EQ(tokens.digest(a).size(), 64u);
    EXPECT_NE(tokens.digest(a), a);
}

}  // namespace
}  // namespace samskab::security
