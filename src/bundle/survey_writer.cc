#include "bundle/survey_writer.h"

#include "bundle/bundle_writer.h"

namespace samskab::bundle {

namespace {

// `,"key":"value"`, or `{"key":"value"` for the first field of an object.
void text_field(std::string& out, std::string_view key, std::string_view value,
                bool first = false) {
    out += first ? "{\"" : ",\"";
    out += key;
    out += "\":";
    append_json_string(out, value);
}

void optional_field(std::string& out, std::string_view key, const std::optional<std::string>& value,
                    bool first = false) {
    if (value) {
        text_field(out, key, *value, first);
        return;
    }
    out += first ? "{\"" : ",\"";
    out += key;
    out += "\":null";
}

void write_response(std::string& out, const core::SurveyResponseRecord& response) {
    optional_field(out, "person", response.person, true);
    out += ",\"answers\":{";
    for (size_t i = 0; i < response.answers.size(); ++i) {
        out += i ? "," : "";
        append_json_string(out, response.answers[i].question);
        out += ':';
        append_json_string(out, response.answers[i].answer);
    }
    out += "}}";
}

}  // namespace

void write_survey_round(std::string& out, const core::SurveyRoundRecord& round) {
    text_field(out, "id", round.id, true);
    text_field(out, "partnership", round.partnership);
    optional_field(out, "place", round.place);
    text_field(out, "title", round.title);
    text_field(out, "opens", core::format_date(round.opens));
    text_field(out, "closes", core::format_date(round.closes));
    out += round.anonymous ? ",\"anonymous\":true" : ",\"anonymous\":false";
    out += ",\"responses\":[";
    for (size_t i = 0; i < round.responses.size(); ++i) {
        out += i ? "," : "";
        write_response(out, round.responses[i]);
    }
    out += "],\"respondents\":[";
    for (size_t i = 0; i < round.respondents.size(); ++i) {
        out += i ? "," : "";
        append_json_string(out, round.respondents[i]);
    }
    out += ']';
}

}  // namespace samskab::bundle
