#pragma once

// Test support: the first difference between two datasets, field by field and in order.

#include <string>
#include <tuple>
#include <vector>

#include "core/dataset.h"

namespace samskab::storage {

namespace detail {

inline auto fields(const core::Dataset::Partnership& x) {
    return std::tie(x.id);
}
inline auto fields(const core::Dataset::Place& x) {
    return std::tie(x.id, x.partnership, x.support_threshold);
}
inline auto fields(const core::Dataset::Person& x) {
    return std::tie(x.id, x.support_need, x.joined, x.entry_channel);
}
inline auto fields(const core::Dataset::Companion& x) {
    return std::tie(x.person, x.companion, x.partnership, x.from, x.to);
}
inline auto fields(const core::Dataset::Activity& x) {
    return std::tie(x.id, x.place, x.kind, x.initiated_by, x.created);
}
inline auto fields(const core::Dataset::Occurrence& x) {
    return std::tie(x.activity, x.start_day);
}
inline auto fields(const core::Dataset::Participation& x) {
    return std::tie(x.person, x.occurrence, x.role);
}
inline auto fields(const core::Dataset::Visit& x) {
    return std::tie(x.person, x.place, x.day);
}
inline auto fields(const core::Dataset::Relation& x) {
    return std::tie(x.a, x.b, x.since, x.until);
}
inline auto fields(const core::Dataset::Pathway& x) {
    return std::tie(x.person, x.day, x.kind);
}

template <class Record>
std::string difference(const char* name, const std::vector<Record>& x,
                       const std::vector<Record>& y) {
    if (x.size() != y.size()) {
        return std::string(name) + ": " + std::to_string(x.size()) + " records against " +
               std::to_string(y.size());
    }
    for (size_t i = 0; i < x.size(); ++i) {
        if (fields(x[i]) != fields(y[i])) {
            return std::string(name) + "[" + std::to_string(i) + "] differs";
        }
    }
    return "";
}

}  // namespace detail

// "" when `x` and `y` hold the same records in the same order; otherwise where they first
// differ, e.g. "participations[12] differs".
inline std::string dataset_difference(const core::Dataset& x, const core::Dataset& y) {
    using detail::difference;
    for (const std::string& d :
         {difference("partnerships", x.partnerships, y.partnerships),
          difference("places", x.places, y.places), difference("people", x.people, y.people),
          difference("companions", x.companions, y.companions),
          difference("activities", x.activities, y.activities),
          difference("occurrences", x.occurrences, y.occurrences),
          difference("participations", x.participations, y.participations),
          difference("visits", x.visits, y.visits),
          difference("relations", x.relations, y.relations),
          difference("pathways", x.pathways, y.pathways)}) {
        if (!d.empty()) {
            return d;
        }
    }
    return "";
}

}  // namespace samskab::storage
