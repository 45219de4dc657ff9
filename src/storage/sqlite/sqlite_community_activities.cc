// SqliteCommunityStore: activities, occurrences and participation.
#include <algorithm>
#include <tuple>

#include "core/schedule.h"
#include "storage/sqlite/sqlite_community_store.h"
#include "storage/sqlite/sqlite_fields.h"

namespace samskab::storage::sqlite {

namespace {

using core::ErrorCode;
using core::Msg;

// The columns of an OccurrenceView; ?4 is the key of the person whose `joined` is asked for
// (NULL: nobody).
#define SAMSKAB_OCCURRENCE_COLUMNS                                                         \
    "SELECT o.id, a.id, o.start, o.end, a.title, a.kind, pl.id, pl.name, "                 \
    "(SELECT count(*) FROM participations x WHERE x.occurrence = o.pk), "                  \
    "EXISTS (SELECT 1 FROM participations x WHERE x.occurrence = o.pk AND x.person = ?4) " \
    "FROM places pl JOIN activities a ON a.place = pl.pk "                                 \
    "JOIN occurrences o ON o.activity = a.pk "

constexpr std::string_view OCCURRENCES_AT_PLACE =
    SAMSKAB_OCCURRENCE_COLUMNS "WHERE pl.id = ?1 AND o.start >= ?2 AND o.start < ?3";

// Listings kept at most; stale ones are dropped first.
constexpr size_t MAX_LISTINGS = 4096;
constexpr std::string_view UPCOMING_OF_ACTIVITY =
    SAMSKAB_OCCURRENCE_COLUMNS "WHERE a.pk = ?1 AND o.start >= ?2 ORDER BY o.start, o.id LIMIT ?3";
constexpr std::string_view ONE_OCCURRENCE = SAMSKAB_OCCURRENCE_COLUMNS "WHERE o.id = ?1";
constexpr std::string_view OCCURRENCES_JOINED = SAMSKAB_OCCURRENCE_COLUMNS
    "JOIN participations j ON j.occurrence = o.pk AND j.person = ?4 ORDER BY o.start, o.id";

#undef SAMSKAB_OCCURRENCE_COLUMNS

core::OccurrenceView occurrence_view(const Query& q) {
    core::OccurrenceView view;
    view.occurrence = {q.text(0), q.text(1), time_of_text(q.text(2)), time_of_text(q.text(3))};
    view.activity_title = q.text(4);
    view.activity_kind =
        core::parse_name<core::ActivityKind>(q.text(5)).value_or(core::ActivityKind::Fixed);
    view.place = q.text(6);
    view.place_name = q.text(7);
    view.participants = static_cast<int>(q.integer(8));
    view.joined = q.integer(9) != 0;
    return view;
}

core::Result<void> read_views(Query& query, std::vector<core::OccurrenceView>& out) {
    while (true) {
        auto row = query.step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        if (!*row) {
            return {};
        }
        out.push_back(occurrence_view(query));
    }
}

// The key of `person` for a `joined` column, or nullopt for nobody. NotFound for an unknown id.
core::Result<std::optional<std::int64_t>> viewer(Connection& c, std::string_view person) {
    if (person.empty()) {
        return std::nullopt;
    }
    auto key = require_key(c, Keyed::People, person, "person");
    if (!key) {
        return tl::unexpected(key.error());
    }
    return *key;
}

core::Activity activity_of(const Query& q) {
    core::Activity a;
    a.id = q.text(0);
    a.place = q.text(1);
    a.title = q.text(2);
    a.kind = core::parse_name<core::ActivityKind>(q.text(3)).value_or(core::ActivityKind::Fixed);
    if (!q.is_null(4)) {
        a.initiated_by = q.text(4);
    }
    a.created = date_of_text(q.text(5));
    return a;
}

constexpr std::string_view ACTIVITY_COLUMNS =
    "SELECT a.id, pl.id, a.title, a.kind, ip.id, a.created, pl.name, coalesce(ip.name, ''), "
    "a.pk FROM activities a JOIN places pl ON pl.pk = a.place "
    "LEFT JOIN people ip ON ip.pk = a.initiated_by ";

struct OccurrenceRow {
    std::int64_t pk = 0;
    core::LocalTime end = 0;
};

// The occurrence's key and end. NotFound "occurrence".
core::Result<OccurrenceRow> occurrence_row(Connection& c, std::string_view occurrence) {
    Query query(c, "SELECT pk, end FROM occurrences WHERE id = ?");
    query.bind(1, occurrence);
    auto row = query.step();
    if (!row) {
        return tl::unexpected(row.error());
    }
    if (!*row) {
        return tl::unexpected(unknown(Msg::NounOccurrence, occurrence, "occurrence"));
    }
    return OccurrenceRow{query.integer(0), time_of_text(query.text(1))};
}

// Person and occurrence of a join or leave, refused once the occurrence has ended.
core::Result<std::pair<std::int64_t, std::int64_t>> open_participation(Connection& c,
                                                                       std::string_view person,
                                                                       std::string_view occurrence,
                                                                       core::LocalTime now) {
    std::int64_t person_key = 0;
    SAMSKAB_TRY_SET(person_key, require_key(c, Keyed::People, person, "person"));
    OccurrenceRow row;
    SAMSKAB_TRY_SET(row, occurrence_row(c, occurrence));
    if (row.end <= now) {
        return tl::unexpected(error_da(ErrorCode::Conflict, Msg::AlreadyEnded, "occurrence"));
    }
    return std::make_pair(person_key, row.pk);
}

}  // namespace

core::Result<std::vector<core::Activity>> SqliteCommunityStore::activities_at(
    std::string_view place) {
    return m_pool->read([&](Connection& c) -> core::Result<std::vector<core::Activity>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::Places, place, "place"));
        Query query(c, std::string(ACTIVITY_COLUMNS) + "WHERE a.place = ? ORDER BY a.title, a.id");
        query.bind(1, key);
        std::vector<core::Activity> out;
        while (true) {
            auto row = query.step();
            if (!row) {
                return tl::unexpected(row.error());
            }
            if (!*row) {
                return out;
            }
            out.push_back(activity_of(query));
        }
    });
}

core::Result<SqliteCommunityStore::Views> SqliteCommunityStore::listing(Connection& c,
                                                                        const ListingKey& key) {
    const std::optional<std::uint64_t> generation = c.generation();
    if (generation) {
        std::lock_guard lock(m_listings_mutex);
        auto it = m_listings.find(key);
        if (it != m_listings.end() && it->second.generation == *generation) {
            return it->second.views;
        }
    }
    auto views = std::make_shared<std::vector<core::OccurrenceView>>();
    {
        Query query(c, OCCURRENCES_AT_PLACE);
        query.bind(1, key.place);
        query.bind(2, time_text(static_cast<core::LocalTime>(key.first) * 86400));
        query.bind(3, time_text(static_cast<core::LocalTime>(key.last + 1) * 86400));
        query.bind_null(4);
        SAMSKAB_TRY(read_views(query, *views));
    }
    if (generation) {
        std::lock_guard lock(m_listings_mutex);
        if (m_listings.size() >= MAX_LISTINGS) {
            std::erase_if(m_listings, [&](const auto& entry) {
                return entry.second.generation != *generation;
            });
            if (m_listings.size() >= MAX_LISTINGS) {
                m_listings.clear();
            }
        }
        m_listings[key] = Listing{*generation, views};
    }
    return views;
}

core::Result<std::vector<core::OccurrenceView>> SqliteCommunityStore::occurrences_between(
    const std::vector<std::string>& places, core::LocalTime from, core::LocalTime to,
    std::string_view person) {
    std::vector<std::string> distinct = places;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    return m_pool->read([&](Connection& c) -> core::Result<std::vector<core::OccurrenceView>> {
        std::optional<std::int64_t> who;
        SAMSKAB_TRY_SET(who, viewer(c, person));
        std::vector<core::OccurrenceView> out;
        if (to <= from) {
            return out;
        }
        // Whole days, so that requests made at different times of a day share a listing.
        const core::Day first = core::day_of(from);
        const core::Day last = core::day_of(to - 1);
        for (const std::string& place : distinct) {
            Views views;
            SAMSKAB_TRY_SET(views, listing(c, ListingKey{place, first, last}));
            for (const core::OccurrenceView& view : *views) {
                if (view.occurrence.start >= from && view.occurrence.start < to) {
                    out.push_back(view);
                }
            }
        }
        std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
            return std::tie(x.occurrence.start, x.occurrence.id) <
                   std::tie(y.occurrence.start, y.occurrence.id);
        });
        if (!who || out.empty()) {
            return out;
        }
        // The person's own participations in the window: a few rows of their index.
        Query mine(c,
                   "SELECT o.id FROM participations x JOIN occurrences o ON o.pk = x.occurrence "
                   "WHERE x.person = ? AND o.start >= ? AND o.start < ?");
        mine.bind(1, *who).bind(2, time_text(from)).bind(3, time_text(to));
        std::vector<std::string> joined;
        while (true) {
            auto row = mine.step();
            if (!row) {
                return tl::unexpected(row.error());
            }
            if (!*row) {
                break;
            }
            joined.push_back(mine.text(0));
        }
        std::sort(joined.begin(), joined.end());
        for (core::OccurrenceView& view : out) {
            view.joined = std::binary_search(joined.begin(), joined.end(), view.occurrence.id);
        }
        return out;
    });
}

core::Result<std::optional<core::ActivityView>> SqliteCommunityStore::find_activity(
    std::string_view activity, core::LocalTime from, int limit, std::string_view person) {
    return m_pool->read([&](Connection& c) -> core::Result<std::optional<core::ActivityView>> {
        std::optional<std::int64_t> who;
        SAMSKAB_TRY_SET(who, viewer(c, person));
        core::ActivityView view;
        std::int64_t key = 0;
        {
            Query query(c, std::string(ACTIVITY_COLUMNS) + "WHERE a.id = ?");
            query.bind(1, activity);
            auto row = query.step();
            if (!row) {
                return tl::unexpected(row.error());
            }
            if (!*row) {
                return std::nullopt;
            }
            view.activity = activity_of(query);
            view.place_name = query.text(6);
            view.initiator_name = query.text(7);
            key = query.integer(8);
        }
        if (limit > 0) {
            Query upcoming(c, UPCOMING_OF_ACTIVITY);
            upcoming.bind(1, key).bind(2, time_text(from));
            upcoming.bind(3, static_cast<std::int64_t>(limit)).bind(4, who);
            SAMSKAB_TRY(read_views(upcoming, view.upcoming));
        }
        {
            Query schedules(c,
                            "SELECT pk, weekday, start_minute, end_minute, from_date, until "
                            "FROM schedules WHERE activity = ? ORDER BY pk");
            schedules.bind(1, key);
            while (true) {
                auto row = schedules.step();
                if (!row) {
                    return tl::unexpected(row.error());
                }
                if (!*row) {
                    break;
                }
                view.schedules.push_back(
                    {schedules.integer(0), view.activity.id, static_cast<int>(schedules.integer(1)),
                     static_cast<int>(schedules.integer(2)), static_cast<int>(schedules.integer(3)),
                     date_of_text(schedules.text(4)), date_of_text(schedules.text(5))});
            }
        }
        Query items(c,
                    "SELECT pk, text, due, done FROM action_items WHERE activity = ? ORDER BY pk");
        items.bind(1, key);
        while (true) {
            auto row = items.step();
            if (!row) {
                return tl::unexpected(row.error());
            }
            if (!*row) {
                break;
            }
            core::ActionItem item{items.integer(0), view.activity.id, items.text(1), std::nullopt,
                                  items.integer(3) != 0};
            if (!items.is_null(2)) {
                item.due = date_of_text(items.text(2));
            }
            view.action_items.push_back(std::move(item));
        }
        return view;
    });
}

core::Result<std::string> SqliteCommunityStore::create_activity(const core::NewActivity& activity) {
    if (is_blank(activity.title)) {
        return tl::unexpected(error_da(ErrorCode::Invalid, Msg::Required, "title"));
    }
    return m_pool->write([&](Connection& c) -> core::Result<std::string> {
        std::int64_t place = 0;
        SAMSKAB_TRY_SET(place, require_key(c, Keyed::Places, activity.place, "place"));
        std::optional<std::int64_t> initiator;
        if (activity.initiated_by) {
            SAMSKAB_TRY_SET(initiator,
                            require_key(c, Keyed::People, *activity.initiated_by, "initiated_by"));
        }
        std::string id;
        SAMSKAB_TRY_SET(id, new_id(c, Keyed::Activities, "a"));
        Query insert(c,
                     "INSERT INTO activities (id, place, title, kind, initiated_by, created) "
                     "VALUES (?, ?, ?, ?, ?, ?)");
        insert.bind(1, id).bind(2, place).bind(3, activity.title);
        insert.bind(4, core::name_of(activity.kind)).bind(5, initiator);
        insert.bind(6, date_text(activity.created));
        SAMSKAB_TRY(insert.run());
        return id;
    });
}

core::Result<void> SqliteCommunityStore::rename_activity(std::string_view activity,
                                                         std::string_view title) {
    if (is_blank(title)) {
        return tl::unexpected(error_da(ErrorCode::Invalid, Msg::Required, "title"));
    }
    return m_pool->write([&](Connection& c) -> core::Result<void> {
        Query update(c, "UPDATE activities SET title = ? WHERE id = ?");
        update.bind(1, title).bind(2, activity);
        SAMSKAB_TRY(update.run());
        if (c.db().changes() == 0) {
            return tl::unexpected(unknown(Msg::NounActivity, activity, "activity"));
        }
        return {};
    });
}

core::Result<int> SqliteCommunityStore::add_schedule(const core::WeeklySchedule& schedule) {
    SAMSKAB_TRY(core::validate_schedule(schedule, core::Lang::Da));
    return m_pool->write([&](Connection& c) -> core::Result<int> {
        std::int64_t activity = 0;
        SAMSKAB_TRY_SET(activity, require_key(c, Keyed::Activities, schedule.activity, "activity"));
        Query rule(c,
                   "INSERT INTO schedules (activity, weekday, start_minute, end_minute, "
                   "from_date, until) VALUES (?, ?, ?, ?, ?, ?)");
        rule.bind(1, activity).bind(2, static_cast<std::int64_t>(schedule.weekday));
        rule.bind(3, static_cast<std::int64_t>(schedule.start_minute));
        rule.bind(4, static_cast<std::int64_t>(schedule.end_minute));
        rule.bind(5, date_text(schedule.from)).bind(6, date_text(schedule.until));
        SAMSKAB_TRY(rule.run());
        int added = 0;
        for (const core::Occurrence& o : core::expand_schedule(schedule)) {
            // An occurrence already at this start (planned by hand, or by an earlier rule) is
            // kept with its participants.
            Query insert(c,
                         "INSERT INTO occurrences (id, activity, start, end) "
                         "SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS (SELECT 1 FROM occurrences "
                         "WHERE activity = ?2 AND start = ?3) ON CONFLICT (id) DO NOTHING");
            insert.bind(1, o.id).bind(2, activity).bind(3, time_text(o.start));
            insert.bind(4, time_text(o.end));
            SAMSKAB_TRY(insert.run());
            added += static_cast<int>(c.db().changes());
        }
        return added;
    });
}

core::Result<std::string> SqliteCommunityStore::add_occurrence(std::string_view activity,
                                                               core::LocalTime start,
                                                               core::LocalTime end) {
    if (end <= start) {
        return tl::unexpected(error_da(ErrorCode::Invalid, Msg::EndNotAfterStart, "end"));
    }
    return m_pool->write([&](Connection& c) -> core::Result<std::string> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::Activities, activity, "activity"));
        std::string id;
        SAMSKAB_TRY_SET(id, new_id(c, Keyed::Occurrences, "o"));
        Query insert(c, "INSERT INTO occurrences (id, activity, start, end) VALUES (?, ?, ?, ?)");
        insert.bind(1, id).bind(2, key).bind(3, time_text(start)).bind(4, time_text(end));
        SAMSKAB_TRY(insert.run());
        return id;
    });
}

core::Result<std::vector<core::OccurrenceView>> SqliteCommunityStore::occurrences_joined(
    std::string_view person) {
    return m_pool->read([&](Connection& c) -> core::Result<std::vector<core::OccurrenceView>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::People, person, "person"));
        Query query(c, OCCURRENCES_JOINED);
        query.bind(4, key);
        std::vector<core::OccurrenceView> out;
        SAMSKAB_TRY(read_views(query, out));
        return out;
    });
}

core::Result<std::optional<core::OccurrenceDetail>> SqliteCommunityStore::find_occurrence(
    std::string_view occurrence, bool with_support_need) {
    return m_pool->read([&](Connection& c) -> core::Result<std::optional<core::OccurrenceDetail>> {
        core::OccurrenceDetail detail;
        {
            Query query(c, ONE_OCCURRENCE);
            query.bind(1, occurrence).bind_null(4);
            auto row = query.step();
            if (!row) {
                return tl::unexpected(row.error());
            }
            if (!*row) {
                return std::nullopt;
            }
            detail.occurrence = occurrence_view(query);
        }
        // The flag is opened only when it is asked for.
        Query people(c, "SELECT p.id, p.name, " +
                            std::string(with_support_need ? SUPPORT_NEED : "0") +
                            ", x.role FROM occurrences o "
                            "JOIN participations x ON x.occurrence = o.pk "
                            "JOIN people p ON p.pk = x.person WHERE o.id = ? "
                            "ORDER BY p.name, p.id");
        people.bind(1, occurrence);
        while (true) {
            auto row = people.step();
            if (!row) {
                return tl::unexpected(row.error());
            }
            if (!*row) {
                break;
            }
            core::ParticipantView participant;
            participant.person = {people.text(0), people.text(1), std::nullopt};
            if (with_support_need) {
                participant.person.support_need = people.integer(2) != 0;
            }
            participant.role =
                core::parse_name<core::Role>(people.text(3)).value_or(core::Role::Active);
            detail.participants.push_back(std::move(participant));
        }
        return detail;
    });
}

core::Result<void> SqliteCommunityStore::join(std::string_view person, std::string_view occurrence,
                                              core::LocalTime now) {
    return m_pool->write([&](Connection& c) -> core::Result<void> {
        std::pair<std::int64_t, std::int64_t> keys;
        SAMSKAB_TRY_SET(keys, open_participation(c, person, occurrence, now));
        Query insert(c,
                     "INSERT INTO participations (occurrence, person, role) "
                     "VALUES (?, ?, 'active') ON CONFLICT DO NOTHING");
        insert.bind(1, keys.second).bind(2, keys.first);
        return insert.run();
    });
}

core::Result<void> SqliteCommunityStore::leave(std::string_view person, std::string_view occurrence,
                                               core::LocalTime now) {
    return m_pool->write([&](Connection& c) -> core::Result<void> {
        std::pair<std::int64_t, std::int64_t> keys;
        SAMSKAB_TRY_SET(keys, open_participation(c, person, occurrence, now));
        Query remove(c, "DELETE FROM participations WHERE occurrence = ? AND person = ?");
        remove.bind(1, keys.second).bind(2, keys.first);
        return remove.run();
    });
}

core::Result<void> SqliteCommunityStore::set_role(std::string_view person,
                                                  std::string_view occurrence, core::Role role) {
    return m_pool->write([&](Connection& c) -> core::Result<void> {
        std::int64_t person_key = 0;
        SAMSKAB_TRY_SET(person_key, require_key(c, Keyed::People, person, "person"));
        std::int64_t occurrence_key = 0;
        SAMSKAB_TRY_SET(occurrence_key,
                        require_key(c, Keyed::Occurrences, occurrence, "occurrence"));
        Query update(c, "UPDATE participations SET role = ? WHERE occurrence = ? AND person = ?");
        update.bind(1, core::name_of(role)).bind(2, occurrence_key).bind(3, person_key);
        SAMSKAB_TRY(update.run());
        if (c.db().changes() == 0) {
            return tl::unexpected(unknown_da("deltagelse", person, "participation"));
        }
        return {};
    });
}

}  // namespace samskab::storage::sqlite
