#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/account.h"
#include "core/privacy.h"
#include "core/result.h"

namespace samskab::core {

// Accounts, sessions, invitations, login throttling and the access log at rest. Implemented by
// storage/sqlite. Every method is one durable transaction; database failures are
// ErrorCode::Storage. Emails are compared lower-case.
class AccountStore {
public:
    virtual ~AccountStore() = default;

    // Creates an account and returns its id. Conflict (field "email") when the email is taken;
    // NotFound (field "person", "partnership" or "place") when a referenced record is unknown.
    virtual Result<std::int64_t> create_account(const NewAccount& account) = 0;

    virtual Result<std::optional<Account>> find_account(std::int64_t id) = 0;
    virtual Result<std::optional<Account>> find_account_by_email(std::string_view email) = 0;
    // The account linked to a person, if any.
    virtual Result<std::optional<Account>> find_account_by_person(std::string_view person) = 0;

    // Every account, by email.
    virtual Result<std::vector<Account>> list_accounts() = 0;

    // Deletes the account with its roles, sessions and invitations. NotFound (field "email").
    virtual Result<void> remove_account(std::string_view email) = 0;

    // NotFound when the account does not exist.
    virtual Result<void> set_password_hash(std::int64_t account, std::string_view hash) = 0;

    virtual Result<void> create_session(const Session& session) = 0;
    // The session with this token hash if it exists and has not expired at `now`.
    virtual Result<std::optional<Session>> find_session(std::string_view token_hash,
                                                        LocalTime now) = 0;
    // The live session with this token hash and its account, read together on one snapshot
    // (one lookup for every signed-in request); nullopt when there is no such session.
    virtual Result<std::optional<SignedIn>> find_signed_in(std::string_view token_hash,
                                                           LocalTime now) = 0;
    virtual Result<void> delete_session(std::string_view token_hash) = 0;
    // Ends every session of an account (after a password change, or on removal).
    virtual Result<void> delete_sessions_of(std::int64_t account) = 0;

    // An invitation lets its holder set the account's password once before `expires_at`.
    virtual Result<void> create_invitation(std::string_view token_hash, std::int64_t account,
                                           LocalTime expires_at) = 0;
    // The account of an unused, unexpired invitation, without using it up.
    virtual Result<std::optional<std::int64_t>> find_invitation(std::string_view token_hash,
                                                                LocalTime now) = 0;
    // Uses the invitation up and sets the password in one transaction. NotFound (field "token")
    // when the invitation is unknown, used or expired.
    virtual Result<std::int64_t> accept_invitation(std::string_view token_hash, LocalTime now,
                                                   std::string_view password_hash) = 0;

    virtual Result<void> record_login_failure(std::string_view email, std::string_view address,
                                              LocalTime at) = 0;
    // Failures since `since` for this email and for this address.
    virtual Result<LoginFailures> login_failures(std::string_view email, std::string_view address,
                                                 LocalTime since) = 0;
    // After a successful login the account's failures are forgotten (the address's are not).
    virtual Result<void> clear_login_failures(std::string_view email) = 0;

    virtual Result<void> log_access(const AccessEntry& entry) = 0;
    // Entries about one person (subject), newest first.
    virtual Result<std::vector<AccessEntry>> access_log_of(std::string_view person) = 0;
    // Several entries in one transaction (a listing of many people, an export).
    virtual Result<void> log_accesses(const std::vector<AccessEntry>& entries) = 0;
    // Entries matching the query, newest first, at most query.limit.
    virtual Result<std::vector<AccessEntry>> search_access_log(const AccessQuery& query) = 0;
    // Deletes entries (and failed logins) older than `before`; returns how many entries went.
    virtual Result<int> purge_access_log(LocalTime before) = 0;
};

}  // namespace samskab::core
