#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "core/clock.h"
#include "core/store.h"
#include "storage/sqlite/sqlite_account_store.h"
#include "storage/sqlite/sqlite_community_store.h"
#include "storage/sqlite/sqlite_interview_store.h"
#include "storage/sqlite/sqlite_logbook_store.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/sqlite/sqlite_survey_store.h"

namespace samskab::storage::sqlite {

// A core::Store that may be shared between threads: an SqliteStore (one connection) behind a
// mutex. Imports, exports and reports are rare and long in the web application; serialising
// them costs nothing there, while the day-to-day stores use the pool.
class SharedSqliteStore final : public core::Store {
public:
    explicit SharedSqliteStore(std::unique_ptr<SqliteStore> store) : m_store(std::move(store)) {}

    core::Result<bool> contains(core::Collection collection, std::string_view id) override;
    core::Result<core::ImportSummary> import_bundle(const core::Bundle& bundle) override;
    core::Result<core::Bundle> export_bundle() override;
    core::Result<core::Dataset> load_dataset() override;

private:
    std::mutex m_mutex;
    std::unique_ptr<SqliteStore> m_store;
};

// Everything the web application stores, on one SQLite file: the account store and the
// community store share one connection pool; the bundle store has its own connection.
struct SqliteStores {
    std::shared_ptr<ConnectionPool> pool;
    std::unique_ptr<SqliteAccountStore> accounts;
    std::unique_ptr<SqliteCommunityStore> community;
    std::unique_ptr<SqliteLogbookStore> logbooks;      // on the same pool
    std::unique_ptr<SqliteInterviewStore> interviews;  // on the same pool
    std::unique_ptr<SqliteSurveyStore> surveys;        // on the same pool
    std::unique_ptr<SharedSqliteStore> store;

    // Opens (creating if needed) the database at `path`, brings its schema up to date, and
    // opens the stores on it with `pool_size` pooled connections (one per worker thread is
    // enough; at least one). `clock` must outlive the stores. Storage when the file cannot be
    // opened; Conflict when the database is newer than this program.
    // `cipher` seals the sensitive fields (see SqliteStore::open).
    static core::Result<SqliteStores> open(
        const std::string& path, int pool_size, const core::Clock& clock,
        std::shared_ptr<const core::FieldCipher> cipher = nullptr);
};

}  // namespace samskab::storage::sqlite
