#include "storage/postgres/postgres_stores.h"

#include <utility>

namespace samskab::storage::postgres {

template <class Call>
auto SharedPostgresStore::run(Call call, bool again)
    -> decltype(call(std::declval<PostgresStore&>())) {
    std::lock_guard lock(m_mutex);
    if (!m_store) {
        if (auto opened = reopen(); !opened) {
            return tl::unexpected(opened.error());
        }
    }
    auto result = call(*m_store);
    if (result || result.error().code != core::ErrorCode::Storage) {
        return result;
    }
    // A Storage error may be the server's, not the connection's; opening anew costs one
    // connection and is the only way to tell.
    if (!reopen() || !again) {
        return result;
    }
    return call(*m_store);
}

core::Result<void> SharedPostgresStore::reopen() {
    m_store.reset();
    auto opened = PostgresStore::open(m_url, m_cipher);
    if (!opened) {
        return tl::unexpected(opened.error());
    }
    m_store = std::move(*opened);
    ++m_reopened;
    return {};
}

int SharedPostgresStore::reopened() const {
    std::lock_guard lock(m_mutex);
    return m_reopened;
}

core::Result<bool> SharedPostgresStore::contains(core::Collection collection, std::string_view id) {
    return run([&](PostgresStore& s) { return s.contains(collection, id); }, true);
}

core::Result<core::ImportSummary> SharedPostgresStore::import_bundle(const core::Bundle& bundle) {
    return run([&](PostgresStore& s) { return s.import_bundle(bundle); }, false);
}

core::Result<core::Bundle> SharedPostgresStore::export_bundle() {
    return run([](PostgresStore& s) { return s.export_bundle(); }, true);
}

core::Result<core::Dataset> SharedPostgresStore::load_dataset() {
    return run([](PostgresStore& s) { return s.load_dataset(); }, true);
}

core::Result<PostgresStores> PostgresStores::open(const std::string& url, int pool_size,
                                                  const core::Clock& clock,
                                                  std::shared_ptr<const core::FieldCipher> cipher) {
    PostgresStores stores;
    // The pool migrates first; the bundle store's own migration then finds nothing to do.
    auto pool = ConnectionPool::open(url, pool_size);
    if (!pool) {
        return tl::unexpected(pool.error());
    }
    stores.pool = std::move(*pool);
    // The bundle store seals what an older samskab left in plaintext before the pool's stores
    // read anything.
    auto store = PostgresStore::open(url, cipher);
    if (!store) {
        return tl::unexpected(store.error());
    }
    stores.store = std::make_unique<SharedPostgresStore>(url, cipher, std::move(*store));
    const SealedFields fields(cipher);
    stores.accounts = std::make_unique<PostgresAccountStore>(stores.pool, clock);
    stores.community = std::make_unique<PostgresCommunityStore>(stores.pool, fields);
    stores.logbooks = std::make_unique<PostgresLogbookStore>(stores.pool, fields);
    stores.interviews = std::make_unique<PostgresInterviewStore>(stores.pool, fields);
    stores.surveys = std::make_unique<PostgresSurveyStore>(stores.pool, fields);
    return stores;
}

}  // namespace samskab::storage::postgres
