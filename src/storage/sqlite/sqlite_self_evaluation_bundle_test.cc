// The self-evaluation collections of a bundle through the SQLite store: the whole file's round
// trip (with its codes), the codebook it leaves, and sealing in an encrypted database. The
// logbooks' import, export and re-import are conformance tests of both back-ends
// (storage/conformance/logbook_bundle_test.cc).
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
#include "storage/sqlite/sqlite_interview_store.h"
#include "storage/sqlite/sqlite_store.h"

namespace samskab::storage::sqlite {
namespace {

namespace fs = std::filesystem;

class SelfEvaluationBundleTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() /
                ("samskab-selfeval-" + std::to_string(std::random_device{}()));
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    std::string path(const std::string& name) const { return (m_dir / name).string(); }

    std::unique_ptr<SqliteStore> open(const std::string& name) {
        auto store = SqliteStore::open(path(name));
        EXPECT_TRUE(store) << (store ? "" : store.error().message);
        return store ? std::move(*store) : nullptr;
    }

    // tests/bundles/self_evaluation.json in the form the store exports: with INSP!'s whole
    // codebook (the starting codebook, the themes the file changes in their place and its own
    // themes after them, as a partnership's codebook is kept) and relations smaller id first.
    static std::string whole_bundle_text() {
        auto read = bundle::read_bundle_text(
            bundle::testing::read_test_file("bundles/self_evaluation.json"), core::Lang::En);
        EXPECT_TRUE(read.issues.empty()) << core::to_string(read.issues.front());
        std::vector<core::CodeRecord> codes;
        for (const core::Theme& theme : core::starting_codebook()) {
            codes.push_back(core::to_record("insp", theme));
        }
        for (const core::CodeRecord& code : read.bundle.codes) {
            auto same = std::find_if(codes.begin(), codes.end(),
                                     [&](const auto& c) { return c.id == code.id; });
            if (same != codes.end()) {
                *same = code;
            } else {
                codes.push_back(code);
            }
        }
        read.bundle.codes = codes;
        // As the store writes a relation: the smaller id first.
        for (core::Relation& r : read.bundle.relations) {
            if (r.b < r.a) {
                std::swap(r.a, r.b);
            }
        }
        return bundle::write_bundle_text(read.bundle);
    }

    // Reads, validates against `store` and imports `text`, as `samskab import` does.
    static void import_text(SqliteStore& store, const std::string& text) {
        auto read = bundle::read_bundle_text(text, core::Lang::En);
        ASSERT_TRUE(read.issues.empty()) << core::to_string(read.issues.front());
        const core::IdLookup stored = [&store](core::Collection c, std::string_view id) {
            auto found = store.contains(c, id);
            return found && *found;
        };
        const auto issues = core::validate_bundle(read.bundle, core::Lang::En, stored);
        ASSERT_TRUE(issues.empty()) << core::to_string(issues.front());
        auto summary = store.import_bundle(read.bundle);
        ASSERT_TRUE(summary) << summary.error().message;
    }

    static std::string exported(SqliteStore& store) {
        auto b = store.export_bundle();
        EXPECT_TRUE(b) << (b ? "" : b.error().message);
        return b ? bundle::write_bundle_text(*b) : "";
    }

    fs::path m_dir;
};

TEST_F(SelfEvaluationBundleTest, ImportThenExportIsByteIdentical) {
    const std::string text = whole_bundle_text();
    auto store = open("a.db");
    import_text(*store, text);
    EXPECT_EQ(exported(*store), text);
}

TEST_F(SelfEvaluationBundleTest, ExportImportExportIsIdenticalAndTheCodebookReadsTheSame) {
    auto first = open("a.db");
    import_text(*first, whole_bundle_text());
    const std::string text = exported(*first);
    auto second = open("b.db");
    import_text(*second, text);
    EXPECT_EQ(exported(*second), text);

    // What the codebook page reads, from both databases (the logbooks' part is in
    // storage/conformance/logbook_bundle_test.cc, on both back-ends).
    for (const char* name : {"a.db", "b.db"}) {
        SCOPED_TRACE(name);
        auto pool = ConnectionPool::open(path(name), 1);
        ASSERT_TRUE(pool) << pool.error().message;
        SqliteInterviewStore interviews(*pool);
        auto codebook = interviews.codebook("insp");
        ASSERT_TRUE(codebook) << codebook.error().message;
        ASSERT_EQ(codebook->size(), core::starting_codebook().size() + 1);
        EXPECT_EQ(codebook->front().name_da, "Fleksibilitet (vores ord)");
        EXPECT_FALSE(codebook->front().active);
        EXPECT_EQ(codebook->back().id, "t-faellesskab");
    }
}

TEST_F(SelfEvaluationBundleTest, InAnEncryptedDatabaseTheFreeTextIsSealedAndExportedAsItWas) {
    auto cipher = security::SodiumFieldCipher::from_key(
        std::string(security::SodiumFieldCipher::KEY_BYTES, 'k'), core::Lang::En);
    ASSERT_TRUE(cipher);
    const std::shared_ptr<const core::FieldCipher> key(std::move(*cipher));
    const std::string text = whole_bundle_text();
    {
        auto store = SqliteStore::open(path("sealed.db"), key);
        ASSERT_TRUE(store) << store.error().message;
        import_text(**store, text);
        EXPECT_EQ(exported(**store), text);
    }
    // Closed, so the log is folded into the file: the entries' text is not in it in plain.
    std::ifstream in(path("sealed.db"), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(bytes.find("God aften"), std::string::npos);
    EXPECT_EQ(bytes.find("Suppe 🍲"), std::string::npos);
    EXPECT_NE(bytes.find("Aftenlogbog"), std::string::npos);  // names are not sealed
}

// Without logbooks, on both back-ends: storage/conformance/logbook_bundle_test.cc.
TEST_F(SelfEvaluationBundleTest, WithoutSelfEvaluationTheExportHasNoCodes) {
    auto store = open("a.db");
    import_text(*store, bundle::testing::read_test_file("bundles/small.json"));
    const std::string text = exported(*store);
    EXPECT_EQ(text.find("codes"), std::string::npos);
}

}  // namespace
}  // namespace samskab::storage::sqlite
