// SqliteCommunityStore: the host's day (check-in, newcomers, introductions), the logbook, the
// host rota and the action items of causes.
#include <algorithm>
#include <map>

#include "storage/sqlite/sqlite_community_store.h"
#include "storage/sqlite/sqlite_fields.h"
#include "storage/sqlite/sqlite_visits.h"

namespace samskab::storage::sqlite {

namespace {

using core::ErrorCode;
using core::Msg;

constexpr core::Day MAX_ROTA_DAYS = 366;

// The person hosting `place` on `day`, if anyone.
core::Result<std::optional<std::int64_t>> host_of(Connection& c, std::int64_t place,
                                                  core::Day day) {
    Query query(c, "SELECT person FROM host_rota WHERE place = ? AND day = ?");
    query.bind(1, place).bind(2, date_text(day));
    auto row = query.step();
    if (!row) {
        return tl::unexpected(row.error());
    }
    if (!*row) {
        return std::nullopt;
    }
    return query.integer(0);
}

core::Result<void> set_host(Connection& c, std::int64_t place, core::Day day,
                            std::optional<std::int64_t> person) {
    if (!person) {
        Query remove(c, "DELETE FROM host_rota WHERE place = ? AND day = ?");
        remove.bind(1, place).bind(2, date_text(day));
        return remove.run();
    }
    Query upsert(c,
                 "INSERT INTO host_rota (place, day, person) VALUES (?, ?, ?) "
                 "ON CONFLICT (place, day) DO UPDATE SET person = excluded.person");
    upsert.bind(1, place).bind(2, date_text(day)).bind(3, *person);
    return upsert.run();
}

}  // namespace

core::Result<void> SqliteCommunityStore::check_in(std::string_view person, std::string_view place,
                                                  core::Day day) {
    return m_pool->write([&](Connection& c) -> core::Result<void> {
        std::int64_t person_key = 0, place_key = 0;
        SAMSKAB_TRY_SET(person_key, require_key(c, Keyed::People, person, "person"));
        SAMSKAB_TRY_SET(place_key, require_key(c, Keyed::Places, place, "place"));
        return record_visit(c, person_key, place_key, day);
    });
}

core::Result<std::vector<core::CheckInView>> SqliteCommunityStore::checked_in(
    std::string_view place, core::Day day) {
    return m_pool->read([&](Connection& c) -> core::Result<std::vector<core::CheckInView>> {
        std::int64_t place_key = 0;
        SAMSKAB_TRY_SET(place_key, require_key(c, Keyed::Places, place, "place"));
        // Whether an earlier visit exists is one probe of the visits key (person, place, date).
        Query query(c,
                    "SELECT p.id, p.name, p.joined, EXISTS (SELECT 1 FROM visits e "
                    "WHERE e.person = v.person AND e.place = v.place AND e.date < v.date) "
                    "FROM visits v JOIN people p ON p.pk = v.person "
                    "WHERE v.place = ? AND v.date = ? ORDER BY p.name, p.id");
        query.bind(1, place_key).bind(2, date_text(day));
        std::vector<core::CheckInView> out;
        while (true) {
            auto row = query.step();
            if (!row) {
                return tl::unexpected(row.error());
            }
            if (!*row) {
                return out;
            }
            core::CheckInView view;
            view.person = {query.text(0), query.text(1), std::nullopt};
            const bool first_visit = query.integer(3) == 0;
            const bool recently_joined =
                !query.is_null(2) && day - date_of_text(query.text(2)) <= core::NEWCOMER_DAYS;
            view.newcomer = first_visit || recently_joined;
            out.push_back(std::move(view));
        }
    });
}

core::Result<void> SqliteCommunityStore::introduce(std::string_view a, std::string_view b,
                                                   core::Day day) {
    if (a == b) {
        return tl::unexpected(error_da(ErrorCode::Invalid, Msg::SelfRelation, "b"));
    }
    return m_pool->write([&](Connection& c) -> core::Result<void> {
        std::int64_t a_key = 0, b_key = 0;
        SAMSKAB_TRY_SET(a_key, require_key(c, Keyed::People, a, "a"));
        SAMSKAB_TRY_SET(b_key, require_key(c, Keyed::People, b, "b"));
        // One spelling per pair, as the importer stores it: `a` is the id that sorts first.
        if (b < a) {
            std::swap(a_key, b_key);
        }
        Query open(c,
                   "SELECT 1 FROM relations WHERE a = ? AND b = ? "
                   "AND (until IS NULL OR until >= ?)");
        open.bind(1, a_key).bind(2, b_key).bind(3, date_text(day));
        auto exists = open.step();
        if (!exists) {
            return tl::unexpected(exists.error());
        }
        if (*exists) {
            return tl::unexpected(
                error_da(ErrorCode::Conflict, Msg::OverlappingRelation, "b", {a, b, "relations"}));
        }
        Query insert(c,
                     "INSERT INTO relations (a, b, since, until, source) "
                     "VALUES (?, ?, ?, NULL, 'host_introduction')");
        insert.bind(1, a_key).bind(2, b_key).bind(3, date_text(day));
        return insert.run();
    });
}

core::Result<std::int64_t> SqliteCommunityStore::add_logbook_note(const core::LogbookNote& note) {
    if (is_blank(note.text)) {
        return tl::unexpected(error_da(ErrorCode::Invalid, Msg::Required, "text"));
    }
    return m_pool->write([&](Connection& c) -> core::Result<std::int64_t> {
        std::int64_t place = 0;
        SAMSKAB_TRY_SET(place, require_key(c, Keyed::Places, note.place, "place"));
        bool author = false;
        SAMSKAB_TRY_SET(author, account_exists(c, note.author));
        if (!author) {
            return tl::unexpected(unknown_da("konto", std::to_string(note.author), "author"));
        }
        Query insert(c,
                     "INSERT INTO logbook_notes (place, day, author, text, written_at) "
                     "VALUES (?, ?, ?, CASE WHEN samskab_encrypted() THEN '' ELSE ?4 END, ?) "
                     "RETURNING pk");
        insert.bind(1, place).bind(2, date_text(note.day)).bind(3, note.author);
        insert.bind(4, note.text).bind(5, time_text(note.written_at));
        auto row = insert.step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        const std::int64_t id = insert.integer(0);
        SAMSKAB_TRY(insert.run());
        // The text is sealed to the note's own row (sqlite_fields.h), known only now.
        Query seal(c,
                   "UPDATE logbook_notes SET text_sealed = "
                   "samskab_hide(?1, 'logbook_notes.text:' || pk) "
                   "WHERE pk = ?2 AND samskab_encrypted()");
        seal.bind(1, note.text).bind(2, id);
        SAMSKAB_TRY(seal.run());
        return id;
    });
}

core::Result<std::vector<core::LogbookNote>> SqliteCommunityStore::logbook_notes(
    std::string_view place, core::Day from, core::Day to) {
    return m_pool->read([&](Connection& c) -> core::Result<std::vector<core::LogbookNote>> {
        std::int64_t place_key = 0;
        SAMSKAB_TRY_SET(place_key, require_key(c, Keyed::Places, place, "place"));
        // The author's name as the account has it now; empty once the account is removed.
        Query query(c, "SELECT n.pk, n.day, n.author, coalesce(ac.name, ''), " +
                           std::string(NOTE_TEXT) +
                           ", n.written_at "
                           "FROM logbook_notes n LEFT JOIN accounts ac ON ac.pk = n.author "
                           "WHERE n.place = ? AND n.day BETWEEN ? AND ? "
                           "ORDER BY n.day DESC, n.written_at DESC, n.pk DESC");
        query.bind(1, place_key).bind(2, date_text(from)).bind(3, date_text(to));
        std::vector<core::LogbookNote> out;
        while (true) {
            auto row = query.step();
            if (!row) {
                return tl::unexpected(row.error());
            }
            if (!*row) {
                return out;
            }
            out.push_back({query.integer(0), std::string(place), date_of_text(query.text(1)),
                           query.integer(2), query.text(3), query.text(4),
                           time_of_text(query.text(5))});
        }
    });
}

core::Result<std::vector<core::RotaDay>> SqliteCommunityStore::rota(std::string_view place,
                                                                    core::Day from, core::Day to) {
    if (to - from >= MAX_ROTA_DAYS) {
        return tl::unexpected(error_da(ErrorCode::Invalid, Msg::ScheduleTooLong, "to", {"1"}));
    }
    return m_pool->read([&](Connection& c) -> core::Result<std::vector<core::RotaDay>> {
        std::int64_t place_key = 0;
        SAMSKAB_TRY_SET(place_key, require_key(c, Keyed::Places, place, "place"));
        std::vector<core::RotaDay> days;
        for (core::Day day = from; day <= to; ++day) {
            days.push_back({day, std::nullopt});
        }
        Query query(c,
                    "SELECT r.day, p.id, p.name FROM host_rota r JOIN people p ON p.pk = r.person "
                    "WHERE r.place = ? AND r.day BETWEEN ? AND ?");
        query.bind(1, place_key).bind(2, date_text(from)).bind(3, date_text(to));
        while (true) {
            auto row = query.step();
            if (!row) {
                return tl::unexpected(row.error());
            }
            if (!*row) {
                return days;
            }
            const core::Day day = date_of_text(query.text(0));
            if (day >= from && day <= to) {
                days[static_cast<size_t>(day - from)].host =
                    core::PersonSummary{query.text(1), query.text(2), std::nullopt};
            }
        }
    });
}

core::Result<void> SqliteCommunityStore::take_rota_day(std::string_view place, core::Day day,
                                                       std::string_view person) {
    return m_pool->write([&](Connection& c) -> core::Result<void> {
        std::int64_t place_key = 0, person_key = 0;
        SAMSKAB_TRY_SET(place_key, require_key(c, Keyed::Places, place, "place"));
        SAMSKAB_TRY_SET(person_key, require_key(c, Keyed::People, person, "person"));
        std::optional<std::int64_t> host;
        SAMSKAB_TRY_SET(host, host_of(c, place_key, day));
        if (host && *host != person_key) {
            return tl::unexpected(
                error_da(ErrorCode::Conflict, Msg::DuplicateRecord, "day", {"host_rota"}));
        }
        return set_host(c, place_key, day, person_key);
    });
}

core::Result<void> SqliteCommunityStore::release_rota_day(std::string_view place, core::Day day,
                                                          std::string_view person) {
    return m_pool->write([&](Connection& c) -> core::Result<void> {
        std::int64_t place_key = 0, person_key = 0;
        SAMSKAB_TRY_SET(place_key, require_key(c, Keyed::Places, place, "place"));
        SAMSKAB_TRY_SET(person_key, require_key(c, Keyed::People, person, "person"));
        Query remove(c, "DELETE FROM host_rota WHERE place = ? AND day = ? AND person = ?");
        remove.bind(1, place_key).bind(2, date_text(day)).bind(3, person_key);
        SAMSKAB_TRY(remove.run());
        if (c.db().changes() == 0) {
            return tl::unexpected(unknown_da("værtsdag", date_text(day), "day"));
        }
        return {};
    });
}

core::Result<void> SqliteCommunityStore::swap_rota_days(std::string_view place, core::Day first,
                                                        core::Day second) {
    return m_pool->write([&](Connection& c) -> core::Result<void> {
        std::int64_t place_key = 0;
        SAMSKAB_TRY_SET(place_key, require_key(c, Keyed::Places, place, "place"));
        std::optional<std::int64_t> first_host, second_host;
        SAMSKAB_TRY_SET(first_host, host_of(c, place_key, first));
        SAMSKAB_TRY_SET(second_host, host_of(c, place_key, second));
        SAMSKAB_TRY(set_host(c, place_key, first, second_host));
        return set_host(c, place_key, second, first_host);
    });
}

core::Result<std::int64_t> SqliteCommunityStore::add_action_item(const core::ActionItem& item) {
    if (is_blank(item.text)) {
        return tl::unexpected(error_da(ErrorCode::Invalid, Msg::Required, "text"));
    }
    return m_pool->write([&](Connection& c) -> core::Result<std::int64_t> {
        std::int64_t activity = 0;
        SAMSKAB_TRY_SET(activity, require_key(c, Keyed::Activities, item.activity, "activity"));
        Query insert(c,
                     "INSERT INTO action_items (activity, text, due, done) VALUES (?, ?, ?, ?) "
                     "RETURNING pk");
        insert.bind(1, activity).bind(2, item.text);
        if (item.due) {
            insert.bind(3, date_text(*item.due));
        }
        insert.bind(4, std::int64_t{item.done});
        auto row = insert.step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        const std::int64_t id = insert.integer(0);
        SAMSKAB_TRY(insert.run());
        return id;
    });
}

core::Result<void> SqliteCommunityStore::set_action_item_done(std::int64_t item, bool done) {
    return m_pool->write([&](Connection& c) -> core::Result<void> {
        Query update(c, "UPDATE action_items SET done = ? WHERE pk = ?");
        update.bind(1, std::int64_t{done}).bind(2, item);
        SAMSKAB_TRY(update.run());
        if (c.db().changes() == 0) {
            return tl::unexpected(unknown_da("handlingspunkt", std::to_string(item), "item"));
        }
        return {};
    });
}

}  // namespace samskab::storage::sqlite
