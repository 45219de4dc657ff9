#include "web/http/cookies.h"

#include "core/auth_service.h"

namespace samskab::web {

namespace {

std::string cookie(std::string_view name, std::string_view value, std::string_view attributes,
                   bool secure) {
    std::string text;
    text.append(name).append("=").append(value).append("; Path=/");
    text.append(attributes);
    if (secure) {
        text.append("; Secure");
    }
    return text;
}

}  // namespace

std::string session_cookie(std::string_view token, bool secure) {
    return cookie(SESSION_COOKIE, token,
                  "; Max-Age=" + std::to_string(core::AuthService::SESSION_LIFETIME) +
                      "; HttpOnly; SameSite=Lax",
                  secure);
}

std::string clear_session_cookie(bool secure) {
    return cookie(SESSION_COOKIE, "", "; Max-Age=0; HttpOnly; SameSite=Lax", secure);
}

std::string lang_cookie(core::Lang lang, bool secure) {
    return cookie(LANG_COOKIE, lang == core::Lang::Da ? "da" : "en",
                  "; Max-Age=31536000; SameSite=Lax", secure);
}

std::string csrf_cookie(std::string_view token, bool secure) {
    return cookie(CSRF_COOKIE, token, "; HttpOnly; SameSite=Lax", secure);
}

}  // namespace samskab::web
