#pragma once

#include <memory>

#include "core/account_store.h"
#include "core/clock.h"
#include "storage/postgres/postgres_pool.h"

namespace samskab::storage::postgres {

// core::AccountStore over PostgreSQL (migrations 2 and 3, the same tables as SQLite's), with
// exactly the behaviour of storage/sqlite's SqliteAccountStore, which the conformance tests
// (src/storage/conformance) check on both. Safe to call from several threads: each call borrows
// a connection of the shared pool and is one transaction. Errors as in core/account_store.h,
// with Danish messages from the core catalogue (the web layer translates by code and field):
// create_account refuses an empty email (Invalid "email") and a person who already has an
// account (Conflict "person"); set_password_hash, create_session and create_invitation answer
// NotFound "account" for an unknown account; log_access answers NotFound "subject" for an
// unknown person. Removing an account keeps the access log's entries with its number.
class PostgresAccountStore final : public core::AccountStore {
public:
    // `clock` gives an account its creation time; both must outlive the store.
    PostgresAccountStore(std::shared_ptr<ConnectionPool> pool, const core::Clock& clock)
        : m_pool(std::move(pool)), m_clock(clock) {}

    core::Result<std::int64_t> create_account(const core::NewAccount& account) override;
    core::Result<std::optional<core::Account>> find_account(std::int64_t id) override;
    core::Result<std::optional<core::Account>> find_account_by_email(
        std::string_view email) override;
    core::Result<std::optional<core::Account>> find_account_by_person(
        std::string_view person) override;
    core::Result<std::vector<core::Account>> list_accounts() override;
    core::Result<void> remove_account(std::string_view email) override;
    core::Result<void> set_password_hash(std::int64_t account, std::string_view hash) override;

    core::Result<void> create_session(const core::Session& session) override;
    core::Result<std::optional<core::SignedIn>> find_signed_in(std::string_view token_hash,
                                                               core::LocalTime now) override;
    core::Result<std::optional<core::Session>> find_session(std::string_view token_hash,
                                                            core::LocalTime now) override;
    core::Result<void> delete_session(std::string_view token_hash) override;
    core::Result<void> delete_sessions_of(std::int64_t account) override;

    core::Result<void> create_invitation(std::string_view token_hash, std::int64_t account,
                                         core::LocalTime expires_at) override;
    core::Result<std::optional<std::int64_t>> find_invitation(std::string_view token_hash,
                                                              core::LocalTime now) override;
    core::Result<std::int64_t> accept_invitation(std::string_view token_hash, core::LocalTime now,
                                                 std::string_view password_hash) override;

    core::Result<void> record_login_failure(std::string_view email, std::string_view address,
                                            core::LocalTime at) override;
    core::Result<core::LoginFailures> login_failures(std::string_view email,
                                                     std::string_view address,
                                                     core::LocalTime since) override;
    core::Result<void> clear_login_failures(std::string_view email) override;

    core::Result<void> log_access(const core::AccessEntry& entry) override;
    core::Result<std::vector<core::AccessEntry>> access_log_of(std::string_view person) override;
    core::Result<void> log_accesses(const std::vector<core::AccessEntry>& entries) override;
    core::Result<std::vector<core::AccessEntry>> search_access_log(
        const core::AccessQuery& query) override;
    core::Result<int> purge_access_log(core::LocalTime before) override;

private:
    std::shared_ptr<ConnectionPool> m_pool;
    const core::Clock& m_clock;
};

}  // namespace samskab::storage::postgres
