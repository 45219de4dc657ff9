#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "demo/demo_builder.h"

// The Vimby model shared by demo_vimby.cc (people) and demo_vimby_life.cc (what they do).
namespace samskab::demo::detail::vimby {

struct Slot {
    int weekday;
    int hour;
    int minutes;
};

// How an activity runs: a shop is open all year with a crew; a club pauses in July and at
// Christmas; a social activity pauses too, and has guests (passive) besides its crew.
enum class Style { Shop, Club, Social };

struct Shift {
    std::string_view id;
    std::string_view place;
    std::string_view title;
    core::ActivityKind kind;
    Ymd created;
    Ymd ends;  // NONE: still going at the end of 2018
    std::array<Slot, 3> slots;
    int slot_count;
    int every_weeks;
    Style style;
    int crew_min;
    int crew_max;
    // Per mille of the occurrences at which someone who needs support takes part: the
    // coordinator plans it so, and the booklet counts two of three registered activities.
    int support_rate;
};

inline constexpr core::ActivityKind FIXED = core::ActivityKind::Fixed;
inline constexpr core::ActivityKind INITIATIVE = core::ActivityKind::Initiative;

// The shifts and regular activities; the ones created in 2017 and 2018 make the number of
// activities grow.
// clang-format off
inline constexpr std::array<Shift, 12> SHIFTS = {{
    {"vimby-butik-formiddag", "vimby-butikken", "Vagt i genbrugsbutikken, formiddag", FIXED,
     {2015, 5, 1}, NONE, {{{1, 10, 180}, {3, 10, 180}, {5, 10, 180}}}, 3, 1,
     Style::Shop, 2, 3, 800},
    {"vimby-butik-eftermiddag", "vimby-butikken", "Vagt i genbrugsbutikken, eftermiddag", FIXED,
     {2015, 5, 1}, NONE, {{{0, 14, 180}, {2, 14, 180}, {4, 14, 180}}}, 3, 1,
     Style::Shop, 1, 2, 570},
    {"vimby-hoekeren", "vimby-butikken", "Vagt hos høkeren", FIXED,
     {2015, 3, 1}, NONE, {{{2, 16, 120}, {5, 9, 180}}}, 2, 1, Style::Shop, 1, 2, 650},
    {"vimby-bagevagt", "vimby-bageriet", "Bagevagt", FIXED,
     {2015, 9, 1}, NONE, {{{4, 6, 240}, {5, 6, 240}}}, 2, 1, Style::Shop, 2, 3, 700},
    {"vimby-onsdagscafe", "vimby-faelleshuset", "Onsdagscafé", FIXED,
     {2015, 2, 1}, NONE, {{{2, 14, 120}}}, 1, 1, Style::Social, 3, 8, 750},
    {"vimby-faellesspisning", "vimby-faelleshuset", "Fællesspisning", FIXED,
     {2015, 2, 1}, NONE, {{{3, 18, 120}}}, 1, 2, Style::Social, 10, 24, 900},
    {"vimby-cafevagt", "vimby-cafeen", "Cafévagt", FIXED,
     {2017, 3, 4}, NONE, {{{5, 10, 240}, {6, 10, 240}}}, 2, 1, Style::Shop, 2, 3, 500},
    {"vimby-rundvisning", "vimby-faelleshuset", "Rundvisning i landsbyen", FIXED,
     {2017, 5, 1}, NONE, {{{6, 13, 90}}}, 1, 4, Style::Club, 1, 2, 300},
    {"vimby-tirsdagsbagning", "vimby-bageriet", "Tirsdagsbagning", FIXED,
     {2017, 9, 1}, NONE, {{{1, 13, 120}}}, 1, 1, Style::Club, 1, 2, 900},
    {"vimby-havehold", "vimby-faelleshuset", "Havehold", FIXED,
     {2018, 3, 15}, {2018, 10, 31}, {{{0, 10, 120}}}, 1, 1, Style::Shop, 2, 5, 600},
    {"vimby-genbrugsvaerksted", "vimby-butikken", "Genbrugsværksted", FIXED,
     {2018, 2, 1}, NONE, {{{3, 16, 120}}}, 1, 2, Style::Club, 2, 4, 500},
    {"vimby-strikkeklub", "vimby-cafeen", "Strikkeklub", INITIATIVE,
     {2018, 3, 1}, NONE, {{{1, 19, 120}}}, 1, 1, Style::Social, 3, 7, 300},
}};
// clang-format on

// A participant of Vimby while being drawn.
struct Member {
    std::size_t person = 0;
    core::Day from = 0;
    core::Day to = 0;
    bool support = false;
    std::optional<std::size_t> companion;  // Bogruppe 6 staff member
    std::vector<std::size_t> shifts;       // indices into SHIFTS the person is assigned to
    bool core_volunteer = false;           // leads a shift now and then
    // Vimby hands out concrete roles (the booklet: the least room to change roles of the three):
    // those who need support mostly keep the one they were given; a few move between roles.
    core::Role given_role = core::Role::Active;
    bool changes_roles = false;
    bool active_on(core::Day day) const { return from <= day && day <= to; }
};

struct Village {
    explicit Village(core::Bundle& bundle) : builder(bundle, "vimby") {}

    Builder builder;
    Rng rng{0x71bb2016};
    std::vector<Member> coordinators;
    std::vector<std::size_t> group_home_staff;
    std::vector<Member> people;                          // participants, by id
    std::vector<std::vector<std::size_t>> occurrences;   // per shift
    std::vector<std::optional<std::size_t>> initiators;  // per shift: index into people
};

// demo_vimby.cc
void add_people(Village& village);

// demo_vimby_life.cc, in this order.
void add_activities(Village& village);
void add_shifts(Village& village);
void add_network(Village& village);

}  // namespace samskab::demo::detail::vimby
