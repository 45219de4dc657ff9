#include "bundle/bundle_reader.h"

#include <gtest/gtest.h>

#include "bundle/bundle_test_support.h"

namespace samskab::bundle {
namespace {

using core::Lang;

std::vector<std::string> issues_of(std::string_view text, Lang lang = Lang::En) {
    std::vector<std::string> out;
    for (const auto& issue : read_bundle_text(text, lang).issues) {
        out.push_back(core::to_string(issue));
    }
    return out;
}

std::string one_issue(std::string_view text, Lang lang = Lang::En) {
    auto issues = issues_of(text, lang);
    EXPECT_EQ(issues.size(), 1u) << ::testing::PrintToString(issues);
    return issues.empty() ? "" : issues.front();
}

TEST(BundleReader, ReadsEveryCollectionOfTheSmallBundle) {
    const ReadResult r = read_bundle_text(testing::read_test_file("bundles/small.json"), Lang::Da);
    ASSERT_TRUE(r.issues.empty()) << core::to_string(r.issues.front());
    const core::Bundle& b = r.bundle;
    ASSERT_EQ(b.partnerships.size(), 1u);
    ASSERT_EQ(b.partnerships[0].organisations.size(), 2u);
    EXPECT_EQ(b.partnerships[0].organisations[1].kind, core::OrganisationKind::Municipality);
    EXPECT_DOUBLE_EQ(b.places[0].support_threshold, 0.20);
    ASSERT_EQ(b.people.size(), 3u);
    EXPECT_EQ(b.people[0].name, "Åse Ærø 🌻");
    EXPECT_TRUE(b.people[0].support_need);
    EXPECT_TRUE(b.people[0].consent.pathways);
    EXPECT_EQ(b.people[0].entry_channel, core::EntryChannel::Companion);
    EXPECT_EQ(b.people[1].name, "Søren \"Bager\" Østergård");
    EXPECT_FALSE(b.people[1].support_need);
    EXPECT_FALSE(b.people[2].joined.has_value());
    EXPECT_FALSE(b.people[2].entry_channel.has_value());
    EXPECT_FALSE(b.companions[0].to.has_value());
    EXPECT_EQ(b.activities[1].initiated_by, std::optional<std::string>("p1"));
    EXPECT_EQ(b.activities[1].title, "Brætspil\ttirsdag");
    EXPECT_EQ(core::format_local_time(b.occurrences[1].start), "2016-02-29T18:30:00");
    EXPECT_EQ(b.participations.size(), 3u);
    EXPECT_EQ(b.participations[2].role, core::Role::Initiator);
    EXPECT_EQ(b.visits.size(), 1u);
    EXPECT_EQ(b.relations[0].source, core::RelationSource::HostIntroduction);
    EXPECT_EQ(b.pathways[0].kind, core::PathwayKind::Education);
}

TEST(BundleReader, CollectionsMayBeOmittedAndDefaultsApply) {
    const ReadResult r = read_bundle_text(
        R"({"format":"samskab-bundle/1","places":[{"id":"x","partnership":"p","name":"X"}]})",
        Lang::En);
    EXPECT_TRUE(r.issues.empty());
    EXPECT_DOUBLE_EQ(r.bundle.places.at(0).support_threshold, 0.20);
}

TEST(BundleReader, FormatIsRequiredAndExact) {
    EXPECT_EQ(one_issue(R"({"people":[]})"), "format: is missing (required)");
    EXPECT_EQ(one_issue(R"({"format":"samskab-bundle/2"})"),
              "format: must be \"samskab-bundle/1\", not \"samskab-bundle/2\"");
    EXPECT_EQ(one_issue(R"({"format":"samskab-bundle/2"})", Lang::Da),
              "format: skal være \"samskab-bundle/1\", ikke \"samskab-bundle/2\"");
}

TEST(BundleReader, UnknownTopLevelKeyIsAnError) {
    EXPECT_EQ(one_issue(R"({"format":"samskab-bundle/1","peeple":[{"id":"p1"}]})"),
              "peeple: unknown field (a typo?)");
}

// Found by fuzzing: an empty key gave an issue with an empty path.
TEST(BundleReader, UnusualKeysAreQuotedInPaths) {
    EXPECT_EQ(one_issue(R"({"format":"samskab-bundle/1","":[]})"), "\"\": unknown field (a typo?)");
    EXPECT_EQ(
        one_issue(R"({"format":"samskab-bundle/1","people":[{"id":"p1","name":"A","x y":1}]})"),
        "people[0].\"x y\": unknown field (a typo?)");
}

TEST(BundleReader, UnknownFieldInRecordIsAnError) {
    EXPECT_EQ(
        one_issue(
            R"({"format":"samskab-bundle/1","people":[{"id":"p1","name":"A","suport_need":true}]})"),
        "people[0].suport_need: unknown field (a typo?)");
    EXPECT_EQ(
        one_issue(
            R"({"format":"samskab-bundle/1","people":[{"id":"p1","name":"A","consent":{"pathway":true}}]})"),
        "people[0].consent.pathway: unknown field (a typo?)");
}

TEST(BundleReader, ReportsEveryIssueWithItsPath) {
    const auto issues = issues_of(R"({"format":"samskab-bundle/1",
        "people":[{"id":"p1","name":"A","joined":"2017-02-29"},{"id":"","name":"B"},
                  {"id":"p3","name":"C","entry_channel":"friend"}],
        "occurrences":[{"id":"o1","activity":"a1","start":"2017-02-01 17:00","end":"2017-02-01T19:00:00"}],
        "participations":[{"person":"p1","occurrence":"o1","role":"boss"}, 7]})");
    ASSERT_EQ(issues.size(), 6u) << ::testing::PrintToString(issues);
    EXPECT_EQ(issues[0], "people[0].joined: must be a date as YYYY-MM-DD, not \"2017-02-29\"");
    EXPECT_EQ(issues[1], "people[1].id: must be a non-empty string");
    EXPECT_EQ(issues[2],
              "people[2].entry_channel: unknown value \"friend\"; allowed: companion, host, "
              "coordinator, network, outreach, self");
    EXPECT_EQ(
        issues[3],
        "occurrences[0].start: must be a time as YYYY-MM-DDTHH:MM:SS, not \"2017-02-01 17:00\"");
    EXPECT_EQ(issues[4],
              "participations[0].role: unknown value \"boss\"; allowed: initiator, host, active, "
              "passive, supported");
    EXPECT_EQ(issues[5], "participations[1]: must be an object {…}");
}

TEST(BundleReader, ElementThatIsNotAnObject) {
    EXPECT_EQ(one_issue(R"({"format":"samskab-bundle/1","visits":[7]})"),
              "visits[0]: must be an object {…}");
    EXPECT_EQ(one_issue(R"({"format":"samskab-bundle/1","visits":[["p1"]]})"),
              "visits[0]: must be an object {…}");
}

TEST(BundleReader, CollectionThatIsNotAList) {
    EXPECT_EQ(one_issue(R"({"format":"samskab-bundle/1","people":{"id":"p1"}})"),
              "people: must be a list […]");
    EXPECT_EQ(one_issue(R"({"format":"samskab-bundle/1","people":"p1"})"),
              "people: must be a list […]");
}

TEST(BundleReader, RequiredFieldsAndTypes) {
    EXPECT_EQ(one_issue(R"({"format":"samskab-bundle/1","visits":[{"person":"p1","place":"x"}]})"),
              "visits[0].date: is missing (required)");
    EXPECT_EQ(
        one_issue(
            R"({"format":"samskab-bundle/1","people":[{"id":"p1","name":"A","support_need":"yes"}]})"),
        "people[0].support_need: must be true or false");
    EXPECT_EQ(
        one_issue(
            R"({"format":"samskab-bundle/1","people":[{"id":"p1","name":"A","consent":true}]})"),
        "people[0].consent: must be an object {…}");
    EXPECT_EQ(
        one_issue(
            R"({"format":"samskab-bundle/1","participations":[{"person":1,"occurrence":"o1","role":"host"}]})"),
        "participations[0].person: must be a non-empty string");
    EXPECT_EQ(
        one_issue(
            R"({"format":"samskab-bundle/1","places":[{"id":"x","partnership":"p","name":"X","support_threshold":"0.2"}]})"),
        "places[0].support_threshold: must be a number");
}

TEST(BundleReader, ThresholdMustBeAShare) {
    EXPECT_EQ(
        one_issue(
            R"({"format":"samskab-bundle/1","places":[{"id":"x","partnership":"p","name":"X","support_threshold":20}]})"),
        "places[0].support_threshold: must be a number from 0 to 1");
}

TEST(BundleReader, OrganisationsAreCheckedToo) {
    EXPECT_EQ(
        one_issue(
            R"({"format":"samskab-bundle/1","partnerships":[{"id":"p","name":"P","organisations":[{"id":"o","name":"O","kind":"ngo"}]}]})"),
        "partnerships[0].organisations[0].kind: unknown value \"ngo\"; allowed: civil, "
        "municipality, business, education, other");
}

TEST(BundleReader, InvalidJsonAndNonObjectRoot) {
    const std::string broken = one_issue(R"({"format":"samskab-bundle/1","people":[)");
    EXPECT_EQ(broken.rfind("$: the file is not valid JSON (at byte ", 0), 0u) << broken;
    EXPECT_EQ(one_issue("[1,2]"), "$: must be an object {…}");
    const std::string bad_utf8 =
        one_issue("{\"format\":\"samskab-bundle/1\",\"people\":[{\"id\":\"p\xff\"}]}");
    EXPECT_EQ(bad_utf8.rfind("$: the file is not valid JSON", 0), 0u) << bad_utf8;
}

// Found by fuzzing: a number beyond a double escaped the reader as an exception.
TEST(BundleReader, NumberTooLargeIsAnIssueNotACrash) {
    EXPECT_EQ(
        one_issue(
            R"({"format":"samskab-bundle/1","places":[{"id":"x","partnership":"p","name":"X","support_threshold":1e400}]})"),
        "$: the file has a value that cannot be read: number overflow parsing '1e400'");
}

TEST(BundleReader, MessagesInDanish) {
    EXPECT_EQ(
        one_issue(
            R"({"format":"samskab-bundle/1","visits":[{"person":"p1","place":"x","date":"1. maj"}]})",
            Lang::Da),
        "visits[0].date: skal være en dato som ÅÅÅÅ-MM-DD, ikke \"1. maj\"");
}

}  // namespace
}  // namespace samskab::bundle
