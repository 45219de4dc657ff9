#pragma once

#include <string>
#include <string_view>

#include "core/messages.h"

namespace samskab::web {

// The cookies samskab sets. Each helper returns a Set-Cookie header value, for
// `response.set_header("Set-Cookie", ...)` (which adds one line per cookie).

inline constexpr std::string_view SESSION_COOKIE = "samskab_session";
inline constexpr std::string_view LANG_COOKIE = "samskab_lang";
// The CSRF token of a browser without a session (the login form), set by the dispatcher.
inline constexpr std::string_view CSRF_COOKIE = "samskab_csrf";

// The session token: HttpOnly (no script reads it), SameSite=Lax (not sent with cross-site
// POSTs), Path=/, Max-Age of the session's lifetime; Secure when served over HTTPS.
std::string session_cookie(std::string_view token, bool secure);
// Removes the session cookie (logout).
std::string clear_session_cookie(bool secure = false);
// The chosen language for a year, so that the choice survives the session.
std::string lang_cookie(core::Lang lang, bool secure = false);
// The CSRF token of a browser without a session, for the browser's session only.
std::string csrf_cookie(std::string_view token, bool secure);

}  // namespace samskab::web
