// Vimby: the activities, who the coordinator puts on which shift, the social events, and the
// relations that grow from them. The people are made in demo_vimby.cc.
#include <algorithm>
#include <array>
#include <string>

#include "demo/demo_vimby.h"

namespace samskab::demo::detail::vimby {

namespace {

using core::Day;
using core::Role;

// Once-a-year events in the common house: the summer party each June, and from 2018 a
// Christmas market.
struct Event {
    std::string_view id;
    std::string_view title;
    Ymd created;
    std::array<Ymd, 3> days;
    int day_count;
};
constexpr std::array<Event, 2> EVENTS = {{
    {"vimby-sommerfest",
     "Sommerfest",
     {2015, 4, 1},
     {{{2016, 6, 18}, {2017, 6, 17}, {2018, 6, 16}}},
     3},
    {"vimby-julemarked", "Julemarked", {2018, 9, 1}, {{{2018, 12, 1}}}, 1},
}};

// Up to `count` distinct people active on `day` who match `support`, assigned to `shift`
// first and then anyone, in a drawn order.
std::vector<std::size_t> draw_crew(Village& v, std::size_t shift, Day day, bool support,
                                   int count) {
    std::vector<std::size_t> assigned;
    std::vector<std::size_t> others;
    for (std::size_t i = 0; i < v.people.size(); ++i) {
        const Member& m = v.people[i];
        if (m.support != support || !m.active_on(day)) {
            continue;
        }
        const bool on_shift = std::find(m.shifts.begin(), m.shifts.end(), shift) != m.shifts.end();
        (on_shift ? assigned : others).push_back(i);
    }
    std::vector<std::size_t> crew;
    for (auto* pool : {&assigned, &others}) {
        while (!pool->empty() && static_cast<int>(crew.size()) < count) {
            const std::size_t k = v.rng.below(pool->size());
            crew.push_back((*pool)[k]);
            (*pool)[k] = pool->back();
            pool->pop_back();
        }
    }
    return crew;
}

// The role of someone who needs support at one occurrence.
Role role_of(Village& v, const Member& m) {
    if (!m.changes_roles) {
        return m.given_role;
    }
    constexpr std::array<Role, 3> ROLES = {Role::Active, Role::Supported, Role::Passive};
    return ROLES[v.rng.below(ROLES.size())];
}

// Fills one occurrence: a crew of volunteers, perhaps a coordinator, and when `with_support`
// one or two who need support. Returns whether anyone needing support could come.
bool staff_occurrence(Village& v, std::size_t shift, std::size_t occurrence, bool with_support) {
    Builder& b = v.builder;
    const Shift& s = SHIFTS[shift];
    const Day day = b.occurrence_day(occurrence);
    for (const std::size_t i :
         draw_crew(v, shift, day, false, v.rng.between(s.crew_min, s.crew_max))) {
        const Member& m = v.people[i];
        Role role = Role::Active;
        if (v.initiators[shift] == i) {
            role = Role::Initiator;
        } else if (m.core_volunteer && v.rng.per_mille(300)) {
            role = Role::Host;
        } else if (s.style == Style::Social && v.rng.per_mille(500)) {
            role = Role::Passive;
        }
        b.take_part(m.person, occurrence, role);
    }
    for (const Member& c : v.coordinators) {
        if (c.active_on(day) && v.rng.per_mille(s.style == Style::Social ? 700 : 250)) {
            b.take_part(c.person, occurrence, Role::Host);
        }
    }
    if (!with_support) {
        return false;
    }
    const auto helpers = draw_crew(v, shift, day, true, v.rng.per_mille(300) ? 2 : 1);
    for (const std::size_t i : helpers) {
        const Member& m = v.people[i];
        b.take_part(m.person, occurrence, role_of(v, m));
        // The group home's staff often come along.
        if (m.companion && v.rng.per_mille(600)) {
            b.visit(*m.companion, s.place, day);
        }
    }
    return !helpers.empty();
}

}  // namespace

void add_activities(Village& v) {
    Builder& b = v.builder;
    for (std::size_t k = 0; k < SHIFTS.size(); ++k) {
        const Shift& s = SHIFTS[k];
        std::optional<std::size_t> initiator;
        if (s.kind == core::ActivityKind::Initiative) {
            const std::size_t i = draw_crew(v, k, date(s.created), false, 1).front();
            v.people[i].shifts.push_back(k);
            v.initiators.push_back(i);
            initiator = v.people[i].person;
        } else {
            v.initiators.emplace_back();
        }
        b.add_activity(std::string(s.id), s.place, std::string(s.title), s.kind, initiator,
                       date(s.created));
        std::vector<std::size_t> occurrences;
        for (int n = 0; n < s.slot_count; ++n) {
            const Slot& slot = s.slots[static_cast<std::size_t>(n)];
            const auto added =
                schedule(b, std::string(s.id), slot.weekday, slot.hour * 60, slot.minutes,
                         s.every_weeks, std::max(first_day(), date(s.created)),
                         s.ends.none() ? last_day() : date(s.ends), s.style != Style::Shop);
            occurrences.insert(occurrences.end(), added.begin(), added.end());
        }
        std::stable_sort(occurrences.begin(), occurrences.end(),
                         [&b](std::size_t x, std::size_t y) {
                             return b.occurrence_day(x) < b.occurrence_day(y);
                         });
        v.occurrences.push_back(std::move(occurrences));
    }
    for (const Event& e : EVENTS) {
        b.add_activity(std::string(e.id), "vimby-faelleshuset", std::string(e.title),
                       core::ActivityKind::Fixed, std::nullopt, date(e.created));
        for (int k = 0; k < e.day_count; ++k) {
            const Day day = date(e.days[static_cast<std::size_t>(k)]);
            const std::size_t occurrence = b.add_occurrence(std::string(e.id), day, 12 * 60, 360);
            // Everyone is invited; the crew are the coordinators and a few volunteers.
            for (const Member& m : v.people) {
                if (m.active_on(day) && v.rng.per_mille(m.support ? 800 : 450)) {
                    const Role guest = v.rng.per_mille(250) ? Role::Active : Role::Passive;
                    b.take_part(m.person, occurrence, m.support ? role_of(v, m) : guest);
                }
            }
            for (const Member& c : v.coordinators) {
                if (c.active_on(day)) {
                    b.take_part(c.person, occurrence, Role::Host);
                }
            }
        }
    }
}

// The coordinator plans each activity so that someone who needs support takes part in its
// `support_rate` per mille of occurrences, spread evenly (error diffusion, not chance).
void add_shifts(Village& v) {
    for (std::size_t k = 0; k < SHIFTS.size(); ++k) {
        int balance = 500;
        for (const std::size_t occurrence : v.occurrences[k]) {
            balance += SHIFTS[k].support_rate;
            const bool planned = balance >= 1000;
            if (staff_occurrence(v, k, occurrence, planned)) {
                balance -= 1000;
            }
        }
    }
}

void add_network(Village& v) {
    Builder& b = v.builder;
    for (const Member& m : v.people) {
        // The coordinator who brought them in.
        if (m.from > first_day()) {
            const bool second = m.from >= v.coordinators[1].from && v.rng.per_mille(500);
            b.relate(m.person, v.coordinators[second ? 1 : 0].person, m.from,
                     core::RelationSource::HostIntroduction);
        }
        if (!m.support) {
            continue;
        }
        // Those who need support get to know volunteers on their shifts.
        const int contacts = v.rng.between(2, 4);
        for (int k = 0; k < contacts && !m.shifts.empty(); ++k) {
            const std::size_t shift = m.shifts[v.rng.below(m.shifts.size())];
            const Day since = m.from + v.rng.between(30, 120);
            if (since > m.to) {
                break;
            }
            const auto crew = draw_crew(v, shift, since, false, 1);
            if (!crew.empty()) {
                b.relate(m.person, v.people[crew.front()].person, since,
                         core::RelationSource::CoParticipation);
            }
        }
    }
    for (int n = 0; n < 120; ++n) {
        const Member& p = v.people[v.rng.below(v.people.size())];
        const Member& q = v.people[v.rng.below(v.people.size())];
        const Day since = std::max(p.from, q.from) + v.rng.between(0, 150);
        if (!p.support && !q.support && since <= std::min(p.to, q.to)) {
            b.relate(p.person, q.person, since, core::RelationSource::SelfReport);
        }
    }
    // Moving on from the village is harder (the booklet), but it happens.
    std::size_t found = 0;
    constexpr std::array<core::PathwayKind, 2> KINDS = {core::PathwayKind::Association,
                                                        core::PathwayKind::Volunteering};
    for (const Member& m : v.people) {
        if (found < KINDS.size() && m.support && !m.companion && m.from + 300 <= m.to) {
            b.add_pathway(m.person, m.from + 300, KINDS[found++]);
        }
    }
}

}  // namespace samskab::demo::detail::vimby
