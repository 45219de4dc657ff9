#pragma once

// Test support (header-only, used by the *_test.cc files only): the dataset behind the
// renderer tests, small enough to work out every figure by hand.

#include <string>

#include "analytics/report.h"
#include "analytics/test_bundle.h"

namespace samskab::analytics::testing {

// Partnership "insp" with one place whose id needs escaping in HTML: `hus<&>"`.
//   January 2017: n0..n6 and s0..s2 (need support) visit on 10 January: 10 participants, 30 %
//     needing support; n0..n6 joined on 1 January via network, s0..s2 via companion. A cause
//     meeting on 20 January with n0 and s0 (2 participations).
//   February 2017: n0..n4 and s0..s9 visit on 10 February: 15 participants, 10 of them (66,7 %)
//     needing support; s3..s9 joined on 1 February via the coordinator.
// Over both months: 17 participants, 10 needing support.
inline const char* SAMPLE_PLACE = "hus<&>\"";

inline core::Dataset sample_dataset() {
    BundleBuilder b;
    b.partnership("insp").place(SAMPLE_PLACE, "insp");
    for (int i = 0; i < 7; ++i) {
        b.person("n" + std::to_string(i), false, "2017-01-01", core::EntryChannel::Network);
    }
    for (int i = 0; i < 10; ++i) {
        b.person("s" + std::to_string(i), true, i < 3 ? "2017-01-01" : "2017-02-01",
                 i < 3 ? core::EntryChannel::Companion : core::EntryChannel::Coordinator);
    }
    for (int i = 0; i < 7; ++i) {
        b.visit("n" + std::to_string(i), SAMPLE_PLACE, "2017-01-10");
    }
    for (int i = 0; i < 3; ++i) {
        b.visit("s" + std::to_string(i), SAMPLE_PLACE, "2017-01-10");
    }
    for (int i = 0; i < 5; ++i) {
        b.visit("n" + std::to_string(i), SAMPLE_PLACE, "2017-02-10");
    }
    for (int i = 0; i < 10; ++i) {
        b.visit("s" + std::to_string(i), SAMPLE_PLACE, "2017-02-10");
    }
    b.activity("sag", SAMPLE_PLACE, core::ActivityKind::Cause, "2017-01-01");
    b.occurrence("m1", "sag", "2017-01-20").participation("n0", "m1").participation("s0", "m1");
    return b.dataset();
}

inline ReportRequest sample_request(Format format, core::Lang lang = core::Lang::Da,
                                    SliceBy by = SliceBy::None) {
    ReportRequest request;
    request.period = {day("2017-01-01"), day("2017-02-28")};
    request.format = format;
    request.lang = lang;
    request.by = by;
    return request;
}

}  // namespace samskab::analytics::testing
