#include "core/logbook.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

namespace samskab::core {

namespace {

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

Error invalid(std::string field, Lang lang, Msg id, std::initializer_list<std::string_view> args) {
    return Error{ErrorCode::Invalid, message(lang, id, args), std::move(field)};
}

bool well_formed_key(std::string_view key) {
    return !key.empty() && key.size() <= MAX_KEY_LENGTH &&
           std::all_of(key.begin(), key.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
           });
}

// Counts characters, not bytes: the limits are what a person typing sees.
std::size_t length_of(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// "12", "-3", "2,5", "2.5"; no exponent, no thousands separator.
std::optional<double> parse_number(std::string_view text) {
    std::string plain(text);
    std::replace(plain.begin(), plain.end(), ',', '.');
    if (plain.empty() || plain.find_first_not_of("-0123456789.") != std::string::npos ||
        std::count(plain.begin(), plain.end(), '.') > 1 ||
        (plain.rfind('-') != std::string::npos && plain.rfind('-') > 0) ||
        plain.find_first_of("0123456789") == std::string::npos) {
        return std::nullopt;
    }
    double value = 0;
    const auto [end, error] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
    if (error != std::errc() || end != plain.data() + plain.size() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

std::optional<bool> parse_yes_no(std::string_view text) {
    if (text == "yes" || text == "ja" || text == "1") {
        return true;
    }
    if (text == "no" || text == "nej" || text == "0") {
        return false;
    }
    return std::nullopt;
}

bool is_option(const TemplateField& field, std::string_view value) {
    return std::find(field.options.begin(), field.options.end(), value) != field.options.end();
}

bool answered(const EntryValue& value) {
    return !value.text.empty() || value.number || value.yes || value.date ||
           !value.choices.empty() || !value.people.empty();
}

}  // namespace

std::string_view field_type_name(FieldType type) {
    switch (type) {
        case FieldType::Text:
            return "text";
        case FieldType::Number:
            return "number";
        case FieldType::Choice:
            return "choice";
        case FieldType::MultipleChoice:
            return "multiple_choice";
        case FieldType::Scale:
            return "scale";
        case FieldType::YesNo:
            return "yes_no";
        case FieldType::Date:
            return "date";
        case FieldType::PeoplePresent:
            return "people_present";
    }
    return "text";
}

const std::vector<FieldType>& all_field_types() {
    static const std::vector<FieldType> all = {
        FieldType::Text,  FieldType::Number, FieldType::Choice, FieldType::MultipleChoice,
        FieldType::Scale, FieldType::YesNo,  FieldType::Date,   FieldType::PeoplePresent};
    return all;
}

std::optional<FieldType> parse_field_type(std::string_view text) {
    for (FieldType type : all_field_types()) {
        if (field_type_name(type) == text) {
            return type;
        }
    }
    return std::nullopt;
}

bool has_options(FieldType type) {
    return type == FieldType::Choice || type == FieldType::MultipleChoice;
}

std::string_view logbook_scope_name(LogbookScope scope) {
    return scope == LogbookScope::Place ? "place" : "activity";
}

std::optional<LogbookScope> parse_logbook_scope(std::string_view text) {
    if (text == "place") {
        return LogbookScope::Place;
    }
    if (text == "activity") {
        return LogbookScope::Activity;
    }
    return std::nullopt;
}

const TemplateField* TemplateVersion::field(std::string_view key) const {
    for (const TemplateField& f : fields) {
        if (f.key == key) {
            return &f;
        }
    }
    return nullptr;
}

const TemplateVersion* LogbookTemplate::current() const {
    return versions.empty() ? nullptr : &versions.back();
}

const TemplateVersion* LogbookTemplate::version(int number) const {
    for (const TemplateVersion& v : versions) {
        if (v.number == number) {
            return &v;
        }
    }
    return nullptr;
}

const EntryValue* LogbookEntry::value(std::string_view key) const {
    for (const EntryValue& v : values) {
        if (v.key == key) {
            return &v;
        }
    }
    return nullptr;
}

std::vector<TemplateField> fields_of_every_version(const LogbookTemplate& logbook) {
    std::vector<TemplateField> fields;
    for (auto version = logbook.versions.rbegin(); version != logbook.versions.rend(); ++version) {
        for (const TemplateField& field : version->fields) {
            if (std::none_of(fields.begin(), fields.end(),
                             [&](const TemplateField& f) { return f.key == field.key; })) {
                fields.push_back(field);
            }
        }
    }
    return fields;
}

std::vector<Error> validate_template_name(std::string_view name, Lang lang) {
    if (trim(name).empty()) {
        return {invalid("name", lang, Msg::LogbookNameMissing, {})};
    }
    if (length_of(name) > MAX_NAME_LENGTH) {
        const std::string limit = std::to_string(MAX_NAME_LENGTH);
        return {invalid("name", lang, Msg::LogbookTooLong, {trim(name).substr(0, 40), limit})};
    }
    return {};
}

std::vector<Error> validate_fields(const std::vector<TemplateField>& fields, Lang lang) {
    std::vector<Error> errors;
    if (fields.size() > MAX_FIELDS) {
        errors.push_back(
            invalid("fields", lang, Msg::LogbookTooManyFields, {std::to_string(MAX_FIELDS)}));
    }
    std::set<std::string, std::less<>> keys;
    for (const TemplateField& field : fields) {
        const std::string_view label = field.label.empty() ? field.key : field.label;
        if (!well_formed_key(field.key)) {
            errors.push_back(invalid("key", lang, Msg::LogbookKeyFormat,
                                     {label, field.key, std::to_string(MAX_KEY_LENGTH)}));
        } else if (!keys.insert(field.key).second) {
            errors.push_back(invalid("key", lang, Msg::LogbookDuplicateKey, {label, field.key}));
        }
        if (trim(field.label).empty()) {
            errors.push_back(invalid("label", lang, Msg::LogbookLabelMissing, {field.key}));
        } else if (length_of(field.label) > MAX_LABEL_LENGTH) {
            errors.push_back(invalid("label", lang, Msg::LogbookTooLong,
                                     {field.key, std::to_string(MAX_LABEL_LENGTH)}));
        }
        if (has_options(field.type)) {
            std::set<std::string, std::less<>> seen;
            for (const std::string& option : field.options) {
                if (trim(option).empty() || option.find_first_of("\r\n") != std::string::npos ||
                    length_of(option) > MAX_OPTION_LENGTH) {
                    errors.push_back(invalid("options", lang, Msg::LogbookOptionFormat,
                                             {label, std::to_string(MAX_OPTION_LENGTH)}));
                } else if (!seen.insert(option).second) {
                    errors.push_back(
                        invalid("options", lang, Msg::LogbookOptionDuplicate, {label, option}));
                }
            }
            if (seen.size() < 2) {
                errors.push_back(invalid("options", lang, Msg::LogbookOptionsMissing, {label}));
            }
        } else if (!field.options.empty()) {
            errors.push_back(invalid("options", lang, Msg::LogbookOptionsMissing, {label}));
        }
    }
    return errors;
}

std::string key_from_label(std::string_view label, const std::vector<std::string>& taken) {
    static const std::vector<std::pair<std::string_view, std::string_view>> spelt = {
        {"æ", "ae"}, {"Æ", "ae"}, {"ø", "oe"}, {"Ø", "oe"}, {"å", "aa"}, {"Å", "aa"},
        {"é", "e"},  {"É", "e"},  {"ü", "u"},  {"ö", "o"},  {"ä", "a"}};
    std::string key;
    for (std::size_t i = 0; i < label.size();) {
        const char c = label[i];
        bool done = false;
        for (const auto& [from, to] : spelt) {
            if (label.substr(i, from.size()) == from) {
                key += to;
                i += from.size();
                done = true;
                break;
            }
        }
        if (done) {
            continue;
        }
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            key += c;
        } else if (c >= 'A' && c <= 'Z') {
            key += static_cast<char>(c - 'A' + 'a');
        } else if (!key.empty() && key.back() != '_') {
            key += '_';
        }
        // Skip the continuation bytes of any other character.
        ++i;
        while (i < label.size() && (label[i] & 0xC0) == 0x80) {
            ++i;
        }
    }
    while (!key.empty() && key.back() == '_') {
        key.pop_back();
    }
    if (key.size() > MAX_KEY_LENGTH - 4) {
        key.resize(MAX_KEY_LENGTH - 4);
        while (!key.empty() && key.back() == '_') {
            key.pop_back();
        }
    }
    if (key.empty()) {
        key = "felt";
    }
    const auto is_taken = [&](const std::string& k) {
        return std::find(taken.begin(), taken.end(), k) != taken.end();
    };
    std::string candidate = key;
    for (int n = 2; is_taken(candidate); ++n) {
        candidate = key + "_" + std::to_string(n);
    }
    return candidate;
}

ParsedEntry parse_entry(const TemplateVersion& version, const EntryInput& input,
                        const std::function<bool(std::string_view)>& is_known_person, Lang lang) {
    ParsedEntry out;
    const std::string version_text = std::to_string(version.number);
    for (const auto& [key, ignored] : input) {
        if (version.field(key) == nullptr) {
            out.errors.push_back(
                invalid(key, lang, Msg::LogbookValueUnknownField, {key, version_text}));
        }
    }
    for (const TemplateField& field : version.fields) {
        std::vector<std::string_view> raw;
        if (auto found = input.find(field.key); found != input.end()) {
            for (const std::string& value : found->second) {
                if (!trim(value).empty()) {
                    raw.push_back(trim(value));
                }
            }
        }
        if (raw.empty()) {
            if (field.required) {
                out.errors.push_back(
                    invalid(field.key, lang, Msg::LogbookValueRequired, {field.label}));
            }
            continue;
        }
        const bool many =
            field.type == FieldType::MultipleChoice || field.type == FieldType::PeoplePresent;
        if (!many && raw.size() > 1) {
            out.errors.push_back(
                invalid(field.key, lang, Msg::LogbookValueOneChoice, {field.label}));
            continue;
        }
        EntryValue value;
        value.key = field.key;
        const std::string_view first = raw.front();
        std::optional<Error> error;
        switch (field.type) {
            case FieldType::Text:
                if (length_of(first) > MAX_TEXT_VALUE_LENGTH) {
                    error = invalid(field.key, lang, Msg::LogbookTooLong,
                                    {field.label, std::to_string(MAX_TEXT_VALUE_LENGTH)});
                }
                value.text = std::string(first);
                break;
            case FieldType::Number:
                value.number = parse_number(first);
                if (!value.number) {
                    error = invalid(field.key, lang, Msg::LogbookValueNumber, {field.label, first});
                }
                break;
            case FieldType::Scale: {
                const auto number = parse_number(first);
                if (!number || *number != std::floor(*number) || *number < SCALE_MIN ||
                    *number > SCALE_MAX) {
                    error = invalid(field.key, lang, Msg::LogbookValueScale, {field.label, first});
                }
                value.number = number;
                break;
            }
            case FieldType::YesNo:
                value.yes = parse_yes_no(first);
                if (!value.yes) {
                    error = invalid(field.key, lang, Msg::LogbookValueYesNo, {field.label, first});
                }
                break;
            case FieldType::Date:
                value.date = parse_date(first);
                if (!value.date) {
                    error = invalid(field.key, lang, Msg::LogbookValueDate, {field.label, first});
                }
                break;
            case FieldType::Choice:
            case FieldType::MultipleChoice:
                // In the order of the options, each once, whatever order the form sent.
                for (std::string_view chosen : raw) {
                    if (!is_option(field, chosen)) {
                        error = invalid(field.key, lang, Msg::LogbookValueChoice,
                                        {field.label, chosen});
                    }
                }
                for (const std::string& option : field.options) {
                    if (std::find(raw.begin(), raw.end(), option) != raw.end()) {
                        value.choices.push_back(option);
                    }
                }
                break;
            case FieldType::PeoplePresent:
                for (std::string_view person : raw) {
                    if (!is_known_person(person)) {
                        error = invalid(field.key, lang, Msg::LogbookValuePerson,
                                        {field.label, person});
                    } else if (std::none_of(
                                   value.people.begin(), value.people.end(),
                                   [&](const PersonSummary& p) { return p.id == person; })) {
                        value.people.push_back(PersonSummary{std::string(person), {}, {}});
                    }
                }
                break;
        }
        if (error) {
            out.errors.push_back(std::move(*error));
        } else {
            out.values.push_back(std::move(value));
        }
    }
    if (out.errors.empty() && out.values.empty()) {
        out.errors.push_back(invalid("entry", lang, Msg::LogbookEntryEmpty, {}));
    }
    return out;
}

std::vector<Error> validate_entry_values(const TemplateVersion& version,
                                         const std::vector<EntryValue>& values, Lang lang) {
    std::vector<Error> errors;
    const std::string version_text = std::to_string(version.number);
    std::set<std::string, std::less<>> seen;
    for (const EntryValue& value : values) {
        const TemplateField* field = version.field(value.key);
        if (field == nullptr || !seen.insert(value.key).second) {
            errors.push_back(
                invalid(value.key, lang, Msg::LogbookValueUnknownField, {value.key, version_text}));
            continue;
        }
        const std::string& label = field->label;
        std::optional<Msg> problem;
        std::string shown;
        switch (field->type) {
            case FieldType::Text:
                if (trim(value.text).empty()) {
                    problem = Msg::LogbookValueRequired;
                } else if (length_of(value.text) > MAX_TEXT_VALUE_LENGTH) {
                    errors.push_back(invalid(value.key, lang, Msg::LogbookTooLong,
                                             {label, std::to_string(MAX_TEXT_VALUE_LENGTH)}));
                }
                break;
            case FieldType::Number:
                if (!value.number || !std::isfinite(*value.number)) {
                    problem = Msg::LogbookValueNumber;
                }
                break;
            case FieldType::Scale:
                if (!value.number || *value.number != std::floor(*value.number) ||
                    *value.number < SCALE_MIN || *value.number > SCALE_MAX) {
                    problem = Msg::LogbookValueScale;
                    shown = value.number ? std::to_string(*value.number) : "";
                }
                break;
            case FieldType::YesNo:
                if (!value.yes) {
                    problem = Msg::LogbookValueYesNo;
                }
                break;
            case FieldType::Date:
                if (!value.date) {
                    problem = Msg::LogbookValueDate;
                }
                break;
            case FieldType::Choice:
            case FieldType::MultipleChoice:
                if (value.choices.empty()) {
                    problem = Msg::LogbookValueRequired;
                } else if (field->type == FieldType::Choice && value.choices.size() > 1) {
                    problem = Msg::LogbookValueOneChoice;
                }
                for (const std::string& chosen : value.choices) {
                    if (!is_option(*field, chosen)) {
                        errors.push_back(
                            invalid(value.key, lang, Msg::LogbookValueChoice, {label, chosen}));
                    }
                }
                break;
            case FieldType::PeoplePresent:
                if (value.people.empty()) {
                    problem = Msg::LogbookValueRequired;
                }
                break;
        }
        if (problem) {
            errors.push_back(invalid(value.key, lang, *problem, {label, shown}));
        }
    }
    for (const TemplateField& field : version.fields) {
        if (field.required && !seen.count(field.key)) {
            errors.push_back(invalid(field.key, lang, Msg::LogbookValueRequired, {field.label}));
        }
    }
    if (errors.empty() && std::none_of(values.begin(), values.end(), answered)) {
        errors.push_back(invalid("entry", lang, Msg::LogbookEntryEmpty, {}));
    }
    return errors;
}

}  // namespace samskab::core
