#include "storage/postgres/postgres_stores.h"

namespace samskab::storage::postgres {

core::Result<bool> SharedPostgresStore::contains(core::Collection collection, std::string_view id) {
    std::lock_guard lock(m_mutex);
    return m_store->contains(collection, id);
}

core::Result<core::ImportSummary> SharedPostgresStore::import_bundle(const core::Bundle& bundle) {
    std::lock_guard lock(m_mutex);
    return m_store->import_bundle(bundle);
}

core::Result<core::Bundle> SharedPostgresStore::export_bundle() {
    std::lock_guard lock(m_mutex);
    return m_store->export_bundle();
}

core::Result<core::Dataset> SharedPostgresStore::load_dataset() {
    std::lock_guard lock(m_mutex);
    return m_store->load_dataset();
}

core::Result<PostgresStores> PostgresStores::open(const std::string& url, int pool_size,
                                                  const core::Clock& clock) {
    PostgresStores stores;
    // The pool migrates first; the bundle store's own migration then finds nothing to do.
    auto pool = ConnectionPool::open(url, pool_size);
    if (!pool) {
        return tl::unexpected(pool.error());
    }
    stores.pool = std::move(*pool);
    auto store = PostgresStore::open(url);
    if (!store) {
        return tl::unexpected(store.error());
    }
    stores.store = std::make_unique<SharedPostgresStore>(std::move(*store));
    stores.accounts = std::make_unique<PostgresAccountStore>(stores.pool, clock);
    stores.community = std::make_unique<PostgresCommunityStore>(stores.pool);
    stores.logbooks = std::make_unique<PostgresLogbookStore>(stores.pool);
    stores.interviews = std::make_unique<PostgresInterviewStore>(stores.pool);
    stores.surveys = std::make_unique<PostgresSurveyStore>(stores.pool);
    return stores;
}

}  // namespace samskab::storage::postgres
