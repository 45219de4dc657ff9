#pragma once

#include <cstdint>
#include <vector>

#include "analytics/report.h"
#include "core/dataset.h"
#include "core/messages.h"
#include "core/result.h"

namespace samskab::analytics {

// A Scope resolved against a dataset into what the indicators test records against.
struct ResolvedScope {
    // By place index: 1 when the place is in scope. Participations count when their occurrence's
    // activity's place is in scope; visits when their place is.
    std::vector<std::uint8_t> places;
    // By partnership index: 1 when its companion links form the reach cohort (a place's own
    // partnership, the named partnership, or every partnership when unscoped).
    std::vector<std::uint8_t> partnerships;
};

// Resolves `scope` over `data`.
// Errors: NotFound when the scope names a place or partnership id that `data` does not hold;
// the message, in `lang`, names the command-line field (`--place` or `--partnership`).
core::Result<ResolvedScope> resolve_scope(const core::Dataset& data, const Scope& scope,
                                          core::Lang lang);

}  // namespace samskab::analytics
