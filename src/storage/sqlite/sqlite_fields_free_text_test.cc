// Encryption at rest of the self-evaluation's free text (logbook entries' text answers,
// interviews, notes, coded quotes, the self-assessment's comments) in the SQLite store.
#include <fstream>
#include <iterator>

#include "security/sodium_field_cipher.h"
#include "storage/sqlite/sqlite_community_test.h"
#include "storage/sqlite/sqlite_fields.h"
#include "storage/sqlite/sqlite_migrations.h"

namespace samskab::storage::sqlite::testing {
namespace {

using core::ErrorCode;

std::shared_ptr<const core::FieldCipher> cipher_of(char fill) {
    auto cipher = security::SodiumFieldCipher::from_key(
        std::string(security::SodiumFieldCipher::KEY_BYTES, fill), core::Lang::En);
    EXPECT_TRUE(cipher);
    return std::shared_ptr<const core::FieldCipher>(std::move(*cipher));
}

// Each text has a word found nowhere else, to look for in the database file.
const char* const ANSWER = "Åse fortalte om sin depression";
const char* const INTERVIEWEE = "Bo, 54, tidligere hjemløs";
const char* const NOTE = "Jeg kom med Carl fra misbrugscentret. Nu kommer jeg selv.";
const char* const QUOTE = "Jeg kom med Carl fra misbrugscentret";
const char* const COMMENT = "Dorte føler sig udenfor i caféen";
const char* const SECRET_WORDS[] = {"depression", "hjemløs", "misbrugscentret", "udenfor i"};

// The plaintext columns as SQLite holds them, and whether each sealed column holds a value.
constexpr std::string_view RAW_PLAINTEXT =
    "SELECT (SELECT group_concat(coalesce(text_value, '-'), '|') FROM logbook_entry_values) || '/' "
    "|| (SELECT group_concat(interviewee_text, '|') FROM interviews) || '/' "
    "|| (SELECT group_concat(note_text, '|') FROM interview_notes) || '/' "
    "|| (SELECT group_concat(quote_text, '|') FROM interview_codings) || '/' "
    "|| (SELECT group_concat(comment_text, '|') FROM self_assessment_answers)";
constexpr std::string_view RAW_SEALED_COUNTS =
    "SELECT (SELECT count(text_sealed) FROM logbook_entry_values) || ',' "
    "|| (SELECT count(interviewee_sealed) FROM interviews) || ',' "
    "|| (SELECT count(note_sealed) FROM interview_notes) || ',' "
    "|| (SELECT count(quote_sealed) FROM interview_codings) || ',' "
    "|| (SELECT count(comment_sealed) FROM self_assessment_answers)";
// Every sealed value of the database, in hex, to tell whether any changed.
constexpr std::string_view RAW_SEALED_HEX =
    "SELECT coalesce((SELECT group_concat(hex(text_sealed)) FROM logbook_entry_values), '') "
    "|| coalesce((SELECT group_concat(hex(interviewee_sealed)) FROM interviews), '') "
    "|| coalesce((SELECT group_concat(hex(note_sealed)) FROM interview_notes), '') "
    "|| coalesce((SELECT group_concat(hex(quote_sealed)) FROM interview_codings), '') "
    "|| coalesce((SELECT group_concat(hex(comment_sealed)) FROM self_assessment_answers), '') "
    "|| coalesce((SELECT group_concat(hex(person_key) || hex(person)) FROM companions), '') "
    "|| coalesce((SELECT group_concat(hex(support_sealed)) FROM people), '')";

std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class FreeTextEncryptionTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = std::filesystem::temp_directory_path() /
                ("samskab-free-text-" + std::to_string(std::random_device{}()));
        std::filesystem::create_directories(m_dir);
        m_file = (m_dir / "db.db").string();
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }

    SqliteStores open(std::shared_ptr<const core::FieldCipher> cipher) {
        auto stores = SqliteStores::open(m_file, 2, m_clock, std::move(cipher));
        EXPECT_TRUE(stores) << stores.error().message;
        return stores ? std::move(*stores) : SqliteStores{};
    }

    // The community bundle and two rows of each kind of free text, written through the stores
    // under `cipher`: two logbook entries, two interviews with a note (one written twice) and a
    // coding each, and a self-assessment with two comments.
    void fill(std::shared_ptr<const core::FieldCipher> cipher) {
        SqliteStores stores = open(std::move(cipher));
        ASSERT_TRUE(stores.store->import_bundle(community_bundle()));
        auto coordinator = stores.accounts->create_account({"k@vimby.dk", "K", "", {}, ""});
        ASSERT_TRUE(coordinator);

        core::NewLogbookTemplate logbook;
        logbook.place = "cafe";
        logbook.name = "Caféaften";
        logbook.fields = {
            core::TemplateField{"note", "Noter", core::FieldType::Text, {}, false},
            core::TemplateField{"guests", "Gæster", core::FieldType::Number, {}, false}};
        logbook.created = at("2024-03-01T10:00:00");
        auto made = stores.logbooks->create_template(logbook);
        ASSERT_TRUE(made) << made.error().message;
        m_logbook = *made;
        for (const char* text : {ANSWER, "Stille aften"}) {
            core::LogbookEntry entry;
            entry.template_id = m_logbook;
            entry.version = 1;
            entry.day = day("2024-03-04");
            entry.written_at = at("2024-03-04T20:00:00");
            core::EntryValue note;
            note.key = "note";
            note.text = text;
            core::EntryValue guests;
            guests.key = "guests";
            guests.number = 7;
            entry.values = {note, guests};
            auto written = stores.logbooks->write_entry(entry);
            ASSERT_TRUE(written) << written.error().message;
        }

        auto guide = stores.interviews->create_guide("vimby", "Deltagerinterview");
        ASSERT_TRUE(guide);
        auto question = stores.interviews->add_question(*guide, "Hvordan kom du ind?");
        ASSERT_TRUE(question);
        for (const char* who : {INTERVIEWEE, "frivillig"}) {
            core::Interview interview;
            interview.guide = *guide;
            interview.date = day("2024-03-10");
            interview.interviewer = *coordinator;
            interview.interviewee = who;
            auto created = stores.interviews->create_interview(interview);
            ASSERT_TRUE(created) << created.error().message;
            m_interviews.push_back(*created);
        }
        ASSERT_TRUE(stores.interviews->save_note(m_interviews[0], *question, "Først skrevet"));
        auto note = stores.interviews->save_note(m_interviews[0], *question, NOTE);
        ASSERT_TRUE(note) << note.error().message;
        auto other = stores.interviews->save_note(m_interviews[1], *question, "Værten hilste");
        ASSERT_TRUE(other);
        ASSERT_TRUE(stores.interviews->add_coding(*note, "inviterende-vaertsskab", QUOTE));
        ASSERT_TRUE(stores.interviews->add_coding(*other, "fleksibilitet", "Værten"));

        core::SelfAssessment check;
        check.partnership = "vimby";
        check.half = {2024, 1};
        check.saved_by = *coordinator;
        check.saved_at = at("2024-07-02T10:00:00");
        check.answers = {{"haemmer-fast-rollefordeling", core::CheckRating::Hinders, COMMENT},
                         {"fremmer-fleksibilitet", core::CheckRating::Promotes, "Godt"},
                         {"haemmer-kaotiske-rum", std::nullopt, ""}};
        ASSERT_TRUE(stores.interviews->save_self_assessment(check));
    }

    // All the free text as the stores read it, as one comparable text.
    std::string readings(SqliteStores& stores) {
        std::string out;
        auto entries = stores.logbooks->entries(m_logbook, day("2024-03-01"), day("2024-03-31"));
        EXPECT_TRUE(entries) << entries.error().message;
        for (const auto& entry : entries.value_or(std::vector<core::LogbookEntry>{})) {
            for (const auto& value : entry.values) {
                out += "entry " + value.key + "=" + value.text + ";";
            }
        }
        for (std::int64_t id : m_interviews) {
            auto record = stores.interviews->find_interview(id);
            EXPECT_TRUE(record && *record) << (record ? "none" : record.error().message);
            if (!record || !*record) {
                continue;
            }
            out += "interviewee " + (*record)->interview.interviewee + ";";
            for (const auto& note : (*record)->notes) {
                out += "note " + note.text + ";";
            }
            for (const auto& coding : (*record)->codings) {
                out += "coding " + coding.quote + (coding.in_note ? " in note;" : " gone;");
            }
        }
        auto listed = stores.interviews->interviews("vimby");
        EXPECT_TRUE(listed) << listed.error().message;
        for (const auto& interview : listed.value_or(std::vector<core::Interview>{})) {
            out += "listed " + interview.interviewee + ";";
        }
        auto passages =
            stores.interviews->coded_passages("vimby", day("2024-01-01"), day("2024-12-31"));
        EXPECT_TRUE(passages) << passages.error().message;
        for (const auto& passage : passages.value_or(std::vector<core::CodedPassage>{})) {
            out += "passage " + passage.quote + ";";
        }
        auto check = stores.interviews->self_assessment("vimby", {2024, 1});
        EXPECT_TRUE(check && *check) << (check ? "none" : check.error().message);
        if (check && *check) {
            for (const auto& answer : (*check)->answers) {
                out += "comment " + answer.item + "=" + answer.comment + ";";
            }
        }
        return out;
    }

    // One value as SQLite holds it, read without the key.
    std::string raw(std::string_view sql) {
        auto db = Database::open(m_file);
        EXPECT_TRUE(db);
        Statement query = (*db)->prepare(sql);
        auto row = query.step();
        EXPECT_TRUE(row && *row) << sql;
        return row && *row ? std::string(query.column_text(0)) : std::string("<none>");
    }

    std::filesystem::path m_dir;
    std::string m_file;
    core::FixedClock m_clock{at("2024-03-04T09:00:00")};
    std::string m_logbook;
    std::vector<std::int64_t> m_interviews;
};

TEST_F(FreeTextEncryptionTest, SealedFreeTextReadsAsItsPlaintextDoes) {
    fill(nullptr);
    std::string expected;
    {
        SqliteStores plain = open(nullptr);
        expected = readings(plain);
    }
    for (const char* text : {ANSWER, INTERVIEWEE, NOTE, COMMENT}) {
        EXPECT_NE(expected.find(text), std::string::npos) << text << " in " << expected;
    }
    EXPECT_NE(expected.find(std::string("coding ") + QUOTE + " in note;"), std::string::npos);
    EXPECT_EQ(expected.find("Først skrevet"), std::string::npos) << expected;
    std::filesystem::remove_all(m_dir);
    std::filesystem::create_directories(m_dir);
    m_interviews.clear();
    fill(cipher_of('k'));
    SqliteStores sealed = open(cipher_of('k'));
    EXPECT_EQ(readings(sealed), expected);
}

TEST_F(FreeTextEncryptionTest, AnEncryptedDatabaseHoldsNoneOfTheFreeText) {
    fill(cipher_of('k'));
    // Only the text answers are sealed (the number answers have none); the empty comment too.
    EXPECT_EQ(raw(RAW_SEALED_COUNTS), "2,2,2,2,3");
    EXPECT_EQ(raw(RAW_PLAINTEXT), "-|-|-|-/|/|/|/||");
    const std::string bytes = file_bytes(m_file) + file_bytes(m_file + "-wal");
    ASSERT_FALSE(bytes.empty());
    for (const char* word : SECRET_WORDS) {
        EXPECT_EQ(bytes.find(word), std::string::npos) << word;
    }
    SqliteStores stores = open(cipher_of('k'));
    const std::string read = readings(stores);
    for (const char* text : {ANSWER, INTERVIEWEE, NOTE, QUOTE, COMMENT}) {
        EXPECT_NE(read.find(text), std::string::npos) << text << " in " << read;
    }
}

TEST_F(FreeTextEncryptionTest, AnUnencryptedDatabaseIsSealedOnItsFirstOpenWithAKey) {
    fill(nullptr);
    std::string expected;
    {
        SqliteStores plain = open(nullptr);
        expected = readings(plain);
    }
    // Unencrypted: in the plaintext columns, nothing in the sealed ones.
    EXPECT_EQ(raw(RAW_SEALED_COUNTS), "0,0,0,0,0");
    EXPECT_NE(raw(RAW_PLAINTEXT).find(NOTE), std::string::npos);
    {
        SqliteStores sealed = open(cipher_of('k'));
        EXPECT_EQ(readings(sealed), expected);
    }
    EXPECT_EQ(raw(RAW_SEALED_COUNTS), "2,2,2,2,3");
    EXPECT_EQ(raw(RAW_PLAINTEXT), "-|-|-|-/|/|/|/||");
    SqliteStores again = open(cipher_of('k'));
    EXPECT_EQ(readings(again), expected);
}

// A database encrypted before the free text had sealed columns (schema version 7) holds that
// text in plaintext; migration 8 adds the sealed columns empty, and the next open with the key
// seals it. The test makes that state directly (plaintext back, sealed columns NULL) rather
// than by undoing migration 8, which later migrations make impossible.
TEST_F(FreeTextEncryptionTest, FreeTextOfADatabaseEncryptedEarlierIsSealedOnItsNextOpen) {
    fill(cipher_of('k'));
    std::string expected;
    {
        SqliteStores stores = open(cipher_of('k'));
        expected = readings(stores);
    }
    {
        auto db = Database::open(m_file);
        ASSERT_TRUE(db);
        ASSERT_TRUE(install_field_functions(**db, {cipher_of('k'), cipher_of('k')}));
        auto back = (*db)->exec(R"sql(
            UPDATE logbook_entry_values SET text_value = CAST(samskab_reveal(text_sealed,
                'logbook_entry_values.text_value:' || entry || ':' || key) AS TEXT);
            UPDATE interviews SET interviewee_text = CAST(samskab_reveal(interviewee_sealed,
                'interviews.interviewee_text:' || pk) AS TEXT);
            UPDATE interview_notes SET note_text = CAST(samskab_reveal(note_sealed,
                'interview_notes.note_text:' || pk) AS TEXT);
            UPDATE interview_codings SET quote_text = CAST(samskab_reveal(quote_sealed,
                'interview_codings.quote_text:' || pk) AS TEXT);
            UPDATE self_assessment_answers SET comment_text = CAST(samskab_reveal(comment_sealed,
                'self_assessment_answers.comment_text:' || partnership || ':' || half || ':'
                || item) AS TEXT);
            UPDATE logbook_entry_values SET text_sealed = NULL;
            UPDATE interviews SET interviewee_sealed = NULL;
            UPDATE interview_notes SET note_sealed = NULL;
            UPDATE interview_codings SET quote_sealed = NULL;
            UPDATE self_assessment_answers SET comment_sealed = NULL;
        )sql");
        ASSERT_TRUE(back) << back.error().message;
    }
    EXPECT_NE(raw(RAW_PLAINTEXT).find(COMMENT), std::string::npos);
    {
        SqliteStores stores = open(cipher_of('k'));
        EXPECT_EQ(readings(stores), expected);
    }
    EXPECT_EQ(raw("SELECT max(version) FROM schema_migrations"), std::to_string(latest_version()));
    EXPECT_EQ(raw(RAW_SEALED_COUNTS), "2,2,2,2,3");
    EXPECT_EQ(raw(RAW_PLAINTEXT), "-|-|-|-/|/|/|/||");
}

TEST_F(FreeTextEncryptionTest, ResealingMovesTheFreeTextToTheNewKey) {
    fill(cipher_of('k'));
    std::string expected;
    {
        SqliteStores stores = open(cipher_of('k'));
        expected = readings(stores);
    }
    const std::string before = raw(RAW_SEALED_HEX);
    {
        auto db = Database::open(m_file);
        ASSERT_TRUE(db);
        auto resealed = reseal_fields(**db, cipher_of('k'), cipher_of('n'));
        ASSERT_TRUE(resealed) << resealed.error().message;
    }
    ASSERT_GT(before.size(), 1000U);
    EXPECT_NE(raw(RAW_SEALED_HEX), before);
    EXPECT_EQ(raw(RAW_SEALED_COUNTS), "2,2,2,2,3");
    {
        // The old key opens none of the values any more.
        auto db = Database::open(m_file);
        ASSERT_TRUE(db);
        ASSERT_TRUE(install_field_functions(**db, {cipher_of('k'), cipher_of('k')}));
        for (std::string_view sql :
             {"SELECT samskab_reveal(note_sealed, 'interview_notes.note_text:' || pk) "
              "FROM interview_notes",
              "SELECT samskab_reveal(comment_sealed, 'self_assessment_answers.comment_text:' || "
              "partnership || ':' || half || ':' || item) FROM self_assessment_answers"}) {
            Statement query = (*db)->prepare(sql);
            auto row = query.step();
            ASSERT_FALSE(row) << sql;
            EXPECT_EQ(row.error().code, ErrorCode::Storage);
        }
    }
    EXPECT_FALSE(SqliteStores::open(m_file, 2, m_clock, cipher_of('k')));
    SqliteStores rotated = open(cipher_of('n'));
    EXPECT_EQ(readings(rotated), expected);
}

// A re-sealing that fails on the last value it reaches (as a crash would stop it) leaves every
// value, of the earlier fields too, under the old key.
TEST_F(FreeTextEncryptionTest, AReSealingThatStopsPartWayLeavesAllUnderTheOldKey) {
    fill(cipher_of('k'));
    std::string expected;
    {
        SqliteStores stores = open(cipher_of('k'));
        expected = readings(stores);
    }
    const std::string good =
        raw("SELECT hex(comment_sealed) FROM self_assessment_answers "
            "WHERE item = 'fremmer-fleksibilitet'");
    {
        auto db = Database::open(m_file);
        ASSERT_TRUE(db);
        ASSERT_TRUE((*db)->exec(
            "UPDATE self_assessment_answers SET comment_sealed = (SELECT comment_sealed FROM "
            "self_assessment_answers WHERE item = 'haemmer-fast-rollefordeling') "
            "WHERE item = 'fremmer-fleksibilitet'"));
    }
    const std::string before = raw(RAW_SEALED_HEX);
    ASSERT_GT(before.size(), 1000U);
    {
        auto db = Database::open(m_file);
        ASSERT_TRUE(db);
        auto resealed = reseal_fields(**db, cipher_of('k'), cipher_of('n'));
        ASSERT_FALSE(resealed);
        EXPECT_NE(resealed.error().message.find(
                      "self_assessment_answers.comment_text:1:2024-H1:fremmer-fleksibilitet"),
                  std::string::npos)
            << resealed.error().message;
    }
    EXPECT_EQ(raw(RAW_SEALED_HEX), before);
    EXPECT_EQ(raw("SELECT key_id FROM field_encryption"), cipher_of('k')->key_id());
    {
        auto db = Database::open(m_file);
        ASSERT_TRUE(db);
        ASSERT_TRUE((*db)->exec("UPDATE self_assessment_answers SET comment_sealed = X'" + good +
                                "' WHERE item = 'fremmer-fleksibilitet'"));
    }
    SqliteStores stores = open(cipher_of('k'));
    EXPECT_EQ(readings(stores), expected);
}

// Each sealed value is bound to its table, column and row: copied to another row it does not
// open, and the error names where it was found.
TEST_F(FreeTextEncryptionTest, AValueCopiedIntoAnotherRowDoesNotOpen) {
    fill(cipher_of('k'));
    SqliteStores stores = open(cipher_of('k'));
    const std::string first = std::to_string(m_interviews[0]);
    const std::string second = std::to_string(m_interviews[1]);
    struct Copy {
        std::string table, column, from, to, context;
    };
    const std::string note = raw("SELECT pk FROM interview_notes WHERE interview = " + second);
    const std::string coding = raw("SELECT max(pk) FROM interview_codings");
    const std::string entry = raw("SELECT max(entry) FROM logbook_entry_values");
    const Copy copies[] = {
        {"interviews", "interviewee_sealed", "pk = " + first, "pk = " + second,
         "interviews.interviewee_text:" + second},
        {"interview_notes", "note_sealed", "interview = " + first, "interview = " + second,
         "interview_notes.note_text:" + note},
        {"interview_codings", "quote_sealed", "pk <> " + coding, "pk = " + coding,
         "interview_codings.quote_text:" + coding},
        {"self_assessment_answers", "comment_sealed", "item = 'haemmer-fast-rollefordeling'",
         "item = 'haemmer-kaotiske-rum'",
         "self_assessment_answers.comment_text:1:2024-H1:haemmer-kaotiske-rum"},
        {"logbook_entry_values", "text_sealed", "entry <> " + entry + " AND key = 'note'",
         "entry = " + entry + " AND key = 'note'",
         "logbook_entry_values.text_value:" + entry + ":note"},
    };
    for (const Copy& copy : copies) {
        const std::string saved =
            raw("SELECT hex(" + copy.column + ") FROM " + copy.table + " WHERE " + copy.to);
        {
            auto db = Database::open(m_file);
            ASSERT_TRUE(db);
            ASSERT_TRUE((*db)->exec("UPDATE " + copy.table + " SET " + copy.column + " = (SELECT " +
                                    copy.column + " FROM " + copy.table + " WHERE " + copy.from +
                                    ") WHERE " + copy.to));
        }
        std::optional<core::Error> failed;
        if (copy.table == "logbook_entry_values") {
            auto read = stores.logbooks->entries(m_logbook, day("2024-03-01"), day("2024-03-31"));
            if (!read) {
                failed = read.error();
            }
        } else if (copy.table == "self_assessment_answers") {
            auto read = stores.interviews->self_assessment("vimby", {2024, 1});
            if (!read) {
                failed = read.error();
            }
        } else {
            auto read = stores.interviews->find_interview(m_interviews[1]);
            if (!read) {
                failed = read.error();
            }
        }
        ASSERT_TRUE(failed) << copy.table;
        EXPECT_EQ(failed->code, ErrorCode::Storage) << copy.table;
        EXPECT_NE(failed->message.find(copy.context), std::string::npos) << failed->message;
        auto db = Database::open(m_file);
        ASSERT_TRUE(db);
        ASSERT_TRUE((*db)->exec("UPDATE " + copy.table + " SET " + copy.column + " = X'" + saved +
                                "' WHERE " + copy.to));
    }
    EXPECT_NE(readings(stores).find(NOTE), std::string::npos);
}

}  // namespace
}  // namespace samskab::storage::sqlite::testing
