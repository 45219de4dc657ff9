#include "storage/sqlite/sqlite_stores.h"

namespace samskab::storage::sqlite {

core::Result<bool> SharedSqliteStore::contains(core::Collection collection, std::string_view id) {
    std::lock_guard lock(m_mutex);
    return m_store->contains(collection, id);
}

core::Result<core::ImportSummary> SharedSqliteStore::import_bundle(const core::Bundle& bundle) {
    std::lock_guard lock(m_mutex);
    return m_store->import_bundle(bundle);
}

core::Result<core::Bundle> SharedSqliteStore::export_bundle() {
    std::lock_guard lock(m_mutex);
    return m_store->export_bundle();
}

core::Result<core::Dataset> SharedSqliteStore::load_dataset() {
    std::lock_guard lock(m_mutex);
    return m_store->load_dataset();
}

core::Result<SqliteStores> SqliteStores::open(const std::string& path, int pool_size,
                                              const core::Clock& clock,
                                              std::shared_ptr<const core::FieldCipher> cipher) {
    SqliteStores stores;
    // The pool migrates first; the bundle store's own migration then finds nothing to do.
    SAMSKAB_TRY_SET(stores.pool, ConnectionPool::open(path, pool_size, cipher));
    std::unique_ptr<SqliteStore> store;
    SAMSKAB_TRY_SET(store, SqliteStore::open(path, cipher));
    stores.store = std::make_unique<SharedSqliteStore>(std::move(store));
    stores.accounts = std::make_unique<SqliteAccountStore>(stores.pool, clock);
    stores.community = std::make_unique<SqliteCommunityStore>(stores.pool);
    stores.logbooks = std::make_unique<SqliteLogbookStore>(stores.pool);
    stores.interviews = std::make_unique<SqliteInterviewStore>(stores.pool);
    stores.surveys = std::make_unique<SqliteSurveyStore>(stores.pool);
    return stores;
}

}  // namespace samskab::storage::sqlite
