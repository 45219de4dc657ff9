#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "bundle/bundle_generator_model.h"

namespace samskab::bundle::generator {

namespace {

using core::Day;

constexpr std::array<std::string_view, 48> FIRST_NAMES = {
    "Anna",   "Mads",   "Sofie",  "Frederik", "Freja", "Oliver", "Ida",      "Lucas",
    "Emma",   "Magnus", "Laura",  "Mikkel",   "Clara", "Rasmus", "Mathilde", "Jonas",
    "Karen",  "Søren",  "Mette",  "Jørgen",   "Lærke", "Bjørn",  "Åse",      "Kåre",
    "Birgit", "Poul",   "Signe",  "Niels",    "Maja",  "Troels", "Astrid",   "Jens",
    "Sara",   "Ahmad",  "Fatima", "Yusuf",    "Noor",  "Kasper", "Line",     "Bo",
    "Tove",   "Henrik", "Helle",  "Torben",   "Nanna", "Thøger", "Sørine",   "Ea",
};

constexpr std::array<std::string_view, 40> LAST_NAMES = {
    "Jensen",      "Nielsen",   "Hansen",     "Pedersen",     "Andersen", "Christensen",
    "Larsen",      "Sørensen",  "Rasmussen",  "Jørgensen",    "Petersen", "Madsen",
    "Kristensen",  "Olsen",     "Thomsen",    "Christiansen", "Poulsen",  "Johansen",
    "Møller",      "Mortensen", "Østergaard", "Kjær",         "Bækgaard", "Dalsgård",
    "Ågård",       "Lund",      "Holm",       "Skov",         "Frandsen", "Damgaard",
    "Søndergaard", "Lærkesen",  "Friis",      "Husum",        "Bøgh",     "Krogh",
    "Winther",     "Ali",       "Yilmaz",     "Brødsgaard",
};

constexpr std::array<std::string_view, 20> TOWNS = {
    "Roskilde",  "Aarhus",    "Odense",  "Aalborg",       "Esbjerg",    "Vejle",    "Horsens",
    "Randers",   "Kolding",   "Herning", "Silkeborg",     "Næstved",    "Holbæk",   "Køge",
    "Helsingør", "Svendborg", "Viborg",  "Frederikshavn", "Sønderborg", "Hjørring",
};

struct ArchetypeProfile {
    std::string_view civil_prefix;
    std::array<std::string_view, 4> place_names;
    int support_percent;
    // Entry-channel weights in EntryChannel order: companion, host, coordinator, network,
    // outreach, self. The booklet: INSP! brings the young people in with their youth guide,
    // Sager der Samler through networks, Vimby through the volunteer coordinator.
    std::array<int, 6> channels_support;
    std::array<int, 6> channels_other;
    // Share of support-needing participants with a municipal companion, in percent.
    int companioned_percent;
};

constexpr std::array<ArchetypeProfile, 3> PROFILES = {{
    {"Kulturhuset",
     {"Huset", "Caféen", "Værkstedet", "Musikrummet"},
     22,
     {60, 10, 8, 12, 6, 4},
     {3, 20, 7, 40, 10, 20},
     85},
    {"Borgerhuset",
     {"Borgerhuset", "Mødestedet", "Værkstedet", "Haven"},
     26,
     {20, 12, 10, 40, 12, 6},
     {2, 15, 8, 50, 10, 15},
     35},
    {"Landsbyfællesskabet",
     {"Fælleshuset", "Bageriet", "Genbrugsbutikken", "Købmanden"},
     28,
     {12, 8, 60, 10, 6, 4},
     {2, 15, 35, 30, 8, 10},
     55},
}};

const ArchetypeProfile& profile_of(const World& world, std::uint32_t partnership) {
    return PROFILES[static_cast<std::size_t>(world.partnerships[partnership].archetype)];
}

// Fills the participation window: when a person first and last takes part, and their breaks.
void draw_window(World& world, PersonModel& person, Day joined) {
    Rng& rng = world.rng;
    person.active_from = std::max(joined, world.first_day);
    person.active_to = world.last_day;
    if (rng.chance(0.30)) {
        person.active_to = std::min(world.last_day, person.active_from + rng.between(30, 900));
    }
    if (person.active_from > person.active_to) {
        return;
    }
    const int breaks = rng.chance(0.45) ? (rng.chance(0.33) ? 2 : 1) : 0;
    for (int i = 0; i < breaks; ++i) {
        const Day from = rng.between(person.active_from, person.active_to);
        person.breaks[2 * i] = from;
        person.breaks[2 * i + 1] = from + rng.between(14, 150);
    }
}

}  // namespace

void add_partnerships(World& world, std::size_t people) {
    Rng& rng = world.rng;
    const std::size_t count = std::max<std::size_t>(2, (people + 2500) / 5000);
    std::size_t organisation_number = 0;
    auto next_organisation_id = [&] { return "org" + std::to_string(++organisation_number); };
    for (std::size_t i = 0; i < count; ++i) {
        PartnershipModel model;
        model.archetype = static_cast<Archetype>(i % PROFILES.size());
        const ArchetypeProfile& profile = PROFILES[i % PROFILES.size()];
        std::string town(TOWNS[i % TOWNS.size()]);
        if (i >= TOWNS.size()) {
            town += " " + std::to_string(i / TOWNS.size() + 1);
        }

        core::Partnership partnership;
        partnership.id = "pa" + std::to_string(i + 1);
        const std::string civil_name = std::string(profile.civil_prefix) + " " + town;
        partnership.name = civil_name + " og " + town + " Kommune";
        partnership.organisations.push_back(
            {next_organisation_id(), civil_name, core::OrganisationKind::Civil});
        partnership.organisations.push_back(
            {next_organisation_id(), town + " Kommune", core::OrganisationKind::Municipality});
        if (rng.chance(0.25)) {
            partnership.organisations.push_back({next_organisation_id(), town + " Produktionsskole",
                                                 core::OrganisationKind::Education});
        }
        if (rng.chance(0.25)) {
            partnership.organisations.push_back(
                {next_organisation_id(), "Brugsen " + town, core::OrganisationKind::Business});
        }

        const int places = rng.between(1, 4);
        for (int p = 0; p < places; ++p) {
            core::Place place;
            place.id = "pl" + std::to_string(world.places.size() + 1);
            place.partnership = partnership.id;
            place.name = civil_name + " – " + std::string(profile.place_names[p]);
            // The booklet's rule of thumb is 20 %; some places have agreed on another limit.
            if (rng.chance(0.2)) {
                constexpr std::array<double, 3> OTHER = {0.15, 0.25, 0.30};
                place.support_threshold = OTHER[rng.below(OTHER.size())];
            }
            model.places.push_back(static_cast<std::uint32_t>(world.places.size()));
            world.places.push_back(PlaceModel{static_cast<std::uint32_t>(i), {}, {}});
            world.bundle.places.push_back(std::move(place));
        }
        world.partnerships.push_back(std::move(model));
        world.bundle.partnerships.push_back(std::move(partnership));
    }
}

void add_people(World& world, std::size_t count) {
    Rng& rng = world.rng;
    world.people.resize(count);
    world.bundle.people.resize(count);

    // About 3 % are municipal staff, spread over the list rather than in a block.
    const std::size_t staff_count = count * 3 / 100;
    for (std::size_t placed = 0; placed < staff_count;) {
        PersonModel& person = world.people[rng.below(count)];
        if (!person.staff) {
            person.staff = true;
            ++placed;
        }
    }

    std::vector<int> partnership_weights;
    for (std::size_t i = 0; i < world.partnerships.size(); ++i) {
        partnership_weights.push_back(rng.between(6, 14));
    }
    std::vector<int> place_weights;
    for (const PlaceModel& place : world.places) {
        // The first place of a partnership is its main house and draws the most people.
        const bool main = world.partnerships[place.partnership].places.front() ==
                          static_cast<std::uint32_t>(&place - world.places.data());
        place_weights.push_back(rng.between(3, 10) + (main ? 6 : 0));
    }

    std::vector<std::vector<int>> weights_in_partnership(world.partnerships.size());
    for (std::size_t p = 0; p < world.partnerships.size(); ++p) {
        for (std::uint32_t place : world.partnerships[p].places) {
            weights_in_partnership[p].push_back(place_weights[place]);
        }
    }

    std::size_t staff_number = 0;
    for (std::size_t i = 0; i < count; ++i) {
        PersonModel& model = world.people[i];
        core::Person& person = world.bundle.people[i];
        person.id = "p" + std::to_string(i + 1);
        person.name = FIRST_NAMES[rng.below(FIRST_NAMES.size())];
        person.name += ' ';
        person.name += LAST_NAMES[rng.below(LAST_NAMES.size())];
        if (rng.chance(0.08)) {
            person.name += " " + std::string(LAST_NAMES[rng.below(LAST_NAMES.size())]);
        }

        if (model.staff) {
            // Staff are assigned round-robin so that every partnership gets its share; they
            // did not enter through a channel and take part only by accompanying others.
            model.partnership =
                static_cast<std::uint32_t>(staff_number++ % world.partnerships.size());
            model.place = world.partnerships[model.partnership].places.front();
            world.partnerships[model.partnership].staff.push_back(static_cast<std::uint32_t>(i));
            person.joined = world.first_day - rng.between(0, 2500);
            continue;
        }

        model.partnership = static_cast<std::uint32_t>(rng.pick(partnership_weights));
        const auto& places = world.partnerships[model.partnership].places;
        model.place = places[rng.pick(weights_in_partnership[model.partnership])];
        world.places[model.place].people.push_back(static_cast<std::uint32_t>(i));

        const ArchetypeProfile& profile = profile_of(world, model.partnership);
        model.support = rng.chance_per_million(profile.support_percent * 10'000);
        model.host_trait = rng.chance(model.support ? 0.03 : 0.12);
        person.support_need = model.support;
        // The flag exists only with consent; others may have consented without needing it.
        person.consent.support_need = model.support || rng.chance(0.45);
        person.consent.pathways = rng.chance(0.6);
        person.entry_channel = static_cast<core::EntryChannel>(
            rng.pick(model.support ? profile.channels_support : profile.channels_other));

        const Day joined = rng.chance(0.35) ? world.first_day - rng.between(1, 1095)
                                            : rng.between(world.first_day, world.last_day);
        person.joined = joined;
        draw_window(world, model, joined);
    }
}

void add_companions(World& world) {
    Rng& rng = world.rng;
    for (std::size_t i = 0; i < world.people.size(); ++i) {
        PersonModel& person = world.people[i];
        const auto& staff = world.partnerships[person.partnership].staff;
        if (person.staff || staff.empty()) {
            continue;
        }
        const ArchetypeProfile& profile = profile_of(world, person.partnership);
        // Some people come with a companion without having consented to record a support need.
        const int share = person.support ? profile.companioned_percent * 10'000 : 30'000;
        if (!rng.chance_per_million(share)) {
            continue;
        }

        const Day joined = *world.bundle.people[i].joined;
        Day from = std::max(world.first_day, joined - rng.between(0, 60));
        const Day first_from = from;
        auto previous = static_cast<std::uint32_t>(staff.size());
        // A chain of links: a youth guide may hand over to a colleague, or the link may end.
        for (int link = 0; link < 3 && from <= world.last_day; ++link) {
            std::uint32_t pick = static_cast<std::uint32_t>(rng.below(staff.size()));
            if (pick == previous && staff.size() > 1) {
                pick = (pick + 1) % static_cast<std::uint32_t>(staff.size());
            }
            previous = pick;
            core::CompanionLink record{
                world.bundle.people[i].id, world.bundle.people[staff[pick]].id,
                world.bundle.partnerships[person.partnership].id, from, std::nullopt};
            const bool ends = rng.chance(0.55);
            const Day to = from + rng.between(60, 700);
            if (ends && to < world.last_day) {
                record.to = to;
            }
            world.bundle.companions.push_back(std::move(record));
            if (!ends || to >= world.last_day || !rng.chance(0.35)) {
                break;
            }
            from = to + rng.between(1, 30);
        }

        // Reaching the accompanied takes time, and some never come. The partnership learns to
        // do it better: the booklet's INSP! went from 30 % to 66 % of the young people with a
        // youth guide using the house, so early links wait longer and fail more often.
        const int t = world.progress(first_from);
        if (rng.chance_per_million(300'000 - 220'000 * t / 100)) {
            person.active_from = world.last_day + 1;
        } else {
            const bool slow =
                world.partnerships[person.partnership].archetype == Archetype::CultureHouse;
            const int delay =
                slow ? rng.between(0, 60 + 540 * (100 - t) / 100) : rng.between(0, 120);
            person.active_from = std::max(person.active_from, first_from + delay);
        }
    }
}

}  // namespace samskab::bundle::generator
