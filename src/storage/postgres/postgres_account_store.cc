#include "storage/postgres/postgres_account_store.h"

#include <algorithm>
#include <cctype>
#include <limits>

#include "storage/postgres/postgres_community_common.h"

namespace samskab::storage::postgres {

namespace {

using core::ErrorCode;
using core::Msg;
using Tx = pqxx::transaction_base;

std::string lower(std::string_view email) {
    std::string out(email);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

core::Error unknown_account(std::int64_t account, std::string_view field) {
    return unknown_da("konto", std::to_string(account), field);
}

constexpr std::string_view ACCOUNT_COLUMNS =
    "SELECT a.pk, a.login, a.name, coalesce(p.id, ''), coalesce(a.password_hash, ''), "
    "a.disabled, a.created_at FROM accounts a LEFT JOIN people p ON p.pk = a.person ";

// One account per row of `rows` (ACCOUNT_COLUMNS), each with its roles.
std::vector<core::Account> read_accounts(Tx& tx, const pqxx::result& rows) {
    std::vector<core::Account> accounts;
    accounts.reserve(rows.size());
    for (const pqxx::row& row : rows) {
        core::Account a;
        a.id = row[0].as<std::int64_t>();
        a.email = row[1].as<std::string>();
        a.name = row[2].as<std::string>();
        a.person = row[3].as<std::string>();
        a.password_hash = row[4].as<std::string>();
        a.disabled = row[5].as<bool>();
        a.created_at = time_of_text(row[6].as<std::string>());
        accounts.push_back(std::move(a));
    }
    for (core::Account& a : accounts) {
        // In the order they were granted: their key (migration 12), as on SQLite.
        const pqxx::result roles = tx.exec_params(
            "SELECT r.role, coalesce(pa.id, ''), coalesce(pl.id, '') FROM account_roles r "
            "LEFT JOIN partnerships pa ON pa.pk = r.partnership "
            "LEFT JOIN places pl ON pl.pk = r.place WHERE r.account = $1 ORDER BY r.pk",
            a.id);
        for (const pqxx::row& role : roles) {
            core::RoleGrant grant;
            grant.role = core::parse_name<core::AccountRole>(role[0].as<std::string>())
                             .value_or(core::AccountRole::Participant);
            grant.partnership = role[1].as<std::string>();
            grant.place = role[2].as<std::string>();
            a.roles.push_back(std::move(grant));
        }
    }
    return accounts;
}

std::optional<core::Account> first(std::vector<core::Account> all) {
    if (all.empty()) {
        return std::nullopt;
    }
    return std::move(all.front());
}

// The session's token hash is hex text kept as its bytes (bytea, as SQLite's BLOB).
std::optional<core::Session> read_session(Tx& tx, std::string_view token_hash,
                                          core::LocalTime now) {
    const pqxx::result rows = tx.exec_params(
        "SELECT account, csrf_token, created_at, expires_at FROM sessions "
        "WHERE token_hash = convert_to($1, 'UTF8') AND expires_at > $2",
        std::string(token_hash), time_text(now));
    if (rows.empty()) {
        return std::nullopt;
    }
    core::Session session;
    session.token_hash = std::string(token_hash);
    session.account = rows[0][0].as<std::int64_t>();
    session.csrf_token = rows[0][1].as<std::string>();
    session.created_at = time_of_text(rows[0][2].as<std::string>());
    session.expires_at = time_of_text(rows[0][3].as<std::string>());
    return session;
}

std::vector<core::AccessEntry> read_entries(const pqxx::result& rows) {
    std::vector<core::AccessEntry> entries;
    entries.reserve(rows.size());
    for (const pqxx::row& row : rows) {
        entries.push_back({time_of_text(row[0].as<std::string>()), row[1].as<std::int64_t>(),
                           row[2].as<std::string>(), row[3].as<std::string>(),
                           row[4].as<std::string>()});
    }
    return entries;
}

core::Result<void> insert_entry(Tx& tx, const core::AccessEntry& entry) {
    std::optional<std::int64_t> subject;
    if (!entry.subject.empty()) {
        auto key = require_key(tx, Keyed::People, entry.subject, "subject");
        if (!key) {
            return tl::unexpected(key.error());
        }
        subject = *key;
    }
    const std::optional<std::int64_t> actor =
        entry.actor != 0 ? std::optional<std::int64_t>(entry.actor) : std::nullopt;
    tx.exec_params(
        "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES ($1, $2, $3, $4, $5)",
        time_text(entry.at), actor, entry.action, subject, entry.detail);
    return {};
}

constexpr const char* USABLE_INVITATION =
    "SELECT account FROM invitations WHERE token_hash = $1 AND used_at IS NULL "
    "AND expires_at > $2";

}  // namespace

core::Result<std::int64_t> PostgresAccountStore::create_account(const core::NewAccount& account) {
    const std::string email = lower(account.email);
    if (email.empty()) {
        return tl::unexpected(error_da(ErrorCode::Invalid, Msg::MustBeEmail, "email"));
    }
    const core::LocalTime now = m_clock.now();
    return m_pool->write([&](Tx& tx) -> core::Result<std::int64_t> {
        if (!tx.exec_params("SELECT 1 FROM accounts WHERE login = $1", email).empty()) {
            return tl::unexpected(error_da(ErrorCode::Conflict, Msg::EmailTaken, "email"));
        }
        std::optional<std::int64_t> person;
        if (!account.person.empty()) {
            auto key = require_key(tx, Keyed::People, account.person, "person");
            if (!key) {
                return tl::unexpected(key.error());
            }
            person = *key;
            // A person has one login: find_account_by_person must have one answer.
            if (!tx.exec_params("SELECT 1 FROM accounts WHERE person = $1", *person).empty()) {
                return tl::unexpected(
                    error_da(ErrorCode::Conflict, Msg::DuplicateRecord, "person", {"accounts"}));
            }
        }
        const std::optional<std::string> hash =
            account.password_hash.empty() ? std::nullopt
                                          : std::optional<std::string>(account.password_hash);
        const std::int64_t id =
            tx.exec_params1(
                  "INSERT INTO accounts (login, name, person, password_hash, created_at) "
                  "VALUES ($1, $2, $3, $4, $5) RETURNING pk",
                  email, account.name, person, hash, time_text(now))[0]
                .as<std::int64_t>();
        for (const core::RoleGrant& grant : account.roles) {
            std::optional<std::int64_t> partnership, place;
            if (!grant.partnership.empty()) {
                auto key = require_key(tx, Keyed::Partnerships, grant.partnership, "partnership");
                if (!key) {
                    return tl::unexpected(key.error());
                }
                partnership = *key;
            }
            if (!grant.place.empty()) {
                auto key = require_key(tx, Keyed::Places, grant.place, "place");
                if (!key) {
                    return tl::unexpected(key.error());
                }
                place = *key;
            }
            tx.exec_params(
                "INSERT INTO account_roles (account, role, partnership, place) "
                "VALUES ($1, $2, $3, $4)",
                id, std::string(core::name_of(grant.role)), partnership, place);
        }
        return id;
    });
}

core::Result<std::optional<core::Account>> PostgresAccountStore::find_account(std::int64_t id) {
    return m_pool->read([&](Tx& tx) -> core::Result<std::optional<core::Account>> {
        return first(read_accounts(
            tx, tx.exec_params(std::string(ACCOUNT_COLUMNS) + "WHERE a.pk = $1", id)));
    });
}

core::Result<std::optional<core::Account>> PostgresAccountStore::find_account_by_email(
    std::string_view email) {
    return m_pool->read([&](Tx& tx) -> core::Result<std::optional<core::Account>> {
        return first(read_accounts(
            tx, tx.exec_params(std::string(ACCOUNT_COLUMNS) + "WHERE a.login = $1", lower(email))));
    });
}

core::Result<std::optional<core::Account>> PostgresAccountStore::find_account_by_person(
    std::string_view person) {
    return m_pool->read([&](Tx& tx) -> core::Result<std::optional<core::Account>> {
        return first(read_accounts(tx, tx.exec_params(std::string(ACCOUNT_COLUMNS) +
                                                          "WHERE p.id = $1 ORDER BY a.pk LIMIT 1",
                                                      std::string(person))));
    });
}

core::Result<std::vector<core::Account>> PostgresAccountStore::list_accounts() {
    return m_pool->read([&](Tx& tx) -> core::Result<std::vector<core::Account>> {
        // login is COLLATE "C": bytewise, as SQLite sorts it.
        return read_accounts(tx, tx.exec(std::string(ACCOUNT_COLUMNS) + "ORDER BY a.login"));
    });
}

core::Result<void> PostgresAccountStore::remove_account(std::string_view email) {
    const std::string login = lower(email);
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        // Roles, sessions and invitations go with it (ON DELETE CASCADE).
        if (tx.exec_params("DELETE FROM accounts WHERE login = $1", login).affected_rows() == 0) {
            return tl::unexpected(unknown_da("konto", login, "email"));
        }
        return {};
    });
}

core::Result<void> PostgresAccountStore::set_password_hash(std::int64_t account,
                                                           std::string_view hash) {
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        if (tx.exec_params("UPDATE accounts SET password_hash = $1 WHERE pk = $2",
                           std::string(hash), account)
                .affected_rows() == 0) {
            return tl::unexpected(unknown_account(account, "account"));
        }
        return {};
    });
}

core::Result<void> PostgresAccountStore::create_session(const core::Session& session) {
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        if (!account_exists(tx, session.account)) {
            return tl::unexpected(unknown_account(session.account, "account"));
        }
        tx.exec_params(
            "INSERT INTO sessions (token_hash, account, csrf_token, created_at, expires_at) "
            "VALUES (convert_to($1, 'UTF8'), $2, $3, $4, $5)",
            session.token_hash, session.account, session.csrf_token, time_text(session.created_at),
            time_text(session.expires_at));
        return {};
    });
}

core::Result<std::optional<core::Session>> PostgresAccountStore::find_session(
    std::string_view token_hash, core::LocalTime now) {
    return m_pool->read([&](Tx& tx) -> core::Result<std::optional<core::Session>> {
        return read_session(tx, token_hash, now);
    });
}

core::Result<std::optional<core::SignedIn>> PostgresAccountStore::find_signed_in(
    std::string_view token_hash, core::LocalTime now) {
    return m_pool->read([&](Tx& tx) -> core::Result<std::optional<core::SignedIn>> {
        std::optional<core::Session> session = read_session(tx, token_hash, now);
        if (!session) {
            return std::nullopt;
        }
        std::optional<core::Account> account =
            first(read_accounts(tx, tx.exec_params(std::string(ACCOUNT_COLUMNS) + "WHERE a.pk = $1",
                                                   session->account)));
        if (!account) {
            return std::nullopt;
        }
        return core::SignedIn{std::move(*session), std::move(*account)};
    });
}

core::Result<void> PostgresAccountStore::delete_session(std::string_view token_hash) {
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        tx.exec_params("DELETE FROM sessions WHERE token_hash = convert_to($1, 'UTF8')",
                       std::string(token_hash));
        return {};
    });
}

core::Result<void> PostgresAccountStore::delete_sessions_of(std::int64_t account) {
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        tx.exec_params("DELETE FROM sessions WHERE account = $1", account);
        return {};
    });
}

core::Result<void> PostgresAccountStore::create_invitation(std::string_view token_hash,
                                                           std::int64_t account,
                                                           core::LocalTime expires_at) {
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        if (!account_exists(tx, account)) {
            return tl::unexpected(unknown_account(account, "account"));
        }
        tx.exec_params(
            "INSERT INTO invitations (token_hash, account, expires_at) VALUES ($1, $2, $3)",
            std::string(token_hash), account, time_text(expires_at));
        return {};
    });
}

core::Result<std::optional<std::int64_t>> PostgresAccountStore::find_invitation(
    std::string_view token_hash, core::LocalTime now) {
    return m_pool->read([&](Tx& tx) -> core::Result<std::optional<std::int64_t>> {
        const pqxx::result rows =
            tx.exec_params(USABLE_INVITATION, std::string(token_hash), time_text(now));
        if (rows.empty()) {
            return std::nullopt;
        }
        return rows[0][0].as<std::int64_t>();
    });
}

core::Result<std::int64_t> PostgresAccountStore::accept_invitation(std::string_view token_hash,
                                                                   core::LocalTime now,
                                                                   std::string_view password_hash) {
    return m_pool->write([&](Tx& tx) -> core::Result<std::int64_t> {
        const pqxx::result rows =
            tx.exec_params(USABLE_INVITATION, std::string(token_hash), time_text(now));
        if (rows.empty()) {
            return tl::unexpected(error_da(ErrorCode::NotFound, Msg::InvitationInvalid, "token"));
        }
        const std::int64_t account = rows[0][0].as<std::int64_t>();
        tx.exec_params("UPDATE invitations SET used_at = $1 WHERE token_hash = $2", time_text(now),
                       std::string(token_hash));
        tx.exec_params("UPDATE accounts SET password_hash = $1 WHERE pk = $2",
                       std::string(password_hash), account);
        return account;
    });
}

core::Result<void> PostgresAccountStore::record_login_failure(std::string_view email,
                                                              std::string_view address,
                                                              core::LocalTime at) {
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        tx.exec_params("INSERT INTO login_failures (at, email, address) VALUES ($1, $2, $3)",
                       time_text(at), lower(email), std::string(address));
        return {};
    });
}

core::Result<core::LoginFailures> PostgresAccountStore::login_failures(std::string_view email,
                                                                       std::string_view address,
                                                                       core::LocalTime since) {
    return m_pool->read([&](Tx& tx) -> core::Result<core::LoginFailures> {
        const pqxx::row row = tx.exec_params1(
            "SELECT (SELECT count(*) FROM login_failures WHERE email = $1 AND at >= $3), "
            "(SELECT count(*) FROM login_failures WHERE address = $2 AND at >= $3), "
            "greatest(coalesce((SELECT max(at) FROM login_failures WHERE email = $1 AND at >= $3),"
            " ''), coalesce((SELECT max(at) FROM login_failures WHERE address = $2 AND at >= $3),"
            " ''))",
            lower(email), std::string(address), time_text(since));
        core::LoginFailures failures;
        failures.by_account = row[0].as<int>();
        failures.by_address = row[1].as<int>();
        const std::string latest = row[2].as<std::string>();
        failures.latest = latest.empty() ? 0 : time_of_text(latest);
        return failures;
    });
}

core::Result<void> PostgresAccountStore::clear_login_failures(std::string_view email) {
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        tx.exec_params("DELETE FROM login_failures WHERE email = $1", lower(email));
        return {};
    });
}

core::Result<void> PostgresAccountStore::log_access(const core::AccessEntry& entry) {
    return m_pool->write([&](Tx& tx) { return insert_entry(tx, entry); });
}

core::Result<void> PostgresAccountStore::log_accesses(
    const std::vector<core::AccessEntry>& entries) {
    if (entries.empty()) {
        return {};
    }
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        for (const core::AccessEntry& entry : entries) {
            if (auto inserted = insert_entry(tx, entry); !inserted) {
                return inserted;
            }
        }
        return {};
    });
}

core::Result<std::vector<core::AccessEntry>> PostgresAccountStore::search_access_log(
    const core::AccessQuery& search) {
    return m_pool->read([&](Tx& tx) -> core::Result<std::vector<core::AccessEntry>> {
        // Times are text that sorts as time (COLLATE "C"); '' and '~' bound every time there is.
        return read_entries(tx.exec_params(
            "SELECT l.at, coalesce(l.actor, 0), l.action, coalesce(p.id, ''), "
            "coalesce(l.detail, '') FROM audit_log l LEFT JOIN people p ON p.pk = l.subject "
            "WHERE ($1 = '' OR p.id = $1) AND ($2::bigint = 0 OR l.actor = $2::bigint) "
            "AND ($3 = '' OR l.action = $3) AND l.at >= $4 AND l.at < $5 "
            "ORDER BY l.at DESC, l.pk DESC LIMIT $6::bigint",
            search.subject, search.actor, search.action,
            search.from <= 0 ? std::string() : time_text(search.from),
            search.to == std::numeric_limits<core::LocalTime>::max() ? std::string("~")
                                                                     : time_text(search.to),
            std::int64_t{std::max(search.limit, 0)}));
    });
}

core::Result<int> PostgresAccountStore::purge_access_log(core::LocalTime before) {
    return m_pool->write([&](Tx& tx) -> core::Result<int> {
        const std::string cutoff = time_text(before);
        const int removed = static_cast<int>(
            tx.exec_params("DELETE FROM audit_log WHERE at < $1", cutoff).affected_rows());
        tx.exec_params("DELETE FROM login_failures WHERE at < $1", cutoff);
        return removed;
    });
}

core::Result<std::vector<core::AccessEntry>> PostgresAccountStore::access_log_of(
    std::string_view person) {
    return m_pool->read([&](Tx& tx) -> core::Result<std::vector<core::AccessEntry>> {
        return read_entries(tx.exec_params(
            "SELECT l.at, coalesce(l.actor, 0), l.action, p.id, coalesce(l.detail, '') "
            "FROM audit_log l JOIN people p ON p.pk = l.subject WHERE p.id = $1 "
            "ORDER BY l.at DESC, l.pk DESC",
            std::string(person)));
    });
}

}  // namespace samskab::storage::postgres
