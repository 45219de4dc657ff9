#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/bundle.h"
#include "core/date.h"
#include "core/privacy.h"
#include "core/vocabulary.h"

namespace samskab::core {

// What the web application reads and writes day to day, beyond the bundle's records. Ids are
// bundle ids throughout. Support-need flags appear only as std::optional<bool>: a store fills
// them only when the caller asks for them (the caller has checked that the viewer may see them),
// so a listing for a host or another participant cannot leak the flag by accident.

// A person is a newcomer at a place on the day of their first visit there, and for this many
// days after they joined.
inline constexpr int NEWCOMER_DAYS = 14;

struct PersonSummary {
    std::string id;
    std::string name;
    std::optional<bool> support_need;  // filled only when asked for
};

// A page of a partnership's people (CommunityStore::people_page).
struct PeoplePage {
    std::vector<PersonSummary> people;
    std::size_t total = 0;  // people in the whole list
};

struct PlaceView {
    Place place;
    std::string partnership_name;
};

// An occurrence as listed on "what's on" and activity pages.
struct OccurrenceView {
    Occurrence occurrence;
    std::string activity_title;
    ActivityKind activity_kind = ActivityKind::Fixed;
    std::string place;
    std::string place_name;
    int participants = 0;
    bool joined = false;  // whether the person the listing was made for takes part
};

// A weekly rule from which a fixed activity's occurrences are generated.
struct WeeklySchedule {
    std::int64_t id = 0;  // assigned by the store
    std::string activity;
    int weekday = 1;       // 1 = Monday ... 7 = Sunday (ISO 8601)
    int start_minute = 0;  // minutes after midnight
    int end_minute = 0;
    Day from = 0;
    Day until = 0;  // inclusive
};

// One item of a cause's action plan.
struct ActionItem {
    std::int64_t id = 0;
    std::string activity;
    std::string text;
    std::optional<Day> due;
    bool done = false;
};

struct ActivityView {
    Activity activity;
    std::string place_name;
    std::string initiator_name;            // empty when not initiated by a person
    std::vector<OccurrenceView> upcoming;  // from the given time on, earliest first
    std::vector<WeeklySchedule> schedules;
    std::vector<ActionItem> action_items;  // causes only
};

struct ParticipantView {
    PersonSummary person;
    Role role = Role::Active;
};

struct OccurrenceDetail {
    OccurrenceView occurrence;
    std::vector<ParticipantView> participants;  // by name
};

// Someone who checked in at a place on a day, as the host sees them.
struct CheckInView {
    PersonSummary person;
    bool newcomer = false;
};

struct RotaDay {
    Day day = 0;
    std::optional<PersonSummary> host;  // nobody yet when empty
};

struct LogbookNote {
    std::int64_t id = 0;
    std::string place;
    Day day = 0;
    std::int64_t author = 0;  // account id
    std::string author_name;
    std::string text;
    LocalTime written_at = 0;
};

// A break ("I'm taking a break"): open while `until` is empty.
struct Break {
    Day from = 0;
    std::optional<Day> until;
};

struct NewPerson {
    std::string name;
    std::string partnership;  // the partnership the person is registered in
    std::optional<Day> joined;
    std::optional<EntryChannel> entry_channel;
};

struct NewActivity {
    std::string place;
    std::string title;
    ActivityKind kind = ActivityKind::Fixed;
    std::optional<std::string> initiated_by;  // the participant who proposed it
    Day created = 0;
};

// Everything samskab holds about one person, for "my page" and its JSON download.
struct PersonData {
    Person person;
    std::vector<std::string> partnerships;
    std::vector<CompanionLink> companions;    // links where the person is accompanied
    std::vector<CompanionLink> accompanying;  // links where the person is the companion
    std::vector<Participation> participations;
    std::vector<Visit> visits;
    std::vector<Relation> relations;
    std::vector<Pathway> pathways;
    std::vector<Break> breaks;
    std::optional<LocalTime> deletion_requested;
    Consents consents;                           // all four purposes; person.consent mirrors two
    std::vector<ConsentChange> consent_history;  // oldest first
};

// A person as their companion sees them: that they are registered (always), and their
// participation only when they consent to share it (Purpose::Companion).
struct AccompaniedView {
    PersonSummary person;  // never with the support need
    std::string partnership;
    bool shares = false;
    std::vector<OccurrenceView> participations;  // empty unless `shares`
};

// A person who asked to be deleted, for the coordinator who carries it out.
struct DeletionRequest {
    PersonSummary person;
    LocalTime requested_at = 0;
};

}  // namespace samskab::core
