#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/community.h"
#include "core/date.h"
#include "core/messages.h"
#include "core/result.h"

// Logbook templates that a partnership designs for its own self-evaluation (the booklet:
// "redskaber ... skal primært tilpasses sammenhængen, for eksempel den konkrete aktivitet"),
// and the entries hosts write with them. Plain data with stable ids, so that templates and
// entries can be written to and read from a bundle as they are.
//
// A template's fields are versioned: each saved change of the fields makes a new version, and
// a version is never changed afterwards. Every entry keeps the version it was written with, so
// an old entry reads exactly as it was written, whatever the template has become since.
namespace samskab::core {

// What a template is for: a whole place, or one activity (at its place).
enum class LogbookScope { Place, Activity };

enum class FieldType {
    Text,            // free text (sensitive: may name people or their situation)
    Number,          // a decimal number
    Choice,          // one of the options
    MultipleChoice,  // any of the options
    Scale,           // a whole number from 1 to 5
    YesNo,           // yes or no
    Date,            // an ISO date
    PeoplePresent,   // people of the partnership; each is also recorded as a visit
};

inline constexpr int SCALE_MIN = 1;
inline constexpr int SCALE_MAX = 5;
inline constexpr std::size_t MAX_FIELDS = 40;
inline constexpr std::size_t MAX_KEY_LENGTH = 40;
inline constexpr std::size_t MAX_LABEL_LENGTH = 200;
inline constexpr std::size_t MAX_OPTION_LENGTH = 100;
inline constexpr std::size_t MAX_NAME_LENGTH = 200;
inline constexpr std::size_t MAX_TEXT_VALUE_LENGTH = 5000;

// "text", "number", "choice", "multiple_choice", "scale", "yes_no", "date", "people_present":
// the spelling of storage and of a bundle.
std::string_view field_type_name(FieldType type);
std::optional<FieldType> parse_field_type(std::string_view text);
// Every type, in the order a form offers them.
const std::vector<FieldType>& all_field_types();
// Whether the type needs options (choice, multiple choice).
bool has_options(FieldType type);

// "place" or "activity".
std::string_view logbook_scope_name(LogbookScope scope);
std::optional<LogbookScope> parse_logbook_scope(std::string_view text);

struct TemplateField {
    std::string key;  // stable across versions: a-z, 0-9 and _, at most MAX_KEY_LENGTH
    std::string label;
    FieldType type = FieldType::Text;
    std::vector<std::string> options;  // choice and multiple choice only, in the order shown
    bool required = false;

    bool operator==(const TemplateField&) const = default;
};

struct TemplateVersion {
    int number = 1;  // 1, 2, ... in the order they were made
    std::vector<TemplateField> fields;
    LocalTime created = 0;

    // The field with `key`, or nullptr.
    const TemplateField* field(std::string_view key) const;
};

struct LogbookTemplate {
    std::string id;  // stable, e.g. "lt-3f9c20d1e4b7"
    std::string partnership;
    LogbookScope scope = LogbookScope::Place;
    std::string place;     // the place; for an activity's template, the activity's place
    std::string activity;  // set for LogbookScope::Activity only
    std::string name;
    std::vector<TemplateVersion> versions;  // oldest first; empty until fields are first saved

    // The newest version, or nullptr when there is none yet.
    const TemplateVersion* current() const;
    // Version `number`, or nullptr.
    const TemplateVersion* version(int number) const;
};

// One answered field of an entry. Which member holds the answer depends on the field's type in
// the entry's version: Text `text`; Number and Scale `number`; YesNo `yes`; Date `date`;
// Choice and MultipleChoice `choices`; PeoplePresent `people` (ids; names filled by a store
// when it reads).
struct EntryValue {
    std::string key;
    std::string text;
    std::optional<double> number;
    std::optional<bool> yes;
    std::optional<Day> date;
    std::vector<std::string> choices;
    std::vector<PersonSummary> people;
};

struct LogbookEntry {
    std::string id;  // stable, e.g. "le-3f9c20d1e4b7"
    std::string template_id;
    int version = 0;  // the template version it was written with
    std::string place;
    Day day = 0;
    std::optional<std::int64_t> author;  // account; none for imported or demo entries
    std::string author_name;             // filled by a store when it reads
    LocalTime written_at = 0;
    std::vector<EntryValue> values;  // answered fields only, in the version's order

    // The value of `key`, or nullptr when the field was not answered.
    const EntryValue* value(std::string_view key) const;
};

// The fields of every version of `logbook`, one per key: the newest version's in its order, then
// keys that only older versions have (as the newest of those defines them). The columns of a
// table or export of entries written with any version.
std::vector<TemplateField> fields_of_every_version(const LogbookTemplate& logbook);

// --- validation. Every problem is an Invalid error whose `field` names the form field and
// whose message names the template field by its label, in `lang`.

// The template's name ("name"), and `fields` (field "fields"; the keys, labels and options):
// keys unique and well formed, labels not empty, at least two distinct one-line options for
// choice types and none for the others, at most MAX_FIELDS. An empty list is valid (a new
// template without fields yet).
std::vector<Error> validate_fields(const std::vector<TemplateField>& fields, Lang lang);
std::vector<Error> validate_template_name(std::string_view name, Lang lang);

// A key made from a label: lower case, Danish letters spelt out (æ ae, ø oe, å aa), anything
// else an underscore, trimmed to MAX_KEY_LENGTH; "felt" when nothing is left. `taken` keys get
// a suffix "_2", "_3", ...
std::string key_from_label(std::string_view label, const std::vector<std::string>& taken);

// What a form sent for an entry: the raw values of each field key (several for multiple
// choice and people present; empty strings are "not answered").
using EntryInput = std::map<std::string, std::vector<std::string>, std::less<>>;

// The answers of an entry parsed against `version`: texts trimmed; numbers with a decimal comma
// or point; scale 1-5; "yes"/"no" (also "ja"/"nej", "1"/"0"); dates YYYY-MM-DD; choices among
// the options; people ids for which `is_known_person` holds. Errors (field = the key): a
// required field not answered, a value that does not parse, a key the version does not have,
// and no field answered at all (field "entry").
struct ParsedEntry {
    std::vector<EntryValue> values;
    std::vector<Error> errors;
};
ParsedEntry parse_entry(const TemplateVersion& version, const EntryInput& input,
                        const std::function<bool(std::string_view)>& is_known_person, Lang lang);

// The same checks on values already typed (a store's last line of defence, or an import): each
// value fits its field's type in `version`. Returns every problem.
std::vector<Error> validate_entry_values(const TemplateVersion& version,
                                         const std::vector<EntryValue>& values, Lang lang);

}  // namespace samskab::core
