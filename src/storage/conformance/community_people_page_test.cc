#include "storage/conformance/conformance_fixture.h"

namespace samskab::storage::conformance {
namespace {

std::vector<std::string> ids(const std::vector<core::PersonSummary>& people) {
    std::vector<std::string> out;
    for (const core::PersonSummary& person : people) {
        out.push_back(person.id);
    }
    return out;
}

// A page of people_of is that stretch of people_of, with the length of the whole list.
TEST_P(ConformanceTest, PagesThroughThePeopleOfAPartnership) {
    auto all = store().people_of("vimby", true);
    ASSERT_TRUE(all) << all.error().message;
    ASSERT_GE(all->size(), 3u);
    for (std::size_t offset = 0; offset <= all->size(); ++offset) {
        SCOPED_TRACE(offset);
        auto page = store().people_page("vimby", true, offset, 2);
        ASSERT_TRUE(page) << page.error().message;
        EXPECT_EQ(page->total, all->size());
        const std::size_t end = std::min(all->size(), offset + 2);
        std::vector<core::PersonSummary> expected(all->begin() + static_cast<long>(offset),
                                                  all->begin() + static_cast<long>(end));
        EXPECT_EQ(ids(page->people), ids(expected));
        for (std::size_t i = 0; i < page->people.size(); ++i) {
            EXPECT_EQ(page->people[i].support_need, expected[i].support_need);
        }
    }
    auto without_flag = store().people_page("vimby", false, 0, 10);
    ASSERT_TRUE(without_flag);
    for (const core::PersonSummary& person : without_flag->people) {
        EXPECT_FALSE(person.support_need.has_value()) << person.id;
    }
    auto nothing = store().people_page("vimby", false, 0, 0);
    ASSERT_TRUE(nothing);
    EXPECT_TRUE(nothing->people.empty());
    EXPECT_EQ(nothing->total, all->size());
    auto unknown = store().people_page("nobody", false, 0, 10);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(unknown.error().field, "partnership");
}

}  // namespace
}  // namespace samskab::storage::conformance
