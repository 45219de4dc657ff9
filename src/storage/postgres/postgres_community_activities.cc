// PostgresCommunityStore: activities, occurrences and participation.
#include <algorithm>
#include <tuple>

#include "core/schedule.h"
#include "core/vocabulary.h"
#include "storage/postgres/postgres_community_common.h"
#include "storage/postgres/postgres_community_store.h"

namespace samskab::storage::postgres {

namespace {

using core::ErrorCode;
using core::Msg;
using Tx = pqxx::transaction_base;

// The columns of an OccurrenceView; $2 is the key of the person whose `joined` is asked for
// (NULL: nobody).
constexpr std::string_view OCCURRENCE_COLUMNS =
    "SELECT o.id, a.id, o.start, o.\"end\", a.title, a.kind, pl.id, pl.name, "
    "(SELECT count(*) FROM participations x WHERE x.occurrence = o.pk), "
    "EXISTS (SELECT 1 FROM participations x WHERE x.occurrence = o.pk AND x.person = $2) "
    "FROM places pl JOIN activities a ON a.place = pl.pk "
    "JOIN occurrences o ON o.activity = a.pk ";

core::OccurrenceView occurrence_view(const pqxx::row& row) {
    core::OccurrenceView view;
    view.occurrence = {row[0].as<std::string>(), row[1].as<std::string>(),
                       time_of_text(row[2].as<std::string>()),
                       time_of_text(row[3].as<std::string>())};
    view.activity_title = row[4].as<std::string>();
    view.activity_kind = core::parse_name<core::ActivityKind>(row[5].as<std::string>())
                             .value_or(core::ActivityKind::Fixed);
    view.place = row[6].as<std::string>();
    view.place_name = row[7].as<std::string>();
    view.participants = static_cast<int>(row[8].as<std::int64_t>());
    view.joined = row[9].as<bool>();
    return view;
}

// The key of `person` for a `joined` column, or nullopt for nobody. NotFound for an unknown id.
core::Result<std::optional<std::int64_t>> viewer(Tx& tx, std::string_view person) {
    if (person.empty()) {
        return std::nullopt;
    }
    auto key = require_key(tx, Keyed::People, person, "person");
    if (!key) {
        return tl::unexpected(key.error());
    }
    return *key;
}

constexpr std::string_view ACTIVITY_COLUMNS =
    "SELECT a.id, pl.id, a.title, a.kind, ip.id, a.created, pl.name, coalesce(ip.name, ''), "
    "a.pk FROM activities a JOIN places pl ON pl.pk = a.place "
    "LEFT JOIN people ip ON ip.pk = a.initiated_by ";

core::Activity activity_of(const pqxx::row& row) {
    core::Activity a;
    a.id = row[0].as<std::string>();
    a.place = row[1].as<std::string>();
    a.title = row[2].as<std::string>();
    a.kind = core::parse_name<core::ActivityKind>(row[3].as<std::string>())
                 .value_or(core::ActivityKind::Fixed);
    a.initiated_by = optional_text(row[4]);
    a.created = date_of_text(row[5].as<std::string>());
    return a;
}

struct OccurrenceRow {
    std::int64_t pk = 0;
    core::LocalTime end = 0;
};

// The occurrence's key and end. NotFound "occurrence".
core::Result<OccurrenceRow> occurrence_row(Tx& tx, std::string_view occurrence) {
    const pqxx::result rows = tx.exec_params("SELECT pk, \"end\" FROM occurrences WHERE id = $1",
                                             std::string(occurrence));
    if (rows.empty()) {
        return tl::unexpected(unknown(Msg::NounOccurrence, occurrence, "occurrence"));
    }
    return OccurrenceRow{rows[0][0].as<std::int64_t>(), time_of_text(rows[0][1].as<std::string>())};
}

// Person and occurrence of a join or leave, refused once the occurrence has ended.
core::Result<std::pair<std::int64_t, std::int64_t>> open_participation(Tx& tx,
                                                                       std::string_view person,
                                                                       std::string_view occurrence,
                                                                       core::LocalTime now) {
    std::int64_t person_key = 0;
    SAMSKAB_TRY_SET(person_key, require_key(tx, Keyed::People, person, "person"));
    OccurrenceRow row;
    SAMSKAB_TRY_SET(row, occurrence_row(tx, occurrence));
    if (row.end <= now) {
        return tl::unexpected(error_da(ErrorCode::Conflict, Msg::AlreadyEnded, "occurrence"));
    }
    return std::make_pair(person_key, row.pk);
}

}  // namespace

core::Result<std::vector<core::Activity>> PostgresCommunityStore::activities_at(
    std::string_view place) {
    const std::string sql =
        std::string(ACTIVITY_COLUMNS) + "WHERE a.place = $1 ORDER BY a.title COLLATE \"C\", a.id";
    return m_pool->read([&](Tx& tx) -> core::Result<std::vector<core::Activity>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::Places, place, "place"));
        std::vector<core::Activity> out;
        for (const pqxx::row& row : tx.exec_params(sql, key)) {
            out.push_back(activity_of(row));
        }
        return out;
    });
}

core::Result<std::vector<core::OccurrenceView>> PostgresCommunityStore::occurrences_between(
    const std::vector<std::string>& places, core::LocalTime from, core::LocalTime to,
    std::string_view person) {
    std::vector<std::string> distinct = places;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    const std::string sql =
        std::string(OCCURRENCE_COLUMNS) + "WHERE pl.id = $1 AND o.start >= $3 AND o.start < $4";
    return m_pool->read([&](Tx& tx) -> core::Result<std::vector<core::OccurrenceView>> {
        std::optional<std::int64_t> who;
        SAMSKAB_TRY_SET(who, viewer(tx, person));
        std::vector<core::OccurrenceView> out;
        if (to <= from) {
            return out;
        }
        // The rows of the whole days, then the window by time, as SQLite's store reads them
        // from its per-day listings: the same occurrences whatever a row's spelling of its start.
        const std::string first =
            time_text(static_cast<core::LocalTime>(core::day_of(from)) * 86400);
        const std::string last =
            time_text(static_cast<core::LocalTime>(core::day_of(to - 1) + 1) * 86400);
        for (const std::string& place : distinct) {
            for (const pqxx::row& row : tx.exec_params(sql, place, who, first, last)) {
                core::OccurrenceView view = occurrence_view(row);
                if (view.occurrence.start >= from && view.occurrence.start < to) {
                    out.push_back(std::move(view));
                }
            }
        }
        std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
            return std::tie(x.occurrence.start, x.occurrence.id) <
                   std::tie(y.occurrence.start, y.occurrence.id);
        });
        return out;
    });
}

core::Result<std::optional<core::ActivityView>> PostgresCommunityStore::find_activity(
    std::string_view activity, core::LocalTime from, int limit, std::string_view person) {
    const std::string one = std::string(ACTIVITY_COLUMNS) + "WHERE a.id = $1";
    const std::string upcoming = std::string(OCCURRENCE_COLUMNS) +
                                 "WHERE a.pk = $1 AND o.start >= $3 ORDER BY o.start, o.id "
                                 "LIMIT $4";
    return m_pool->read([&](Tx& tx) -> core::Result<std::optional<core::ActivityView>> {
        std::optional<std::int64_t> who;
        SAMSKAB_TRY_SET(who, viewer(tx, person));
        core::ActivityView view;
        const pqxx::result found = tx.exec_params(one, std::string(activity));
        if (found.empty()) {
            return std::nullopt;
        }
        view.activity = activity_of(found[0]);
        view.place_name = found[0][6].as<std::string>();
        view.initiator_name = found[0][7].as<std::string>();
        const auto key = found[0][8].as<std::int64_t>();
        if (limit > 0) {
            for (const pqxx::row& row :
                 tx.exec_params(upcoming, key, who, time_text(from), std::int64_t{limit})) {
                view.upcoming.push_back(occurrence_view(row));
            }
        }
        for (const pqxx::row& row :
             tx.exec_params("SELECT pk, weekday, start_minute, end_minute, from_date, until "
                            "FROM schedules WHERE activity = $1 ORDER BY pk",
                            key)) {
            view.schedules.push_back({row[0].as<std::int64_t>(), view.activity.id, row[1].as<int>(),
                                      row[2].as<int>(), row[3].as<int>(),
                                      date_of_text(row[4].as<std::string>()),
                                      date_of_text(row[5].as<std::string>())});
        }
        for (const pqxx::row& row : tx.exec_params(
                 "SELECT pk, text, due, done FROM action_items WHERE activity = $1 ORDER BY pk",
                 key)) {
            core::ActionItem item{row[0].as<std::int64_t>(), view.activity.id,
                                  row[1].as<std::string>(), std::nullopt, row[3].as<bool>()};
            if (!row[2].is_null()) {
                item.due = date_of_text(row[2].as<std::string>());
            }
            view.action_items.push_back(std::move(item));
        }
        return view;
    });
}

core::Result<std::string> PostgresCommunityStore::create_activity(
    const core::NewActivity& activity) {
    if (is_blank(activity.title)) {
        return tl::unexpected(error_da(ErrorCode::Invalid, Msg::Required, "title"));
    }
    return m_pool->write([&](Tx& tx) -> core::Result<std::string> {
        std::int64_t place = 0;
        SAMSKAB_TRY_SET(place, require_key(tx, Keyed::Places, activity.place, "place"));
        std::optional<std::int64_t> initiator;
        if (activity.initiated_by) {
            SAMSKAB_TRY_SET(initiator,
                            require_key(tx, Keyed::People, *activity.initiated_by, "initiated_by"));
        }
        const std::string id = new_id(tx, Keyed::Activities, "a");
        // The partnership column (the place's) ties the activity to its place's partnership.
        tx.exec_params(
            "INSERT INTO activities (id, place, partnership, title, kind, initiated_by, created) "
            "SELECT $1, pk, partnership, $3, $4, $5::bigint, $6 FROM places WHERE pk = $2",
            id, place, activity.title, std::string(core::name_of(activity.kind)), initiator,
            date_text(activity.created));
        return id;
    });
}

core::Result<void> PostgresCommunityStore::rename_activity(std::string_view activity,
                                                           std::string_view title) {
    if (is_blank(title)) {
        return tl::unexpected(error_da(ErrorCode::Invalid, Msg::Required, "title"));
    }
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        const pqxx::result updated =
            tx.exec_params("UPDATE activities SET title = $1 WHERE id = $2", std::string(title),
                           std::string(activity));
        if (updated.affected_rows() == 0) {
            return tl::unexpected(unknown(Msg::NounActivity, activity, "activity"));
        }
        return {};
    });
}

core::Result<int> PostgresCommunityStore::add_schedule(const core::WeeklySchedule& schedule) {
    SAMSKAB_TRY(core::validate_schedule(schedule, core::Lang::Da));
    return m_pool->write([&](Tx& tx) -> core::Result<int> {
        std::int64_t activity = 0;
        SAMSKAB_TRY_SET(activity,
                        require_key(tx, Keyed::Activities, schedule.activity, "activity"));
        tx.exec_params(
            "INSERT INTO schedules (activity, weekday, start_minute, end_minute, from_date, "
            "until) VALUES ($1, $2, $3, $4, $5, $6)",
            activity, schedule.weekday, schedule.start_minute, schedule.end_minute,
            date_text(schedule.from), date_text(schedule.until));
        int added = 0;
        for (const core::Occurrence& o : core::expand_schedule(schedule)) {
            // An occurrence already at this start (planned by hand, or by an earlier rule) is
            // kept with its participants.
            const pqxx::result inserted = tx.exec_params(
                "INSERT INTO occurrences (id, activity, partnership, start, \"end\") "
                "SELECT $1, a.pk, a.partnership, $3, $4 FROM activities a WHERE a.pk = $2 "
                "AND NOT EXISTS (SELECT 1 FROM occurrences WHERE activity = $2 AND start = $3) "
                "ON CONFLICT (id) DO NOTHING",
                o.id, activity, time_text(o.start), time_text(o.end));
            added += static_cast<int>(inserted.affected_rows());
        }
        return added;
    });
}

core::Result<std::string> PostgresCommunityStore::add_occurrence(std::string_view activity,
                                                                 core::LocalTime start,
                                                                 core::LocalTime end) {
    if (end <= start) {
        return tl::unexpected(error_da(ErrorCode::Invalid, Msg::EndNotAfterStart, "end"));
    }
    return m_pool->write([&](Tx& tx) -> core::Result<std::string> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::Activities, activity, "activity"));
        const std::string id = new_id(tx, Keyed::Occurrences, "o");
        tx.exec_params(
            "INSERT INTO occurrences (id, activity, partnership, start, \"end\") "
            "SELECT $1, pk, partnership, $3, $4 FROM activities WHERE pk = $2",
            id, key, time_text(start), time_text(end));
        return id;
    });
}

core::Result<std::vector<core::OccurrenceView>> PostgresCommunityStore::occurrences_joined(
    std::string_view person) {
    const std::string joined = std::string(OCCURRENCE_COLUMNS) +
                               "JOIN participations j ON j.occurrence = o.pk "
                               "WHERE j.person = $1 ORDER BY o.start, o.id";
    return m_pool->read([&](Tx& tx) -> core::Result<std::vector<core::OccurrenceView>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::People, person, "person"));
        std::vector<core::OccurrenceView> out;
        // The person's key is both the filter ($1) and the `joined` of the columns ($2).
        for (const pqxx::row& row : tx.exec_params(joined, key, key)) {
            out.push_back(occurrence_view(row));
        }
        return out;
    });
}

core::Result<std::optional<core::OccurrenceDetail>> PostgresCommunityStore::find_occurrence(
    std::string_view occurrence, bool with_support_need) {
    const std::string one = std::string(OCCURRENCE_COLUMNS) + "WHERE o.id = $1";
    const std::string people =
        "SELECT p.pk, p.id, p.name, p.support_sealed, p.support_need, x.role FROM occurrences o "
        "JOIN participations x ON x.occurrence = o.pk "
        "JOIN people p ON p.pk = x.person WHERE o.id = $1 "
        "ORDER BY p.name COLLATE \"C\", p.id";
    return m_pool->read([&](Tx& tx) -> core::Result<std::optional<core::OccurrenceDetail>> {
        core::OccurrenceDetail detail;
        const pqxx::result found =
            tx.exec_params(one, std::string(occurrence), std::optional<std::int64_t>());
        if (found.empty()) {
            return std::nullopt;
        }
        detail.occurrence = occurrence_view(found[0]);
        for (const pqxx::row& row : tx.exec_params(people, std::string(occurrence))) {
            core::ParticipantView participant;
            participant.person = {row[1].as<std::string>(), row[2].as<std::string>(), std::nullopt};
            // The flag is opened only when it is asked for.
            if (with_support_need) {
                participant.person.support_need =
                    m_fields.open_support(row[3], row[4], row[0].as<std::int64_t>());
            }
            participant.role =
                core::parse_name<core::Role>(row[5].as<std::string>()).value_or(core::Role::Active);
            detail.participants.push_back(std::move(participant));
        }
        return detail;
    });
}

core::Result<void> PostgresCommunityStore::join(std::string_view person,
                                                std::string_view occurrence, core::LocalTime now) {
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        std::pair<std::int64_t, std::int64_t> keys;
        SAMSKAB_TRY_SET(keys, open_participation(tx, person, occurrence, now));
        tx.exec_params(
            "INSERT INTO participations (occurrence, person, partnership, role) "
            "SELECT pk, $2::bigint, partnership, 'active' FROM occurrences WHERE pk = $1 "
            "ON CONFLICT DO NOTHING",
            keys.second, keys.first);
        return {};
    });
}

core::Result<void> PostgresCommunityStore::leave(std::string_view person,
                                                 std::string_view occurrence, core::LocalTime now) {
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        std::pair<std::int64_t, std::int64_t> keys;
        SAMSKAB_TRY_SET(keys, open_participation(tx, person, occurrence, now));
        tx.exec_params("DELETE FROM participations WHERE occurrence = $1 AND person = $2",
                       keys.second, keys.first);
        return {};
    });
}

core::Result<void> PostgresCommunityStore::set_role(std::string_view person,
                                                    std::string_view occurrence, core::Role role) {
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        std::int64_t person_key = 0;
        SAMSKAB_TRY_SET(person_key, require_key(tx, Keyed::People, person, "person"));
        std::int64_t occurrence_key = 0;
        SAMSKAB_TRY_SET(occurrence_key,
                        require_key(tx, Keyed::Occurrences, occurrence, "occurrence"));
        const pqxx::result updated = tx.exec_params(
            "UPDATE participations SET role = $1 WHERE occurrence = $2 AND person = $3",
            std::string(core::name_of(role)), occurrence_key, person_key);
        if (updated.affected_rows() == 0) {
            return tl::unexpected(unknown_da("deltagelse", person, "participation"));
        }
        return {};
    });
}

}  // namespace samskab::storage::postgres
