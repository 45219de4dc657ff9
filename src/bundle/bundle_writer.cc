#include "bundle/bundle_writer.h"

#include <cerrno>
#include <cstring>
#include <functional>

#include <fmt/format.h>

#include "bundle/interview_writer.h"
#include "bundle/survey_writer.h"
#include "core/interview.h"
#include "core/logbook.h"

namespace samskab::bundle {

namespace {

using core::name_of;

// Accumulates output and hands it to a sink in large pieces, so a million-record export makes
// a few hundred writes rather than a million.
class Output {
public:
    using Sink = std::function<bool(std::string_view)>;
    explicit Output(Sink sink) : m_sink(std::move(sink)) { m_buffer.reserve(FLUSH_AT + 4096); }

    std::string& buffer() { return m_buffer; }

    void maybe_flush() {
        if (m_buffer.size() >= FLUSH_AT) {
            flush();
        }
    }

    bool flush() {
        if (m_ok && !m_buffer.empty()) {
            m_ok = m_sink(m_buffer);
        }
        m_buffer.clear();
        return m_ok;
    }

private:
    static constexpr size_t FLUSH_AT = 1 << 20;
    Sink m_sink;
    std::string m_buffer;
    bool m_ok = true;
};

void field(std::string& out, std::string_view key, std::string_view value, bool first = false) {
    out += first ? "{\"" : ",\"";
    out += key;
    out += "\":";
    append_json_string(out, value);
}

void raw_field(std::string& out, std::string_view key, std::string_view raw) {
    out += ",\"";
    out += key;
    out += "\":";
    out += raw;
}

void date_field(std::string& out, std::string_view key, std::optional<core::Day> day) {
    if (day) {
        field(out, key, core::format_date(*day));
    } else {
        raw_field(out, key, "null");
    }
}

void write_record(std::string& out, const core::Partnership& p) {
    field(out, "id", p.id, true);
    field(out, "name", p.name);
    out += ",\"organisations\":[";
    for (size_t i = 0; i < p.organisations.size(); ++i) {
        const auto& o = p.organisations[i];
        out += i ? "," : "";
        field(out, "id", o.id, true);
        field(out, "name", o.name);
        field(out, "kind", name_of(o.kind));
        out += '}';
    }
    out += ']';
}

void write_record(std::string& out, const core::Place& p) {
    field(out, "id", p.id, true);
    field(out, "partnership", p.partnership);
    field(out, "name", p.name);
    raw_field(out, "support_threshold", fmt::format("{}", p.support_threshold));
}

void write_record(std::string& out, const core::Person& p) {
    field(out, "id", p.id, true);
    field(out, "name", p.name);
    raw_field(out, "support_need", p.support_need ? "true" : "false");
    date_field(out, "joined", p.joined);
    if (p.entry_channel) {
        field(out, "entry_channel", name_of(*p.entry_channel));
    } else {
        raw_field(out, "entry_channel", "null");
    }
    out += ",\"consent\":{\"support_need\":";
    out += p.consent.support_need ? "true" : "false";
    out += ",\"pathways\":";
    out += p.consent.pathways ? "true" : "false";
    out += '}';
}

void write_record(std::string& out, const core::CompanionLink& c) {
    field(out, "person", c.person, true);
    field(out, "companion", c.companion);
    field(out, "partnership", c.partnership);
    date_field(out, "from", c.from);
    date_field(out, "to", c.to);
}

void write_record(std::string& out, const core::Activity& a) {
    field(out, "id", a.id, true);
    field(out, "place", a.place);
    field(out, "title", a.title);
    field(out, "kind", name_of(a.kind));
    if (a.initiated_by) {
        field(out, "initiated_by", *a.initiated_by);
    } else {
        raw_field(out, "initiated_by", "null");
    }
    date_field(out, "created", a.created);
}

void write_record(std::string& out, const core::Occurrence& o) {
    field(out, "id", o.id, true);
    field(out, "activity", o.activity);
    field(out, "start", core::format_local_time(o.start));
    field(out, "end", core::format_local_time(o.end));
}

void write_record(std::string& out, const core::Participation& p) {
    field(out, "person", p.person, true);
    field(out, "occurrence", p.occurrence);
    field(out, "role", name_of(p.role));
}

void write_record(std::string& out, const core::Visit& v) {
    field(out, "person", v.person, true);
    field(out, "place", v.place);
    date_field(out, "date", v.date);
}

void write_record(std::string& out, const core::Relation& r) {
    field(out, "a", r.a, true);
    field(out, "b", r.b);
    date_field(out, "since", r.since);
    date_field(out, "until", r.until);
    field(out, "source", name_of(r.source));
}

void write_record(std::string& out, const core::Pathway& p) {
    field(out, "person", p.person, true);
    date_field(out, "date", p.date);
    field(out, "kind", name_of(p.kind));
}

void optional_field(std::string& out, std::string_view key,
                    const std::optional<std::string>& value) {
    if (value) {
        field(out, key, *value);
    } else {
        raw_field(out, key, "null");
    }
}

void strings_field(std::string& out, std::string_view key, const std::vector<std::string>& list) {
    out += ",\"";
    out += key;
    out += "\":[";
    for (size_t i = 0; i < list.size(); ++i) {
        out += i ? "," : "";
        append_json_string(out, list[i]);
    }
    out += ']';
}

void write_record(std::string& out, const core::LogbookTemplateRecord& t) {
    field(out, "id", t.id, true);
    field(out, "scope", core::logbook_scope_name(t.scope));
    optional_field(out, "place", t.place);
    optional_field(out, "activity", t.activity);
    field(out, "name", t.name);
    out += ",\"versions\":[";
    for (size_t v = 0; v < t.versions.size(); ++v) {
        const core::LogbookVersionRecord& version = t.versions[v];
        out += v ? ",{\"number\":" : "{\"number\":";
        out += std::to_string(version.number);
        field(out, "created", core::format_local_time(version.created));
        out += ",\"fields\":[";
        for (size_t f = 0; f < version.fields.size(); ++f) {
            const core::LogbookFieldRecord& x = version.fields[f];
            out += f ? "," : "";
            field(out, "key", x.key, true);
            field(out, "label", x.label);
            field(out, "type", core::field_type_name(x.type));
            strings_field(out, "options", x.options);
            raw_field(out, "required", x.required ? "true" : "false");
            out += '}';
        }
        out += "]}";
    }
    out += ']';
}

void write_record(std::string& out, const core::LogbookEntryRecord& e) {
    field(out, "id", e.id, true);
    field(out, "template", e.template_id);
    raw_field(out, "version", std::to_string(e.version));
    date_field(out, "date", e.date);
    field(out, "written_at", core::format_local_time(e.written_at));
    out += ",\"values\":[";
    for (size_t i = 0; i < e.values.size(); ++i) {
        const core::LogbookValueRecord& v = e.values[i];
        out += i ? "," : "";
        field(out, "key", v.key, true);
        if (v.text) {
            field(out, "text", *v.text);
        } else if (v.number) {
            raw_field(out, "number", fmt::format("{}", *v.number));
        } else if (v.yes) {
            raw_field(out, "yes", *v.yes ? "true" : "false");
        } else if (v.date) {
            date_field(out, "date", v.date);
        } else if (v.choices) {
            strings_field(out, "choices", *v.choices);
        } else if (v.people) {
            strings_field(out, "people", *v.people);
        }
        out += '}';
    }
    out += ']';
}

void write_record(std::string& out, const core::CodeRecord& c) {
    field(out, "id", c.id, true);
    field(out, "partnership", c.partnership);
    field(out, "group", core::theme_group_name(c.group));
    field(out, "name_da", c.name_da);
    field(out, "name_en", c.name_en);
    field(out, "description_da", c.description_da);
    field(out, "description_en", c.description_en);
    raw_field(out, "retired", c.retired ? "true" : "false");
}

void write_record(std::string& out, const core::InterviewGuideRecord& g) {
    write_interview_guide(out, g);
}

void write_record(std::string& out, const core::SurveyRoundRecord& r) {
    write_survey_round(out, r);
}

template <class Records>
void write_collection(Output& output, std::string_view name, const Records& records) {
    std::string& out = output.buffer();
    out += ",\n  \"";
    out += name;
    out += "\": [";
    for (size_t i = 0; i < records.size(); ++i) {
        output.buffer() += i ? ",\n    " : "\n    ";
        write_record(output.buffer(), records[i]);
        output.buffer() += '}';
        output.maybe_flush();
    }
    output.buffer() += records.empty() ? "]" : "\n  ]";
}

bool write(const core::Bundle& b, Output& output) {
    output.buffer() += "{\n  \"format\": \"";
    output.buffer() += core::BUNDLE_FORMAT;
    output.buffer() += '"';
    write_collection(output, "partnerships", b.partnerships);
    write_collection(output, "places", b.places);
    write_collection(output, "people", b.people);
    write_collection(output, "companions", b.companions);
    write_collection(output, "activities", b.activities);
    write_collection(output, "occurrences", b.occurrences);
    write_collection(output, "participations", b.participations);
    write_collection(output, "visits", b.visits);
    write_collection(output, "relations", b.relations);
    write_collection(output, "pathways", b.pathways);
    // The self-evaluation collections are optional in the format and written only when they
    // have records, so that the export of a partnership without them is what it always was.
    if (!b.logbook_templates.empty()) {
        write_collection(output, "logbook_templates", b.logbook_templates);
    }
    if (!b.logbook_entries.empty()) {
        write_collection(output, "logbook_entries", b.logbook_entries);
    }
    if (!b.codes.empty()) {
        write_collection(output, "codes", b.codes);
    }
    if (!b.interviews.empty()) {
        write_collection(output, "interviews", b.interviews);
    }
    if (!b.survey_responses.empty()) {
        write_collection(output, "survey_responses", b.survey_responses);
    }
    output.buffer() += "\n}\n";
    return output.flush();
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
    static constexpr char HEX[] = "0123456789abcdef";
    out += '"';
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            switch (c) {
                case '\n':
                    out += "\\n";
                    break;
                case '\t':
                    out += "\\t";
                    break;
                case '\r':
                    out += "\\r";
                    break;
                case '\b':
                    out += "\\b";
                    break;
                case '\f':
                    out += "\\f";
                    break;
                default:
                    out += "\\u00";
                    out += HEX[u >> 4];
                    out += HEX[u & 0xF];
            }
        } else {
            out += c;
        }
    }
    out += '"';
}

core::Result<void> write_bundle(const core::Bundle& bundle, std::FILE* file) {
    Output output([file](std::string_view chunk) {
        return std::fwrite(chunk.data(), 1, chunk.size(), file) == chunk.size();
    });
    if (!write(bundle, output) || std::fflush(file) != 0) {
        return core::fail(core::ErrorCode::Storage, std::strerror(errno));
    }
    return {};
}

std::string write_bundle_text(const core::Bundle& bundle) {
    std::string text;
    Output output([&text](std::string_view chunk) {
        text.append(chunk);
        return true;
    });
    write(bundle, output);
    return text;
}

}  // namespace samskab::bundle
