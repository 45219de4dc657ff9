#include "bundle/bundle_reader.h"

#include <array>
#include <string>

#include <nlohmann/json.hpp>

#include "bundle/interview_reader.h"
#include "bundle/record_reader.h"
#include "bundle/self_evaluation_reader.h"
#include "bundle/survey_reader.h"

namespace samskab::bundle {

namespace {

using core::Msg;
using nlohmann::json;

enum class Section {
    Partnerships,
    Places,
    People,
    Companions,
    Activities,
    Occurrences,
    Participations,
    Visits,
    Relations,
    Pathways,
    LogbookTemplates,
    LogbookEntries,
    Codes,
    Interviews,
    SurveyResponses,
    None,
};

constexpr std::array<std::string_view, 15> SECTION_NAMES = {
    "partnerships",      "places",          "people", "companions", "activities",
    "occurrences",       "participations",  "visits", "relations",  "pathways",
    "logbook_templates", "logbook_entries", "codes",  "interviews", "survey_responses"};

Section section_of(std::string_view key) {
    for (size_t i = 0; i < SECTION_NAMES.size(); ++i) {
        if (SECTION_NAMES[i] == key) {
            return static_cast<Section>(i);
        }
    }
    return Section::None;
}

// Turns each element of a top-level collection into a record as soon as the parser has it, then
// lets the parser drop it: the document is never held as one JSON tree.
class Collector {
public:
    explicit Collector(core::Lang lang) : m_lang(lang) {}

    bool on_event(int depth, json::parse_event_t event, json& parsed) {
        using Event = json::parse_event_t;
        if (depth == 0) {
            if (event == Event::object_start) {
                m_root_is_object = true;
            } else if (event == Event::value || event == Event::array_start) {
                issue("$", Msg::MustBeObject);
            }
            return true;
        }
        if (!m_root_is_object) {
            return false;
        }
        if (depth == 1) {
            return on_top_level(event, parsed);
        }
        if (depth == 2 && m_section != Section::None && m_in_array) {
            if (event == Event::object_end) {
                add_record(parsed);
                return false;
            }
            if (event == Event::value || event == Event::array_end) {
                issue(element_path(), Msg::MustBeObject);
                ++m_index;
                return false;
            }
        }
        return true;
    }

    void finish() {
        if (m_root_is_object && !m_saw_format) {
            issue("format", Msg::Required);
        }
    }

    void issue(std::string path, Msg id, std::initializer_list<std::string_view> args = {}) {
        result.issues.push_back({std::move(path), core::message(m_lang, id, args)});
    }

    ReadResult result;

private:
    bool on_top_level(json::parse_event_t event, json& parsed) {
        using Event = json::parse_event_t;
        switch (event) {
            case Event::key:
                m_key = parsed.get<std::string>();
                m_section = section_of(m_key);
                m_index = 0;
                m_in_array = false;
                if (m_section == Section::None && m_key != "format") {
                    issue(key_in_path(m_key), Msg::UnknownField);
                }
                return true;
            case Event::array_start:
                m_in_array = m_section != Section::None;
                if (m_key == "format") {
                    issue("format", Msg::WrongFormat, {core::BUNDLE_FORMAT, "[…]"});
                }
                return true;
            case Event::object_start:
                if (m_section != Section::None) {
                    issue(m_key, Msg::MustBeArray);
                } else if (m_key == "format") {
                    issue("format", Msg::WrongFormat, {core::BUNDLE_FORMAT, "{…}"});
                }
                m_section = Section::None;
                return true;
            case Event::value:
                if (m_key == "format") {
                    m_saw_format = true;
                    if (!parsed.is_string() ||
                        parsed.get_ref<const std::string&>() != core::BUNDLE_FORMAT) {
                        issue("format", Msg::WrongFormat, {core::BUNDLE_FORMAT, quote(parsed)});
                    }
                } else if (m_section != Section::None && !parsed.is_null()) {
                    issue(m_key, Msg::MustBeArray);
                }
                return false;
            case Event::array_end:
            case Event::object_end:
                m_in_array = false;
                m_section = Section::None;
                return false;
            default:
                return true;
        }
    }

    std::string element_path() const { return m_key + "[" + std::to_string(m_index) + "]"; }

    void add_record(const json& object) {
        RecordReader r(object, element_path(), m_lang, result.issues);
        core::Bundle& b = result.bundle;
        switch (m_section) {
            case Section::Partnerships:
                b.partnerships.push_back(read_partnership(r));
                break;
            case Section::Places:
                b.places.push_back(read_place(r));
                break;
            case Section::People:
                b.people.push_back(read_person(r));
                break;
            case Section::Companions:
                b.companions.push_back(read_companion(r));
                break;
            case Section::Activities:
                b.activities.push_back(read_activity(r));
                break;
            case Section::Occurrences:
                b.occurrences.push_back(read_occurrence(r));
                break;
            case Section::Participations:
                b.participations.push_back(
                    {r.id("person"), r.id("occurrence"), r.choice<core::Role>("role")});
                break;
            case Section::Visits:
                b.visits.push_back({r.id("person"), r.id("place"), r.date("date")});
                break;
            case Section::Relations:
                b.relations.push_back(read_relation(r));
                break;
            case Section::Pathways:
                b.pathways.push_back(
                    {r.id("person"), r.date("date"), r.choice<core::PathwayKind>("kind")});
                break;
            case Section::LogbookTemplates:
                b.logbook_templates.push_back(read_logbook_template(r, m_lang, result.issues));
                break;
            case Section::LogbookEntries:
                b.logbook_entries.push_back(read_logbook_entry(r, m_lang, result.issues));
                break;
            case Section::Codes:
                b.codes.push_back(read_code(r));
                break;
            case Section::Interviews:
                b.interviews.push_back(read_interview_guide(r, m_lang, result.issues));
                break;
            case Section::SurveyResponses:
                b.survey_responses.push_back(read_survey_round(r, m_lang, result.issues));
                break;
            case Section::None:
                break;
        }
        r.finish();
        ++m_index;
    }

    core::Partnership read_partnership(RecordReader& r) {
        core::Partnership p{r.id("id"), r.text("name"), {}};
        if (const json* orgs = r.optional_array("organisations")) {
            for (size_t i = 0; i < orgs->size(); ++i) {
                const std::string path = r.path_of("organisations") + "[" + std::to_string(i) + "]";
                const json& element = (*orgs)[i];
                if (!element.is_object()) {
                    issue(path, Msg::MustBeObject);
                    continue;
                }
                RecordReader o(element, path, m_lang, result.issues);
                p.organisations.push_back(
                    {o.id("id"), o.text("name"), o.choice<core::OrganisationKind>("kind")});
                o.finish();
            }
        }
        return p;
    }

    core::Place read_place(RecordReader& r) {
        core::Place p{r.id("id"), r.id("partnership"), r.text("name"),
                      core::DEFAULT_SUPPORT_THRESHOLD};
        if (auto threshold = r.optional_number("support_threshold")) {
            if (*threshold < 0.0 || *threshold > 1.0) {
                r.issue("support_threshold", Msg::ThresholdOutOfRange);
            } else {
                p.support_threshold = *threshold;
            }
        }
        return p;
    }

    core::Person read_person(RecordReader& r) {
        core::Person p;
        p.id = r.id("id");
        p.name = r.text("name");
        p.support_need = r.boolean("support_need", false);
        p.joined = r.optional_date("joined");
        p.entry_channel = r.optional_choice<core::EntryChannel>("entry_channel");
        if (const json* consent = r.optional_object("consent")) {
            RecordReader c(*consent, r.path_of("consent"), m_lang, result.issues);
            p.consent.support_need = c.boolean("support_need", false);
            p.consent.pathways = c.boolean("pathways", false);
            c.finish();
        }
        return p;
    }

    core::CompanionLink read_companion(RecordReader& r) {
        return {r.id("person"), r.id("companion"), r.id("partnership"), r.date("from"),
                r.optional_date("to")};
    }

    core::Activity read_activity(RecordReader& r) {
        core::Activity a;
        a.id = r.id("id");
        a.place = r.id("place");
        a.title = r.text("title");
        a.kind = r.choice<core::ActivityKind>("kind");
        a.initiated_by = r.optional_id("initiated_by");
        a.created = r.date("created");
        return a;
    }

    core::Occurrence read_occurrence(RecordReader& r) {
        return {r.id("id"), r.id("activity"), r.time("start"), r.time("end")};
    }

    core::Relation read_relation(RecordReader& r) {
        return {r.id("a"), r.id("b"), r.date("since"), r.optional_date("until"),
                r.choice<core::RelationSource>("source")};
    }

    core::Lang m_lang;
    std::string m_key;
    Section m_section = Section::None;
    bool m_in_array = false;
    bool m_root_is_object = false;
    bool m_saw_format = false;
    size_t m_index = 0;
};

// The library's own explanation, without its "[json.exception...]" prefix.
std::string library_message(const json::exception& e) {
    std::string what = e.what();
    if (auto end = what.find("] ");
        what.rfind("[json.exception", 0) == 0 && end != std::string::npos) {
        what = what.substr(end + 2);
    }
    return what;
}

template <class Input>
ReadResult read(Input&& input, core::Lang lang) {
    Collector collector(lang);
    try {
        const json root =
            json::parse(std::forward<Input>(input),
                        [&collector](int depth, json::parse_event_t event, json& parsed) {
                            return collector.on_event(depth, event, parsed);
                        });
        (void)root;  // every record was taken out by the collector while parsing
        collector.finish();
    } catch (const json::parse_error& e) {
        // The JSON library reports syntax errors by exception; they are the user's input errors.
        collector.issue("$", Msg::InvalidJson, {std::to_string(e.byte), library_message(e)});
    } catch (const json::exception& e) {
        // Well-formed JSON the library cannot represent, such as a number beyond a double.
        collector.issue("$", Msg::InvalidJsonValue, {library_message(e)});
    }
    return std::move(collector.result);
}

}  // namespace

ReadResult read_bundle(std::FILE* file, core::Lang lang) {
    return read(file, lang);
}

ReadResult read_bundle_text(std::string_view text, core::Lang lang) {
    return read(text, lang);
}

}  // namespace samskab::bundle
