#include "storage/postgres/postgres_staging.h"

#include <charconv>
#include <cstdint>
#include <tuple>
#include <vector>

#include "core/date.h"

namespace samskab::storage::postgres {

namespace {

using core::format_date;
using core::name_of;

// Staging tables have the bundle's shape: ids as text, in the collation of the stored ids so
// that the joins that resolve them compare bytewise. `ord` is the record's bundle position.
constexpr std::string_view STAGING_TABLES = R"sql(
CREATE TEMP TABLE stage_partnerships (ord bigint, id text COLLATE "C", name text)
    ON COMMIT DROP;
CREATE TEMP TABLE stage_organisations (ord bigint, id text COLLATE "C",
    partnership text COLLATE "C", name text, kind text COLLATE "C") ON COMMIT DROP;
CREATE TEMP TABLE stage_places (ord bigint, id text COLLATE "C", partnership text COLLATE "C",
    name text, support_threshold double precision) ON COMMIT DROP;
CREATE TEMP TABLE stage_people (ord bigint, id text COLLATE "C", name text, support_need boolean,
    joined text COLLATE "C", entry_channel text COLLATE "C", consent_support_need boolean,
    consent_pathways boolean) ON COMMIT DROP;
CREATE TEMP TABLE stage_companions (person text COLLATE "C", companion text COLLATE "C",
    partnership text COLLATE "C", from_date text COLLATE "C", to_date text COLLATE "C")
    ON COMMIT DROP;
CREATE TEMP TABLE stage_activities (ord bigint, id text COLLATE "C", place text COLLATE "C",
    title text, kind text COLLATE "C", initiated_by text COLLATE "C", created text COLLATE "C")
    ON COMMIT DROP;
CREATE TEMP TABLE stage_occurrences (ord bigint, id text COLLATE "C", activity text COLLATE "C",
    start text COLLATE "C", "end" text COLLATE "C") ON COMMIT DROP;
CREATE TEMP TABLE stage_participations (person text COLLATE "C", occurrence text COLLATE "C",
    role text COLLATE "C") ON COMMIT DROP;
CREATE TEMP TABLE stage_visits (person text COLLATE "C", place text COLLATE "C",
    date text COLLATE "C") ON COMMIT DROP;
CREATE TEMP TABLE stage_relations (a text COLLATE "C", b text COLLATE "C", since text COLLATE "C",
    until text COLLATE "C", source text COLLATE "C") ON COMMIT DROP;
CREATE TEMP TABLE stage_pathways (person text COLLATE "C", date text COLLATE "C",
    kind text COLLATE "C") ON COMMIT DROP;
)sql";

// libpqxx writes a null for a null `const char*`. Vocabulary names are string literals, so
// their data() is terminated.
template <class E>
const char* name(E value) {
    return name_of(value).data();
}

const char* text_or_null(const std::optional<std::string>& text) {
    return text ? text->c_str() : nullptr;
}

std::optional<std::string> date_or_null(const std::optional<core::Day>& day) {
    return day ? std::optional<std::string>(format_date(*day)) : std::nullopt;
}

// The shortest text that reads back as exactly `value`.
std::string exact_text(double value) {
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    return std::string(buffer, end);
}

// Copies one row per record of `records` into `table`: `row(stream, record, position)` writes
// the record's fields in the order of `columns`, while the text it formats is still alive.
template <class Records, class Row>
std::size_t copy(pqxx::work& transaction, const char* table,
                 const std::vector<std::string>& columns, const Records& records, Row&& row) {
    pqxx::stream_to stream(transaction, table, columns);
    std::int64_t position = 0;
    for (const auto& record : records) {
        row(stream, record, position++);
    }
    stream.complete();
    return records.size();
}

}  // namespace

std::size_t StagedCounts::rows(std::string_view stage) const {
    auto it = m_rows.find(std::string(stage));
    return it == m_rows.end() ? 0 : it->second;
}

core::ImportSummary StagedCounts::summary() const {
    core::ImportSummary s;
    s.partnerships = rows("stage_partnerships");
    s.organisations = rows("stage_organisations");
    s.places = rows("stage_places");
    s.people = rows("stage_people");
    s.companions = rows("stage_companions");
    s.activities = rows("stage_activities");
    s.occurrences = rows("stage_occurrences");
    s.participations = rows("stage_participations");
    s.visits = rows("stage_visits");
    s.relations = rows("stage_relations");
    s.pathways = rows("stage_pathways");
    return s;
}

StagedCounts stage_bundle(pqxx::work& transaction, const core::Bundle& b) {
    using Stream = pqxx::stream_to;
    using std::forward_as_tuple;
    transaction.exec(std::string(STAGING_TABLES));
    StagedCounts counts;
    counts.set("stage_partnerships",
               copy(transaction, "stage_partnerships", {"ord", "id", "name"}, b.partnerships,
                    [](Stream& out, const core::Partnership& p, std::int64_t ord) {
                        out << forward_as_tuple(ord, p.id, p.name);
                    }));
    // Organisations are numbered across partnerships, in the order the bundle lists them.
    struct OwnedOrganisation {
        const core::Organisation* organisation;
        const std::string* partnership;
    };
    std::vector<OwnedOrganisation> organisations;
    for (const auto& p : b.partnerships) {
        for (const auto& o : p.organisations) {
            organisations.push_back({&o, &p.id});
        }
    }
    counts.set(
        "stage_organisations",
        copy(transaction, "stage_organisations", {"ord", "id", "partnership", "name", "kind"},
             organisations, [](Stream& out, const OwnedOrganisation& o, std::int64_t ord) {
                 out << forward_as_tuple(ord, o.organisation->id, *o.partnership,
                                         o.organisation->name, name(o.organisation->kind));
             }));
    counts.set(
        "stage_places",
        copy(transaction, "stage_places", {"ord", "id", "partnership", "name", "support_threshold"},
             b.places, [](Stream& out, const core::Place& p, std::int64_t ord) {
                 out << forward_as_tuple(ord, p.id, p.partnership, p.name,
                                         exact_text(p.support_threshold));
             }));
    counts.set("stage_people",
               copy(transaction, "stage_people",
                    {"ord", "id", "name", "support_need", "joined", "entry_channel",
                     "consent_support_need", "consent_pathways"},
                    b.people, [](Stream& out, const core::Person& p, std::int64_t ord) {
                        const auto joined = date_or_null(p.joined);
                        out << forward_as_tuple(ord, p.id, p.name, p.support_need,
                                                text_or_null(joined),
                                                p.entry_channel ? name(*p.entry_channel) : nullptr,
                                                p.consent.support_need, p.consent.pathways);
                    }));
    counts.set("stage_companions",
               copy(transaction, "stage_companions",
                    {"person", "companion", "partnership", "from_date", "to_date"}, b.companions,
                    [](Stream& out, const core::CompanionLink& c, std::int64_t) {
                        const auto to = date_or_null(c.to);
                        out << forward_as_tuple(c.person, c.companion, c.partnership,
                                                format_date(c.from), text_or_null(to));
                    }));
    counts.set("stage_activities",
               copy(transaction, "stage_activities",
                    {"ord", "id", "place", "title", "kind", "initiated_by", "created"},
                    b.activities, [](Stream& out, const core::Activity& a, std::int64_t ord) {
                        out << forward_as_tuple(ord, a.id, a.place, a.title, name(a.kind),
                                                text_or_null(a.initiated_by),
                                                format_date(a.created));
                    }));
    counts.set("stage_occurrences",
               copy(transaction, "stage_occurrences", {"ord", "id", "activity", "start", "\"end\""},
                    b.occurrences, [](Stream& out, const core::Occurrence& o, std::int64_t ord) {
                        out << forward_as_tuple(ord, o.id, o.activity,
                                                core::format_local_time(o.start),
                                                core::format_local_time(o.end));
                    }));
    counts.set("stage_participations",
               copy(transaction, "stage_participations", {"person", "occurrence", "role"},
                    b.participations, [](Stream& out, const core::Participation& p, std::int64_t) {
                        out << forward_as_tuple(p.person, p.occurrence, name(p.role));
                    }));
    counts.set("stage_visits", copy(transaction, "stage_visits", {"person", "place", "date"},
                                    b.visits, [](Stream& out, const core::Visit& v, std::int64_t) {
                                        out << forward_as_tuple(v.person, v.place,
                                                                format_date(v.date));
                                    }));
    counts.set("stage_relations",
               copy(transaction, "stage_relations", {"a", "b", "since", "until", "source"},
                    b.relations, [](Stream& out, const core::Relation& r, std::int64_t) {
                        // std::string compares bytewise, as SQLite's importer does.
                        const bool swap = r.b < r.a;
                        const auto until = date_or_null(r.until);
                        out << forward_as_tuple(swap ? r.b : r.a, swap ? r.a : r.b,
                                                format_date(r.since), text_or_null(until),
                                                name(r.source));
                    }));
    counts.set("stage_pathways",
               copy(transaction, "stage_pathways", {"person", "date", "kind"}, b.pathways,
                    [](Stream& out, const core::Pathway& p, std::int64_t) {
                        out << forward_as_tuple(p.person, format_date(p.date), name(p.kind));
                    }));
    return counts;
}

std::optional<std::string> first_unresolved(pqxx::work& transaction, std::string_view stage,
                                            const Reference& reference) {
    const std::string column(reference.column);
    const pqxx::result missing = transaction.exec(
        "SELECT s." + column + " FROM " + std::string(stage) + " s WHERE s." + column +
        " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + std::string(reference.table) +
        " t WHERE t.id = s." + column + ") LIMIT 1");
    if (missing.empty()) {
        return std::nullopt;
    }
    return missing[0][0].as<std::string>();
}

}  // namespace samskab::storage::postgres
