#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "core/clock.h"
#include "core/field_cipher.h"
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
//
// The connection is its own, and a restart of the server (or a fail-over) breaks it for good,
// while the pool reconnects. So after a Storage error the connection is opened anew: a read
// (contains, export, report) is then run again once, an import is not (the caller sees its
// failure and may import again, which is idempotent). While the server is down, each call
// tries to reconnect and fails with Storage.
class SharedPostgresStore final : public core::Store {
public:
    SharedPostgresStore(std::string url, std::shared_ptr<const core::FieldCipher> cipher,
                        std::unique_ptr<PostgresStore> store)
        : m_url(std::move(url)), m_cipher(std::move(cipher)), m_store(std::move(store)) {}

    core::Result<bool> contains(core::Collection collection, std::string_view id) override;
    core::Result<core::ImportSummary> import_bundle(const core::Bundle& bundle) override;
    core::Result<core::Bundle> export_bundle() override;
    core::Result<core::Dataset> load_dataset() override;

    // How many times the connection was opened anew (for tests and logs).
    int reopened() const;

private:
    template <class Call>
    auto run(Call call, bool again) -> decltype(call(std::declval<PostgresStore&>()));
    core::Result<void> reopen();

    const std::string m_url;
    const std::shared_ptr<const core::FieldCipher> m_cipher;
    mutable std::mutex m_mutex;
    std::unique_ptr<PostgresStore> m_store;  // null after a failed reopen
    int m_reopened = 0;
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
    // pooled connections (at least one), sealing the sensitive fields with `cipher` (not null;
    // storage/postgres/postgres_fields.h). `clock` must outlive the stores. Storage when the
    // server cannot be reached; Conflict when its schema is newer than this program or the
    // database is sealed under another key.
    static core::Result<PostgresStores> open(const std::string& url, int pool_size,
                                             const core::Clock& clock,
                                             std::shared_ptr<const core::FieldCipher> cipher);
};

}  // namespace samskab::storage::postgres
