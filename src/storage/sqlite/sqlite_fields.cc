#include "storage/sqlite/sqlite_fields.h"

#include <sqlite3.h>

#include "core/messages.h"

namespace samskab::storage::sqlite {

namespace {

using core::ErrorCode;

std::string_view value_bytes(sqlite3_value* value) {
    // sqlite3_value_blob gives the bytes of text and blobs alike, and the decimal text of a
    // number after sqlite3_value_text has converted it.
    if (sqlite3_value_type(value) == SQLITE_INTEGER || sqlite3_value_type(value) == SQLITE_FLOAT) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(value));
        return {text, static_cast<size_t>(sqlite3_value_bytes(value))};
    }
    const auto* data = static_cast<const char*>(sqlite3_value_blob(value));
    return {data ? data : "", static_cast<size_t>(sqlite3_value_bytes(value))};
}

std::string_view context_of(sqlite3_value* value) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(value));
    return {text ? text : "", static_cast<size_t>(sqlite3_value_bytes(value))};
}

const FieldKeys& keys_of(sqlite3_context* context) {
    return *static_cast<const FieldKeys*>(sqlite3_user_data(context));
}

void reveal(sqlite3_context* context, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    const std::string_view stored = value_bytes(argv[0]);
    const auto& reader = keys_of(context).reader;
    if (!reader) {
        sqlite3_result_text(context, stored.data(), static_cast<int>(stored.size()),
                            SQLITE_TRANSIENT);
        return;
    }
    auto opened = reader->open(stored, context_of(argv[1]));
    if (!opened) {
        sqlite3_result_error(context, opened.error().message.c_str(),
                             static_cast<int>(opened.error().message.size()));
        return;
    }
    sqlite3_result_text(context, opened->data(), static_cast<int>(opened->size()),
                        SQLITE_TRANSIENT);
}

void hide(sqlite3_context* context, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    const std::string_view plain = value_bytes(argv[0]);
    const auto& writer = keys_of(context).writer;
    if (!writer) {
        sqlite3_result_blob(context, plain.data(), static_cast<int>(plain.size()),
                            SQLITE_TRANSIENT);
        return;
    }
    const std::string sealed = writer->seal(plain, context_of(argv[1]));
    sqlite3_result_blob(context, sealed.data(), static_cast<int>(sealed.size()), SQLITE_TRANSIENT);
}

void key(sqlite3_context* context, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    const std::string_view plain = value_bytes(argv[0]);
    const auto& writer = keys_of(context).writer;
    const std::string digest = writer ? writer->digest(plain) : std::string(plain);
    sqlite3_result_blob(context, digest.data(), static_cast<int>(digest.size()), SQLITE_TRANSIENT);
}

void encrypted(sqlite3_context* context, int, sqlite3_value**) {
    sqlite3_result_int(context, keys_of(context).writer ? 1 : 0);
}

void destroy(void* keys) {
    delete static_cast<FieldKeys*>(keys);
}

// Every sealed field, re-sealed: read with the reader, written with the writer. From an
// unencrypted database (no reader), the plaintext columns are read and emptied. A companion
// link's contexts name its blind indexes, which change with the key: the new ones are computed
// from the opened values.
constexpr std::string_view RESEAL = R"sql(
UPDATE people SET
    support_sealed = CASE WHEN consent_support_need = 1 THEN samskab_hide(
        coalesce(samskab_reveal(support_sealed, 'people.support_need:' || id), support_need),
        'people.support_need:' || id) END,
    support_need = 0;
UPDATE logbook_notes SET
    text_sealed = samskab_hide(
        coalesce(samskab_reveal(text_sealed, 'logbook_notes.text:' || pk), text),
        'logbook_notes.text:' || pk),
    text = '';
CREATE TEMP TABLE reseal_links AS
    SELECT c.pk AS link,
           samskab_reveal(c.person, 'companions.person:' || hex(c.person_key)) AS person,
           samskab_reveal(c.companion, 'companions.companion:' || hex(c.companion_key))
               AS companion
    FROM companions c;
UPDATE companions SET
    person_key = samskab_key(r.person), companion_key = samskab_key(r.companion),
    person = samskab_hide(r.person, 'companions.person:' || hex(samskab_key(r.person))),
    companion = samskab_hide(r.companion,
                             'companions.companion:' || hex(samskab_key(r.companion)))
FROM reseal_links r WHERE companions.pk = r.link;
DROP TABLE reseal_links;
UPDATE logbook_entry_values SET
    text_sealed = samskab_hide(
        coalesce(samskab_reveal(text_sealed,
                                'logbook_entry_values.text_value:' || entry || ':' || key),
                 text_value),
        'logbook_entry_values.text_value:' || entry || ':' || key),
    text_value = NULL
WHERE text_sealed IS NOT NULL OR text_value IS NOT NULL;
UPDATE interviews SET
    interviewee_sealed = samskab_hide(
        coalesce(samskab_reveal(interviewee_sealed, 'interviews.interviewee_text:' || pk),
                 interviewee_text),
        'interviews.interviewee_text:' || pk),
    interviewee_text = '';
UPDATE interview_notes SET
    note_sealed = samskab_hide(
        coalesce(samskab_reveal(note_sealed, 'interview_notes.note_text:' || pk), note_text),
        'interview_notes.note_text:' || pk),
    note_text = '';
UPDATE interview_codings SET
    quote_sealed = samskab_hide(
        coalesce(samskab_reveal(quote_sealed, 'interview_codings.quote_text:' || pk),
                 quote_text),
        'interview_codings.quote_text:' || pk),
    quote_text = '';
UPDATE self_assessment_answers SET
    comment_sealed = samskab_hide(
        coalesce(samskab_reveal(comment_sealed, 'self_assessment_answers.comment_text:' ||
                                partnership || ':' || half || ':' || item),
                 comment_text),
        'self_assessment_answers.comment_text:' || partnership || ':' || half || ':' || item),
    comment_text = '';
)sql";

// Whether plaintext is left in a column that is sealed only since a later migration than the
// database's encryption: the self-evaluation's free text (migration 8) of a database encrypted
// before it. In a database sealed throughout, these columns hold only '' and NULL.
constexpr std::string_view PLAINTEXT_LEFT = R"sql(
SELECT EXISTS (SELECT 1 FROM logbook_entry_values
               WHERE text_sealed IS NULL AND text_value IS NOT NULL)
    OR EXISTS (SELECT 1 FROM interviews
               WHERE interviewee_sealed IS NULL AND interviewee_text <> '')
    OR EXISTS (SELECT 1 FROM interview_notes WHERE note_sealed IS NULL AND note_text <> '')
    OR EXISTS (SELECT 1 FROM interview_codings
               WHERE quote_sealed IS NULL AND quote_text <> '')
    OR EXISTS (SELECT 1 FROM self_assessment_answers
               WHERE comment_sealed IS NULL AND comment_text <> '')
)sql";

core::Error key_error(core::Msg id, std::initializer_list<std::string_view> args) {
    return {ErrorCode::Conflict, core::message(core::Lang::Da, id, args), "--key-file"};
}

}  // namespace

core::Result<void> install_field_functions(Database& db, const FieldKeys& keys) {
    struct Function {
        const char* name;
        int arguments;
        int flags;
        void (*call)(sqlite3_context*, int, sqlite3_value**);
    };
    // Direct only: a view or trigger in a database file cannot call them.
    const int pure = SQLITE_UTF8 | SQLITE_DIRECTONLY | SQLITE_DETERMINISTIC;
    const Function functions[] = {
        {"samskab_reveal", 2, pure, reveal},
        {"samskab_hide", 2, SQLITE_UTF8 | SQLITE_DIRECTONLY, hide},
        {"samskab_key", 1, pure, key},
        {"samskab_encrypted", 0, pure, encrypted},
    };
    for (const Function& f : functions) {
        auto* copy = new FieldKeys(keys);
        if (sqlite3_create_function_v2(db.handle(), f.name, f.arguments, f.flags, copy, f.call,
                                       nullptr, nullptr, destroy) != SQLITE_OK) {
            return tl::unexpected(db.error(f.name));
        }
    }
    return {};
}

core::Result<std::optional<std::string>> recorded_key_id(Database& db) {
    Statement exists = db.prepare(
        "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'field_encryption'");
    auto table = exists.step();
    if (!table) {
        return tl::unexpected(table.error());
    }
    if (!*table) {
        return std::nullopt;
    }
    Statement query = db.prepare("SELECT key_id FROM field_encryption");
    auto row = query.step();
    if (!row) {
        return tl::unexpected(row.error());
    }
    if (!*row) {
        return std::nullopt;
    }
    return std::string(query.column_text(0));
}

core::Result<void> prepare_fields(Database& db, std::shared_ptr<const core::FieldCipher> cipher) {
    auto found = recorded_key_id(db);
    if (!found) {
        return tl::unexpected(found.error());
    }
    const std::optional<std::string>& recorded = *found;
    if (!cipher) {
        if (recorded) {
            return tl::unexpected(key_error(core::Msg::KeyNeeded, {db.path(), *recorded}));
        }
        return install_field_functions(db, {});
    }
    if (recorded && *recorded != cipher->key_id()) {
        return tl::unexpected(
            key_error(core::Msg::KeyWrong, {db.path(), *recorded, cipher->key_id()}));
    }
    if (!recorded) {
        SAMSKAB_TRY(reseal_fields(db, nullptr, cipher));
        return install_field_functions(db, {cipher, cipher});
    }
    Statement left = db.prepare(PLAINTEXT_LEFT);
    auto checked = left.step();
    if (!checked) {
        return tl::unexpected(checked.error());
    }
    const bool plaintext_left = left.column_int(0) != 0;
    left.reset();
    if (plaintext_left) {
        // Re-sealing under the same key seals what is left in plaintext, in one transaction
        // with the rest; it runs once, after the migration that added the sealed columns.
        return reseal_fields(db, cipher, cipher);
    }
    return install_field_functions(db, {cipher, cipher});
}

core::Result<void> reseal_fields(Database& db, std::shared_ptr<const core::FieldCipher> old,
                                 std::shared_ptr<const core::FieldCipher> next) {
    auto transaction = Transaction::begin(db);
    if (!transaction) {
        return tl::unexpected(transaction.error());
    }
    // Read under the lock: another process may have sealed or rotated meanwhile.
    auto found = recorded_key_id(db);
    if (!found) {
        return tl::unexpected(found.error());
    }
    const std::optional<std::string> recorded = *found;
    const std::optional<std::string> expected =
        old ? std::optional<std::string>(old->key_id()) : std::nullopt;
    if (recorded != expected) {
        if (!old && recorded == next->key_id()) {
            return install_field_functions(db, {next, next});
        }
        return tl::unexpected(
            key_error(core::Msg::KeyWrong,
                      {db.path(), recorded.value_or("-"), old ? old->key_id() : std::string("-")}));
    }
    SAMSKAB_TRY(install_field_functions(db, {old, next}));
    SAMSKAB_TRY(db.exec(RESEAL));
    Statement record = db.prepare(
        "INSERT INTO field_encryption (singleton, key_id, sealed_at) "
        "VALUES (1, ?, strftime('%Y-%m-%dT%H:%M:%S', 'now')) "
        "ON CONFLICT (singleton) DO UPDATE SET key_id = excluded.key_id, "
        "sealed_at = excluded.sealed_at");
    record.bind(1, next->key_id());
    SAMSKAB_TRY(record.run());
    SAMSKAB_TRY(transaction->commit());
    return install_field_functions(db, {next, next});
}

}  // namespace samskab::storage::sqlite
