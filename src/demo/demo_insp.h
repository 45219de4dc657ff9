#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "demo/demo_builder.h"

// The INSP! model shared by demo_insp.cc (people) and demo_insp_life.cc (what they do).
namespace samskab::demo::detail::insp {

inline constexpr std::string_view HOUSE = "insp-huset";
// The first regulars are the house's backbone: there all three years, often, and the people
// hosts introduce newcomers to.
inline constexpr int ANCHORS = 40;

// A participant while being drawn: a young person with a youth guide, or a regular user.
struct Participant {
    std::size_t person = 0;
    bool youth = false;
    core::Day registered = 0;  // orders the ids, as a live system hands them out
    core::Day from = 0;        // comes to the house from this day (from > to: never)
    core::Day to = -1;
    core::Day break_from = 1;
    core::Day break_to = 0;
    // Young people only: their line in the table of groups, link and guide.
    int group = -1;
    int member = 0;
    core::Day link_from = 0;
    std::optional<core::Day> link_to;
    std::size_t guide = 0;
    // Regulars only.
    std::optional<core::Day> joined;
    core::EntryChannel channel = core::EntryChannel::Self;
    bool host = false;

    bool comes() const { return from <= to; }
};

struct House {
    explicit House(core::Bundle& bundle) : builder(bundle, "insp") {}

    // The `member`-th young person of group `group` of the table in demo_insp.cc.
    Participant& youth(int group, int member);
    Participant& regular(int member) {
        return participants[first_regular + static_cast<std::size_t>(member)];
    }

    Builder builder;
    Rng rng{0x1a5b2016};
    std::vector<std::size_t> staff;
    std::vector<std::size_t> guides;
    std::vector<Participant> participants;  // young people first, then regulars
    std::size_t first_regular = 0;
};

// demo_insp_life.cc, in this order.
void add_activities(House& house);
void add_attendance(House& house);
void add_relations(House& house);
void add_pathways(House& house);

}  // namespace samskab::demo::detail::insp
