// PostgresLogbookStore: entries, step for step as SqliteLogbookStore's (the same checks in the
// same order, so the same first error), each value by type in its own column. A text answer is
// sealed (storage/postgres/postgres_fields.h): text_sealed holds it under
// entry_text_context(entry, key) and text_value stays NULL; every other answer leaves both NULL.
#include <algorithm>
#include <map>

#include "storage/postgres/postgres_community_common.h"
#include "storage/postgres/postgres_logbook_store.h"

namespace samskab::storage::postgres {

using core::ErrorCode;
using Tx = pqxx::transaction_base;

std::vector<core::LogbookEntry> PostgresLogbookStore::load_entries(Tx& tx,
                                                                   const SealedFields& fields,
                                                                   std::string_view where,
                                                                   std::int64_t key, core::Day from,
                                                                   core::Day to) {
    const std::string first = date_text(from);
    const std::string last = date_text(to);
    // day and written_at are COLLATE "C": the same order as SQLite's text; then insertion order.
    const std::string sql =
        "SELECT e.pk, e.id, t.id, e.version, pl.id, e.day, e.author, coalesce(ac.name, ''), "
        "e.written_at, e.template FROM logbook_entries e "
        "JOIN logbook_templates t ON t.pk = e.template JOIN places pl ON pl.pk = e.place "
        "LEFT JOIN accounts ac ON ac.pk = e.author WHERE " +
        std::string(where) + " ORDER BY e.day, e.written_at, e.pk";
    std::vector<core::LogbookEntry> entries;
    std::map<std::int64_t, std::size_t> index;                            // entry key -> position
    std::map<std::int64_t, std::vector<core::TemplateVersion>> versions;  // by template key
    std::vector<std::int64_t> template_of;
    for (const pqxx::row& row : tx.exec_params(sql, key, first, last)) {
        core::LogbookEntry entry;
        entry.id = row[1].as<std::string>();
        entry.template_id = row[2].as<std::string>();
        entry.version = row[3].as<int>();
        entry.place = row[4].as<std::string>();
        entry.day = date_of_text(row[5].as<std::string>());
        if (!row[6].is_null()) {
            entry.author = row[6].as<std::int64_t>();
        }
        entry.author_name = row[7].as<std::string>();
        entry.written_at = time_of_text(row[8].as<std::string>());
        index[row[0].as<std::int64_t>()] = entries.size();
        template_of.push_back(row[9].as<std::int64_t>());
        versions.emplace(template_of.back(), std::vector<core::TemplateVersion>{});
        entries.push_back(std::move(entry));
    }
    for (auto& [template_key, list] : versions) {
        list = versions_of(tx, template_key);
    }
    // Raw values by entry position and key; then put in the order of the entry's version.
    std::vector<std::map<std::string, core::EntryValue>> values(entries.size());
    for (const pqxx::row& row :
         tx.exec_params("SELECT v.entry, v.key, v.text_sealed, v.text_value, v.number_value, "
                        "v.date_value, v.choice_value FROM logbook_entry_values v "
                        "JOIN logbook_entries e ON e.pk = v.entry WHERE " +
                            std::string(where),
                        key, first, last)) {
        const auto entry_key = row[0].as<std::int64_t>();
        core::EntryValue value;
        value.key = row[1].as<std::string>();
        if (std::optional<std::string> text =
                fields.open_optional(row[2], row[3], entry_text_context(entry_key, value.key))) {
            value.text = std::move(*text);
        }
        if (!row[4].is_null()) {
            value.number = row[4].as<double>();
        }
        if (!row[5].is_null()) {
            value.date = date_of_text(row[5].as<std::string>());
        }
        if (!row[6].is_null()) {
            value.choices = split_lines(row[6].as<std::string>());
        }
        values[index.at(entry_key)][value.key] = std::move(value);
    }
    // people.name has the database's collation: sorted bytewise here, as SQLite does.
    for (const pqxx::row& row :
         tx.exec_params("SELECT lp.entry, lp.key, p.id, p.name FROM logbook_entry_people lp "
                        "JOIN logbook_entries e ON e.pk = lp.entry "
                        "JOIN people p ON p.pk = lp.person WHERE " +
                            std::string(where) + " ORDER BY p.name COLLATE \"C\", p.id",
                        key, first, last)) {
        const std::string field = row[1].as<std::string>();
        core::EntryValue& value = values[index.at(row[0].as<std::int64_t>())][field];
        value.key = field;
        value.people.push_back(
            core::PersonSummary{row[2].as<std::string>(), row[3].as<std::string>(), std::nullopt});
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::vector<core::TemplateVersion>& list = versions.at(template_of[i]);
        const auto version = std::find_if(list.begin(), list.end(), [&](const auto& v) {
            return v.number == entries[i].version;
        });
        if (version == list.end()) {
            continue;
        }
        for (const core::TemplateField& field : version->fields) {
            auto found = values[i].find(field.key);
            if (found == values[i].end()) {
                continue;
            }
            core::EntryValue value = std::move(found->second);
            // A yes/no answer is kept as the number 1 or 0.
            if (field.type == core::FieldType::YesNo && value.number) {
                value.yes = *value.number != 0;
                value.number.reset();
            }
            entries[i].values.push_back(std::move(value));
        }
    }
    return entries;
}

core::Result<std::string> PostgresLogbookStore::insert_entry(Tx& tx, const SealedFields& fields,
                                                             const core::LogbookEntry& entry,
                                                             bool record_visits) {
    std::int64_t key = 0;
    SAMSKAB_TRY_SET(key, require_template(tx, entry.template_id));
    const std::vector<core::TemplateVersion> versions = versions_of(tx, key);
    const auto version = std::find_if(versions.begin(), versions.end(),
                                      [&](const auto& v) { return v.number == entry.version; });
    if (version == versions.end()) {
        return tl::unexpected(error_da(ErrorCode::Invalid, core::Msg::LogbookVersionUnknown,
                                       "version", {std::to_string(entry.version)}));
    }
    SAMSKAB_TRY(first_error(core::validate_entry_values(*version, entry.values, core::Lang::Da)));
    const auto place =
        tx.exec_params("SELECT place FROM logbook_templates WHERE pk = $1", key)[0][0]
            .as<std::int64_t>();
    std::string id = entry.id;
    if (id.empty()) {
        id = new_record_id(tx, "logbook_entries", "le");
    } else if (!tx.exec_params("SELECT 1 FROM logbook_entries WHERE id = $1", id).empty()) {
        // Checked first, as a unique violation would abort the transaction (SQLite reports
        // the failed insert instead).
        return tl::unexpected(
            error_da(ErrorCode::Conflict, core::Msg::DuplicateId, "id", {id, "logbook_entries"}));
    }
    const auto entry_key =
        tx.exec_params(
              "INSERT INTO logbook_entries (id, template, version, place, day, author, "
              "written_at) VALUES ($1, $2, $3, $4, $5, $6::bigint, $7) RETURNING pk",
              id, key, entry.version, place, date_text(entry.day), entry.author,
              time_text(entry.written_at))[0][0]
            .as<std::int64_t>();
    for (const core::EntryValue& value : entry.values) {
        const core::TemplateField& field = *version->field(value.key);
        if (field.type == core::FieldType::PeoplePresent) {
            for (const core::PersonSummary& person : value.people) {
                const std::optional<std::int64_t> person_key = key_of(tx, Keyed::People, person.id);
                if (!person_key) {
                    return tl::unexpected(unknown(core::Msg::NounPerson, person.id, value.key));
                }
                tx.exec_params(
                    "INSERT INTO logbook_entry_people (entry, key, person) VALUES ($1, $2, $3) "
                    "ON CONFLICT DO NOTHING",
                    entry_key, value.key, *person_key);
                if (record_visits) {
                    record_visit(tx, *person_key, place, entry.day);
                }
            }
            continue;
        }
        std::optional<double> number;
        std::optional<std::string> date;
        std::optional<std::string> choices;
        if (field.type == core::FieldType::YesNo) {
            number = *value.yes ? 1.0 : 0.0;
        } else {
            number = value.number;
        }
        if (value.date) {
            date = date_text(*value.date);
        }
        if (core::has_options(field.type)) {
            choices = join_lines(value.choices);
        }
        // A text answer is sealed in the insert itself (its row's key is known): its plaintext
        // never reaches the server. text_value is left NULL.
        const auto insert_value = [&](const auto& sealed) {
            tx.exec_params(
                "INSERT INTO logbook_entry_values (entry, key, text_sealed, number_value, "
                "date_value, choice_value) VALUES ($1, $2, $3::bytea, $4::double precision, $5, "
                "$6)",
                entry_key, value.key, sealed, number, date, choices);
        };
        if (field.type == core::FieldType::Text) {
            insert_value(fields.seal(value.text, entry_text_context(entry_key, value.key)));
        } else {
            insert_value(nullptr);
        }
    }
    return id;
}

core::Result<std::string> PostgresLogbookStore::write_entry(const core::LogbookEntry& entry) {
    return m_pool->write([&](Tx& tx) -> core::Result<std::string> {
        return insert_entry(tx, m_fields, entry, true);
    });
}

core::Result<std::vector<core::LogbookEntry>> PostgresLogbookStore::entries(
    std::string_view logbook, core::Day from, core::Day to) {
    return m_pool->read([&](Tx& tx) -> core::Result<std::vector<core::LogbookEntry>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_template(tx, logbook));
        return load_entries(tx, m_fields, "e.template = $1 AND e.day BETWEEN $2 AND $3", key, from,
                            to);
    });
}

core::Result<std::vector<core::LogbookEntry>> PostgresLogbookStore::entries_at(
    std::string_view place, core::Day day) {
    return m_pool->read([&](Tx& tx) -> core::Result<std::vector<core::LogbookEntry>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::Places, place, "place"));
        return load_entries(tx, m_fields, "e.place = $1 AND e.day BETWEEN $2 AND $3", key, day,
                            day);
    });
}

}  // namespace samskab::storage::postgres
