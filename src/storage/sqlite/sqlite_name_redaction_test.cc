// Erasure and anonymisation take the person's name out of the self-evaluation's free text, in
// an unencrypted and in an encrypted database (sqlite_name_redaction.h), as the stores read it
// and down to the file's bytes. The rule itself is tested in core/name_redaction_test.cc, and
// the same erasure on both databases in storage/conformance/community_privacy_test.cc.
#include "storage/sqlite/sqlite_name_redaction.h"

#include <fstream>
#include <iterator>

#include "security/sodium_field_cipher.h"
#include "storage/sqlite/sqlite_community_test.h"

namespace samskab::storage::sqlite::testing {
namespace {

std::shared_ptr<const core::FieldCipher> cipher_of(char fill) {
    auto cipher = security::SodiumFieldCipher::from_key(
        std::string(security::SodiumFieldCipher::KEY_BYTES, fill), core::Lang::En);
    EXPECT_TRUE(cipher);
    return std::shared_ptr<const core::FieldCipher>(std::move(*cipher));
}

std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// p1 Åse of the community bundle is named, in several spellings, in each kind of free text;
// the interview about her has her as its registered interviewee.
const char* const NOTE = "ÅSE sagde: jeg kom med Carl. Nu kommer jeg selv.";
const char* const SPELLINGS[] = {"Åse", "ÅSE", "åse"};

// Parameter: whether the database is encrypted.
class NameRedactionTest : public ::testing::TestWithParam<bool> {
protected:
    void SetUp() override {
        m_dir = std::filesystem::temp_directory_path() /
                ("samskab-redaction-" + std::to_string(std::random_device{}()));
        std::filesystem::create_directories(m_dir);
        m_file = (m_dir / "db.db").string();
        fill();
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }

    SqliteStores open() {
        auto stores = SqliteStores::open(m_file, 2, m_clock, GetParam() ? cipher_of('k') : nullptr);
        EXPECT_TRUE(stores) << stores.error().message;
        return stores ? std::move(*stores) : SqliteStores{};
    }

    void fill() {
        SqliteStores stores = open();
        ASSERT_TRUE(stores.store->import_bundle(community_bundle()));
        auto coordinator = stores.accounts->create_account({"k@vimby.dk", "K", "", {}, ""});
        ASSERT_TRUE(coordinator);
        core::NewLogbookTemplate logbook;
        logbook.place = "cafe";
        logbook.name = "Caféaften";
        logbook.fields = {core::TemplateField{"note", "Noter", core::FieldType::Text, {}, false}};
        logbook.created = at("2024-03-01T10:00:00");
        auto made = stores.logbooks->create_template(logbook);
        ASSERT_TRUE(made) << made.error().message;
        m_logbook = *made;
        for (const char* text : {"åse kom for sent, men Åse smilede", "Bo hjalp til"}) {
            core::LogbookEntry entry;
            entry.template_id = m_logbook;
            entry.version = 1;
            entry.day = day("2024-03-04");
            entry.written_at = at("2024-03-04T20:00:00");
            core::EntryValue note;
            note.key = "note";
            note.text = text;
            entry.values = {note};
            ASSERT_TRUE(stores.logbooks->write_entry(entry));
        }
        auto guide = stores.interviews->create_guide("vimby", "Deltagerinterview");
        ASSERT_TRUE(guide);
        auto question = stores.interviews->add_question(*guide, "Hvordan kom du ind?");
        ASSERT_TRUE(question);
        for (const char* who : {"Åse, 34, deltager", "frivillig"}) {
            core::Interview interview;
            interview.guide = *guide;
            interview.date = day("2024-03-10");
            interview.interviewer = *coordinator;
            interview.interviewee = who;
            if (m_interviews.empty()) {
                interview.person = "p1";
            }
            auto created = stores.interviews->create_interview(interview);
            ASSERT_TRUE(created) << created.error().message;
            m_interviews.push_back(*created);
        }
        auto note = stores.interviews->save_note(m_interviews[0], *question, NOTE);
        ASSERT_TRUE(note);
        auto other = stores.interviews->save_note(m_interviews[1], *question, "Værten hilste");
        ASSERT_TRUE(other);
        ASSERT_TRUE(stores.interviews->add_coding(*note, "inviterende-vaertsskab", "ÅSE sagde"));
        ASSERT_TRUE(stores.interviews->add_coding(*note, "fleksibilitet", "SE sagde: jeg"));
        ASSERT_TRUE(stores.interviews->add_coding(*note, "fleksibilitet", "Nu kommer jeg selv"));
        ASSERT_TRUE(stores.interviews->add_coding(*other, "fleksibilitet", "Værten"));
        core::SelfAssessment check;
        check.partnership = "vimby";
        check.half = {2024, 1};
        check.saved_by = *coordinator;
        check.saved_at = at("2024-07-02T10:00:00");
        check.answers = {
            {"haemmer-fast-rollefordeling", core::CheckRating::Hinders, "Åse føler sig udenfor"},
            {"fremmer-fleksibilitet", core::CheckRating::Promotes, "Godt"}};
        ASSERT_TRUE(stores.interviews->save_self_assessment(check));
        ASSERT_TRUE(stores.community->add_logbook_note({0, "cafe", day("2024-03-02"), *coordinator,
                                                        "", "ÅSE og Bo kom sammen",
                                                        at("2024-03-02T13:00:00")}));
    }

    // All the free text as the stores read it, with the interviews' registered person.
    std::string readings() {
        SqliteStores stores = open();
        std::string out;
        auto entries = stores.logbooks->entries(m_logbook, day("2024-03-01"), day("2024-03-31"));
        EXPECT_TRUE(entries) << entries.error().message;
        for (const auto& entry : entries.value_or(std::vector<core::LogbookEntry>{})) {
            for (const auto& value : entry.values) {
                out += "entry " + value.text + ";";
            }
        }
        for (std::int64_t id : m_interviews) {
            auto record = stores.interviews->find_interview(id);
            EXPECT_TRUE(record && *record);
            if (!record || !*record) {
                continue;
            }
            const auto& interview = (*record)->interview;
            out += "interviewee " + interview.interviewee + " (" +
                   (interview.person ? interview.person->substr(0, 4) : "-") + ");";
            for (const auto& note : (*record)->notes) {
                out += "note " + note.text + ";";
            }
            for (const auto& coding : (*record)->codings) {
                out += "coding " + coding.quote + (coding.in_note ? " in note;" : " gone;");
            }
        }
        auto check = stores.interviews->self_assessment("vimby", {2024, 1});
        EXPECT_TRUE(check && *check);
        if (check && *check) {
            for (const auto& answer : (*check)->answers) {
                out += "comment " + answer.comment + ";";
            }
        }
        auto notes = stores.community->logbook_notes("cafe", day("2024-03-01"), day("2024-03-31"));
        EXPECT_TRUE(notes);
        for (const auto& note : notes.value_or(std::vector<core::LogbookNote>{})) {
            out += "logbook note " + note.text + ";";
        }
        return out;
    }

    // The database file and its log, after every connection has closed.
    void expect_name_gone() {
        const std::string bytes = file_bytes(m_file) + file_bytes(m_file + "-wal");
        ASSERT_FALSE(bytes.empty());
        for (const char* spelling : SPELLINGS) {
            EXPECT_EQ(bytes.find(spelling), std::string::npos) << spelling;
        }
        EXPECT_EQ(bytes.find("SE sagde"), std::string::npos);
    }

    std::filesystem::path m_dir;
    std::string m_file;
    core::FixedClock m_clock{at("2024-03-04T09:00:00")};
    std::string m_logbook;
    std::vector<std::int64_t> m_interviews;
};

// Dates of the entries are equal: their order is the store's, the same before and after.
const std::string REDACTED =
    "interviewee [anonym], 34, deltager (%);"
    "note [anonym] sagde: jeg kom med Carl. Nu kommer jeg selv.;"
    "coding [anonym] sagde in note;coding [anonym] sagde: jeg in note;"
    "coding Nu kommer jeg selv in note;"
    "interviewee frivillig (-);note Værten hilste;coding Værten in note;"
    "comment [anonym] føler sig udenfor;comment Godt;";

std::string with_person(std::string text, const std::string& person) {
    text.replace(text.find('%'), 1, person);
    return text;
}

TEST_P(NameRedactionTest, ErasureTakesTheNameOutOfTheFreeText) {
    const std::string before = readings();
    ASSERT_NE(before.find("entry åse kom for sent, men Åse smilede;"), std::string::npos);
    ASSERT_NE(before.find("interviewee Åse, 34, deltager (p1);"), std::string::npos) << before;
    {
        SqliteStores stores = open();
        ASSERT_TRUE(stores.community->erase_person("p1"));
    }
    const std::string after = readings();
    EXPECT_NE(after.find("entry [anonym] kom for sent, men [anonym] smilede;"), std::string::npos)
        << after;
    EXPECT_NE(after.find("entry Bo hjalp til;"), std::string::npos) << after;
    // The interview stays, unlinked from the erased person; the host's note about her goes.
    EXPECT_NE(after.find(with_person(REDACTED, "-")), std::string::npos) << after;
    EXPECT_EQ(after.find("logbook note"), std::string::npos) << after;
    expect_name_gone();
}

TEST_P(NameRedactionTest, AnonymisationTakesTheNameOutOfTheFreeText) {
    {
        SqliteStores stores = open();
        ASSERT_TRUE(stores.community->anonymise({"p1"}, at("2026-04-01T03:00:00")));
    }
    const std::string after = readings();
    EXPECT_NE(after.find("entry [anonym] kom for sent, men [anonym] smilede;"), std::string::npos)
        << after;
    EXPECT_NE(after.find("entry Bo hjalp til;"), std::string::npos) << after;
    // The interview stays linked to the anonymised person, under the new id.
    EXPECT_NE(after.find(with_person(REDACTED, "anon")), std::string::npos) << after;
    EXPECT_NE(after.find("logbook note [anonym] og Bo kom sammen;"), std::string::npos) << after;
    expect_name_gone();
}

TEST_P(NameRedactionTest, ErasingSomeoneElseChangesNoText) {
    const std::string before = readings();
    {
        SqliteStores stores = open();
        ASSERT_TRUE(stores.community->erase_person("p6"));
    }
    EXPECT_EQ(readings(), before);
}

INSTANTIATE_TEST_SUITE_P(UnencryptedAndEncrypted, NameRedactionTest, ::testing::Bool());

}  // namespace
}  // namespace samskab::storage::sqlite::testing
