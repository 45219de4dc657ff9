#include <algorithm>
#include <array>
#include <tuple>

#include "bundle/bundle_generator_model.h"

namespace samskab::bundle::generator {

namespace {

using core::Day;

struct VisitModel {
    Day day;
    std::uint32_t place;
    std::uint32_t person;

    auto key() const { return std::tie(day, place, person); }
};

struct RelationModel {
    std::uint64_t pair;  // lower person index in the high half, so a pair has one key
    Day since;
    Day until;  // DAY_MAX when open
    core::RelationSource source;
};

std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) {
    const auto low = std::min(a, b);
    const auto high = std::max(a, b);
    return (static_cast<std::uint64_t>(low) << 32) | high;
}

// A relation between two people who can have met: both active at some common day.
void add_relation(World& world, std::vector<RelationModel>& relations, std::uint32_t a,
                  std::uint32_t b, Day earliest, core::RelationSource source) {
    if (a == b) {
        return;
    }
    const PersonModel& first = world.people[a];
    const PersonModel& second = world.people[b];
    const Day low = std::max({first.active_from, second.active_from, earliest});
    const Day high = std::min(first.active_to, second.active_to);
    if (low > high) {
        return;
    }
    Rng& rng = world.rng;
    const Day since = source == core::RelationSource::HostIntroduction
                          ? low
                          : rng.between(low, std::min(high, low + 180));
    // Some ties fade; most are still there when recording stops.
    const Day until = rng.chance(0.12) ? rng.between(since, world.last_day) : core::DAY_MAX;
    relations.push_back({pair_key(a, b), since, until, source});
}

}  // namespace

void add_visits(World& world) {
    Rng& rng = world.rng;
    std::vector<VisitModel> visits;
    visits.reserve(world.people.size() * 6);
    std::vector<VisitModel> own;
    for (std::uint32_t i = 0; i < world.people.size(); ++i) {
        const PersonModel& person = world.people[i];
        const auto& places = world.partnerships[person.partnership].places;
        own.clear();
        if (person.staff) {
            // Staff drop in now and then with the people they accompany.
            if (rng.chance(0.4)) {
                for (int n = rng.between(3, 25); n > 0; --n) {
                    const Day day = rng.between(world.first_day, world.last_day);
                    own.push_back({day, places[rng.below(places.size())], i});
                }
            }
        } else if (person.active_from <= person.active_to) {
            // Drop-ins without a registered activity: 0 to 8 a year.
            const int days = person.active_to - person.active_from + 1;
            const int count = days * rng.between(0, 8) / 365;
            for (int n = 0; n < count; ++n) {
                const Day day = rng.between(person.active_from, person.active_to);
                if (person.active_on(day)) {
                    const std::uint32_t place =
                        rng.chance(0.85) ? person.place : places[rng.below(places.size())];
                    own.push_back({day, place, i});
                }
            }
        }
        std::sort(own.begin(), own.end(),
                  [](const VisitModel& x, const VisitModel& y) { return x.key() < y.key(); });
        own.erase(std::unique(
                      own.begin(), own.end(),
                      [](const VisitModel& x, const VisitModel& y) { return x.key() == y.key(); }),
                  own.end());
        visits.insert(visits.end(), own.begin(), own.end());
    }
    std::sort(visits.begin(), visits.end(),
              [](const VisitModel& x, const VisitModel& y) { return x.key() < y.key(); });
    world.bundle.visits.reserve(visits.size());
    for (const VisitModel& visit : visits) {
        world.bundle.visits.push_back(
            {world.bundle.people[visit.person].id, world.bundle.places[visit.place].id, visit.day});
    }
}

void add_relations(World& world) {
    Rng& rng = world.rng;
    std::vector<RelationModel> relations;
    relations.reserve(world.people.size() * 3);

    // Ties between people who take part in the same activity, recorded from co-participation
    // or reported by the people themselves.
    for (std::size_t activity = 0; activity < world.members.size(); ++activity) {
        const auto& members = world.members[activity];
        if (members.size() < 2) {
            continue;
        }
        const Day created = world.bundle.activities[activity].created;
        const std::size_t pairs = members.size() * 3 / 4 + rng.below(2);
        for (std::size_t n = 0; n < pairs; ++n) {
            const auto source = rng.chance(0.6) ? core::RelationSource::CoParticipation
                                                : core::RelationSource::SelfReport;
            const std::uint32_t first = members[rng.below(members.size())];
            const std::uint32_t second = members[rng.below(members.size())];
            add_relation(world, relations, first, second, created, source);
        }
    }

    // Hosts welcome newcomers and introduce them to someone, more often those needing support.
    for (std::uint32_t i = 0; i < world.people.size(); ++i) {
        const PersonModel& person = world.people[i];
        if (person.staff || person.active_from > person.active_to ||
            !rng.chance(person.support ? 0.5 : 0.3)) {
            continue;
        }
        const PlaceModel& place = world.places[person.place];
        for (int attempt = 0; attempt < 30; ++attempt) {
            const std::int32_t host =
                draw_active_person(world, place, person.active_from, std::nullopt);
            if (host >= 0 && world.people[static_cast<std::size_t>(host)].host_trait) {
                add_relation(world, relations, i, static_cast<std::uint32_t>(host),
                             person.active_from, core::RelationSource::HostIntroduction);
                break;
            }
        }
    }

    // At most one relation per unordered pair, so that no two periods of a pair can overlap.
    // Stable, so that which of two equal candidates survives does not depend on the library.
    std::stable_sort(relations.begin(), relations.end(),
                     [](const RelationModel& x, const RelationModel& y) {
                         return std::tie(x.pair, x.since) < std::tie(y.pair, y.since);
                     });
    relations.erase(std::unique(relations.begin(), relations.end(),
                                [](const RelationModel& x, const RelationModel& y) {
                                    return x.pair == y.pair;
                                }),
                    relations.end());
    std::stable_sort(
        relations.begin(), relations.end(),
        [](const RelationModel& x, const RelationModel& y) { return x.since < y.since; });
    world.bundle.relations.reserve(relations.size());
    for (const RelationModel& relation : relations) {
        core::Relation record;
        record.a = world.bundle.people[relation.pair >> 32].id;
        record.b = world.bundle.people[relation.pair & 0xffffffffU].id;
        record.since = relation.since;
        if (relation.until != core::DAY_MAX) {
            record.until = relation.until;
        }
        record.source = relation.source;
        world.bundle.relations.push_back(std::move(record));
    }
}

void add_pathways(World& world) {
    Rng& rng = world.rng;
    // Weights in PathwayKind order: job, education, association, internship, volunteering.
    static constexpr std::array<int, 5> KIND_WEIGHTS = {25, 20, 25, 12, 18};
    for (std::uint32_t i = 0; i < world.people.size(); ++i) {
        const PersonModel& person = world.people[i];
        const core::Person& record = world.bundle.people[i];
        // Paths out are recorded only with the person's consent.
        if (person.staff || !record.consent.pathways || person.active_from > person.active_to ||
            !rng.chance(person.support ? 0.14 : 0.10)) {
            continue;
        }
        const Day low = person.active_from + 30;
        if (low > world.last_day) {
            continue;
        }
        const int count = rng.chance(0.75) ? 1 : 2;
        for (int n = 0; n < count; ++n) {
            const Day day = rng.between(low, world.last_day);
            core::Pathway pathway{record.id, day,
                                  static_cast<core::PathwayKind>(rng.pick(KIND_WEIGHTS))};
            if (n == 1 && pathway.date == world.bundle.pathways.back().date &&
                pathway.kind == world.bundle.pathways.back().kind) {
                continue;
            }
            world.bundle.pathways.push_back(std::move(pathway));
        }
    }
    std::stable_sort(
        world.bundle.pathways.begin(), world.bundle.pathways.end(),
        [](const core::Pathway& x, const core::Pathway& y) { return x.date < y.date; });
}

}  // namespace samskab::bundle::generator
