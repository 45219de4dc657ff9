#include "storage/postgres/postgres_migrations.h"

#include <string>

namespace samskab::storage::postgres {

namespace {

// The tables of storage/sqlite's migration 1 (see there for what each holds), in PostgreSQL
// types. Where the two differ, and why:
// - Text that samskab compares or sorts (ids, dates, times, vocabulary) is COLLATE "C", so
//   that order and comparisons are bytewise, as in SQLite, whatever collation the database
//   was created with; a Danish collation would sort "aa" after "z".
// - Dates and times are text as in SQLite: the bundle format allows the year 0000, which
//   PostgreSQL's date type does not, and the same bundle must be accepted by both stores.
// - Flags are boolean; the consent CHECK says the same thing in boolean terms.
// - Every table of a partnership's records carries the partnership's key (activities,
//   occurrences, participations and visits too, where SQLite derives it through the place),
//   so that the tables can be sharded by partnership (README, "PostgreSQL"). The key is kept
//   right by the database itself: composite foreign keys with ON UPDATE CASCADE carry a place
//   that changes partnership through to its activities, their occurrences and participations.
constexpr std::string_view V1_RECORDS = R"sql(
CREATE TABLE partnerships (
    pk   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id   text COLLATE "C" NOT NULL UNIQUE,
    name text NOT NULL
);

CREATE TABLE organisations (
    pk          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          text COLLATE "C" NOT NULL UNIQUE,
    partnership bigint NOT NULL REFERENCES partnerships (pk),
    name        text NOT NULL,
    kind        text COLLATE "C" NOT NULL
        CHECK (kind IN ('civil', 'municipality', 'business', 'education', 'other'))
);
CREATE INDEX organisations_partnership ON organisations (partnership);

CREATE TABLE places (
    pk                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id                text COLLATE "C" NOT NULL UNIQUE,
    partnership       bigint NOT NULL REFERENCES partnerships (pk),
    name              text NOT NULL,
    support_threshold double precision NOT NULL CHECK (support_threshold BETWEEN 0 AND 1),
    UNIQUE (pk, partnership)
);
CREATE INDEX places_partnership ON places (partnership);

-- The support need is health-related data (GDPR art. 9): the CHECK makes it impossible to
-- store the flag without the person's consent, whatever code path writes it.
CREATE TABLE people (
    pk                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id                   text COLLATE "C" NOT NULL UNIQUE,
    name                 text NOT NULL,
    support_need         boolean NOT NULL,
    joined               text COLLATE "C",
    entry_channel        text COLLATE "C"
        CHECK (entry_channel IN ('companion', 'host', 'coordinator', 'network', 'outreach', 'self')),
    consent_support_need boolean NOT NULL,
    consent_pathways     boolean NOT NULL,
    CONSTRAINT support_need_needs_consent CHECK (NOT support_need OR consent_support_need)
);

CREATE TABLE companions (
    person      bigint NOT NULL REFERENCES people (pk),
    companion   bigint NOT NULL REFERENCES people (pk),
    partnership bigint NOT NULL REFERENCES partnerships (pk),
    from_date   text COLLATE "C" NOT NULL,
    to_date     text COLLATE "C",
    PRIMARY KEY (person, companion, partnership, from_date),
    CHECK (person <> companion),
    CHECK (to_date IS NULL OR to_date >= from_date)
);

CREATE TABLE activities (
    pk           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id           text COLLATE "C" NOT NULL UNIQUE,
    place        bigint NOT NULL,
    partnership  bigint NOT NULL,
    title        text NOT NULL,
    kind         text COLLATE "C" NOT NULL CHECK (kind IN ('fixed', 'initiative', 'cause')),
    initiated_by bigint REFERENCES people (pk),
    created      text COLLATE "C" NOT NULL,
    UNIQUE (pk, partnership),
    FOREIGN KEY (place, partnership) REFERENCES places (pk, partnership) ON UPDATE CASCADE
);
CREATE INDEX activities_place ON activities (place, partnership);

CREATE TABLE occurrences (
    pk          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          text COLLATE "C" NOT NULL UNIQUE,
    activity    bigint NOT NULL,
    partnership bigint NOT NULL,
    start       text COLLATE "C" NOT NULL,
    "end"       text COLLATE "C" NOT NULL,
    CHECK ("end" >= start),
    UNIQUE (pk, partnership),
    FOREIGN KEY (activity, partnership) REFERENCES activities (pk, partnership) ON UPDATE CASCADE
);
CREATE INDEX occurrences_activity ON occurrences (activity, partnership);
CREATE INDEX occurrences_start ON occurrences (start);

CREATE TABLE participations (
    occurrence  bigint NOT NULL,
    person      bigint NOT NULL REFERENCES people (pk),
    partnership bigint NOT NULL,
    role        text COLLATE "C" NOT NULL
        CHECK (role IN ('initiator', 'host', 'active', 'passive', 'supported')),
    PRIMARY KEY (occurrence, person),
    FOREIGN KEY (occurrence, partnership) REFERENCES occurrences (pk, partnership)
        ON UPDATE CASCADE
);
CREATE INDEX participations_person ON participations (person);

CREATE TABLE visits (
    person      bigint NOT NULL REFERENCES people (pk),
    place       bigint NOT NULL,
    partnership bigint NOT NULL,
    date        text COLLATE "C" NOT NULL,
    PRIMARY KEY (person, place, date),
    FOREIGN KEY (place, partnership) REFERENCES places (pk, partnership) ON UPDATE CASCADE
);
CREATE INDEX visits_place_date ON visits (place, date);

-- Undirected: `a` is the person whose bundle id sorts first, so a pair has one spelling.
CREATE TABLE relations (
    a      bigint NOT NULL REFERENCES people (pk),
    b      bigint NOT NULL REFERENCES people (pk),
    since  text COLLATE "C" NOT NULL,
    until  text COLLATE "C",
    source text COLLATE "C" NOT NULL
        CHECK (source IN ('self_report', 'host_introduction', 'co_participation')),
    PRIMARY KEY (a, b, since),
    CHECK (a <> b),
    CHECK (until IS NULL OR until >= since)
);
CREATE INDEX relations_b ON relations (b);

CREATE TABLE pathways (
    person bigint NOT NULL REFERENCES people (pk),
    date   text COLLATE "C" NOT NULL,
    kind   text COLLATE "C" NOT NULL
        CHECK (kind IN ('job', 'education', 'association', 'internship', 'volunteering')),
    PRIMARY KEY (person, date, kind)
);
)sql";

// storage/sqlite's migration 2: accounts, roles, sessions (only a hash of the token), audit log.
constexpr std::string_view V2_ACCOUNTS = R"sql(
CREATE TABLE accounts (
    pk            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    login         text COLLATE "C" NOT NULL UNIQUE,
    person        bigint REFERENCES people (pk),
    password_hash text,
    created_at    text COLLATE "C" NOT NULL,
    disabled      boolean NOT NULL DEFAULT false
);

CREATE TABLE account_roles (
    account     bigint NOT NULL REFERENCES accounts (pk) ON DELETE CASCADE,
    role        text COLLATE "C" NOT NULL CHECK (role IN ('participant', 'host', 'coordinator',
                                                          'companion', 'analyst', 'administrator')),
    partnership bigint REFERENCES partnerships (pk),
    place       bigint REFERENCES places (pk)
);
CREATE INDEX account_roles_account ON account_roles (account);

CREATE TABLE sessions (
    token_hash bytea PRIMARY KEY,
    account    bigint NOT NULL REFERENCES accounts (pk) ON DELETE CASCADE,
    csrf_token text NOT NULL,
    created_at text COLLATE "C" NOT NULL,
    expires_at text COLLATE "C" NOT NULL
);
CREATE INDEX sessions_account ON sessions (account);

CREATE TABLE audit_log (
    pk      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at      text COLLATE "C" NOT NULL,
    actor   bigint REFERENCES accounts (pk),
    action  text NOT NULL,
    subject bigint REFERENCES people (pk),
    detail  text
);
CREATE INDEX audit_log_subject ON audit_log (subject, at);
CREATE INDEX audit_log_at ON audit_log (at);
)sql";

// storage/sqlite's migration 3 (see there for what each table holds), in PostgreSQL types. The
// access log loses its foreign key to accounts, as in SQLite, so that removing an account keeps
// the record of what it looked at. The new tables are keyed like SQLite's; the partnership key
// of the sharding scheme is for the PostgreSQL implementation of these stores to add.
constexpr std::string_view V3_WEB = R"sql(
ALTER TABLE accounts ADD COLUMN name text NOT NULL DEFAULT '';
CREATE INDEX accounts_person ON accounts (person);

CREATE TABLE invitations (
    token_hash text COLLATE "C" PRIMARY KEY,
    account    bigint NOT NULL REFERENCES accounts (pk) ON DELETE CASCADE,
    expires_at text COLLATE "C" NOT NULL,
    used_at    text COLLATE "C"
);
CREATE INDEX invitations_account ON invitations (account);

CREATE TABLE login_failures (
    pk      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at      text COLLATE "C" NOT NULL,
    email   text COLLATE "C" NOT NULL,
    address text COLLATE "C" NOT NULL
);
CREATE INDEX login_failures_email ON login_failures (email, at);
CREATE INDEX login_failures_address ON login_failures (address, at);

ALTER TABLE audit_log DROP CONSTRAINT audit_log_actor_fkey;

CREATE TABLE memberships (
    person      bigint NOT NULL REFERENCES people (pk),
    partnership bigint NOT NULL REFERENCES partnerships (pk),
    PRIMARY KEY (person, partnership)
);
CREATE INDEX memberships_partnership ON memberships (partnership);

CREATE TABLE schedules (
    pk           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    activity     bigint NOT NULL REFERENCES activities (pk),
    weekday      integer NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_minute integer NOT NULL CHECK (start_minute BETWEEN 0 AND 1440),
    end_minute   integer NOT NULL CHECK (end_minute BETWEEN 0 AND 1440),
    from_date    text COLLATE "C" NOT NULL,
    until        text COLLATE "C" NOT NULL,
    CHECK (end_minute > start_minute),
    CHECK (until >= from_date)
);
CREATE INDEX schedules_activity ON schedules (activity);

CREATE TABLE breaks (
    pk        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person    bigint NOT NULL REFERENCES people (pk),
    from_date text COLLATE "C" NOT NULL,
    until     text COLLATE "C",
    CHECK (until IS NULL OR until >= from_date)
);
CREATE INDEX breaks_person ON breaks (person, from_date);
CREATE UNIQUE INDEX breaks_open ON breaks (person) WHERE until IS NULL;

CREATE TABLE logbook_notes (
    pk         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    place      bigint NOT NULL REFERENCES places (pk),
    day        text COLLATE "C" NOT NULL,
    author     bigint NOT NULL,
    text       text NOT NULL,
    written_at text COLLATE "C" NOT NULL
);
CREATE INDEX logbook_notes_place_day ON logbook_notes (place, day);

CREATE TABLE host_rota (
    place  bigint NOT NULL REFERENCES places (pk),
    day    text COLLATE "C" NOT NULL,
    person bigint NOT NULL REFERENCES people (pk),
    PRIMARY KEY (place, day)
);
CREATE INDEX host_rota_person ON host_rota (person);

CREATE TABLE action_items (
    pk       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    activity bigint NOT NULL REFERENCES activities (pk),
    text     text NOT NULL,
    due      text COLLATE "C",
    done     boolean NOT NULL DEFAULT false
);
CREATE INDEX action_items_activity ON action_items (activity);

CREATE TABLE consent_changes (
    pk                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person               bigint NOT NULL REFERENCES people (pk),
    at                   text COLLATE "C" NOT NULL,
    by_account           bigint,
    on_paper             boolean NOT NULL,
    consent_support_need boolean NOT NULL,
    consent_pathways     boolean NOT NULL
);
CREATE INDEX consent_changes_person ON consent_changes (person, at);

CREATE TABLE deletion_requests (
    person       bigint PRIMARY KEY REFERENCES people (pk),
    requested_at text COLLATE "C" NOT NULL
);

CREATE INDEX occurrences_activity_start ON occurrences (activity, start);
CREATE INDEX people_name ON people (name);
CREATE INDEX companions_partnership ON companions (partnership);
CREATE INDEX companions_companion ON companions (companion);
)sql";

// storage/sqlite's migration 4 (consent per purpose, retention, anonymisation), in PostgreSQL
// types.
constexpr std::string_view V4_PRIVACY = R"sql(
CREATE TABLE privacy_consents (
    person     bigint PRIMARY KEY REFERENCES people (pk),
    companion  integer NOT NULL DEFAULT 0 CHECK (companion IN (0, 1)),
    statistics integer NOT NULL DEFAULT 1 CHECK (statistics IN (0, 1))
);

ALTER TABLE consent_changes ADD COLUMN consent_companion integer
    CHECK (consent_companion IN (0, 1));
ALTER TABLE consent_changes ADD COLUMN consent_statistics integer
    CHECK (consent_statistics IN (0, 1));

CREATE TABLE partnership_settings (
    partnership      bigint PRIMARY KEY REFERENCES partnerships (pk),
    retention_months integer NOT NULL CHECK (retention_months BETWEEN 1 AND 600)
);

CREATE TABLE anonymised (
    person bigint PRIMARY KEY REFERENCES people (pk),
    at     text COLLATE "C" NOT NULL
);

CREATE INDEX audit_log_actor ON audit_log (actor, at);
CREATE INDEX login_failures_at ON login_failures (at);
CREATE INDEX activities_initiated_by ON activities (initiated_by);
)sql";

// In step with SQLite's migration 5 (encryption at rest): the record of the key and the
// sealed columns of the support need and the logbook text. The PostgreSQL store does not seal
// yet; its companion links keep their plaintext columns.
constexpr std::string_view V5_FIELD_ENCRYPTION = R"sql(
ALTER TABLE people ADD COLUMN support_sealed bytea
    CHECK (support_sealed IS NULL OR consent_support_need);
ALTER TABLE logbook_notes ADD COLUMN text_sealed bytea;
-- SQLite's companion links gained a row key and blind indexes of person and companion; the
-- PostgreSQL store does not seal the links yet, so here the indexes stay NULL.
ALTER TABLE companions ADD COLUMN pk bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE companions ADD COLUMN person_key bytea;
ALTER TABLE companions ADD COLUMN companion_key bytea;
CREATE TABLE field_encryption (
    singleton integer PRIMARY KEY CHECK (singleton = 1),
    key_id    text NOT NULL,
    sealed_at text NOT NULL
);
)sql";

// Logbook templates and entries: the same tables as SQLite's migration 6.
constexpr std::string_view V6_LOGBOOKS = R"sql(
CREATE TABLE logbook_templates (
    pk          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          text COLLATE "C" NOT NULL UNIQUE,
    partnership bigint NOT NULL REFERENCES partnerships (pk),
    place       bigint NOT NULL REFERENCES places (pk),
    activity    bigint REFERENCES activities (pk),
    name        text NOT NULL,
    created_at  text COLLATE "C" NOT NULL
);
CREATE INDEX logbook_templates_partnership ON logbook_templates (partnership);
CREATE INDEX logbook_templates_place ON logbook_templates (place);

CREATE TABLE logbook_template_versions (
    template   bigint NOT NULL REFERENCES logbook_templates (pk),
    version    integer NOT NULL CHECK (version >= 1),
    created_at text COLLATE "C" NOT NULL,
    PRIMARY KEY (template, version)
);

CREATE TABLE logbook_template_fields (
    template bigint NOT NULL,
    version  integer NOT NULL,
    position integer NOT NULL,
    key      text COLLATE "C" NOT NULL,
    label    text NOT NULL,
    type     text NOT NULL CHECK (type IN ('text', 'number', 'choice', 'multiple_choice',
                                           'scale', 'yes_no', 'date', 'people_present')),
    options  text NOT NULL,
    required smallint NOT NULL CHECK (required IN (0, 1)),
    PRIMARY KEY (template, version, position),
    UNIQUE (template, version, key),
    FOREIGN KEY (template, version) REFERENCES logbook_template_versions (template, version)
);

CREATE TABLE logbook_entries (
    pk         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id         text COLLATE "C" NOT NULL UNIQUE,
    template   bigint NOT NULL,
    version    integer NOT NULL,
    place      bigint NOT NULL REFERENCES places (pk),
    day        text COLLATE "C" NOT NULL,
    author     bigint,
    written_at text COLLATE "C" NOT NULL,
    FOREIGN KEY (template, version) REFERENCES logbook_template_versions (template, version)
);
CREATE INDEX logbook_entries_template_day ON logbook_entries (template, day);
CREATE INDEX logbook_entries_place_day ON logbook_entries (place, day);

CREATE TABLE logbook_entry_values (
    entry        bigint NOT NULL REFERENCES logbook_entries (pk) ON DELETE CASCADE,
    key          text COLLATE "C" NOT NULL,
    text_value   text,
    number_value double precision,
    date_value   text COLLATE "C",
    choice_value text,
    PRIMARY KEY (entry, key)
);

CREATE TABLE logbook_entry_people (
    entry  bigint NOT NULL REFERENCES logbook_entries (pk) ON DELETE CASCADE,
    key    text COLLATE "C" NOT NULL,
    person bigint NOT NULL REFERENCES people (pk) ON DELETE CASCADE,
    PRIMARY KEY (entry, key, person)
);
CREATE INDEX logbook_entry_people_person ON logbook_entry_people (person);
)sql";

// storage/sqlite's migration 7 (interviews, codebook, the promoters/inhibitors check), in
// PostgreSQL types; the partnership's key is on every table, as elsewhere.
constexpr std::string_view V7_INTERVIEWS = R"sql(
CREATE TABLE codebook_themes (
    partnership    bigint NOT NULL REFERENCES partnerships (pk),
    id             text COLLATE "C" NOT NULL,
    position       integer NOT NULL,
    name_da        text NOT NULL,
    name_en        text NOT NULL,
    theme_group    text COLLATE "C" NOT NULL
        CHECK (theme_group IN ('motivation', 'host_role', 'promoter', 'inhibitor', 'other')),
    description_da text NOT NULL,
    description_en text NOT NULL,
    active         boolean NOT NULL,
    PRIMARY KEY (partnership, id)
);

CREATE TABLE interview_guides (
    pk          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    partnership bigint NOT NULL REFERENCES partnerships (pk),
    title       text NOT NULL
);
CREATE INDEX interview_guides_partnership ON interview_guides (partnership);

CREATE TABLE interview_questions (
    pk       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    guide    bigint NOT NULL REFERENCES interview_guides (pk),
    position integer NOT NULL,
    text     text NOT NULL
);
CREATE INDEX interview_questions_guide ON interview_questions (guide, position);

CREATE TABLE interviews (
    pk               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    guide            bigint NOT NULL REFERENCES interview_guides (pk),
    date             text COLLATE "C" NOT NULL,
    interviewer      bigint NOT NULL,
    interviewee_text text NOT NULL,
    person           bigint REFERENCES people (pk) ON DELETE SET NULL
);
CREATE INDEX interviews_guide ON interviews (guide, date);
CREATE INDEX interviews_person ON interviews (person);

CREATE TABLE interview_notes (
    pk        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    interview bigint NOT NULL REFERENCES interviews (pk),
    question  bigint NOT NULL REFERENCES interview_questions (pk),
    note_text text NOT NULL,
    UNIQUE (interview, question)
);
CREATE INDEX interview_notes_question ON interview_notes (question);

CREATE TABLE interview_codings (
    pk          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    note        bigint NOT NULL REFERENCES interview_notes (pk),
    partnership bigint NOT NULL,
    theme       text COLLATE "C" NOT NULL,
    quote_text  text NOT NULL,
    FOREIGN KEY (partnership, theme) REFERENCES codebook_themes (partnership, id)
);
CREATE INDEX interview_codings_note ON interview_codings (note);
CREATE INDEX interview_codings_theme ON interview_codings (partnership, theme);

CREATE TABLE self_assessments (
    partnership bigint NOT NULL REFERENCES partnerships (pk),
    half        text COLLATE "C" NOT NULL,
    saved_by    bigint NOT NULL,
    saved_at    text COLLATE "C" NOT NULL,
    PRIMARY KEY (partnership, half)
);

CREATE TABLE self_assessment_answers (
    partnership  bigint NOT NULL,
    half         text COLLATE "C" NOT NULL,
    item         text COLLATE "C" NOT NULL,
    position     integer NOT NULL,
    rating       text COLLATE "C" CHECK (rating IN ('promotes', 'hinders', 'not_relevant')),
    comment_text text NOT NULL,
    PRIMARY KEY (partnership, half, item),
    FOREIGN KEY (partnership, half) REFERENCES self_assessments (partnership, half)
        ON DELETE CASCADE
);
)sql";

// In step with SQLite's migration 8: sealed columns beside the self-evaluation's free text.
// The PostgreSQL store does not seal; they stay NULL, as the sealed columns of migration 5.
constexpr std::string_view V8_SEALED_FREE_TEXT = R"sql(
ALTER TABLE logbook_entry_values ADD COLUMN text_sealed bytea;
ALTER TABLE interviews ADD COLUMN interviewee_sealed bytea;
ALTER TABLE interview_notes ADD COLUMN note_sealed bytea;
ALTER TABLE interview_codings ADD COLUMN quote_sealed bytea;
ALTER TABLE self_assessment_answers ADD COLUMN comment_sealed bytea;
)sql";

// In step with SQLite's migration 9: bundle ids for interview guides and interviews, backfilled
// with random hex digits in the same form, and an interviewer who may be no account of this
// database (NULL). PostgreSQL changes the constraints in place.
constexpr std::string_view V9_INTERVIEW_IDS = R"sql(
ALTER TABLE interview_guides ADD COLUMN id text COLLATE "C";
UPDATE interview_guides SET id = 'ig-' || substr(md5(random()::text || pk::text), 1, 12);
ALTER TABLE interview_guides ALTER COLUMN id SET NOT NULL;
ALTER TABLE interview_guides ADD CONSTRAINT interview_guides_id UNIQUE (id);
ALTER TABLE interviews ADD COLUMN id text COLLATE "C";
UPDATE interviews SET id = 'iv-' || substr(md5(random()::text || pk::text), 1, 12);
ALTER TABLE interviews ALTER COLUMN id SET NOT NULL;
ALTER TABLE interviews ADD CONSTRAINT interviews_id UNIQUE (id);
ALTER TABLE interviews ALTER COLUMN interviewer DROP NOT NULL;
)sql";

// In step with SQLite's migration 10: participant surveys. SQLite's triggers that refuse a
// person on an anonymous round's response came with migration 12.
constexpr std::string_view V10_SURVEYS = R"sql(
CREATE TABLE survey_rounds (
    pk          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    partnership bigint NOT NULL REFERENCES partnerships (pk),
    place       bigint REFERENCES places (pk),
    title       text NOT NULL,
    opens       text COLLATE "C" NOT NULL,
    closes      text COLLATE "C" NOT NULL,
    anonymous   boolean NOT NULL,
    created_by  bigint NOT NULL,
    created_at  text COLLATE "C" NOT NULL,
    CHECK (closes >= opens)
);
CREATE INDEX survey_rounds_partnership ON survey_rounds (partnership, opens);

CREATE TABLE survey_responses (
    pk     bigint PRIMARY KEY,
    round  bigint NOT NULL REFERENCES survey_rounds (pk),
    person bigint REFERENCES people (pk) ON DELETE CASCADE,
    UNIQUE (round, person)
);
CREATE INDEX survey_responses_person ON survey_responses (person);

CREATE TABLE survey_answers (
    response bigint NOT NULL REFERENCES survey_responses (pk) ON DELETE CASCADE,
    question text COLLATE "C" NOT NULL,
    answer   text COLLATE "C" NOT NULL CHECK (answer IN ('yes', 'a_little', 'no')),
    PRIMARY KEY (response, question)
);

CREATE TABLE survey_respondents (
    round  bigint NOT NULL REFERENCES survey_rounds (pk),
    person bigint NOT NULL REFERENCES people (pk) ON DELETE CASCADE,
    PRIMARY KEY (round, person)
);
CREATE INDEX survey_respondents_person ON survey_respondents (person);
)sql";

// In step with SQLite's migration 11: survey rounds get bundle ids ("sr-" and 12 hex digits)
// and a creator that may be no account of this database.
constexpr std::string_view V11_SURVEY_IDS = R"sql(
ALTER TABLE survey_rounds ADD COLUMN id text COLLATE "C";
UPDATE survey_rounds SET id = 'sr-' || substr(md5(random()::text || pk::text), 1, 12);
ALTER TABLE survey_rounds ALTER COLUMN id SET NOT NULL;
ALTER TABLE survey_rounds ADD CONSTRAINT survey_rounds_id UNIQUE (id);
ALTER TABLE survey_rounds ALTER COLUMN created_by DROP NOT NULL;
)sql";

// In step with SQLite's migration 12: a role grant gets a key of its own, the order in which
// roles were granted, which an account's roles are listed in. Existing grants are numbered in
// their physical order, which is the order they were inserted in as long as none was updated
// and the table never compacted: the best order there is for them.
// And the schema now refuses a person on an anonymous round's response, as SQLite's has since
// migration 10, so that no code path can link an anonymous answer to its respondent.
constexpr std::string_view V12_ACCOUNT_ROLE_KEYS = R"sql(
ALTER TABLE account_roles ADD COLUMN pk bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;

CREATE FUNCTION samskab_refuse_named_anonymous_response() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.person IS NOT NULL
       AND (SELECT anonymous FROM survey_rounds WHERE pk = NEW.round) THEN
        RAISE EXCEPTION 'an anonymous survey round stores no person';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER survey_responses_anonymous BEFORE INSERT OR UPDATE OF person, round
    ON survey_responses FOR EACH ROW EXECUTE FUNCTION samskab_refuse_named_anonymous_response();
)sql";

constexpr std::string_view SCHEMA_TABLE = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    integer PRIMARY KEY,
    name       text NOT NULL,
    applied_at text NOT NULL
)
)sql";

// PostgreSQL's own (SQLite sealed its links in migration 5): companion links sealed whole
// (storage/postgres/postgres_fields.h). The link's key becomes `pk`; person and companion are
// kept, nullable, for rows from before the database's first open with a key, which seals them
// into person_sealed and companion_sealed under the blind indexes person_key and companion_key
// and clears them. A link is unique by its indexes, as it was by its people.
constexpr std::string_view V13_SEALED_COMPANIONS = R"sql(
ALTER TABLE companions DROP CONSTRAINT companions_pkey;
ALTER TABLE companions ALTER COLUMN person DROP NOT NULL;
ALTER TABLE companions ALTER COLUMN companion DROP NOT NULL;
ALTER TABLE companions ADD PRIMARY KEY (pk);
ALTER TABLE companions ADD COLUMN person_sealed bytea;
ALTER TABLE companions ADD COLUMN companion_sealed bytea;
ALTER TABLE companions ADD CONSTRAINT companions_sealed_or_plain CHECK (
    (person IS NULL AND companion IS NULL AND person_sealed IS NOT NULL
     AND companion_sealed IS NOT NULL AND person_key IS NOT NULL AND companion_key IS NOT NULL
     AND person_key <> companion_key)
    OR (person IS NOT NULL AND companion IS NOT NULL AND person_sealed IS NULL
        AND companion_sealed IS NULL));
ALTER TABLE companions ADD CONSTRAINT companions_link
    UNIQUE (person_key, companion_key, partnership, from_date);
CREATE UNIQUE INDEX companions_plain_link ON companions (person, companion, partnership, from_date)
    WHERE person IS NOT NULL;
DROP INDEX companions_companion;
CREATE INDEX companions_companion_key ON companions (companion_key);
-- Migration 5's CHECK beside the sealed support need, named as its plaintext counterpart is.
ALTER TABLE people RENAME CONSTRAINT people_check TO support_sealed_needs_consent;
)sql";

// Inside `transaction`: waits for any other migrator, makes sure the schema table exists
// (CREATE TABLE IF NOT EXISTS is not safe against a concurrent creator by itself, hence the
// lock first), and returns the recorded version.
int locked_version(pqxx::work& transaction) {
    transaction.exec("SELECT pg_advisory_xact_lock(" + std::to_string(MIGRATION_LOCK) + ")");
    transaction.exec(std::string(SCHEMA_TABLE));
    return transaction.exec1("SELECT coalesce(max(version), 0) FROM schema_migrations")[0]
        .as<int>();
}

}  // namespace

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> all = {
        {1, "records", V1_RECORDS},
        {2, "accounts", V2_ACCOUNTS},
        {3, "web", V3_WEB},
        {4, "privacy", V4_PRIVACY},
        {5, "field_encryption", V5_FIELD_ENCRYPTION},
        {6, "logbooks", V6_LOGBOOKS},
        {7, "interviews", V7_INTERVIEWS},
        {8, "sealed_free_text", V8_SEALED_FREE_TEXT},
        {9, "interview_ids", V9_INTERVIEW_IDS},
        {10, "surveys", V10_SURVEYS},
        {11, "survey_ids", V11_SURVEY_IDS},
        {12, "account_role_keys", V12_ACCOUNT_ROLE_KEYS},
        {13, "sealed_companions", V13_SEALED_COMPANIONS},
    };
    return all;
}

int latest_version() {
    return migrations().back().version;
}

core::Result<int> schema_version(Connection& connection) {
    return connection.guard<int>([&]() -> core::Result<int> {
        pqxx::work transaction(connection.handle());
        const int version = locked_version(transaction);
        transaction.commit();
        return version;
    });
}

core::Result<void> migrate(Connection& connection, int up_to) {
    auto current = schema_version(connection);
    if (!current) {
        return tl::unexpected(current.error());
    }
    if (*current > latest_version()) {
        return core::fail(core::ErrorCode::Conflict,
                          connection.server() + ": the database has schema version " +
                              std::to_string(*current) + ", newer than this samskab (" +
                              std::to_string(latest_version()) + ")");
    }
    for (const Migration& migration : migrations()) {
        if (migration.version <= *current || migration.version > up_to) {
            continue;
        }
        SAMSKAB_PG_TRY(connection.guard<void>([&]() -> core::Result<void> {
            pqxx::work transaction(connection.handle());
            // Another program may have applied it while this one waited for the lock.
            if (locked_version(transaction) >= migration.version) {
                return {};
            }
            transaction.exec(std::string(migration.sql));
            transaction.exec_params(
                "INSERT INTO schema_migrations (version, name, applied_at) "
                "VALUES ($1, $2, to_char(now() AT TIME ZONE 'UTC', "
                "'YYYY-MM-DD\"T\"HH24:MI:SS'))",
                migration.version, std::string(migration.name));
            transaction.commit();
            return {};
        }));
    }
    return {};
}

}  // namespace samskab::storage::postgres
