// INSP!: the activities of the house, who comes when and in which role, the relations that
// grow from it and the paths out of the house. The people are made in demo_insp.cc.
#include <algorithm>
#include <array>
#include <string>

#include "demo/demo_insp.h"

namespace samskab::demo::detail::insp {

namespace {

using core::Day;
using core::Role;

struct Recurring {
    std::string_view id;
    std::string_view title;
    int weekday;
    int start_minute;
    int duration_minutes;
    int every_weeks;
    Ymd created;
    Ymd ends;        // NONE: runs to the end of 2018
    int popularity;  // weight when a participant picks a routine; 0: not picked
};

constexpr std::array<Recurring, 7> FIXED = {{
    {"insp-faellesspisning", "Fællesspisning", 3, 17 * 60 + 30, 120, 1, {2014, 9, 1}, NONE, 30},
    {"insp-musikvaerksted", "Musikværksted", 1, 16 * 60, 180, 1, {2014, 9, 1}, NONE, 14},
    {"insp-kreativt-vaerksted", "Kreativt værksted", 2, 13 * 60, 180, 1, {2015, 1, 15}, NONE, 14},
    {"insp-netvaerk-for-ledige", "Netværk for ledige", 0, 10 * 60, 120, 1, {2015, 3, 1}, NONE, 8},
    {"insp-startup-cafe", "Startup-café", 4, 13 * 60, 120, 1, {2015, 8, 1}, NONE, 10},
    {"insp-braetspilsaften", "Brætspilsaften", 2, 18 * 60, 240, 2, {2015, 2, 1}, NONE, 12},
    // The partnership's new way of introducing newcomers, from autumn 2016.
    {"insp-introrunde", "Introrunde for nye", 1, 11 * 60, 60, 1, {2016, 9, 1}, NONE, 0},
}};
constexpr std::size_t INTRO = 6;

// Activities that participants started: by the `member`-th young person of table group
// `youth_group`, or with youth_group -1 by the `member`-th regular. By young people: one in
// 2016, three in 2017, four in 2018 ("more of them start activities themselves").
struct Initiative {
    Recurring activity;
    int youth_group;
    int member;
};

// clang-format off
constexpr std::array<Initiative, 12> INITIATIVES = {{
    {{"insp-tegneklub", "Tegneklub", 0, 14 * 60, 120, 1, {2016, 10, 3}, {2017, 6, 30}, 0}, 0, 3},
    {{"insp-braetspil-for-begyndere", "Brætspil for begyndere", 4, 16 * 60, 120, 1, {2017, 3, 6},
      NONE, 0}, 0, 4},
    {{"insp-fotowalk", "Fotowalk i Roskilde", 5, 11 * 60, 120, 2, {2017, 6, 1}, {2017, 9, 15}, 0},
     1, 0},
    {{"insp-gamingaften", "Gamingaften", 0, 18 * 60, 180, 1, {2017, 10, 2}, NONE, 0}, 2, 0},
    {{"insp-skrivegruppe", "Skrivegruppe", 2, 16 * 60, 90, 1, {2018, 2, 5}, NONE, 0}, 0, 5},
    {{"insp-strikkecafe", "Strikkecafé", 3, 14 * 60, 120, 1, {2018, 4, 9}, NONE, 0}, 7, 0},
    {{"insp-plantebytte", "Plantebytte", 5, 12 * 60, 180, 4, {2018, 5, 5}, {2018, 10, 31}, 0},
     2, 1},
    {{"insp-rollespil", "Rollespil", 6, 13 * 60, 240, 1, {2018, 8, 5}, NONE, 0}, 4, 0},
    {{"insp-podcastvaerksted", "Podcastværksted", 0, 16 * 60, 120, 2, {2016, 4, 4},
      {2017, 6, 30}, 0}, -1, 0},
    {{"insp-loebeklub", "Løbeklub", 6, 10 * 60, 60, 1, {2016, 9, 4}, NONE, 0}, -1, 1},
    {{"insp-loppemarked", "Loppemarked", 5, 10 * 60, 300, 4, {2017, 5, 6}, NONE, 0}, -1, 2},
    {{"insp-sprogcafe", "Sprogcafé", 3, 15 * 60, 120, 1, {2018, 2, 8}, NONE, 0}, -1, 3},
}};
// clang-format on

Day ends_of(const Recurring& r) {
    return r.ends.none() ? last_day() : date(r.ends);
}

Participant& initiator_of(House& h, const Initiative& initiative) {
    return initiative.youth_group >= 0 ? h.youth(initiative.youth_group, initiative.member)
                                       : h.regular(initiative.member);
}

// Over their time in the house young people move from being supported towards active and
// host roles, and go back to needing support now and then: the flexibility the booklet
// describes.
Role youth_role(Rng& rng, const Participant& p, Day day) {
    const int r = rng.between(0, 99);
    const Day since = day - p.from;
    if (since < 56) {
        return r < 55 ? Role::Supported : Role::Passive;
    }
    if (since < 240) {
        return r < 20 ? Role::Supported : r < 50 ? Role::Passive : Role::Active;
    }
    return r < 15 ? Role::Supported : r < 30 ? Role::Passive : r < 85 ? Role::Active : Role::Host;
}

Role regular_role(Rng& rng, const Participant& p) {
    const int r = rng.between(0, 99);
    if (p.host) {
        return r < 35 ? Role::Host : r < 85 ? Role::Active : Role::Passive;
    }
    return r < 70 ? Role::Active : Role::Passive;
}

// A routine for one of the fixed activities (by popularity), or a drop-in on a weekday.
Routine draw_routine(House& h, const Participant& p, int per_mille) {
    std::vector<int> weights;
    for (const Recurring& f : FIXED) {
        weights.push_back(f.popularity);
    }
    weights.push_back(25);  // drop in
    const std::size_t choice = h.rng.pick(weights);
    Routine routine;
    routine.per_mille = per_mille;
    routine.from = p.from;
    routine.to = p.to;
    if (choice < FIXED.size()) {
        const Recurring& f = FIXED[choice];
        routine.activity = std::string(f.id);
        routine.weekday = f.weekday;
        routine.from = std::max(p.from, date(f.created));
        routine.to = std::min(p.to, ends_of(f));
    } else {
        static const std::vector<int> WEEKDAYS = {16, 16, 16, 16, 14, 10, 8};
        routine.weekday = static_cast<int>(h.rng.pick(WEEKDAYS));
    }
    return routine;
}

void live(House& h, Participant& p, const Routine& routine, bool initiator) {
    follow(h.builder, h.rng, p.person, routine, HOUSE, p.break_from, p.break_to, [&](Day day) {
        if (initiator) {
            return Role::Initiator;
        }
        return p.youth ? youth_role(h.rng, p, day) : regular_role(h.rng, p);
    });
}

}  // namespace

void add_activities(House& h) {
    Builder& b = h.builder;
    for (const Recurring& f : FIXED) {
        b.add_activity(std::string(f.id), HOUSE, std::string(f.title), core::ActivityKind::Fixed,
                       std::nullopt, date(f.created));
        schedule(b, std::string(f.id), f.weekday, f.start_minute, f.duration_minutes, f.every_weeks,
                 std::max(first_day(), date(f.created)), ends_of(f), true);
    }
    for (const Initiative& i : INITIATIVES) {
        const Recurring& a = i.activity;
        b.add_activity(std::string(a.id), HOUSE, std::string(a.title),
                       core::ActivityKind::Initiative, initiator_of(h, i).person, date(a.created));
        schedule(b, std::string(a.id), a.weekday, a.start_minute, a.duration_minutes, a.every_weeks,
                 date(a.created), ends_of(a), true);
    }
}

void add_attendance(House& h) {
    Builder& b = h.builder;
    // A young person's first day is with the guide; the routines follow.
    for (Participant& p : h.participants) {
        if (p.youth && p.comes()) {
            b.visit(p.person, HOUSE, p.from);
        }
    }
    std::vector<std::pair<std::size_t, Routine>> drop_ins;
    for (std::size_t i = 0; i < h.participants.size(); ++i) {
        Participant& p = h.participants[i];
        if (!p.comes()) {
            continue;
        }
        const bool anchor = !p.youth && i - h.first_regular < ANCHORS;
        std::vector<Routine> routines;
        if (p.youth) {
            if (p.from >= date(FIXED[INTRO].created)) {
                routines.push_back(
                    {std::string(FIXED[INTRO].id), FIXED[INTRO].weekday, 800, p.from, p.from + 42});
            }
            const int count = h.rng.between(1, 2);
            for (int k = 0; k < count; ++k) {
                routines.push_back(draw_routine(h, p, h.rng.between(450, 700)));
            }
        } else {
            const int count = anchor ? h.rng.between(2, 3) : h.rng.between(1, 2);
            for (int k = 0; k < count; ++k) {
                routines.push_back(
                    draw_routine(h, p, anchor ? h.rng.between(600, 850) : h.rng.between(300, 650)));
            }
            // Many regulars have keys and use the music rooms and workshops at weekends.
            if (h.rng.per_mille(350)) {
                routines.push_back(
                    {"", h.rng.between(5, 6), h.rng.between(250, 500), p.from, p.to});
            }
        }
        for (Routine& routine : routines) {
            if (routine.activity.empty()) {
                drop_ins.emplace_back(i, std::move(routine));
            } else {
                live(h, p, routine, false);
            }
        }
    }
    // Initiatives: the initiator nearly always, and a few who joined when it started.
    for (const Initiative& i : INITIATIVES) {
        const Recurring& a = i.activity;
        const Day created = date(a.created);
        Participant& initiator = initiator_of(h, i);
        live(h, initiator, {std::string(a.id), a.weekday, 900, created, ends_of(a)}, true);
        const int members = h.rng.between(4, 9);
        for (int m = 0; m < members; ++m) {
            Participant& p = h.participants[h.rng.below(h.participants.size())];
            if (&p == &initiator || p.from > created || p.to < created) {
                continue;
            }
            live(h, p,
                 {std::string(a.id), a.weekday, h.rng.between(400, 700), created,
                  std::min(ends_of(a), p.to)},
                 false);
        }
    }
    for (const auto& [i, routine] : drop_ins) {
        live(h, h.participants[i], routine, false);
    }

    // Staff host the fixed activities and are in the house on most weekdays.
    for (std::size_t f = 0; f < FIXED.size(); ++f) {
        const Day from = std::max(first_day(), date(FIXED[f].created));
        for (Day day = first_on_weekday(from, FIXED[f].weekday); day <= ends_of(FIXED[f]);
             day += 7) {
            if (auto occurrence = b.occurrence_on(std::string(FIXED[f].id), day)) {
                const bool usual = h.rng.per_mille(900);
                b.take_part(h.staff[(f + (usual ? 0 : 5)) % h.staff.size()], *occurrence,
                            Role::Host);
            }
        }
    }
    for (std::size_t s = 0; s < h.staff.size(); ++s) {
        for (Day day = first_day(); day <= last_day(); ++day) {
            if (weekday_of(day) < 5 && h.rng.per_mille(is_holiday(day) ? 400 : 700)) {
                b.visit(h.staff[s], HOUSE, day);
            }
        }
    }
    // Følgeskab: the guide comes along in the first six weeks, and now and then after that.
    for (const Participant& p : h.participants) {
        if (!p.youth || !p.comes()) {
            continue;
        }
        for (Day day = p.from; day <= p.to; ++day) {
            if (b.present(p.person, HOUSE, day) && (day < p.from + 42 || h.rng.per_mille(100))) {
                b.visit(p.guide, HOUSE, day);
            }
        }
    }
}

void add_relations(House& h) {
    Builder& b = h.builder;
    auto anchor = [&h]() -> Participant& {
        return h.regular(static_cast<int>(h.rng.below(ANCHORS)));
    };
    // Three young people who keep to one another (a close network) until 2018, when hosts
    // introduce each of them to two of the regulars.
    for (int x = 0; x < 3; ++x) {
        for (int y = x + 1; y < 3; ++y) {
            const Participant& p = h.youth(0, x);
            const Participant& q = h.youth(0, y);
            b.relate(p.person, q.person, std::max(p.from, q.from) + 30,
                     core::RelationSource::SelfReport);
        }
        for (int k = 0; k < 2;) {
            k += b.relate(h.youth(0, x).person, anchor().person, date(2018, 3, 1) + 20 * (x + k),
                          core::RelationSource::HostIntroduction);
        }
    }
    // Everyone else who comes is introduced by a host within weeks and gets to know more
    // regulars over the following months.
    for (std::size_t i = 0; i < h.first_regular; ++i) {
        const Participant& p = h.participants[i];
        if (!p.comes() || (p.group == 0 && p.member < 3)) {
            continue;
        }
        for (bool introduced = false; !introduced;) {
            const Day since = p.from + h.rng.between(14, 40);
            introduced =
                b.relate(p.person, anchor().person, since, core::RelationSource::HostIntroduction);
        }
        const int more = h.rng.between(1, 3);
        for (int k = 0; k < more; ++k) {
            const Day since = p.from + h.rng.between(60, 200);
            if (since <= p.to) {
                b.relate(p.person, anchor().person, since, core::RelationSource::CoParticipation);
            }
        }
    }
    // A few friendships between young people who also know regulars.
    constexpr std::array<std::array<int, 4>, 4> PAIRS = {
        {{7, 0, 1, 0}, {7, 1, 2, 0}, {4, 0, 4, 1}, {10, 0, 7, 2}}};
    for (const auto& pair : PAIRS) {
        const Participant& p = h.youth(pair[0], pair[1]);
        const Participant& q = h.youth(pair[2], pair[3]);
        b.relate(p.person, q.person, std::max(p.from, q.from) + 30,
                 core::RelationSource::SelfReport);
    }
    // Regulars among themselves.
    for (int n = 0; n < 300; ++n) {
        const Participant& p =
            h.participants[h.first_regular + h.rng.below(h.participants.size() - h.first_regular)];
        const Participant& q =
            h.participants[h.first_regular + h.rng.below(h.participants.size() - h.first_regular)];
        const Day since = std::max(p.from, q.from) + h.rng.between(0, 200);
        if (since <= std::min(p.to, q.to)) {
            b.relate(p.person, q.person, since,
                     h.rng.per_mille(600) ? core::RelationSource::CoParticipation
                                          : core::RelationSource::SelfReport);
        }
    }
}

void add_pathways(House& h) {
    Builder& b = h.builder;
    using core::PathwayKind;
    // When a youth guide's link ends, it is because the young person moves on.
    const std::array<PathwayKind, 3> ENDING_2016 = {PathwayKind::Education, PathwayKind::Job,
                                                    PathwayKind::Internship};
    for (int k = 0; k < 3; ++k) {
        b.add_pathway(h.youth(1, k).person, *h.youth(1, k).link_to + 3, ENDING_2016[k]);
    }
    b.add_pathway(h.youth(3, 0).person, *h.youth(3, 0).link_to + 3, PathwayKind::Education);
    b.add_pathway(h.youth(3, 1).person, *h.youth(3, 1).link_to + 3, PathwayKind::Association);
    b.add_pathway(h.youth(0, 3).person, date(2018, 5, 1), PathwayKind::Volunteering);
    b.add_pathway(h.youth(0, 4).person, date(2018, 9, 1), PathwayKind::Association);
    b.add_pathway(h.youth(7, 0).person, date(2018, 8, 15), PathwayKind::Education);
    // Regulars from the network for the unemployed who found work.
    for (int k = 0; k < 6; ++k) {
        const Participant& p = h.regular(ANCHORS + 10 * k);
        const Day day = p.from + 150 + 170 * k;
        if (day <= p.to) {
            b.add_pathway(p.person, day, PathwayKind::Job);
        }
    }
}

}  // namespace samskab::demo::detail::insp
