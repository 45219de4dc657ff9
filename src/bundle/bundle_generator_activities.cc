#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "bundle/bundle_generator_model.h"

namespace samskab::bundle::generator {

namespace {

using core::ActivityKind;
using core::Day;
using core::Role;

constexpr std::array<std::array<std::string_view, 12>, 3> FIXED_TITLES = {{
    {"Fællesspisning", "Brætspilsaften", "Musikværksted", "Kor", "Billedkunst", "Filmklub",
     "Cafévagt", "Lydstudiet", "Fredagsbar", "Yoga", "Skrivegruppe", "Onsdagscafé"},
    {"Mandagsmøde", "Fælles frokost", "Workshop: fra idé til sag", "Skraldecafé", "Cykelværksted",
     "Lektiecafé", "Strikkeklub", "Fællesspisning", "Havedag", "Syværksted", "Netværkscafé",
     "Madlavning"},
    {"Morgenbrød i bageriet", "Vagt i genbrugsbutikken", "Vagt hos købmanden", "Cafévagt",
     "Fællesspisning", "Havedag", "Gåtur", "Banko", "Kortklub", "Sangaften", "Pedelholdet",
     "Bagning"},
}};

constexpr std::array<std::string_view, 16> INITIATIVE_TITLES = {
    "Fotowalk",        "Podcast",     "Byttemarked", "Rollespil",        "Sommerfest",
    "Kagekonkurrence", "Quizaften",   "Løbeklub",    "Graffitiværksted", "Brætspilsturnering",
    "Plantebytte",     "Gamingaften", "Loppemarked", "Dansehold",        "Fiskeklub",
    "Sprogcafé",
};

constexpr std::array<std::string_view, 16> CAUSE_TITLES = {
    "Flere bænke i parken",
    "Bedre busforbindelse",
    "Skraldecafé mod madspild",
    "Følgeskab til lægen for hjemløse",
    "Grønne gårde",
    "Legeplads i kvarteret",
    "Gratis internet på biblioteket",
    "Ren strand",
    "Trafiksikker skolevej",
    "Fællesvaskeri",
    "Byhave på p-pladsen",
    "Reparationscafé",
    "Lys på stien",
    "Fællesskab for ensomme ældre",
    "Cykler til nye borgere",
    "Åbent hus i beboerhuset",
};

struct Schedule {
    int weekday = 0;  // 0 = Monday
    int start_minute = 17 * 60;
    int duration_minutes = 120;
    int step_days = 7;
};

int weekday_of(Day day) {
    return static_cast<int>(((day % 7) + 7 + 3) % 7);
}

Day first_on_weekday(Day from, int weekday) {
    return from + (weekday - weekday_of(from) + 7) % 7;
}

// Fixed activities pause in July and over Christmas, as clubs and houses do.
bool is_holiday(Day day) {
    const core::Civil civil = core::civil_from_days(day);
    return civil.month == 7 || (civil.month == 12 && civil.day >= 22) ||
           (civil.month == 1 && civil.day == 1);
}

Schedule draw_schedule(Rng& rng, bool evening) {
    static constexpr std::array<int, 7> WEEKDAY_WEIGHTS = {16, 16, 16, 16, 14, 10, 8};
    static constexpr std::array<int, 5> DURATIONS = {60, 90, 120, 150, 180};
    static constexpr std::array<int, 5> DURATION_WEIGHTS = {20, 25, 30, 10, 15};
    Schedule schedule;
    schedule.weekday = static_cast<int>(rng.pick(WEEKDAY_WEIGHTS));
    const int hour = evening ? rng.between(16, 19) : rng.between(9, 19);
    schedule.start_minute = hour * 60 + (rng.chance(0.3) ? 30 : 0);
    schedule.duration_minutes = DURATIONS[rng.pick(DURATION_WEIGHTS)];
    return schedule;
}

std::uint32_t add_activity(World& world, std::uint32_t place, ActivityKind kind, Day created,
                           std::string title, std::int32_t initiator) {
    const auto index = static_cast<std::uint32_t>(world.activities.size());
    core::Activity activity;
    activity.id = "a" + std::to_string(index + 1);
    activity.place = world.bundle.places[place].id;
    activity.title = std::move(title);
    activity.kind = kind;
    activity.created = created;
    if (initiator >= 0) {
        activity.initiated_by = world.bundle.people[static_cast<std::size_t>(initiator)].id;
    }
    world.bundle.activities.push_back(std::move(activity));
    ActivityModel model;
    model.place = place;
    model.kind = kind;
    model.initiator = initiator;
    model.first_occurrence = static_cast<std::uint32_t>(world.occurrences.size());
    world.activities.push_back(model);
    world.members.emplace_back();
    return index;
}

void add_occurrence(World& world, std::uint32_t activity, Day day, const Schedule& schedule) {
    const core::LocalTime start =
        static_cast<core::LocalTime>(day) * 86400 + schedule.start_minute * 60;
    world.occurrences.push_back(
        {activity, start, start + static_cast<core::LocalTime>(schedule.duration_minutes) * 60});
    ++world.activities[activity].occurrence_count;
}

// The role a person takes on `day`. Over the period the support-needing move from being
// supported towards active and host roles: the change of roles is the outcome that matters.
Role draw_role(World& world, const PersonModel& person, Day day) {
    std::array<int, 5> weights{};  // Role order: initiator, host, active, passive, supported
    if (person.support) {
        const int t = world.progress(day);
        weights = {0, 2 + t / 12, 20 + t / 5, 28, 50 - t * 3 / 10};
    } else if (person.host_trait) {
        weights = {0, 35, 45, 19, 1};
    } else {
        weights = {0, 3, 60, 36, 1};
    }
    return static_cast<Role>(world.rng.pick(weights));
}

// A regular of an activity and the chance that they come to any one occurrence.
struct Member {
    std::uint32_t person;
    std::int64_t attendance_per_million;
};

// Participations in the occurrences of `activity` on days [from, to]: each member who is active
// that day (not before joining, not on a break) comes with their own probability.
void attend(World& world, std::uint32_t activity, const std::vector<Member>& members, Day from,
            Day to) {
    const ActivityModel& model = world.activities[activity];
    const auto begin = world.occurrences.begin() + model.first_occurrence;
    const auto end = begin + model.occurrence_count;
    auto it = std::partition_point(begin, end, [&](const OccurrenceModel& occurrence) {
        return core::day_of(occurrence.start) < from;
    });
    for (; it != end && core::day_of(it->start) <= to; ++it) {
        const Day day = core::day_of(it->start);
        const auto occurrence = static_cast<std::uint32_t>(it - world.occurrences.begin());
        for (const Member& member : members) {
            const PersonModel& person = world.people[member.person];
            if (!person.active_on(day) ||
                !world.rng.chance_per_million(member.attendance_per_million)) {
                continue;
            }
            const bool initiator = static_cast<std::int32_t>(member.person) == model.initiator;
            const Role role = initiator ? (world.rng.chance(0.9) ? Role::Initiator : Role::Host)
                                        : draw_role(world, person, day);
            world.participations.push_back({occurrence, member.person, role});
        }
    }
}

// Support-needing people become more attentive participants over the period (INSP!: their share
// of participation rose).
std::int64_t attendance_percent(const World& world, const PersonModel& person, Day day) {
    return person.support ? 80 + 40 * world.progress(day) / 100 : 100;
}

// Initiatives and causes per year at a place; more of them each year, as in Vimby.
int yearly_count(int base, int year_index) {
    return std::max(1, base * (10 + 3 * year_index) / 10);
}

// An initiator, more often one who needs support as the period goes on (INSP!: more of the
// young people with a youth guide start activities themselves).
// The chance of one who needs support grows from `first` to `last` per million.
std::int32_t draw_initiator(World& world, const PlaceModel& place, Day day, std::int64_t first,
                            std::int64_t last) {
    const std::int64_t share = first + (last - first) * world.progress(day) / 100;
    std::int32_t initiator =
        draw_active_person(world, place, day, world.rng.chance_per_million(share));
    if (initiator < 0) {
        initiator = draw_active_person(world, place, day, std::nullopt);
    }
    return initiator;
}

// Distinct people of `place` active on `day`, besides those already in `members`.
void draw_members(World& world, const PlaceModel& place, Day day, int wanted,
                  std::vector<Member>& members, int low_per_million, int high_per_million) {
    for (int i = 0; i < wanted; ++i) {
        const std::int32_t drawn = draw_active_person(world, place, day, std::nullopt);
        if (drawn < 0) {
            return;
        }
        const auto person = static_cast<std::uint32_t>(drawn);
        if (std::none_of(members.begin(), members.end(),
                         [&](const Member& m) { return m.person == person; })) {
            members.push_back({person, world.rng.between(low_per_million, high_per_million)});
        }
    }
}

template <class F>
void for_each_year(const World& world, F&& body) {
    const int first_year = core::civil_from_days(world.first_day).year;
    const int last_year = core::civil_from_days(world.last_day).year;
    for (int year = first_year; year <= last_year; ++year) {
        body(year - first_year, core::days_from_civil(year, 1, 1),
             core::days_from_civil(year, 12, 31));
    }
}

}  // namespace

std::int32_t draw_active_person(World& world, const PlaceModel& place, Day day,
                                std::optional<bool> want_support) {
    if (place.people.empty()) {
        return -1;
    }
    for (int attempt = 0; attempt < 60; ++attempt) {
        const std::uint32_t index = place.people[world.rng.below(place.people.size())];
        const PersonModel& person = world.people[index];
        if (person.active_on(day) && (!want_support || person.support == *want_support)) {
            return static_cast<std::int32_t>(index);
        }
    }
    return -1;
}

void add_fixed_activities(World& world) {
    Rng& rng = world.rng;
    for (std::uint32_t p = 0; p < world.places.size(); ++p) {
        PlaceModel& place = world.places[p];
        const auto archetype =
            static_cast<std::size_t>(world.partnerships[place.partnership].archetype);
        const int count = std::clamp(static_cast<int>(place.people.size()) / 45, 3, 60);
        for (int i = 0; i < count; ++i) {
            // Most exist when recording starts; new ones keep being added, as in Vimby.
            const Day created = rng.chance(0.75)
                                    ? world.first_day
                                    : rng.between(world.first_day, world.last_day - 90);
            const Day last = rng.chance(0.12) ? rng.between(std::min(created + 120, world.last_day),
                                                            world.last_day)
                                              : world.last_day;
            const auto& titles = FIXED_TITLES[archetype];
            const std::uint32_t activity =
                add_activity(world, p, ActivityKind::Fixed, created,
                             std::string(titles[rng.below(titles.size())]), -1);
            world.activities[activity].popularity =
                rng.chance(0.15) ? rng.between(15, 30) : rng.between(1, 10);
            place.fixed_activities.push_back(activity);

            Schedule schedule = draw_schedule(rng, false);
            schedule.step_days = rng.chance(0.8) ? 7 : 14;
            const bool pauses = rng.chance(0.7);
            for (Day day = first_on_weekday(created, schedule.weekday); day <= last;
                 day += schedule.step_days) {
                if (!pauses || !is_holiday(day)) {
                    add_occurrence(world, activity, day, schedule);
                }
            }
        }
    }

    // Each participant follows a few fixed activities, mostly at their home place, each with
    // a personal regularity and for a stretch of their active time.
    std::vector<std::vector<int>> popularity(world.places.size());
    for (std::size_t p = 0; p < world.places.size(); ++p) {
        for (std::uint32_t activity : world.places[p].fixed_activities) {
            popularity[p].push_back(world.activities[activity].popularity);
        }
    }
    std::vector<Member> single(1);
    for (std::uint32_t i = 0; i < world.people.size(); ++i) {
        const PersonModel& person = world.people[i];
        if (person.staff || person.active_from > person.active_to) {
            continue;
        }
        int follows = 1;
        for (const double more : {0.55, 0.3, 0.12}) {
            follows += rng.chance(more) ? 1 : 0;
        }
        std::array<std::uint32_t, 4> followed{};
        int followed_count = 0;
        const auto& places = world.partnerships[person.partnership].places;
        for (int f = 0; f < follows; ++f) {
            const std::uint32_t p =
                rng.chance(0.88) ? person.place : places[rng.below(places.size())];
            const std::uint32_t activity =
                world.places[p].fixed_activities[rng.pick(popularity[p])];
            if (std::find(followed.begin(), followed.begin() + followed_count, activity) !=
                followed.begin() + followed_count) {
                continue;
            }
            followed[followed_count++] = activity;
            const Day from = person.active_from + (rng.chance(0.6) ? 0 : rng.between(0, 300));
            const Day to = rng.chance(0.3) ? std::min(person.active_to, from + rng.between(30, 500))
                                           : person.active_to;
            single[0] = {
                i, rng.between(85'000, 390'000) * attendance_percent(world, person, from) / 100};
            attend(world, activity, single, from, to);
            world.members[activity].push_back(i);
        }
    }
}

void add_initiatives(World& world) {
    Rng& rng = world.rng;
    std::vector<Member> members;
    for (std::uint32_t p = 0; p < world.places.size(); ++p) {
        const PlaceModel& place = world.places[p];
        const int base = static_cast<int>(place.people.size()) / 40;
        for_each_year(world, [&](int year_index, Day year_first, Day year_last) {
            for (int n = yearly_count(base, year_index); n > 0; --n) {
                const Day created = rng.between(
                    year_first, std::max(year_first, std::min(year_last, world.last_day - 14)));
                const std::int32_t initiator =
                    draw_initiator(world, place, created, 80'000, 300'000);
                if (initiator < 0) {
                    continue;
                }
                const std::uint32_t activity = add_activity(
                    world, p, ActivityKind::Initiative, created,
                    std::string(INITIATIVE_TITLES[rng.below(INITIATIVE_TITLES.size())]), initiator);
                Schedule schedule = draw_schedule(rng, false);
                schedule.step_days = rng.chance(0.7) ? 7 : 14;
                const int count = rng.between(3, 20);
                Day day = first_on_weekday(created + rng.between(0, 14), schedule.weekday);
                for (int k = 0; k < count && day <= world.last_day; ++k) {
                    add_occurrence(world, activity, day, schedule);
                    day += schedule.step_days;
                }

                members.assign(1, {static_cast<std::uint32_t>(initiator), 900'000});
                draw_members(world, place, created, rng.between(2, 14), members, 300'000, 800'000);
                attend(world, activity, members, created, world.last_day);
                for (const Member& member : members) {
                    world.members[activity].push_back(member.person);
                }
            }
        });
    }
}

void add_causes(World& world) {
    Rng& rng = world.rng;
    std::vector<Member> pool;
    std::vector<std::uint32_t> present;
    for (std::uint32_t p = 0; p < world.places.size(); ++p) {
        const PlaceModel& place = world.places[p];
        // Causes are the heart of a citizenship house; elsewhere they are occasional.
        const bool citizen_house =
            world.partnerships[place.partnership].archetype == Archetype::CitizenHouse;
        const int base = static_cast<int>(place.people.size()) / (citizen_house ? 60 : 150);
        for_each_year(world, [&](int year_index, Day year_first, Day year_last) {
            for (int n = yearly_count(base, year_index); n > 0; --n) {
                const Day created = rng.between(
                    year_first, std::max(year_first, std::min(year_last, world.last_day - 14)));
                const std::int32_t initiator =
                    draw_initiator(world, place, created, 100'000, 250'000);
                if (initiator < 0) {
                    continue;
                }
                const std::uint32_t activity = add_activity(
                    world, p, ActivityKind::Cause, created,
                    "Sag: " + std::string(CAUSE_TITLES[rng.below(CAUSE_TITLES.size())]), initiator);
                pool.assign(1, {static_cast<std::uint32_t>(initiator), 0});
                draw_members(world, place, created, rng.between(2, 40), pool, 0, 0);
                for (const Member& member : pool) {
                    world.members[activity].push_back(member.person);
                }

                static constexpr std::array<int, 4> STEPS = {7, 14, 21, 28};
                static constexpr std::array<int, 4> STEP_WEIGHTS = {3, 4, 1, 2};
                Schedule schedule = draw_schedule(rng, true);
                schedule.step_days = STEPS[rng.pick(STEP_WEIGHTS)];
                const int meetings = rng.between(3, 24);
                Day day = first_on_weekday(created + rng.between(0, 10), schedule.weekday);
                for (int k = 0; k < meetings && day <= world.last_day;
                     ++k, day += schedule.step_days) {
                    // Sager der Samler: meetings have 2 to 30 participants; the initiator is
                    // nearly always there.
                    present.clear();
                    for (std::size_t m = 1; m < pool.size(); ++m) {
                        if (world.people[pool[m].person].active_on(day)) {
                            present.push_back(pool[m].person);
                        }
                    }
                    const bool with_initiator =
                        world.people[pool[0].person].active_on(day) && rng.chance(0.95);
                    int size = rng.between(2, 8);
                    size += rng.chance(0.5) ? rng.between(0, 8) : 0;
                    size += rng.chance(0.12) ? rng.between(0, 14) : 0;
                    size = std::min<int>(
                        size, static_cast<int>(present.size()) + (with_initiator ? 1 : 0));
                    if (size < 2) {
                        continue;
                    }
                    const auto occurrence = static_cast<std::uint32_t>(world.occurrences.size());
                    add_occurrence(world, activity, day, schedule);
                    if (with_initiator) {
                        world.participations.push_back(
                            {occurrence, pool[0].person, Role::Initiator});
                        --size;
                    }
                    // A partial Fisher–Yates shuffle picks `size` distinct members.
                    for (int s = 0; s < size; ++s) {
                        const std::size_t j = s + rng.below(present.size() - s);
                        std::swap(present[s], present[j]);
                        world.participations.push_back(
                            {occurrence, present[s],
                             draw_role(world, world.people[present[s]], day)});
                    }
                }
            }
        });
    }
}

}  // namespace samskab::bundle::generator
