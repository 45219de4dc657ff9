#include "storage/conformance/conformance_fixture.h"

namespace samskab::storage::conformance {
namespace {

using core::ErrorCode;

std::vector<std::string> ids(const std::vector<core::PersonSummary>& people) {
    std::vector<std::string> out;
    for (const auto& p : people) {
        out.push_back(p.id);
    }
    return out;
}

TEST_P(ConformanceTest, ListsAndFindsPlacesWithTheirPartnership) {
    auto places = store().list_places();
    ASSERT_TRUE(places);
    ASSERT_EQ(places->size(), 2u);
    EXPECT_EQ((*places)[0].place.id, "cafe");  // by name: Caféen, Huset
    EXPECT_EQ((*places)[0].partnership_name, "Vimby");
    EXPECT_EQ((*places)[1].place.partnership, "insp");
    EXPECT_DOUBLE_EQ((*places)[1].place.support_threshold, 0.25);
    auto house = store().find_place("house");
    ASSERT_TRUE(house && *house);
    EXPECT_EQ((*house)->place.name, "Huset");
    EXPECT_FALSE(*store().find_place("nowhere"));
}

TEST_P(ConformanceTest, ListsOnlyThePlacesOfAScope) {
    auto place_ids = [](const core::Result<std::vector<core::PlaceView>>& places) {
        std::vector<std::string> out;
        for (const core::PlaceView& view : *places) {
            out.push_back(view.place.id);
        }
        return out;
    };
    using Ids = std::vector<std::string>;
    auto by_place = store().list_places_in({"house"}, {});
    ASSERT_TRUE(by_place) << by_place.error().message;
    EXPECT_EQ(place_ids(by_place), Ids{"house"});
    EXPECT_EQ((*by_place)[0].partnership_name, "INSP!");
    auto by_partnership = store().list_places_in({}, {"vimby"});
    ASSERT_TRUE(by_partnership);
    EXPECT_EQ(place_ids(by_partnership), Ids{"cafe"});
    // Both kinds at once, each place once, in the order of list_places; unknown ids are no
    // error.
    auto both = store().list_places_in({"house", "nowhere"}, {"vimby", "insp", "nobody"});
    ASSERT_TRUE(both);
    EXPECT_EQ(place_ids(both), (Ids{"cafe", "house"}));
    auto none = store().list_places_in({}, {});
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->empty());
}

TEST_P(ConformanceTest, ListsPartnershipsWithOrganisations) {
    auto partnerships = store().list_partnerships();
    ASSERT_TRUE(partnerships);
    ASSERT_EQ(partnerships->size(), 2u);
    EXPECT_EQ((*partnerships)[0].id, "insp");
    EXPECT_TRUE((*partnerships)[0].organisations.empty());
    ASSERT_EQ((*partnerships)[1].organisations.size(), 1u);
    EXPECT_EQ((*partnerships)[1].organisations[0].name, "Vimby Forening");
}

TEST_P(ConformanceTest, CreatesAndUpdatesAPlace) {
    auto id = store().save_place({"", "vimby", "Købmanden", 0.3});
    ASSERT_TRUE(id) << id.error().message;
    EXPECT_TRUE(is_generated_id(*id, "pl")) << *id;
    auto saved = store().find_place(*id);
    ASSERT_TRUE(saved && *saved);
    EXPECT_EQ((*saved)->place.name, "Købmanden");
    EXPECT_EQ((*saved)->partnership_name, "Vimby");

    ASSERT_TRUE(store().save_place({*id, "insp", "Butikken", 0.1}));
    saved = store().find_place(*id);
    EXPECT_EQ((*saved)->place.name, "Butikken");
    EXPECT_EQ((*saved)->place.partnership, "insp");
    EXPECT_DOUBLE_EQ((*saved)->place.support_threshold, 0.1);
}

TEST_P(ConformanceTest, RefusesABadPlaceAndStoresNothing) {
    struct Case {
        core::Place place;
        ErrorCode code;
        const char* field;
    };
    const Case cases[] = {
        {{"", "vimby", " ", 0.2}, ErrorCode::Invalid, "name"},
        {{"", "vimby", "X", 1.5}, ErrorCode::Invalid, "support_threshold"},
        {{"", "vimby", "X", -0.1}, ErrorCode::Invalid, "support_threshold"},
        {{"", "nowhere", "X", 0.2}, ErrorCode::NotFound, "partnership"},
        {{"no-such-place", "vimby", "X", 0.2}, ErrorCode::NotFound, "place"},
    };
    for (const Case& c : cases) {
        auto result = store().save_place(c.place);
        ASSERT_FALSE(result) << c.field;
        EXPECT_EQ(result.error().code, c.code) << c.field;
        EXPECT_EQ(result.error().field, c.field);
        EXPECT_FALSE(result.error().message.empty());
    }
    EXPECT_EQ(sql("SELECT count(*) FROM places"), "2");
}

TEST_P(ConformanceTest, FindsAPersonWithTheFlagOnlyWhenAskedFor) {
    auto plain = store().find_person("p1", false);
    ASSERT_TRUE(plain && *plain);
    EXPECT_EQ((*plain)->name, "Åse");
    EXPECT_FALSE((*plain)->support_need.has_value());
    auto flagged = store().find_person("p1", true);
    ASSERT_TRUE(flagged && *flagged);
    EXPECT_EQ((*flagged)->support_need, std::optional<bool>(true));
    EXPECT_EQ((*store().find_person("p2", true))->support_need, std::optional<bool>(false));
    EXPECT_FALSE(*store().find_person("p9", true));
}

TEST_P(ConformanceTest, PeopleOfAPartnershipComeFromEveryKindOfLink) {
    auto people = store().people_of("vimby", false);
    ASSERT_TRUE(people);
    // p1 (visit, participation), p2 (participation, accompanied), p5 (companion), by name:
    // bytewise, so "Å" sorts after the ASCII letters.
    EXPECT_EQ(ids(*people), (std::vector<std::string>{"p2", "p5", "p1"}));
    for (const auto& p : *people) {
        EXPECT_FALSE(p.support_need.has_value());
    }
    auto flagged = store().people_of("vimby", true);
    ASSERT_TRUE(flagged);
    EXPECT_EQ(flagged->back().support_need, std::optional<bool>(true));
    EXPECT_EQ(ids(*store().people_of("insp", false)), (std::vector<std::string>{"p4"}));

    auto unknown = store().people_of("nowhere", false);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, ErrorCode::NotFound);
    EXPECT_EQ(unknown.error().field, "partnership");
}

TEST_P(ConformanceTest, CreatesAPersonRegisteredInAPartnership) {
    core::NewPerson person{"Ærlige Ærling", "insp", day("2024-03-01"), core::EntryChannel::Host};
    auto id = store().create_person(person);
    ASSERT_TRUE(id) << id.error().message;
    EXPECT_TRUE(is_generated_id(*id, "p")) << *id;
    EXPECT_EQ(ids(*store().people_of("insp", false)), (std::vector<std::string>{"p4", *id}));
    EXPECT_EQ(*store().partnerships_of(*id), (std::vector<std::string>{"insp"}));
    auto data = store().person_data(*id);
    ASSERT_TRUE(data && *data);
    EXPECT_EQ((*data)->person.joined, day("2024-03-01"));
    EXPECT_EQ((*data)->person.entry_channel, core::EntryChannel::Host);
    EXPECT_FALSE((*data)->person.support_need);
    EXPECT_FALSE((*data)->person.consent.support_need);
    EXPECT_NE(*store().create_person(person), *id);
}

TEST_P(ConformanceTest, RefusesABadNewPersonAndStoresNothing) {
    auto blank = store().create_person({"", "vimby", std::nullopt, std::nullopt});
    ASSERT_FALSE(blank);
    EXPECT_EQ(blank.error().code, ErrorCode::Invalid);
    EXPECT_EQ(blank.error().field, "name");
    auto unknown = store().create_person({"Eva", "nowhere", std::nullopt, std::nullopt});
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, ErrorCode::NotFound);
    EXPECT_EQ(unknown.error().field, "partnership");
    EXPECT_EQ(unknown.error().message, "ukendt partnerskab \"nowhere\"");
    EXPECT_EQ(sql("SELECT count(*) FROM people"), "6");
    EXPECT_EQ(sql("SELECT count(*) FROM memberships"), "0");
}

TEST_P(ConformanceTest, SearchIgnoresCaseForDanishLettersToo) {
    auto oejvind = store().create_person({"Øjvind", "vimby", std::nullopt, std::nullopt});
    ASSERT_TRUE(oejvind);
    auto search = [&](const char* query) {
        auto found = store().search_people("vimby", query, 10);
        EXPECT_TRUE(found) << query;
        return found ? ids(*found) : std::vector<std::string>{};
    };
    EXPECT_EQ(search("øj"), (std::vector<std::string>{*oejvind}));
    EXPECT_EQ(search("ØJV"), (std::vector<std::string>{*oejvind}));
    EXPECT_EQ(search("åse"), (std::vector<std::string>{"p1"}));
    EXPECT_EQ(search("ÅSE"), (std::vector<std::string>{"p1"}));
    EXPECT_EQ(search("BO"), (std::vector<std::string>{"p2"}));
    // p3, also named Øjvind, is in no partnership; Zoe is in INSP! only.
    EXPECT_EQ(search("zoe"), (std::vector<std::string>{}));
    EXPECT_EQ(search("%"), (std::vector<std::string>{}));
    EXPECT_EQ(search(""), (std::vector<std::string>{"p2", "p5", "p1", *oejvind}));
    auto limited = store().search_people("vimby", "", 2);
    ASSERT_TRUE(limited);
    EXPECT_EQ(ids(*limited), (std::vector<std::string>{"p2", "p5"}));
    for (const auto& p : *limited) {
        EXPECT_FALSE(p.support_need.has_value());
    }
    EXPECT_TRUE(store().search_people("vimby", "", 0)->empty());
}

TEST_P(ConformanceTest, PartnershipsOfAPerson) {
    EXPECT_EQ(*store().partnerships_of("p1"), (std::vector<std::string>{"vimby"}));
    EXPECT_EQ(*store().partnerships_of("p5"), (std::vector<std::string>{"vimby"}));
    EXPECT_EQ(*store().partnerships_of("p4"), (std::vector<std::string>{"insp"}));
    EXPECT_TRUE(store().partnerships_of("p6")->empty());
    ASSERT_TRUE(store().check_in("p1", "house", day("2024-03-02")));
    EXPECT_EQ(*store().partnerships_of("p1"), (std::vector<std::string>{"insp", "vimby"}));
    auto unknown = store().partnerships_of("p9");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().field, "person");
}

}  // namespace
}  // namespace samskab::storage::conformance
