// PostgresCommunityStore: breaks, everything held about one person, consent and deletion
// requests, as storage/sqlite/sqlite_community_person.cc does them.
#include <algorithm>
#include <map>
#include <tuple>

#include "storage/postgres/postgres_community_common.h"
#include "storage/postgres/postgres_community_store.h"

namespace samskab::storage::postgres {

namespace {

using core::ErrorCode;
using core::Msg;
using Tx = pqxx::transaction_base;

struct OpenBreak {
    std::int64_t pk = 0;
    core::Day from = 0;
};

std::optional<OpenBreak> open_break(Tx& tx, std::int64_t person) {
    const pqxx::result rows = tx.exec_params(
        "SELECT pk, from_date FROM breaks WHERE person = $1 AND until IS NULL", person);
    if (rows.empty()) {
        return std::nullopt;
    }
    return OpenBreak{rows[0][0].as<std::int64_t>(), date_of_text(rows[0][1].as<std::string>())};
}

std::optional<core::Day> optional_date(const pqxx::field& field) {
    if (field.is_null()) {
        return std::nullopt;
    }
    return date_of_text(field.as<std::string>());
}

// Which side of its companion links a person is looked up on.
enum class CommunityLinkSide { Person, Companion };

// The companion links of the person with key `person` on `side`, as bundle ids, ordered by
// start and then by the other side's id (then partnership). The links are found by the blind
// index of the person's key and opened here (postgres_fields.h); their people and partnerships
// are then named by key. A link whose person, companion or partnership is gone is left out, as
// the joins that named them left it out.
std::vector<core::CompanionLink> community_person_links(Tx& tx, const SealedFields& fields,
                                                        std::int64_t person,
                                                        CommunityLinkSide side) {
    struct Opened {
        OpenedLink link;
        std::int64_t partnership = 0;
        core::Day from = 0;
        std::optional<core::Day> to;
    };
    const std::string sql =
        "SELECT " + std::string(LINK_COLUMNS) +
        ", c.partnership, c.from_date, c.to_date FROM companions c WHERE " +
        (side == CommunityLinkSide::Person ? "c.person_key = $1" : "c.companion_key = $1");
    std::vector<Opened> opened;
    std::vector<std::int64_t> people, partnerships;
    for (const pqxx::row& row : tx.exec_params(sql, fields.link_key(person))) {
        Opened link{fields.open_link(row, 0), row[6].as<std::int64_t>(), date_of_text(text(row[7])),
                    optional_date(row[8])};
        people.push_back(link.link.person);
        people.push_back(link.link.companion);
        partnerships.push_back(link.partnership);
        opened.push_back(std::move(link));
    }
    const std::map<std::int64_t, std::string> person_ids = ids_of_keys(tx, Keyed::People, people);
    const std::map<std::int64_t, std::string> partnership_ids =
        ids_of_keys(tx, Keyed::Partnerships, partnerships);
    std::vector<core::CompanionLink> links;
    for (const Opened& link : opened) {
        const auto p = person_ids.find(link.link.person);
        const auto c = person_ids.find(link.link.companion);
        const auto pa = partnership_ids.find(link.partnership);
        if (p == person_ids.end() || c == person_ids.end() || pa == partnership_ids.end()) {
            continue;
        }
        links.push_back({p->second, c->second, pa->second, link.from, link.to});
    }
    const bool by_companion = side == CommunityLinkSide::Person;
    std::sort(links.begin(), links.end(),
              [by_companion](const core::CompanionLink& x, const core::CompanionLink& y) {
                  const std::string& x_other = by_companion ? x.companion : x.person;
                  const std::string& y_other = by_companion ? y.companion : y.person;
                  return std::tie(x.from, x_other, x.partnership) <
                         std::tie(y.from, y_other, y.partnership);
              });
    return links;
}

// Both spellings of the person's relations: as `a` and as `b`.
constexpr std::string_view RELATIONS_OF = R"sql(
SELECT pa.id, pb.id, r.since, r.until, r.source FROM relations r
JOIN people pa ON pa.pk = r.a JOIN people pb ON pb.pk = r.b WHERE r.a = $1
UNION ALL
SELECT pa.id, pb.id, r.since, r.until, r.source FROM relations r
JOIN people pa ON pa.pk = r.a JOIN people pb ON pb.pk = r.b WHERE r.b = $1
ORDER BY 3, 1, 2
)sql";

// The person's records besides the people row (person_data), read in the caller's snapshot.
void read_records(Tx& tx, const SealedFields& fields, std::int64_t key, core::PersonData& data) {
    const std::string& id = data.person.id;
    data.companions = community_person_links(tx, fields, key, CommunityLinkSide::Person);
    data.accompanying = community_person_links(tx, fields, key, CommunityLinkSide::Companion);
    for (const pqxx::row& row :
         tx.exec_params("SELECT o.id, x.role FROM participations x "
                        "JOIN occurrences o ON o.pk = x.occurrence WHERE x.person = $1 "
                        "ORDER BY o.start, o.id",
                        key)) {
        data.participations.push_back(
            {id, text(row[0]),
             core::parse_name<core::Role>(text(row[1])).value_or(core::Role::Active)});
    }
    for (const pqxx::row& row :
         tx.exec_params("SELECT pl.id, v.date FROM visits v JOIN places pl ON pl.pk = v.place "
                        "WHERE v.person = $1 ORDER BY v.date, pl.id",
                        key)) {
        data.visits.push_back({id, text(row[0]), date_of_text(text(row[1]))});
    }
    for (const pqxx::row& row : tx.exec_params(std::string(RELATIONS_OF), key)) {
        data.relations.push_back({text(row[0]), text(row[1]), date_of_text(text(row[2])),
                                  optional_date(row[3]),
                                  core::parse_name<core::RelationSource>(text(row[4]))
                                      .value_or(core::RelationSource::SelfReport)});
    }
    for (const pqxx::row& row : tx.exec_params(
             "SELECT date, kind FROM pathways WHERE person = $1 ORDER BY date, kind", key)) {
        data.pathways.push_back(
            {id, date_of_text(text(row[0])),
             core::parse_name<core::PathwayKind>(text(row[1])).value_or(core::PathwayKind::Job)});
    }
    for (const pqxx::row& row : tx.exec_params(
             "SELECT from_date, until FROM breaks WHERE person = $1 ORDER BY from_date, pk", key)) {
        data.breaks.push_back({date_of_text(text(row[0])), optional_date(row[1])});
    }
    for (const pqxx::row& row :
         tx.exec_params("SELECT requested_at FROM deletion_requests WHERE person = $1", key)) {
        data.deletion_requested = time_of_text(text(row[0]));
    }
}

// The four purposes now and their history (person_data).
void read_consents(Tx& tx, std::int64_t key, core::PersonData& data) {
    data.consents.support_need = data.person.consent.support_need;
    data.consents.pathways = data.person.consent.pathways;
    for (const pqxx::row& row : tx.exec_params(
             "SELECT companion, statistics FROM privacy_consents WHERE person = $1", key)) {
        data.consents.companion = row[0].as<int>() != 0;
        data.consents.statistics = row[1].as<int>() != 0;
    }
    // Rows from before the last two purposes existed have NULL there: the defaults.
    for (const pqxx::row& row : tx.exec_params(
             "SELECT at, coalesce(by_account, 0), on_paper, consent_support_need, "
             "consent_pathways, coalesce(consent_companion, 0), coalesce(consent_statistics, 1) "
             "FROM consent_changes WHERE person = $1 ORDER BY at, pk",
             key)) {
        data.consent_history.push_back(
            {time_of_text(text(row[0])), row[1].as<std::int64_t>(), row[2].as<bool>(),
             core::Consents{row[3].as<bool>(), row[4].as<bool>(), row[5].as<int>() != 0,
                            row[6].as<int>() != 0}});
    }
}

}  // namespace

core::Result<void> PostgresCommunityStore::start_break(std::string_view person, core::Day day) {
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::People, person, "person"));
        if (open_break(tx, key)) {
            return tl::unexpected(
                error_da(ErrorCode::Conflict, Msg::DuplicateRecord, "break", {"breaks"}));
        }
        tx.exec_params("INSERT INTO breaks (person, from_date) VALUES ($1, $2)", key,
                       date_text(day));
        return {};
    });
}

core::Result<void> PostgresCommunityStore::end_break(std::string_view person, core::Day day) {
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::People, person, "person"));
        const std::optional<OpenBreak> current = open_break(tx, key);
        if (!current) {
            core::Error error = unknown_da("pause", person, "break");
            error.code = ErrorCode::Conflict;
            return tl::unexpected(std::move(error));
        }
        if (day < current->from) {
            return tl::unexpected(error_da(ErrorCode::Invalid, Msg::EndsBeforeStart, "day",
                                           {"from", date_text(current->from)}));
        }
        tx.exec_params("UPDATE breaks SET until = $1 WHERE pk = $2", date_text(day), current->pk);
        return {};
    });
}

core::Result<std::optional<core::Break>> PostgresCommunityStore::current_break(
    std::string_view person) {
    return m_pool->read([&](Tx& tx) -> core::Result<std::optional<core::Break>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::People, person, "person"));
        const std::optional<OpenBreak> current = open_break(tx, key);
        if (!current) {
            return std::nullopt;
        }
        return core::Break{current->from, std::nullopt};
    });
}

core::Result<std::optional<core::PersonData>> PostgresCommunityStore::person_data(
    std::string_view person) {
    return m_pool->read([&](Tx& tx) -> core::Result<std::optional<core::PersonData>> {
        const pqxx::result rows = tx.exec_params(
            "SELECT pk, id, name, support_sealed, support_need, joined, entry_channel, "
            "consent_support_need, consent_pathways FROM people WHERE id = $1",
            std::string(person));
        if (rows.empty()) {
            return std::nullopt;
        }
        const pqxx::row row = rows[0];
        const auto key = row[0].as<std::int64_t>();
        core::PersonData data;
        core::Person& p = data.person;
        p.id = text(row[1]);
        p.name = text(row[2]);
        p.support_need = m_fields.open_support(row[3], row[4], key);
        p.joined = optional_date(row[5]);
        if (!row[6].is_null()) {
            p.entry_channel = core::parse_name<core::EntryChannel>(text(row[6]));
        }
        p.consent = {row[7].as<bool>(), row[8].as<bool>()};
        data.partnerships = registered_partnerships(tx, m_fields, key);
        read_records(tx, m_fields, key, data);
        read_consents(tx, key, data);
        return data;
    });
}

core::Result<void> PostgresCommunityStore::set_consent(std::string_view person,
                                                       const core::Consents& consents,
                                                       bool support_need, std::int64_t by,
                                                       bool on_paper, core::LocalTime at) {
    if (support_need && !consents.support_need) {
        return tl::unexpected(
            error_da(ErrorCode::Invalid, Msg::SupportNeedWithoutConsent, "support_need"));
    }
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::People, person, "person"));
        if (by != 0 && tx.exec_params("SELECT 1 FROM accounts WHERE pk = $1", by).empty()) {
            return tl::unexpected(unknown_da("konto", std::to_string(by), "by"));
        }
        // The flag is sealed (postgres_fields.h) and follows the consent: without it, the sealed
        // flag is cleared in the same update (the schema's CHECK refuses it without consent).
        // The plaintext column is always false.
        const std::string update =
            "UPDATE people SET consent_support_need = $1, consent_pathways = $2, "
            "support_need = false, support_sealed = $3 WHERE pk = $4";
        const std::optional<pqxx::binarystring> sealed =
            m_fields.seal_support(support_need, consents.support_need, key);
        if (sealed) {
            tx.exec_params(update, consents.support_need, consents.pathways, *sealed, key);
        } else {
            tx.exec_params(update, consents.support_need, consents.pathways, nullptr, key);
        }
        if (!consents.pathways) {
            tx.exec_params("DELETE FROM pathways WHERE person = $1", key);
        }
        // Sharing and statistics are read where they act (the companion's page, the dataset
        // of reports), so withdrawing them takes effect with this row.
        tx.exec_params(
            "INSERT INTO privacy_consents (person, companion, statistics) VALUES ($1, $2, $3) "
            "ON CONFLICT (person) DO UPDATE "
            "SET companion = excluded.companion, statistics = excluded.statistics",
            key, int{consents.companion}, int{consents.statistics});
        const std::string by_text = std::to_string(by);
        tx.exec_params(
            "INSERT INTO consent_changes (person, at, by_account, on_paper, "
            "consent_support_need, consent_pathways, consent_companion, consent_statistics) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            key, time_text(at), by != 0 ? by_text.c_str() : nullptr, on_paper,
            consents.support_need, consents.pathways, int{consents.companion},
            int{consents.statistics});
        return {};
    });
}

core::Result<void> PostgresCommunityStore::request_deletion(std::string_view person,
                                                            core::LocalTime at) {
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::People, person, "person"));
        // A second request keeps the first one's time: the deadline runs from the first.
        tx.exec_params(
            "INSERT INTO deletion_requests (person, requested_at) VALUES ($1, $2) "
            "ON CONFLICT DO NOTHING",
            key, time_text(at));
        return {};
    });
}

}  // namespace samskab::storage::postgres
