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

// Encryption at rest of the sensitive fields (storage/sqlite/sqlite_fields.h): a sealed column
// beside the support need (the CHECK keeps the flag's consent rule for the sealed value) and
// beside a logbook note's text; companion links rebuilt so that who accompanies whom is sealed,
// with keyed digests of both people as blind indexes. The rows are copied unencrypted (the
// people's keys as text) and sealed on the first open with a key; `field_encryption` records
// the key they are sealed under.
constexpr std::string_view V5_FIELD_ENCRYPTION = R"sql(
ALTER TABLE people ADD COLUMN support_sealed BLOB
    CHECK (support_sealed IS NULL OR consent_support_need = 1);
ALTER TABLE logbook_notes ADD COLUMN text_sealed BLOB;

CREATE TABLE companions_v5 (
    pk            INTEGER PRIMARY KEY,
    person_key    BLOB NOT NULL,
    companion_key BLOB NOT NULL,
    person        BLOB NOT NULL,
    companion     BLOB NOT NULL,
    partnership   INTEGER NOT NULL REFERENCES partnerships (pk),
    from_date     TEXT NOT NULL,
    to_date       TEXT,
    UNIQUE (person_key, companion_key, partnership, from_date),
    CHECK (to_date IS NULL OR to_date >= from_date)
) STRICT;
INSERT INTO companions_v5 (person_key, companion_key, person, companion, partnership,
                           from_date, to_date)
    SELECT CAST(CAST(person AS TEXT) AS BLOB), CAST(CAST(companion AS TEXT) AS BLOB),
           CAST(CAST(person AS TEXT) AS BLOB), CAST(CAST(companion AS TEXT) AS BLOB),
           partnership, from_date, to_date
    FROM companions ORDER BY person, companion, partnership, from_date;
DROP TABLE companions;
ALTER TABLE companions_v5 RENAME TO companions;
CREATE INDEX companions_partnership ON companions (partnership);
CREATE INDEX companions_companion ON companions (companion_key);

CREATE TABLE field_encryption (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    key_id    TEXT NOT NULL,
    sealed_at TEXT NOT NULL
) STRICT;
)sql";

// Logbook templates that a partnership designs (core/logbook.h). A template's fields are kept
// per version; a version's rows are written once and never changed, and every entry names the
// version it was written with. Free text answers are only ever in logbook_entry_values.text_value,
// so that they can be sealed on their own.
constexpr std::string_view V6_LOGBOOKS = R"sql(
CREATE TABLE logbook_templates (
    pk          INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    partnership INTEGER NOT NULL REFERENCES partnerships (pk),
    place       INTEGER NOT NULL REFERENCES places (pk),
    activity    INTEGER REFERENCES activities (pk),
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX logbook_templates_partnership ON logbook_templates (partnership);
CREATE INDEX logbook_templates_place ON logbook_templates (place);

CREATE TABLE logbook_template_versions (
    template   INTEGER NOT NULL REFERENCES logbook_templates (pk),
    version    INTEGER NOT NULL CHECK (version >= 1),
    created_at TEXT NOT NULL,
    PRIMARY KEY (template, version)
) STRICT, WITHOUT ROWID;

-- Choice options one per line (an option is one line).
CREATE TABLE logbook_template_fields (
    template INTEGER NOT NULL,
    version  INTEGER NOT NULL,
    position INTEGER NOT NULL,
    key      TEXT NOT NULL,
    label    TEXT NOT NULL,
    type     TEXT NOT NULL CHECK (type IN ('text', 'number', 'choice', 'multiple_choice',
                                           'scale', 'yes_no', 'date', 'people_present')),
    options  TEXT NOT NULL,
    required INTEGER NOT NULL CHECK (required IN (0, 1)),
    PRIMARY KEY (template, version, position),
    UNIQUE (template, version, key),
    FOREIGN KEY (template, version) REFERENCES logbook_template_versions (template, version)
) STRICT, WITHOUT ROWID;

CREATE TABLE logbook_entries (
    pk         INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    template   INTEGER NOT NULL,
    version    INTEGER NOT NULL,
    place      INTEGER NOT NULL REFERENCES places (pk),
    day        TEXT NOT NULL,
    author     INTEGER,
    written_at TEXT NOT NULL,
    FOREIGN KEY (template, version) REFERENCES logbook_template_versions (template, version)
) STRICT;
CREATE INDEX logbook_entries_template_day ON logbook_entries (template, day);
CREATE INDEX logbook_entries_place_day ON logbook_entries (place, day);

-- One row per answered field: text_value (free text, sensitive), number_value (number, scale,
-- yes/no as 1/0), date_value, or choice_value (the options chosen, one per line).
CREATE TABLE logbook_entry_values (
    entry        INTEGER NOT NULL REFERENCES logbook_entries (pk) ON DELETE CASCADE,
    key          TEXT NOT NULL,
    text_value   TEXT,
    number_value REAL,
    date_value   TEXT,
    choice_value TEXT,
    PRIMARY KEY (entry, key)
) STRICT, WITHOUT ROWID;

-- The people present; an erased person leaves the entry.
CREATE TABLE logbook_entry_people (
    entry  INTEGER NOT NULL REFERENCES logbook_entries (pk) ON DELETE CASCADE,
    key    TEXT NOT NULL,
    person INTEGER NOT NULL REFERENCES people (pk) ON DELETE CASCADE,
    PRIMARY KEY (entry, key, person)
) STRICT, WITHOUT ROWID;
CREATE INDEX logbook_entry_people_person ON logbook_entry_people (person);
)sql";

// The self-evaluation's interviews (core/interview.h): a partnership's codebook (its copy of
// the starting codebook, then edited; themes are retired, never deleted, so codings keep them),
// interview guides with ordered questions, interviews with a note per question, coded passages,
// and the twice-yearly promoters/inhibitors check (core/self_assessment.h). Free text about the
// people interviewed is in the columns named *_text, for sealing at rest. An interview may name
// a registered person; erasing the person clears the link (ON DELETE SET NULL).
constexpr std::string_view V7_INTERVIEWS = R"sql(
CREATE TABLE codebook_themes (
    partnership    INTEGER NOT NULL REFERENCES partnerships (pk),
    id             TEXT NOT NULL,
    position       INTEGER NOT NULL,
    name_da        TEXT NOT NULL,
    name_en        TEXT NOT NULL,
    theme_group    TEXT NOT NULL
        CHECK (theme_group IN ('motivation', 'host_role', 'promoter', 'inhibitor', 'other')),
    description_da TEXT NOT NULL,
    description_en TEXT NOT NULL,
    active         INTEGER NOT NULL CHECK (active IN (0, 1)),
    PRIMARY KEY (partnership, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE interview_guides (
    pk          INTEGER PRIMARY KEY,
    partnership INTEGER NOT NULL REFERENCES partnerships (pk),
    title       TEXT NOT NULL
) STRICT;
CREATE INDEX interview_guides_partnership ON interview_guides (partnership);

CREATE TABLE interview_questions (
    pk       INTEGER PRIMARY KEY,
    guide    INTEGER NOT NULL REFERENCES interview_guides (pk),
    position INTEGER NOT NULL,
    text     TEXT NOT NULL
) STRICT;
CREATE INDEX interview_questions_guide ON interview_questions (guide, position);

-- The interviewer is an account (no foreign key, as logbook_notes.author: an account may go).
CREATE TABLE interviews (
    pk               INTEGER PRIMARY KEY,
    guide            INTEGER NOT NULL REFERENCES interview_guides (pk),
    date             TEXT NOT NULL,
    interviewer      INTEGER NOT NULL,
    interviewee_text TEXT NOT NULL,
    person           INTEGER REFERENCES people (pk) ON DELETE SET NULL
) STRICT;
CREATE INDEX interviews_guide ON interviews (guide, date);
CREATE INDEX interviews_person ON interviews (person);

CREATE TABLE interview_notes (
    pk        INTEGER PRIMARY KEY,
    interview INTEGER NOT NULL REFERENCES interviews (pk),
    question  INTEGER NOT NULL REFERENCES interview_questions (pk),
    note_text TEXT NOT NULL,
    UNIQUE (interview, question)
) STRICT;
CREATE INDEX interview_notes_question ON interview_notes (question);

CREATE TABLE interview_codings (
    pk          INTEGER PRIMARY KEY,
    note        INTEGER NOT NULL REFERENCES interview_notes (pk),
    partnership INTEGER NOT NULL,
    theme       TEXT NOT NULL,
    quote_text  TEXT NOT NULL,
    FOREIGN KEY (partnership, theme) REFERENCES codebook_themes (partnership, id)
) STRICT;
CREATE INDEX interview_codings_note ON interview_codings (note);
CREATE INDEX interview_codings_theme ON interview_codings (partnership, theme);

CREATE TABLE self_assessments (
    partnership INTEGER NOT NULL REFERENCES partnerships (pk),
    half        TEXT NOT NULL,
    saved_by    INTEGER NOT NULL,
    saved_at    TEXT NOT NULL,
    PRIMARY KEY (partnership, half)
) STRICT, WITHOUT ROWID;

CREATE TABLE self_assessment_answers (
    partnership  INTEGER NOT NULL,
    half         TEXT NOT NULL,
    item         TEXT NOT NULL,
    position     INTEGER NOT NULL,
    rating       TEXT CHECK (rating IN ('promotes', 'hinders', 'not_relevant')),
    comment_text TEXT NOT NULL,
    PRIMARY KEY (partnership, half, item),
    FOREIGN KEY (partnership, half) REFERENCES self_assessments (partnership, half)
        ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
)sql";

// Encryption at rest of the self-evaluation's free text (storage/sqlite/sqlite_fields.h): a
// sealed column beside each *_text column of migrations 6 and 7, as migration 5 added one beside
// a logbook note's text. Sealing in place is not possible: the tables are STRICT and the text
// columns TEXT, while a sealed value is a BLOB. The rows keep their plaintext here; the first
// open with a key seals them (prepare_fields), also in a database encrypted before this
// migration.
constexpr std::string_view V8_SEALED_FREE_TEXT = R"sql(
ALTER TABLE logbook_entry_values ADD COLUMN text_sealed BLOB;
ALTER TABLE interviews ADD COLUMN interviewee_sealed BLOB;
ALTER TABLE interview_notes ADD COLUMN note_sealed BLOB;
ALTER TABLE interview_codings ADD COLUMN quote_sealed BLOB;
ALTER TABLE self_assessment_answers ADD COLUMN comment_sealed BLOB;
)sql";

// Bundle ids for interview guides and interviews (the bundle's `interviews` collection,
// docs/bundle.md), backfilled as "ig-"/"iv-" and 12 random hex digits, the form the store gives
// new ones. Random rather than derived from the key: ids travel between installations in
// bundles, and the guide with key 1 of one database must not share an id with another's.
// An interview's interviewer becomes nullable: NULL is an interviewer who is no account of this
// database (an interview imported from a bundle, which carries no accounts). A nullable column,
// not a stand-in account number, so that no query has to know of a special value.
// SQLite cannot change a column's constraints in place, hence its documented rebuild (create
// new_X, copy, drop X, rename new_X to X, recreate the indexes). It runs inside the migration's
// transaction with foreign keys on, which PRAGMA foreign_keys cannot switch off there. So every
// table that refers to a rebuilt one is rebuilt with it (guides, questions, interviews, notes,
// codings; nothing else refers to them), the old tables are dropped children first, so that no
// drop leaves a row whose parent is gone, and renaming a new_* table rewrites the references
// to it in the other new tables (ALTER TABLE RENAME, legacy_alter_table off).
constexpr std::string_view V9_INTERVIEW_IDS = R"sql(
CREATE TABLE new_interview_guides (
    pk          INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    partnership INTEGER NOT NULL REFERENCES partnerships (pk),
    title       TEXT NOT NULL
) STRICT;
INSERT INTO new_interview_guides (pk, id, partnership, title)
    SELECT pk, 'ig-' || lower(hex(randomblob(6))), partnership, title FROM interview_guides;

CREATE TABLE new_interview_questions (
    pk       INTEGER PRIMARY KEY,
    guide    INTEGER NOT NULL REFERENCES new_interview_guides (pk),
    position INTEGER NOT NULL,
    text     TEXT NOT NULL
) STRICT;
INSERT INTO new_interview_questions (pk, guide, position, text)
    SELECT pk, guide, position, text FROM interview_questions;

CREATE TABLE new_interviews (
    pk                 INTEGER PRIMARY KEY,
    id                 TEXT NOT NULL UNIQUE,
    guide              INTEGER NOT NULL REFERENCES new_interview_guides (pk),
    date               TEXT NOT NULL,
    interviewer        INTEGER,
    interviewee_text   TEXT NOT NULL,
    person             INTEGER REFERENCES people (pk) ON DELETE SET NULL,
    interviewee_sealed BLOB
) STRICT;
INSERT INTO new_interviews (pk, id, guide, date, interviewer, interviewee_text, person,
                            interviewee_sealed)
    SELECT pk, 'iv-' || lower(hex(randomblob(6))), guide, date, interviewer, interviewee_text,
           person, interviewee_sealed FROM interviews;

CREATE TABLE new_interview_notes (
    pk          INTEGER PRIMARY KEY,
    interview   INTEGER NOT NULL REFERENCES new_interviews (pk),
    question    INTEGER NOT NULL REFERENCES new_interview_questions (pk),
    note_text   TEXT NOT NULL,
    note_sealed BLOB,
    UNIQUE (interview, question)
) STRICT;
INSERT INTO new_interview_notes (pk, interview, question, note_text, note_sealed)
    SELECT pk, interview, question, note_text, note_sealed FROM interview_notes;

CREATE TABLE new_interview_codings (
    pk           INTEGER PRIMARY KEY,
    note         INTEGER NOT NULL REFERENCES new_interview_notes (pk),
    partnership  INTEGER NOT NULL,
    theme        TEXT NOT NULL,
    quote_text   TEXT NOT NULL,
    quote_sealed BLOB,
    FOREIGN KEY (partnership, theme) REFERENCES codebook_themes (partnership, id)
) STRICT;
INSERT INTO new_interview_codings (pk, note, partnership, theme, quote_text, quote_sealed)
    SELECT pk, note, partnership, theme, quote_text, quote_sealed FROM interview_codings;

DROP TABLE interview_codings;
DROP TABLE interview_notes;
DROP TABLE interviews;
DROP TABLE interview_questions;
DROP TABLE interview_guides;

ALTER TABLE new_interview_guides RENAME TO interview_guides;
ALTER TABLE new_interview_questions RENAME TO interview_questions;
ALTER TABLE new_interviews RENAME TO interviews;
ALTER TABLE new_interview_notes RENAME TO interview_notes;
ALTER TABLE new_interview_codings RENAME TO interview_codings;

CREATE INDEX interview_guides_partnership ON interview_guides (partnership);
CREATE INDEX interview_questions_guide ON interview_questions (guide, position);
CREATE INDEX interviews_guide ON interviews (guide, date);
CREATE INDEX interviews_person ON interviews (person);
CREATE INDEX interview_notes_question ON interview_notes (question);
CREATE INDEX interview_codings_note ON interview_codings (note);
CREATE INDEX interview_codings_theme ON interview_codings (partnership, theme);
)sql";

// Participant surveys (core/survey.h). A response's key is random, not a sequence, and no
// response or answered-marker carries a time: in an anonymous round the response has no person,
// and survey_respondents records only that a person has answered the round, so nothing pairs a
// respondent with their answers. A trigger keeps a person off an anonymous round's responses
// whatever code writes them. Erasing a person deletes their named responses and markers
// (ON DELETE CASCADE); anonymising keeps them under the person's new id (same key).
constexpr std::string_view V10_SURVEYS = R"sql(
CREATE TABLE survey_rounds (
    pk          INTEGER PRIMARY KEY,
    partnership INTEGER NOT NULL REFERENCES partnerships (pk),
    place       INTEGER REFERENCES places (pk),
    title       TEXT NOT NULL,
    opens       TEXT NOT NULL,
    closes      TEXT NOT NULL,
    anonymous   INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
    created_by  INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    CHECK (closes >= opens)
) STRICT;
CREATE INDEX survey_rounds_partnership ON survey_rounds (partnership, opens);

CREATE TABLE survey_responses (
    pk     INTEGER PRIMARY KEY,
    round  INTEGER NOT NULL REFERENCES survey_rounds (pk),
    person INTEGER REFERENCES people (pk) ON DELETE CASCADE,
    UNIQUE (round, person)
) STRICT;
CREATE INDEX survey_responses_person ON survey_responses (person);

CREATE TRIGGER survey_responses_anonymous BEFORE INSERT ON survey_responses
WHEN NEW.person IS NOT NULL AND (SELECT anonymous FROM survey_rounds WHERE pk = NEW.round) = 1
BEGIN SELECT RAISE(ABORT, 'an anonymous survey round stores no person'); END;

CREATE TRIGGER survey_responses_anonymous_update BEFORE UPDATE OF person ON survey_responses
WHEN NEW.person IS NOT NULL AND (SELECT anonymous FROM survey_rounds WHERE pk = NEW.round) = 1
BEGIN SELECT RAISE(ABORT, 'an anonymous survey round stores no person'); END;

-- A skipped question has no row.
CREATE TABLE survey_answers (
    response INTEGER NOT NULL REFERENCES survey_responses (pk) ON DELETE CASCADE,
    question TEXT NOT NULL,
    answer   TEXT NOT NULL CHECK (answer IN ('yes', 'a_little', 'no')),
    PRIMARY KEY (response, question)
) STRICT, WITHOUT ROWID;

CREATE TABLE survey_respondents (
    round  INTEGER NOT NULL REFERENCES survey_rounds (pk),
    person INTEGER NOT NULL REFERENCES people (pk) ON DELETE CASCADE,
    PRIMARY KEY (round, person)
) STRICT, WITHOUT ROWID;
CREATE INDEX survey_respondents_person ON survey_respondents (person);
)sql";

// Bundle ids for survey rounds (the bundle's `survey_responses` collection, docs/bundle.md),
// backfilled as "sr-" and 12 random hex digits, the form the store gives new ones, for the same
// reason as migration 9's. A round's creator becomes nullable: NULL is a creator who is no
// account of this database (a round imported from a bundle, which carries no accounts).
// The rebuild follows migration 9: every table that refers to survey_rounds is rebuilt with it
// (responses, their answers, the answered-markers), old tables dropped children first, and the
// triggers, which go with their table, made again after the renames. Responses keep their
// random keys.
constexpr std::string_view V11_SURVEY_IDS = R"sql(
CREATE TABLE new_survey_rounds (
    pk          INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    partnership INTEGER NOT NULL REFERENCES partnerships (pk),
    place       INTEGER REFERENCES places (pk),
    title       TEXT NOT NULL,
    opens       TEXT NOT NULL,
    closes      TEXT NOT NULL,
    anonymous   INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
    created_by  INTEGER,
    created_at  TEXT NOT NULL,
    CHECK (closes >= opens)
) STRICT;
INSERT INTO new_survey_rounds (pk, id, partnership, place, title, opens, closes, anonymous,
                               created_by, created_at)
    SELECT pk, 'sr-' || lower(hex(randomblob(6))), partnership, place, title, opens, closes,
           anonymous, created_by, created_at FROM survey_rounds;

CREATE TABLE new_survey_responses (
    pk     INTEGER PRIMARY KEY,
    round  INTEGER NOT NULL REFERENCES new_survey_rounds (pk),
    person INTEGER REFERENCES people (pk) ON DELETE CASCADE,
    UNIQUE (round, person)
) STRICT;
INSERT INTO new_survey_responses (pk, round, person)
    SELECT pk, round, person FROM survey_responses;

CREATE TABLE new_survey_answers (
    response INTEGER NOT NULL REFERENCES new_survey_responses (pk) ON DELETE CASCADE,
    question TEXT NOT NULL,
    answer   TEXT NOT NULL CHECK (answer IN ('yes', 'a_little', 'no')),
    PRIMARY KEY (response, question)
) STRICT, WITHOUT ROWID;
INSERT INTO new_survey_answers (response, question, answer)
    SELECT response, question, answer FROM survey_answers;

CREATE TABLE new_survey_respondents (
    round  INTEGER NOT NULL REFERENCES new_survey_rounds (pk),
    person INTEGER NOT NULL REFERENCES people (pk) ON DELETE CASCADE,
    PRIMARY KEY (round, person)
) STRICT, WITHOUT ROWID;
INSERT INTO new_survey_respondents (round, person)
    SELECT round, person FROM survey_respondents;

DROP TABLE survey_answers;
DROP TABLE survey_respondents;
DROP TABLE survey_responses;
DROP TABLE survey_rounds;

ALTER TABLE new_survey_rounds RENAME TO survey_rounds;
ALTER TABLE new_survey_responses RENAME TO survey_responses;
ALTER TABLE new_survey_answers RENAME TO survey_answers;
ALTER TABLE new_survey_respondents RENAME TO survey_respondents;

CREATE INDEX survey_rounds_partnership ON survey_rounds (partnership, opens);
CREATE INDEX survey_responses_person ON survey_responses (person);
CREATE INDEX survey_respondents_person ON survey_respondents (person);

CREATE TRIGGER survey_responses_anonymous BEFORE INSERT ON survey_responses
WHEN NEW.person IS NOT NULL AND (SELECT anonymous FROM survey_rounds WHERE pk = NEW.round) = 1
BEGIN SELECT RAISE(ABORT, 'an anonymous survey round stores no person'); END;

CREATE TRIGGER survey_responses_anonymous_update BEFORE UPDATE OF person ON survey_responses
WHEN NEW.person IS NOT NULL AND (SELECT anonymous FROM survey_rounds WHERE pk = NEW.round) = 1
BEGIN SELECT RAISE(ABORT, 'an anonymous survey round stores no person'); END;
)sql";

constexpr std::string_view SCHEMA_TABLE = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
) STRICT;
)sql";

// A role grant gets a key of its own, the order in which roles were granted, which an account's
// roles are listed in. SQLite's rowid was that key already; it is made an explicit column (in
// step with PostgreSQL, whose rows have no such order) and keeps its values.
constexpr std::string_view V12_ACCOUNT_ROLE_KEYS = R"sql(
CREATE TABLE new_account_roles (
    pk          INTEGER PRIMARY KEY,
    account     INTEGER NOT NULL REFERENCES accounts (pk) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('participant', 'host', 'coordinator', 'companion',
                                              'analyst', 'administrator')),
    partnership INTEGER REFERENCES partnerships (pk),
    place       INTEGER REFERENCES places (pk)
) STRICT;
INSERT INTO new_account_roles (pk, account, role, partnership, place)
    SELECT rowid, account, role, partnership, place FROM account_roles;
DROP TABLE account_roles;
ALTER TABLE new_account_roles RENAME TO account_roles;
CREATE INDEX account_roles_account ON account_roles (account);
)sql";

// In step with PostgreSQL's migration 13, which seals its companion links whole, as SQLite's
// have been since migration 5: nothing changes here, and the versions stay the same on both.
constexpr std::string_view V13_SEALED_COMPANIONS = R"sql(
-- SQLite's companion links are sealed since migration 5 (storage/sqlite/sqlite_fields.h).
)sql";

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
