// Building the per-dataset indexes of IndicatorEngine (see indicators.h). Everything here is
// linear in the data, so that computing a period only touches the records inside it.
#include <algorithm>

#include "analytics/indicators.h"

namespace samskab::analytics {

IndicatorEngine::IndicatorEngine(const core::Dataset& data, const ResolvedScope& scope)
    : m_data(&data) {
    m_support.resize(data.people.size());
    for (size_t i = 0; i < data.people.size(); ++i) {
        m_support[i] = data.people[i].support_need ? 1 : 0;
    }
    index_events(scope);
    index_place_days();
    index_people(scope);
    index_activities(scope);
}

void IndicatorEngine::index_events(const ResolvedScope& scope) {
    const core::Dataset& data = *m_data;
    std::vector<std::int32_t> sizes(data.occurrences.size(), 0);
    std::vector<std::uint8_t> supported(data.occurrences.size(), 0);
    for (const auto& participation : data.participations) {
        ++sizes[participation.occurrence];
        supported[participation.occurrence] |= m_support[participation.person];
    }
    std::vector<Index> place_of_occurrence(data.occurrences.size());
    for (size_t o = 0; o < data.occurrences.size(); ++o) {
        const auto& occurrence = data.occurrences[o];
        const auto& activity = data.activities[occurrence.activity];
        place_of_occurrence[o] = activity.place;
        if (scope.places[activity.place]) {
            m_occurrences.push_back({occurrence.start_day, occurrence.activity, sizes[o],
                                     supported[o] != 0,
                                     activity.kind == core::ActivityKind::Cause});
        }
    }
    sort_by_key(m_occurrences, [](const OccurrenceRow& r) { return r.day; });

    m_events.reserve(data.participations.size() + data.visits.size());
    for (const auto& participation : data.participations) {
        const Index place = place_of_occurrence[participation.occurrence];
        if (scope.places[place]) {
            m_events.push_back({data.occurrences[participation.occurrence].start_day, place,
                                participation.person,
                                static_cast<std::int8_t>(participation.role)});
        }
    }
    for (const auto& visit : data.visits) {
        if (scope.places[visit.place]) {
            m_events.push_back({visit.day, visit.place, visit.person, -1});
        }
    }
    // By (day, place), so that each place-day is contiguous.
    const auto places = static_cast<std::int64_t>(data.places.size());
    sort_by_key(m_events,
                [places](const Event& e) { return std::int64_t{e.day} * places + e.place; });
}

void IndicatorEngine::index_place_days() {
    // Events are ordered by (day, place), so each place-day is one run; `seen` holds, per person,
    // the last run they were counted in, so that a daily user counts once however many events.
    std::vector<std::uint32_t> seen(m_data->people.size(), 0);
    std::uint32_t place_day = 0;
    for (size_t i = 0; i < m_events.size();) {
        const Event& first = m_events[i];
        ++place_day;
        PlaceDay row{first.day, first.place, 0, 0};
        for (; i < m_events.size() && m_events[i].day == first.day &&
               m_events[i].place == first.place;
             ++i) {
            const Index person = m_events[i].person;
            if (seen[person] != place_day) {
                seen[person] = place_day;
                ++row.users;
                row.support_users += m_support[person];
            }
        }
        m_place_days.push_back(row);
    }
}

void IndicatorEngine::index_people(const ResolvedScope& scope) {
    const core::Dataset& data = *m_data;
    const size_t people = data.people.size();
    m_active_days = Grouped<core::Day>::build(
        people, m_events.size(), [&](size_t i) { return m_events[i].person; },
        [&](size_t i) { return m_events[i].day; });
    m_active_days.unique_within_groups();

    const auto& companions = data.companions;
    m_links = Grouped<LinkSpan>::build(
        people, companions.size(), [&](size_t i) { return companions[i].person; },
        [&](size_t i) {
            return LinkSpan{companions[i].person, companions[i].from, companions[i].to};
        });
    for (const auto& link : companions) {
        if (scope.partnerships[link.partnership]) {
            m_scope_links.push_back({link.person, link.from, link.to});
        }
    }

    // Each relation is listed under both of its people.
    const auto& relations = data.relations;
    m_contacts = Grouped<Contact>::build(
        people, 2 * relations.size(),
        [&](size_t i) { return i % 2 == 0 ? relations[i / 2].a : relations[i / 2].b; },
        [&](size_t i) {
            const auto& r = relations[i / 2];
            return Contact{i % 2 == 0 ? r.b : r.a, r.since, r.until};
        });

    // A pathway counts when its person had an event in scope on or before its date; the first
    // event day does not depend on the report period, so the test is made once here.
    for (const auto& pathway : data.pathways) {
        const auto days = m_active_days.of(static_cast<size_t>(pathway.person));
        if (!days.empty() && days.front() <= pathway.day) {
            m_pathways.push_back({pathway.day, static_cast<std::uint8_t>(pathway.kind)});
        }
    }
    sort_by_key(m_pathways, [](const DatedKind& p) { return p.day; });
}

void IndicatorEngine::index_activities(const ResolvedScope& scope) {
    for (const auto& activity : m_data->activities) {
        const bool started_by_participant = activity.kind == core::ActivityKind::Initiative ||
                                            activity.kind == core::ActivityKind::Cause;
        if (scope.places[activity.place] && started_by_participant &&
            activity.initiated_by != core::Dataset::NONE && m_support[activity.initiated_by]) {
            m_initiatives.push_back(activity.created);
        }
    }
    std::sort(m_initiatives.begin(), m_initiatives.end());
}

}  // namespace samskab::analytics
