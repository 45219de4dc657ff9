// SqliteCommunityStore: breaks, everything held about one person, consent and deletion requests.
#include "storage/sqlite/sqlite_community_store.h"
#include "storage/sqlite/sqlite_fields.h"

namespace samskab::storage::sqlite {

namespace {

using core::ErrorCode;
using core::Msg;

struct OpenBreak {
    std::int64_t pk = 0;
    core::Day from = 0;
};

core::Result<std::optional<OpenBreak>> open_break(Connection& c, std::int64_t person) {
    Query query(c, "SELECT pk, from_date FROM breaks WHERE person = ? AND until IS NULL");
    query.bind(1, person);
    auto row = query.step();
    if (!row) {
        return tl::unexpected(row.error());
    }
    if (!*row) {
        return std::nullopt;
    }
    return OpenBreak{query.integer(0), date_of_text(query.text(1))};
}

// Runs `query` (bound to the person's key as ?1) and hands each row to `read`.
template <class Read>
core::Result<void> each_row(Connection& c, std::string_view sql, std::int64_t person, Read&& read) {
    Query query(c, sql);
    query.bind(1, person);
    while (true) {
        auto row = query.step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        if (!*row) {
            return {};
        }
        read(query);
    }
}

std::optional<core::Day> optional_date(const Query& q, int column) {
    if (q.is_null(column)) {
        return std::nullopt;
    }
    return date_of_text(q.text(column));
}

// A person's companion links are found through their blind indexes, then opened in memory
// (sqlite_fields.h).
std::string companion_links(std::string_view where, std::string_view order) {
    return "WITH c AS (SELECT " + std::string(LINK_PERSON) + " AS person, " +
           std::string(LINK_COMPANION) +
           " AS companion, c.partnership, c.from_date, c.to_date FROM companions c " +
           std::string(where) +
           ") SELECT p.id, cp.id, pa.id, c.from_date, c.to_date FROM c "
           "JOIN people p ON p.pk = c.person JOIN people cp ON cp.pk = c.companion "
           "JOIN partnerships pa ON pa.pk = c.partnership " +
           std::string(order);
}

// Both spellings of the person's relations: as `a` and as `b`.
constexpr std::string_view RELATIONS_OF = R"sql(
SELECT pa.id, pb.id, r.since, r.until, r.source FROM relations r
JOIN people pa ON pa.pk = r.a JOIN people pb ON pb.pk = r.b WHERE r.a = ?1
UNION ALL
SELECT pa.id, pb.id, r.since, r.until, r.source FROM relations r
JOIN people pa ON pa.pk = r.a JOIN people pb ON pb.pk = r.b WHERE r.b = ?1
ORDER BY 3, 1, 2
)sql";

}  // namespace

core::Result<void> SqliteCommunityStore::start_break(std::string_view person, core::Day day) {
    return m_pool->write([&](Connection& c) -> core::Result<void> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::People, person, "person"));
        std::optional<OpenBreak> current;
        SAMSKAB_TRY_SET(current, open_break(c, key));
        if (current) {
            return tl::unexpected(
                error_da(ErrorCode::Conflict, Msg::DuplicateRecord, "break", {"breaks"}));
        }
        Query insert(c, "INSERT INTO breaks (person, from_date) VALUES (?, ?)");
        insert.bind(1, key).bind(2, date_text(day));
        return insert.run();
    });
}

core::Result<void> SqliteCommunityStore::end_break(std::string_view person, core::Day day) {
    return m_pool->write([&](Connection& c) -> core::Result<void> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::People, person, "person"));
        std::optional<OpenBreak> current;
        SAMSKAB_TRY_SET(current, open_break(c, key));
        if (!current) {
            core::Error error = unknown_da("pause", person, "break");
            error.code = ErrorCode::Conflict;
            return tl::unexpected(std::move(error));
        }
        if (day < current->from) {
            return tl::unexpected(error_da(ErrorCode::Invalid, Msg::EndsBeforeStart, "day",
                                           {"from", date_text(current->from)}));
        }
        Query update(c, "UPDATE breaks SET until = ? WHERE pk = ?");
        update.bind(1, date_text(day)).bind(2, current->pk);
        return update.run();
    });
}

core::Result<std::optional<core::Break>> SqliteCommunityStore::current_break(
    std::string_view person) {
    return m_pool->read([&](Connection& c) -> core::Result<std::optional<core::Break>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::People, person, "person"));
        std::optional<OpenBreak> current;
        SAMSKAB_TRY_SET(current, open_break(c, key));
        if (!current) {
            return std::nullopt;
        }
        return core::Break{current->from, std::nullopt};
    });
}

core::Result<std::optional<core::PersonData>> SqliteCommunityStore::person_data(
    std::string_view person) {
    return m_pool->read([&](Connection& c) -> core::Result<std::optional<core::PersonData>> {
        core::PersonData data;
        std::int64_t key = 0;
        {
            Query query(c, "SELECT p.pk, p.id, p.name, " + std::string(SUPPORT_NEED) +
                               ", p.joined, p.entry_channel, p.consent_support_need, "
                               "p.consent_pathways FROM people p WHERE p.id = ?");
            query.bind(1, person);
            auto row = query.step();
            if (!row) {
                return tl::unexpected(row.error());
            }
            if (!*row) {
                return std::nullopt;
            }
            key = query.integer(0);
            core::Person& p = data.person;
            p.id = query.text(1);
            p.name = query.text(2);
            p.support_need = query.integer(3) != 0;
            p.joined = optional_date(query, 4);
            if (!query.is_null(5)) {
                p.entry_channel = core::parse_name<core::EntryChannel>(query.text(5));
            }
            p.consent = {query.integer(6) != 0, query.integer(7) != 0};
        }
        SAMSKAB_TRY_SET(data.partnerships, partnership_ids(c, key));
        auto link = [](const Query& q) {
            return core::CompanionLink{q.text(0), q.text(1), q.text(2), date_of_text(q.text(3)),
                                       optional_date(q, 4)};
        };
        SAMSKAB_TRY(each_row(
            c,
            companion_links("WHERE c.person_key = samskab_key(?1)", "ORDER BY c.from_date, cp.id"),
            key, [&](const Query& q) { data.companions.push_back(link(q)); }));
        SAMSKAB_TRY(each_row(c,
                             companion_links("WHERE c.companion_key = samskab_key(?1)",
                                             "ORDER BY c.from_date, p.id"),
                             key, [&](const Query& q) { data.accompanying.push_back(link(q)); }));
        SAMSKAB_TRY(each_row(
            c,
            "SELECT o.id, x.role FROM participations x "
            "JOIN occurrences o ON o.pk = x.occurrence WHERE x.person = ?1 "
            "ORDER BY o.start, o.id",
            key, [&](const Query& q) {
                data.participations.push_back(
                    {data.person.id, q.text(0),
                     core::parse_name<core::Role>(q.text(1)).value_or(core::Role::Active)});
            }));
        SAMSKAB_TRY(each_row(
            c,
            "SELECT pl.id, v.date FROM visits v JOIN places pl ON pl.pk = v.place "
            "WHERE v.person = ?1 ORDER BY v.date, pl.id",
            key, [&](const Query& q) {
                data.visits.push_back({data.person.id, q.text(0), date_of_text(q.text(1))});
            }));
        SAMSKAB_TRY(each_row(c, RELATIONS_OF, key, [&](const Query& q) {
            data.relations.push_back({q.text(0), q.text(1), date_of_text(q.text(2)),
                                      optional_date(q, 3),
                                      core::parse_name<core::RelationSource>(q.text(4)).value_or(
                                          core::RelationSource::SelfReport)});
        }));
        SAMSKAB_TRY(each_row(c,
                             "SELECT date, kind FROM pathways WHERE person = ?1 "
                             "ORDER BY date, kind",
                             key, [&](const Query& q) {
                                 data.pathways.push_back(
                                     {data.person.id, date_of_text(q.text(0)),
                                      core::parse_name<core::PathwayKind>(q.text(1)).value_or(
                                          core::PathwayKind::Job)});
                             }));
        SAMSKAB_TRY(
            each_row(c,
                     "SELECT from_date, until FROM breaks WHERE person = ?1 "
                     "ORDER BY from_date, pk",
                     key, [&](const Query& q) {
                         data.breaks.push_back({date_of_text(q.text(0)), optional_date(q, 1)});
                     }));
        SAMSKAB_TRY(
            each_row(c, "SELECT requested_at FROM deletion_requests WHERE person = ?1", key,
                     [&](const Query& q) { data.deletion_requested = time_of_text(q.text(0)); }));
        data.consents.support_need = data.person.consent.support_need;
        data.consents.pathways = data.person.consent.pathways;
        SAMSKAB_TRY(each_row(c,
                             "SELECT companion, statistics FROM privacy_consents "
                             "WHERE person = ?1",
                             key, [&](const Query& q) {
                                 data.consents.companion = q.integer(0) != 0;
                                 data.consents.statistics = q.integer(1) != 0;
                             }));
        // Rows from before the last two purposes existed have NULL there: the defaults.
        SAMSKAB_TRY(each_row(
            c,
            "SELECT at, coalesce(by_account, 0), on_paper, consent_support_need, "
            "consent_pathways, coalesce(consent_companion, 0), coalesce(consent_statistics, 1) "
            "FROM consent_changes WHERE person = ?1 ORDER BY at, pk",
            key, [&](const Query& q) {
                data.consent_history.push_back(
                    {time_of_text(q.text(0)), q.integer(1), q.integer(2) != 0,
                     core::Consents{q.integer(3) != 0, q.integer(4) != 0, q.integer(5) != 0,
                                    q.integer(6) != 0}});
            }));
        return data;
    });
}

core::Result<void> SqliteCommunityStore::set_consent(std::string_view person,
                                                     const core::Consents& consents,
                                                     bool support_need, std::int64_t by,
                                                     bool on_paper, core::LocalTime at) {
    if (support_need && !consents.support_need) {
        return tl::unexpected(
            error_da(ErrorCode::Invalid, Msg::SupportNeedWithoutConsent, "support_need"));
    }
    return m_pool->write([&](Connection& c) -> core::Result<void> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::People, person, "person"));
        if (by != 0) {
            Query account(c, "SELECT 1 FROM accounts WHERE pk = ?");
            account.bind(1, by);
            auto exists = account.step();
            if (!exists) {
                return tl::unexpected(exists.error());
            }
            if (!*exists) {
                return tl::unexpected(unknown_da("konto", std::to_string(by), "by"));
            }
        }
        // The flag follows the consent: without it, the flag is cleared in the same update
        // (and the schema's CHECK refuses any other combination).
        // The flag is sealed (sqlite_fields.h), and stored only with consent.
        Query update(c,
                     "UPDATE people SET consent_support_need = ?1, consent_pathways = ?2, "
                     "support_need = CASE WHEN samskab_encrypted() THEN 0 ELSE ?3 END, "
                     "support_sealed = CASE WHEN samskab_encrypted() AND ?1 = 1 "
                     "THEN samskab_hide(?3, 'people.support_need:' || id) END WHERE pk = ?4");
        update.bind(1, std::int64_t{consents.support_need})
            .bind(2, std::int64_t{consents.pathways})
            .bind(3, std::int64_t{support_need && consents.support_need})
            .bind(4, key);
        SAMSKAB_TRY(update.run());
        if (!consents.pathways) {
            Query remove(c, "DELETE FROM pathways WHERE person = ?");
            remove.bind(1, key);
            SAMSKAB_TRY(remove.run());
        }
        // Sharing and statistics are read where they act (the companion's page, the dataset
        // of reports), so withdrawing them takes effect with this row.
        Query purposes(c,
                       "INSERT INTO privacy_consents (person, companion, statistics) "
                       "VALUES (?1, ?2, ?3) ON CONFLICT (person) DO UPDATE "
                       "SET companion = excluded.companion, statistics = excluded.statistics");
        purposes.bind(1, key)
            .bind(2, std::int64_t{consents.companion})
            .bind(3, std::int64_t{consents.statistics});
        SAMSKAB_TRY(purposes.run());
        Query record(c,
                     "INSERT INTO consent_changes (person, at, by_account, on_paper, "
                     "consent_support_need, consent_pathways, consent_companion, "
                     "consent_statistics) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        record.bind(1, key).bind(2, time_text(at));
        if (by != 0) {
            record.bind(3, by);
        }
        record.bind(4, std::int64_t{on_paper})
            .bind(5, std::int64_t{consents.support_need})
            .bind(6, std::int64_t{consents.pathways})
            .bind(7, std::int64_t{consents.companion})
            .bind(8, std::int64_t{consents.statistics});
        return record.run();
    });
}

core::Result<void> SqliteCommunityStore::request_deletion(std::string_view person,
                                                          core::LocalTime at) {
    return m_pool->write([&](Connection& c) -> core::Result<void> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::People, person, "person"));
        // A second request keeps the first one's time: the deadline runs from the first.
        Query insert(c,
                     "INSERT INTO deletion_requests (person, requested_at) VALUES (?, ?) "
                     "ON CONFLICT DO NOTHING");
        insert.bind(1, key).bind(2, time_text(at));
        return insert.run();
    });
}

}  // namespace samskab::storage::sqlite
