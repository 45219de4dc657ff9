#pragma once

// Encryption at rest of the sensitive fields (core/field_cipher.h) in the PostgreSQL store: the
// same fields as SQLite's (storage/sqlite/sqlite_fields.h): the support need, the text of
// logbook notes, who accompanies whom, logbook entries' text answers, interviews' description
// of the interviewee, interview notes, coded quotes and the self-assessment's comments.
//
// PostgreSQL cannot call into this program from SQL, so the stores seal a value before they
// bind it and open it after they read it; the server only ever sees sealed bytes. A value is
// never written in plaintext first and sealed after: the plaintext would stay in the
// write-ahead log (and so in a base backup or a replica) and in the dead row until vacuum.
// Rows whose key comes from an identity column are inserted with an empty plaintext column and
// their sealed value is set by the next statement of the same transaction, once the key is
// known.
//
// Layout, in an encrypted database (every database the stores open: they always have a key):
// the plaintext column holds '' (NULL for an entry's text answer, false for the support need)
// and the *_sealed column the sealed value. A row from before the database was first opened
// with a key has its plaintext and a NULL sealed column; prepare_fields seals those. A
// companion link is sealed whole: person_sealed and companion_sealed hold the people's keys
// (their integer keys in decimal), person_key and companion_key are blind indexes of them (for
// lookups by person), and the plaintext person and companion columns are NULL.
//
// A sealed value's context is its table and column and the key of its row, as on SQLite, so
// that a value copied into another row does not open; the people's keys are the integer `pk`
// (their bundle id changes when they are anonymised).
//
// A value that does not open (another key, altered, moved to another row) throws
// SealedFieldError, a pqxx::failure: the pool and Connection::guard turn it into a Storage
// error that names the context, and the transaction is rolled back.

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <pqxx/pqxx>

#include "core/field_cipher.h"
#include "core/result.h"
#include "storage/postgres/postgres_copy.h"

namespace samskab::storage::postgres {

class SealedFieldError : public pqxx::failure {
public:
    explicit SealedFieldError(const std::string& message) : pqxx::failure(message) {}
};

// The contexts of the sealed values (see above).
std::string support_context(std::int64_t person);
std::string note_context(std::int64_t note);  // logbook_notes.text
std::string entry_text_context(std::int64_t entry, std::string_view key);
std::string interviewee_context(std::int64_t interview);
std::string interview_note_context(std::int64_t note);
std::string quote_context(std::int64_t coding);
std::string comment_context(std::int64_t partnership, std::string_view half, std::string_view item);

// A companion link's people, opened.
struct OpenedLink {
    std::int64_t person = 0;
    std::int64_t companion = 0;
};

// The columns a link is read with, in this order, for a table alias `c`; open_link reads them.
inline constexpr std::string_view LINK_COLUMNS =
    "c.person_sealed, c.person_key, c.person, c.companion_sealed, c.companion_key, c.companion";

// The same columns for COPY (the bulk readers), without an alias.
inline constexpr std::string_view LINK_COPY_COLUMNS[] = {
    "person_sealed", "person_key", "person", "companion_sealed", "companion_key", "companion"};

// What the stores seal and open with. Cheap to copy (it shares the cipher).
class SealedFields {
public:
    // `cipher` must not be null.
    explicit SealedFields(std::shared_ptr<const core::FieldCipher> cipher);

    const core::FieldCipher& cipher() const { return *m_cipher; }
    const std::shared_ptr<const core::FieldCipher>& shared_cipher() const { return m_cipher; }

    // The sealed bytes of `plaintext`, to bind to a bytea parameter.
    pqxx::binarystring seal(std::string_view plaintext, std::string_view context) const;

    // A row's text: `sealed` opened, or `plain` when `sealed` is NULL (a row from before the
    // database was sealed); "" when both are NULL. Throws SealedFieldError.
    std::string open(const pqxx::field& sealed, const pqxx::field& plain,
                     std::string_view context) const;
    // The same, nullopt when both are NULL (an entry's answer that is not text).
    std::optional<std::string> open_optional(const pqxx::field& sealed, const pqxx::field& plain,
                                             std::string_view context) const;
    // Bytes as COPY read them (the stores' bulk readers): `sealed` empty for NULL.
    std::string open_bytes(std::string_view sealed, std::string_view context) const;

    // The support need of person `person`: its sealed value ("1" or "0") when there is one,
    // else the plaintext flag (`plain`, a boolean column).
    bool open_support(const pqxx::field& sealed, const pqxx::field& plain,
                      std::int64_t person) const;
    // The value to store for a support need: sealed when the person consented to it being
    // recorded, otherwise NULL (the schema refuses a sealed flag without consent). Either way the
    // plaintext column is written false.
    std::optional<pqxx::binarystring> seal_support(bool support_need, bool consent,
                                                   std::int64_t person) const;

    // The blind index of a person's key in companion links.
    pqxx::binarystring link_key(std::int64_t person) const;
    // The sealed person and companion of a link, under their blind indexes.
    pqxx::binarystring seal_link_person(std::int64_t person) const;
    pqxx::binarystring seal_link_companion(std::int64_t companion) const;
    // A link read with LINK_COLUMNS starting at column `first` of `row`.
    OpenedLink open_link(const pqxx::row& row, int first) const;

    // The same for rows read with COPY (export, dataset): the support need from its sealed
    // and plaintext columns, a link from LINK_COPY_COLUMNS starting at column `first`.
    bool open_support(const CopyRow& row, std::size_t sealed, std::size_t plain,
                      std::int64_t person) const;
    OpenedLink open_link(const CopyRow& row, std::size_t first) const;

    // Raw blind index bytes (for COPY), and the sealed bytes of a link's side given its index.
    std::string link_key_bytes(std::int64_t person) const;
    std::string seal_link_bytes(std::string_view side, std::int64_t person,
                                std::string_view key) const;
    std::int64_t open_link_bytes(std::string_view side, std::string_view sealed,
                                 std::string_view key) const;

private:
    std::shared_ptr<const core::FieldCipher> m_cipher;
};

// Sets the sealed `column` of the row with key `pk` of `table`: the second statement of a row
// inserted with an empty plaintext column, once its key is known. `table` and `column` are
// samskab's own names, never input.
void set_sealed(pqxx::transaction_base& tx, std::string_view table, std::string_view column,
                std::int64_t pk, const pqxx::binarystring& sealed);

// Runs `update` with `sealed` as $1 and the first `keys` columns of `row` (1 to 3, as text) as
// $2 onwards: re-sealing a value of a table keyed by one or several columns.
void update_sealed_row(pqxx::transaction_base& tx, const std::string& update,
                       const pqxx::binarystring& sealed, const pqxx::row& row, std::size_t keys);

// The id of the key the database is sealed under; nullopt before its first open with a key.
std::optional<std::string> recorded_key_id(pqxx::transaction_base& tx);

// Run once per open, after the migrations, in its own transaction (`tx` must be one that may
// write): Conflict (naming both key ids, `server` for the database) when the database is sealed
// under another key. Otherwise seals every value still in plaintext under `cipher` and records
// its key, so the first open with a key seals a database from before.
core::Result<void> prepare_fields(pqxx::transaction_base& tx, const core::FieldCipher& cipher,
                                  std::string_view server);

// Re-seals every sealed value and blind index from `old` to `next` and records `next`, in the
// caller's transaction: the caller commits, so a crash leaves the database wholly under one key.
// Conflict when the database is not sealed under `old`.
core::Result<void> reseal_fields(pqxx::transaction_base& tx, const core::FieldCipher& old,
                                 const core::FieldCipher& next, std::string_view server);

}  // namespace samskab::storage::postgres
