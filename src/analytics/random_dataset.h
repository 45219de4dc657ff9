#pragma once

// Test support (header-only, used by the *_test.cc files only): small random datasets that hit
// the corners of the indicators often — few people, overlapping links and relations, empty
// occurrences, people without channel or joined date.

#include <random>
#include <set>
#include <utility>

#include "core/dataset.h"
#include "core/date.h"

namespace samskab::analytics::testing {

// The first day of the random datasets; every date falls in the 400 days from it.
inline core::Day random_epoch() {
    return core::days_from_civil(2017, 1, 1);
}

inline core::Dataset random_dataset(unsigned seed, int people = 40) {
    std::mt19937 rng(seed);
    const auto uniform = [&](int low, int high) {
        return std::uniform_int_distribution<int>(low, high)(rng);
    };
    const auto chance = [&](double p) { return std::bernoulli_distribution(p)(rng); };
    const core::Day epoch = random_epoch();
    const auto random_day = [&] { return epoch + uniform(0, 399); };
    const auto end_after = [&](core::Day from) {
        return chance(0.4) ? core::DAY_MAX : from + uniform(0, 150);
    };
    using Index = core::Dataset::Index;

    core::Dataset data;
    data.partnerships = {{"pa"}, {"pb"}};
    for (int i = 0; i < 3; ++i) {
        data.places.push_back(
            {"h" + std::to_string(i), static_cast<Index>(uniform(0, 1)), chance(0.5) ? 0.2 : 0.5});
    }
    for (int i = 0; i < people; ++i) {
        data.people.push_back({"p" + std::to_string(i), chance(0.3),
                               chance(0.8) ? random_day() : core::NO_DAY,
                               static_cast<std::int8_t>(chance(0.8) ? uniform(0, 5) : -1)});
    }
    for (int i = 0; i < people / 3; ++i) {
        const Index person = uniform(0, people - 1);
        const Index companion = (person + uniform(1, people - 1)) % people;
        const core::Day from = random_day();
        data.companions.push_back(
            {person, companion, static_cast<Index>(uniform(0, 1)), from, end_after(from)});
    }
    for (int i = 0; i < 8; ++i) {
        data.activities.push_back({"a" + std::to_string(i), static_cast<Index>(uniform(0, 2)),
                                   static_cast<core::ActivityKind>(uniform(0, 2)),
                                   chance(0.6) ? uniform(0, people - 1) : core::Dataset::NONE,
                                   random_day()});
    }
    for (int o = 0; o < 60; ++o) {
        data.occurrences.push_back({static_cast<Index>(uniform(0, 7)), random_day()});
        std::set<Index> taken;
        for (int n = uniform(0, 8); n > 0; --n) {
            const Index person = uniform(0, people - 1);
            if (taken.insert(person).second) {
                data.participations.push_back(
                    {person, static_cast<Index>(o), static_cast<core::Role>(uniform(0, 4))});
            }
        }
    }
    for (int i = 0; i < 150; ++i) {
        data.visits.push_back(
            {uniform(0, people - 1), static_cast<Index>(uniform(0, 2)), random_day()});
    }
    for (int i = 0; i < 60; ++i) {
        const Index a = uniform(0, people - 1);
        const Index b = (a + uniform(1, people - 1)) % people;
        const core::Day since = random_day();
        data.relations.push_back({a, b, since, end_after(since)});
    }
    for (int i = 0; i < 30; ++i) {
        data.pathways.push_back(
            {uniform(0, people - 1), random_day(), static_cast<core::PathwayKind>(uniform(0, 4))});
    }
    return data;
}

}  // namespace samskab::analytics::testing
