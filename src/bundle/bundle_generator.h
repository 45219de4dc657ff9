#pragma once

#include <cstddef>
#include <cstdint>

#include "core/bundle.h"

namespace samskab::bundle {

struct GeneratorOptions {
    // Exactly this many people are generated; about 3 % of them are municipal staff who act as
    // companions (følgepersoner), the rest are participants.
    std::size_t people = 1000;
    std::uint64_t seed = 1;
    int first_year = 2016;
    // Length of the recorded period in whole calendar years; values below 1 count as 1.
    int years = 3;
};

// A synthetic partnership bundle of realistic shape, for benchmarks, load tests and demos.
//
// The same options give the same bundle on every platform and standard library: all randomness
// comes from a fixed PRNG and plain arithmetic, never from std distributions or libm.
//
// The result is valid for import (BUNDLE.md): ids are unique and every reference resolves;
// support_need is only set together with consent.support_need; every date lies in
// [first_year-01-01, last year-12-31] except `joined`, which may be earlier; no occurrence is
// before its activity's `created` day, nobody takes part before `joined`, a pair of people has
// at most one relation, and every cause meeting has 2 to 30 participants.
//
// Size grows linearly with `people`: one partnership per ~5,000 people (at least 2), and per
// person about 25 participations, 6 visits and 2.5 relations over three years (people = 50,000
// gives about 1.25 million participations in about a second). From 200 people on every
// collection is non-empty; a tiny `people` gives a valid but sparse bundle.
core::Bundle generate_bundle(const GeneratorOptions& options);

}  // namespace samskab::bundle
