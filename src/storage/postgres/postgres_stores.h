#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "core/clock.h"
#include "core/store.h"
#include "storage/postgres/postgres_account_store.h"
#include "storage/postgres/postgres_community_store.h"
#include "storage/postgres/postgres_interview_store.h"
#include "storage/postgres/postgres_logbook_store.h"
#include "storage/postgres/postgres_pool.h"
#include "storage/postgres/postgres_store.h"
#include "storage/postgres/postgres_survey_store.h"

namespace samskab::storage::postgres {

// A core::Store that may be shared between threads: a PostgresStore (one connection) behind a
// mutex. Imports, exports and reports are rare and long in the web application; serialising
// them costs little there, while the day-to-day stores use the pool.
class SharedPostgresStore final : public core::Store {
public:
    explicit SharedPostgresStore(std::unique_ptr<PostgresStore> store)
        : m_store(std::move(store)) {}

    core::Result<bool> contains(core::Collection collection, std::string_view id) override;
    core::Result<core::ImportSummary> import_bundle(const core::Bundle& bundle) override;
    core::Result<core::Bundle> export_bundle() override;
    core::Result<core::Dataset> load_dataset() override;

private:
    std::mutex m_mutex;
    std::unique_ptr<PostgresStore> m_store;
};

// What the web application stores, on one PostgreSQL database: the account store and the
// day-to-day stores share one connection pool; the bundle store has its own connection.
struct PostgresStores {
    std::shared_ptr<ConnectionPool> pool;
    std::unique_ptr<PostgresAccountStore> accounts;
    std::unique_ptr<PostgresCommunityStore> community;
    std::unique_ptr<PostgresLogbookStore> logbooks;      // on the same pool
    std::unique_ptr<PostgresInterviewStore> interviews;  // on the same pool
    std::unique_ptr<PostgresSurveyStore> surveys;        // on the same pool
    std::unique_ptr<SharedPostgresStore> store;

    // Connects to `url`, brings the schema up to date and opens the stores with `pool_size`
    // pooled connections (at least one). `clock` must outlive the stores. Storage when the
    // server cannot be reached; Conflict when its schema is newer than this program.
    static core::Result<PostgresStores> open(const std::string& url, int pool_size,
                                             const core::Clock& clock);
};

}  // namespace samskab::storage::postgres
