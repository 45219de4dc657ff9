#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "analytics/report.h"
#include "analytics/sample_report.h"

namespace samskab::analytics {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::sample_dataset;
using testing::sample_request;

std::string render(const ReportRequest& request) {
    const auto text = render_report(sample_dataset(), request);
    EXPECT_TRUE(text.has_value());
    return *text;
}

TEST(TextRenderer, DanishSummary) {
    const std::string text = render(sample_request(Format::Text));
    EXPECT_THAT(text, HasSubstr("samskab-rapport for alle steder\n"));
    EXPECT_THAT(text, HasSubstr("Periode: 1. januar 2017 – 28. februar 2017\n"));
    EXPECT_THAT(text, HasSubstr("Deltagelse\n"));
    EXPECT_THAT(text, HasSubstr("  Deltagere: 17 personer deltog i mindst én aktivitet eller kom i "
                                "huset.\n"));
    EXPECT_THAT(text, HasSubstr("  Andel med støttebehov: 58,8 % af deltagerne har brug for "
                                "særlig støtte.\n"));
    EXPECT_THAT(text, HasSubstr("  Aktivitetsgange: aktiviteterne blev holdt 1 gang.\n"));
    EXPECT_THAT(text, HasSubstr("  Andel nået: kan ikke beregnes — ingen i nævneren.\n"));
    EXPECT_THAT(text, HasSubstr("  Mindste sagsmøde: det mindste møde i en sag havde 2 "
                                "deltagere.\n"));
    // No comparison without slices, no suppression note without suppression.
    EXPECT_THAT(text, Not(HasSubstr("forrige periode")));
    EXPECT_THAT(text, Not(HasSubstr("skjult")));
}

TEST(TextRenderer, EnglishSummary) {
    const std::string text = render(sample_request(Format::Text, core::Lang::En));
    EXPECT_THAT(text, HasSubstr("samskab report for all places\n"));
    EXPECT_THAT(text, HasSubstr("Period: 1 January 2017 – 28 February 2017\n"));
    EXPECT_THAT(text, HasSubstr("  Participants: 17 people took part in at least one activity "
                                "or came to the house.\n"));
    EXPECT_THAT(text, HasSubstr("  Share needing support: 58.8% of the participants need "
                                "special support.\n"));
    EXPECT_THAT(text, HasSubstr("  Share reached: cannot be calculated — no one in the "
                                "denominator.\n"));
    EXPECT_THAT(text, Not(HasSubstr("Deltagere")));
}

TEST(TextRenderer, ChangesSinceThePreviousSlice) {
    const std::string text = render(sample_request(Format::Text, core::Lang::Da, SliceBy::Month));
    EXPECT_THAT(text, HasSubstr("Opdelt pr. måned (2 perioder).\n"));
    EXPECT_THAT(text, HasSubstr("\n1. januar 2017 – 31. januar 2017\n"
                                "================================\n"));
    // January has no previous slice.
    EXPECT_THAT(text, HasSubstr("  Deltagere: 10 personer deltog i mindst én aktivitet eller "
                                "kom i huset.\n"));
    EXPECT_THAT(text, HasSubstr("  Deltagere: 15 personer deltog i mindst én aktivitet eller "
                                "kom i huset (+5 siden forrige periode).\n"));
    EXPECT_THAT(text, HasSubstr("  Andel med støttebehov: 66,7 % af deltagerne har brug for "
                                "særlig støtte (op fra 30 % til 66,7 %).\n"));
    EXPECT_THAT(text, HasSubstr("(-2 siden forrige periode)"));  // participations 2 -> 0
    EXPECT_THAT(text, HasSubstr("(uændret siden forrige periode)"));
    // The meeting sizes are undefined in February: no comparison is offered.
    EXPECT_THAT(text, HasSubstr("  Mindste sagsmøde: kan ikke beregnes — ingen sagsmøder i "
                                "perioden.\n"));
}

TEST(TextRenderer, EnglishChanges) {
    const std::string text = render(sample_request(Format::Text, core::Lang::En, SliceBy::Month));
    EXPECT_THAT(text, HasSubstr("(+5 since the previous period)"));
    EXPECT_THAT(text, HasSubstr("(up from 30% to 66.7%)"));
}

TEST(TextRenderer, SuppressedFiguresSayTheyAreHidden) {
    ReportRequest request = sample_request(Format::Text);
    request.suppress_k = 5;
    const std::string text = render(request);
    EXPECT_THAT(text, HasSubstr("Tal under 5 er skjult for at beskytte små grupper"));
    EXPECT_THAT(text, HasSubstr("  Deltagelser: der blev registreret færre end 5 deltagelser i "
                                "aktiviteter (skjult for at beskytte små grupper).\n"));
    EXPECT_THAT(text, HasSubstr("  Via koordinatoren: skjult for at beskytte små grupper.\n"));
    EXPECT_THAT(text, HasSubstr("  Via netværk: 7 nye deltagere blev inviteret gennem deres "
                                "netværk.\n"));
}

TEST(TextRenderer, NamesTheScope) {
    ReportRequest request = sample_request(Format::Text);
    request.scope = {ScopeKind::Place, testing::SAMPLE_PLACE};
    EXPECT_THAT(render(request), HasSubstr("samskab-rapport for stedet \"hus<&>\"\"\n"));
    request.scope = {ScopeKind::Partnership, "insp"};
    request.lang = core::Lang::En;
    EXPECT_THAT(render(request), HasSubstr("samskab report for the partnership \"insp\"\n"));
}

}  // namespace
}  // namespace samskab::analytics
