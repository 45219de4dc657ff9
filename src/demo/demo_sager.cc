// Sager der Samler and Aarhus Kommune: a "modern citizenship house" in central Aarhus where
// people start causes (sager) and become everyday activists. Most come because someone in
// their network invited them; people out of work or with a weak network are about a quarter of
// the participants. Everyone welcomes newcomers; the Monday meeting picks the week's practical
// host; causes meet to make action plans and now and then hold open meetings for new people.
#include <algorithm>
#include <array>
#include <string>

#include "demo/demo_builder.h"

namespace samskab::demo::detail {

namespace {

using core::Day;
using core::Role;

constexpr std::string_view HOUSE = "sager-borgerhuset";
constexpr int STAFF = 4;
// Everyone takes part at least once, so the support share over 2016-2018 is exactly
// SUPPORT / (STAFF + PARTICIPANTS): the booklet's "about 25 %".
constexpr int PARTICIPANTS = 196;
constexpr int SUPPORT = 50;
constexpr int EARLY = 21;  // joined before 2016
// Meetings of a cause have 2 to 30 participants (the booklet); an open meeting fills up to this.
constexpr int MEETING_MAX = 30;
// A cause's working group stays small; the crowd comes to the open meetings.
constexpr std::size_t CORE_MAX = 12;

const std::string MONDAY = "sager-mandagsmoede";
const std::string LUNCH = "sager-frokost";
const std::string WORKSHOP = "sager-workshop";

// Who starts a cause: a participant who needs support, one who does not, or one of the first.
enum class Starter { Support, Other, Early };

struct Cause {
    std::string_view id;
    std::string_view title;
    Ymd created;
    Ymd ends;  // NONE: still going at the end of 2018
    int weekday;
    int start_minute;
    int every_weeks;
    Starter starter;
};

// clang-format off
constexpr std::array<Cause, 13> CAUSES = {{
    {"sager-skraldecafe", "Skraldecafé mod madspild", {2015, 10, 5}, NONE,
     1, 17 * 60, 2, Starter::Early},
    {"sager-laegen-for-hjemloese", "Følgeskab til lægen for hjemløse", {2016, 2, 15}, {2018, 6, 30},
     3, 14 * 60, 2, Starter::Support},
    {"sager-byhave", "Byhave på p-pladsen", {2016, 4, 4}, {2017, 10, 31},
     5, 10 * 60, 2, Starter::Other},
    {"sager-reparationscafe", "Reparationscafé", {2016, 9, 5}, NONE,
     0, 17 * 60, 2, Starter::Other},
    {"sager-cykler-til-nye", "Cykler til nye borgere", {2017, 1, 9}, {2018, 3, 31},
     2, 17 * 60, 2, Starter::Support},
    {"sager-ensomme-aeldre", "Fællesskab for ensomme ældre", {2017, 3, 6}, NONE,
     3, 10 * 60, 2, Starter::Other},
    {"sager-lys-paa-stien", "Lys på stien", {2017, 5, 1}, {2017, 12, 15},
     1, 19 * 60, 3, Starter::Other},
    {"sager-toejbytte", "Tøjbytte for alle", {2017, 8, 7}, NONE,
     5, 12 * 60, 4, Starter::Support},
    {"sager-madklub", "Madklub for nye i byen", {2017, 10, 2}, NONE,
     4, 17 * 60, 2, Starter::Other},
    {"sager-jobnetvaerk", "Jobnetværk uden ansøgninger", {2018, 1, 8}, NONE,
     0, 13 * 60, 2, Starter::Support},
    {"sager-lektiecafe", "Lektiecafé i opgangen", {2018, 3, 5}, NONE,
     2, 15 * 60, 1, Starter::Other},
    {"sager-baenke-i-parken", "Flere bænke i parken", {2018, 5, 7}, {2018, 10, 31},
     1, 16 * 60, 3, Starter::Other},
    {"sager-musik-paa-vaerestedet", "Musik på værestedet", {2018, 8, 6}, NONE,
     4, 13 * 60, 2, Starter::Support},
}};
// clang-format on

struct Member {
    std::size_t person = 0;
    Day from = 0;
    Day to = 0;
    bool support = false;
    bool early = false;
    bool active_on(Day day) const { return from <= day && day <= to; }
};

struct House {
    explicit House(core::Bundle& bundle) : builder(bundle, "sager") {}

    Builder builder;
    Rng rng{0x5a6e2016};
    std::vector<Member> staff;
    std::vector<Member> people;  // participants, by id

    // A participant active on `day` (and, when `support` is given, matching it) who has been
    // around for at least `settled` days; nullopt when a bounded search finds none.
    std::optional<std::size_t> draw(Day day, std::optional<bool> support, Day settled = 0) {
        for (int attempt = 0; attempt < 400; ++attempt) {
            const std::size_t i = rng.below(people.size());
            const Member& m = people[i];
            if (m.active_on(day) && m.from + settled <= day &&
                (!support || m.support == *support)) {
                return i;
            }
        }
        return std::nullopt;
    }
};

void add_people(House& h) {
    for (int i = 1; i <= STAFF; ++i) {
        const Day joined = date(2014, 3, 1) + 30 * i;
        h.staff.push_back(
            {h.builder.add_person("sager-m0" + std::to_string(i), false, joined, std::nullopt),
             first_day(), last_day(), false, true});
    }
    // Exactly SUPPORT of the participants need support, in an order drawn once.
    std::vector<bool> support(PARTICIPANTS, false);
    std::fill(support.begin(), support.begin() + SUPPORT, true);
    for (std::size_t i = support.size() - 1; i > 0; --i) {
        const std::size_t j = h.rng.below(i + 1);
        const bool t = support[i];
        support[i] = support[j];
        support[j] = t;
    }
    std::vector<Day> joined(PARTICIPANTS);
    for (int i = 0; i < PARTICIPANTS; ++i) {
        joined[i] = i < EARLY ? date(2014, 6, 1) + h.rng.between(0, 570)
                              : first_day() + h.rng.between(0, 1049);
    }
    std::sort(joined.begin(), joined.end());
    // Most are invited through a network (the booklet); those who need support are also found
    // by outreach, where they are.
    using core::EntryChannel;
    ChannelRotation support_channels({EntryChannel::Network, EntryChannel::Outreach,
                                      EntryChannel::Network, EntryChannel::Host,
                                      EntryChannel::Outreach, EntryChannel::Network,
                                      EntryChannel::Companion, EntryChannel::Self});
    ChannelRotation other_channels(
        {EntryChannel::Network, EntryChannel::Self, EntryChannel::Network,
         EntryChannel::Coordinator, EntryChannel::Network, EntryChannel::Host,
         EntryChannel::Network, EntryChannel::Self, EntryChannel::Network, EntryChannel::Outreach});
    for (int i = 0; i < PARTICIPANTS; ++i) {
        const bool s = support[i];
        const EntryChannel channel = s ? support_channels.next() : other_channels.next();
        std::string n = std::to_string(i + 1);
        n.insert(0, 3 - n.size(), '0');
        Member m;
        m.person = h.builder.add_person("sager-p" + n, s, joined[i], channel);
        m.support = s;
        m.early = i < EARLY;
        m.from = std::max(joined[i], first_day());
        m.to = last_day();
        // Taking part means contributing; many drift away after a cause or two.
        if (!m.early && h.rng.per_mille(350)) {
            m.to = std::min(last_day(), m.from + h.rng.between(60, 500));
        }
        h.people.push_back(m);
    }
}

void add_fixed(House& h) {
    Builder& b = h.builder;
    b.add_activity(MONDAY, HOUSE, "Mandagsmøde", core::ActivityKind::Fixed, std::nullopt,
                   date(2014, 9, 1));
    schedule(b, MONDAY, 0, 10 * 60, 60, 1, first_day(), last_day(), true);
    b.add_activity(LUNCH, HOUSE, "Fælles frokost", core::ActivityKind::Fixed, std::nullopt,
                   date(2014, 9, 1));
    for (int weekday = 1; weekday <= 3; ++weekday) {
        schedule(b, LUNCH, weekday, 12 * 60, 60, 1, first_day(), last_day(), true);
    }
    b.add_activity(WORKSHOP, HOUSE, "Workshop: fra idé til sag", core::ActivityKind::Fixed,
                   std::nullopt, date(2015, 1, 12));
    schedule(b, WORKSHOP, 2, 16 * 60, 120, 4, first_day(), last_day(), true);

    // The week's practical host, chosen at the Monday meeting: a staff member or anyone who
    // has been around for a couple of months, support need or not.
    for (Day monday = first_on_weekday(first_day(), 0); monday <= last_day(); monday += 7) {
        const auto meeting = b.occurrence_on(MONDAY, monday);
        if (!meeting) {
            continue;
        }
        std::size_t host = h.staff[h.rng.below(h.staff.size())].person;
        if (!h.rng.per_mille(300)) {
            if (auto i = h.draw(monday, std::nullopt, 60)) {
                host = h.people[*i].person;
            }
        }
        b.take_part(host, *meeting, Role::Host);
        for (int d = 1; d <= 3; ++d) {
            if (auto lunch = b.occurrence_on(LUNCH, monday + d)) {
                b.take_part(host, *lunch, Role::Host);
            }
        }
    }
    for (Day day = first_day(); day <= last_day(); ++day) {
        if (auto workshop = b.occurrence_on(WORKSHOP, day)) {
            b.take_part(h.staff[h.rng.below(h.staff.size())].person, *workshop, Role::Host);
        }
    }

    for (const Member& m : h.people) {
        // Newcomers are welcomed at the first Monday meeting after they join.
        for (Day day = first_on_weekday(m.from, 0); day <= last_day(); day += 7) {
            if (auto meeting = b.occurrence_on(MONDAY, day)) {
                b.take_part(m.person, *meeting, Role::Passive);
                break;
            }
        }
        auto role = [&h](Day) { return h.rng.per_mille(600) ? Role::Active : Role::Passive; };
        if (h.rng.per_mille(600)) {
            follow(b, h.rng, m.person, {MONDAY, 0, h.rng.between(300, 700), m.from, m.to}, HOUSE, 1,
                   0, role);
        }
        if (h.rng.per_mille(700)) {
            follow(b, h.rng, m.person,
                   {LUNCH, h.rng.between(1, 3), h.rng.between(300, 700), m.from, m.to}, HOUSE, 1, 0,
                   role);
        }
        if (h.rng.per_mille(300)) {
            follow(b, h.rng, m.person, {WORKSHOP, 2, 500, m.from, m.to}, HOUSE, 1, 0,
                   [](Day) { return Role::Active; });
        }
        if (h.rng.per_mille(300)) {
            follow(b, h.rng, m.person, {"", h.rng.between(0, 4), 200, m.from, m.to}, HOUSE, 1, 0,
                   role);
        }
    }
    for (const Member& s : h.staff) {
        for (Day day = first_day(); day <= last_day(); ++day) {
            if (weekday_of(day) < 5 && h.rng.per_mille(600)) {
                b.visit(s.person, HOUSE, day);
            }
        }
    }
}

std::size_t pick_starter(House& h, Starter starter, Day created) {
    if (starter == Starter::Early) {
        return static_cast<std::size_t>(h.rng.below(EARLY));
    }
    // Someone who has been around for a while starts a cause.
    return h.draw(created, starter == Starter::Support, 30).value_or(0);
}

void add_causes(House& h) {
    Builder& b = h.builder;
    for (const Cause& c : CAUSES) {
        const Day created = date(c.created);
        const Day ends = c.ends.none() ? last_day() : date(c.ends);
        const std::size_t starter = pick_starter(h, c.starter, std::max(created, first_day()));
        const std::string id(c.id);
        b.add_activity(id, HOUSE, std::string(c.title), core::ActivityKind::Cause,
                       h.people[starter].person, created);
        const auto meetings = schedule(b, id, c.weekday, c.start_minute, 120, c.every_weeks,
                                       std::max(created, first_day()), ends, true);
        std::vector<std::size_t> members;
        const int core_size = h.rng.between(2, 7);
        for (int k = 0; k < core_size; ++k) {
            if (auto i = h.draw(std::max(created, first_day()), std::nullopt)) {
                members.push_back(*i);
            }
        }
        for (std::size_t n = 0; n < meetings.size(); ++n) {
            const std::size_t meeting = meetings[n];
            const Day day = b.occurrence_day(meeting);
            int size = 0;
            if (h.people[starter].active_on(day) && h.rng.per_mille(950)) {
                size += b.take_part(h.people[starter].person, meeting, Role::Initiator);
            }
            for (const std::size_t i : members) {
                if (h.people[i].active_on(day) && h.rng.per_mille(700)) {
                    size += b.take_part(h.people[i].person, meeting,
                                        h.rng.per_mille(700) ? Role::Active : Role::Passive);
                }
            }
            if (h.rng.per_mille(200)) {
                size +=
                    b.take_part(h.staff[h.rng.below(h.staff.size())].person, meeting, Role::Host);
            }
            // Every sixth meeting is open to potential participants; some of them stay.
            if (n % 6 == 5) {
                const int guests = std::min(h.rng.between(8, 22), MEETING_MAX - size);
                for (int g = 0; g < guests; ++g) {
                    if (auto i = h.draw(day, std::nullopt)) {
                        size += b.take_part(h.people[*i].person, meeting, Role::Passive);
                        if (members.size() < CORE_MAX && h.rng.per_mille(150)) {
                            members.push_back(*i);
                        }
                    }
                }
            }
            // A meeting is at least two people: a staff member joins one who came alone.
            while (size < 2) {
                size +=
                    b.take_part(h.staff[h.rng.below(h.staff.size())].person, meeting, Role::Host);
            }
        }
        // People who work on a cause together get to know one another.
        for (std::size_t x = 0; x < members.size(); ++x) {
            for (std::size_t y = x + 1; y < members.size(); ++y) {
                const Member& p = h.people[members[x]];
                const Member& q = h.people[members[y]];
                const Day since = std::max({p.from, q.from, created}) + h.rng.between(14, 90);
                if (since <= std::min(p.to, q.to) && h.rng.per_mille(500)) {
                    b.relate(p.person, q.person, since, core::RelationSource::CoParticipation);
                }
            }
        }
    }
}

void add_network(House& h) {
    Builder& b = h.builder;
    // Most came because someone they knew invited them: that acquaintance is a relation from
    // the day they joined.
    for (std::size_t i = EARLY; i < h.people.size(); ++i) {
        const Member& m = h.people[i];
        if (auto inviter = h.draw(m.from, std::nullopt, 30)) {
            b.relate(m.person, h.people[*inviter].person, m.from, core::RelationSource::SelfReport);
        }
    }
    // Causes led some on to work, education and new associations.
    constexpr std::array<core::PathwayKind, 8> KINDS = {
        core::PathwayKind::Job,        core::PathwayKind::Education,
        core::PathwayKind::Internship, core::PathwayKind::Association,
        core::PathwayKind::Job,        core::PathwayKind::Volunteering,
        core::PathwayKind::Education,  core::PathwayKind::Job};
    std::size_t found = 0;
    for (std::size_t i = 0; i < h.people.size() && found < KINDS.size(); i += 7) {
        const Member& m = h.people[i];
        const Day day = m.from + 200;
        if (m.support && day <= m.to) {
            b.add_pathway(m.person, day, KINDS[found++]);
        }
    }
}

}  // namespace

void add_sager(core::Bundle& bundle) {
    bundle.partnerships.push_back(
        {"sager",
         "Sager der Samler og Aarhus Kommune",
         {{"sager-org", "Sager der Samler", core::OrganisationKind::Civil},
          {"aarhus-kommune-mso", "Aarhus Kommune, Sociale Forhold og Beskæftigelse",
           core::OrganisationKind::Municipality}}});
    House house(bundle);
    // The booklet's general advice: a mix with more resourceful than vulnerable participants.
    house.builder.add_place(std::string(HOUSE), "Sager der Samler, Aarhus midtby", 0.50);
    add_people(house);
    add_fixed(house);
    add_causes(house);
    add_network(house);
}

}  // namespace samskab::demo::detail
