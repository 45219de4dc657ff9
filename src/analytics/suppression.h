#pragma once

#include <array>
#include <string_view>
#include <vector>

#include "analytics/figures.h"

namespace samskab::analytics {

inline constexpr int DEFAULT_SUPPRESSION_K = 5;

// The groups whose cells partition a population that another figure may total (entry channels
// of the new participants, pathways), so a hidden cell could be recovered by subtraction.
inline constexpr std::array<std::string_view, 2> COMPLEMENTARY_GROUPS = {"entry_channels",
                                                                         "pathways"};

// Small-cell suppression of one report's cells (INDICATORS.md), in place. Precondition: k >= 1.
//  1. A defined count or meeting size below k becomes BelowK (shown as "<k"); 0 included.
//  2. A share or mean whose numerator or denominator is below k becomes Hidden (null), also
//     when it is undefined, since a zero denominator is itself a small cell.
//  3. Complementary suppression: in each group of COMPLEMENTARY_GROUPS with a hidden cell, the
//     smallest shown cell (the first on a tie) becomes Hidden until at least two cells are hidden
//     and the hidden cells sum to at least k, or every cell is hidden.
// After this, within such a group no hidden cell equals a shown total minus shown cells, and
// every shown share rests on at least k people or records on both sides.
void suppress(std::vector<Cell>& cells, int k);

// Whether the cell's value is withheld (BelowK or Hidden).
inline bool is_hidden(const Cell& cell) {
    return cell.visibility != Visibility::Shown;
}

}  // namespace samskab::analytics
