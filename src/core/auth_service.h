#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/access.h"
#include "core/account_store.h"
#include "core/clock.h"
#include "core/messages.h"
#include "core/secrets.h"

namespace samskab::core {

// Logging in and out, sessions, passwords and invitations. Messages of returned errors are in
// the `lang` given to each call and name the field ("email", "password", "new_password",
// "token").
class AuthService {
public:
    static constexpr int MAX_FAILURES = 5;                  // within FAILURE_WINDOW
    static constexpr LocalTime FAILURE_WINDOW = 24 * 3600;  // seconds
    static constexpr LocalTime LOCKOUT = 15 * 60;           // wait after the last failure
    static constexpr LocalTime SESSION_LIFETIME = 12 * 3600;
    static constexpr LocalTime INVITATION_LIFETIME = 7 * 24 * 3600;
    static constexpr std::size_t MIN_PASSWORD_LENGTH = 10;  // in code points

    AuthService(AccountStore& accounts, const PasswordHasher& hasher, const TokenSource& tokens,
                const Clock& clock);

    struct SignedIn {
        std::string token;  // for the session cookie; only its digest is stored
        Session session;
        Principal principal;
    };
    // Forbidden (field "email") while the account or the address waits after MAX_FAILURES;
    // Invalid (field "password") for a wrong email or password, without saying which. Every
    // failure is recorded and written to the access log.
    Result<SignedIn> login(std::string_view email, std::string_view password,
                           std::string_view address, Lang lang);

    struct Current {
        Session session;
        Principal principal;
    };
    // The session of a cookie token, if it is valid and its account is enabled.
    Result<std::optional<Current>> session(std::string_view token);

    Result<void> logout(std::string_view token);

    // Invalid "password" when `old_password` is wrong; Invalid "new_password" when too short.
    // Ends every other session of the account: the session of `current_token` (the cookie of
    // the request that changes the password) stays; without it, every session ends.
    Result<void> change_password(std::int64_t account, std::string_view old_password,
                                 std::string_view new_password, Lang lang,
                                 std::string_view current_token = {});

    // Creates an account; when it has no password hash, returns an invitation token (valid for
    // INVITATION_LIFETIME) for the link /invitation/<token>; otherwise an empty string.
    Result<std::string> create_account(const NewAccount& account, Lang lang);

    // The account an invitation token belongs to, while it is usable.
    Result<std::optional<Account>> invitation(std::string_view token);
    // Sets the password and uses the invitation up. NotFound "token"; Invalid "password".
    Result<void> accept_invitation(std::string_view token, std::string_view password, Lang lang);

    // Invalid "password" when shorter than MIN_PASSWORD_LENGTH.
    static Result<void> check_password(std::string_view password, std::string_view field,
                                       Lang lang);

private:
    AccountStore& m_accounts;
    const PasswordHasher& m_hasher;
    const TokenSource& m_tokens;
    const Clock& m_clock;
};

}  // namespace samskab::core
