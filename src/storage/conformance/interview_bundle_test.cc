// The bundle's collections `codes` and `interviews` through both stores' import and export: the
// round trip, importing again, the conflict rule, stored guides growing, validation against
// the stored codebook, and the ids the stores give new guides.
#include "bundle/bundle_reader.h"
#include "bundle/bundle_writer.h"
#include "core/bundle_validator.h"
#include "core/self_evaluation_records.h"
#include "core/starting_codebook.h"
#include "storage/conformance/conformance_fixture.h"

namespace samskab::storage::conformance {
namespace {

constexpr std::string_view INTERVIEWEE = "Ung mand fra Ågade, 19 år";
constexpr std::string_view NOTE = "Han siger: jeg kan komme når jeg vil. Maden er \"god\".";
constexpr std::string_view QUOTE = "jeg kan komme når jeg vil";

// `stored` (what the store exports before the test imports anything) with two interview guides
// of INSP!, in the form the stores export: the partnership's whole codebook (the starting
// codebook, which its first coding copies, and one theme of its own).
core::Bundle with_interviews(core::Bundle b) {
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
    core::HeldInterviewRecord one{"iv-1", day("2017-03-01"), std::string(INTERVIEWEE), "p1", {}};
    one.notes.push_back(
        {1, std::string(NOTE), {{first_theme, std::string(QUOTE)}, {"t-egen", "Maden"}}});
    one.notes.push_back({2, "Et sted at høre til\nog være.", {}});
    core::HeldInterviewRecord two{"iv-2", day("2017-02-01"), "Frivillig, 67 år", std::nullopt, {}};
    guide.interviews = {one, two};
    b.interviews.push_back(guide);
    b.interviews.push_back({"ig-b", "insp", "Guide til værter", {"Hvad gør du?"}, {}});
    return b;
}

class Bundles {
public:
    explicit Bundles(core::Store& store) : m_store(store) {}

    core::IdLookup lookup() {
        return [this](core::Collection c, std::string_view id) {
            auto found = m_store.contains(c, id);
            return found && *found;
        };
    }

    // Reads, validates against the store and imports `text`, as `samskab import` does.
    core::Result<core::ImportSummary> import_text(const std::string& text) {
        auto read = bundle::read_bundle_text(text, core::Lang::En);
        EXPECT_TRUE(read.issues.empty()) << core::to_string(read.issues.front());
        const auto issues = core::validate_bundle(read.bundle, core::Lang::En, lookup());
        EXPECT_TRUE(issues.empty()) << core::to_string(issues.front());
        return m_store.import_bundle(read.bundle);
    }

    core::Bundle exported_bundle() {
        auto b = m_store.export_bundle();
        EXPECT_TRUE(b) << (b ? "" : b.error().message);
        return b ? *b : core::Bundle{};
    }

    std::string exported() { return bundle::write_bundle_text(exported_bundle()); }

    // The test's bundle: what is stored now, with the interviews of with_interviews.
    core::Bundle whole() { return with_interviews(exported_bundle()); }

private:
    core::Store& m_store;
};

TEST_P(ConformanceTest, InterviewBundleImportThenExportIsByteIdentical) {
    Bundles bundles(bundle_store());
    const std::string text = bundle::write_bundle_text(bundles.whole());
    ASSERT_NE(text.find(R"("interviews": [)"), std::string::npos);
    auto summary = bundles.import_text(text);
    ASSERT_TRUE(summary) << summary.error().message;
    EXPECT_EQ(summary->interview_guides, 2u);
    EXPECT_EQ(summary->interviews, 2u);
    EXPECT_EQ(bundles.exported(), text);
}

TEST_P(ConformanceTest, InterviewBundleExportedAgainIsIdenticalAndTheStoreReadsTheInterviews) {
    Bundles bundles(bundle_store());
    ASSERT_TRUE(bundles.import_text(bundle::write_bundle_text(bundles.whole())));
    const std::string text = bundles.exported();
    ASSERT_TRUE(bundles.import_text(text));
    EXPECT_EQ(bundles.exported(), text);

    // What the interview pages read: an imported interview has no interviewer.
    auto listed = interviews().interviews("insp");
    ASSERT_TRUE(listed) << listed.error().message;
    ASSERT_EQ(listed->size(), 2u);
    EXPECT_EQ((*listed)[0].interviewee, INTERVIEWEE);  // newest first
    EXPECT_EQ((*listed)[0].interviewer, 0);
    EXPECT_EQ((*listed)[0].person, "p1");
    auto record = interviews().find_interview((*listed)[0].id);
    ASSERT_TRUE(record && *record);
    ASSERT_EQ((*record)->notes.size(), 2u);
    EXPECT_EQ((*record)->notes[0].text, NOTE);
    ASSERT_EQ((*record)->codings.size(), 2u);
    EXPECT_EQ((*record)->codings[0].quote, QUOTE);
    EXPECT_TRUE((*record)->codings[0].in_note);
    EXPECT_EQ((*record)->codings[1].theme, "t-egen");
}

TEST_P(ConformanceTest, InterviewBundleImportedAgainChangesNothingAndAChangedInterviewConflicts) {
    Bundles bundles(bundle_store());
    const core::Bundle whole = bundles.whole();
    const std::string text = bundle::write_bundle_text(whole);
    ASSERT_TRUE(bundles.import_text(text));
    auto again = bundles.import_text(text);
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(again->interviews, 0u);
    EXPECT_EQ(bundles.exported(), text);

    core::Bundle changed = whole;
    changed.interviews[0].interviews[0].notes[1].text = "Rettet note";
    changed.people[0].name = "Ændret";
    auto refused = bundle_store().import_bundle(changed);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, core::ErrorCode::Conflict);
    EXPECT_EQ(refused.error().field, "interviews");
    EXPECT_NE(refused.error().message.find("iv-1"), std::string::npos);
    EXPECT_EQ(bundles.exported(), text);  // nothing of the import is written

    core::Bundle moved = whole;
    moved.interviews[1].interviews.push_back(moved.interviews[0].interviews[1]);
    moved.interviews[1].interviews.back().notes.clear();
    moved.interviews[0].interviews.pop_back();
    refused = bundle_store().import_bundle(moved);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, core::ErrorCode::Conflict);
}

TEST_P(ConformanceTest, InterviewBundleKeepsAStoredGuidesQuestionsAndMayAddMoreAtTheEnd) {
    Bundles bundles(bundle_store());
    const core::Bundle whole = bundles.whole();
    ASSERT_TRUE(bundles.import_text(bundle::write_bundle_text(whole)));

    core::Bundle reworded = whole;
    reworded.interviews[0].questions[0] = "Hvorfor kom du?";
    auto refused = bundle_store().import_bundle(reworded);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, core::ErrorCode::Conflict);
    EXPECT_EQ(refused.error().field, "interviews");

    core::Bundle longer = whole;
    longer.interviews[0].questions.push_back("Hvad mangler du?");
    longer.interviews[0].title = "Guide til unge (2)";
    ASSERT_TRUE(bundle_store().import_bundle(longer));
    EXPECT_EQ(bundles.exported(), bundle::write_bundle_text(longer));
}

TEST_P(ConformanceTest, InterviewBundleWithoutInterviewsExportsNoInterviewsKey) {
    Bundles bundles(bundle_store());
    EXPECT_EQ(bundles.exported().find("\"interviews\""), std::string::npos);
}

TEST_P(ConformanceTest, InterviewBundleValidationFindsTheStoredCodebook) {
    Bundles bundles(bundle_store());
    const core::Bundle whole = bundles.whole();
    ASSERT_TRUE(bundles.import_text(bundle::write_bundle_text(whole)));
    // A later bundle with only an interview, coded with the theme the partnership added.
    core::Bundle later;
    core::InterviewGuideRecord guide = whole.interviews[0];
    guide.interviews = {guide.interviews[0]};
    guide.interviews[0].id = "iv-3";
    later.interviews.push_back(guide);
    EXPECT_TRUE(core::validate_bundle(later, core::Lang::En, bundles.lookup()).empty());
    later.interviews[0].interviews[0].notes[0].codings[1].theme = "t-ukendt";
    const auto issues = core::validate_bundle(later, core::Lang::En, bundles.lookup());
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(core::to_string(issues[0]),
              "interviews[0].interviews[0].notes[0].codings[1].theme: unknown theme \"t-ukendt\"");
}

TEST_P(ConformanceTest, InterviewBundleGivesNewGuidesAndInterviewsIds) {
    auto guide = interviews().create_guide("insp", "Ny guide");
    ASSERT_TRUE(guide) << guide.error().message;
    auto other = interviews().create_guide("insp", "Endnu en guide");
    ASSERT_TRUE(other) << other.error().message;
    auto b = bundle_store().export_bundle();
    ASSERT_TRUE(b);
    ASSERT_EQ(b->interviews.size(), 2u);
    for (const auto& g : b->interviews) {
        EXPECT_EQ(g.id.rfind("ig-", 0), 0u) << g.id;
        EXPECT_EQ(g.id.size(), 15u) << g.id;
    }
    EXPECT_NE(b->interviews[0].id, b->interviews[1].id);
}

}  // namespace
}  // namespace samskab::storage::conformance
