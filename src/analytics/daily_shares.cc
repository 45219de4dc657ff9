#include "analytics/daily_shares.h"

#include <algorithm>
#include <tuple>

namespace samskab::analytics {

std::vector<PlaceDayShare> daily_shares(const core::Dataset& data, const ResolvedScope& scope,
                                        Period period) {
    struct Use {
        core::Dataset::Index place;
        core::Day day;
        core::Dataset::Index person;
        bool operator<(const Use& other) const {
            return std::tie(place, day, person) < std::tie(other.place, other.day, other.person);
        }
        bool operator==(const Use& other) const = default;
    };
    auto in_period = [&](core::Day day) { return period.from <= day && day <= period.to; };
    std::vector<Use> uses;
    for (const auto& participation : data.participations) {
        const auto& occurrence = data.occurrences[participation.occurrence];
        const auto place = data.activities[occurrence.activity].place;
        if (scope.places[place] && in_period(occurrence.start_day)) {
            uses.push_back({place, occurrence.start_day, participation.person});
        }
    }
    for (const auto& visit : data.visits) {
        if (scope.places[visit.place] && in_period(visit.day)) {
            uses.push_back({visit.place, visit.day, visit.person});
        }
    }
    // A person counts once per place-day however many visits and participations they had.
    std::sort(uses.begin(), uses.end());
    uses.erase(std::unique(uses.begin(), uses.end()), uses.end());

    std::vector<PlaceDayShare> days;
    for (size_t i = 0; i < uses.size();) {
        PlaceDayShare row{uses[i].place, uses[i].day};
        for (; i < uses.size() && uses[i].place == row.place && uses[i].day == row.day; ++i) {
            ++row.users;
            row.support_users += data.people[uses[i].person].support_need ? 1 : 0;
        }
        row.share = static_cast<double>(row.support_users) / row.users;
        row.over_threshold = row.share > data.places[row.place].support_threshold;
        days.push_back(row);
    }
    return days;
}

}  // namespace samskab::analytics
