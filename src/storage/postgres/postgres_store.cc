#include "storage/postgres/postgres_store.h"

#include <iterator>

#include "storage/postgres/postgres_connection.h"
#include "storage/postgres/postgres_migrations.h"

namespace samskab::storage::postgres {

namespace {

// Prepared statement names of `contains`, by core::Collection.
constexpr const char* CONTAINS[] = {
    "contains_partnership", "contains_organisation", "contains_place",   "contains_person",
    "contains_activity",    "contains_occurrence",   "contains_logbook", "contains_theme",
};
constexpr const char* CONTAINS_SQL[] = {
    "SELECT 1 FROM partnerships WHERE id = $1",
    "SELECT 1 FROM organisations WHERE id = $1",
    "SELECT 1 FROM places WHERE id = $1",
    "SELECT 1 FROM people WHERE id = $1",
    "SELECT 1 FROM activities WHERE id = $1",
    "SELECT 1 FROM occurrences WHERE id = $1",
    "SELECT 1 FROM logbook_templates WHERE id = $1",
    // core::codebook_theme_key: the partnership's id, a unit separator, the theme's id.
    "SELECT 1 FROM codebook_themes t JOIN partnerships p ON p.pk = t.partnership "
    "WHERE p.id = split_part($1, chr(31), 1) AND t.id = split_part($1, chr(31), 2)",
};
static_assert(std::size(CONTAINS) == std::size(CONTAINS_SQL));
static_assert(std::size(CONTAINS) ==
              static_cast<std::size_t>(core::Collection::CodebookThemes) + 1);

}  // namespace

PostgresStore::PostgresStore(std::unique_ptr<Connection> connection, SealedFields fields)
    : m_connection(std::move(connection)), m_fields(std::move(fields)) {}

PostgresStore::~PostgresStore() = default;

core::Result<std::unique_ptr<PostgresStore>> PostgresStore::open(
    const std::string& url, std::shared_ptr<const core::FieldCipher> cipher) {
    SealedFields fields(std::move(cipher));
    auto connection = Connection::open(url);
    if (!connection) {
        return tl::unexpected(connection.error());
    }
    SAMSKAB_PG_TRY(migrate(**connection, latest_version()));
    SAMSKAB_PG_TRY((*connection)->guard<void>([&]() -> core::Result<void> {
        pqxx::work transaction((*connection)->handle());
        SAMSKAB_PG_TRY(prepare_fields(transaction, fields.cipher(), (*connection)->server()));
        transaction.commit();
        return {};
    }));
    // Prepared once: validation of a partial bundle may ask for every one of its references.
    Connection& c = **connection;
    SAMSKAB_PG_TRY(c.guard<void>([&]() -> core::Result<void> {
        for (size_t i = 0; i < std::size(CONTAINS); ++i) {
            c.handle().prepare(CONTAINS[i], CONTAINS_SQL[i]);
        }
        return {};
    }));
    return std::unique_ptr<PostgresStore>(
        new PostgresStore(std::move(*connection), std::move(fields)));
}

core::Result<std::optional<std::string>> recorded_key(const std::string& url) {
    auto connection = Connection::open(url);
    if (!connection) {
        return tl::unexpected(connection.error());
    }
    Connection& c = **connection;
    return c.guard<std::optional<std::string>>([&]() -> core::Result<std::optional<std::string>> {
        pqxx::read_transaction transaction(c.handle());
        if (transaction.exec("SELECT to_regclass('field_encryption')")[0][0].is_null()) {
            return std::nullopt;
        }
        return recorded_key_id(transaction);
    });
}

core::Result<void> reseal_database(const std::string& url, const core::FieldCipher& old,
                                   const core::FieldCipher& next) {
    auto connection = Connection::open(url);
    if (!connection) {
        return tl::unexpected(connection.error());
    }
    Connection& c = **connection;
    SAMSKAB_PG_TRY(migrate(c, latest_version()));
    return c.guard<void>([&]() -> core::Result<void> {
        pqxx::work transaction(c.handle());
        SAMSKAB_PG_TRY(reseal_fields(transaction, old, next, c.server()));
        transaction.commit();
        return {};
    });
}

const std::string& PostgresStore::server() const {
    return m_connection->server();
}

core::Result<bool> PostgresStore::contains(core::Collection collection, std::string_view id) {
    return m_connection->guard<bool>([&]() -> core::Result<bool> {
        pqxx::nontransaction query(m_connection->handle());
        return !query.exec_prepared(CONTAINS[static_cast<size_t>(collection)], std::string(id))
                    .empty();
    });
}

}  // namespace samskab::storage::postgres
