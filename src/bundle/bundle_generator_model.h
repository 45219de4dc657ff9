#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "bundle/bundle_generator.h"
#include "core/bundle.h"
#include "core/date.h"
#include "core/vocabulary.h"

// The generator's working model, shared by the bundle_generator_*.cc files and nothing else.
// People, activities and participations are kept as dense indices while they are drawn and only
// become string-keyed bundle records at the end, which keeps generation fast and small.
namespace samskab::bundle::generator {

// xoshiro256** seeded through splitmix64. A fixed algorithm, so a seed gives the same stream with
// every compiler and standard library, which std::uniform_*_distribution does not promise.
// Callers never put two draws into the operands of one `+` or the arguments of one call: their
// order of evaluation is unspecified, and GCC and Clang do choose differently.
class Rng {
public:
    explicit Rng(std::uint64_t seed) {
        for (auto& word : m_state) {
            seed += 0x9e3779b97f4a7c15ULL;
            std::uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
            word = z ^ (z >> 31);
        }
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
        const std::uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    // Uniform in [0, bound). Precondition: bound > 0. Rejection keeps it exactly uniform.
    std::uint64_t below(std::uint64_t bound) {
        const std::uint64_t threshold = (0 - bound) % bound;
        for (;;) {
            const std::uint64_t r = next();
            if (r >= threshold) {
                return r % bound;
            }
        }
    }

    // Uniform in [low, high]. Precondition: low <= high.
    int between(int low, int high) {
        return low + static_cast<int>(below(static_cast<std::uint64_t>(high - low) + 1));
    }

    // Uniform in [0, 1), from the top 53 bits, so exact in IEEE double arithmetic everywhere.
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    // For constant probabilities. A computed probability goes through chance_per_million
    // instead: integer arithmetic cannot be contracted into fused multiply-adds, which differ
    // between targets in the last bit and would change a draw now and then.
    bool chance(double probability) { return unit() < probability; }

    bool chance_per_million(std::int64_t per_million) {
        return static_cast<std::int64_t>(below(1'000'000)) < per_million;
    }

    // An index drawn with probability proportional to weights[i]. Precondition: the sum is > 0.
    std::size_t pick(std::span<const int> weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = between(0, total - 1);
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (r < weights[i]) {
                return i;
            }
            r -= weights[i];
        }
        return weights.size() - 1;
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

    std::uint64_t m_state[4];
};

// The three kinds of partnership in the booklet; each shapes entry channels, support share,
// companion use, places and activity titles.
enum class Archetype : std::uint8_t {
    CultureHouse,  // INSP!: young people with a youth guide, mostly accompanied in
    CitizenHouse,  // Sager der Samler: causes, people invited through networks
    Village,       // Vimby: group-home residents, brought in by the volunteer coordinator
};

struct PartnershipModel {
    Archetype archetype = Archetype::CultureHouse;
    std::vector<std::uint32_t> places;
    std::vector<std::uint32_t> staff;
};

struct PlaceModel {
    std::uint32_t partnership = 0;
    std::vector<std::uint32_t> people;  // participants whose home place this is
    std::vector<std::uint32_t> fixed_activities;
};

struct PersonModel {
    std::uint32_t partnership = 0;
    std::uint32_t place = 0;
    // The days on which the person takes part at all; active_from > active_to means never.
    core::Day active_from = 0;
    core::Day active_to = -1;
    // Up to two breaks, [breaks[0], breaks[1]] and [breaks[2], breaks[3]]; an empty one has
    // to < from. Irregular participation with returns is normal in these communities.
    std::array<core::Day, 4> breaks = {1, 0, 1, 0};
    bool staff = false;
    bool support = false;
    bool host_trait = false;  // welcomes others; often takes the host role

    bool active_on(core::Day day) const {
        return day >= active_from && day <= active_to && !(day >= breaks[0] && day <= breaks[1]) &&
               !(day >= breaks[2] && day <= breaks[3]);
    }
};

struct ActivityModel {
    std::uint32_t place = 0;
    core::ActivityKind kind = core::ActivityKind::Fixed;
    std::int32_t initiator = -1;  // person index, or -1
    int popularity = 1;           // relative chance of being chosen by a participant
    // This activity's occurrences are world.occurrences[first_occurrence, +occurrence_count),
    // in chronological order.
    std::uint32_t first_occurrence = 0;
    std::uint32_t occurrence_count = 0;
};

struct OccurrenceModel {
    std::uint32_t activity = 0;
    core::LocalTime start = 0;
    core::LocalTime end = 0;
};

struct ParticipationModel {
    std::uint32_t occurrence = 0;
    std::uint32_t person = 0;
    core::Role role = core::Role::Active;
};

struct World {
    World(const GeneratorOptions& options, core::Day first, core::Day last)
        : rng(options.seed), first_day(first), last_day(last) {}

    Rng rng;
    core::Day first_day;
    core::Day last_day;
    std::vector<PartnershipModel> partnerships;
    std::vector<PlaceModel> places;
    std::vector<PersonModel> people;
    std::vector<ActivityModel> activities;            // parallel to bundle.activities
    std::vector<std::vector<std::uint32_t>> members;  // per activity: its regular participants
    std::vector<OccurrenceModel> occurrences;
    std::vector<ParticipationModel> participations;
    // Partnerships, places, people, companions and activities are written here directly;
    // the remaining collections are filled from the model by `generate_bundle`.
    core::Bundle bundle;

    // Percent of the recorded period that has passed on `day`, 0..100; drives trends over time.
    int progress(core::Day day) const {
        return static_cast<int>(static_cast<std::int64_t>(day - first_day) * 100 /
                                (last_day - first_day + 1));
    }
};

// Stages of generation, in the order generate_bundle runs them; each relies on the previous.

// bundle_generator_people.cc
void add_partnerships(World& world, std::size_t people);
void add_people(World& world, std::size_t people);
void add_companions(World& world);

// bundle_generator_activities.cc
void add_fixed_activities(World& world);
void add_initiatives(World& world);
void add_causes(World& world);

// bundle_generator_social.cc
void add_visits(World& world);
void add_relations(World& world);
void add_pathways(World& world);

// A uniformly drawn person of `place` who is active on `day` and, when `want_support` is set,
// matches it in support need; -1 when a bounded number of draws finds none.
std::int32_t draw_active_person(World& world, const PlaceModel& place, core::Day day,
                                std::optional<bool> want_support);

}  // namespace samskab::bundle::generator
