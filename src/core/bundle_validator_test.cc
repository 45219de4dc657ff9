#include "core/bundle_validator.h"

#include <gtest/gtest.h>

namespace samskab::core {
namespace {

Day d(const char* text) {
    return *parse_date(text);
}

// A small valid bundle that each test breaks in one way.
Bundle valid() {
    Bundle b;
    b.partnerships.push_back({"insp", "INSP!", {{"insp-org", "INSP!", OrganisationKind::Civil}}});
    b.places.push_back({"house", "insp", "Huset", 0.2});
    b.people.push_back(
        {"p1", "Alex", true, d("2016-03-01"), EntryChannel::Companion, {true, true}});
    b.people.push_back({"p2", "Bo", false, std::nullopt, std::nullopt, {}});
    b.people.push_back({"s1", "Guide", false, std::nullopt, std::nullopt, {}});
    b.companions.push_back({"p1", "s1", "insp", d("2016-01-01"), std::nullopt});
    b.activities.push_back(
        {"a1", "house", "Spisning", ActivityKind::Fixed, std::nullopt, d("2016-01-10")});
    b.occurrences.push_back({"o1", "a1", *parse_local_time("2017-02-01T17:00:00"),
                             *parse_local_time("2017-02-01T19:00:00")});
    b.participations.push_back({"p1", "o1", Role::Active});
    b.visits.push_back({"p1", "house", d("2017-02-01")});
    b.relations.push_back({"p1", "p2", d("2017-03-01"), std::nullopt, RelationSource::SelfReport});
    b.pathways.push_back({"p1", d("2018-01-15"), PathwayKind::Job});
    return b;
}

const IdLookup NOTHING_STORED = [](Collection, std::string_view) { return false; };

std::vector<std::string> check(const Bundle& b, Lang lang = Lang::En,
                               const IdLookup& stored = NOTHING_STORED) {
    std::vector<std::string> out;
    for (const auto& issue : validate_bundle(b, lang, stored)) {
        out.push_back(to_string(issue));
    }
    return out;
}

using Issues = std::vector<std::string>;

TEST(BundleValidator, ValidBundleHasNoIssues) {
    EXPECT_EQ(check(valid()), Issues{});
}

TEST(BundleValidator, DuplicateIds) {
    Bundle b = valid();
    b.people.push_back({"p2", "Bo igen", false, std::nullopt, std::nullopt, {}});
    EXPECT_EQ(check(b), Issues{"people[3].id: id \"p2\" is used before (at people[1])"});
}

TEST(BundleValidator, OrganisationIdsAreUniqueAcrossPartnerships) {
    Bundle b = valid();
    b.partnerships.push_back({"vimby", "Vimby", {{"insp-org", "X", OrganisationKind::Other}}});
    EXPECT_EQ(check(b), Issues{"partnerships[1].organisations[0].id: id \"insp-org\" is used "
                               "before (at partnerships[0].organisations[0])"});
}

TEST(BundleValidator, UnknownReferencesInEveryCollection) {
    Bundle b = valid();
    b.places[0].partnership = "nope";
    b.companions[0].companion = "s9";
    b.activities[0].initiated_by = "p9";
    b.occurrences[0].activity = "a9";
    b.participations[0].person = "p99";
    b.visits[0].place = "hut";
    b.relations[0].b = "p8";
    b.pathways[0].person = "p7";
    EXPECT_EQ(check(b), (Issues{
                            "places[0].partnership: unknown partnership \"nope\"",
                            "companions[0].companion: unknown person \"s9\"",
                            "activities[0].initiated_by: unknown person \"p9\"",
                            "occurrences[0].activity: unknown activity \"a9\"",
                            "participations[0].person: unknown person \"p99\"",
                            "visits[0].place: unknown place \"hut\"",
                            "relations[0].b: unknown person \"p8\"",
                            "pathways[0].person: unknown person \"p7\"",
                        }));
    EXPECT_EQ(check(b, Lang::Da).at(4), "participations[0].person: ukendt person \"p99\"");
}

TEST(BundleValidator, ReferencesMayPointToStoredRecords) {
    Bundle b;
    b.participations.push_back({"p1", "o1", Role::Passive});
    const IdLookup stored = [](Collection c, std::string_view id) {
        return (c == Collection::People && id == "p1") ||
               (c == Collection::Occurrences && id == "o1");
    };
    EXPECT_EQ(check(b, Lang::En, stored), Issues{});
    EXPECT_EQ(check(b), (Issues{"participations[0].person: unknown person \"p1\"",
                                "participations[0].occurrence: unknown occurrence \"o1\""}));
}

TEST(BundleValidator, SupportNeedNeedsConsent) {
    Bundle b = valid();
    b.people[0].consent.support_need = false;
    EXPECT_EQ(check(b), Issues{"people[0].support_need: a support need may only be recorded with "
                               "consent (consent.support_need: true)"});
    EXPECT_EQ(check(b, Lang::Da),
              Issues{"people[0].support_need: støttebehov må kun registreres med samtykke "
                     "(consent.support_need: true)"});
}

TEST(BundleValidator, EndsNotBeforeStarts) {
    Bundle b = valid();
    b.companions[0].to = d("2015-12-31");
    b.occurrences[0].end = *parse_local_time("2017-02-01T16:59:59");
    b.relations[0].until = d("2017-02-28");
    EXPECT_EQ(check(b),
              (Issues{"companions[0].to: must not be before from (2016-01-01)",
                      "occurrences[0].end: must not be before start (2017-02-01T17:00:00)",
                      "relations[0].until: must not be before since (2017-03-01)"}));
}

TEST(BundleValidator, NobodyIsTheirOwnCompanionOrContact) {
    Bundle b = valid();
    b.companions[0].companion = "p1";
    b.relations[0].b = "p1";
    EXPECT_EQ(check(b),
              (Issues{"companions[0].companion: a person cannot be their own companion",
                      "relations[0].b: a relation must be between two different people"}));
}

TEST(BundleValidator, OverlappingPeriodsOfOnePairInEitherOrder) {
    Bundle b = valid();
    b.relations[0].until = d("2017-12-31");
    // Same pair written the other way round, starting on the last day of the first period.
    b.relations.push_back(
        {"p2", "p1", d("2017-12-31"), d("2018-06-30"), RelationSource::SelfReport});
    // A later, separate period of the same pair is fine.
    b.relations.push_back({"p1", "p2", d("2019-01-01"), std::nullopt, RelationSource::SelfReport});
    EXPECT_EQ(check(b), Issues{"relations[1]: the relation between \"p1\" and \"p2\" overlaps "
                               "another period of the same pair (at relations[0])"});
}

TEST(BundleValidator, RecordsWithoutIdAreNotGivenTwice) {
    Bundle b = valid();
    b.participations.push_back({"p1", "o1", Role::Host});
    b.visits.push_back(b.visits[0]);
    b.pathways.push_back(b.pathways[0]);
    b.companions.push_back(b.companions[0]);
    EXPECT_EQ(check(b), (Issues{"companions[1]: is already there (at companions[0])",
                                "participations[1]: is already there (at participations[0])",
                                "visits[1]: is already there (at visits[0])",
                                "pathways[1]: is already there (at pathways[0])"}));
}

TEST(BundleValidator, EmptyReferencesAreLeftToTheReader) {
    Bundle b = valid();
    b.participations[0].person.clear();
    EXPECT_EQ(check(b), Issues{});
}

}  // namespace
}  // namespace samskab::core
