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

// What the web application's day-to-day stores need (core/account_store.h,
// core/community_store.h), and indexes for the queries they make.
//
// The access log is rebuilt without its foreign key to accounts, like the logbook and the
// consent changes: these records outlive the account that wrote them (a removed account must
// not erase who looked at a person's data), so they keep the account's number only.
constexpr std::string_view V3_WEB = R"sql(
ALTER TABLE accounts ADD COLUMN name TEXT NOT NULL DEFAULT '';
CREATE INDEX accounts_person ON accounts (person);

CREATE TABLE invitations (
    token_hash TEXT PRIMARY KEY,
    account    INTEGER NOT NULL REFERENCES accounts (pk) ON DELETE CASCADE,
    expires_at TEXT NOT NULL,
    used_at    TEXT
) STRICT, WITHOUT ROWID;
CREATE INDEX invitations_account ON invitations (account);

CREATE TABLE login_failures (
    pk      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    email   TEXT NOT NULL,
    address TEXT NOT NULL
) STRICT;
CREATE INDEX login_failures_email ON login_failures (email, at);
CREATE INDEX login_failures_address ON login_failures (address, at);

CREATE TABLE audit_log_v3 (
    pk      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    actor   INTEGER,
    action  TEXT NOT NULL,
    subject INTEGER REFERENCES people (pk),
    detail  TEXT
) STRICT;
INSERT INTO audit_log_v3 (pk, at, actor, action, subject, detail)
    SELECT pk, at, actor, action, subject, detail FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_v3 RENAME TO audit_log;
CREATE INDEX audit_log_subject ON audit_log (subject, at);
CREATE INDEX audit_log_at ON audit_log (at);

-- People registered through the web; people who came through a bundle belong to a partnership
-- through their visits, participations and companion links there.
CREATE TABLE memberships (
    person      INTEGER NOT NULL REFERENCES people (pk),
    partnership INTEGER NOT NULL REFERENCES partnerships (pk),
    PRIMARY KEY (person, partnership)
) STRICT, WITHOUT ROWID;
CREATE INDEX memberships_partnership ON memberships (partnership);

CREATE TABLE schedules (
    pk           INTEGER PRIMARY KEY,
    activity     INTEGER NOT NULL REFERENCES activities (pk),
    weekday      INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1440),
    end_minute   INTEGER NOT NULL CHECK (end_minute BETWEEN 0 AND 1440),
    from_date    TEXT NOT NULL,
    until        TEXT NOT NULL,
    CHECK (end_minute > start_minute),
    CHECK (until >= from_date)
) STRICT;
CREATE INDEX schedules_activity ON schedules (activity);

-- At most one open break per person.
CREATE TABLE breaks (
    pk        INTEGER PRIMARY KEY,
    person    INTEGER NOT NULL REFERENCES people (pk),
    from_date TEXT NOT NULL,
    until     TEXT,
    CHECK (until IS NULL OR until >= from_date)
) STRICT;
CREATE INDEX breaks_person ON breaks (person, from_date);
CREATE UNIQUE INDEX breaks_open ON breaks (person) WHERE until IS NULL;

CREATE TABLE logbook_notes (
    pk         INTEGER PRIMARY KEY,
    place      INTEGER NOT NULL REFERENCES places (pk),
    day        TEXT NOT NULL,
    author     INTEGER NOT NULL,
    text       TEXT NOT NULL,
    written_at TEXT NOT NULL
) STRICT;
CREATE INDEX logbook_notes_place_day ON logbook_notes (place, day);

-- One host per place and day.
CREATE TABLE host_rota (
    place  INTEGER NOT NULL REFERENCES places (pk),
    day    TEXT NOT NULL,
    person INTEGER NOT NULL REFERENCES people (pk),
    PRIMARY KEY (place, day)
) STRICT, WITHOUT ROWID;
CREATE INDEX host_rota_person ON host_rota (person);

CREATE TABLE action_items (
    pk       INTEGER PRIMARY KEY,
    activity INTEGER NOT NULL REFERENCES activities (pk),
    text     TEXT NOT NULL,
    due      TEXT,
    done     INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1))
) STRICT;
CREATE INDEX action_items_activity ON action_items (activity);

-- Who changed a person's consent, when, whether on a signed paper form, and what was given.
CREATE TABLE consent_changes (
    pk                   INTEGER PRIMARY KEY,
    person               INTEGER NOT NULL REFERENCES people (pk),
    at                   TEXT NOT NULL,
    by_account           INTEGER,
    on_paper             INTEGER NOT NULL CHECK (on_paper IN (0, 1)),
    consent_support_need INTEGER NOT NULL CHECK (consent_support_need IN (0, 1)),
    consent_pathways     INTEGER NOT NULL CHECK (consent_pathways IN (0, 1))
) STRICT;
CREATE INDEX consent_changes_person ON consent_changes (person, at);

CREATE TABLE deletion_requests (
    person       INTEGER PRIMARY KEY REFERENCES people (pk),
    requested_at TEXT NOT NULL
) STRICT;

-- "What's on" reads a place's occurrences in a time window; search and listings go by name.
CREATE INDEX occurrences_activity_start ON occurrences (activity, start);
CREATE INDEX people_name ON people (name);
CREATE INDEX companions_partnership ON companions (partnership);
CREATE INDEX companions_companion ON companions (companion);
)sql";

// Privacy by design (docs/privacy.md): the two purposes of consent beyond the bundle's, kept
// beside the records (absent row: not shared with the companion, counted in statistics); the
// consent history gains them (NULL in rows written before); a retention period per partnership;
// the people retention has anonymised; and an index for searching the access log by account.
constexpr std::string_view V4_PRIVACY = R"sql(
CREATE TABLE privacy_consents (
    person     INTEGER PRIMARY KEY REFERENCES people (pk),
    companion  INTEGER NOT NULL DEFAULT 0 CHECK (companion IN (0, 1)),
    statistics INTEGER NOT NULL DEFAULT 1 CHECK (statistics IN (0, 1))
) STRICT;

ALTER TABLE consent_changes ADD COLUMN consent_companion INTEGER
    CHECK (consent_companion IN (0, 1));
ALTER TABLE consent_changes ADD COLUMN consent_statistics INTEGER
    CHECK (consent_statistics IN (0, 1));

CREATE TABLE partnership_settings (
    partnership      INTEGER PRIMARY KEY REFERENCES partnerships (pk),
    retention_months INTEGER NOT NULL CHECK (retention_months BETWEEN 1 AND 600)
) STRICT;

CREATE TABLE anonymised (
    person INTEGER PRIMARY KEY REFERENCES people (pk),
    at     TEXT NOT NULL
) STRICT;

CREATE INDEX audit_log_actor ON audit_log (actor, at);
CREATE INDEX login_failures_at ON login_failures (at);
CREATE INDEX activities_initiated_by ON activities (initiated_by);
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
        {3, "web", V3_WEB},
        {4, "privacy", V4_PRIVACY},
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
