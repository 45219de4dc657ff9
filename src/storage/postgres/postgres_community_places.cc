// PostgresCommunityStore: places, partnerships and people.
#include <algorithm>

#include "core/vocabulary.h"
#include "storage/postgres/postgres_community_common.h"
#include "storage/postgres/postgres_community_store.h"

namespace samskab::storage::postgres {

namespace {

using core::ErrorCode;
using core::Msg;
using Tx = pqxx::transaction_base;

// Names and titles are ordered bytewise (COLLATE "C"), as SQLite orders its TEXT, so that both
// stores list in the same order whatever the server's locale.
constexpr std::string_view PLACE_COLUMNS =
    "SELECT pl.id, pa.id, pl.name, pl.support_threshold, pa.name FROM places pl "
    "JOIN partnerships pa ON pa.pk = pl.partnership ";
constexpr std::string_view PLACE_ORDER = " ORDER BY pl.name COLLATE \"C\", pl.id";

core::PlaceView place_view(const pqxx::row& row) {
    return {{row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>(),
             row[3].as<double>()},
            row[4].as<std::string>()};
}

std::vector<core::PlaceView> place_views(const pqxx::result& rows) {
    std::vector<core::PlaceView> out;
    out.reserve(rows.size());
    for (const pqxx::row& row : rows) {
        out.push_back(place_view(row));
    }
    return out;
}

// Rows of (pk, id, name, support_sealed, support_need) as summaries; the flag is opened only
// when it is asked for.
std::vector<core::PersonSummary> community_summaries(const SealedFields& fields,
                                                     const pqxx::result& rows,
                                                     bool with_support_need) {
    std::vector<core::PersonSummary> out;
    out.reserve(rows.size());
    for (const pqxx::row& row : rows) {
        core::PersonSummary person{row[1].as<std::string>(), row[2].as<std::string>(),
                                   std::nullopt};
        if (with_support_need) {
            person.support_need = fields.open_support(row[3], row[4], row[0].as<std::int64_t>());
        }
        out.push_back(std::move(person));
    }
    return out;
}

// The columns community_summaries reads, for people `p`.
constexpr std::string_view COMMUNITY_SUMMARY_COLUMNS =
    "SELECT p.pk, p.id, p.name, p.support_sealed, p.support_need";

// The people of partnership $1: registered, or with a visit, participation or companion link
// there. The links' people are sealed (postgres_fields.h): they are opened in this program and
// bound as $2 (community_linked_people).
constexpr std::string_view COMMUNITY_MEMBERS = R"sql(
WITH members (person) AS (
    SELECT person FROM memberships WHERE partnership = $1
    UNION SELECT v.person FROM places pl JOIN visits v ON v.place = pl.pk
        WHERE pl.partnership = $1
    UNION SELECT x.person FROM places pl JOIN activities a ON a.place = pl.pk
        JOIN occurrences o ON o.activity = a.pk JOIN participations x ON x.occurrence = o.pk
        WHERE pl.partnership = $1
    UNION SELECT unnest($2::bigint[]))
)sql";
constexpr std::string_view COMMUNITY_MEMBERS_FROM =
    " FROM members JOIN people p ON p.pk = members.person";
constexpr std::string_view COMMUNITY_MEMBERS_ORDER = " ORDER BY p.name COLLATE \"C\", p.id";

// The people of the companion links in partnership `partnership` (both sides), as the array
// literal COMMUNITY_MEMBERS binds.
std::string community_linked_people(Tx& tx, const SealedFields& fields, std::int64_t partnership) {
    std::vector<std::int64_t> people;
    for (const pqxx::row& row : tx.exec_params(
             "SELECT " + std::string(LINK_COLUMNS) + " FROM companions c WHERE c.partnership = $1",
             partnership)) {
        const OpenedLink link = fields.open_link(row, 0);
        people.push_back(link.person);
        people.push_back(link.companion);
    }
    std::sort(people.begin(), people.end());
    people.erase(std::unique(people.begin(), people.end()), people.end());
    return key_array(people);
}

// "$first, $first+1, ..." for `count` parameters, or NULL for none (PostgreSQL refuses an empty
// IN list, which SQLite accepts as matching nothing).
std::string placeholders(std::size_t first, std::size_t count) {
    if (count == 0) {
        return "NULL";
    }
    std::string out;
    for (std::size_t i = 0; i < count; ++i) {
        out += (i == 0 ? "$" : ", $") + std::to_string(first + i);
    }
    return out;
}

}  // namespace

core::Result<std::vector<core::PlaceView>> PostgresCommunityStore::list_places() {
    const std::string sql = std::string(PLACE_COLUMNS) + std::string(PLACE_ORDER);
    return m_pool->read([&](Tx& tx) -> core::Result<std::vector<core::PlaceView>> {
        return place_views(tx.exec(sql));
    });
}

core::Result<std::vector<core::PlaceView>> PostgresCommunityStore::list_places_in(
    const std::vector<std::string>& places, const std::vector<std::string>& partnerships) {
    const std::string sql = std::string(PLACE_COLUMNS) + "WHERE pl.id IN (" +
                            placeholders(1, places.size()) + ") OR pa.id IN (" +
                            placeholders(places.size() + 1, partnerships.size()) + ")" +
                            std::string(PLACE_ORDER);
    return m_pool->read([&](Tx& tx) -> core::Result<std::vector<core::PlaceView>> {
        return place_views(tx.exec_params(sql, pqxx::prepare::make_dynamic_params(places),
                                          pqxx::prepare::make_dynamic_params(partnerships)));
    });
}

core::Result<std::optional<core::PlaceView>> PostgresCommunityStore::find_place(
    std::string_view place) {
    const std::string sql = std::string(PLACE_COLUMNS) + "WHERE pl.id = $1";
    return m_pool->read([&](Tx& tx) -> core::Result<std::optional<core::PlaceView>> {
        const pqxx::result rows = tx.exec_params(sql, std::string(place));
        if (rows.empty()) {
            return std::nullopt;
        }
        return place_view(rows[0]);
    });
}

core::Result<std::vector<core::Partnership>> PostgresCommunityStore::list_partnerships() {
    return m_pool->read([&](Tx& tx) -> core::Result<std::vector<core::Partnership>> {
        std::vector<core::Partnership> partnerships;
        for (const pqxx::row& row :
             tx.exec("SELECT id, name FROM partnerships ORDER BY name COLLATE \"C\", id")) {
            partnerships.push_back({row[0].as<std::string>(), row[1].as<std::string>(), {}});
        }
        for (core::Partnership& p : partnerships) {
            const pqxx::result rows = tx.exec_params(
                "SELECT o.id, o.name, o.kind FROM organisations o "
                "JOIN partnerships pa ON pa.pk = o.partnership WHERE pa.id = $1 ORDER BY o.pk",
                p.id);
            for (const pqxx::row& row : rows) {
                p.organisations.push_back(
                    {row[0].as<std::string>(), row[1].as<std::string>(),
                     core::parse_name<core::OrganisationKind>(row[2].as<std::string>())
                         .value_or(core::OrganisationKind::Other)});
            }
        }
        return partnerships;
    });
}

core::Result<std::string> PostgresCommunityStore::save_place(const core::Place& place) {
    if (is_blank(place.name)) {
        return tl::unexpected(error_da(ErrorCode::Invalid, Msg::Required, "name"));
    }
    if (!(place.support_threshold >= 0.0 && place.support_threshold <= 1.0)) {
        return tl::unexpected(
            error_da(ErrorCode::Invalid, Msg::ThresholdOutOfRange, "support_threshold"));
    }
    return m_pool->write([&](Tx& tx) -> core::Result<std::string> {
        std::int64_t partnership = 0;
        SAMSKAB_TRY_SET(partnership,
                        require_key(tx, Keyed::Partnerships, place.partnership, "partnership"));
        if (place.id.empty()) {
            const std::string id = new_id(tx, Keyed::Places, "pl");
            tx.exec_params(
                "INSERT INTO places (id, partnership, name, support_threshold) "
                "VALUES ($1, $2, $3, $4)",
                id, partnership, place.name, place.support_threshold);
            return id;
        }
        // The place's activities, occurrences and visits carry its partnership too; they follow
        // through the foreign keys' ON UPDATE CASCADE.
        const pqxx::result updated = tx.exec_params(
            "UPDATE places SET partnership = $1, name = $2, support_threshold = $3 WHERE id = $4",
            partnership, place.name, place.support_threshold, place.id);
        if (updated.affected_rows() == 0) {
            return tl::unexpected(unknown(Msg::NounPlace, place.id, "place"));
        }
        return place.id;
    });
}

core::Result<std::optional<core::PersonSummary>> PostgresCommunityStore::find_person(
    std::string_view person, bool with_support_need) {
    const std::string sql =
        std::string(COMMUNITY_SUMMARY_COLUMNS) + " FROM people p WHERE p.id = $1";
    return m_pool->read([&](Tx& tx) -> core::Result<std::optional<core::PersonSummary>> {
        auto found = community_summaries(m_fields, tx.exec_params(sql, std::string(person)),
                                         with_support_need);
        if (found.empty()) {
            return std::nullopt;
        }
        return std::move(found.front());
    });
}

core::Result<std::vector<core::PersonSummary>> PostgresCommunityStore::people_of(
    std::string_view partnership, bool with_support_need) {
    const std::string sql =
        std::string(COMMUNITY_MEMBERS) + std::string(COMMUNITY_SUMMARY_COLUMNS) +
        std::string(COMMUNITY_MEMBERS_FROM) + std::string(COMMUNITY_MEMBERS_ORDER);
    return m_pool->read([&](Tx& tx) -> core::Result<std::vector<core::PersonSummary>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::Partnerships, partnership, "partnership"));
        return community_summaries(
            m_fields, tx.exec_params(sql, key, community_linked_people(tx, m_fields, key)),
            with_support_need);
    });
}

core::Result<core::PeoplePage> PostgresCommunityStore::people_page(std::string_view partnership,
                                                                   bool with_support_need,
                                                                   std::size_t offset,
                                                                   std::size_t limit) {
    const std::string count_sql =
        std::string(COMMUNITY_MEMBERS) + "SELECT count(*)" + std::string(COMMUNITY_MEMBERS_FROM);
    const std::string page_sql = std::string(COMMUNITY_MEMBERS) +
                                 std::string(COMMUNITY_SUMMARY_COLUMNS) +
                                 std::string(COMMUNITY_MEMBERS_FROM) +
                                 std::string(COMMUNITY_MEMBERS_ORDER) + " LIMIT $3 OFFSET $4";
    return m_pool->read([&](Tx& tx) -> core::Result<core::PeoplePage> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::Partnerships, partnership, "partnership"));
        const std::string linked = community_linked_people(tx, m_fields, key);
        core::PeoplePage page;
        // Both queries read the pool's one snapshot, so the total matches the pages.
        page.total = tx.exec_params1(count_sql, key, linked)[0].as<std::size_t>();
        if (limit == 0 || offset >= page.total) {
            return page;
        }
        page.people = community_summaries(
            m_fields,
            tx.exec_params(page_sql, key, linked, static_cast<std::int64_t>(limit),
                           static_cast<std::int64_t>(offset)),
            with_support_need);
        return page;
    });
}

core::Result<std::vector<core::PersonSummary>> PostgresCommunityStore::search_people(
    std::string_view partnership, std::string_view query_text, int limit) {
    const std::string sql = std::string(COMMUNITY_MEMBERS) + "SELECT p.id, p.name" +
                            std::string(COMMUNITY_MEMBERS_FROM) +
                            std::string(COMMUNITY_MEMBERS_ORDER);
    const std::string wanted = fold_name(query_text);
    return m_pool->read([&](Tx& tx) -> core::Result<std::vector<core::PersonSummary>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::Partnerships, partnership, "partnership"));
        std::vector<core::PersonSummary> out;
        if (limit <= 0) {
            return out;
        }
        // The names are folded here, not by the server (see core/name_fold.h): the members are
        // read in name order and the walk stops at the limit.
        for (const pqxx::row& row :
             tx.exec_params(sql, key, community_linked_people(tx, m_fields, key))) {
            if (out.size() >= static_cast<std::size_t>(limit)) {
                break;
            }
            std::string name = row[1].as<std::string>();
            if (name_matches(name, wanted)) {
                out.push_back({row[0].as<std::string>(), std::move(name), std::nullopt});
            }
        }
        return out;
    });
}

core::Result<std::string> PostgresCommunityStore::create_person(const core::NewPerson& person) {
    if (is_blank(person.name)) {
        return tl::unexpected(error_da(ErrorCode::Invalid, Msg::Required, "name"));
    }
    return m_pool->write([&](Tx& tx) -> core::Result<std::string> {
        std::int64_t partnership = 0;
        SAMSKAB_TRY_SET(partnership,
                        require_key(tx, Keyed::Partnerships, person.partnership, "partnership"));
        const std::string id = new_id(tx, Keyed::People, "p");
        std::optional<std::string> joined, channel;
        if (person.joined) {
            joined = date_text(*person.joined);
        }
        if (person.entry_channel) {
            channel = std::string(core::name_of(*person.entry_channel));
        }
        const pqxx::result inserted = tx.exec_params(
            "INSERT INTO people (id, name, support_need, joined, entry_channel, "
            "consent_support_need, consent_pathways) VALUES ($1, $2, false, $3, $4, false, false) "
            "RETURNING pk",
            id, person.name, joined, channel);
        tx.exec_params("INSERT INTO memberships (person, partnership) VALUES ($1, $2)",
                       inserted[0][0].as<std::int64_t>(), partnership);
        return id;
    });
}

core::Result<std::vector<std::string>> PostgresCommunityStore::partnerships_of(
    std::string_view person) {
    return m_pool->read([&](Tx& tx) -> core::Result<std::vector<std::string>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::People, person, "person"));
        return registered_partnerships(tx, m_fields, key);
    });
}

}  // namespace samskab::storage::postgres
