#pragma once

#include <cstdint>
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

// --- the self-evaluation records (optional collections). Their vocabularies are defined with
// the domain types (core/logbook.h, core/interview.h), which include this header through
// core/community.h; declared here so that the records stay plain data.
enum class FieldType;
enum class LogbookScope;
enum class ThemeGroup : std::uint8_t;

struct LogbookFieldRecord {
    std::string key;
    std::string label;
    FieldType type{};
    std::vector<std::string> options;
    bool required = false;
};

struct LogbookVersionRecord {
    int number = 1;
    LocalTime created = 0;
    std::vector<LogbookFieldRecord> fields;
};

// A template is for a place (`place` set) or for an activity (`activity` set; its place is the
// activity's); its partnership is its place's.
struct LogbookTemplateRecord {
    std::string id;
    LogbookScope scope{};
    std::optional<std::string> place;
    std::optional<std::string> activity;
    std::string name;
    std::vector<LogbookVersionRecord> versions;  // numbered 1, 2, ... in order
};

// One answered field: exactly one member is set, the one that the field's type takes
// (core/self_evaluation_records.h, value_member).
struct LogbookValueRecord {
    std::string key;
    std::optional<std::string> text;
    std::optional<double> number;
    std::optional<bool> yes;
    std::optional<Day> date;
    std::optional<std::vector<std::string>> choices;
    std::optional<std::vector<std::string>> people;  // person ids
};

struct LogbookEntryRecord {
    std::string id;
    std::string template_id;
    int version = 0;
    Day date = 0;
    LocalTime written_at = 0;
    std::vector<LogbookValueRecord> values;
};

// One theme of a partnership's codebook. Identified by partnership and id: the starting
// codebook's ids are the same in every partnership's copy.
struct CodeRecord {
    std::string id;
    std::string partnership;
    ThemeGroup group{};
    std::string name_da;
    std::string name_en;
    std::string description_da;
    std::string description_en;
    bool retired = false;
};

// --- interviews (the optional collection `interviews`, docs/bundle.md): a partnership's
// interview guide with its questions in order and the interviews held with it nested, so that
// a note names its question by number and a coding sits in the note it quotes. Interviewee,
// note and quote are free text about the people interviewed (sealed at rest by the store).
// `==` compares content, for the store's rule that an import never changes a stored interview.

// A passage of its note coded with a theme of the partnership's codebook.
struct InterviewCodingRecord {
    std::string theme;
    std::string quote;  // occurs in the note word for word
    bool operator==(const InterviewCodingRecord&) const = default;
};

// The note of one question: `question` numbers the guide's questions 1, 2, 3 ...
struct InterviewNoteRecord {
    int question = 0;
    std::string text;
    std::vector<InterviewCodingRecord> codings;  // in the order they were made
    bool operator==(const InterviewNoteRecord&) const = default;
};

// One interview held with its guide. The interviewer (an account of one installation) is not
// carried.
struct HeldInterviewRecord {
    std::string id;
    Day date = 0;
    std::string interviewee;
    std::optional<std::string> person;       // a person id
    std::vector<InterviewNoteRecord> notes;  // at most one per question
    bool operator==(const HeldInterviewRecord&) const = default;
};

struct InterviewGuideRecord {
    std::string id;
    std::string partnership;
    std::string title;
    std::vector<std::string> questions;
    std::vector<HeldInterviewRecord> interviews;
};

// --- survey responses (the optional collection `survey_responses`, docs/bundle.md): a
// participant survey round (core/survey.h) with its responses nested. A response carries no
// time and the responses are ordered by content, so that nothing tells in which order people
// answered. An anonymous round's responses carry no person; who has answered it (so that nobody
// answers twice) is the separate sorted list `respondents`, which nothing links to the answers.
// `==` compares content, for the store's rule that an import never changes a stored round.

// One answered question: its id (core::survey_questions) and "yes", "a_little" or "no". A
// skipped question is left out.
struct SurveyAnswerRecord {
    std::string question;
    std::string answer;
    auto operator<=>(const SurveyAnswerRecord&) const = default;
};

struct SurveyResponseRecord {
    std::optional<std::string> person;        // a named round's respondent; none when anonymous
    std::vector<SurveyAnswerRecord> answers;  // by question id
    auto operator<=>(const SurveyResponseRecord&) const = default;
};

struct SurveyRoundRecord {
    std::string id;
    std::string partnership;
    std::optional<std::string> place;
    std::string title;
    Day opens = 0;
    Day closes = 0;
    bool anonymous = true;
    std::vector<SurveyResponseRecord> responses;  // by content
    std::vector<std::string> respondents;         // anonymous rounds only: person ids, sorted
    bool operator==(const SurveyRoundRecord&) const = default;
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
    std::vector<LogbookTemplateRecord> logbook_templates;
    std::vector<LogbookEntryRecord> logbook_entries;
    std::vector<CodeRecord> codes;
    std::vector<InterviewGuideRecord> interviews;
    std::vector<SurveyRoundRecord> survey_responses;
};

}  // namespace samskab::core
