// Vimby and Aarhus Kommune: the village community of Hjortshøj, whose bakery, shop (grocer and
// second-hand), café and common house are run by volunteers. Residents of the municipal group
// home Bogruppe 6 (people with intellectual disabilities), accompanied by its staff, and other
// citizens who need support to volunteer take part in the shifts and social events. The paid
// volunteer coordinators plan the activities, assign the shifts and invite people in; the
// number of volunteers and of activities grows over the project.
#include <algorithm>
#include <array>
#include <string>

#include "demo/demo_builder.h"
#include "demo/demo_vimby.h"

namespace samskab::demo::detail {

namespace vimby {

namespace {

using core::Day;
using core::EntryChannel;
using core::Role;

// What a participant is, before ids are handed out in order of joining.
struct Draft {
    Day joined = 0;
    Day leaves = 0;
    bool support = false;
    bool resident = false;
    EntryChannel channel = EntryChannel::Coordinator;
};

std::vector<Draft> draft_people(Rng& rng) {
    std::vector<Draft> drafts;
    // Bogruppe 6: two residents were in before the project, the others came one by one.
    constexpr std::array<Ymd, 10> RESIDENTS = {{{2015, 5, 4},
                                                {2015, 10, 5},
                                                {2016, 2, 1},
                                                {2016, 4, 4},
                                                {2016, 6, 6},
                                                {2016, 9, 5},
                                                {2017, 3, 6},
                                                {2017, 9, 4},
                                                {2018, 2, 5},
                                                {2018, 6, 4}}};
    for (std::size_t i = 0; i < RESIDENTS.size(); ++i) {
        drafts.push_back({date(RESIDENTS[i]), last_day(), true, true});
    }
    for (int i = 0; i < 12; ++i) {
        const Day joined = date(2016, 3, 1) + rng.between(0, 920);
        const Day leaves = rng.per_mille(300) ? joined + rng.between(120, 500) : last_day();
        drafts.push_back({joined, std::min(leaves, last_day()), true, false});
    }
    for (int i = 0; i < 80; ++i) {
        const bool before = i < 25;
        const Day joined =
            before ? date(2012, 1, 1) + rng.between(0, 1450) : first_day() + rng.between(0, 1000);
        const Day from = std::max(joined, first_day());
        const Day leaves = rng.per_mille(100) ? from + rng.between(200, 700) : last_day();
        drafts.push_back({joined, std::min(leaves, last_day()), false, false});
    }
    std::stable_sort(drafts.begin(), drafts.end(),
                     [](const Draft& a, const Draft& b) { return a.joined < b.joined; });
    // Most come in through the volunteer coordinator (the booklet): the residents of the group
    // home nearly all, others who need support mostly, villagers often.
    ChannelRotation residents({EntryChannel::Coordinator, EntryChannel::Coordinator,
                               EntryChannel::Coordinator, EntryChannel::Companion});
    ChannelRotation support({EntryChannel::Coordinator, EntryChannel::Coordinator,
                             EntryChannel::Network, EntryChannel::Coordinator,
                             EntryChannel::Outreach, EntryChannel::Host});
    ChannelRotation villagers(
        {EntryChannel::Coordinator, EntryChannel::Network, EntryChannel::Coordinator,
         EntryChannel::Self, EntryChannel::Coordinator, EntryChannel::Network, EntryChannel::Host,
         EntryChannel::Coordinator, EntryChannel::Self, EntryChannel::Network});
    for (Draft& d : drafts) {
        d.channel = d.resident ? residents.next() : d.support ? support.next() : villagers.next();
    }
    return drafts;
}

bool exists_on(const Shift& s, Day day) {
    return date(s.created) <= day && (s.ends.none() || day <= date(s.ends));
}

// Assigns a newcomer to one or two of the shifts that exist when they start.
void assign_shifts(Rng& rng, Member& m) {
    const int count = m.support ? rng.between(1, 3) : rng.between(1, 2);
    for (int k = 0; k < count; ++k) {
        std::vector<int> weights;
        for (const Shift& s : SHIFTS) {
            weights.push_back(exists_on(s, std::max(m.from, first_day())) ? 10 : 0);
        }
        const std::size_t shift = rng.pick(weights);
        if (std::find(m.shifts.begin(), m.shifts.end(), shift) == m.shifts.end()) {
            m.shifts.push_back(shift);
        }
    }
}

}  // namespace

void add_people(Village& v) {
    Builder& b = v.builder;
    // The two part-time coordinators; the second started in autumn 2016.
    for (const Day joined : {date(2015, 8, 1), date(2016, 9, 1)}) {
        Member c;
        c.person = b.add_person("vimby-k0" + std::to_string(v.coordinators.size() + 1), false,
                                joined, std::nullopt);
        c.from = std::max(joined, first_day());
        c.to = last_day();
        v.coordinators.push_back(std::move(c));
    }
    for (int i = 1; i <= 5; ++i) {
        v.group_home_staff.push_back(
            b.add_person("vimby-b0" + std::to_string(i), false, std::nullopt, std::nullopt));
    }
    const std::vector<Draft> drafts = draft_people(v.rng);
    std::size_t residents = 0;
    for (std::size_t i = 0; i < drafts.size(); ++i) {
        const Draft& d = drafts[i];
        std::string n = std::to_string(i + 1);
        n.insert(0, 3 - n.size(), '0');
        Member m;
        m.person = b.add_person("vimby-p" + n, d.support, d.joined, d.channel);
        m.from = std::max(d.joined, first_day());
        m.to = d.leaves;
        m.support = d.support;
        m.core_volunteer = !d.support && v.rng.per_mille(150);
        if (d.support) {
            m.given_role = v.rng.per_mille(300) ? Role::Supported : Role::Active;
            m.changes_roles = v.rng.per_mille(200);
        }
        if (d.resident) {
            m.companion = v.group_home_staff[residents % v.group_home_staff.size()];
            b.add_companion(m.person, *m.companion, date(2014, 1, 1) + 60 * residents,
                            std::nullopt);
            ++residents;
        }
        assign_shifts(v.rng, m);
        v.people.push_back(std::move(m));
    }
    // A new activity starts with a few volunteers who sign up for it.
    for (std::size_t s = 0; s < SHIFTS.size(); ++s) {
        const Day created = date(SHIFTS[s].created);
        if (created < first_day()) {
            continue;
        }
        const int signups = v.rng.between(3, 8);
        for (int k = 0; k < signups; ++k) {
            Member& m = v.people[v.rng.below(v.people.size())];
            if (m.active_on(created) &&
                std::find(m.shifts.begin(), m.shifts.end(), s) == m.shifts.end()) {
                m.shifts.push_back(s);
            }
        }
    }
}

}  // namespace vimby

void add_vimby(core::Bundle& bundle) {
    bundle.partnerships.push_back(
        {"vimby",
         "Vimby og Aarhus Kommune",
         {{"vimby-fonden", "Fonden Vimby", core::OrganisationKind::Civil},
          {"landsbyliv-hjortshoej", "Landsbyliv i Hjortshøj", core::OrganisationKind::Civil},
          {"aarhus-kommune-bogruppe-6", "Aarhus Kommune, Bogruppe 6",
           core::OrganisationKind::Municipality}}});
    vimby::Village village(bundle);
    // The booklet's general advice: a mix with more resourceful than vulnerable participants.
    village.builder.add_place("vimby-bageriet", "Bageriet i Hjortshøj", 0.50);
    village.builder.add_place("vimby-butikken", "Høkeren og genbrugsbutikken", 0.50);
    village.builder.add_place("vimby-cafeen", "Caféen", 0.50);
    village.builder.add_place("vimby-faelleshuset", "Fælleshuset", 0.50);
    vimby::add_people(village);
    vimby::add_activities(village);
    vimby::add_shifts(village);
    vimby::add_network(village);
}

}  // namespace samskab::demo::detail
