// The bundle's collection `interviews` where SQLite has its own: sealing at rest and migration 9;
// and the reader's strictness. What both stores do with the collection is tested on both
// (storage/conformance/interview_bundle_test.cc).
#include "storage/sqlite/sqlite_interview_bundle.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include <gtest/gtest.h>

#include "bundle/bundle_reader.h"
#include "bundle/bundle_test_support.h"
#include "bundle/bundle_writer.h"
#include "core/bundle_validator.h"
#include "core/self_evaluation_records.h"
#include "core/starting_codebook.h"
#include "security/sodium_field_cipher.h"
#include "storage/sqlite/sqlite_migrations.h"
#include "storage/sqlite/sqlite_store.h"

namespace samskab::storage::sqlite {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view INTERVIEWEE = "Ung mand fra Ågade, 19 år";
constexpr std::string_view NOTE = "Han siger: jeg kan komme når jeg vil. Maden er \"god\".";
constexpr std::string_view QUOTE = "jeg kan komme når jeg vil";

class InterviewBundleTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() /
                ("samskab-interviews-" + std::to_string(std::random_device{}()));
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    std::string path(const std::string& name) const { return (m_dir / name).string(); }

    // tests/bundles/small.json with two interview guides of INSP!, in the form the store
    // exports: the partnership's whole codebook (the starting codebook, which its first coding
    // copies, and one theme of its own) and relations smaller id first.
    static core::Bundle whole_bundle() {
        auto read = bundle::read_bundle_text(bundle::testing::read_test_file("bundles/small.json"),
                                             core::Lang::En);
        EXPECT_TRUE(read.issues.empty()) << core::to_string(read.issues.front());
        core::Bundle b = read.bundle;
        for (core::Relation& r : b.relations) {
            if (r.b < r.a) {
                std::swap(r.a, r.b);
            }
        }
        for (const core::Theme& theme : core::starting_codebook()) {
            b.codes.push_back(core::to_record("insp", theme));
        }
        core::CodeRecord own = b.codes.front();
        own.id = "t-egen";
        own.name_da = "Vores eget tema";
        b.codes.push_back(own);
        const std::string first_theme = core::starting_codebook().front().id;
        core::InterviewGuideRecord guide{"ig-a", "insp", "Guide til unge", {}, {}};
        guide.questions = {"Hvordan kom du hertil?", "Hvad betyder stedet for dig?"};
        core::HeldInterviewRecord one{
            "iv-1", *core::parse_date("2017-03-01"), std::string(INTERVIEWEE), "p1", {}};
        one.notes.push_back(
            {1, std::string(NOTE), {{first_theme, std::string(QUOTE)}, {"t-egen", "Maden"}}});
        one.notes.push_back({2, "Et sted at høre til\nog være.", {}});
        core::HeldInterviewRecord two{
            "iv-2", *core::parse_date("2017-02-01"), "Frivillig, 67 år", std::nullopt, {}};
        guide.interviews = {one, two};
        b.interviews.push_back(guide);
        b.interviews.push_back({"ig-b", "insp", "Guide til værter", {"Hvad gør du?"}, {}});
        return b;
    }

    static core::IdLookup lookup(SqliteStore& store) {
        return [&store](core::Collection c, std::string_view id) {
            auto found = store.contains(c, id);
            return found && *found;
        };
    }

    // Reads, validates against `store` and imports `text`, as `samskab import` does.
    static core::Result<core::ImportSummary> import_text(SqliteStore& store,
                                                         const std::string& text) {
        auto read = bundle::read_bundle_text(text, core::Lang::En);
        EXPECT_TRUE(read.issues.empty()) << core::to_string(read.issues.front());
        const auto issues = core::validate_bundle(read.bundle, core::Lang::En, lookup(store));
        EXPECT_TRUE(issues.empty()) << core::to_string(issues.front());
        return store.import_bundle(read.bundle);
    }

    static std::string exported(SqliteStore& store) {
        auto b = store.export_bundle();
        EXPECT_TRUE(b) << (b ? "" : b.error().message);
        return b ? bundle::write_bundle_text(*b) : "";
    }

    fs::path m_dir;
};

TEST_F(InterviewBundleTest, InAnEncryptedDatabaseTheFreeTextIsSealedAndExportedAsItWas) {
    auto cipher = security::SodiumFieldCipher::from_key(
        std::string(security::SodiumFieldCipher::KEY_BYTES, 'k'), core::Lang::En);
    ASSERT_TRUE(cipher);
    const std::shared_ptr<const core::FieldCipher> key(std::move(*cipher));
    const std::string text = bundle::write_bundle_text(whole_bundle());
    {
        auto store = SqliteStore::open(path("sealed.db"), key);
        ASSERT_TRUE(store) << store.error().message;
        ASSERT_TRUE(import_text(**store, text));
        EXPECT_EQ(exported(**store), text);
    }
    // Closed, so the log is folded into the file: none of the free text is in it in plain.
    std::ifstream in(path("sealed.db"), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (std::string_view secret :
         {INTERVIEWEE, std::string_view("Frivillig, 67"), QUOTE, std::string_view("Maden er"),
          std::string_view("Et sted at høre til")}) {
        EXPECT_EQ(bytes.find(secret), std::string::npos) << secret;
    }
    EXPECT_NE(bytes.find("Guide til unge"), std::string::npos);  // titles are not sealed
}

TEST_F(InterviewBundleTest, TheReaderRefusesUnknownKeysAtEveryDepth) {
    std::string text = bundle::write_bundle_text(whole_bundle());
    for (const auto& [from, to, at] :
         std::vector<std::tuple<std::string, std::string, std::string>>{
             {R"("title":"Guide til unge")", R"("title":"Guide til unge","titel":"x")",
              "interviews[0].titel"},
             {R"("interviewee":"Frivillig)", R"("interviewer":"x","interviewee":"Frivillig)",
              "interviews[0].interviews[1].interviewer"},
             {R"({"question":2,)", R"({"question":2,"nummer":2,)",
              "interviews[0].interviews[0].notes[1].nummer"},
             {R"({"theme":"t-egen",)", R"({"theme":"t-egen","start":3,)",
              "interviews[0].interviews[0].notes[0].codings[1].start"}}) {
        std::string changed = text;
        ASSERT_NE(changed.find(from), std::string::npos) << from;
        changed.replace(changed.find(from), from.size(), to);
        auto read = bundle::read_bundle_text(changed, core::Lang::Da);
        ASSERT_EQ(read.issues.size(), 1u) << at;
        EXPECT_EQ(read.issues[0].path, at);
        EXPECT_EQ(read.issues[0].message, "ukendt felt (stavefejl?)");
    }
    const std::string no_questions =
        R"({"format":"samskab-bundle/1","interviews":[{"id":"ig-x","partnership":"insp",)"
        R"("title":"T","interviews":[{"id":"iv-x","date":"2017-01-01","notes":[]}]}]})";
    auto read = bundle::read_bundle_text(no_questions, core::Lang::En);
    ASSERT_EQ(read.issues.size(), 2u);
    EXPECT_EQ(core::to_string(read.issues[0]), "interviews[0].questions: is missing (required)");
    EXPECT_EQ(core::to_string(read.issues[1]),
              "interviews[0].interviews[0].interviewee: is missing (required)");
}

TEST_F(InterviewBundleTest, MigrationNineGivesStoredRowsIdsAndKeepsThem) {
    const std::string file = path("v8.db");
    {
        auto db = Database::open(file);
        ASSERT_TRUE(db);
        ASSERT_TRUE(migrate(**db, 8));
        ASSERT_TRUE((*db)->exec(
            "INSERT INTO partnerships (id, name) VALUES ('insp', 'INSP!');"
            "INSERT INTO codebook_themes VALUES (1, 'tema', 1, 'Tema', '', 'other', '', '', 1);"
            "INSERT INTO interview_guides (partnership, title) VALUES (1, 'Guide');"
            "INSERT INTO interview_questions (guide, position, text) VALUES (1, 1, 'Hvorfor?');"
            "INSERT INTO interviews (guide, date, interviewer, interviewee_text)"
            " VALUES (1, '2017-01-01', 7, 'En ung');"
            "INSERT INTO interview_notes (interview, question, note_text) VALUES (1, 1, 'Fordi');"
            "INSERT INTO interview_codings (note, partnership, theme, quote_text)"
            " VALUES (1, 1, 'tema', 'Fordi');"));
        ASSERT_TRUE(migrate(**db, 9));
        auto row = (*db)->prepare(
            "SELECT g.id, i.id, i.interviewer, n.note_text, k.quote_text FROM interview_guides g "
            "JOIN interviews i ON i.guide = g.pk JOIN interview_notes n ON n.interview = i.pk "
            "JOIN interview_codings k ON k.note = n.pk");
        ASSERT_TRUE(row.step().value_or(false));
        EXPECT_EQ(std::string(row.column_text(0)).rfind("ig-", 0), 0u);
        EXPECT_EQ(std::string(row.column_text(1)).rfind("iv-", 0), 0u);
        EXPECT_EQ(row.column_int(2), 7);
        EXPECT_EQ(row.column_text(3), "Fordi");
        EXPECT_EQ(row.column_text(4), "Fordi");
        auto check = (*db)->prepare("PRAGMA foreign_key_check");
        EXPECT_FALSE(check.step().value_or(true));
        auto indexes = (*db)->prepare(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN "
            "('interviews_guide', 'interviews_person', 'interview_notes_question', "
            "'interview_codings_note', 'interview_codings_theme', 'interview_questions_guide', "
            "'interview_guides_partnership')");
        ASSERT_TRUE(indexes.step().value_or(false));
        EXPECT_EQ(indexes.column_int(0), 7);
        // The interviewer may now be no account of this database; the foreign keys still hold.
        EXPECT_TRUE(
            (*db)->exec("INSERT INTO interviews (id, guide, date, interviewer, "
                        "interviewee_text) VALUES ('iv-x', 1, '2017-01-02', NULL, 'A')"));
        EXPECT_FALSE(
            (*db)->exec("INSERT INTO interview_notes (interview, question, note_text) "
                        "VALUES (99, 1, 'x')"));
    }
}

}  // namespace
}  // namespace samskab::storage::sqlite
