#include "core/dataset.h"

#include <string_view>
#include <unordered_map>

namespace samskab::core {

namespace {

using Index = Dataset::Index;

template <class Records>
std::unordered_map<std::string_view, Index> index_by_id(const Records& records) {
    std::unordered_map<std::string_view, Index> index;
    index.reserve(records.size());
    for (size_t i = 0; i < records.size(); ++i) {
        index.emplace(records[i].id, static_cast<Index>(i));
    }
    return index;
}

}  // namespace

Dataset make_dataset(const Bundle& bundle) {
    Dataset data;
    const auto partnership_index = index_by_id(bundle.partnerships);
    const auto place_index = index_by_id(bundle.places);
    const auto person_index = index_by_id(bundle.people);
    const auto activity_index = index_by_id(bundle.activities);
    const auto occurrence_index = index_by_id(bundle.occurrences);

    for (const auto& p : bundle.partnerships) {
        data.partnerships.push_back({p.id});
    }
    for (const auto& p : bundle.places) {
        data.places.push_back({p.id, partnership_index.at(p.partnership), p.support_threshold});
    }
    for (const auto& p : bundle.people) {
        data.people.push_back(
            {p.id, p.support_need, p.joined.value_or(NO_DAY),
             p.entry_channel ? static_cast<std::int8_t>(*p.entry_channel) : std::int8_t{-1}});
    }
    for (const auto& c : bundle.companions) {
        data.companions.push_back({person_index.at(c.person), person_index.at(c.companion),
                                   partnership_index.at(c.partnership), c.from,
                                   c.to.value_or(DAY_MAX)});
    }
    for (const auto& a : bundle.activities) {
        data.activities.push_back(
            {a.id, place_index.at(a.place), a.kind,
             a.initiated_by ? person_index.at(*a.initiated_by) : Dataset::NONE, a.created});
    }
    for (const auto& o : bundle.occurrences) {
        data.occurrences.push_back({activity_index.at(o.activity), day_of(o.start)});
    }
    data.participations.reserve(bundle.participations.size());
    for (const auto& p : bundle.participations) {
        data.participations.push_back(
            {person_index.at(p.person), occurrence_index.at(p.occurrence), p.role});
    }
    data.visits.reserve(bundle.visits.size());
    for (const auto& v : bundle.visits) {
        data.visits.push_back({person_index.at(v.person), place_index.at(v.place), v.date});
    }
    for (const auto& r : bundle.relations) {
        data.relations.push_back(
            {person_index.at(r.a), person_index.at(r.b), r.since, r.until.value_or(DAY_MAX)});
    }
    for (const auto& p : bundle.pathways) {
        data.pathways.push_back({person_index.at(p.person), p.date, p.kind});
    }
    return data;
}

}  // namespace samskab::core
