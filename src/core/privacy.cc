#include "core/privacy.h"

#include <algorithm>

namespace samskab::core {

bool consents_to(const Consents& consents, Purpose purpose) {
    switch (purpose) {
        case Purpose::SupportNeed:
            return consents.support_need;
        case Purpose::Pathways:
            return consents.pathways;
        case Purpose::Companion:
            return consents.companion;
        case Purpose::Statistics:
            return consents.statistics;
    }
    return false;
}

Dataset leave_out_people(const Dataset& dataset, const std::vector<bool>& left_out) {
    using Index = Dataset::Index;
    auto out_of = [&](Index person) {
        return person >= 0 && static_cast<std::size_t>(person) < left_out.size() &&
               left_out[static_cast<std::size_t>(person)];
    };
    Dataset d;
    d.partnerships = dataset.partnerships;
    d.places = dataset.places;
    std::vector<Index> renumbered(dataset.people.size(), Dataset::NONE);
    for (std::size_t i = 0; i < dataset.people.size(); ++i) {
        if (!out_of(static_cast<Index>(i))) {
            renumbered[i] = static_cast<Index>(d.people.size());
            d.people.push_back(dataset.people[i]);
        }
    }
    auto person = [&](Index index) {
        return index == Dataset::NONE ? Dataset::NONE : renumbered[static_cast<std::size_t>(index)];
    };
    for (const Dataset::Companion& link : dataset.companions) {
        if (!out_of(link.person) && !out_of(link.companion)) {
            Dataset::Companion kept = link;
            kept.person = person(link.person);
            kept.companion = person(link.companion);
            d.companions.push_back(kept);
        }
    }
    d.activities = dataset.activities;
    for (Dataset::Activity& activity : d.activities) {
        activity.initiated_by = person(activity.initiated_by);
    }
    d.occurrences = dataset.occurrences;
    for (const Dataset::Participation& p : dataset.participations) {
        if (!out_of(p.person)) {
            d.participations.push_back({person(p.person), p.occurrence, p.role});
        }
    }
    for (const Dataset::Visit& v : dataset.visits) {
        if (!out_of(v.person)) {
            d.visits.push_back({person(v.person), v.place, v.day});
        }
    }
    for (const Dataset::Relation& r : dataset.relations) {
        if (!out_of(r.a) && !out_of(r.b)) {
            d.relations.push_back({person(r.a), person(r.b), r.since, r.until});
        }
    }
    for (const Dataset::Pathway& p : dataset.pathways) {
        if (!out_of(p.person)) {
            d.pathways.push_back({person(p.person), p.day, p.kind});
        }
    }
    return d;
}

Day months_before(Day day, int months) {
    Civil civil = civil_from_days(day);
    int total = civil.year * 12 + (civil.month - 1) - months;
    int year = total / 12;
    int month = total % 12 + 1;
    static constexpr int LENGTHS[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int last = LENGTHS[month - 1] + (month == 2 && leap ? 1 : 0);
    return days_from_civil(year, month, std::min(civil.day, last));
}

std::string_view lookup_purpose(std::string_view action, std::string_view detail) {
    if (action == "login" || action == "login_failed") {
        return "login";
    }
    if (action == "export") {
        return "export";
    }
    // The path's area says why; the API's paths are the pages' under /api/v1.
    const auto space = detail.find(' ');
    std::string_view path = space == std::string_view::npos ? detail : detail.substr(space + 1);
    if (path.rfind("/api/v1/", 0) == 0) {
        path.remove_prefix(7);
    }
    auto starts = [&](std::string_view prefix) { return path.rfind(prefix, 0) == 0; };
    if (starts("/coordinator") || starts("/occurrences") || starts("/people")) {
        return "coordination";
    }
    if (starts("/host")) {
        return "hosting";
    }
    if (starts("/companion")) {
        return "companion";
    }
    return "other";
}

}  // namespace samskab::core
