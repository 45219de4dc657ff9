// The self-evaluation's free text on PostgreSQL (logbook entries' text answers, interviews'
// description of the interviewee, interview notes, coded quotes and the self-assessment's
// comments) is sealed at rest (storage/postgres/postgres_fields.h): the plaintext columns never
// hold it, the stores read it back opened, erasure takes a name out of it, and a sealed value
// moved to another row does not open.
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "core/clock.h"
#include "storage/postgres/postgres_fields.h"
#include "storage/postgres/postgres_stores.h"
#include "storage/postgres/postgres_test_database.h"

namespace samskab::storage::postgres {
namespace {

using testing::TestDatabase;

// Names p1 (Åse), so that erasing her changes it.
constexpr const char* SECRET = "Hemmelig tekst om Åse";
constexpr const char* REDACTED = "Hemmelig tekst om [anonym]";

// Each sealed free-text column: its table, plaintext column and sealed column.
struct SealedColumn {
    const char* table;
    const char* plain;
    const char* sealed;
};

const SealedColumn SELF_EVALUATION_COLUMNS[] = {
    {"logbook_entry_values", "text_value", "text_sealed"},
    {"interviews", "interviewee_text", "interviewee_sealed"},
    {"interview_notes", "note_text", "note_sealed"},
    {"interview_codings", "quote_text", "quote_sealed"},
    {"self_assessment_answers", "comment_text", "comment_sealed"},
};

core::Day day_of(const char* text) {
    return *core::parse_date(text);
}

core::LocalTime time_of(const char* text) {
    return *core::parse_local_time(text);
}

// What write_all wrote, by key.
struct Written {
    std::string logbook;
    std::string entry;
    std::int64_t guide = 0;
    std::int64_t question = 0;
    std::int64_t interview = 0;
    std::int64_t note = 0;
    std::int64_t coding = 0;
};

class PostgresSealedSelfEvaluationTest : public ::testing::Test {
protected:
    void SetUp() override {
        SAMSKAB_REQUIRE_TEST_PG();
        m_db = std::make_unique<TestDatabase>(*testing::test_server());
        m_stores = open_stores(*m_db);
        core::Bundle bundle;
        bundle.partnerships.push_back({"vimby", "Vimby", {}});
        bundle.places.push_back({"cafe", "vimby", "Caféen", 0.2});
        bundle.people.push_back({"p1", "Åse", false, std::nullopt, std::nullopt, {}});
        bundle.people.push_back({"p2", "Bo", false, std::nullopt, std::nullopt, {}});
        auto imported = m_stores.store->import_bundle(bundle);
        ASSERT_TRUE(imported) << imported.error().message;
        auto coordinator =
            m_stores.accounts->create_account({"koordinator@example.dk", "Kirsten", "", {}, ""});
        ASSERT_TRUE(coordinator) << coordinator.error().message;
        m_coordinator = *coordinator;
    }

    PostgresStores open_stores(const TestDatabase& db) {
        auto stores = PostgresStores::open(db.url(), 2, m_clock, testing::test_cipher());
        EXPECT_TRUE(stores) << stores.error().message;
        return stores ? std::move(*stores) : PostgresStores{};
    }

    // A logbook entry, an interview with a note and a coding, and a self-assessment, each with
    // `text` as its free text (the note has more after it, the quote is `text`).
    void write_all(const std::string& text, Written& out) {
        core::NewLogbookTemplate logbook;
        logbook.place = "cafe";
        logbook.name = "Caféaften";
        logbook.fields = {{"guests", "Antal gæster", core::FieldType::Number, {}, false},
                          {"note", "Noter", core::FieldType::Text, {}, false}};
        logbook.created = time_of("2024-03-01T10:00:00");
        auto created = m_stores.logbooks->create_template(logbook);
        ASSERT_TRUE(created) << created.error().message;
        out.logbook = *created;
        core::LogbookEntry entry;
        entry.template_id = out.logbook;
        entry.version = 1;
        entry.day = day_of("2024-03-04");
        entry.written_at = time_of("2024-03-04T20:00:00");
        core::EntryValue guests, note;
        guests.key = "guests";
        guests.number = 3;
        note.key = "note";
        note.text = text;
        entry.values = {guests, note};
        auto written = m_stores.logbooks->write_entry(entry);
        ASSERT_TRUE(written) << written.error().message;
        out.entry = *written;

        core::InterviewStore& interviews = *m_stores.interviews;
        auto guide = interviews.create_guide("vimby", "Deltagerinterview");
        ASSERT_TRUE(guide) << guide.error().message;
        out.guide = *guide;
        auto question = interviews.add_question(out.guide, "Hvordan kom du ind?");
        ASSERT_TRUE(question) << question.error().message;
        out.question = *question;
        core::Interview interview;
        interview.guide = out.guide;
        interview.date = day_of("2024-03-10");
        interview.interviewer = m_coordinator;
        interview.interviewee = text;
        interview.person = "p1";
        auto held = interviews.create_interview(interview);
        ASSERT_TRUE(held) << held.error().message;
        out.interview = *held;
        auto saved = interviews.save_note(out.interview, out.question, text + ". Hun kom igen.");
        ASSERT_TRUE(saved) << saved.error().message;
        out.note = *saved;
        auto coding = interviews.add_coding(out.note, "fleksibilitet", text);
        ASSERT_TRUE(coding) << coding.error().message;
        out.coding = *coding;

        core::SelfAssessment check;
        check.partnership = "vimby";
        check.half = core::HalfYear{2024, 1};
        check.saved_by = m_coordinator;
        check.saved_at = time_of("2024-07-02T10:00:00");
        check.answers = {{"haemmer-fast-rollefordeling", core::CheckRating::Hinders, text},
                         {"fremmer-fleksibilitet", core::CheckRating::Promotes, "Godt"}};
        auto assessed = interviews.save_self_assessment(check);
        ASSERT_TRUE(assessed) << assessed.error().message;
    }

    // Checks, with SQL beside the stores, that no plaintext column of `db` holds a value, that
    // every row with text has its sealed value (only the number answer has none) and that no
    // sealed value shows `word` in its bytes.
    static void expect_sealed(const TestDatabase& db, const std::string& word) {
        for (const SealedColumn& c : SELF_EVALUATION_COLUMNS) {
            const std::string table = c.table, plain = c.plain, sealed = c.sealed;
            SCOPED_TRACE(table);
            EXPECT_EQ(db.query("SELECT count(*) FROM " + table + " WHERE " + plain +
                               " IS NOT NULL AND " + plain + " <> ''"),
                      "0");
            EXPECT_EQ(db.query("SELECT count(*) FROM " + table + " WHERE position(convert_to('" +
                               word + "', 'UTF8') IN coalesce(" + sealed + ", ''::bytea)) > 0"),
                      "0");
            const std::string unsealed =
                table == "logbook_entry_values" ? "1" : "0";  // the number answer
            EXPECT_EQ(db.query("SELECT count(*) FROM " + table + " WHERE " + sealed + " IS NULL"),
                      unsealed);
            EXPECT_NE(
                db.query("SELECT count(*) FROM " + table + " WHERE " + sealed + " IS NOT NULL"),
                "0");
        }
        EXPECT_EQ(db.query("SELECT count(*) FROM logbook_entry_values WHERE text_value IS NULL"),
                  "2");
        EXPECT_EQ(db.query("SELECT count(*) FROM logbook_entry_values "
                           "WHERE key = 'guests' AND text_sealed IS NULL"),
                  "1");
    }

    // Every free text as the stores read it, in a fixed order.
    std::vector<std::string> read_back(PostgresStores& stores, const Written& w) {
        std::vector<std::string> out;
        auto entries =
            stores.logbooks->entries(w.logbook, day_of("2024-03-01"), day_of("2024-03-31"));
        EXPECT_TRUE(entries) << entries.error().message;
        if (!entries || entries->size() != 1 || !entries->front().value("note")) {
            ADD_FAILURE() << "no entry";
            return out;
        }
        out.push_back(entries->front().value("note")->text);
        auto record = stores.interviews->find_interview(w.interview);
        EXPECT_TRUE(record && *record) << (record ? "none" : record.error().message);
        if (!record || !*record || (*record)->notes.size() != 1 || (*record)->codings.size() != 1) {
            ADD_FAILURE() << "no interview";
            return out;
        }
        out.push_back((*record)->interview.interviewee);
        out.push_back((*record)->notes[0].text);
        out.push_back((*record)->codings[0].quote);
        EXPECT_TRUE((*record)->codings[0].in_note);
        auto passages =
            stores.interviews->coded_passages("vimby", day_of("2024-01-01"), day_of("2024-12-31"));
        EXPECT_TRUE(passages && passages->size() == 1);
        if (passages && passages->size() == 1) {
            out.push_back(passages->front().quote);
        }
        auto check = stores.interviews->self_assessment("vimby", core::HalfYear{2024, 1});
        EXPECT_TRUE(check && *check && (*check)->answers.size() == 2);
        if (check && *check && (*check)->answers.size() == 2) {
            out.push_back((*check)->answers[0].comment);
            out.push_back((*check)->answers[1].comment);
        }
        return out;
    }

    static std::vector<std::string> readings_of(const std::string& text) {
        return {text, text, text + ". Hun kom igen.", text, text, text, "Godt"};
    }

    core::FixedClock m_clock{*core::parse_local_time("2024-03-04T09:00:00")};
    std::unique_ptr<TestDatabase> m_db;
    PostgresStores m_stores;
    std::int64_t m_coordinator = 0;
};

TEST_F(PostgresSealedSelfEvaluationTest, FreeTextIsWrittenSealedAndReadBackOpened) {
    Written w;
    ASSERT_NO_FATAL_FAILURE(write_all(SECRET, w));
    expect_sealed(*m_db, "Hemmelig");
    EXPECT_EQ(read_back(m_stores, w), readings_of(SECRET));
}

TEST_F(PostgresSealedSelfEvaluationTest, ANoteSavedAgainIsSealedAndItsQuoteMayLeaveIt) {
    Written w;
    ASSERT_NO_FATAL_FAILURE(write_all(SECRET, w));
    auto again = m_stores.interviews->save_note(w.interview, w.question, "Hemmelig, men ny");
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(*again, w.note);
    expect_sealed(*m_db, "Hemmelig");
    auto record = m_stores.interviews->find_interview(w.interview);
    ASSERT_TRUE(record && *record);
    ASSERT_EQ((*record)->notes.size(), 1U);
    EXPECT_EQ((*record)->notes[0].text, "Hemmelig, men ny");
    ASSERT_EQ((*record)->codings.size(), 1U);
    EXPECT_EQ((*record)->codings[0].quote, SECRET);
    EXPECT_FALSE((*record)->codings[0].in_note);
    // A quote is checked against the note as opened.
    EXPECT_TRUE(m_stores.interviews->add_coding(w.note, "fleksibilitet", "men ny"));
    EXPECT_EQ(m_stores.interviews->add_coding(w.note, "fleksibilitet", SECRET).error().field,
              "quote");
}

TEST_F(PostgresSealedSelfEvaluationTest, ErasureTakesTheNameOutOfTheSealedText) {
    Written w;
    ASSERT_NO_FATAL_FAILURE(write_all(SECRET, w));
    // Two host notes, sealed as the host's store seals them; the one naming Åse goes.
    {
        const SealedFields fields(testing::test_cipher());
        pqxx::connection connection(m_db->url());
        pqxx::work tx(connection);
        for (const char* text : {"ÅSE og Bo kom sammen", "Bo kom alene"}) {
            const auto pk =
                tx.exec(
                      "INSERT INTO logbook_notes (place, day, author, text, written_at) "
                      "SELECT pk, '2024-03-02', 0, '', '2024-03-02T13:00' FROM places "
                      "WHERE id = 'cafe' RETURNING pk")[0][0]
                    .as<std::int64_t>();
            tx.exec_params("UPDATE logbook_notes SET text_sealed = $1 WHERE pk = $2",
                           fields.seal(text, note_context(pk)), pk);
        }
        tx.commit();
    }
    auto erased = m_stores.community->erase_person("p1");
    ASSERT_TRUE(erased) << erased.error().message;
    EXPECT_EQ(erased->logbook_notes, 1);
    EXPECT_EQ(m_db->query("SELECT count(*) FROM logbook_notes"), "1");
    expect_sealed(*m_db, "Åse");
    EXPECT_EQ(read_back(m_stores, w), readings_of(REDACTED));
    auto record = m_stores.interviews->find_interview(w.interview);
    ASSERT_TRUE(record && *record);
    EXPECT_FALSE((*record)->interview.person);
}

TEST_F(PostgresSealedSelfEvaluationTest, ErasureSealsTheTextOfRowsStillInPlaintext) {
    Written w;
    ASSERT_NO_FATAL_FAILURE(write_all(SECRET, w));
    // The rows naming Åse as a database from before it was sealed holds them.
    const std::string secret = SECRET;
    for (const std::string& statement :
         {"UPDATE logbook_entry_values SET text_value = '" + secret +
              "', text_sealed = NULL WHERE key = 'note'",
          "UPDATE interviews SET interviewee_text = '" + secret + "', interviewee_sealed = NULL",
          "UPDATE interview_notes SET note_text = '" + secret +
              ". Hun kom igen.', note_sealed = NULL",
          "UPDATE interview_codings SET quote_text = '" + secret + "', quote_sealed = NULL",
          "UPDATE self_assessment_answers SET comment_text = '" + secret +
              "', comment_sealed = NULL WHERE item = 'haemmer-fast-rollefordeling'"}) {
        ASSERT_TRUE(m_db->exec(statement)) << statement;
    }
    EXPECT_EQ(read_back(m_stores, w), readings_of(SECRET));
    ASSERT_TRUE(m_stores.community->erase_person("p1"));
    expect_sealed(*m_db, "Hemmelig");
    EXPECT_EQ(read_back(m_stores, w), readings_of(REDACTED));
}

TEST_F(PostgresSealedSelfEvaluationTest, TheBundleImportsSealedAndExportsOpened) {
    Written w;
    ASSERT_NO_FATAL_FAILURE(write_all(SECRET, w));
    auto exported = m_stores.store->export_bundle();
    ASSERT_TRUE(exported) << exported.error().message;
    ASSERT_EQ(exported->logbook_entries.size(), 1U);
    ASSERT_EQ(exported->interviews.size(), 1U);
    ASSERT_EQ(exported->interviews[0].interviews.size(), 1U);
    EXPECT_EQ(exported->interviews[0].interviews[0].interviewee, SECRET);

    TestDatabase other(*testing::test_server());
    PostgresStores stores = open_stores(other);
    ASSERT_TRUE(stores.store);
    auto imported = stores.store->import_bundle(*exported);
    ASSERT_TRUE(imported) << imported.error().message;
    // The self-assessment is not part of a bundle.
    for (const SealedColumn& c : SELF_EVALUATION_COLUMNS) {
        const std::string table = c.table, plain = c.plain, sealed = c.sealed;
        SCOPED_TRACE(table);
        EXPECT_EQ(other.query("SELECT count(*) FROM " + table + " WHERE " + plain +
                              " IS NOT NULL AND " + plain + " <> ''"),
                  "0");
        EXPECT_EQ(other.query("SELECT count(*) FROM " + table +
                              " WHERE position(convert_to('Hemmelig', 'UTF8') IN coalesce(" +
                              sealed + ", ''::bytea)) > 0"),
                  "0");
    }
    EXPECT_EQ(other.query("SELECT count(*) FROM interviews WHERE interviewee_sealed IS NULL"), "0");
    EXPECT_EQ(other.query("SELECT count(*) FROM interview_codings WHERE quote_sealed IS NULL"),
              "0");
    EXPECT_EQ(other.query("SELECT count(*) FROM logbook_entry_values WHERE text_sealed IS NULL"),
              "1");
    // Importing the same bundle again finds the interview unchanged (compared opened).
    ASSERT_TRUE(stores.store->import_bundle(*exported));
    auto again = stores.store->export_bundle();
    ASSERT_TRUE(again) << again.error().message;
    ASSERT_EQ(again->interviews.size(), 1U);
    EXPECT_EQ(again->interviews[0].interviews, exported->interviews[0].interviews);
    ASSERT_EQ(again->logbook_entries.size(), 1U);
    std::vector<std::optional<std::string>> texts;
    for (const core::LogbookValueRecord& value : again->logbook_entries[0].values) {
        texts.push_back(value.text);
    }
    EXPECT_EQ(texts, (std::vector<std::optional<std::string>>{std::nullopt, SECRET}));
}

TEST_F(PostgresSealedSelfEvaluationTest, ASealedValueCopiedIntoAnotherRowDoesNotOpen) {
    Written w;
    ASSERT_NO_FATAL_FAILURE(write_all(SECRET, w));
    core::Interview other;
    other.guide = w.guide;
    other.date = day_of("2024-03-11");
    other.interviewer = m_coordinator;
    other.interviewee = "frivillig";
    auto second = m_stores.interviews->create_interview(other);
    ASSERT_TRUE(second) << second.error().message;
    ASSERT_TRUE(m_db->exec(
        "UPDATE interviews SET interviewee_sealed = (SELECT interviewee_sealed FROM interviews "
        "WHERE pk = " +
        std::to_string(w.interview) + ") WHERE pk = " + std::to_string(*second)));
    auto record = m_stores.interviews->find_interview(*second);
    ASSERT_FALSE(record);
    EXPECT_EQ(record.error().code, core::ErrorCode::Storage);
    EXPECT_EQ(m_stores.interviews->interviews("vimby").error().code, core::ErrorCode::Storage);

    ASSERT_TRUE(m_db->exec(
        "UPDATE self_assessment_answers SET comment_sealed = (SELECT comment_sealed FROM "
        "self_assessment_answers WHERE item = 'haemmer-fast-rollefordeling') "
        "WHERE item = 'fremmer-fleksibilitet'"));
    auto check = m_stores.interviews->self_assessment("vimby", core::HalfYear{2024, 1});
    ASSERT_FALSE(check);
    EXPECT_EQ(check.error().code, core::ErrorCode::Storage);

    // Into the entry's number answer, under another key of the same entry.
    ASSERT_TRUE(
        m_db->exec("UPDATE logbook_entry_values SET text_sealed = (SELECT text_sealed FROM "
                   "logbook_entry_values WHERE key = 'note') WHERE key = 'guests'"));
    auto entries =
        m_stores.logbooks->entries(w.logbook, day_of("2024-03-01"), day_of("2024-03-31"));
    ASSERT_FALSE(entries);
    EXPECT_EQ(entries.error().code, core::ErrorCode::Storage);
}

}  // namespace
}  // namespace samskab::storage::postgres
