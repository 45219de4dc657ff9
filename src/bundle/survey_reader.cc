#include "bundle/survey_reader.h"

#include <algorithm>
#include <string>

namespace samskab::bundle {

namespace {

using core::Msg;
using nlohmann::json;

core::SurveyResponseRecord read_response(RecordReader& r, core::Lang lang,
                                         std::vector<core::BundleIssue>& issues) {
    core::SurveyResponseRecord response;
    response.person = r.optional_id("person");
    if (!r.has("answers")) {
        r.issue("answers", Msg::Required);
    }
    if (const json* answers = r.optional_object("answers")) {
        for (const auto& [question, value] : answers->items()) {
            const std::string path = r.path_of("answers") + "." + key_in_path(question);
            if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
                issues.push_back({path, core::message(lang, Msg::MustBeString)});
                continue;
            }
            response.answers.push_back({question, value.get<std::string>()});
        }
    }
    std::sort(response.answers.begin(), response.answers.end());
    return response;
}

}  // namespace

core::SurveyRoundRecord read_survey_round(RecordReader& r, core::Lang lang,
                                          std::vector<core::BundleIssue>& issues) {
    core::SurveyRoundRecord round;
    round.id = r.id("id");
    round.partnership = r.id("partnership");
    round.place = r.optional_id("place");
    round.title = r.text("title");
    round.opens = r.date("opens");
    round.closes = r.date("closes");
    if (!r.has("anonymous")) {
        r.issue("anonymous", Msg::Required);
    }
    round.anonymous = r.boolean("anonymous", true);
    if (const json* list = r.optional_array("responses")) {
        for (size_t i = 0; i < list->size(); ++i) {
            const std::string path = r.path_of("responses") + "[" + std::to_string(i) + "]";
            if (!(*list)[i].is_object()) {
                issues.push_back({path, core::message(lang, Msg::MustBeObject)});
                continue;
            }
            RecordReader nested((*list)[i], path, lang, issues);
            round.responses.push_back(read_response(nested, lang, issues));
            nested.finish();
        }
    }
    round.respondents =
        r.optional_strings("respondents", true).value_or(std::vector<std::string>{});
    return round;
}

}  // namespace samskab::bundle
