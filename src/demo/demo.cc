#include "demo/demo.h"

#include <unordered_map>
#include <unordered_set>

#include "demo/demo_builder.h"

namespace samskab::demo {

core::Bundle demo_bundle() {
    core::Bundle bundle;
    detail::add_insp(bundle);
    detail::add_sager(bundle);
    detail::add_vimby(bundle);
    return bundle;
}

std::vector<PartnershipSummary> summarize(const core::Bundle& bundle) {
    std::vector<PartnershipSummary> out;
    std::unordered_map<std::string_view, std::size_t> partnership;
    for (const core::Partnership& p : bundle.partnerships) {
        partnership.emplace(p.id, out.size());
        out.push_back({p.id, p.name, 0, 0, 0, 0});
    }
    std::unordered_map<std::string_view, std::size_t> of_place;
    for (const core::Place& place : bundle.places) {
        const std::size_t p = partnership.at(place.partnership);
        of_place.emplace(place.id, p);
        ++out[p].places;
    }
    std::unordered_map<std::string_view, std::size_t> of_activity;
    for (const core::Activity& activity : bundle.activities) {
        const std::size_t p = of_place.at(activity.place);
        of_activity.emplace(activity.id, p);
        ++out[p].activities;
    }
    std::unordered_map<std::string_view, std::size_t> of_occurrence;
    for (const core::Occurrence& occurrence : bundle.occurrences) {
        const std::size_t p = of_activity.at(occurrence.activity);
        of_occurrence.emplace(occurrence.id, p);
        ++out[p].occurrences;
    }
    std::vector<std::unordered_set<std::string_view>> people(out.size());
    for (const core::Participation& participation : bundle.participations) {
        people[of_occurrence.at(participation.occurrence)].insert(participation.person);
    }
    for (const core::Visit& visit : bundle.visits) {
        people[of_place.at(visit.place)].insert(visit.person);
    }
    for (const core::CompanionLink& link : bundle.companions) {
        people[partnership.at(link.partnership)].insert(link.person);
        people[partnership.at(link.partnership)].insert(link.companion);
    }
    for (std::size_t p = 0; p < out.size(); ++p) {
        out[p].people = people[p].size();
    }
    return out;
}

}  // namespace samskab::demo
