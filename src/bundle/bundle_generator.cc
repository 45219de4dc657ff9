#include "bundle/bundle_generator.h"

#include <algorithm>
#include <numeric>
#include <string>

#include "bundle/bundle_generator_model.h"

namespace samskab::bundle {

namespace {

using generator::World;

// Occurrences get their ids in chronological order, as an export from a live system would
// list them, and participations follow their occurrences.
void write_occurrences_and_participations(World& world) {
    const std::size_t count = world.occurrences.size();
    std::vector<std::uint32_t> order(count);
    std::iota(order.begin(), order.end(), 0U);
    // Within one activity the occurrences are already chronological, so a stable sort by start
    // keeps every activity's meetings in order.
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
        return world.occurrences[x].start < world.occurrences[y].start;
    });
    std::vector<std::uint32_t> rank(count);
    std::vector<std::string> ids(count);
    world.bundle.occurrences.reserve(count);
    for (std::uint32_t r = 0; r < count; ++r) {
        const generator::OccurrenceModel& model = world.occurrences[order[r]];
        rank[order[r]] = r;
        ids[r] = "o" + std::to_string(r + 1);
        world.bundle.occurrences.push_back(
            {ids[r], world.bundle.activities[model.activity].id, model.start, model.end});
    }
    world.occurrences.clear();
    world.occurrences.shrink_to_fit();

    auto& participations = world.participations;
    for (auto& participation : participations) {
        participation.occurrence = rank[participation.occurrence];
    }
    std::sort(participations.begin(), participations.end(), [](const auto& x, const auto& y) {
        return x.occurrence != y.occurrence ? x.occurrence < y.occurrence : x.person < y.person;
    });
    world.bundle.participations.reserve(participations.size());
    for (const auto& participation : participations) {
        world.bundle.participations.push_back({world.bundle.people[participation.person].id,
                                               ids[participation.occurrence], participation.role});
    }
    participations.clear();
    participations.shrink_to_fit();
}

}  // namespace

core::Bundle generate_bundle(const GeneratorOptions& options) {
    const int years = std::max(options.years, 1);
    World world(options, core::days_from_civil(options.first_year, 1, 1),
                core::days_from_civil(options.first_year + years - 1, 12, 31));
    world.participations.reserve(options.people * 26);

    generator::add_partnerships(world, options.people);
    generator::add_people(world, options.people);
    generator::add_companions(world);
    generator::add_fixed_activities(world);
    generator::add_initiatives(world);
    generator::add_causes(world);
    generator::add_visits(world);
    generator::add_relations(world);
    generator::add_pathways(world);
    write_occurrences_and_participations(world);
    return std::move(world.bundle);
}

}  // namespace samskab::bundle
