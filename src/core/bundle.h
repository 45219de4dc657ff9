#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/vocabulary.h"

namespace samskab::core {

// The records of a `samskab-bundle/1` document (BUNDLE.md), with references still as string
// ids. This is the unit of import and export; the analytics work on `Dataset` instead.
// Optional fields that the format allows to be null or absent are std::optional.

inline constexpr std::string_view BUNDLE_FORMAT = "samskab-bundle/1";
inline constexpr double DEFAULT_SUPPORT_THRESHOLD = 0.20;

struct Organisation {
    std::string id;
    std::string name;
    OrganisationKind kind = OrganisationKind::Civil;
};

struct Partnership {
    std::string id;
    std::string name;
    std::vector<Organisation> organisations;
};

struct Place {
    std::string id;
    std::string partnership;
    std::string name;
    double support_threshold = DEFAULT_SUPPORT_THRESHOLD;
};

struct Consent {
    bool support_need = false;
    bool pathways = false;
};

struct Person {
    std::string id;
    std::string name;
    bool support_need = false;  // never true unless consent.support_need is true
    std::optional<Day> joined;
    std::optional<EntryChannel> entry_channel;
    Consent consent;
};

struct CompanionLink {
    std::string person;
    std::string companion;
    std::string partnership;
    Day from = 0;
    std::optional<Day> to;
};

struct Activity {
    std::string id;
    std::string place;
    std::string title;
    ActivityKind kind = ActivityKind::Fixed;
    std::optional<std::string> initiated_by;
    Day created = 0;
};

struct Occurrence {
    std::string id;
    std::string activity;
    LocalTime start = 0;
    LocalTime end = 0;
};

struct Participation {
    std::string person;
    std::string occurrence;
    Role role = Role::Active;
};

struct Visit {
    std::string person;
    std::string place;
    Day date = 0;
};

// Undirected: the store keeps a < b so that a pair has one spelling.
struct Relation {
    std::string a;
    std::string b;
    Day since = 0;
    std::optional<Day> until;
    RelationSource source = RelationSource::SelfReport;
};

struct Pathway {
    std::string person;
    Day date = 0;
    PathwayKind kind = PathwayKind::Job;
};

struct Bundle {
    std::vector<Partnership> partnerships;
    std::vector<Place> places;
    std::vector<Person> people;
    std::vector<CompanionLink> companions;
    std::vector<Activity> activities;
    std::vector<Occurrence> occurrences;
    std::vector<Participation> participations;
    std::vector<Visit> visits;
    std::vector<Relation> relations;
    std::vector<Pathway> pathways;
};

}  // namespace samskab::core
