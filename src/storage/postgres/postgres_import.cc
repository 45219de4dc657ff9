// PostgresStore::import_bundle: the bundle is copied (COPY) into staging tables, then written
// with one INSERT ... SELECT ... ON CONFLICT per table, which resolves bundle ids to keys by
// joining the stored records, so references to records the bundle does not carry resolve too.
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/messages.h"
#include "storage/postgres/postgres_bulk.h"
#include "storage/postgres/postgres_connection.h"
#include "storage/postgres/postgres_fields.h"
#include "storage/postgres/postgres_interview_store.h"
#include "storage/postgres/postgres_logbook_store.h"
#include "storage/postgres/postgres_staging.h"
#include "storage/postgres/postgres_store.h"
#include "storage/postgres/postgres_survey_store.h"

namespace samskab::storage::postgres {

namespace {

// One table's upsert: `sql` writes the staged rows and returns how many it resolved; fewer
// than were staged means a reference that names no record, and `references` find which.
struct Upsert {
    std::string_view stage;
    std::string_view sql;
    std::vector<Reference> references;
};

// In write order: a table's references are written before it. Rows with an integer key are
// inserted in bundle order, so that keys, and with them the order in which a report loads
// records, follow the bundle as in SQLite; the others in key order, which keeps index
// insertion local. Tables whose rows are never updated (visits, pathways) count what the
// join resolved, since ON CONFLICT DO NOTHING does not count the rows it skipped.
const std::vector<Upsert>& upserts() {
    static const std::vector<Upsert> all = {
        {"stage_partnerships",
         "INSERT INTO partnerships (id, name) SELECT id, name FROM stage_partnerships "
         "ORDER BY ord ON CONFLICT (id) DO UPDATE SET name = excluded.name",
         {}},
        {"stage_organisations",
         "INSERT INTO organisations (id, partnership, name, kind) "
         "SELECT s.id, p.pk, s.name, s.kind FROM stage_organisations s "
         "JOIN partnerships p ON p.id = s.partnership ORDER BY s.ord "
         "ON CONFLICT (id) DO UPDATE SET partnership = excluded.partnership, "
         "name = excluded.name, kind = excluded.kind",
         {{"partnership", "partnerships"}}},
        {"stage_places",
         "INSERT INTO places (id, partnership, name, support_threshold) "
         "SELECT s.id, p.pk, s.name, s.support_threshold FROM stage_places s "
         "JOIN partnerships p ON p.id = s.partnership ORDER BY s.ord "
         "ON CONFLICT (id) DO UPDATE SET partnership = excluded.partnership, "
         "name = excluded.name, support_threshold = excluded.support_threshold",
         {{"partnership", "partnerships"}}},
        // The support need is sealed afterwards, from the staged rows (seal_staged_support):
        // here the plaintext flag is false and the sealed one empty.
        {"stage_people",
         "INSERT INTO people (id, name, support_need, joined, entry_channel, "
         "consent_support_need, consent_pathways) SELECT id, name, false, joined, "
         "entry_channel, consent_support_need, consent_pathways FROM stage_people ORDER BY ord "
         "ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
         "support_need = false, support_sealed = NULL, joined = excluded.joined, "
         "entry_channel = excluded.entry_channel, "
         "consent_support_need = excluded.consent_support_need, "
         "consent_pathways = excluded.consent_pathways",
         {}},
        // From the links resolved and sealed by seal_staged_companions.
        {"stage_companions",
         "INSERT INTO companions (person_key, companion_key, person_sealed, companion_sealed, "
         "partnership, from_date, to_date) SELECT person_key, companion_key, person_sealed, "
         "companion_sealed, partnership, from_date, to_date FROM sealed_companions "
         "ORDER BY 5, 6, 1, 2 ON CONFLICT (person_key, companion_key, partnership, from_date) "
         "DO UPDATE SET to_date = excluded.to_date",
         {{"person", "people"}, {"companion", "people"}, {"partnership", "partnerships"}}},
        // initiated_by is optional, so it is joined with LEFT JOIN and checked separately.
        {"stage_activities",
         "INSERT INTO activities (id, place, partnership, title, kind, initiated_by, created) "
         "SELECT s.id, pl.pk, pl.partnership, s.title, s.kind, i.pk, s.created "
         "FROM stage_activities s JOIN places pl ON pl.id = s.place "
         "LEFT JOIN people i ON i.id = s.initiated_by ORDER BY s.ord "
         "ON CONFLICT (id) DO UPDATE SET place = excluded.place, "
         "partnership = excluded.partnership, title = excluded.title, kind = excluded.kind, "
         "initiated_by = excluded.initiated_by, created = excluded.created",
         {{"place", "places"}, {"initiated_by", "people", true}}},
        {"stage_occurrences",
         "INSERT INTO occurrences (id, activity, partnership, start, \"end\") "
         "SELECT s.id, a.pk, a.partnership, s.start, s.\"end\" FROM stage_occurrences s "
         "JOIN activities a ON a.id = s.activity ORDER BY s.ord "
         "ON CONFLICT (id) DO UPDATE SET activity = excluded.activity, "
         "partnership = excluded.partnership, start = excluded.start, \"end\" = excluded.\"end\"",
         {{"activity", "activities"}}},
        {"stage_participations",
         "INSERT INTO participations (occurrence, person, partnership, role) "
         "SELECT o.pk, p.pk, o.partnership, s.role FROM stage_participations s "
         "JOIN occurrences o ON o.id = s.occurrence JOIN people p ON p.id = s.person "
         "ORDER BY 1, 2 ON CONFLICT (occurrence, person) DO UPDATE SET role = excluded.role, "
         "partnership = excluded.partnership",
         {{"occurrence", "occurrences"}, {"person", "people"}}},
        {"stage_visits",
         "WITH resolved AS MATERIALIZED (SELECT p.pk AS person, pl.pk AS place, "
         "pl.partnership, s.date FROM stage_visits s JOIN people p ON p.id = s.person "
         "JOIN places pl ON pl.id = s.place), "
         "written AS (INSERT INTO visits (person, place, partnership, date) "
         "SELECT person, place, partnership, date FROM resolved ORDER BY 1, 2, 4 "
         "ON CONFLICT DO NOTHING) SELECT count(*) FROM resolved",
         {{"person", "people"}, {"place", "places"}}},
        {"stage_relations",
         "INSERT INTO relations (a, b, since, until, source) "
         "SELECT pa.pk, pb.pk, s.since, s.until, s.source FROM stage_relations s "
         "JOIN people pa ON pa.id = s.a JOIN people pb ON pb.id = s.b ORDER BY 1, 2, 3 "
         "ON CONFLICT (a, b, since) DO UPDATE SET until = excluded.until, "
         "source = excluded.source",
         {{"a", "people"}, {"b", "people"}}},
        {"stage_pathways",
         "WITH resolved AS MATERIALIZED (SELECT p.pk AS person, s.date, s.kind "
         "FROM stage_pathways s JOIN people p ON p.id = s.person), "
         "written AS (INSERT INTO pathways (person, date, kind) "
         "SELECT person, date, kind FROM resolved ORDER BY 1, 2, 3 ON CONFLICT DO NOTHING) "
         "SELECT count(*) FROM resolved",
         {{"person", "people"}}},
    };
    return all;
}

// Seals the support need of each staged person who consented to it being recorded, once the
// people are written (their keys are in the contexts), with one COPY and one UPDATE. A flag
// without consent is sealed too, so that the schema refuses it (support_sealed_needs_consent)
// as it refused the plaintext flag: validation lets none through, and the database is the
// last line.
void seal_staged_support(pqxx::work& transaction, const SealedFields& fields) {
    transaction.exec(
        "CREATE TEMP TABLE sealed_support (person bigint, sealed bytea) ON COMMIT DROP");
    const pqxx::result staged = transaction.exec(
        "SELECT p.pk, s.support_need FROM stage_people s JOIN people p ON p.id = s.id "
        "WHERE s.consent_support_need OR s.support_need");
    pqxx::stream_to stream(transaction, "sealed_support",
                           std::vector<std::string>{"person", "sealed"});
    for (const pqxx::row& row : staged) {
        const auto person = row[0].as<std::int64_t>();
        const std::string sealed =
            fields.cipher().seal(row[1].as<bool>() ? "1" : "0", support_context(person));
        stream << std::make_tuple(person, copy_text_of_bytea(sealed));
    }
    stream.complete();
    transaction.exec(
        "UPDATE people p SET support_sealed = s.sealed FROM sealed_support s "
        "WHERE p.pk = s.person");
}

// Resolves the staged companion links to the people's keys and seals them into the temporary
// table sealed_companions, which the companions' upsert reads: the links never reach the
// server in plaintext except in the import's own temporary tables.
void seal_staged_companions(pqxx::work& transaction, const SealedFields& fields) {
    transaction.exec(
        "CREATE TEMP TABLE sealed_companions (person_key bytea, companion_key bytea, "
        "person_sealed bytea, companion_sealed bytea, partnership bigint, "
        "from_date text COLLATE \"C\", to_date text COLLATE \"C\") ON COMMIT DROP");
    const pqxx::result staged = transaction.exec(
        "SELECT p.pk, c.pk, pa.pk, s.from_date, s.to_date FROM stage_companions s "
        "JOIN people p ON p.id = s.person JOIN people c ON c.id = s.companion "
        "JOIN partnerships pa ON pa.id = s.partnership");
    pqxx::stream_to stream(
        transaction, "sealed_companions",
        std::vector<std::string>{"person_key", "companion_key", "person_sealed", "companion_sealed",
                                 "partnership", "from_date", "to_date"});
    for (const pqxx::row& row : staged) {
        const auto person = row[0].as<std::int64_t>();
        const auto companion = row[1].as<std::int64_t>();
        const std::string person_key = fields.link_key_bytes(person);
        const std::string companion_key = fields.link_key_bytes(companion);
        const std::optional<std::string> to =
            row[4].is_null() ? std::nullopt : std::optional<std::string>(row[4].as<std::string>());
        stream << std::make_tuple(
            copy_text_of_bytea(person_key), copy_text_of_bytea(companion_key),
            copy_text_of_bytea(fields.seal_link_bytes("person", person, person_key)),
            copy_text_of_bytea(fields.seal_link_bytes("companion", companion, companion_key)),
            row[2].as<std::int64_t>(), row[3].as<std::string>(), to);
    }
    stream.complete();
}

// Runs one upsert; NotFound naming the first reference that names no stored record.
core::Result<void> write(pqxx::work& transaction, const Upsert& upsert, std::size_t staged) {
    const pqxx::result result = transaction.exec(std::string(upsert.sql));
    const std::size_t resolved =
        result.columns() == 1 ? result[0][0].as<std::size_t>() : result.affected_rows();
    for (const Reference& reference : upsert.references) {
        // Free when nothing is missing, except for an optional reference, which the count of
        // resolved rows cannot tell about.
        if (resolved == staged && !reference.optional) {
            continue;
        }
        if (const auto missing = first_unresolved(transaction, upsert.stage, reference)) {
            // Validation resolves every reference first; reaching this is a bug of the caller.
            return core::fail(core::ErrorCode::NotFound, "unknown id \"" + *missing + "\"");
        }
    }
    return {};
}

}  // namespace

core::Result<core::ImportSummary> PostgresStore::import_bundle(const core::Bundle& bundle) {
    Connection& connection = *m_connection;
    return connection.guard<core::ImportSummary>([&]() -> core::Result<core::ImportSummary> {
        pqxx::work transaction(connection.handle());
        // Importers queue for their turn instead of deadlocking on each other's rows.
        transaction.exec("SELECT pg_advisory_xact_lock(" + std::to_string(IMPORT_LOCK) + ")");
        transaction.exec("SET LOCAL work_mem = '256MB'");
        const StagedCounts staged = stage_bundle(transaction, bundle);
        BulkLoad bulk(transaction, staged, m_bulk_rows);
        bulk.begin();
        for (const Upsert& upsert : upserts()) {
            if (upsert.stage == "stage_companions") {
                seal_staged_companions(transaction, m_fields);
            }
            SAMSKAB_PG_TRY(write(transaction, upsert, staged.rows(upsert.stage)));
            if (upsert.stage == "stage_people") {
                seal_staged_support(transaction, m_fields);
            }
        }
        bulk.finish();
        core::ImportSummary summary = staged.summary();
        // The self-evaluation's records, through their stores' own functions, after the
        // records they refer to; codes before interviews, whose codings name them.
        SAMSKAB_PG_TRY(
            PostgresLogbookStore::import_logbooks(transaction, m_fields, bundle, summary));
        SAMSKAB_PG_TRY(
            PostgresInterviewStore::import_interviews(transaction, m_fields, bundle, summary));
        SAMSKAB_PG_TRY(PostgresSurveyStore::import_surveys(transaction, bundle, summary));
        transaction.commit();
        return summary;
    });
}

}  // namespace samskab::storage::postgres
