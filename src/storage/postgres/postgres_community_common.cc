#include "storage/postgres/postgres_community_common.h"

#include <cstdio>
#include <random>

namespace samskab::storage::postgres {

namespace {

const std::string KEY_QUERIES[] = {
    "SELECT pk FROM partnerships WHERE id = $1", "SELECT pk FROM places WHERE id = $1",
    "SELECT pk FROM people WHERE id = $1",       "SELECT pk FROM activities WHERE id = $1",
    "SELECT pk FROM occurrences WHERE id = $1",
};

const std::string IDS_OF_KEYS_QUERIES[] = {
    "SELECT pk, id FROM partnerships WHERE pk = ANY($1::bigint[])",
    "SELECT pk, id FROM places WHERE pk = ANY($1::bigint[])",
    "SELECT pk, id FROM people WHERE pk = ANY($1::bigint[])",
    "SELECT pk, id FROM activities WHERE pk = ANY($1::bigint[])",
    "SELECT pk, id FROM occurrences WHERE pk = ANY($1::bigint[])",
};

constexpr core::Msg NOUNS[] = {core::Msg::NounPartnership, core::Msg::NounPlace,
                               core::Msg::NounPerson, core::Msg::NounActivity,
                               core::Msg::NounOccurrence};

}  // namespace

std::optional<std::int64_t> key_of(pqxx::transaction_base& tx, Keyed table, std::string_view id) {
    const pqxx::result found =
        tx.exec_params(KEY_QUERIES[static_cast<int>(table)], std::string(id));
    if (found.empty()) {
        return std::nullopt;
    }
    return found[0][0].as<std::int64_t>();
}

std::map<std::int64_t, std::string> ids_of_keys(pqxx::transaction_base& tx, Keyed table,
                                                const std::vector<std::int64_t>& keys) {
    std::map<std::int64_t, std::string> ids;
    if (keys.empty()) {
        return ids;
    }
    for (const pqxx::row& row :
         tx.exec_params(IDS_OF_KEYS_QUERIES[static_cast<int>(table)], key_array(keys))) {
        ids.emplace(row[0].as<std::int64_t>(), row[1].as<std::string>());
    }
    return ids;
}

std::string key_array(const std::vector<std::int64_t>& keys) {
    std::string out = "{";
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (i != 0) {
            out += ',';
        }
        out += std::to_string(keys[i]);
    }
    out += '}';
    return out;
}

core::Result<std::int64_t> require_key(pqxx::transaction_base& tx, Keyed table, std::string_view id,
                                       std::string_view field) {
    if (auto key = key_of(tx, table, id)) {
        return *key;
    }
    return tl::unexpected(unknown(NOUNS[static_cast<int>(table)], id, field));
}

std::string text(const pqxx::field& field) {
    return field.as<std::string>();
}

bool account_exists(pqxx::transaction_base& tx, std::int64_t account) {
    return !tx.exec_params("SELECT 1 FROM accounts WHERE pk = $1", account).empty();
}

std::string random_id(std::string_view prefix) {
    thread_local std::mt19937_64 random{std::random_device{}()};
    const std::uint64_t bits = random() & 0xFFFFFFFFFFFFull;
    char hex[13];
    std::snprintf(hex, sizeof hex, "%012llx", static_cast<unsigned long long>(bits));
    std::string id(prefix);
    id += '-';
    id += hex;
    return id;
}

std::string new_id(pqxx::transaction_base& tx, Keyed table, std::string_view prefix) {
    while (true) {
        std::string id = random_id(prefix);
        if (!key_of(tx, table, id)) {
            return id;
        }
    }
}

std::string new_record_id(pqxx::transaction_base& tx, std::string_view table,
                          std::string_view prefix) {
    const std::string probe = "SELECT 1 FROM " + std::string(table) + " WHERE id = $1";
    while (true) {
        std::string id = random_id(prefix);
        if (tx.exec_params(probe, id).empty()) {
            return id;
        }
    }
}

core::Error unknown(core::Msg noun, std::string_view id, std::string_view field) {
    return error_da(core::ErrorCode::NotFound, core::Msg::UnknownReference, field,
                    {core::message(core::Lang::Da, noun), id});
}

core::Error unknown_da(std::string_view noun, std::string_view id, std::string_view field) {
    return error_da(core::ErrorCode::NotFound, core::Msg::UnknownReference, field, {noun, id});
}

core::Error error_da(core::ErrorCode code, core::Msg id, std::string_view field,
                     std::initializer_list<std::string_view> args) {
    return core::Error{code, core::message(core::Lang::Da, id, args), std::string(field)};
}

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

bool name_matches(std::string_view name, std::string_view folded_query) {
    return fold_name(name).find(folded_query) != std::string::npos;
}

std::string date_text(core::Day day) {
    return core::format_date(day);
}

std::string time_text(core::LocalTime time) {
    return core::format_local_time(time);
}

core::Day date_of_text(std::string_view text) {
    // The schema holds only dates this program wrote; anything else is a corrupted database.
    return core::parse_date(text).value_or(0);
}

core::LocalTime time_of_text(std::string_view text) {
    if (auto time = core::parse_local_time(text)) {
        return *time;
    }
    // A row written by hand or by an older tool may hold a date alone: its midnight.
    return static_cast<core::LocalTime>(date_of_text(text)) * 86400;
}

void record_visit(pqxx::transaction_base& tx, std::int64_t person, std::int64_t place,
                  core::Day day) {
    tx.exec_params(
        "INSERT INTO visits (person, place, partnership, date) "
        "SELECT $1::bigint, pk, partnership, $3 FROM places WHERE pk = $2 ON CONFLICT DO NOTHING",
        person, place, date_text(day));
}

std::optional<std::string> optional_text(const pqxx::field& field) {
    if (field.is_null()) {
        return std::nullopt;
    }
    return field.as<std::string>();
}

}  // namespace samskab::storage::postgres

namespace samskab::storage::postgres {

std::vector<std::string> registered_partnerships(pqxx::transaction_base& tx,
                                                 const SealedFields& fields, std::int64_t person) {
    // Companion links are found by the blind index of the person's key ($2): their person and
    // companion columns are sealed (postgres_fields.h).
    const pqxx::result rows = tx.exec_params(R"sql(
WITH mine (partnership) AS (
    SELECT partnership FROM memberships WHERE person = $1
    UNION SELECT pl.partnership FROM visits v JOIN places pl ON pl.pk = v.place
        WHERE v.person = $1
    UNION SELECT pl.partnership FROM participations x JOIN occurrences o ON o.pk = x.occurrence
        JOIN activities a ON a.pk = o.activity JOIN places pl ON pl.pk = a.place
        WHERE x.person = $1
    UNION SELECT partnership FROM companions WHERE person_key = $2
    UNION SELECT partnership FROM companions WHERE companion_key = $2)
SELECT pa.id FROM mine JOIN partnerships pa ON pa.pk = mine.partnership ORDER BY pa.id
)sql",
                                             person, fields.link_key(person));
    std::vector<std::string> ids;
    ids.reserve(rows.size());
    for (const pqxx::row& row : rows) {
        ids.push_back(row[0].as<std::string>());
    }
    return ids;
}

}  // namespace samskab::storage::postgres
