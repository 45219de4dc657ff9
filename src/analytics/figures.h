#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "analytics/indicators.h"

namespace samskab::analytics {

// How a figure is read, which decides its rendering and its suppression.
enum class CellKind : std::uint8_t {
    Count,  // a whole number of people, records or days
    Share,  // in [0, 1], shown as a percentage
    Index,  // the E-I index, in [-1, 1]
    Size,   // a meeting size: a count, but a median may end in .5
};

enum class Visibility : std::uint8_t {
    Shown,
    BelowK,  // a count below k, shown as "<k"
    Hidden,  // a share with a small numerator or denominator, or a complementary cell: null
};

// One figure of a report: a dotted key of INDICATORS.md with its value and the counts behind it.
struct Cell {
    std::string_view key;
    CellKind kind = CellKind::Count;
    std::optional<double> value;  // nullopt when undefined (denominator 0, no meeting)
    std::int64_t numerator = 0;   // shares and means only (see Indicators)
    std::int64_t denominator = 0;
    Visibility visibility = Visibility::Shown;
};

// The dotted keys of every figure, in report order (the order of the JSON object and the CSV
// columns). Keys with a dot belong to the group named before it.
inline constexpr std::array<std::string_view, 36> FIGURE_KEYS = {
    "participants",
    "support_share",
    "participations",
    "support_participations",
    "support_participation_share",
    "daily.days",
    "daily.mean_support_share",
    "daily.max_support_share",
    "daily.days_over_threshold",
    "reach.cohort",
    "reach.reached",
    "reach.share",
    "occurrences",
    "occurrences_with_support_share",
    "initiatives_by_support",
    "volunteers",
    "activities_active",
    "entry_channels.companion",
    "entry_channels.host",
    "entry_channels.coordinator",
    "entry_channels.network",
    "entry_channels.outreach",
    "entry_channels.self",
    "roles.flexible_share",
    "roles.initiator_share",
    "bridging.focus",
    "bridging.mostly_bridging_share",
    "bridging.mean_ei",
    "meetings.size_min",
    "meetings.size_median",
    "meetings.size_max",
    "pathways.job",
    "pathways.education",
    "pathways.association",
    "pathways.internship",
    "pathways.volunteering",
};

// The figures of `indicators`, one cell per FIGURE_KEYS entry in that order, all Shown.
std::vector<Cell> flatten(const Indicators& indicators);

// The group of a dotted key ("daily" for "daily.days"), empty for a top-level key.
std::string_view group_of(std::string_view key);

// The name within its group ("days" for "daily.days"; the key itself when top-level).
std::string_view name_of_key(std::string_view key);

}  // namespace samskab::analytics
