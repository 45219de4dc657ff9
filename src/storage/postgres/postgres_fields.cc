#include "storage/postgres/postgres_fields.h"

#include <utility>
#include <vector>

#include "core/messages.h"
#include "storage/postgres/postgres_connection.h"

namespace samskab::storage::postgres {

namespace {

std::string sealed_bytes_of(const pqxx::field& field) {
    return pqxx::binarystring(field).str();
}

std::string sealed_link_context(std::string_view side, std::string_view key) {
    return "companions." + std::string(side) + ":" + lower_hex(key);
}

std::int64_t sealed_person_of_text(std::string_view text, std::string_view context) {
    std::int64_t value = 0;
    if (text.empty()) {
        throw SealedFieldError(std::string(context) + ": empty person key");
    }
    for (const char c : text) {
        if (c < '0' || c > '9') {
            throw SealedFieldError(std::string(context) + ": not a person key");
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

std::string opened_value(const core::FieldCipher& cipher, std::string_view sealed,
                         std::string_view context) {
    auto plain = cipher.open(sealed, context);
    if (!plain) {
        throw SealedFieldError(plain.error().message);
    }
    return std::move(*plain);
}

// A free-text column sealed beside its plaintext column, with the columns of its row's key in
// the order its context names them.
struct SealedTextColumn {
    std::string_view table;
    std::string_view plain;
    std::string_view sealed;
    std::vector<std::string_view> keys;
    std::string_view prefix;   // the context before the keys
    std::string_view emptied;  // what the plaintext column holds once sealed
};

const std::vector<SealedTextColumn>& sealed_text_columns() {
    static const std::vector<SealedTextColumn> all = {
        {"logbook_notes", "text", "text_sealed", {"pk"}, "logbook_notes.text", "''"},
        {"logbook_entry_values",
         "text_value",
         "text_sealed",
         {"entry", "key"},
         "logbook_entry_values.text_value",
         "NULL"},
        {"interviews",
         "interviewee_text",
         "interviewee_sealed",
         {"pk"},
         "interviews.interviewee_text",
         "''"},
        {"interview_notes", "note_text", "note_sealed", {"pk"}, "interview_notes.note_text", "''"},
        {"interview_codings",
         "quote_text",
         "quote_sealed",
         {"pk"},
         "interview_codings.quote_text",
         "''"},
        {"self_assessment_answers",
         "comment_text",
         "comment_sealed",
         {"partnership", "half", "item"},
         "self_assessment_answers.comment_text",
         "''"},
    };
    return all;
}

std::string sealed_key_list(const SealedTextColumn& column) {
    std::string out;
    for (const auto key : column.keys) {
        out += (out.empty() ? "" : ", ") + std::string(key) + "::text";
    }
    return out;
}

std::string sealed_key_match(const SealedTextColumn& column, int first_parameter) {
    std::string out;
    int n = first_parameter;
    for (const auto key : column.keys) {
        out += (out.empty() ? "" : " AND ") + std::string(key) + " = $" + std::to_string(n++);
    }
    return out;
}

std::string sealed_context_of(const SealedTextColumn& column, const pqxx::row& row) {
    std::string context(column.prefix);
    for (std::size_t i = 0; i < column.keys.size(); ++i) {
        context += ":" + row[static_cast<int>(i)].as<std::string>();
    }
    return context;
}

// Seals every value still in plaintext under `next`.
void seal_plaintext_values(pqxx::transaction_base& tx, const SealedFields& next) {
    for (const SealedTextColumn& column : sealed_text_columns()) {
        const std::string update = "UPDATE " + std::string(column.table) + " SET " +
                                   std::string(column.sealed) + " = $1, " +
                                   std::string(column.plain) + " = " + std::string(column.emptied) +
                                   " WHERE " + sealed_key_match(column, 2);
        const pqxx::result rows =
            tx.exec("SELECT " + sealed_key_list(column) + ", " + std::string(column.plain) +
                    " FROM " + std::string(column.table) + " WHERE " + std::string(column.sealed) +
                    " IS NULL AND " + std::string(column.plain) + " IS NOT NULL");
        for (const pqxx::row& row : rows) {
            const auto text = row[static_cast<int>(column.keys.size())].as<std::string>();
            update_sealed_row(tx, update, next.seal(text, sealed_context_of(column, row)), row,
                              column.keys.size());
        }
    }
    for (const pqxx::row& row : tx.exec("SELECT pk, support_need FROM people "
                                        "WHERE support_sealed IS NULL AND consent_support_need")) {
        const auto person = row[0].as<std::int64_t>();
        tx.exec_params("UPDATE people SET support_sealed = $1, support_need = false WHERE pk = $2",
                       *next.seal_support(row[1].as<bool>(), true, person), person);
    }
    for (const pqxx::row& row :
         tx.exec("SELECT pk, person, companion FROM companions WHERE person IS NOT NULL")) {
        const auto person = row[1].as<std::int64_t>();
        const auto companion = row[2].as<std::int64_t>();
        tx.exec_params(
            "UPDATE companions SET person = NULL, companion = NULL, person_key = $1, "
            "companion_key = $2, person_sealed = $3, companion_sealed = $4 WHERE pk = $5",
            next.link_key(person), next.link_key(companion), next.seal_link_person(person),
            next.seal_link_companion(companion), row[0].as<std::int64_t>());
    }
}

// Opens every sealed value under `old` and seals it again under `next`.
void reseal_sealed_values(pqxx::transaction_base& tx, const SealedFields& old,
                          const SealedFields& next) {
    for (const SealedTextColumn& column : sealed_text_columns()) {
        const std::string update = "UPDATE " + std::string(column.table) + " SET " +
                                   std::string(column.sealed) + " = $1 WHERE " +
                                   sealed_key_match(column, 2);
        const pqxx::result rows = tx.exec(
            "SELECT " + sealed_key_list(column) + ", " + std::string(column.sealed) + " FROM " +
            std::string(column.table) + " WHERE " + std::string(column.sealed) + " IS NOT NULL");
        for (const pqxx::row& row : rows) {
            const std::string context = sealed_context_of(column, row);
            const std::string text = opened_value(
                old.cipher(), sealed_bytes_of(row[static_cast<int>(column.keys.size())]), context);
            update_sealed_row(tx, update, next.seal(text, context), row, column.keys.size());
        }
    }
    for (const pqxx::row& row :
         tx.exec("SELECT pk, support_sealed FROM people WHERE support_sealed IS NOT NULL")) {
        const auto person = row[0].as<std::int64_t>();
        const std::string flag =
            opened_value(old.cipher(), sealed_bytes_of(row[1]), support_context(person));
        tx.exec_params("UPDATE people SET support_sealed = $1 WHERE pk = $2",
                       next.seal(flag, support_context(person)), person);
    }
    for (const pqxx::row& row : tx.exec("SELECT pk, " + std::string(LINK_COLUMNS) +
                                        " FROM companions c WHERE c.person_sealed IS NOT NULL")) {
        const OpenedLink link = old.open_link(row, 1);
        tx.exec_params(
            "UPDATE companions SET person_key = $1, companion_key = $2, person_sealed = $3, "
            "companion_sealed = $4 WHERE pk = $5",
            next.link_key(link.person), next.link_key(link.companion),
            next.seal_link_person(link.person), next.seal_link_companion(link.companion),
            row[0].as<std::int64_t>());
    }
}

void record_field_key(pqxx::transaction_base& tx, const core::FieldCipher& cipher) {
    tx.exec_params(
        "INSERT INTO field_encryption (singleton, key_id, sealed_at) "
        "VALUES (1, $1, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS')) "
        "ON CONFLICT (singleton) DO UPDATE SET key_id = excluded.key_id, "
        "sealed_at = excluded.sealed_at",
        cipher.key_id());
}

core::Error field_key_wrong(std::string_view server, std::string_view recorded,
                            std::string_view given) {
    return {core::ErrorCode::Conflict,
            core::message(core::Lang::Da, core::Msg::KeyWrong, {server, recorded, given}),
            "--key-file"};
}

// A SealedFields for a cipher the caller owns (prepare and reseal borrow theirs).
SealedFields borrowed_fields(const core::FieldCipher& cipher) {
    return SealedFields(std::shared_ptr<const core::FieldCipher>(&cipher, [](auto*) {}));
}

}  // namespace

std::string support_context(std::int64_t person) {
    return "people.support_need:" + std::to_string(person);
}
std::string note_context(std::int64_t note) {
    return "logbook_notes.text:" + std::to_string(note);
}
std::string entry_text_context(std::int64_t entry, std::string_view key) {
    return "logbook_entry_values.text_value:" + std::to_string(entry) + ":" + std::string(key);
}
std::string interviewee_context(std::int64_t interview) {
    return "interviews.interviewee_text:" + std::to_string(interview);
}
std::string interview_note_context(std::int64_t note) {
    return "interview_notes.note_text:" + std::to_string(note);
}
std::string quote_context(std::int64_t coding) {
    return "interview_codings.quote_text:" + std::to_string(coding);
}
std::string comment_context(std::int64_t partnership, std::string_view half,
                            std::string_view item) {
    return "self_assessment_answers.comment_text:" + std::to_string(partnership) + ":" +
           std::string(half) + ":" + std::string(item);
}

SealedFields::SealedFields(std::shared_ptr<const core::FieldCipher> cipher)
    : m_cipher(std::move(cipher)) {
    if (!m_cipher) {
        throw std::invalid_argument("SealedFields needs a cipher");
    }
}

pqxx::binarystring SealedFields::seal(std::string_view plaintext, std::string_view context) const {
    return pqxx::binarystring(m_cipher->seal(plaintext, context));
}

std::string SealedFields::open(const pqxx::field& sealed, const pqxx::field& plain,
                               std::string_view context) const {
    return open_optional(sealed, plain, context).value_or(std::string());
}

std::optional<std::string> SealedFields::open_optional(const pqxx::field& sealed,
                                                       const pqxx::field& plain,
                                                       std::string_view context) const {
    if (!sealed.is_null()) {
        return opened_value(*m_cipher, sealed_bytes_of(sealed), context);
    }
    if (plain.is_null()) {
        return std::nullopt;
    }
    return plain.as<std::string>();
}

std::string SealedFields::open_bytes(std::string_view sealed, std::string_view context) const {
    return opened_value(*m_cipher, sealed, context);
}

bool SealedFields::open_support(const pqxx::field& sealed, const pqxx::field& plain,
                                std::int64_t person) const {
    if (sealed.is_null()) {
        return plain.as<bool>();
    }
    return opened_value(*m_cipher, sealed_bytes_of(sealed), support_context(person)) == "1";
}

std::optional<pqxx::binarystring> SealedFields::seal_support(bool support_need, bool consent,
                                                             std::int64_t person) const {
    if (!consent) {
        return std::nullopt;
    }
    return seal(support_need ? "1" : "0", support_context(person));
}

std::string SealedFields::link_key_bytes(std::int64_t person) const {
    return m_cipher->digest(std::to_string(person));
}

pqxx::binarystring SealedFields::link_key(std::int64_t person) const {
    return pqxx::binarystring(link_key_bytes(person));
}

std::string SealedFields::seal_link_bytes(std::string_view side, std::int64_t person,
                                          std::string_view key) const {
    return m_cipher->seal(std::to_string(person), sealed_link_context(side, key));
}

pqxx::binarystring SealedFields::seal_link_person(std::int64_t person) const {
    return pqxx::binarystring(seal_link_bytes("person", person, link_key_bytes(person)));
}

pqxx::binarystring SealedFields::seal_link_companion(std::int64_t companion) const {
    return pqxx::binarystring(seal_link_bytes("companion", companion, link_key_bytes(companion)));
}

std::int64_t SealedFields::open_link_bytes(std::string_view side, std::string_view sealed,
                                           std::string_view key) const {
    const std::string context = sealed_link_context(side, key);
    return sealed_person_of_text(opened_value(*m_cipher, sealed, context), context);
}

OpenedLink SealedFields::open_link(const pqxx::row& row, int first) const {
    OpenedLink link;
    const auto side = [&](std::string_view name, int at) -> std::int64_t {
        if (row[at].is_null()) {
            return row[at + 2].as<std::int64_t>();  // from before the database was sealed
        }
        return open_link_bytes(name, sealed_bytes_of(row[at]), sealed_bytes_of(row[at + 1]));
    };
    link.person = side("person", first);
    link.companion = side("companion", first + 3);
    return link;
}

bool SealedFields::open_support(const CopyRow& row, std::size_t sealed, std::size_t plain,
                                std::int64_t person) const {
    if (row.is_null(sealed)) {
        return row.boolean(plain);
    }
    return opened_value(*m_cipher, bytea_of_copy_text(row.text(sealed)), support_context(person)) ==
           "1";
}

OpenedLink SealedFields::open_link(const CopyRow& row, std::size_t first) const {
    const auto side = [&](std::string_view name, std::size_t at) -> std::int64_t {
        if (row.is_null(at)) {
            const auto plain = row.integer(at + 2);
            if (!plain) {
                throw SealedFieldError("companions: a link without its people");
            }
            return *plain;
        }
        return open_link_bytes(name, bytea_of_copy_text(row.text(at)),
                               bytea_of_copy_text(row.text(at + 1)));
    };
    return {side("person", first), side("companion", first + 3)};
}

void set_sealed(pqxx::transaction_base& tx, std::string_view table, std::string_view column,
                std::int64_t pk, const pqxx::binarystring& sealed) {
    tx.exec_params(
        "UPDATE " + std::string(table) + " SET " + std::string(column) + " = $1 WHERE pk = $2",
        sealed, pk);
}

void update_sealed_row(pqxx::transaction_base& tx, const std::string& update,
                       const pqxx::binarystring& sealed, const pqxx::row& row, std::size_t keys) {
    std::vector<std::string> k;
    for (std::size_t i = 0; i < keys; ++i) {
        k.push_back(row[static_cast<int>(i)].as<std::string>());
    }
    switch (keys) {
        case 1:
            tx.exec_params(update, sealed, k[0]);
            break;
        case 2:
            tx.exec_params(update, sealed, k[0], k[1]);
            break;
        default:
            tx.exec_params(update, sealed, k[0], k[1], k[2]);
            break;
    }
}

std::optional<std::string> recorded_key_id(pqxx::transaction_base& tx) {
    const pqxx::result rows = tx.exec("SELECT key_id FROM field_encryption");
    if (rows.empty()) {
        return std::nullopt;
    }
    return rows[0][0].as<std::string>();
}

core::Result<void> prepare_fields(pqxx::transaction_base& tx, const core::FieldCipher& cipher,
                                  std::string_view server) {
    tx.exec("SELECT pg_advisory_xact_lock(" + std::to_string(FIELDS_LOCK) + ")");
    const std::optional<std::string> recorded = recorded_key_id(tx);
    if (recorded && *recorded != cipher.key_id()) {
        return tl::unexpected(field_key_wrong(server, *recorded, cipher.key_id()));
    }
    seal_plaintext_values(tx, borrowed_fields(cipher));
    if (!recorded) {
        record_field_key(tx, cipher);
    }
    return {};
}

core::Result<void> reseal_fields(pqxx::transaction_base& tx, const core::FieldCipher& old,
                                 const core::FieldCipher& next, std::string_view server) {
    tx.exec("SELECT pg_advisory_xact_lock(" + std::to_string(FIELDS_LOCK) + ")");
    const std::optional<std::string> recorded = recorded_key_id(tx);
    if (recorded && *recorded != old.key_id()) {
        return tl::unexpected(field_key_wrong(server, *recorded, old.key_id()));
    }
    const SealedFields next_fields = borrowed_fields(next);
    reseal_sealed_values(tx, borrowed_fields(old), next_fields);
    seal_plaintext_values(tx, next_fields);
    record_field_key(tx, next);
    return {};
}

}  // namespace samskab::storage::postgres
