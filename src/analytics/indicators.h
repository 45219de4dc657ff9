#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "analytics/grouping.h"
#include "analytics/report.h"
#include "analytics/scope.h"
#include "core/dataset.h"
#include "core/date.h"
#include "core/vocabulary.h"

namespace samskab::analytics {

// A share or mean together with the counts behind it, which small-cell suppression judges
// (a share is hidden when its numerator or denominator is below k).
struct Share {
    std::optional<double> value;  // nullopt when the denominator is 0
    std::int64_t numerator = 0;
    std::int64_t denominator = 0;
};

// numerator / denominator; undefined (nullopt) when the denominator is 0.
Share ratio(std::int64_t numerator, std::int64_t denominator);

// Every indicator of INDICATORS.md for one scope and period. Shares keep the counts they were
// built from. The three means have no single numerator; they carry the count of support-needing
// units they average over as numerator and the number of units averaged as denominator:
//   daily.mean_support_share: support-needing daily users summed over the place-days / place-days
//   daily.max_support_share:  the maximal place-day's support-needing users / its users (among
//                             place-days with the same maximal share, the one with most users)
//   bridging.mean_ei:         support-needing contacts summed over the focus / focus
struct Indicators {
    std::int64_t participants = 0;
    Share support_share;
    std::int64_t participations = 0;
    std::int64_t support_participations = 0;
    Share support_participation_share;
    struct Daily {
        std::int64_t days = 0;
        Share mean_support_share;
        Share max_support_share;
        std::int64_t days_over_threshold = 0;
    } daily;
    struct Reach {
        std::int64_t cohort = 0;
        std::int64_t reached = 0;
        Share share;
    } reach;
    std::int64_t occurrences = 0;
    Share occurrences_with_support_share;
    std::int64_t initiatives_by_support = 0;
    std::int64_t volunteers = 0;
    std::int64_t activities_active = 0;
    std::array<std::int64_t, core::COUNT<core::EntryChannel>> entry_channels{};
    struct Roles {
        Share flexible_share;
        Share initiator_share;
    } roles;
    struct Bridging {
        std::int64_t focus = 0;
        Share mostly_bridging_share;
        Share mean_ei;
    } bridging;
    // Participations per `cause` occurrence; all nullopt when there is no such occurrence.
    struct Meetings {
        std::optional<std::int64_t> size_min;
        std::optional<double> size_median;
        std::optional<std::int64_t> size_max;
    } meetings;
    std::array<std::int64_t, core::COUNT<core::PathwayKind>> pathways{};
};

// The indicators of one dataset and scope for any number of periods. Construction indexes the
// data once (linear in its size); each `compute` then costs roughly the records inside its period
// plus the scope's companion links, so a report sliced by month stays as cheap as a whole one.
// The engine refers to `data`, which must outlive it. `compute` is const and thread-safe.
class IndicatorEngine {
public:
    IndicatorEngine(const core::Dataset& data, const ResolvedScope& scope);

    // The indicators over `period` (both ends included). Precondition: from <= to.
    Indicators compute(Period period) const;

private:
    using Index = core::Dataset::Index;

    // A participation (role >= 0, on its occurrence's start day) or a visit (role -1) in scope.
    struct Event {
        core::Day day;
        Index place;
        Index person;
        std::int8_t role;
    };
    struct OccurrenceRow {
        core::Day day;
        Index activity;
        std::int32_t size;  // participations
        bool has_support;
        bool cause;
    };
    struct PlaceDay {
        core::Day day;
        Index place;
        std::int32_t users;
        std::int32_t support_users;
    };
    struct LinkSpan {
        Index person;
        core::Day from;
        core::Day to;
    };
    struct Contact {
        Index other;
        core::Day since;
        core::Day until;
    };
    struct DatedKind {
        core::Day day;
        std::uint8_t kind;
    };

    void index_events(const ResolvedScope& scope);
    void index_place_days();
    void index_people(const ResolvedScope& scope);
    void index_activities(const ResolvedScope& scope);

    void compute_participation(Period period, Indicators& out,
                               std::vector<std::uint8_t>& flags) const;
    void compute_bridging(Period period, Indicators& out,
                          const std::vector<std::uint8_t>& flags) const;
    void compute_occurrences(Period period, Indicators& out) const;
    void compute_daily(Period period, Indicators& out) const;
    void compute_reach(Period period, Indicators& out, std::vector<std::uint8_t>& flags) const;
    void compute_dated(Period period, Indicators& out) const;

    bool active_between(Index person, core::Day from, core::Day to) const;
    bool companioned_on(Index person, core::Day day) const;

    const core::Dataset* m_data;
    std::vector<std::uint8_t> m_support;       // by person
    std::vector<Event> m_events;               // by day, then place
    std::vector<OccurrenceRow> m_occurrences;  // in scope, by day
    std::vector<PlaceDay> m_place_days;        // by day
    Grouped<core::Day> m_active_days;          // per person: distinct event days, ascending
    Grouped<LinkSpan> m_links;                 // per person: links of any partnership
    std::vector<LinkSpan> m_scope_links;       // links of the scope's partnerships
    Grouped<Contact> m_contacts;               // per person: relations, both directions
    std::vector<core::Day> m_initiatives;      // creation days of initiatives_by_support
    std::vector<DatedKind> m_pathways;         // pathways that count, by day
};

// One-off computation: IndicatorEngine(data, scope).compute(period).
Indicators compute_indicators(const core::Dataset& data, const ResolvedScope& scope, Period period);

}  // namespace samskab::analytics
