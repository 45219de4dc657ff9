#include "storage/sqlite/sqlite_logbook_store.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <map>

#include "storage/sqlite/sqlite_fields.h"
#include "storage/sqlite/sqlite_visits.h"

namespace samskab::storage::sqlite {

namespace {

using core::ErrorCode;

constexpr std::string_view TEMPLATE_COLUMNS =
    "SELECT t.pk, t.id, pa.id, pl.id, coalesce(a.id, ''), t.name FROM logbook_templates t "
    "JOIN partnerships pa ON pa.pk = t.partnership JOIN places pl ON pl.pk = t.place "
    "LEFT JOIN activities a ON a.pk = t.activity ";

// The first of `errors` as the store's error (Danish), or nothing.
core::Result<void> first_error(const std::vector<core::Error>& errors) {
    if (errors.empty()) {
        return {};
    }
    return tl::unexpected(errors.front());
}

// A new id "<prefix>-<12 hex digits>" not yet in `table` (logbook_templates, logbook_entries).
core::Result<std::string> new_logbook_id(Connection& c, std::string_view table,
                                         std::string_view prefix) {
    while (true) {
        unsigned char bytes[6];
        sqlite3_randomness(sizeof bytes, bytes);
        std::string id(prefix);
        id += '-';
        char hex[3];
        for (unsigned char byte : bytes) {
            std::snprintf(hex, sizeof hex, "%02x", byte);
            id += hex;
        }
        Query exists(c, "SELECT 1 FROM " + std::string(table) + " WHERE id = ?");
        exists.bind(1, id);
        auto row = exists.step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        if (!*row) {
            return id;
        }
    }
}

core::Result<std::optional<std::int64_t>> template_key(Connection& c, std::string_view id) {
    Query query(c, "SELECT pk FROM logbook_templates WHERE id = ?");
    query.bind(1, id);
    auto row = query.step();
    if (!row) {
        return tl::unexpected(row.error());
    }
    if (!*row) {
        return std::nullopt;
    }
    return query.integer(0);
}

core::Result<std::int64_t> require_template(Connection& c, std::string_view id) {
    std::optional<std::int64_t> key;
    SAMSKAB_TRY_SET(key, template_key(c, id));
    if (!key) {
        return tl::unexpected(unknown_da("logbogsskabelon", id, "template"));
    }
    return *key;
}

std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& line : lines) {
        out += (out.empty() ? "" : "\n") + line;
    }
    return out;
}

std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> out;
    while (!text.empty()) {
        const auto end = text.find('\n');
        out.emplace_back(text.substr(0, end));
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    }
    return out;
}

core::Result<void> insert_version(Connection& c, std::int64_t logbook, int number,
                                  const std::vector<core::TemplateField>& fields,
                                  core::LocalTime at) {
    Query version(c,
                  "INSERT INTO logbook_template_versions (template, version, created_at) "
                  "VALUES (?, ?, ?)");
    version.bind(1, logbook).bind(2, std::int64_t{number}).bind(3, time_text(at));
    SAMSKAB_TRY(version.run());
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const core::TemplateField& field = fields[i];
        Query insert(c,
                     "INSERT INTO logbook_template_fields (template, version, position, key, "
                     "label, type, options, required) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, logbook).bind(2, std::int64_t{number});
        insert.bind(3, static_cast<std::int64_t>(i)).bind(4, field.key).bind(5, field.label);
        insert.bind(6, core::field_type_name(field.type)).bind(7, join_lines(field.options));
        insert.bind(8, std::int64_t{field.required});
        SAMSKAB_TRY(insert.run());
    }
    return {};
}

// Every version of the template with key `logbook`, oldest first.
core::Result<std::vector<core::TemplateVersion>> versions_of(Connection& c, std::int64_t logbook) {
    std::vector<core::TemplateVersion> versions;
    Query query(c,
                "SELECT version, created_at FROM logbook_template_versions WHERE template = ? "
                "ORDER BY version");
    query.bind(1, logbook);
    while (true) {
        bool more = false;
        SAMSKAB_TRY_SET(more, query.step());
        if (!more) {
            break;
        }
        versions.push_back(core::TemplateVersion{
            static_cast<int>(query.integer(0)), {}, time_of_text(query.text(1))});
    }
    Query fields(c,
                 "SELECT version, key, label, type, options, required FROM "
                 "logbook_template_fields WHERE template = ? ORDER BY version, position");
    fields.bind(1, logbook);
    while (true) {
        bool more = false;
        SAMSKAB_TRY_SET(more, fields.step());
        if (!more) {
            return versions;
        }
        const int number = static_cast<int>(fields.integer(0));
        for (core::TemplateVersion& version : versions) {
            if (version.number == number) {
                version.fields.push_back(core::TemplateField{
                    fields.text(1), fields.text(2),
                    core::parse_field_type(fields.text(3)).value_or(core::FieldType::Text),
                    split_lines(fields.text(4)), fields.integer(5) != 0});
            }
        }
    }
}

// Templates chosen by `where` (SQL after TEMPLATE_COLUMNS with one parameter), by name.
core::Result<std::vector<core::LogbookTemplate>> load_templates(Connection& c,
                                                                std::string_view where,
                                                                std::int64_t parameter) {
    Query query(c, std::string(TEMPLATE_COLUMNS) + std::string(where) + " ORDER BY t.name, t.id");
    query.bind(1, parameter);
    std::vector<std::pair<std::int64_t, core::LogbookTemplate>> found;
    while (true) {
        bool more = false;
        SAMSKAB_TRY_SET(more, query.step());
        if (!more) {
            break;
        }
        core::LogbookTemplate logbook;
        logbook.id = query.text(1);
        logbook.partnership = query.text(2);
        logbook.place = query.text(3);
        logbook.activity = query.text(4);
        logbook.scope =
            logbook.activity.empty() ? core::LogbookScope::Place : core::LogbookScope::Activity;
        logbook.name = query.text(5);
        found.emplace_back(query.integer(0), std::move(logbook));
    }
    std::vector<core::LogbookTemplate> out;
    for (auto& [key, logbook] : found) {
        SAMSKAB_TRY_SET(logbook.versions, versions_of(c, key));
        out.push_back(std::move(logbook));
    }
    return out;
}

// The entries chosen by `where` (on logbook_entries e, with parameters ?1 ?2 ?3: a key and a
// day range), oldest first, read with the fields of their templates' versions.
core::Result<std::vector<core::LogbookEntry>> load_entries(Connection& c, std::string_view where,
                                                           std::int64_t key, core::Day from,
                                                           core::Day to) {
    Query query(c,
                "SELECT e.pk, e.id, t.id, e.version, pl.id, e.day, e.author, "
                "coalesce(ac.name, ''), e.written_at, e.template FROM logbook_entries e "
                "JOIN logbook_templates t ON t.pk = e.template JOIN places pl ON pl.pk = e.place "
                "LEFT JOIN accounts ac ON ac.pk = e.author WHERE " +
                    std::string(where) + " ORDER BY e.day, e.written_at, e.pk");
    query.bind(1, key).bind(2, date_text(from)).bind(3, date_text(to));
    std::vector<core::LogbookEntry> entries;
    std::map<std::int64_t, std::size_t> index;                            // entry key -> position
    std::map<std::int64_t, std::vector<core::TemplateVersion>> versions;  // by template key
    std::vector<std::int64_t> template_of;
    while (true) {
        bool more = false;
        SAMSKAB_TRY_SET(more, query.step());
        if (!more) {
            break;
        }
        core::LogbookEntry entry;
        entry.id = query.text(1);
        entry.template_id = query.text(2);
        entry.version = static_cast<int>(query.integer(3));
        entry.place = query.text(4);
        entry.day = date_of_text(query.text(5));
        if (!query.is_null(6)) {
            entry.author = query.integer(6);
        }
        entry.author_name = query.text(7);
        entry.written_at = time_of_text(query.text(8));
        index[query.integer(0)] = entries.size();
        template_of.push_back(query.integer(9));
        versions.emplace(query.integer(9), std::vector<core::TemplateVersion>{});
        entries.push_back(std::move(entry));
    }
    for (auto& [template_key, list] : versions) {
        SAMSKAB_TRY_SET(list, versions_of(c, template_key));
    }
    // Raw values by entry position and key; then put in the order of the entry's version.
    std::vector<std::map<std::string, core::EntryValue>> values(entries.size());
    Query read_values(c, "SELECT v.entry, v.key, " + std::string(ENTRY_TEXT) +
                             ", v.number_value, v.date_value, v.choice_value "
                             "FROM logbook_entry_values v JOIN logbook_entries e "
                             "ON e.pk = v.entry WHERE " +
                             std::string(where));
    read_values.bind(1, key).bind(2, date_text(from)).bind(3, date_text(to));
    while (true) {
        bool more = false;
        SAMSKAB_TRY_SET(more, read_values.step());
        if (!more) {
            break;
        }
        core::EntryValue value;
        value.key = read_values.text(1);
        if (!read_values.is_null(2)) {
            value.text = read_values.text(2);
        }
        if (!read_values.is_null(3)) {
            value.number = read_values.real(3);
        }
        if (!read_values.is_null(4)) {
            value.date = date_of_text(read_values.text(4));
        }
        if (!read_values.is_null(5)) {
            value.choices = split_lines(read_values.text(5));
        }
        values[index.at(read_values.integer(0))][value.key] = std::move(value);
    }
    Query read_people(c,
                      "SELECT lp.entry, lp.key, p.id, p.name FROM logbook_entry_people lp "
                      "JOIN logbook_entries e ON e.pk = lp.entry JOIN people p ON p.pk = lp.person "
                      "WHERE " +
                          std::string(where) + " ORDER BY p.name, p.id");
    read_people.bind(1, key).bind(2, date_text(from)).bind(3, date_text(to));
    while (true) {
        bool more = false;
        SAMSKAB_TRY_SET(more, read_people.step());
        if (!more) {
            break;
        }
        core::EntryValue& value = values[index.at(read_people.integer(0))][read_people.text(1)];
        value.key = read_people.text(1);
        value.people.push_back(
            core::PersonSummary{read_people.text(2), read_people.text(3), std::nullopt});
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
            if (field.type == core::FieldType::YesNo && value.number) {
                value.yes = *value.number != 0;
                value.number.reset();
            }
            entries[i].values.push_back(std::move(value));
        }
    }
    return entries;
}

// The keys of a template's place and activity: an activity's template is at its place.
struct TemplatePlace {
    std::int64_t place = 0;
    std::optional<std::int64_t> activity;
};

core::Result<TemplatePlace> template_place(Connection& c, core::LogbookScope scope,
                                           std::string_view place, std::string_view activity) {
    TemplatePlace out;
    if (scope == core::LogbookScope::Activity) {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::Activities, activity, "activity"));
        out.activity = key;
        Query place_of(c, "SELECT place FROM activities WHERE pk = ?");
        place_of.bind(1, key);
        SAMSKAB_TRY(place_of.step());
        out.place = place_of.integer(0);
    } else {
        SAMSKAB_TRY_SET(out.place, require_key(c, Keyed::Places, place, "place"));
    }
    return out;
}

}  // namespace

core::Result<std::string> SqliteLogbookStore::create_template(
    const core::NewLogbookTemplate& logbook) {
    SAMSKAB_TRY(first_error(core::validate_template_name(logbook.name, core::Lang::Da)));
    SAMSKAB_TRY(first_error(core::validate_fields(logbook.fields, core::Lang::Da)));
    return m_pool->write([&](Connection& c) -> core::Result<std::string> {
        TemplatePlace where;
        SAMSKAB_TRY_SET(where, template_place(c, logbook.scope, logbook.place, logbook.activity));
        const std::int64_t place = where.place;
        const std::optional<std::int64_t> activity = where.activity;
        std::string id = logbook.id;
        if (id.empty()) {
            SAMSKAB_TRY_SET(id, new_logbook_id(c, "logbook_templates", "lt"));
        } else {
            std::optional<std::int64_t> existing;
            SAMSKAB_TRY_SET(existing, template_key(c, id));
            if (existing) {
                return tl::unexpected(error_da(ErrorCode::Conflict, core::Msg::DuplicateId, "id",
                                               {id, "logbook_templates"}));
            }
        }
        Query insert(c,
                     "INSERT INTO logbook_templates (id, partnership, place, activity, name, "
                     "created_at) SELECT ?1, partnership, pk, ?2, ?3, ?4 FROM places "
                     "WHERE pk = ?5 RETURNING pk");
        insert.bind(1, id).bind(2, activity).bind(3, logbook.name);
        insert.bind(4, time_text(logbook.created)).bind(5, place);
        SAMSKAB_TRY(insert.step());
        const std::int64_t key = insert.integer(0);
        SAMSKAB_TRY(insert.run());
        if (!logbook.fields.empty()) {
            SAMSKAB_TRY(insert_version(c, key, 1, logbook.fields, logbook.created));
        }
        return id;
    });
}

core::Result<int> SqliteLogbookStore::save_fields(std::string_view logbook,
                                                  const std::vector<core::TemplateField>& fields,
                                                  core::LocalTime at) {
    SAMSKAB_TRY(first_error(core::validate_fields(fields, core::Lang::Da)));
    return m_pool->write([&](Connection& c) -> core::Result<int> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_template(c, logbook));
        std::vector<core::TemplateVersion> versions;
        SAMSKAB_TRY_SET(versions, versions_of(c, key));
        const int newest = versions.empty() ? 0 : versions.back().number;
        const std::vector<core::TemplateField> none;
        if (fields == (versions.empty() ? none : versions.back().fields)) {
            return newest;
        }
        SAMSKAB_TRY(insert_version(c, key, newest + 1, fields, at));
        return newest + 1;
    });
}

core::Result<void> SqliteLogbookStore::rename_template(std::string_view logbook,
                                                       std::string_view name) {
    SAMSKAB_TRY(first_error(core::validate_template_name(name, core::Lang::Da)));
    return m_pool->write([&](Connection& c) -> core::Result<void> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_template(c, logbook));
        Query update(c, "UPDATE logbook_templates SET name = ? WHERE pk = ?");
        update.bind(1, name).bind(2, key);
        return update.run();
    });
}

core::Result<std::optional<core::LogbookTemplate>> SqliteLogbookStore::find_template(
    std::string_view logbook) {
    return m_pool->read([&](Connection& c) -> core::Result<std::optional<core::LogbookTemplate>> {
        std::optional<std::int64_t> key;
        SAMSKAB_TRY_SET(key, template_key(c, logbook));
        if (!key) {
            return std::nullopt;
        }
        std::vector<core::LogbookTemplate> found;
        SAMSKAB_TRY_SET(found, load_templates(c, "WHERE t.pk = ?", *key));
        if (found.empty()) {
            return std::nullopt;
        }
        return std::move(found.front());
    });
}

core::Result<std::vector<core::LogbookTemplate>> SqliteLogbookStore::templates_of_partnership(
    std::string_view partnership) {
    return m_pool->read([&](Connection& c) -> core::Result<std::vector<core::LogbookTemplate>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::Partnerships, partnership, "partnership"));
        return load_templates(c, "WHERE t.partnership = ?", key);
    });
}

core::Result<std::vector<core::LogbookTemplate>> SqliteLogbookStore::templates_at_place(
    std::string_view place) {
    return m_pool->read([&](Connection& c) -> core::Result<std::vector<core::LogbookTemplate>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::Places, place, "place"));
        return load_templates(c, "WHERE t.place = ?", key);
    });
}

namespace {

// write_entry and import_entry: the entry's row, values and people present, and with
// `record_visits` a visit for each person present.
core::Result<std::string> insert_entry(Connection& c, const core::LogbookEntry& entry,
                                       bool record_visits) {
    std::int64_t key = 0;
    SAMSKAB_TRY_SET(key, require_template(c, entry.template_id));
    std::vector<core::TemplateVersion> versions;
    SAMSKAB_TRY_SET(versions, versions_of(c, key));
    const auto version = std::find_if(versions.begin(), versions.end(),
                                      [&](const auto& v) { return v.number == entry.version; });
    if (version == versions.end()) {
        return tl::unexpected(error_da(ErrorCode::Invalid, core::Msg::LogbookVersionUnknown,
                                       "version", {std::to_string(entry.version)}));
    }
    SAMSKAB_TRY(first_error(core::validate_entry_values(*version, entry.values, core::Lang::Da)));
    Query place_of(c, "SELECT place FROM logbook_templates WHERE pk = ?");
    place_of.bind(1, key);
    SAMSKAB_TRY(place_of.step());
    const std::int64_t place = place_of.integer(0);
    std::string id = entry.id;
    if (id.empty()) {
        SAMSKAB_TRY_SET(id, new_logbook_id(c, "logbook_entries", "le"));
    }
    Query insert(c,
                 "INSERT INTO logbook_entries (id, template, version, place, day, author, "
                 "written_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING pk");
    insert.bind(1, id).bind(2, key).bind(3, std::int64_t{entry.version}).bind(4, place);
    insert.bind(5, date_text(entry.day)).bind(6, entry.author);
    insert.bind(7, time_text(entry.written_at));
    auto inserted = insert.step();
    if (!inserted) {
        // The only constraint a well-formed entry can break is a taken id.
        return tl::unexpected(
            error_da(ErrorCode::Conflict, core::Msg::DuplicateId, "id", {id, "logbook_entries"}));
    }
    const std::int64_t entry_key = insert.integer(0);
    SAMSKAB_TRY(insert.run());
    for (const core::EntryValue& value : entry.values) {
        const core::TemplateField& field = *version->field(value.key);
        if (field.type == core::FieldType::PeoplePresent) {
            for (const core::PersonSummary& person : value.people) {
                std::optional<std::int64_t> person_key;
                SAMSKAB_TRY_SET(person_key, key_of(c, Keyed::People, person.id));
                if (!person_key) {
                    return tl::unexpected(unknown(core::Msg::NounPerson, person.id, value.key));
                }
                Query present(c,
                              "INSERT OR IGNORE INTO logbook_entry_people (entry, key, person) "
                              "VALUES (?, ?, ?)");
                present.bind(1, entry_key).bind(2, value.key).bind(3, *person_key);
                SAMSKAB_TRY(present.run());
                if (record_visits) {
                    SAMSKAB_TRY(record_visit(c, *person_key, place, entry.day));
                }
            }
            continue;
        }
        // Free text sealed to its entry and field when the database is encrypted
        // (sqlite_fields.h); the row's key is known here, so one statement does.
        Query store(c,
                    "INSERT INTO logbook_entry_values (entry, key, text_value, text_sealed, "
                    "number_value, date_value, choice_value) VALUES (?1, ?2, "
                    "CASE WHEN samskab_encrypted() THEN NULL ELSE ?3 END, "
                    "CASE WHEN samskab_encrypted() THEN samskab_hide(?3, "
                    "'logbook_entry_values.text_value:' || ?1 || ':' || ?2) END, ?4, ?5, ?6)");
        store.bind(1, entry_key).bind(2, value.key);
        if (field.type == core::FieldType::Text) {
            store.bind(3, value.text);
        }
        if (field.type == core::FieldType::YesNo) {
            store.bind(4, *value.yes ? 1.0 : 0.0);
        } else if (value.number) {
            store.bind(4, *value.number);
        }
        if (value.date) {
            store.bind(5, date_text(*value.date));
        }
        if (core::has_options(field.type)) {
            store.bind(6, join_lines(value.choices));
        }
        SAMSKAB_TRY(store.run());
    }
    return id;
}

}  // namespace

core::Result<std::string> SqliteLogbookStore::write_entry(const core::LogbookEntry& entry) {
    return m_pool->write(
        [&](Connection& c) -> core::Result<std::string> { return insert_entry(c, entry, true); });
}

core::Result<std::vector<core::LogbookEntry>> SqliteLogbookStore::entries(std::string_view logbook,
                                                                          core::Day from,
                                                                          core::Day to) {
    return m_pool->read([&](Connection& c) -> core::Result<std::vector<core::LogbookEntry>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_template(c, logbook));
        return load_entries(c, "e.template = ?1 AND e.day BETWEEN ?2 AND ?3", key, from, to);
    });
}

core::Result<std::vector<core::LogbookEntry>> SqliteLogbookStore::entries_at(std::string_view place,
                                                                             core::Day day) {
    return m_pool->read([&](Connection& c) -> core::Result<std::vector<core::LogbookEntry>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::Places, place, "place"));
        return load_entries(c, "e.place = ?1 AND e.day BETWEEN ?2 AND ?3", key, day, day);
    });
}

core::Result<void> SqliteLogbookStore::import_template(Connection& c,
                                                       const core::LogbookTemplate& logbook) {
    SAMSKAB_TRY(first_error(core::validate_template_name(logbook.name, core::Lang::Da)));
    TemplatePlace where;
    SAMSKAB_TRY_SET(where, template_place(c, logbook.scope, logbook.place, logbook.activity));
    const core::LocalTime created = logbook.versions.empty() ? 0 : logbook.versions.front().created;
    Query upsert(c,
                 "INSERT INTO logbook_templates (id, partnership, place, activity, name, "
                 "created_at) SELECT ?1, partnership, pk, ?2, ?3, ?4 FROM places WHERE pk = ?5 "
                 "ON CONFLICT (id) DO UPDATE SET partnership = excluded.partnership, "
                 "place = excluded.place, activity = excluded.activity, name = excluded.name "
                 "RETURNING pk");
    upsert.bind(1, logbook.id).bind(2, where.activity).bind(3, logbook.name);
    upsert.bind(4, time_text(created)).bind(5, where.place);
    SAMSKAB_TRY(upsert.step());
    const std::int64_t key = upsert.integer(0);
    SAMSKAB_TRY(upsert.run());
    std::vector<core::TemplateVersion> stored;
    SAMSKAB_TRY_SET(stored, versions_of(c, key));
    for (const core::TemplateVersion& version : logbook.versions) {
        const auto same = std::find_if(stored.begin(), stored.end(),
                                       [&](const auto& v) { return v.number == version.number; });
        if (same == stored.end()) {
            SAMSKAB_TRY(first_error(core::validate_fields(version.fields, core::Lang::Da)));
            SAMSKAB_TRY(insert_version(c, key, version.number, version.fields, version.created));
        } else if (same->fields != version.fields) {
            // Entries were written with the stored version; changing it would change them.
            return tl::unexpected(error_da(ErrorCode::Conflict, core::Msg::VersionChanged,
                                           "versions",
                                           {logbook.id, std::to_string(version.number)}));
        }
    }
    return {};
}

core::Result<void> SqliteLogbookStore::import_entry(Connection& c,
                                                    const core::LogbookEntry& entry) {
    Query find(c, "SELECT pk FROM logbook_entries WHERE id = ?");
    find.bind(1, entry.id);
    bool stored = false;
    SAMSKAB_TRY_SET(stored, find.step());
    if (stored) {
        // Replaced whole: its values may be for another version now. Deleted row by row, as
        // an import runs without foreign keys (so without ON DELETE CASCADE).
        const std::int64_t key = find.integer(0);
        for (std::string_view table : {"logbook_entry_values", "logbook_entry_people"}) {
            Query remove(c, "DELETE FROM " + std::string(table) + " WHERE entry = ?");
            remove.bind(1, key);
            SAMSKAB_TRY(remove.run());
        }
        Query remove(c, "DELETE FROM logbook_entries WHERE pk = ?");
        remove.bind(1, key);
        SAMSKAB_TRY(remove.run());
    }
    SAMSKAB_TRY(insert_entry(c, entry, false));
    return {};
}

core::Result<std::vector<core::LogbookTemplate>> SqliteLogbookStore::all_templates(Connection& c) {
    // Every template: the parameter only satisfies load_templates' form.
    std::vector<core::LogbookTemplate> all;
    SAMSKAB_TRY_SET(all, load_templates(c, "WHERE t.pk > ?", 0));
    std::sort(all.begin(), all.end(), [](const auto& x, const auto& y) { return x.id < y.id; });
    return all;
}

core::Result<std::vector<core::LogbookEntry>> SqliteLogbookStore::all_entries(Connection& c) {
    std::vector<core::LogbookEntry> all;
    SAMSKAB_TRY_SET(all, load_entries(c, "e.pk > ?1 AND e.day BETWEEN ?2 AND ?3", 0,
                                      core::parse_date("0001-01-01").value_or(0),
                                      core::parse_date("9999-12-31").value_or(0)));
    std::sort(all.begin(), all.end(), [](const auto& x, const auto& y) { return x.id < y.id; });
    return all;
}

}  // namespace samskab::storage::sqlite
