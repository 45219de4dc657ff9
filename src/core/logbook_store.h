#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/logbook.h"
#include "core/result.h"

namespace samskab::core {

// A template to create: for a place, or for an activity (its place is the activity's).
struct NewLogbookTemplate {
    std::string id;  // empty: the store makes one ("lt-<12 hex digits>")
    LogbookScope scope = LogbookScope::Place;
    std::string place;     // LogbookScope::Place
    std::string activity;  // LogbookScope::Activity
    std::string name;
    std::vector<TemplateField> fields;  // version 1 when not empty; no version yet when empty
    LocalTime created = 0;
};

// Where logbook templates and their entries are kept. Implemented by storage/sqlite. Every
// method is one durable transaction. Errors, as in core/community_store.h: Invalid naming the
// field (from core/logbook.h's validation, message in Danish: the web layer validates in the
// reader's language before it calls), NotFound naming the parameter ("place", "activity",
// "template", "person"), Conflict, Storage.
class LogbookStore {
public:
    virtual ~LogbookStore() = default;

    // Creates a template; its partnership is its place's. Returns its id. Invalid "name",
    // "key", "label", "options", "fields"; NotFound "place" / "activity"; Conflict "id" when
    // the given id is taken.
    virtual Result<std::string> create_template(const NewLogbookTemplate& logbook) = 0;

    // Saves the template's fields: a new version (numbered one higher) when they differ from
    // the newest version's, nothing when they are the same. Versions already written are
    // never changed. Returns the newest version's number (0 when there is none). Invalid as
    // validate_fields; NotFound "template".
    virtual Result<int> save_fields(std::string_view logbook,
                                    const std::vector<TemplateField>& fields, LocalTime at) = 0;

    // The name is not versioned: entries read the same under any name. Invalid "name".
    virtual Result<void> rename_template(std::string_view logbook, std::string_view name) = 0;

    // The template with every version, or nullopt.
    virtual Result<std::optional<LogbookTemplate>> find_template(std::string_view logbook) = 0;

    // The templates of a partnership's places and activities, by name. NotFound "partnership".
    virtual Result<std::vector<LogbookTemplate>> templates_of_partnership(
        std::string_view partnership) = 0;
    // The templates for a place and for its activities, by name. NotFound "place".
    virtual Result<std::vector<LogbookTemplate>> templates_at_place(std::string_view place) = 0;

    // Writes an entry with the version it names (entry.version) of its template, at the
    // template's place (entry.place is ignored). Each person present is also recorded as a
    // visit at the place on the entry's day, as a check-in does, in the same transaction.
    // Returns the entry's id. NotFound "template"; Invalid "version" for a version the
    // template does not have; Invalid as validate_entry_values (field = the key); NotFound
    // naming the key for an unknown person.
    virtual Result<std::string> write_entry(const LogbookEntry& entry) = 0;

    // The entries of a template with day in [from, to], oldest first, with the names of the
    // people present and of the author (empty once the account is removed). NotFound
    // "template".
    virtual Result<std::vector<LogbookEntry>> entries(std::string_view logbook, Day from,
                                                      Day to) = 0;
    // The entries of every template at a place on one day, oldest first. NotFound "place".
    virtual Result<std::vector<LogbookEntry>> entries_at(std::string_view place, Day day) = 0;
};

}  // namespace samskab::core
