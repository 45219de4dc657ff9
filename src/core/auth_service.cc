#include "core/auth_service.h"

#include <algorithm>
#include <string>

namespace samskab::core {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Emails are logins: stored and compared without surrounding spaces and in lower case (ASCII
// only; the domain is case-insensitive and real mailboxes almost never differ by case).
std::string normalise_email(std::string_view email) {
    while (!email.empty() && is_space(email.front())) {
        email.remove_prefix(1);
    }
    while (!email.empty() && is_space(email.back())) {
        email.remove_suffix(1);
    }
    std::string out(email);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    });
    return out;
}

// A deliberately plain check: one '@' with something before it, a domain with a dot inside,
// no spaces or control characters, at most 254 bytes (RFC 5321). Whether the mailbox exists
// is found out by the invitation mail, not here.
bool plausible_email(std::string_view email) {
    if (email.size() > 254) {
        return false;
    }
    const auto at = email.find('@');
    if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != email.npos) {
        return false;
    }
    const std::string_view domain = email.substr(at + 1);
    const auto dot = domain.find('.');
    if (dot == std::string_view::npos || dot == 0 || domain.back() == '.' ||
        domain.find("..") != domain.npos) {
        return false;
    }
    return std::none_of(email.begin(), email.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte <= 0x20 || byte == 0x7f || c == '<' || c == '>' || c == ',' || c == ';';
    });
}

std::size_t code_points(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

Msg noun_of_field(std::string_view field) {
    if (field == "partnership") {
        return Msg::NounPartnership;
    }
    return field == "place" ? Msg::NounPlace : Msg::NounPerson;
}

// The unknown id a NotFound from the store refers to, when the new account names only one.
std::string referenced_value(const NewAccount& account, std::string_view field) {
    if (field == "person") {
        return account.person;
    }
    std::string value;
    for (const RoleGrant& grant : account.roles) {
        const std::string& id = field == "place" ? grant.place : grant.partnership;
        if (id.empty() || id == value) {
            continue;
        }
        if (!value.empty()) {
            return {};
        }
        value = id;
    }
    return value;
}

}  // namespace

AuthService::AuthService(AccountStore& accounts, const PasswordHasher& hasher,
                         const TokenSource& tokens, const Clock& clock)
    : m_accounts(accounts), m_hasher(hasher), m_tokens(tokens), m_clock(clock) {}

Result<AuthService::SignedIn> AuthService::login(std::string_view email_text,
                                                 std::string_view password,
                                                 std::string_view address, Lang lang) {
    const std::string email = normalise_email(email_text);
    const LocalTime now = m_clock.now();

    auto found = m_accounts.find_account_by_email(email);
    if (!found) {
        return tl::unexpected(found.error());
    }
    const std::optional<Account>& account = *found;
    const std::int64_t actor = account ? account->id : 0;
    const std::string subject = account ? account->person : std::string();

    auto failures = m_accounts.login_failures(email, address, now - FAILURE_WINDOW);
    if (!failures) {
        return tl::unexpected(failures.error());
    }
    const bool throttled =
        failures->by_account >= MAX_FAILURES || failures->by_address >= MAX_FAILURES;
    if (throttled && now < failures->latest + LOCKOUT) {
        // Refused without looking at the password, and not counted as a new failure: the wait
        // runs from the latest real attempt, so someone who keeps trying is not locked out for
        // ever. It is still logged, so that the access log shows the knocking.
        const LocalTime wait = failures->latest + LOCKOUT - now;
        const AccessEntry entry{now, actor, "login_failed", subject,
                                "waiting; from " + std::string(address)};
        if (auto logged = m_accounts.log_access(entry); !logged) {
            return tl::unexpected(logged.error());
        }
        return fail(ErrorCode::Forbidden,
                    message(lang, Msg::LoginWaiting, {std::to_string((wait + 59) / 60)}), "email");
    }

    bool accepted = false;
    if (account && !account->password_hash.empty()) {
        accepted = m_hasher.verify(account->password_hash, password);
    } else {
        // Hash anyway, so that an unknown email takes as long as a wrong password and the
        // timing does not tell which emails have accounts.
        (void)m_hasher.hash(password);
    }
    if (!accepted || account->disabled) {
        if (auto recorded = m_accounts.record_login_failure(email, address, now); !recorded) {
            return tl::unexpected(recorded.error());
        }
        const AccessEntry entry{now, actor, "login_failed", subject,
                                "from " + std::string(address)};
        if (auto logged = m_accounts.log_access(entry); !logged) {
            return tl::unexpected(logged.error());
        }
        return fail(ErrorCode::Invalid, message(lang, Msg::LoginWrong), "password");
    }

    if (auto cleared = m_accounts.clear_login_failures(email); !cleared) {
        return tl::unexpected(cleared.error());
    }
    SignedIn signed_in;
    signed_in.token = m_tokens.token();
    signed_in.session = Session{m_tokens.digest(signed_in.token), account->id, m_tokens.token(),
                                now, now + SESSION_LIFETIME};
    if (auto created = m_accounts.create_session(signed_in.session); !created) {
        return tl::unexpected(created.error());
    }
    if (auto logged = m_accounts.log_access(AccessEntry{now, account->id, "login", account->person,
                                                        "from " + std::string(address)});
        !logged) {
        return tl::unexpected(logged.error());
    }
    signed_in.principal = principal_of(*account);
    return signed_in;
}

Result<std::optional<AuthService::Current>> AuthService::session(std::string_view token) {
    if (token.empty()) {
        return std::optional<Current>();
    }
    auto found = m_accounts.find_signed_in(m_tokens.digest(token), m_clock.now());
    if (!found) {
        return tl::unexpected(found.error());
    }
    if (!*found || (*found)->account.disabled) {
        return std::optional<Current>();
    }
    return std::optional<Current>(
        Current{std::move((*found)->session), principal_of((*found)->account)});
}

Result<void> AuthService::logout(std::string_view token) {
    if (token.empty()) {
        return {};
    }
    return m_accounts.delete_session(m_tokens.digest(token));
}

Result<void> AuthService::change_password(std::int64_t account_id, std::string_view old_password,
                                          std::string_view new_password, Lang lang,
                                          std::string_view current_token) {
    auto account = m_accounts.find_account(account_id);
    if (!account) {
        return tl::unexpected(account.error());
    }
    if (!*account || (*account)->password_hash.empty() ||
        !m_hasher.verify((*account)->password_hash, old_password)) {
        return fail(ErrorCode::Invalid, message(lang, Msg::PasswordWrong), "password");
    }
    if (auto ok = check_password(new_password, "new_password", lang); !ok) {
        return ok;
    }
    auto hash = m_hasher.hash(new_password);
    if (!hash) {
        return fail(ErrorCode::Storage, message(lang, Msg::HashFailed), "new_password");
    }

    // Whoever knew the old password may hold a session; only the one that made the change
    // survives. The store can only end all of them, so the current one is put back.
    std::optional<Session> current;
    if (!current_token.empty()) {
        auto found = m_accounts.find_session(m_tokens.digest(current_token), m_clock.now());
        if (!found) {
            return tl::unexpected(found.error());
        }
        if (*found && (*found)->account == account_id) {
            current = std::move(**found);
        }
    }
    if (auto set = m_accounts.set_password_hash(account_id, *hash); !set) {
        return set;
    }
    if (auto ended = m_accounts.delete_sessions_of(account_id); !ended) {
        return ended;
    }
    if (current) {
        if (auto kept = m_accounts.create_session(*current); !kept) {
            return kept;
        }
    }
    return m_accounts.log_access(
        AccessEntry{m_clock.now(), account_id, "change", (*account)->person, "password"});
}

Result<std::string> AuthService::create_account(const NewAccount& requested, Lang lang) {
    NewAccount account = requested;
    account.email = normalise_email(requested.email);
    if (!plausible_email(account.email)) {
        return fail(ErrorCode::Invalid, message(lang, Msg::MustBeEmail), "email");
    }
    if (account.name.empty() || std::all_of(account.name.begin(), account.name.end(), is_space)) {
        return fail(ErrorCode::Invalid, message(lang, Msg::Required), "name");
    }

    auto id = m_accounts.create_account(account);
    if (!id) {
        const Error& error = id.error();
        if (error.code == ErrorCode::Conflict) {
            // A person has at most one login; anything else that conflicts is the email.
            if (error.field == "person") {
                return fail(ErrorCode::Conflict, message(lang, Msg::PersonHasAccount), "person");
            }
            return fail(ErrorCode::Conflict, message(lang, Msg::EmailTaken), "email");
        }
        if (error.code == ErrorCode::NotFound) {
            const std::string value = referenced_value(account, error.field);
            if (!value.empty()) {
                return fail(ErrorCode::NotFound,
                            message(lang, Msg::UnknownReference,
                                    {message(lang, noun_of_field(error.field)), value}),
                            error.field);
            }
        }
        return tl::unexpected(error);
    }
    if (!account.password_hash.empty()) {
        return std::string();
    }

    const std::string token = m_tokens.token();
    auto invited = m_accounts.create_invitation(m_tokens.digest(token), *id,
                                                m_clock.now() + INVITATION_LIFETIME);
    if (!invited) {
        // An account nobody can ever open would block its email; take it away again.
        (void)m_accounts.remove_account(account.email);
        return tl::unexpected(invited.error());
    }
    return token;
}

Result<std::optional<Account>> AuthService::invitation(std::string_view token) {
    if (token.empty()) {
        return std::optional<Account>();
    }
    auto id = m_accounts.find_invitation(m_tokens.digest(token), m_clock.now());
    if (!id) {
        return tl::unexpected(id.error());
    }
    if (!*id) {
        return std::optional<Account>();
    }
    auto account = m_accounts.find_account(**id);
    if (!account) {
        return tl::unexpected(account.error());
    }
    if (*account && (*account)->disabled) {
        return std::optional<Account>();
    }
    return std::move(*account);
}

Result<void> AuthService::accept_invitation(std::string_view token, std::string_view password,
                                            Lang lang) {
    auto account = invitation(token);
    if (!account) {
        return tl::unexpected(account.error());
    }
    if (!*account) {
        return fail(ErrorCode::NotFound, message(lang, Msg::InvitationInvalid), "token");
    }
    if (auto ok = check_password(password, "password", lang); !ok) {
        return ok;
    }
    auto hash = m_hasher.hash(password);
    if (!hash) {
        return fail(ErrorCode::Storage, message(lang, Msg::HashFailed), "password");
    }
    auto accepted = m_accounts.accept_invitation(m_tokens.digest(token), m_clock.now(), *hash);
    if (!accepted) {
        if (accepted.error().code == ErrorCode::NotFound) {
            // Used up by a second tab between the check above and now.
            return fail(ErrorCode::NotFound, message(lang, Msg::InvitationInvalid), "token");
        }
        return tl::unexpected(accepted.error());
    }
    return {};
}

Result<void> AuthService::check_password(std::string_view password, std::string_view field,
                                         Lang lang) {
    if (code_points(password) < MIN_PASSWORD_LENGTH) {
        return fail(ErrorCode::Invalid,
                    message(lang, Msg::PasswordTooShort, {std::to_string(MIN_PASSWORD_LENGTH)}),
                    std::string(field));
    }
    return {};
}

}  // namespace samskab::core
