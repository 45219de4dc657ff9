#include "storage/sqlite/sqlite_store.h"

#include "storage/sqlite/sqlite_fields.h"
#include "storage/sqlite/sqlite_migrations.h"

namespace samskab::storage::sqlite {

core::Result<std::unique_ptr<SqliteStore>> SqliteStore::open(
    const std::string& path, std::shared_ptr<const core::FieldCipher> cipher) {
    auto db = Database::open(path);
    if (!db) {
        return tl::unexpected(db.error());
    }
    SAMSKAB_TRY(migrate(**db, latest_version()));
    SAMSKAB_TRY(prepare_fields(**db, std::move(cipher)));
    return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(*db)));
}

core::Result<bool> SqliteStore::contains(core::Collection collection, std::string_view id) {
    static constexpr std::string_view QUERIES[] = {
        "SELECT 1 FROM partnerships WHERE id = ?",
        "SELECT 1 FROM organisations WHERE id = ?",
        "SELECT 1 FROM places WHERE id = ?",
        "SELECT 1 FROM people WHERE id = ?",
        "SELECT 1 FROM activities WHERE id = ?",
        "SELECT 1 FROM occurrences WHERE id = ?",
        "SELECT 1 FROM logbook_templates WHERE id = ?",
        "SELECT 1 FROM codebook_themes t JOIN partnerships p ON p.pk = t.partnership "
        "WHERE p.id = substr(?1, 1, instr(?1, char(31)) - 1) "
        "AND t.id = substr(?1, instr(?1, char(31)) + 1)",
    };
    auto& query = m_contains[static_cast<size_t>(collection)];
    if (!query) {
        query = std::make_unique<Statement>(m_db->handle(), QUERIES[static_cast<int>(collection)]);
    }
    query->reset();
    query->bind(1, id);
    auto found = query->step();
    query->reset();
    return found;
}

}  // namespace samskab::storage::sqlite
