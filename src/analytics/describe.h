#pragma once

#include <optional>
#include <string>

#include "analytics/figures.h"
#include "analytics/phrases.h"
#include "core/messages.h"

namespace samskab::analytics {

// The words a human-readable report uses for one figure. `k` is the suppression k when the
// report is suppressed (BelowK cells read "fewer than k").

// The value as a short table entry: "120", "30,5 %", "<5", "skjult", "kan ikke beregnes".
std::string describe_value(const Cell& cell, core::Lang lang, std::optional<int> k);

// The figure in a plain sentence, without label or final full stop, e.g.
// "120 personer deltog i mindst én aktivitet eller kom i huset", or why it is not shown.
std::string describe_meaning(const Cell& cell, core::Lang lang, std::optional<int> k);

// The change from the same figure of the previous slice: "+12 siden forrige periode",
// "op fra 30 % til 66 %", "uændret siden forrige periode"; empty when either value is
// undefined or hidden, since then there is nothing a reader may compare.
std::string describe_change(const Cell& before, const Cell& after, core::Lang lang);

// The section a figure is listed under.
Section section_of(const Cell& cell);

}  // namespace samskab::analytics
