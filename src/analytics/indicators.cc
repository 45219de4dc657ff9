#include "analytics/indicators.h"

#include <algorithm>
#include <bit>

namespace samskab::analytics {

namespace {

// Per-person marks of one `compute` call.
constexpr std::uint8_t PARTICIPANT = 1;
constexpr std::uint8_t VOLUNTEER = 2;
constexpr std::uint8_t COHORT = 4;
constexpr std::uint8_t REACHED = 8;

constexpr std::uint8_t role_bit(core::Role role) {
    return std::uint8_t(1u << int(role));
}

bool is_volunteer_role(std::int8_t role) {
    const auto r = static_cast<core::Role>(role);
    return r == core::Role::Initiator || r == core::Role::Host || r == core::Role::Active;
}

}  // namespace

Share ratio(std::int64_t numerator, std::int64_t denominator) {
    Share share{std::nullopt, numerator, denominator};
    if (denominator != 0) {
        share.value = static_cast<double>(numerator) / static_cast<double>(denominator);
    }
    return share;
}

Indicators IndicatorEngine::compute(Period period) const {
    Indicators out;
    std::vector<std::uint8_t> flags(m_data->people.size(), 0);
    compute_participation(period, out, flags);
    compute_bridging(period, out, flags);
    compute_occurrences(period, out);
    compute_daily(period, out);
    compute_reach(period, out, flags);
    compute_dated(period, out);
    return out;
}

void IndicatorEngine::compute_participation(Period period, Indicators& out,
                                            std::vector<std::uint8_t>& flags) const {
    const size_t people = m_data->people.size();
    std::vector<Index> participants;
    // Participations and roles of the support-needing people who took part.
    std::vector<std::uint32_t> taken(people, 0);
    std::vector<std::uint8_t> roles(people, 0);
    std::vector<Index> supported;
    for (const Event& event : day_range(m_events, period.from, period.to)) {
        const Index person = event.person;
        if (!(flags[person] & PARTICIPANT)) {
            flags[person] |= PARTICIPANT;
            participants.push_back(person);
        }
        if (event.role < 0) {
            continue;
        }
        ++out.participations;
        if (m_support[person]) {
            ++out.support_participations;
            if (taken[person]++ == 0) {
                supported.push_back(person);
            }
            roles[person] |= role_bit(static_cast<core::Role>(event.role));
        }
        if (is_volunteer_role(event.role) && !(flags[person] & VOLUNTEER)) {
            flags[person] |= VOLUNTEER;
            ++out.volunteers;
        }
    }

    std::int64_t support_participants = 0;
    for (const Index person : participants) {
        const auto& record = m_data->people[person];
        support_participants += m_support[person];
        if (record.entry_channel >= 0 && record.joined != core::NO_DAY &&
            period.from <= record.joined && record.joined <= period.to) {
            ++out.entry_channels[static_cast<size_t>(record.entry_channel)];
        }
    }
    out.participants = static_cast<std::int64_t>(participants.size());
    out.support_share = ratio(support_participants, out.participants);
    out.support_participation_share = ratio(out.support_participations, out.participations);

    std::int64_t flexible = 0;
    std::int64_t repeat = 0;
    std::int64_t initiators = 0;
    for (const Index person : supported) {
        if (taken[person] >= 2) {
            ++repeat;
            flexible += std::popcount(roles[person]) >= 2 ? 1 : 0;
        }
        initiators += (roles[person] & role_bit(core::Role::Initiator)) ? 1 : 0;
    }
    out.roles.flexible_share = ratio(flexible, repeat);
    out.roles.initiator_share = ratio(initiators, static_cast<std::int64_t>(supported.size()));
}

void IndicatorEngine::compute_bridging(Period period, Indicators& out,
                                       const std::vector<std::uint8_t>& flags) const {
    // `counted_for[q] == p + 1` once q has been counted as a contact of p, so that a pair
    // related in two periods that both overlap P counts once.
    std::vector<Index> counted_for(m_data->people.size(), 0);
    std::int64_t mostly_bridging = 0;
    std::int64_t support_contacts = 0;
    double ei_sum = 0.0;
    for (size_t p = 0; p < flags.size(); ++p) {
        if (!(flags[p] & PARTICIPANT) || !m_support[p]) {
            continue;
        }
        std::int64_t contacts = 0;
        std::int64_t needing = 0;
        std::int64_t companioned = 0;
        for (const Contact& contact : m_contacts.of(p)) {
            const Index q = contact.other;
            if (contact.since > period.to || contact.until < period.from ||
                static_cast<size_t>(q) == p || !(flags[q] & PARTICIPANT) ||
                counted_for[q] == static_cast<Index>(p) + 1) {
                continue;
            }
            counted_for[q] = static_cast<Index>(p) + 1;
            ++contacts;
            needing += m_support[q];
            companioned += companioned_on(q, period.to) ? 1 : 0;
        }
        if (contacts == 0) {
            continue;
        }
        ++out.bridging.focus;
        mostly_bridging += 2 * companioned <= contacts ? 1 : 0;
        support_contacts += needing;
        const std::int64_t external = contacts - needing;
        ei_sum += static_cast<double>(external - needing) / static_cast<double>(contacts);
    }
    out.bridging.mostly_bridging_share = ratio(mostly_bridging, out.bridging.focus);
    out.bridging.mean_ei = {std::nullopt, support_contacts, out.bridging.focus};
    if (out.bridging.focus > 0) {
        out.bridging.mean_ei.value = ei_sum / static_cast<double>(out.bridging.focus);
    }
}

void IndicatorEngine::compute_occurrences(Period period, Indicators& out) const {
    std::vector<std::uint8_t> active(m_data->activities.size(), 0);
    std::vector<std::int32_t> sizes;
    std::int64_t with_support = 0;
    for (const OccurrenceRow& row : day_range(m_occurrences, period.from, period.to)) {
        ++out.occurrences;
        with_support += row.has_support ? 1 : 0;
        if (!active[row.activity]) {
            active[row.activity] = 1;
            ++out.activities_active;
        }
        if (row.cause) {
            sizes.push_back(row.size);
        }
    }
    out.occurrences_with_support_share = ratio(with_support, out.occurrences);
    if (!sizes.empty()) {
        std::sort(sizes.begin(), sizes.end());
        const size_t n = sizes.size();
        out.meetings.size_min = sizes.front();
        out.meetings.size_max = sizes.back();
        out.meetings.size_median =
            n % 2 == 1 ? sizes[n / 2] : (sizes[n / 2 - 1] + sizes[n / 2]) / 2.0;
    }
}

void IndicatorEngine::compute_daily(Period period, Indicators& out) const {
    double share_sum = 0.0;
    std::int64_t support_users = 0;
    const PlaceDay* highest = nullptr;
    double highest_share = -1.0;
    for (const PlaceDay& row : day_range(m_place_days, period.from, period.to)) {
        const double share = static_cast<double>(row.support_users) / row.users;
        ++out.daily.days;
        share_sum += share;
        support_users += row.support_users;
        if (share > highest_share || (share == highest_share && row.users > highest->users)) {
            highest = &row;
            highest_share = share;
        }
        if (share > m_data->places[row.place].support_threshold) {
            ++out.daily.days_over_threshold;
        }
    }
    out.daily.mean_support_share = {std::nullopt, support_users, out.daily.days};
    if (highest != nullptr) {
        out.daily.mean_support_share.value = share_sum / static_cast<double>(out.daily.days);
        out.daily.max_support_share = ratio(highest->support_users, highest->users);
    }
}

void IndicatorEngine::compute_reach(Period period, Indicators& out,
                                    std::vector<std::uint8_t>& flags) const {
    for (const LinkSpan& link : m_scope_links) {
        const core::Day from = std::max(link.from, period.from);
        const core::Day to = std::min(link.to, period.to);
        if (from > to) {
            continue;
        }
        std::uint8_t& mark = flags[link.person];
        if (!(mark & COHORT)) {
            mark |= COHORT;
            ++out.reach.cohort;
        }
        if (!(mark & REACHED) && active_between(link.person, from, to)) {
            mark |= REACHED;
            ++out.reach.reached;
        }
    }
    out.reach.share = ratio(out.reach.reached, out.reach.cohort);
}

void IndicatorEngine::compute_dated(Period period, Indicators& out) const {
    const auto first = std::lower_bound(m_initiatives.begin(), m_initiatives.end(), period.from);
    const auto last = std::upper_bound(first, m_initiatives.end(), period.to);
    out.initiatives_by_support = last - first;
    for (const DatedKind& pathway : day_range(m_pathways, period.from, period.to)) {
        ++out.pathways[pathway.kind];
    }
}

bool IndicatorEngine::active_between(Index person, core::Day from, core::Day to) const {
    const auto days = m_active_days.of(static_cast<size_t>(person));
    const auto first = std::lower_bound(days.begin(), days.end(), from);
    return first != days.end() && *first <= to;
}

bool IndicatorEngine::companioned_on(Index person, core::Day day) const {
    for (const LinkSpan& link : m_links.of(static_cast<size_t>(person))) {
        if (link.from <= day && day <= link.to) {
            return true;
        }
    }
    return false;
}

Indicators compute_indicators(const core::Dataset& data, const ResolvedScope& scope,
                              Period period) {
    return IndicatorEngine(data, scope).compute(period);
}

}  // namespace samskab::analytics
