// Erasure and anonymisation take the person's name out of every free-text column on both
// databases (core/community_store.h, erase_person and anonymise; core/name_redaction.h). The
// free text is filled with SQL beside the stores, in plaintext, as a database from before
// encryption holds it: the stores redact it there and, on PostgreSQL (whose stores always have
// a key), write back what they change sealed. The SQLite store's own tests
// (sqlite_name_redaction_test.cc) write it through its stores, also encrypted.
#include <functional>

#include "storage/conformance/conformance_fixture.h"

namespace samskab::storage::conformance {
namespace {

// p1 Åse of the community bundle is named, in several spellings, in each kind of free text;
// the interview about her (iv-1) has her as its registered interviewee. The SQL is the same on
// both databases: keys are looked up, never written, since PostgreSQL generates them.
const char* const FILL[] = {
    "INSERT INTO logbook_templates (id, partnership, place, name, created_at) "
    "SELECT 'lt-1', partnership, pk, 'Caféaften', '2024-03-01T10:00' FROM places "
    "WHERE id = 'cafe'",
    "INSERT INTO logbook_template_versions (template, version, created_at) "
    "SELECT pk, 1, '2024-03-01T10:00' FROM logbook_templates WHERE id = 'lt-1'",
    "INSERT INTO logbook_entries (id, template, version, place, day, written_at) "
    "SELECT 'le-1', pk, 1, place, '2024-03-04', '2024-03-04T20:00' FROM logbook_templates "
    "WHERE id = 'lt-1'",
    "INSERT INTO logbook_entries (id, template, version, place, day, written_at) "
    "SELECT 'le-2', pk, 1, place, '2024-03-04', '2024-03-04T20:00' FROM logbook_templates "
    "WHERE id = 'lt-1'",
    "INSERT INTO logbook_entry_values (entry, key, text_value) "
    "SELECT pk, 'note', 'åse kom for sent, men Åse smilede' FROM logbook_entries "
    "WHERE id = 'le-1'",
    "INSERT INTO logbook_entry_values (entry, key, text_value) "
    "SELECT pk, 'note', 'Bo hjalp til' FROM logbook_entries WHERE id = 'le-2'",
    // Åse was present, as the entry's people field records.
    "INSERT INTO logbook_entry_people (entry, key, person) "
    "SELECT e.pk, 'present', p.pk FROM logbook_entries e JOIN people p ON p.id = 'p1' "
    "WHERE e.id = 'le-1'",
    "INSERT INTO interview_guides (id, partnership, title) "
    "SELECT 'ig-1', pk, 'Deltagerinterview' FROM partnerships WHERE id = 'vimby'",
    "INSERT INTO interview_questions (guide, position, text) "
    "SELECT pk, 1, 'Hvordan kom du ind?' FROM interview_guides WHERE id = 'ig-1'",
    "INSERT INTO interviews (id, guide, date, interviewee_text, person) "
    "SELECT 'iv-1', g.pk, '2024-03-10', 'Åse, 34, deltager', p.pk "
    "FROM interview_guides g JOIN people p ON p.id = 'p1' WHERE g.id = 'ig-1'",
    "INSERT INTO interviews (id, guide, date, interviewee_text) "
    "SELECT 'iv-2', pk, '2024-03-10', 'frivillig' FROM interview_guides WHERE id = 'ig-1'",
    "INSERT INTO interview_notes (interview, question, note_text) "
    "SELECT i.pk, q.pk, 'ÅSE sagde: jeg kom med Carl. Nu kommer jeg selv.' FROM interviews i "
    "JOIN interview_questions q ON q.guide = i.guide WHERE i.id = 'iv-1'",
    "INSERT INTO interview_notes (interview, question, note_text) "
    "SELECT i.pk, q.pk, 'Værten hilste' FROM interviews i "
    "JOIN interview_questions q ON q.guide = i.guide WHERE i.id = 'iv-2'",
    "INSERT INTO codebook_themes (partnership, id, position, name_da, name_en, theme_group, "
    "description_da, description_en, active) "
    "SELECT pk, 'test-tema', 99, 'Tema', 'Theme', 'promoter', '', '', true FROM partnerships "
    "WHERE id = 'vimby'",
};

// The codings, in this order, of the note of the interview.
const std::pair<const char*, const char*> CODINGS[] = {
    {"iv-1", "ÅSE sagde"},
    {"iv-1", "SE sagde: jeg"},
    {"iv-1", "Nu kommer jeg selv"},
    {"iv-2", "Værten"},
};

const char* const SELF_ASSESSMENT[] = {
    "INSERT INTO self_assessments (partnership, half, saved_by, saved_at) "
    "SELECT pk, '2024-H1', 0, '2024-07-02T10:00' FROM partnerships WHERE id = 'vimby'",
    "INSERT INTO self_assessment_answers (partnership, half, item, position, rating, "
    "comment_text) SELECT pk, '2024-H1', 'haemmer-fast-rollefordeling', 1, 'hinders', "
    "'Åse føler sig udenfor' FROM partnerships WHERE id = 'vimby'",
    "INSERT INTO self_assessment_answers (partnership, half, item, position, rating, "
    "comment_text) SELECT pk, '2024-H1', 'fremmer-fleksibilitet', 2, 'promotes', 'Godt' "
    "FROM partnerships WHERE id = 'vimby'",
    "INSERT INTO logbook_notes (place, day, author, text, written_at) "
    "SELECT pk, '2024-03-02', 0, 'ÅSE og Bo kom sammen', '2024-03-02T13:00' FROM places "
    "WHERE id = 'cafe'",
};

using Sql = std::function<std::string(const std::string&)>;

// Every free text, with the interviews' registered person (its id's first four letters, "-"
// for none), the people present in logbook entries and the logbook notes, as "what value;" in a
// fixed order. `sql` reads a value, `opened` a free text as the stores see it
// (ConformanceTest::sql_opened: sealed column, plaintext column, context).
std::string readings(const Sql& sql, const Sql& opened) {
    std::string out;
    for (const char* entry : {"le-1", "le-2"}) {
        out += "entry " +
               opened(
                   "SELECT v.text_sealed, v.text_value, 'logbook_entry_values.text_value:' || "
                   "v.entry || ':' || v.key FROM logbook_entry_values v JOIN logbook_entries e "
                   "ON e.pk = v.entry WHERE e.id = '" +
                   std::string(entry) + "'") +
               ";";
    }
    for (const char* interview : {"iv-1", "iv-2"}) {
        const std::string where = " WHERE i.id = '" + std::string(interview) + "'";
        out += "interviewee " +
               opened(
                   "SELECT interviewee_sealed, interviewee_text, "
                   "'interviews.interviewee_text:' || i.pk FROM interviews i" +
                   where) +
               " (" +
               sql("SELECT coalesce(substr(p.id, 1, 4), '-') FROM interviews i "
                   "LEFT JOIN people p ON p.pk = i.person" +
                   where) +
               ");";
        out += "note " +
               opened(
                   "SELECT n.note_sealed, n.note_text, 'interview_notes.note_text:' || n.pk "
                   "FROM interview_notes n JOIN interviews i ON i.pk = n.interview" +
                   where) +
               ";";
    }
    for (int i = 0; i < 4; ++i) {
        out += "coding " +
               opened(
                   "SELECT quote_sealed, quote_text, 'interview_codings.quote_text:' || pk "
                   "FROM interview_codings ORDER BY pk LIMIT 1 OFFSET " +
                   std::to_string(i)) +
               ";";
    }
    for (const char* item : {"haemmer-fast-rollefordeling", "fremmer-fleksibilitet"}) {
        out += "comment " +
               opened(
                   "SELECT comment_sealed, comment_text, "
                   "'self_assessment_answers.comment_text:' || partnership || ':' || half || "
                   "':' || item FROM self_assessment_answers WHERE item = '" +
                   std::string(item) + "'") +
               ";";
    }
    out += "present " + sql("SELECT count(*) FROM logbook_entry_people") + ";";
    out += "logbook notes " + sql("SELECT count(*) FROM logbook_notes") + ";";
    out += "logbook note " +
           opened(
               "SELECT text_sealed, text, 'logbook_notes.text:' || pk FROM logbook_notes "
               "ORDER BY pk LIMIT 1") +
           ";";
    return out;
}

const std::string REDACTED =
    "entry [anonym] kom for sent, men [anonym] smilede;entry Bo hjalp til;"
    "interviewee [anonym], 34, deltager (%);"
    "note [anonym] sagde: jeg kom med Carl. Nu kommer jeg selv.;"
    "interviewee frivillig (-);note Værten hilste;"
    "coding [anonym] sagde;coding [anonym] sagde: jeg;coding Nu kommer jeg selv;coding Værten;"
    "comment [anonym] føler sig udenfor;comment Godt;";

std::string with_person(std::string text, const std::string& person) {
    text.replace(text.find('%'), 1, person);
    return text;
}

// Fills the free text with `exec` (ConformanceTest::sql_exec); false when a row is refused.
bool fill_free_text(const std::function<bool(const std::string&)>& exec) {
    for (const char* statement : FILL) {
        if (!exec(statement)) {
            ADD_FAILURE() << statement;
            return false;
        }
    }
    for (const auto& [interview, quote] : CODINGS) {
        const std::string statement =
            "INSERT INTO interview_codings (note, partnership, theme, quote_text) "
            "SELECT n.pk, pa.pk, 'test-tema', '" +
            std::string(quote) +
            "' FROM interview_notes n JOIN interviews i ON i.pk = n.interview "
            "JOIN partnerships pa ON pa.id = 'vimby' WHERE i.id = '" +
            std::string(interview) + "'";
        if (!exec(statement)) {
            ADD_FAILURE() << statement;
            return false;
        }
    }
    for (const char* statement : SELF_ASSESSMENT) {
        if (!exec(statement)) {
            ADD_FAILURE() << statement;
            return false;
        }
    }
    return true;
}

TEST_P(ConformanceTest, ErasureTakesTheNameOutOfTheFreeText) {
    ASSERT_TRUE(fill_free_text([this](const std::string& s) { return sql_exec(s); }));
    const Sql read = [this](const std::string& s) { return sql(s); };
    const Sql opened = [this](const std::string& s) { return sql_opened(s); };
    const std::string before = readings(read, opened);
    ASSERT_NE(before.find("entry åse kom for sent, men Åse smilede;"), std::string::npos);
    ASSERT_NE(before.find("interviewee Åse, 34, deltager (p1);"), std::string::npos) << before;
    ASSERT_NE(before.find("logbook note ÅSE og Bo kom sammen;"), std::string::npos) << before;

    ASSERT_TRUE(store().erase_person("p1"));
    // The interview stays, unlinked from the erased person; the host's note about her goes.
    EXPECT_EQ(readings(read, opened),
              with_person(REDACTED, "-") + "present 0;logbook notes 0;logbook note <none>;");
}

TEST_P(ConformanceTest, AnonymisationTakesTheNameOutOfTheFreeText) {
    ASSERT_TRUE(fill_free_text([this](const std::string& s) { return sql_exec(s); }));
    ASSERT_TRUE(store().anonymise({"p1"}, at("2026-04-01T03:00:00")));
    // The interview stays linked to the anonymised person, under the new id.
    EXPECT_EQ(readings([this](const std::string& s) { return sql(s); },
                       [this](const std::string& s) { return sql_opened(s); }),
              with_person(REDACTED, "anon") +
                  "present 1;logbook notes 1;logbook note [anonym] og Bo kom sammen;");
}

TEST_P(ConformanceTest, ErasingSomeoneElseChangesNoText) {
    ASSERT_TRUE(fill_free_text([this](const std::string& s) { return sql_exec(s); }));
    const Sql read = [this](const std::string& s) { return sql(s); };
    const Sql opened = [this](const std::string& s) { return sql_opened(s); };
    const std::string before = readings(read, opened);
    ASSERT_TRUE(store().erase_person("p6"));
    EXPECT_EQ(readings(read, opened), before);
}

}  // namespace
}  // namespace samskab::storage::conformance
