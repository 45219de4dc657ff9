#include "demo/demo_logbooks.h"

#include <set>

#include <gtest/gtest.h>

#include "demo/demo.h"

namespace samskab::demo {
namespace {

TEST(DemoLogbooks, OneValidLogbookPerPartnershipWithValidEntries) {
    const core::Bundle bundle = demo_bundle();
    const std::vector<DemoLogbook> logbooks = demo_logbooks(bundle);
    ASSERT_EQ(logbooks.size(), 3U);
    std::set<std::string> places, people;
    for (const core::Place& place : bundle.places) {
        places.insert(place.id);
    }
    for (const core::Person& person : bundle.people) {
        people.insert(person.id);
    }
    int with_people = 0;
    for (const DemoLogbook& sample : logbooks) {
        EXPECT_TRUE(places.count(sample.logbook.place)) << sample.logbook.place;
        EXPECT_TRUE(core::validate_fields(sample.logbook.fields, core::Lang::Da).empty());
        const core::TemplateVersion version{1, sample.logbook.fields, 0};
        EXPECT_GT(sample.entries.size(), 70U);
        for (const core::LogbookEntry& entry : sample.entries) {
            const auto errors = core::validate_entry_values(version, entry.values, core::Lang::Da);
            EXPECT_TRUE(errors.empty()) << sample.logbook.id << ": " << errors.front().message;
            if (const core::EntryValue* present = entry.value("til_stede")) {
                ++with_people;
                for (const core::PersonSummary& person : present->people) {
                    EXPECT_TRUE(people.count(person.id)) << person.id;
                }
            }
        }
    }
    EXPECT_GT(with_people, 20);
    // The same on every call.
    const auto again = demo_logbooks(bundle);
    ASSERT_EQ(again[1].entries[5].values.size(), logbooks[1].entries[5].values.size());
    EXPECT_EQ(again[1].entries[5].values[0].number, logbooks[1].entries[5].values[0].number);
    EXPECT_EQ(again[1].entries[5].values[2].choices, logbooks[1].entries[5].values[2].choices);
}

}  // namespace
}  // namespace samskab::demo
