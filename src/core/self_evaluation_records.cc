#include "core/self_evaluation_records.h"

namespace samskab::core {

std::string_view value_member(FieldType type) {
    switch (type) {
        case FieldType::Text:
            return "text";
        case FieldType::Number:
        case FieldType::Scale:
            return "number";
        case FieldType::YesNo:
            return "yes";
        case FieldType::Date:
            return "date";
        case FieldType::Choice:
        case FieldType::MultipleChoice:
            return "choices";
        case FieldType::PeoplePresent:
            return "people";
    }
    return "text";
}

std::string_view set_member(const LogbookValueRecord& value) {
    if (value.text) {
        return "text";
    }
    if (value.number) {
        return "number";
    }
    if (value.yes) {
        return "yes";
    }
    if (value.date) {
        return "date";
    }
    if (value.choices) {
        return "choices";
    }
    if (value.people) {
        return "people";
    }
    return "";
}

std::vector<TemplateField> to_fields(const std::vector<LogbookFieldRecord>& fields) {
    std::vector<TemplateField> out;
    out.reserve(fields.size());
    for (const LogbookFieldRecord& f : fields) {
        out.push_back(TemplateField{f.key, f.label, f.type, f.options, f.required});
    }
    return out;
}

TemplateVersion to_version(const LogbookVersionRecord& version) {
    return TemplateVersion{version.number, to_fields(version.fields), version.created};
}

LogbookTemplate to_template(const LogbookTemplateRecord& logbook) {
    LogbookTemplate out;
    out.id = logbook.id;
    out.scope = logbook.scope;
    out.place = logbook.place.value_or("");
    out.activity = logbook.activity.value_or("");
    out.name = logbook.name;
    for (const LogbookVersionRecord& version : logbook.versions) {
        out.versions.push_back(to_version(version));
    }
    return out;
}

LogbookTemplateRecord to_record(const LogbookTemplate& logbook) {
    LogbookTemplateRecord out;
    out.id = logbook.id;
    out.scope = logbook.scope;
    // An activity's template names only the activity: its place follows from it.
    if (logbook.scope == LogbookScope::Activity) {
        out.activity = logbook.activity;
    } else {
        out.place = logbook.place;
    }
    out.name = logbook.name;
    for (const TemplateVersion& version : logbook.versions) {
        LogbookVersionRecord v{version.number, version.created, {}};
        for (const TemplateField& f : version.fields) {
            v.fields.push_back(LogbookFieldRecord{f.key, f.label, f.type, f.options, f.required});
        }
        out.versions.push_back(std::move(v));
    }
    return out;
}

LogbookEntry to_entry(const LogbookEntryRecord& entry) {
    LogbookEntry out;
    out.id = entry.id;
    out.template_id = entry.template_id;
    out.version = entry.version;
    out.day = entry.date;
    out.written_at = entry.written_at;
    for (const LogbookValueRecord& v : entry.values) {
        EntryValue value;
        value.key = v.key;
        value.text = v.text.value_or("");
        value.number = v.number;
        value.yes = v.yes;
        value.date = v.date;
        value.choices = v.choices.value_or(std::vector<std::string>{});
        for (const std::string& person : v.people.value_or(std::vector<std::string>{})) {
            value.people.push_back(PersonSummary{person, {}, std::nullopt});
        }
        out.values.push_back(std::move(value));
    }
    return out;
}

LogbookEntryRecord to_record(const LogbookEntry& entry) {
    LogbookEntryRecord out{entry.id,  entry.template_id, entry.version,
                           entry.day, entry.written_at,  {}};
    for (const EntryValue& v : entry.values) {
        LogbookValueRecord value;
        value.key = v.key;
        // A stored value fills exactly the member of its field's type.
        if (!v.people.empty()) {
            std::vector<std::string> ids;
            ids.reserve(v.people.size());
            for (const PersonSummary& person : v.people) {
                ids.push_back(person.id);
            }
            value.people = std::move(ids);
        } else if (v.yes) {
            value.yes = v.yes;
        } else if (v.date) {
            value.date = v.date;
        } else if (v.number) {
            value.number = v.number;
        } else if (!v.choices.empty()) {
            value.choices = v.choices;
        } else {
            value.text = v.text;
        }
        out.values.push_back(std::move(value));
    }
    return out;
}

Theme to_theme(const CodeRecord& code) {
    return Theme{code.id,      code.name_da,        code.name_en,
                 code.group,   code.description_da, code.description_en,
                 !code.retired};
}

CodeRecord to_record(std::string_view partnership, const Theme& theme) {
    return CodeRecord{theme.id,      std::string(partnership), theme.group,          theme.name_da,
                      theme.name_en, theme.description_da,     theme.description_en, !theme.active};
}

}  // namespace samskab::core
