#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/bundle.h"
#include "core/date.h"
#include "core/vocabulary.h"

namespace samskab::core {

// A partnership's recorded data in the compact form the analytics compute on: references are
// dense indices into the other vectors, dates are day numbers, open ends are DAY_MAX. It is
// what a store loads for a report and what `make_dataset` builds from a bundle, so the
// analytics can be tested without a database and the store tested against the same result.
//
// Invariants: every index is valid for its vector; `from <= to`, `since <= until`.
struct Dataset {
    using Index = std::int32_t;
    static constexpr Index NONE = -1;

    struct Partnership {
        std::string id;
    };
    struct Place {
        std::string id;
        Index partnership;
        double support_threshold;
    };
    struct Person {
        std::string id;
        bool support_need;
        Day joined;                 // NO_DAY when unknown
        std::int8_t entry_channel;  // an EntryChannel, or -1 when unknown
    };
    struct Companion {
        Index person;
        Index companion;
        Index partnership;
        Day from;
        Day to;  // DAY_MAX when open
    };
    struct Activity {
        std::string id;
        Index place;
        ActivityKind kind;
        Index initiated_by;  // NONE when not initiated by a person
        Day created;
    };
    struct Occurrence {
        Index activity;
        Day start_day;
    };
    struct Participation {
        Index person;
        Index occurrence;
        Role role;
    };
    struct Visit {
        Index person;
        Index place;
        Day day;
    };
    struct Relation {
        Index a;
        Index b;
        Day since;
        Day until;  // DAY_MAX when open
    };
    struct Pathway {
        Index person;
        Day day;
        PathwayKind kind;
    };

    std::vector<Partnership> partnerships;
    std::vector<Place> places;
    std::vector<Person> people;
    std::vector<Companion> companions;
    std::vector<Activity> activities;
    std::vector<Occurrence> occurrences;
    std::vector<Participation> participations;
    std::vector<Visit> visits;
    std::vector<Relation> relations;
    std::vector<Pathway> pathways;
};

// Builds the dataset of a bundle that has passed validation (every reference resolves within
// the bundle). Records keep their bundle order.
Dataset make_dataset(const Bundle& bundle);

}  // namespace samskab::core
