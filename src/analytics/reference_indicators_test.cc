// The engine against a literal, slow reading of INDICATORS.md, over random datasets, scopes and
// periods. The reference uses sets and full scans only, so that an indexing shortcut in the
// engine that changes a result shows up here.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "analytics/indicators.h"
#include "analytics/period.h"
#include "analytics/random_dataset.h"

namespace samskab::analytics {
namespace {

using core::Day;
using Index = core::Dataset::Index;

struct Reference {
    const core::Dataset& d;
    const ResolvedScope& s;
    Period p;

    bool in_p(Day day) const { return p.from <= day && day <= p.to; }
    Index place_of(Index occurrence) const {
        return d.activities[d.occurrences[occurrence].activity].place;
    }
    bool occurrence_in(Index o) const {
        return s.places[place_of(o)] && in_p(d.occurrences[o].start_day);
    }
    bool support(Index person) const { return d.people[person].support_need; }

    // Days with a participation or visit in scope, any time.
    std::vector<Day> event_days(Index person) const {
        std::vector<Day> days;
        for (const auto& part : d.participations) {
            if (part.person == person && s.places[place_of(part.occurrence)]) {
                days.push_back(d.occurrences[part.occurrence].start_day);
            }
        }
        for (const auto& visit : d.visits) {
            if (visit.person == person && s.places[visit.place]) {
                days.push_back(visit.day);
            }
        }
        return days;
    }

    std::set<Index> participants() const {
        std::set<Index> out;
        for (const auto& part : d.participations) {
            if (occurrence_in(part.occurrence)) {
                out.insert(part.person);
            }
        }
        for (const auto& visit : d.visits) {
            if (s.places[visit.place] && in_p(visit.day)) {
                out.insert(visit.person);
            }
        }
        return out;
    }

    Indicators compute() const {
        Indicators out;
        const auto who = participants();
        out.participants = static_cast<std::int64_t>(who.size());
        const auto needing =
            std::count_if(who.begin(), who.end(), [&](Index q) { return support(q); });
        out.support_share = ratio(needing, out.participants);
        std::map<Index, std::vector<core::Role>> roles;
        std::set<Index> volunteers;
        for (const auto& part : d.participations) {
            if (!occurrence_in(part.occurrence)) {
                continue;
            }
            ++out.participations;
            if (support(part.person)) {
                ++out.support_participations;
                roles[part.person].push_back(part.role);
            }
            if (part.role == core::Role::Initiator || part.role == core::Role::Host ||
                part.role == core::Role::Active) {
                volunteers.insert(part.person);
            }
        }
        out.support_participation_share = ratio(out.support_participations, out.participations);
        out.volunteers = static_cast<std::int64_t>(volunteers.size());
        std::int64_t repeat = 0, flexible = 0, initiators = 0;
        for (const auto& [person, held] : roles) {
            const std::set<core::Role> distinct(held.begin(), held.end());
            if (held.size() >= 2) {
                ++repeat;
                flexible += distinct.size() >= 2;
            }
            initiators += distinct.count(core::Role::Initiator);
        }
        out.roles.flexible_share = ratio(flexible, repeat);
        out.roles.initiator_share = ratio(initiators, static_cast<std::int64_t>(roles.size()));
        daily(out);
        reach(out);
        occurrences(out);
        for (const Index q : who) {
            const auto& person = d.people[q];
            if (person.entry_channel >= 0 && person.joined != core::NO_DAY && in_p(person.joined)) {
                ++out.entry_channels[person.entry_channel];
            }
        }
        bridging(out, who);
        for (const auto& activity : d.activities) {
            if (s.places[activity.place] && activity.kind != core::ActivityKind::Fixed &&
                activity.initiated_by != core::Dataset::NONE && support(activity.initiated_by) &&
                in_p(activity.created)) {
                ++out.initiatives_by_support;
            }
        }
        for (const auto& pathway : d.pathways) {
            const auto days = event_days(pathway.person);
            if (in_p(pathway.day) &&
                std::any_of(days.begin(), days.end(), [&](Day x) { return x <= pathway.day; })) {
                ++out.pathways[static_cast<size_t>(pathway.kind)];
            }
        }
        return out;
    }

    void daily(Indicators& out) const {
        std::map<std::pair<Index, Day>, std::set<Index>> users;
        for (const auto& part : d.participations) {
            if (occurrence_in(part.occurrence)) {
                users[{place_of(part.occurrence), d.occurrences[part.occurrence].start_day}].insert(
                    part.person);
            }
        }
        for (const auto& visit : d.visits) {
            if (s.places[visit.place] && in_p(visit.day)) {
                users[{visit.place, visit.day}].insert(visit.person);
            }
        }
        double sum = 0;
        std::int64_t support_users = 0;
        std::int64_t best_num = 0, best_den = 0;
        double best = -1;
        for (const auto& [key, set] : users) {
            const auto sup =
                std::count_if(set.begin(), set.end(), [&](Index q) { return support(q); });
            const double share = double(sup) / double(set.size());
            ++out.daily.days;
            sum += share;
            support_users += sup;
            if (share > best || (share == best && std::int64_t(set.size()) > best_den)) {
                best = share;
                best_num = sup;
                best_den = std::int64_t(set.size());
            }
            out.daily.days_over_threshold += share > d.places[key.first].support_threshold;
        }
        out.daily.mean_support_share = {std::nullopt, support_users, out.daily.days};
        if (out.daily.days > 0) {
            out.daily.mean_support_share.value = sum / double(out.daily.days);
            out.daily.max_support_share = ratio(best_num, best_den);
        }
    }

    void reach(Indicators& out) const {
        for (Index person = 0; person < Index(d.people.size()); ++person) {
            bool cohort = false, reached = false;
            for (const auto& link : d.companions) {
                if (link.person != person || !s.partnerships[link.partnership] ||
                    link.from > p.to || link.to < p.from) {
                    continue;
                }
                cohort = true;
                for (const Day x : event_days(person)) {
                    reached = reached || (in_p(x) && link.from <= x && x <= link.to);
                }
            }
            out.reach.cohort += cohort;
            out.reach.reached += reached;
        }
        out.reach.share = ratio(out.reach.reached, out.reach.cohort);
    }

    void occurrences(Indicators& out) const {
        std::set<Index> activities;
        std::vector<std::int64_t> sizes;
        std::int64_t with_support = 0;
        for (Index o = 0; o < Index(d.occurrences.size()); ++o) {
            if (!occurrence_in(o)) {
                continue;
            }
            ++out.occurrences;
            activities.insert(d.occurrences[o].activity);
            std::int64_t size = 0;
            bool supported = false;
            for (const auto& part : d.participations) {
                if (part.occurrence == o) {
                    ++size;
                    supported = supported || support(part.person);
                }
            }
            with_support += supported;
            if (d.activities[d.occurrences[o].activity].kind == core::ActivityKind::Cause) {
                sizes.push_back(size);
            }
        }
        out.occurrences_with_support_share = ratio(with_support, out.occurrences);
        out.activities_active = static_cast<std::int64_t>(activities.size());
        if (!sizes.empty()) {
            std::sort(sizes.begin(), sizes.end());
            const size_t n = sizes.size();
            out.meetings.size_min = sizes.front();
            out.meetings.size_max = sizes.back();
            out.meetings.size_median =
                n % 2 ? double(sizes[n / 2]) : (sizes[n / 2 - 1] + sizes[n / 2]) / 2.0;
        }
    }

    bool companioned_on_to(Index person) const {
        return std::any_of(d.companions.begin(), d.companions.end(), [&](const auto& link) {
            return link.person == person && link.from <= p.to && p.to <= link.to;
        });
    }

    void bridging(Indicators& out, const std::set<Index>& who) const {
        std::int64_t bridging = 0, support_contacts = 0;
        double ei = 0;
        for (const Index f : who) {
            if (!support(f)) {
                continue;
            }
            std::set<Index> contacts;
            for (const auto& r : d.relations) {
                if (r.since > p.to || r.until < p.from) {
                    continue;
                }
                const Index other = r.a == f ? r.b : r.b == f ? r.a : core::Dataset::NONE;
                if (other != core::Dataset::NONE && other != f && who.count(other)) {
                    contacts.insert(other);
                }
            }
            if (contacts.empty()) {
                continue;
            }
            ++out.bridging.focus;
            std::int64_t companioned = 0, internal = 0;
            for (const Index q : contacts) {
                companioned += companioned_on_to(q);
                internal += support(q);
            }
            const auto n = std::int64_t(contacts.size());
            bridging += double(companioned) / double(n) <= 0.5;
            support_contacts += internal;
            ei += double((n - internal) - internal) / double(n);
        }
        out.bridging.mostly_bridging_share = ratio(bridging, out.bridging.focus);
        out.bridging.mean_ei = {std::nullopt, support_contacts, out.bridging.focus};
        if (out.bridging.focus > 0) {
            out.bridging.mean_ei.value = ei / double(out.bridging.focus);
        }
    }
};

void expect_share(const Share& engine, const Share& reference, const char* name) {
    SCOPED_TRACE(name);
    EXPECT_EQ(engine.numerator, reference.numerator);
    EXPECT_EQ(engine.denominator, reference.denominator);
    ASSERT_EQ(engine.value.has_value(), reference.value.has_value());
    if (engine.value) {
        EXPECT_NEAR(*engine.value, *reference.value, 1e-12);
    }
}

void expect_equal(const Indicators& e, const Indicators& r) {
    EXPECT_EQ(e.participants, r.participants);
    expect_share(e.support_share, r.support_share, "support_share");
    EXPECT_EQ(e.participations, r.participations);
    EXPECT_EQ(e.support_participations, r.support_participations);
    expect_share(e.support_participation_share, r.support_participation_share, "sps");
    EXPECT_EQ(e.daily.days, r.daily.days);
    expect_share(e.daily.mean_support_share, r.daily.mean_support_share, "daily.mean");
    expect_share(e.daily.max_support_share, r.daily.max_support_share, "daily.max");
    EXPECT_EQ(e.daily.days_over_threshold, r.daily.days_over_threshold);
    EXPECT_EQ(e.reach.cohort, r.reach.cohort);
    EXPECT_EQ(e.reach.reached, r.reach.reached);
    expect_share(e.reach.share, r.reach.share, "reach.share");
    EXPECT_EQ(e.occurrences, r.occurrences);
    expect_share(e.occurrences_with_support_share, r.occurrences_with_support_share, "owss");
    EXPECT_EQ(e.initiatives_by_support, r.initiatives_by_support);
    EXPECT_EQ(e.volunteers, r.volunteers);
    EXPECT_EQ(e.activities_active, r.activities_active);
    EXPECT_EQ(e.entry_channels, r.entry_channels);
    expect_share(e.roles.flexible_share, r.roles.flexible_share, "roles.flexible");
    expect_share(e.roles.initiator_share, r.roles.initiator_share, "roles.initiator");
    EXPECT_EQ(e.bridging.focus, r.bridging.focus);
    expect_share(e.bridging.mostly_bridging_share, r.bridging.mostly_bridging_share, "bridging");
    expect_share(e.bridging.mean_ei, r.bridging.mean_ei, "mean_ei");
    EXPECT_EQ(e.meetings.size_min, r.meetings.size_min);
    EXPECT_EQ(e.meetings.size_median, r.meetings.size_median);
    EXPECT_EQ(e.meetings.size_max, r.meetings.size_max);
    EXPECT_EQ(e.pathways, r.pathways);
}

ResolvedScope random_scope(const core::Dataset& data, std::mt19937& rng) {
    ResolvedScope scope{std::vector<std::uint8_t>(data.places.size(), 1),
                        std::vector<std::uint8_t>(data.partnerships.size(), 1)};
    switch (rng() % 3) {
        case 0:
            return scope;
        case 1: {  // one place
            const size_t place = rng() % data.places.size();
            std::fill(scope.places.begin(), scope.places.end(), 0);
            std::fill(scope.partnerships.begin(), scope.partnerships.end(), 0);
            scope.places[place] = 1;
            scope.partnerships[data.places[place].partnership] = 1;
            return scope;
        }
        default: {  // one partnership
            const size_t partnership = rng() % data.partnerships.size();
            for (size_t i = 0; i < data.places.size(); ++i) {
                scope.places[i] = data.places[i].partnership == Index(partnership);
            }
            std::fill(scope.partnerships.begin(), scope.partnerships.end(), 0);
            scope.partnerships[partnership] = 1;
            return scope;
        }
    }
}

TEST(ReferenceIndicators, EngineMatchesTheDefinitionsOnRandomData) {
    for (unsigned seed = 1; seed <= 40; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        const core::Dataset data = testing::random_dataset(seed);
        std::mt19937 rng(seed * 7919);
        const ResolvedScope scope = random_scope(data, rng);
        const IndicatorEngine engine(data, scope);
        const Day from = testing::random_epoch() + Day(rng() % 420) - 10;
        const Day to = from + Day(rng() % 200);
        // The whole period and its months, so that slice edges are exercised too.
        std::vector<Period> periods = slice_period({from, to}, SliceBy::Month);
        periods.push_back({from, to});
        for (const Period& period : periods) {
            SCOPED_TRACE(core::format_date(period.from) + ".." + core::format_date(period.to));
            expect_equal(engine.compute(period), Reference{data, scope, period}.compute());
        }
    }
}

}  // namespace
}  // namespace samskab::analytics
