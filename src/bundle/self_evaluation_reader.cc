#include "bundle/self_evaluation_reader.h"

#include <array>
#include <string>

#include "core/interview.h"
#include "core/logbook.h"

namespace samskab::bundle {

namespace {

using core::Msg;
using nlohmann::json;

constexpr std::string_view SCOPES = "place, activity";
constexpr std::string_view FIELD_TYPES =
    "text, number, choice, multiple_choice, scale, yes_no, date, people_present";
constexpr std::string_view THEME_GROUPS = "motivation, host_role, promoter, inhibitor, other";
constexpr std::array<const char*, 6> VALUE_MEMBERS = {"text", "number",  "yes",
                                                      "date", "choices", "people"};

std::string element(const std::string& list_path, size_t i) {
    return list_path + "[" + std::to_string(i) + "]";
}

// Calls `read(RecordReader&, path)` for each object of the array `key` of `r`; other elements are
// reported.
template <class Read>
void each_object(RecordReader& r, const char* key, core::Lang lang,
                 std::vector<core::BundleIssue>& issues, Read&& read) {
    const json* list = r.optional_array(key);
    if (!list) {
        return;
    }
    for (size_t i = 0; i < list->size(); ++i) {
        const std::string path = element(r.path_of(key), i);
        if (!(*list)[i].is_object()) {
            issues.push_back({path, core::message(lang, Msg::MustBeObject)});
            continue;
        }
        RecordReader nested((*list)[i], path, lang, issues);
        read(nested, path);
        nested.finish();
    }
}

core::LogbookFieldRecord read_field(RecordReader& r) {
    core::LogbookFieldRecord f;
    f.key = r.id("key");
    f.label = r.text("label");
    f.type = r.named<core::FieldType>("type", core::parse_field_type, FIELD_TYPES);
    f.options = r.optional_strings("options", true).value_or(std::vector<std::string>{});
    f.required = r.boolean("required", false);
    return f;
}

core::LogbookValueRecord read_value(RecordReader& r, const std::string& path, core::Lang lang,
                                    std::vector<core::BundleIssue>& issues) {
    core::LogbookValueRecord v;
    v.key = r.id("key");
    int members = 0;
    for (const char* member : VALUE_MEMBERS) {
        members += r.has(member) ? 1 : 0;
    }
    if (members != 1) {
        issues.push_back({path, core::message(lang, Msg::ExactlyOneOf,
                                              {"text, number, yes, date, choices, people"})});
    }
    if (r.has("text")) {
        v.text = r.optional_text("text");
    }
    v.number = r.optional_number("number");
    v.yes = r.optional_boolean("yes");
    v.date = r.optional_date("date");
    v.choices = r.optional_strings("choices", true);
    v.people = r.optional_strings("people", true);
    return v;
}

}  // namespace

core::LogbookTemplateRecord read_logbook_template(RecordReader& r, core::Lang lang,
                                                  std::vector<core::BundleIssue>& issues) {
    core::LogbookTemplateRecord t;
    t.id = r.id("id");
    t.scope = r.named<core::LogbookScope>("scope", core::parse_logbook_scope, SCOPES);
    t.place = r.optional_id("place");
    t.activity = r.optional_id("activity");
    t.name = r.text("name");
    each_object(r, "versions", lang, issues, [&](RecordReader& v, const std::string&) {
        core::LogbookVersionRecord version;
        version.number = v.integer("number");
        version.created = v.time("created");
        each_object(v, "fields", lang, issues, [&](RecordReader& f, const std::string&) {
            version.fields.push_back(read_field(f));
        });
        t.versions.push_back(std::move(version));
    });
    return t;
}

core::LogbookEntryRecord read_logbook_entry(RecordReader& r, core::Lang lang,
                                            std::vector<core::BundleIssue>& issues) {
    core::LogbookEntryRecord e;
    e.id = r.id("id");
    e.template_id = r.id("template");
    e.version = r.integer("version");
    e.date = r.date("date");
    // An entry made by hand may leave out when it was written: the start of its day then.
    e.written_at = r.has("written_at") ? r.time("written_at") : e.date * core::LocalTime{86400};
    if (!r.has("written_at")) {
        (void)r.optional_text("written_at");  // a null is allowed; mark the key as read
    }
    each_object(r, "values", lang, issues, [&](RecordReader& v, const std::string& path) {
        e.values.push_back(read_value(v, path, lang, issues));
    });
    return e;
}

core::CodeRecord read_code(RecordReader& r) {
    core::CodeRecord c;
    c.id = r.id("id");
    c.partnership = r.id("partnership");
    c.group = r.named<core::ThemeGroup>("group", core::parse_theme_group, THEME_GROUPS);
    c.name_da = r.text("name_da");
    c.name_en = r.optional_text("name_en");
    c.description_da = r.optional_text("description_da");
    c.description_en = r.optional_text("description_en");
    c.retired = r.boolean("retired", false);
    return c;
}

}  // namespace samskab::bundle
