#pragma once

#include <vector>

#include "core/bundle.h"
#include "core/logbook_store.h"

namespace samskab::demo {

// A sample logbook of the demo: the template and entries written with its first version.
struct DemoLogbook {
    core::NewLogbookTemplate logbook;
    std::vector<core::LogbookEntry> entries;
};

// One logbook per partnership of the booklet, adapted to its activity: INSP!'s introduction of
// young people with a youth guide, Sager der Samler's cause meetings, and Vimby's volunteer
// shifts. Entries once a fortnight over 2016-2018, the people present taken from the visits of
// `bundle` (demo_bundle()) that day. The same on every call. Ids: "lt-insp-intro",
// "lt-sager-moede", "lt-vimby-vagt".
std::vector<DemoLogbook> demo_logbooks(const core::Bundle& bundle);

}  // namespace samskab::demo
