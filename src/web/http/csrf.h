#pragma once

#include <string>
#include <string_view>

namespace samskab::web {

// A fresh token for the CSRF cookie of a browser without a session: 32 bytes from the
// kernel's random source (getrandom), as URL-safe base64 without padding (43 characters), the
// same shape as core::TokenSource's. Throws std::system_error when the kernel has no
// randomness to give, which is a broken machine, not a user's doing.
std::string random_token();

// Whether `token` has that shape (so a cookie of any other shape is replaced, not trusted).
bool well_formed_token(std::string_view token);

// Compares two tokens in time that depends only on their lengths, so that a forger cannot
// learn a token a character at a time from response times.
bool same_token(std::string_view a, std::string_view b);

}  // namespace samskab::web
