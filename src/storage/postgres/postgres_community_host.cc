// PostgresCommunityStore: the host's day (check-in, newcomers, introductions), the logbook, the
// host rota and the action items of causes.
#include "storage/postgres/postgres_community_common.h"
#include "storage/postgres/postgres_community_store.h"

namespace samskab::storage::postgres {

namespace {

using core::ErrorCode;
using core::Msg;
using Tx = pqxx::transaction_base;

constexpr core::Day MAX_ROTA_DAYS = 366;

// The person hosting `place` on `day`, if anyone.
std::optional<std::int64_t> host_of(Tx& tx, std::int64_t place, core::Day day) {
    const pqxx::result rows = tx.exec_params(
        "SELECT person FROM host_rota WHERE place = $1 AND day = $2", place, date_text(day));
    if (rows.empty()) {
        return std::nullopt;
    }
    return rows[0][0].as<std::int64_t>();
}

void set_host(Tx& tx, std::int64_t place, core::Day day, std::optional<std::int64_t> person) {
    if (!person) {
        tx.exec_params("DELETE FROM host_rota WHERE place = $1 AND day = $2", place,
                       date_text(day));
        return;
    }
    tx.exec_params(
        "INSERT INTO host_rota (place, day, person) VALUES ($1, $2, $3) "
        "ON CONFLICT (place, day) DO UPDATE SET person = excluded.person",
        place, date_text(day), *person);
}

}  // namespace

core::Result<void> PostgresCommunityStore::check_in(std::string_view person, std::string_view place,
                                                    core::Day day) {
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        std::int64_t person_key = 0, place_key = 0;
        SAMSKAB_TRY_SET(person_key, require_key(tx, Keyed::People, person, "person"));
        SAMSKAB_TRY_SET(place_key, require_key(tx, Keyed::Places, place, "place"));
        record_visit(tx, person_key, place_key, day);
        return {};
    });
}

core::Result<std::vector<core::CheckInView>> PostgresCommunityStore::checked_in(
    std::string_view place, core::Day day) {
    return m_pool->read([&](Tx& tx) -> core::Result<std::vector<core::CheckInView>> {
        std::int64_t place_key = 0;
        SAMSKAB_TRY_SET(place_key, require_key(tx, Keyed::Places, place, "place"));
        const pqxx::result rows = tx.exec_params(
            "SELECT p.id, p.name, p.joined, EXISTS (SELECT 1 FROM visits e "
            "WHERE e.person = v.person AND e.place = v.place AND e.date < v.date) "
            "FROM visits v JOIN people p ON p.pk = v.person "
            "WHERE v.place = $1 AND v.date = $2 ORDER BY p.name COLLATE \"C\", p.id",
            place_key, date_text(day));
        std::vector<core::CheckInView> out;
        for (const pqxx::row& row : rows) {
            core::CheckInView view;
            view.person = {row[0].as<std::string>(), row[1].as<std::string>(), std::nullopt};
            const bool first_visit = !row[3].as<bool>();
            const bool recently_joined =
                !row[2].is_null() &&
                day - date_of_text(row[2].as<std::string>()) <= core::NEWCOMER_DAYS;
            view.newcomer = first_visit || recently_joined;
            out.push_back(std::move(view));
        }
        return out;
    });
}

core::Result<void> PostgresCommunityStore::introduce(std::string_view a, std::string_view b,
                                                     core::Day day) {
    if (a == b) {
        return tl::unexpected(error_da(ErrorCode::Invalid, Msg::SelfRelation, "b"));
    }
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        std::int64_t a_key = 0, b_key = 0;
        SAMSKAB_TRY_SET(a_key, require_key(tx, Keyed::People, a, "a"));
        SAMSKAB_TRY_SET(b_key, require_key(tx, Keyed::People, b, "b"));
        // One spelling per pair, as the importer stores it: `a` is the id that sorts first.
        if (b < a) {
            std::swap(a_key, b_key);
        }
        const pqxx::result open = tx.exec_params(
            "SELECT 1 FROM relations WHERE a = $1 AND b = $2 AND (until IS NULL OR until >= $3)",
            a_key, b_key, date_text(day));
        if (!open.empty()) {
            return tl::unexpected(
                error_da(ErrorCode::Conflict, Msg::OverlappingRelation, "b", {a, b, "relations"}));
        }
        tx.exec_params(
            "INSERT INTO relations (a, b, since, until, source) "
            "VALUES ($1, $2, $3, NULL, 'host_introduction')",
            a_key, b_key, date_text(day));
        return {};
    });
}

core::Result<std::int64_t> PostgresCommunityStore::add_logbook_note(const core::LogbookNote& note) {
    if (is_blank(note.text)) {
        return tl::unexpected(error_da(ErrorCode::Invalid, Msg::Required, "text"));
    }
    return m_pool->write([&](Tx& tx) -> core::Result<std::int64_t> {
        std::int64_t place = 0;
        SAMSKAB_TRY_SET(place, require_key(tx, Keyed::Places, note.place, "place"));
        if (!account_exists(tx, note.author)) {
            return tl::unexpected(unknown_da("konto", std::to_string(note.author), "author"));
        }
        // The text is sealed under the note's key (postgres_fields.h), so the row is inserted
        // with an empty plaintext column and the sealed text set once the key is known, in the
        // same transaction: the plaintext never reaches the server.
        const pqxx::result inserted = tx.exec_params(
            "INSERT INTO logbook_notes (place, day, author, text, written_at) "
            "VALUES ($1, $2, $3, '', $4) RETURNING pk",
            place, date_text(note.day), note.author, time_text(note.written_at));
        const auto pk = inserted[0][0].as<std::int64_t>();
        set_sealed(tx, "logbook_notes", "text_sealed", pk,
                   m_fields.seal(note.text, note_context(pk)));
        return pk;
    });
}

core::Result<std::vector<core::LogbookNote>> PostgresCommunityStore::logbook_notes(
    std::string_view place, core::Day from, core::Day to) {
    return m_pool->read([&](Tx& tx) -> core::Result<std::vector<core::LogbookNote>> {
        std::int64_t place_key = 0;
        SAMSKAB_TRY_SET(place_key, require_key(tx, Keyed::Places, place, "place"));
        // The author's name as the account has it now; empty once the account is removed.
        const pqxx::result rows = tx.exec_params(
            "SELECT n.pk, n.day, n.author, coalesce(ac.name, ''), n.text_sealed, n.text, "
            "n.written_at "
            "FROM logbook_notes n LEFT JOIN accounts ac ON ac.pk = n.author "
            "WHERE n.place = $1 AND n.day BETWEEN $2 AND $3 "
            "ORDER BY n.day DESC, n.written_at DESC, n.pk DESC",
            place_key, date_text(from), date_text(to));
        std::vector<core::LogbookNote> out;
        for (const pqxx::row& row : rows) {
            const auto pk = row[0].as<std::int64_t>();
            out.push_back({pk, std::string(place), date_of_text(row[1].as<std::string>()),
                           row[2].as<std::int64_t>(), row[3].as<std::string>(),
                           m_fields.open(row[4], row[5], note_context(pk)),
                           time_of_text(row[6].as<std::string>())});
        }
        return out;
    });
}

core::Result<std::vector<core::RotaDay>> PostgresCommunityStore::rota(std::string_view place,
                                                                      core::Day from,
                                                                      core::Day to) {
    if (to - from >= MAX_ROTA_DAYS) {
        return tl::unexpected(error_da(ErrorCode::Invalid, Msg::ScheduleTooLong, "to", {"1"}));
    }
    return m_pool->read([&](Tx& tx) -> core::Result<std::vector<core::RotaDay>> {
        std::int64_t place_key = 0;
        SAMSKAB_TRY_SET(place_key, require_key(tx, Keyed::Places, place, "place"));
        std::vector<core::RotaDay> days;
        for (core::Day day = from; day <= to; ++day) {
            days.push_back({day, std::nullopt});
        }
        const pqxx::result rows = tx.exec_params(
            "SELECT r.day, p.id, p.name FROM host_rota r JOIN people p ON p.pk = r.person "
            "WHERE r.place = $1 AND r.day BETWEEN $2 AND $3",
            place_key, date_text(from), date_text(to));
        for (const pqxx::row& row : rows) {
            const core::Day day = date_of_text(row[0].as<std::string>());
            if (day >= from && day <= to) {
                days[static_cast<size_t>(day - from)].host = core::PersonSummary{
                    row[1].as<std::string>(), row[2].as<std::string>(), std::nullopt};
            }
        }
        return days;
    });
}

core::Result<void> PostgresCommunityStore::take_rota_day(std::string_view place, core::Day day,
                                                         std::string_view person) {
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        std::int64_t place_key = 0, person_key = 0;
        SAMSKAB_TRY_SET(place_key, require_key(tx, Keyed::Places, place, "place"));
        SAMSKAB_TRY_SET(person_key, require_key(tx, Keyed::People, person, "person"));
        // Two hosts taking the same day at once: the second transaction fails to serialise and
        // the pool runs it again, when it sees the first one's host.
        const std::optional<std::int64_t> host = host_of(tx, place_key, day);
        if (host && *host != person_key) {
            return tl::unexpected(
                error_da(ErrorCode::Conflict, Msg::DuplicateRecord, "day", {"host_rota"}));
        }
        set_host(tx, place_key, day, person_key);
        return {};
    });
}

core::Result<void> PostgresCommunityStore::release_rota_day(std::string_view place, core::Day day,
                                                            std::string_view person) {
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        std::int64_t place_key = 0, person_key = 0;
        SAMSKAB_TRY_SET(place_key, require_key(tx, Keyed::Places, place, "place"));
        SAMSKAB_TRY_SET(person_key, require_key(tx, Keyed::People, person, "person"));
        const pqxx::result removed =
            tx.exec_params("DELETE FROM host_rota WHERE place = $1 AND day = $2 AND person = $3",
                           place_key, date_text(day), person_key);
        if (removed.affected_rows() == 0) {
            return tl::unexpected(unknown_da("værtsdag", date_text(day), "day"));
        }
        return {};
    });
}

core::Result<void> PostgresCommunityStore::swap_rota_days(std::string_view place, core::Day first,
                                                          core::Day second) {
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        std::int64_t place_key = 0;
        SAMSKAB_TRY_SET(place_key, require_key(tx, Keyed::Places, place, "place"));
        const std::optional<std::int64_t> first_host = host_of(tx, place_key, first);
        const std::optional<std::int64_t> second_host = host_of(tx, place_key, second);
        set_host(tx, place_key, first, second_host);
        set_host(tx, place_key, second, first_host);
        return {};
    });
}

core::Result<std::int64_t> PostgresCommunityStore::add_action_item(const core::ActionItem& item) {
    if (is_blank(item.text)) {
        return tl::unexpected(error_da(ErrorCode::Invalid, Msg::Required, "text"));
    }
    return m_pool->write([&](Tx& tx) -> core::Result<std::int64_t> {
        std::int64_t activity = 0;
        SAMSKAB_TRY_SET(activity, require_key(tx, Keyed::Activities, item.activity, "activity"));
        std::optional<std::string> due;
        if (item.due) {
            due = date_text(*item.due);
        }
        const pqxx::result inserted = tx.exec_params(
            "INSERT INTO action_items (activity, text, due, done) VALUES ($1, $2, $3, $4) "
            "RETURNING pk",
            activity, item.text, due, item.done);
        return inserted[0][0].as<std::int64_t>();
    });
}

core::Result<void> PostgresCommunityStore::set_action_item_done(std::int64_t item, bool done) {
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        const pqxx::result updated =
            tx.exec_params("UPDATE action_items SET done = $1 WHERE pk = $2", done, item);
        if (updated.affected_rows() == 0) {
            return tl::unexpected(unknown_da("handlingspunkt", std::to_string(item), "item"));
        }
        return {};
    });
}

}  // namespace samskab::storage::postgres
