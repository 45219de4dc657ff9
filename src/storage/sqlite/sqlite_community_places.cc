// SqliteCommunityStore: places, partnerships and people.
#include <cmath>

#include "storage/sqlite/sqlite_community_store.h"
#include "storage/sqlite/sqlite_fields.h"

namespace samskab::storage::sqlite {

namespace {

using core::ErrorCode;
using core::Msg;

constexpr std::string_view PLACE_COLUMNS =
    "SELECT pl.id, pa.id, pl.name, pl.support_threshold, pa.name FROM places pl "
    "JOIN partnerships pa ON pa.pk = pl.partnership ";

core::PlaceView place_view(const Query& query) {
    return {{query.text(0), query.text(1), query.text(2), query.real(3)}, query.text(4)};
}

// Rows of (id, name, support_need) as summaries; the flag only when asked for.
core::Result<std::vector<core::PersonSummary>> summaries(Query& query, bool with_support_need) {
    std::vector<core::PersonSummary> out;
    while (true) {
        auto row = query.step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        if (!*row) {
            return out;
        }
        core::PersonSummary person{query.text(0), query.text(1), std::nullopt};
        if (with_support_need) {
            person.support_need = query.integer(2) != 0;
        }
        out.push_back(std::move(person));
    }
}

// The people of partnership ?1: registered, or with a visit, participation or companion link
// there. Each branch walks an index from the partnership down to the person; a companion link
// is opened in memory (sqlite_fields.h). The flag column follows (see with_flag).
constexpr std::string_view PEOPLE_OF = R"sql(
WITH members (person) AS (
    SELECT person FROM memberships WHERE partnership = ?1
    UNION SELECT v.person FROM places pl JOIN visits v ON v.place = pl.pk
        WHERE pl.partnership = ?1
    UNION SELECT x.person FROM places pl JOIN activities a ON a.place = pl.pk
        JOIN occurrences o ON o.activity = a.pk JOIN participations x ON x.occurrence = o.pk
        WHERE pl.partnership = ?1
    UNION SELECT CAST(samskab_reveal(c.person, 'companions.person:' || hex(c.person_key))
                      AS INTEGER) FROM companions c WHERE c.partnership = ?1
    UNION SELECT CAST(samskab_reveal(c.companion, 'companions.companion:' ||
                                     hex(c.companion_key)) AS INTEGER)
          FROM companions c WHERE c.partnership = ?1)
SELECT p.id, p.name, )sql";
constexpr std::string_view PEOPLE_OF_END =
    " FROM members JOIN people p ON p.pk = members.person ORDER BY p.name, p.id";

// The support flag is opened only when it is asked for.
std::string with_flag(std::string_view head, bool flag, std::string_view tail) {
    return std::string(head) + std::string(flag ? SUPPORT_NEED : "0") + std::string(tail);
}

// Walks people by name and stops at the limit, so that a search does not first collect a
// large partnership's members; each candidate's membership is a few index lookups.
constexpr std::string_view SEARCH_PEOPLE = R"sql(
SELECT p.id, p.name, 0 FROM people p
WHERE instr(samskab_fold(p.name), ?2) > 0 AND (
    EXISTS (SELECT 1 FROM memberships m WHERE m.person = p.pk AND m.partnership = ?1)
    OR EXISTS (SELECT 1 FROM visits v JOIN places pl ON pl.pk = v.place
               WHERE v.person = p.pk AND pl.partnership = ?1)
    OR EXISTS (SELECT 1 FROM participations x JOIN occurrences o ON o.pk = x.occurrence
               JOIN activities a ON a.pk = o.activity JOIN places pl ON pl.pk = a.place
               WHERE x.person = p.pk AND pl.partnership = ?1)
    OR EXISTS (SELECT 1 FROM companions c
               WHERE c.person_key = samskab_key(p.pk) AND c.partnership = ?1)
    OR EXISTS (SELECT 1 FROM companions c
               WHERE c.companion_key = samskab_key(p.pk) AND c.partnership = ?1))
ORDER BY p.name, p.id LIMIT ?3
)sql";

constexpr std::string_view PARTNERSHIPS_OF = R"sql(
WITH mine (partnership) AS (
    SELECT partnership FROM memberships WHERE person = ?1
    UNION SELECT pl.partnership FROM visits v JOIN places pl ON pl.pk = v.place
        WHERE v.person = ?1
    UNION SELECT pl.partnership FROM participations x JOIN occurrences o ON o.pk = x.occurrence
        JOIN activities a ON a.pk = o.activity JOIN places pl ON pl.pk = a.place
        WHERE x.person = ?1
    UNION SELECT partnership FROM companions WHERE person_key = samskab_key(?1)
    UNION SELECT partnership FROM companions WHERE companion_key = samskab_key(?1))
SELECT pa.id FROM mine JOIN partnerships pa ON pa.pk = mine.partnership ORDER BY pa.id
)sql";

}  // namespace

core::Result<std::vector<core::PlaceView>> SqliteCommunityStore::list_places() {
    return m_pool->read([&](Connection& c) -> core::Result<std::vector<core::PlaceView>> {
        Query query(c, std::string(PLACE_COLUMNS) + "ORDER BY pl.name, pl.id");
        std::vector<core::PlaceView> places;
        while (true) {
            auto row = query.step();
            if (!row) {
                return tl::unexpected(row.error());
            }
            if (!*row) {
                return places;
            }
            places.push_back(place_view(query));
        }
    });
}

core::Result<std::vector<core::PlaceView>> SqliteCommunityStore::list_places_in(
    const std::vector<std::string>& places, const std::vector<std::string>& partnerships) {
    // One placeholder per id: scopes hold a handful, so the statements cached per shape stay few.
    auto placeholders = [](std::size_t count) {
        std::string out;
        for (std::size_t i = 0; i < count; ++i) {
            out += i == 0 ? "?" : ", ?";
        }
        return out;
    };
    const std::string sql = std::string(PLACE_COLUMNS) + "WHERE pl.id IN (" +
                            placeholders(places.size()) + ") OR pa.id IN (" +
                            placeholders(partnerships.size()) + ") ORDER BY pl.name, pl.id";
    return m_pool->read([&](Connection& c) -> core::Result<std::vector<core::PlaceView>> {
        Query query(c, sql);
        int index = 1;
        for (const std::string& id : places) {
            query.bind(index++, id);
        }
        for (const std::string& id : partnerships) {
            query.bind(index++, id);
        }
        std::vector<core::PlaceView> out;
        SAMSKAB_TRY(query.for_each_row([&] { out.push_back(place_view(query)); }));
        return out;
    });
}

core::Result<std::optional<core::PlaceView>> SqliteCommunityStore::find_place(
    std::string_view place) {
    return m_pool->read([&](Connection& c) -> core::Result<std::optional<core::PlaceView>> {
        Query query(c, std::string(PLACE_COLUMNS) + "WHERE pl.id = ?");
        query.bind(1, place);
        auto row = query.step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        if (!*row) {
            return std::nullopt;
        }
        return place_view(query);
    });
}

core::Result<std::vector<core::Partnership>> SqliteCommunityStore::list_partnerships() {
    return m_pool->read([&](Connection& c) -> core::Result<std::vector<core::Partnership>> {
        std::vector<core::Partnership> partnerships;
        {
            Query query(c, "SELECT id, name FROM partnerships ORDER BY name, id");
            while (true) {
                auto row = query.step();
                if (!row) {
                    return tl::unexpected(row.error());
                }
                if (!*row) {
                    break;
                }
                partnerships.push_back({query.text(0), query.text(1), {}});
            }
        }
        for (core::Partnership& p : partnerships) {
            Query query(c,
                        "SELECT o.id, o.name, o.kind FROM organisations o "
                        "JOIN partnerships pa ON pa.pk = o.partnership WHERE pa.id = ? "
                        "ORDER BY o.pk");
            query.bind(1, p.id);
            while (true) {
                auto row = query.step();
                if (!row) {
                    return tl::unexpected(row.error());
                }
                if (!*row) {
                    break;
                }
                p.organisations.push_back({query.text(0), query.text(1),
                                           core::parse_name<core::OrganisationKind>(query.text(2))
                                               .value_or(core::OrganisationKind::Other)});
            }
        }
        return partnerships;
    });
}

core::Result<std::string> SqliteCommunityStore::save_place(const core::Place& place) {
    if (is_blank(place.name)) {
        return tl::unexpected(error_da(ErrorCode::Invalid, Msg::Required, "name"));
    }
    if (!(place.support_threshold >= 0.0 && place.support_threshold <= 1.0)) {
        return tl::unexpected(
            error_da(ErrorCode::Invalid, Msg::ThresholdOutOfRange, "support_threshold"));
    }
    return m_pool->write([&](Connection& c) -> core::Result<std::string> {
        std::int64_t partnership = 0;
        SAMSKAB_TRY_SET(partnership,
                        require_key(c, Keyed::Partnerships, place.partnership, "partnership"));
        if (place.id.empty()) {
            std::string id;
            SAMSKAB_TRY_SET(id, new_id(c, Keyed::Places, "pl"));
            Query insert(c,
                         "INSERT INTO places (id, partnership, name, support_threshold) "
                         "VALUES (?, ?, ?, ?)");
            insert.bind(1, id).bind(2, partnership).bind(3, place.name);
            insert.bind(4, place.support_threshold);
            SAMSKAB_TRY(insert.run());
            return id;
        }
        Query update(c,
                     "UPDATE places SET partnership = ?, name = ?, support_threshold = ? "
                     "WHERE id = ?");
        update.bind(1, partnership).bind(2, place.name).bind(3, place.support_threshold);
        update.bind(4, place.id);
        SAMSKAB_TRY(update.run());
        if (c.db().changes() == 0) {
            return tl::unexpected(unknown(Msg::NounPlace, place.id, "place"));
        }
        return place.id;
    });
}

core::Result<std::optional<core::PersonSummary>> SqliteCommunityStore::find_person(
    std::string_view person, bool with_support_need) {
    return m_pool->read([&](Connection& c) -> core::Result<std::optional<core::PersonSummary>> {
        Query query(c, with_flag("SELECT p.id, p.name, ", with_support_need,
                                 " FROM people p WHERE p.id = ?"));
        query.bind(1, person);
        auto found = summaries(query, with_support_need);
        if (!found) {
            return tl::unexpected(found.error());
        }
        if (found->empty()) {
            return std::nullopt;
        }
        return std::move(found->front());
    });
}

core::Result<std::vector<core::PersonSummary>> SqliteCommunityStore::people_of(
    std::string_view partnership, bool with_support_need) {
    return m_pool->read([&](Connection& c) -> core::Result<std::vector<core::PersonSummary>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::Partnerships, partnership, "partnership"));
        Query query(c, with_flag(PEOPLE_OF, with_support_need, PEOPLE_OF_END));
        query.bind(1, key);
        return summaries(query, with_support_need);
    });
}

core::Result<core::PeoplePage> SqliteCommunityStore::people_page(std::string_view partnership,
                                                                 bool with_support_need,
                                                                 std::size_t offset,
                                                                 std::size_t limit) {
    return m_pool->read([&](Connection& c) -> core::Result<core::PeoplePage> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::Partnerships, partnership, "partnership"));
        core::PeoplePage page;
        // Both queries read the same snapshot, so the total matches the pages.
        Query count(c, std::string(PEOPLE_OF.substr(0, PEOPLE_OF.find("SELECT p.id"))) +
                           "SELECT count(*) FROM members");
        count.bind(1, key);
        SAMSKAB_TRY(count.step());
        page.total = static_cast<std::size_t>(count.integer(0));
        if (limit == 0 || offset >= page.total) {
            return page;
        }
        Query query(c,
                    with_flag(PEOPLE_OF, with_support_need, PEOPLE_OF_END) + " LIMIT ?2 OFFSET ?3");
        query.bind(1, key);
        query.bind(2, static_cast<std::int64_t>(limit)).bind(3, static_cast<std::int64_t>(offset));
        SAMSKAB_TRY_SET(page.people, summaries(query, with_support_need));
        return page;
    });
}

core::Result<std::vector<core::PersonSummary>> SqliteCommunityStore::search_people(
    std::string_view partnership, std::string_view query_text, int limit) {
    return m_pool->read([&](Connection& c) -> core::Result<std::vector<core::PersonSummary>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::Partnerships, partnership, "partnership"));
        if (limit <= 0) {
            return std::vector<core::PersonSummary>{};
        }
        Query query(c, SEARCH_PEOPLE);
        query.bind(1, key).bind(2, fold_name(query_text));
        query.bind(3, static_cast<std::int64_t>(limit));
        return summaries(query, false);
    });
}

core::Result<std::string> SqliteCommunityStore::create_person(const core::NewPerson& person) {
    if (is_blank(person.name)) {
        return tl::unexpected(error_da(ErrorCode::Invalid, Msg::Required, "name"));
    }
    return m_pool->write([&](Connection& c) -> core::Result<std::string> {
        std::int64_t partnership = 0;
        SAMSKAB_TRY_SET(partnership,
                        require_key(c, Keyed::Partnerships, person.partnership, "partnership"));
        std::string id;
        SAMSKAB_TRY_SET(id, new_id(c, Keyed::People, "p"));
        Query insert(c,
                     "INSERT INTO people (id, name, support_need, joined, entry_channel, "
                     "consent_support_need, consent_pathways) VALUES (?, ?, 0, ?, ?, 0, 0) "
                     "RETURNING pk");
        insert.bind(1, id).bind(2, person.name);
        if (person.joined) {
            insert.bind(3, date_text(*person.joined));
        }
        if (person.entry_channel) {
            insert.bind(4, core::name_of(*person.entry_channel));
        }
        auto row = insert.step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        const std::int64_t pk = insert.integer(0);
        SAMSKAB_TRY(insert.run());
        Query member(c, "INSERT INTO memberships (person, partnership) VALUES (?, ?)");
        member.bind(1, pk).bind(2, partnership);
        SAMSKAB_TRY(member.run());
        return id;
    });
}

core::Result<std::vector<std::string>> SqliteCommunityStore::partnership_ids(Connection& c,
                                                                             std::int64_t person) {
    Query query(c, PARTNERSHIPS_OF);
    query.bind(1, person);
    std::vector<std::string> ids;
    while (true) {
        auto row = query.step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        if (!*row) {
            return ids;
        }
        ids.push_back(query.text(0));
    }
}

core::Result<std::vector<std::string>> SqliteCommunityStore::partnerships_of(
    std::string_view person) {
    return m_pool->read([&](Connection& c) -> core::Result<std::vector<std::string>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::People, person, "person"));
        return partnership_ids(c, key);
    });
}

}  // namespace samskab::storage::sqlite
