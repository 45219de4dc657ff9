// INSP! and Roskilde Kommune: a citizen-run culture house in Roskilde. Psychiatrically
// vulnerable young people who have a municipal youth guide (ungevejleder) come in accompanied
// by their guide, among a few hundred regular users, volunteers and eleven staff.
//
// The young people are described by a table of groups rather than drawn at random, because
// the booklet's reach figures (30 % of them used the house in 2016, 66 % in 2018) are counts
// of who was linked and who came in each year; everything else is drawn.
#include <algorithm>
#include <array>
#include <string>

#include "demo/demo_builder.h"
#include "demo/demo_insp.h"

namespace samskab::demo::detail {

namespace insp {

namespace {

using core::Day;

constexpr int STAFF = 11;
constexpr int GUIDES = 6;
constexpr int REGULARS = 240;

// One line per group of young people who share a story. Their companion links start evenly
// spread over [link_first, link_last] and end likewise over [end_first, end_last] (NONE: still
// open at the end of 2018); they first come to the house over [use_first, use_last] (NONE: not
// yet) and keep coming while the link lasts.
struct YouthGroup {
    int count;
    Ymd link_first, link_last;
    Ymd end_first, end_last;
    Ymd use_first, use_last;
};

// Linked in 2016: 30, of whom 9 came that year. 2017: 40 linked, 20 came. 2018: 50, 33.
constexpr std::array<YouthGroup, 12> YOUTH = {{
    // 0: in the house from 2016; the first three keep to one another until 2018.
    {6, {2015, 3, 1}, {2015, 11, 15}, NONE, NONE, {2016, 2, 1}, {2016, 10, 15}},
    // 1: in the house from 2016; move on to education or work when the link ends in 2017.
    {3, {2015, 4, 1}, {2015, 10, 1}, {2017, 9, 30}, {2017, 12, 15}, {2016, 3, 1}, {2016, 9, 15}},
    // 2, 3: linked earlier, come in 2017 after the new introduction round.
    {3, {2015, 6, 1}, {2016, 5, 1}, NONE, NONE, {2017, 2, 1}, {2017, 6, 1}},
    {2, {2015, 10, 1}, {2016, 3, 1}, {2017, 10, 31}, {2017, 12, 15}, {2017, 3, 1}, {2017, 5, 1}},
    // 4, 5: linked in 2016, come in 2018 or not yet.
    {8, {2016, 1, 15}, {2016, 9, 15}, NONE, NONE, {2018, 2, 1}, {2018, 9, 15}},
    {2, {2016, 2, 1}, {2016, 8, 1}, NONE, NONE, NONE, NONE},
    // 6: links that end in 2016 before the young person came.
    {6, {2015, 9, 1}, {2016, 2, 1}, {2016, 4, 30}, {2016, 11, 30}, NONE, NONE},
    // 7-9: linked in 2017.
    {6, {2017, 1, 10}, {2017, 9, 1}, NONE, NONE, {2017, 2, 1}, {2017, 10, 1}},
    {4, {2017, 2, 1}, {2017, 11, 1}, NONE, NONE, {2018, 2, 1}, {2018, 8, 1}},
    {6, {2017, 3, 1}, {2017, 12, 1}, NONE, NONE, NONE, NONE},
    // 10, 11: linked in 2018.
    {6, {2018, 1, 10}, {2018, 9, 1}, NONE, NONE, {2018, 2, 1}, {2018, 9, 20}},
    {9, {2018, 1, 20}, {2018, 11, 1}, NONE, NONE, NONE, NONE},
}};

void draw_youth(House& h) {
    for (std::size_t g = 0; g < YOUTH.size(); ++g) {
        const YouthGroup& group = YOUTH[g];
        for (int k = 0; k < group.count; ++k) {
            Participant p;
            p.youth = true;
            p.group = static_cast<int>(g);
            p.member = k;
            p.link_from = spread(date(group.link_first), date(group.link_last), k, group.count);
            if (!group.end_first.none()) {
                p.link_to = spread(date(group.end_first), date(group.end_last), k, group.count);
            }
            p.registered = p.link_from;
            if (!group.use_first.none()) {
                // The first visit is on a weekday, together with the guide.
                const Day use = spread(date(group.use_first), date(group.use_last), k, group.count);
                p.from = std::max(use, p.link_from + 14);
                while (weekday_of(p.from) > 4) {
                    ++p.from;
                }
                p.to = std::min(p.link_to.value_or(last_day()), last_day());
                // Half of them take a break of three to eight weeks and come back: normal here.
                if (h.rng.per_mille(500) && p.to - p.from > 200) {
                    p.break_from = p.from + h.rng.between(60, p.to - p.from - 80);
                    p.break_to = p.break_from + 7 * h.rng.between(3, 8);
                }
            }
            h.participants.push_back(std::move(p));
        }
    }
}

void draw_regulars(House& h) {
    h.first_regular = h.participants.size();
    // In EntryChannel order: companion, host, coordinator, network, outreach, self.
    const std::vector<int> channel_weights = {0, 20, 0, 35, 10, 35};
    for (int i = 0; i < REGULARS; ++i) {
        Participant p;
        const bool anchor = i < ANCHORS;
        const bool before = anchor || h.rng.per_mille(600);
        const Day joined = before ? date(2012, 1, 1) + h.rng.between(0, 1460)
                                  : first_day() + h.rng.between(0, 1030);
        p.joined = joined;
        p.registered = joined;
        p.channel = static_cast<core::EntryChannel>(h.rng.pick(channel_weights));
        p.host = anchor ? h.rng.per_mille(400) : h.rng.per_mille(60);
        p.from = std::max(joined, first_day());
        p.to = last_day();
        if (!anchor && h.rng.per_mille(250)) {
            p.to = std::min(last_day(), p.from + h.rng.between(90, 700));
        }
        h.participants.push_back(std::move(p));
    }
}

std::string padded(std::size_t number, std::size_t width) {
    std::string text = std::to_string(number);
    return std::string(width > text.size() ? width - text.size() : 0, '0') + text;
}

// Ids in order of registration, as a live system would have handed them out: young people
// and regulars mixed, so that an id says nothing about anyone's support need.
void add_people(House& h) {
    for (int i = 1; i <= STAFF; ++i) {
        h.staff.push_back(h.builder.add_person("insp-m" + padded(i, 2), false,
                                               date(2013, 8, 1) + 40 * i, std::nullopt));
    }
    for (int i = 1; i <= GUIDES; ++i) {
        h.guides.push_back(
            h.builder.add_person("insp-v" + padded(i, 2), false, std::nullopt, std::nullopt));
    }
    std::vector<std::size_t> order(h.participants.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return h.participants[a].registered < h.participants[b].registered;
    });
    for (std::size_t rank = 0; rank < order.size(); ++rank) {
        Participant& p = h.participants[order[rank]];
        const std::string id = "insp-p" + padded(rank + 1, 3);
        if (p.youth) {
            const auto joined = p.comes() ? std::optional<Day>(p.from) : std::nullopt;
            p.person = h.builder.add_person(id, true, joined, core::EntryChannel::Companion);
        } else {
            p.person = h.builder.add_person(id, false, p.joined, p.channel);
        }
    }
    std::size_t y = 0;
    for (Participant& p : h.participants) {
        if (p.youth) {
            p.guide = h.guides[y++ % h.guides.size()];
            h.builder.add_companion(p.person, p.guide, p.link_from, p.link_to);
        }
    }
}

}  // namespace

Participant& House::youth(int group, int member) {
    int index = 0;
    for (int g = 0; g < group; ++g) {
        index += YOUTH[static_cast<std::size_t>(g)].count;
    }
    return participants[static_cast<std::size_t>(index + member)];
}

}  // namespace insp

void add_insp(core::Bundle& bundle) {
    bundle.partnerships.push_back({"insp",
                                   "INSP! og Roskilde Kommune",
                                   {{"insp-org", "INSP!", core::OrganisationKind::Civil},
                                    {"roskilde-kommune", "Roskilde Kommune, Socialpsykiatrien",
                                     core::OrganisationKind::Municipality}}});
    insp::House house(bundle);
    house.builder.add_place(std::string(insp::HOUSE), "INSP!, Roskilde", 0.20);
    insp::draw_youth(house);
    insp::draw_regulars(house);
    insp::add_people(house);
    insp::add_activities(house);
    insp::add_attendance(house);
    insp::add_relations(house);
    insp::add_pathways(house);
}

}  // namespace samskab::demo::detail
