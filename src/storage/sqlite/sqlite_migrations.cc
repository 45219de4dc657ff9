#include "storage/sqlite/sqlite_migrations.h"

#include <string>

namespace samskab::storage::sqlite {

namespace {

// The partnership's records as in BUNDLE.md. Records with ids have an integer key `pk` that
// other tables refer to (small, fast joins) and their bundle id as a unique text column.
constexpr std::string_view V1_RECORDS = R"sql(
CREATE TABLE partnerships (
    pk   INTEGER PRIMARY KEY,
    id   TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
) STRICT;

CREATE TABLE organisations (
    pk          INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    partnership INTEGER NOT NULL REFERENCES partnerships (pk),
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL
        CHECK (kind IN ('civil', 'municipality', 'business', 'education', 'other'))
) STRICT;
CREATE INDEX organisations_partnership ON organisations (partnership);

CREATE TABLE places (
    pk                INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,
    partnership       INTEGER NOT NULL REFERENCES partnerships (pk),
    name              TEXT NOT NULL,
    support_threshold REAL NOT NULL CHECK (support_threshold BETWEEN 0 AND 1)
) STRICT;
CREATE INDEX places_partnership ON places (partnership);

-- The support need is health-related data (GDPR art. 9): the CHECK makes it impossible to
-- store the flag without the person's consent, whatever code path writes it.
CREATE TABLE people (
    pk                   INTEGER PRIMARY KEY,
    id                   TEXT NOT NULL UNIQUE,
    name                 TEXT NOT NULL,
    support_need         INTEGER NOT NULL CHECK (support_need IN (0, 1)),
    joined               TEXT,
    entry_channel        TEXT
        CHECK (entry_channel IN ('companion', 'host', 'coordinator', 'network', 'outreach', 'self')),
    consent_support_need INTEGER NOT NULL CHECK (consent_support_need IN (0, 1)),
    consent_pathways     INTEGER NOT NULL CHECK (consent_pathways IN (0, 1)),
    CHECK (support_need = 0 OR consent_support_need = 1)
) STRICT;

CREATE TABLE companions (
    person      INTEGER NOT NULL REFERENCES people (pk),
    companion   INTEGER NOT NULL REFERENCES people (pk),
    partnership INTEGER NOT NULL REFERENCES partnerships (pk),
    from_date   TEXT NOT NULL,
    to_date     TEXT,
    PRIMARY KEY (person, companion, partnership, from_date),
    CHECK (person <> companion),
    CHECK (to_date IS NULL OR to_date >= from_date)
) STRICT, WITHOUT ROWID;

CREATE TABLE activities (
    pk           INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    place        INTEGER NOT NULL REFERENCES places (pk),
    title        TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('fixed', 'initiative', 'cause')),
    initiated_by INTEGER REFERENCES people (pk),
    created      TEXT NOT NULL
) STRICT;
CREATE INDEX activities_place ON activities (place);

CREATE TABLE occurrences (
    pk       INTEGER PRIMARY KEY,
    id       TEXT NOT NULL UNIQUE,
    activity INTEGER NOT NULL REFERENCES activities (pk),
    start    TEXT NOT NULL,
    end      TEXT NOT NULL,
    CHECK (end >= start)
) STRICT;
CREATE INDEX occurrences_activity ON occurrences (activity);
CREATE INDEX occurrences_start ON occurrences (start);

CREATE TABLE participations (
    occurrence INTEGER NOT NULL REFERENCES occurrences (pk),
    person     INTEGER NOT NULL REFERENCES people (pk),
    role       TEXT NOT NULL CHECK (role IN ('initiator', 'host', 'active', 'passive', 'supported')),
    PRIMARY KEY (occurrence, person)
) STRICT, WITHOUT ROWID;
CREATE INDEX participations_person ON participations (person);

CREATE TABLE visits (
    person INTEGER NOT NULL REFERENCES people (pk),
    place  INTEGER NOT NULL REFERENCES places (pk),
    date   TEXT NOT NULL,
    PRIMARY KEY (person, place, date)
) STRICT, WITHOUT ROWID;
CREATE INDEX visits_place_date ON visits (place, date);

-- Undirected: `a` is the person whose bundle id sorts first, so a pair has one spelling.
CREATE TABLE relations (
    a      INTEGER NOT NULL REFERENCES people (pk),
    b      INTEGER NOT NULL REFERENCES people (pk),
    since  TEXT NOT NULL,
    until  TEXT,
    source TEXT NOT NULL CHECK (source IN ('self_report', 'host_introduction', 'co_participation')),
    PRIMARY KEY (a, b, since),
    CHECK (a <> b),
    CHECK (until IS NULL OR until >= since)
) STRICT, WITHOUT ROWID;
CREATE INDEX relations_b ON relations (b);

CREATE TABLE pathways (
    person INTEGER NOT NULL REFERENCES people (pk),
    date   TEXT NOT NULL,
    kind   TEXT NOT NULL
        CHECK (kind IN ('job', 'education', 'association', 'internship', 'volunteering')),
    PRIMARY KEY (person, date, kind)
) STRICT, WITHOUT ROWID;
)sql";

// What the web application needs: accounts with roles scoped to a place or partnership,
// sessions (only a hash of the token is stored, so a copied database opens no session), and an
// audit log of who looked at or changed whose data.
constexpr std::string_view V2_ACCOUNTS = R"sql(
CREATE TABLE accounts (
    pk            INTEGER PRIMARY KEY,
    login         TEXT NOT NULL UNIQUE,
    person        INTEGER REFERENCES people (pk),
    password_hash TEXT,
    created_at    TEXT NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
) STRICT;

CREATE TABLE account_roles (
    account     INTEGER NOT NULL REFERENCES accounts (pk) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('participant', 'host', 'coordinator', 'companion',
                                              'analyst', 'administrator')),
    partnership INTEGER REFERENCES partnerships (pk),
    place       INTEGER REFERENCES places (pk)
) STRICT;
CREATE INDEX account_roles_account ON account_roles (account);

CREATE TABLE sessions (
    token_hash  BLOB PRIMARY KEY,
    account     INTEGER NOT NULL REFERENCES accounts (pk) ON DELETE CASCADE,
    csrf_token  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX sessions_account ON sessions (account);

CREATE TABLE audit_log (
    pk      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    actor   INTEGER REFERENCES accounts (pk),
    action  TEXT NOT NULL,
    subject INTEGER REFERENCES people (pk),
    detail  TEXT
) STRICT;
CREATE INDEX audit_log_subject ON audit_log (subject, at);
CREATE INDEX audit_log_at ON audit_log (at);
)sql";

constexpr std::string_view SCHEMA_TABLE = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
) STRICT;
)sql";

}  // namespace

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> all = {
        {1, "records", V1_RECORDS},
        {2, "accounts", V2_ACCOUNTS},
    };
    return all;
}

int latest_version() {
    return migrations().back().version;
}

core::Result<int> schema_version(Database& db) {
    SAMSKAB_TRY(db.exec(SCHEMA_TABLE));
    Statement query = db.prepare("SELECT coalesce(max(version), 0) FROM schema_migrations");
    auto row = query.step();
    if (!row) {
        return tl::unexpected(row.error());
    }
    return static_cast<int>(query.column_int(0));
}

core::Result<void> migrate(Database& db, int up_to) {
    auto current = schema_version(db);
    if (!current) {
        return tl::unexpected(current.error());
    }
    if (*current > latest_version()) {
        return core::fail(core::ErrorCode::Conflict,
                          db.path() + ": the database has schema version " +
                              std::to_string(*current) + ", newer than this samskab (" +
                              std::to_string(latest_version()) + ")");
    }
    for (const Migration& migration : migrations()) {
        if (migration.version <= *current || migration.version > up_to) {
            continue;
        }
        auto transaction = Transaction::begin(db);
        if (!transaction) {
            return tl::unexpected(transaction.error());
        }
        // Another process may have migrated while this one waited for the lock.
        auto again = schema_version(db);
        if (!again) {
            return tl::unexpected(again.error());
        }
        if (*again >= migration.version) {
            continue;
        }
        SAMSKAB_TRY(db.exec(migration.sql));
        Statement record = db.prepare(
            "INSERT INTO schema_migrations (version, name, applied_at) "
            "VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%S', 'now'))");
        record.bind(1, static_cast<std::int64_t>(migration.version)).bind(2, migration.name);
        SAMSKAB_TRY(record.run());
        SAMSKAB_TRY(transaction->commit());
    }
    return {};
}

}  // namespace samskab::storage::sqlite
