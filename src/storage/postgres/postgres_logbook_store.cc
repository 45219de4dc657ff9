// PostgresLogbookStore: templates and their versions, step for step as SqliteLogbookStore, so
// that both return the same records in the same order and the same errors. Entries are in
// postgres_logbook_entries.cc, the bundle's part in postgres_logbook_bundle.cc.
#include "storage/postgres/postgres_logbook_store.h"

#include "storage/postgres/postgres_community_common.h"

namespace samskab::storage::postgres {

using core::ErrorCode;
using Tx = pqxx::transaction_base;

core::Result<void> PostgresLogbookStore::first_error(const std::vector<core::Error>& errors) {
    if (errors.empty()) {
        return {};
    }
    return tl::unexpected(errors.front());
}

std::optional<std::int64_t> PostgresLogbookStore::template_key(Tx& tx, std::string_view id) {
    const pqxx::result rows =
        tx.exec_params("SELECT pk FROM logbook_templates WHERE id = $1", std::string(id));
    if (rows.empty()) {
        return std::nullopt;
    }
    return rows[0][0].as<std::int64_t>();
}

core::Result<std::int64_t> PostgresLogbookStore::require_template(Tx& tx, std::string_view id) {
    if (auto key = template_key(tx, id)) {
        return *key;
    }
    return tl::unexpected(unknown_da("logbogsskabelon", id, "template"));
}

std::string PostgresLogbookStore::join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& line : lines) {
        out += (out.empty() ? "" : "\n") + line;
    }
    return out;
}

std::vector<std::string> PostgresLogbookStore::split_lines(std::string_view text) {
    std::vector<std::string> out;
    while (!text.empty()) {
        const auto end = text.find('\n');
        out.emplace_back(text.substr(0, end));
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    }
    return out;
}

core::Result<PostgresLogbookStore::TemplatePlace> PostgresLogbookStore::template_place(
    Tx& tx, core::LogbookScope scope, std::string_view place, std::string_view activity) {
    TemplatePlace out;
    if (scope == core::LogbookScope::Activity) {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::Activities, activity, "activity"));
        out.activity = key;
        out.place = tx.exec_params("SELECT place FROM activities WHERE pk = $1", key)[0][0]
                        .as<std::int64_t>();
    } else {
        SAMSKAB_TRY_SET(out.place, require_key(tx, Keyed::Places, place, "place"));
    }
    return out;
}

std::vector<core::TemplateVersion> PostgresLogbookStore::versions_of(Tx& tx, std::int64_t logbook) {
    std::vector<core::TemplateVersion> versions;
    for (const pqxx::row& row :
         tx.exec_params("SELECT version, created_at FROM logbook_template_versions "
                        "WHERE template = $1 ORDER BY version",
                        logbook)) {
        versions.push_back(
            core::TemplateVersion{row[0].as<int>(), {}, time_of_text(row[1].as<std::string>())});
    }
    for (const pqxx::row& row :
         tx.exec_params("SELECT version, key, label, type, options, required FROM "
                        "logbook_template_fields WHERE template = $1 ORDER BY version, position",
                        logbook)) {
        const int number = row[0].as<int>();
        for (core::TemplateVersion& version : versions) {
            if (version.number == number) {
                version.fields.push_back(core::TemplateField{
                    row[1].as<std::string>(), row[2].as<std::string>(),
                    core::parse_field_type(row[3].as<std::string>())
                        .value_or(core::FieldType::Text),
                    split_lines(row[4].as<std::string>()), row[5].as<int>() != 0});
            }
        }
    }
    return versions;
}

void PostgresLogbookStore::insert_version(Tx& tx, std::int64_t logbook, int number,
                                          const std::vector<core::TemplateField>& fields,
                                          core::LocalTime at) {
    tx.exec_params(
        "INSERT INTO logbook_template_versions (template, version, created_at) "
        "VALUES ($1, $2, $3)",
        logbook, number, time_text(at));
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const core::TemplateField& field = fields[i];
        tx.exec_params(
            "INSERT INTO logbook_template_fields (template, version, position, key, label, "
            "type, options, required) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            logbook, number, static_cast<int>(i), field.key, field.label,
            std::string(core::field_type_name(field.type)), join_lines(field.options),
            field.required ? 1 : 0);
    }
}

std::vector<core::LogbookTemplate> PostgresLogbookStore::load_templates(Tx& tx,
                                                                        std::string_view where,
                                                                        std::int64_t parameter) {
    // The name column has the database's collation: sorted bytewise here, as SQLite does.
    const std::string sql =
        "SELECT t.pk, t.id, pa.id, pl.id, coalesce(a.id, ''), t.name FROM logbook_templates t "
        "JOIN partnerships pa ON pa.pk = t.partnership JOIN places pl ON pl.pk = t.place "
        "LEFT JOIN activities a ON a.pk = t.activity " +
        std::string(where) + " ORDER BY t.name COLLATE \"C\", t.id";
    std::vector<core::LogbookTemplate> out;
    for (const pqxx::row& row : tx.exec_params(sql, parameter)) {
        core::LogbookTemplate logbook;
        logbook.id = row[1].as<std::string>();
        logbook.partnership = row[2].as<std::string>();
        logbook.place = row[3].as<std::string>();
        logbook.activity = row[4].as<std::string>();
        logbook.scope =
            logbook.activity.empty() ? core::LogbookScope::Place : core::LogbookScope::Activity;
        logbook.name = row[5].as<std::string>();
        logbook.versions = versions_of(tx, row[0].as<std::int64_t>());
        out.push_back(std::move(logbook));
    }
    return out;
}

core::Result<std::string> PostgresLogbookStore::create_template(
    const core::NewLogbookTemplate& logbook) {
    SAMSKAB_TRY(first_error(core::validate_template_name(logbook.name, core::Lang::Da)));
    SAMSKAB_TRY(first_error(core::validate_fields(logbook.fields, core::Lang::Da)));
    return m_pool->write([&](Tx& tx) -> core::Result<std::string> {
        TemplatePlace where;
        SAMSKAB_TRY_SET(where, template_place(tx, logbook.scope, logbook.place, logbook.activity));
        std::string id = logbook.id;
        if (id.empty()) {
            id = new_record_id(tx, "logbook_templates", "lt");
        } else if (template_key(tx, id)) {
            return tl::unexpected(error_da(ErrorCode::Conflict, core::Msg::DuplicateId, "id",
                                           {id, "logbook_templates"}));
        }
        // The partnership column (the place's) ties the template to its place's partnership.
        const std::int64_t key =
            tx.exec_params(
                  "INSERT INTO logbook_templates (id, partnership, place, activity, name, "
                  "created_at) SELECT $1, partnership, pk, $2::bigint, $3, $4 FROM places "
                  "WHERE pk = $5 RETURNING pk",
                  id, where.activity, logbook.name, time_text(logbook.created), where.place)[0][0]
                .as<std::int64_t>();
        if (!logbook.fields.empty()) {
            insert_version(tx, key, 1, logbook.fields, logbook.created);
        }
        return id;
    });
}

core::Result<int> PostgresLogbookStore::save_fields(std::string_view logbook,
                                                    const std::vector<core::TemplateField>& fields,
                                                    core::LocalTime at) {
    SAMSKAB_TRY(first_error(core::validate_fields(fields, core::Lang::Da)));
    return m_pool->write([&](Tx& tx) -> core::Result<int> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_template(tx, logbook));
        const std::vector<core::TemplateVersion> versions = versions_of(tx, key);
        const int newest = versions.empty() ? 0 : versions.back().number;
        const std::vector<core::TemplateField> none;
        if (fields == (versions.empty() ? none : versions.back().fields)) {
            return newest;
        }
        insert_version(tx, key, newest + 1, fields, at);
        return newest + 1;
    });
}

core::Result<void> PostgresLogbookStore::rename_template(std::string_view logbook,
                                                         std::string_view name) {
    SAMSKAB_TRY(first_error(core::validate_template_name(name, core::Lang::Da)));
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_template(tx, logbook));
        tx.exec_params("UPDATE logbook_templates SET name = $1 WHERE pk = $2", std::string(name),
                       key);
        return {};
    });
}

core::Result<std::optional<core::LogbookTemplate>> PostgresLogbookStore::find_template(
    std::string_view logbook) {
    return m_pool->read([&](Tx& tx) -> core::Result<std::optional<core::LogbookTemplate>> {
        const std::optional<std::int64_t> key = template_key(tx, logbook);
        if (!key) {
            return std::nullopt;
        }
        std::vector<core::LogbookTemplate> found = load_templates(tx, "WHERE t.pk = $1", *key);
        if (found.empty()) {
            return std::nullopt;
        }
        return std::move(found.front());
    });
}

core::Result<std::vector<core::LogbookTemplate>> PostgresLogbookStore::templates_of_partnership(
    std::string_view partnership) {
    return m_pool->read([&](Tx& tx) -> core::Result<std::vector<core::LogbookTemplate>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::Partnerships, partnership, "partnership"));
        return load_templates(tx, "WHERE t.partnership = $1", key);
    });
}

core::Result<std::vector<core::LogbookTemplate>> PostgresLogbookStore::templates_at_place(
    std::string_view place) {
    return m_pool->read([&](Tx& tx) -> core::Result<std::vector<core::LogbookTemplate>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::Places, place, "place"));
        return load_templates(tx, "WHERE t.place = $1", key);
    });
}

}  // namespace samskab::storage::postgres
