#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/bundle.h"

namespace samskab::demo {

// The demonstration data of `samskab demo`: the three partnerships of the VIVE booklet on
// co-creation (INSP! and Roskilde Kommune, Sager der Samler and Aarhus Kommune, Vimby and
// Aarhus Kommune), with their organisations, places, staff, hosts, youth guides and group-home
// staff as companions, fixed and participant-initiated activities, causes with meetings, shifts,
// relations and pathways, 2016-01-01 to 2018-12-31. Every person is invented.
//
// Contract: the bundle is valid (core::validate_bundle finds nothing), it is the same on every
// call and every platform, and computed by the indicators it reproduces the booklet's central
// results (README, "Demo"; asserted by demo_test.cc). Partnership ids: "insp", "sager", "vimby".
core::Bundle demo_bundle();

// What the demo holds per partnership, for telling the user what was created.
struct PartnershipSummary {
    std::string id;
    std::string name;
    std::size_t places = 0;
    std::size_t people = 0;  // with a participation or visit at its places, or a companion link
    std::size_t activities = 0;
    std::size_t occurrences = 0;
};

// One entry per partnership of `bundle`, in bundle order. Precondition: `bundle` is valid.
std::vector<PartnershipSummary> summarize(const core::Bundle& bundle);

}  // namespace samskab::demo
