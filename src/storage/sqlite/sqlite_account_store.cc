#include "storage/sqlite/sqlite_account_store.h"

#include <algorithm>
#include <cctype>
#include <limits>

namespace samskab::storage::sqlite {

namespace {

using core::ErrorCode;
using core::Msg;

std::string lower(std::string_view email) {
    std::string out(email);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

constexpr std::string_view ACCOUNT_COLUMNS =
    "SELECT a.pk, a.login, a.name, coalesce(p.id, ''), coalesce(a.password_hash, ''), "
    "a.disabled, a.created_at FROM accounts a LEFT JOIN people p ON p.pk = a.person ";

// One account per row of `query` (ACCOUNT_COLUMNS), each with its roles.
core::Result<std::vector<core::Account>> read_accounts(Connection& c, Query& query) {
    std::vector<core::Account> accounts;
    while (true) {
        auto row = query.step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        if (!*row) {
            break;
        }
        core::Account a;
        a.id = query.integer(0);
        a.email = query.text(1);
        a.name = query.text(2);
        a.person = query.text(3);
        a.password_hash = query.text(4);
        a.disabled = query.integer(5) != 0;
        a.created_at = time_of_text(query.text(6));
        accounts.push_back(std::move(a));
    }
    for (core::Account& a : accounts) {
        Query roles(c,
                    "SELECT r.role, coalesce(pa.id, ''), coalesce(pl.id, '') FROM account_roles r "
                    "LEFT JOIN partnerships pa ON pa.pk = r.partnership "
                    "LEFT JOIN places pl ON pl.pk = r.place WHERE r.account = ? ORDER BY r.pk");
        roles.bind(1, a.id);
        while (true) {
            auto row = roles.step();
            if (!row) {
                return tl::unexpected(row.error());
            }
            if (!*row) {
                break;
            }
            core::RoleGrant grant;
            grant.role = core::parse_name<core::AccountRole>(roles.text(0))
                             .value_or(core::AccountRole::Participant);
            grant.partnership = roles.text(1);
            grant.place = roles.text(2);
            a.roles.push_back(std::move(grant));
        }
    }
    return accounts;
}

core::Result<std::optional<core::Account>> first(core::Result<std::vector<core::Account>> all) {
    if (!all) {
        return tl::unexpected(all.error());
    }
    if (all->empty()) {
        return std::nullopt;
    }
    return std::move(all->front());
}

core::Result<std::optional<core::Session>> read_session(Connection& c, std::string_view token_hash,
                                                        core::LocalTime now) {
    Query query(c,
                "SELECT account, csrf_token, created_at, expires_at FROM sessions "
                "WHERE token_hash = CAST(?1 AS BLOB) AND expires_at > ?2");
    query.bind(1, token_hash).bind(2, time_text(now));
    auto row = query.step();
    if (!row) {
        return tl::unexpected(row.error());
    }
    if (!*row) {
        return std::nullopt;
    }
    core::Session session;
    session.token_hash = std::string(token_hash);
    session.account = query.integer(0);
    session.csrf_token = query.text(1);
    session.created_at = time_of_text(query.text(2));
    session.expires_at = time_of_text(query.text(3));
    return session;
}

core::Error unknown_account(std::int64_t account, std::string_view field) {
    return unknown_da("konto", std::to_string(account), field);
}

}  // namespace

core::Result<std::int64_t> SqliteAccountStore::create_account(const core::NewAccount& account) {
    const std::string email = lower(account.email);
    if (email.empty()) {
        return tl::unexpected(error_da(ErrorCode::Invalid, Msg::MustBeEmail, "email"));
    }
    const core::LocalTime now = m_clock.now();
    return m_pool->write([&](Connection& c) -> core::Result<std::int64_t> {
        Query taken(c, "SELECT 1 FROM accounts WHERE login = ?");
        taken.bind(1, email);
        auto exists = taken.step();
        if (!exists) {
            return tl::unexpected(exists.error());
        }
        if (*exists) {
            return tl::unexpected(error_da(ErrorCode::Conflict, Msg::EmailTaken, "email"));
        }
        std::optional<std::int64_t> person;
        if (!account.person.empty()) {
            SAMSKAB_TRY_SET(person, require_key(c, Keyed::People, account.person, "person"));
            // A person has one login: find_account_by_person must have one answer.
            Query linked(c, "SELECT 1 FROM accounts WHERE person = ?");
            linked.bind(1, *person);
            auto found = linked.step();
            if (!found) {
                return tl::unexpected(found.error());
            }
            if (*found) {
                return tl::unexpected(
                    error_da(ErrorCode::Conflict, Msg::DuplicateRecord, "person", {"accounts"}));
            }
        }
        Query insert(c,
                     "INSERT INTO accounts (login, name, person, password_hash, created_at) "
                     "VALUES (?1, ?2, ?3, ?4, ?5) RETURNING pk");
        insert.bind(1, email).bind(2, account.name).bind(3, person);
        if (!account.password_hash.empty()) {
            insert.bind(4, account.password_hash);
        }
        insert.bind(5, time_text(now));
        auto inserted = insert.step();
        if (!inserted) {
            return tl::unexpected(inserted.error());
        }
        const std::int64_t id = insert.integer(0);
        SAMSKAB_TRY(insert.run());
        for (const core::RoleGrant& grant : account.roles) {
            std::optional<std::int64_t> partnership, place;
            if (!grant.partnership.empty()) {
                SAMSKAB_TRY_SET(partnership, require_key(c, Keyed::Partnerships, grant.partnership,
                                                         "partnership"));
            }
            if (!grant.place.empty()) {
                SAMSKAB_TRY_SET(place, require_key(c, Keyed::Places, grant.place, "place"));
            }
            Query role(c,
                       "INSERT INTO account_roles (account, role, partnership, place) "
                       "VALUES (?, ?, ?, ?)");
            role.bind(1, id).bind(2, core::name_of(grant.role)).bind(3, partnership);
            role.bind(4, place);
            SAMSKAB_TRY(role.run());
        }
        return id;
    });
}

core::Result<std::optional<core::Account>> SqliteAccountStore::find_account(std::int64_t id) {
    return m_pool->read([&](Connection& c) {
        Query query(c, std::string(ACCOUNT_COLUMNS) + "WHERE a.pk = ?");
        query.bind(1, id);
        return first(read_accounts(c, query));
    });
}

core::Result<std::optional<core::Account>> SqliteAccountStore::find_account_by_email(
    std::string_view email) {
    return m_pool->read([&](Connection& c) {
        Query query(c, std::string(ACCOUNT_COLUMNS) + "WHERE a.login = ?");
        query.bind(1, lower(email));
        return first(read_accounts(c, query));
    });
}

core::Result<std::optional<core::Account>> SqliteAccountStore::find_account_by_person(
    std::string_view person) {
    return m_pool->read([&](Connection& c) {
        Query query(c, std::string(ACCOUNT_COLUMNS) + "WHERE p.id = ? ORDER BY a.pk LIMIT 1");
        query.bind(1, person);
        return first(read_accounts(c, query));
    });
}

core::Result<std::vector<core::Account>> SqliteAccountStore::list_accounts() {
    return m_pool->read([&](Connection& c) {
        Query query(c, std::string(ACCOUNT_COLUMNS) + "ORDER BY a.login");
        return read_accounts(c, query);
    });
}

core::Result<void> SqliteAccountStore::remove_account(std::string_view email) {
    const std::string login = lower(email);
    return m_pool->write([&](Connection& c) -> core::Result<void> {
        // Roles, sessions and invitations go with it (ON DELETE CASCADE).
        Query remove(c, "DELETE FROM accounts WHERE login = ?");
        remove.bind(1, login);
        SAMSKAB_TRY(remove.run());
        if (c.db().changes() == 0) {
            return tl::unexpected(unknown_da("konto", login, "email"));
        }
        return {};
    });
}

core::Result<void> SqliteAccountStore::set_password_hash(std::int64_t account,
                                                         std::string_view hash) {
    return m_pool->write([&](Connection& c) -> core::Result<void> {
        Query update(c, "UPDATE accounts SET password_hash = ? WHERE pk = ?");
        update.bind(1, hash).bind(2, account);
        SAMSKAB_TRY(update.run());
        if (c.db().changes() == 0) {
            return tl::unexpected(unknown_account(account, "account"));
        }
        return {};
    });
}

core::Result<void> SqliteAccountStore::create_session(const core::Session& session) {
    return m_pool->write([&](Connection& c) -> core::Result<void> {
        bool exists = false;
        SAMSKAB_TRY_SET(exists, account_exists(c, session.account));
        if (!exists) {
            return tl::unexpected(unknown_account(session.account, "account"));
        }
        // The column is a BLOB (migration 2); the hex text is stored as its bytes.
        Query insert(c,
                     "INSERT INTO sessions (token_hash, account, csrf_token, created_at, "
                     "expires_at) VALUES (CAST(?1 AS BLOB), ?2, ?3, ?4, ?5)");
        insert.bind(1, session.token_hash).bind(2, session.account).bind(3, session.csrf_token);
        insert.bind(4, time_text(session.created_at)).bind(5, time_text(session.expires_at));
        return insert.run();
    });
}

core::Result<std::optional<core::Session>> SqliteAccountStore::find_session(
    std::string_view token_hash, core::LocalTime now) {
    return m_pool->read([&](Connection& c) { return read_session(c, token_hash, now); });
}

core::Result<std::optional<core::SignedIn>> SqliteAccountStore::find_signed_in(
    std::string_view token_hash, core::LocalTime now) {
    return m_pool->read([&](Connection& c) -> core::Result<std::optional<core::SignedIn>> {
        std::optional<core::Session> session;
        SAMSKAB_TRY_SET(session, read_session(c, token_hash, now));
        if (!session) {
            return std::nullopt;
        }
        Query query(c, std::string(ACCOUNT_COLUMNS) + "WHERE a.pk = ?");
        query.bind(1, session->account);
        std::optional<core::Account> account;
        SAMSKAB_TRY_SET(account, first(read_accounts(c, query)));
        if (!account) {
            return std::nullopt;
        }
        return core::SignedIn{std::move(*session), std::move(*account)};
    });
}

core::Result<void> SqliteAccountStore::delete_session(std::string_view token_hash) {
    return m_pool->write([&](Connection& c) {
        Query remove(c, "DELETE FROM sessions WHERE token_hash = CAST(? AS BLOB)");
        remove.bind(1, token_hash);
        return remove.run();
    });
}

core::Result<void> SqliteAccountStore::delete_sessions_of(std::int64_t account) {
    return m_pool->write([&](Connection& c) {
        Query remove(c, "DELETE FROM sessions WHERE account = ?");
        remove.bind(1, account);
        return remove.run();
    });
}

core::Result<void> SqliteAccountStore::create_invitation(std::string_view token_hash,
                                                         std::int64_t account,
                                                         core::LocalTime expires_at) {
    return m_pool->write([&](Connection& c) -> core::Result<void> {
        bool exists = false;
        SAMSKAB_TRY_SET(exists, account_exists(c, account));
        if (!exists) {
            return tl::unexpected(unknown_account(account, "account"));
        }
        Query insert(c,
                     "INSERT INTO invitations (token_hash, account, expires_at) VALUES (?, ?, ?)");
        insert.bind(1, token_hash).bind(2, account).bind(3, time_text(expires_at));
        return insert.run();
    });
}

namespace {

constexpr std::string_view USABLE_INVITATION =
    "SELECT account FROM invitations WHERE token_hash = ?1 AND used_at IS NULL "
    "AND expires_at > ?2";

}  // namespace

core::Result<std::optional<std::int64_t>> SqliteAccountStore::find_invitation(
    std::string_view token_hash, core::LocalTime now) {
    return m_pool->read([&](Connection& c) -> core::Result<std::optional<std::int64_t>> {
        Query query(c, USABLE_INVITATION);
        query.bind(1, token_hash).bind(2, time_text(now));
        auto row = query.step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        if (!*row) {
            return std::nullopt;
        }
        return query.integer(0);
    });
}

core::Result<std::int64_t> SqliteAccountStore::accept_invitation(std::string_view token_hash,
                                                                 core::LocalTime now,
                                                                 std::string_view password_hash) {
    return m_pool->write([&](Connection& c) -> core::Result<std::int64_t> {
        std::int64_t account = 0;
        {
            Query query(c, USABLE_INVITATION);
            query.bind(1, token_hash).bind(2, time_text(now));
            auto row = query.step();
            if (!row) {
                return tl::unexpected(row.error());
            }
            if (!*row) {
                return tl::unexpected(
                    error_da(ErrorCode::NotFound, Msg::InvitationInvalid, "token"));
            }
            account = query.integer(0);
        }
        Query use(c, "UPDATE invitations SET used_at = ? WHERE token_hash = ?");
        use.bind(1, time_text(now)).bind(2, token_hash);
        SAMSKAB_TRY(use.run());
        Query password(c, "UPDATE accounts SET password_hash = ? WHERE pk = ?");
        password.bind(1, password_hash).bind(2, account);
        SAMSKAB_TRY(password.run());
        return account;
    });
}

core::Result<void> SqliteAccountStore::record_login_failure(std::string_view email,
                                                            std::string_view address,
                                                            core::LocalTime at) {
    return m_pool->write([&](Connection& c) {
        Query insert(c, "INSERT INTO login_failures (at, email, address) VALUES (?, ?, ?)");
        insert.bind(1, time_text(at)).bind(2, lower(email)).bind(3, address);
        return insert.run();
    });
}

core::Result<core::LoginFailures> SqliteAccountStore::login_failures(std::string_view email,
                                                                     std::string_view address,
                                                                     core::LocalTime since) {
    return m_pool->read([&](Connection& c) -> core::Result<core::LoginFailures> {
        Query query(
            c,
            "SELECT (SELECT count(*) FROM login_failures WHERE email = ?1 AND at >= ?3), "
            "(SELECT count(*) FROM login_failures WHERE address = ?2 AND at >= ?3), "
            "max(coalesce((SELECT max(at) FROM login_failures WHERE email = ?1 AND at >= ?3), ''),"
            " coalesce((SELECT max(at) FROM login_failures WHERE address = ?2 AND at >= ?3), ''))");
        query.bind(1, lower(email)).bind(2, address).bind(3, time_text(since));
        auto row = query.step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        core::LoginFailures failures;
        failures.by_account = static_cast<int>(query.integer(0));
        failures.by_address = static_cast<int>(query.integer(1));
        const std::string latest = query.text(2);
        failures.latest = latest.empty() ? 0 : time_of_text(latest);
        return failures;
    });
}

core::Result<void> SqliteAccountStore::clear_login_failures(std::string_view email) {
    return m_pool->write([&](Connection& c) {
        Query remove(c, "DELETE FROM login_failures WHERE email = ?");
        remove.bind(1, lower(email));
        return remove.run();
    });
}

namespace {

core::Result<void> insert_entry(Connection& c, const core::AccessEntry& entry) {
    std::optional<std::int64_t> subject;
    if (!entry.subject.empty()) {
        SAMSKAB_TRY_SET(subject, require_key(c, Keyed::People, entry.subject, "subject"));
    }
    Query insert(c,
                 "INSERT INTO audit_log (at, actor, action, subject, detail) "
                 "VALUES (?, ?, ?, ?, ?)");
    insert.bind(1, time_text(entry.at));
    if (entry.actor != 0) {
        insert.bind(2, entry.actor);
    }
    insert.bind(3, entry.action).bind(4, subject).bind(5, entry.detail);
    return insert.run();
}

}  // namespace

core::Result<void> SqliteAccountStore::log_access(const core::AccessEntry& entry) {
    return m_pool->write([&](Connection& c) { return insert_entry(c, entry); });
}

core::Result<void> SqliteAccountStore::log_accesses(const std::vector<core::AccessEntry>& entries) {
    if (entries.empty()) {
        return {};
    }
    return m_pool->write([&](Connection& c) -> core::Result<void> {
        for (const core::AccessEntry& entry : entries) {
            SAMSKAB_TRY(insert_entry(c, entry));
        }
        return {};
    });
}

core::Result<std::vector<core::AccessEntry>> SqliteAccountStore::search_access_log(
    const core::AccessQuery& search) {
    return m_pool->read([&](Connection& c) -> core::Result<std::vector<core::AccessEntry>> {
        // Times are text that sorts as time; '' and '~' bound every time there is.
        Query query(c,
                    "SELECT l.at, coalesce(l.actor, 0), l.action, coalesce(p.id, ''), "
                    "coalesce(l.detail, '') FROM audit_log l "
                    "LEFT JOIN people p ON p.pk = l.subject "
                    "WHERE (?1 = '' OR p.id = ?1) AND (?2 = 0 OR l.actor = ?2) "
                    "AND (?3 = '' OR l.action = ?3) AND l.at >= ?4 AND l.at < ?5 "
                    "ORDER BY l.at DESC, l.pk DESC LIMIT ?6");
        query.bind(1, search.subject)
            .bind(2, search.actor)
            .bind(3, search.action)
            .bind(4, search.from <= 0 ? std::string() : time_text(search.from))
            .bind(5, search.to == std::numeric_limits<core::LocalTime>::max()
                         ? std::string("~")
                         : time_text(search.to))
            .bind(6, std::int64_t{std::max(search.limit, 0)});
        std::vector<core::AccessEntry> entries;
        while (true) {
            auto row = query.step();
            if (!row) {
                return tl::unexpected(row.error());
            }
            if (!*row) {
                return entries;
            }
            entries.push_back({time_of_text(query.text(0)), query.integer(1), query.text(2),
                               query.text(3), query.text(4)});
        }
    });
}

core::Result<int> SqliteAccountStore::purge_access_log(core::LocalTime before) {
    return m_pool->write([&](Connection& c) -> core::Result<int> {
        {
            Query remove(c, "DELETE FROM audit_log WHERE at < ?");
            remove.bind(1, time_text(before));
            SAMSKAB_TRY(remove.run());
        }
        int removed = 0;
        {
            Query count(c, "SELECT changes()");
            SAMSKAB_TRY(count.step());
            removed = static_cast<int>(count.integer(0));
        }
        Query failures(c, "DELETE FROM login_failures WHERE at < ?");
        failures.bind(1, time_text(before));
        SAMSKAB_TRY(failures.run());
        return removed;
    });
}

core::Result<std::vector<core::AccessEntry>> SqliteAccountStore::access_log_of(
    std::string_view person) {
    return m_pool->read([&](Connection& c) -> core::Result<std::vector<core::AccessEntry>> {
        Query query(c,
                    "SELECT l.at, coalesce(l.actor, 0), l.action, p.id, coalesce(l.detail, '') "
                    "FROM audit_log l JOIN people p ON p.pk = l.subject WHERE p.id = ? "
                    "ORDER BY l.at DESC, l.pk DESC");
        query.bind(1, person);
        std::vector<core::AccessEntry> entries;
        while (true) {
            auto row = query.step();
            if (!row) {
                return tl::unexpected(row.error());
            }
            if (!*row) {
                break;
            }
            entries.push_back({time_of_text(query.text(0)), query.integer(1), query.text(2),
                               query.text(3), query.text(4)});
        }
        return entries;
    });
}

}  // namespace samskab::storage::sqlite
