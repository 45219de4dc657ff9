#include "demo/demo_builder.h"

#include <array>
#include <stdexcept>
#include <utility>

namespace samskab::demo::detail {

namespace {

constexpr std::array<std::string_view, 60> FIRST_NAMES = {
    "Anna",    "Mads",   "Sofie",  "Frederik", "Freja",  "Oliver",   "Ida",     "Lucas",  "Emma",
    "Magnus",  "Laura",  "Mikkel", "Clara",    "Rasmus", "Mathilde", "Jonas",   "Karen",  "Søren",
    "Mette",   "Jørgen", "Lærke",  "Bjørn",    "Birgit", "Poul",     "Signe",   "Niels",  "Maja",
    "Troels",  "Astrid", "Jens",   "Sara",     "Ahmad",  "Fatima",   "Yusuf",   "Kasper", "Line",
    "Bo",      "Tove",   "Henrik", "Helle",    "Torben", "Nanna",    "Ea",      "Ane",    "Kirsten",
    "Lone",    "Morten", "Anders", "Peter",    "Hanne",  "Louise",   "Camilla", "Emil",   "Victor",
    "Alberte", "Malthe", "Esther", "Aksel",    "Asta",   "Villads",
};

// Herbs, berries and pastry joined to a landscape word: Danish-sounding, and plainly nobody's
// real surname.
constexpr std::array<std::string_view, 20> SURNAME_FIRST = {
    "Kanel",       "Kringle",     "Hyld",       "Rabarber",   "Timian",   "Rønnebær",  "Kastanje",
    "Lakrids",     "Brombær",     "Mælkebøtte", "Pebermynte", "Skovsyre", "Hasselnød", "Solsikke",
    "Stikkelsbær", "Kløverhvede", "Purløg",     "Hyben",      "Vaffel",   "Tyttebær",
};
constexpr std::array<std::string_view, 10> SURNAME_LAST = {
    "bæk", "høj", "toft", "strup", "holm", "vang", "lund", "mose", "skov", "dal",
};

constexpr std::uint32_t NAME_COUNT = 60 * 20 * 10;

}  // namespace

int weekday_of(core::Day day) {
    // 1970-01-01 was a Thursday.
    return ((day % 7) + 7 + 3) % 7;
}

core::Day first_on_weekday(core::Day from, int weekday) {
    return from + (weekday - weekday_of(from) + 7) % 7;
}

core::Day spread(core::Day first, core::Day last, int i, int n) {
    if (n <= 1) {
        return first;
    }
    return first + static_cast<core::Day>(static_cast<std::int64_t>(last - first) * i / (n - 1));
}

std::uint64_t Rng::below(std::uint64_t bound) {
    // Rejection keeps the draw exactly uniform.
    const std::uint64_t threshold = (0 - bound) % bound;
    for (;;) {
        const std::uint64_t r = next();
        if (r >= threshold) {
            return r % bound;
        }
    }
}

std::size_t Rng::pick(const std::vector<int>& weights) {
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

bool is_holiday(core::Day day) {
    const core::Civil civil = core::civil_from_days(day);
    return civil.month == 7 || (civil.month == 12 && civil.day >= 22) ||
           (civil.month == 1 && civil.day == 1);
}

std::vector<std::size_t> schedule(Builder& builder, const std::string& activity, int weekday,
                                  int start_minute, int duration_minutes, int every_weeks,
                                  core::Day from, core::Day to, bool pauses) {
    std::vector<std::size_t> added;
    for (core::Day day = first_on_weekday(from, weekday); day <= to; day += 7 * every_weeks) {
        if (!(pauses && is_holiday(day))) {
            added.push_back(builder.add_occurrence(activity, day, start_minute, duration_minutes));
        }
    }
    return added;
}

void follow(Builder& builder, Rng& rng, std::size_t person, const Routine& routine,
            std::string_view place, core::Day break_from, core::Day break_to,
            const std::function<core::Role(core::Day)>& role_on) {
    for (core::Day day = first_on_weekday(routine.from, routine.weekday); day <= routine.to;
         day += 7) {
        // Every day draws, on a break or not, so that a break does not shift later draws.
        const bool comes = rng.per_mille(routine.per_mille);
        if (!comes || (day >= break_from && day <= break_to)) {
            continue;
        }
        if (routine.activity.empty()) {
            builder.visit(person, place, day);
        } else if (auto occurrence = builder.occurrence_on(routine.activity, day)) {
            builder.take_part(person, *occurrence, role_on(day));
        }
    }
}

std::string invented_name(std::uint32_t n) {
    // 7919 is prime and does not divide NAME_COUNT, so n -> j is a permutation: neighbouring
    // numbers get unrelated names rather than a run of one surname.
    const std::uint32_t j =
        static_cast<std::uint32_t>((static_cast<std::uint64_t>(n) * 7919 + 17) % NAME_COUNT);
    const std::uint32_t surname = j / 60;
    std::string name(FIRST_NAMES[j % 60]);
    name += ' ';
    name += SURNAME_FIRST[surname % 20];
    name += SURNAME_LAST[surname / 20];
    return name;
}

Builder::Builder(core::Bundle& bundle, std::string_view partnership)
    : m_bundle(bundle), m_partnership(partnership) {}

void Builder::add_place(std::string id, std::string name, double support_threshold) {
    m_place_ids.push_back(id);
    m_bundle.places.push_back({std::move(id), m_partnership, std::move(name), support_threshold});
}

std::size_t Builder::add_person(std::string id, bool support_need, std::optional<core::Day> joined,
                                std::optional<core::EntryChannel> channel) {
    core::Person person;
    const auto number = static_cast<std::uint32_t>(m_bundle.people.size());
    person.id = std::move(id);
    person.name = invented_name(number);
    person.support_need = support_need;
    person.joined = joined;
    person.entry_channel = channel;
    person.consent = {support_need, true};
    m_people.push_back(m_bundle.people.size());
    m_bundle.people.push_back(std::move(person));
    return m_people.size() - 1;
}

const std::string& Builder::person_id(std::size_t person) const {
    return m_bundle.people[m_people[person]].id;
}

void Builder::add_companion(std::size_t person, std::size_t companion, core::Day from,
                            std::optional<core::Day> to) {
    m_bundle.companions.push_back(
        {person_id(person), person_id(companion), m_partnership, from, to});
}

void Builder::add_activity(std::string id, std::string_view place, std::string title,
                           core::ActivityKind kind, std::optional<std::size_t> initiated_by,
                           core::Day created) {
    core::Activity activity;
    activity.id = std::move(id);
    activity.place = std::string(place);
    activity.title = std::move(title);
    activity.kind = kind;
    if (initiated_by) {
        activity.initiated_by = person_id(*initiated_by);
    }
    activity.created = created;
    m_activity_place[activity.id] = place_index(place);
    m_bundle.activities.push_back(std::move(activity));
}

std::size_t Builder::add_occurrence(const std::string& activity, core::Day day, int start_minute,
                                    int duration_minutes) {
    std::string id = activity + "-" + core::format_date(day);
    const core::LocalTime start = static_cast<core::LocalTime>(day) * 86400 + start_minute * 60;
    const std::size_t index = m_occurrences.size();
    m_occurrence_by_key.emplace(id, index);
    m_occurrences.push_back(m_bundle.occurrences.size());
    m_occurrence_place.push_back(m_activity_place.at(activity));
    m_bundle.occurrences.push_back({std::move(id), activity, start,
                                    start + static_cast<core::LocalTime>(duration_minutes) * 60});
    return index;
}

std::optional<std::size_t> Builder::occurrence_on(const std::string& activity,
                                                  core::Day day) const {
    const auto found = m_occurrence_by_key.find(activity + "-" + core::format_date(day));
    if (found == m_occurrence_by_key.end()) {
        return std::nullopt;
    }
    return found->second;
}

core::Day Builder::occurrence_day(std::size_t occurrence) const {
    return core::day_of(m_bundle.occurrences[m_occurrences[occurrence]].start);
}

bool Builder::take_part(std::size_t person, std::size_t occurrence, core::Role role) {
    if (!m_taking_part.insert((std::uint64_t{person} << 32) | occurrence).second) {
        return false;
    }
    const core::Occurrence& record = m_bundle.occurrences[m_occurrences[occurrence]];
    m_bundle.participations.push_back({person_id(person), record.id, role});
    m_present.insert(
        presence_key(person, m_occurrence_place[occurrence], core::day_of(record.start)));
    return true;
}

void Builder::visit(std::size_t person, std::string_view place, core::Day day) {
    const std::size_t p = place_index(place);
    if (m_present.insert(presence_key(person, p, day)).second) {
        m_bundle.visits.push_back({person_id(person), std::string(place), day});
    }
}

bool Builder::present(std::size_t person, std::string_view place, core::Day day) const {
    return m_present.count(presence_key(person, place_index(place), day)) != 0;
}

bool Builder::relate(std::size_t a, std::size_t b, core::Day since, core::RelationSource source) {
    if (a == b) {
        return false;
    }
    const std::uint64_t key = a < b ? (std::uint64_t{a} << 32) | b : (std::uint64_t{b} << 32) | a;
    if (!m_related.insert(key).second) {
        return false;
    }
    m_bundle.relations.push_back({person_id(a), person_id(b), since, std::nullopt, source});
    return true;
}

void Builder::add_pathway(std::size_t person, core::Day day, core::PathwayKind kind) {
    m_bundle.pathways.push_back({person_id(person), day, kind});
}

std::size_t Builder::place_index(std::string_view place) const {
    for (std::size_t i = 0; i < m_place_ids.size(); ++i) {
        if (m_place_ids[i] == place) {
            return i;
        }
    }
    // Every place is added before anything refers to it; a miss is a bug in the demo itself.
    throw std::logic_error("demo: unknown place " + std::string(place));
}

std::uint64_t Builder::presence_key(std::size_t person, std::size_t place, core::Day day) const {
    return (std::uint64_t{person} << 40) | (std::uint64_t{place} << 32) |
           static_cast<std::uint32_t>(day);
}

}  // namespace samskab::demo::detail
