#include "core/bundle_validator_surveys.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "core/bundle_checker.h"
#include "core/survey.h"

namespace samskab::core {

namespace {

std::string question_ids() {
    std::string out;
    for (const SurveyQuestion& question : survey_questions()) {
        out += out.empty() ? "" : ", ";
        out += question.id;
    }
    return out;
}

class SurveyChecker : BundleChecker {
public:
    SurveyChecker(const Bundle& bundle, Lang lang, const IdLookup& stored,
                  std::vector<BundleIssue>& issues)
        : BundleChecker(lang, stored, issues) {
        for (const Partnership& p : bundle.partnerships) {
            m_partnerships.insert(p.id);
        }
        for (const Place& p : bundle.places) {
            m_place_partnership.emplace(p.id, p.partnership);
        }
        for (const Person& p : bundle.people) {
            m_people.insert(p.id);
        }
    }

    void round(const SurveyRoundRecord& r, size_t index) {
        const std::string path = at("survey_responses", index);
        if (!r.id.empty()) {
            auto [it, inserted] = m_round_ids.emplace(r.id, path);
            if (!inserted) {
                issue(path + ".id", message(m_lang, Msg::DuplicateId, {r.id, it->second}));
            }
        }
        if (!r.partnership.empty() &&
            !known(m_partnerships, Collection::Partnerships, r.partnership)) {
            unknown(path + ".partnership", Msg::NounPartnership, r.partnership);
        }
        if (r.place && !r.place->empty()) {
            place(r, *r.place, path + ".place");
        }
        SurveyRound as_round;
        as_round.title = r.title;
        as_round.opens = r.opens;
        as_round.closes = r.closes;
        // An empty title has been reported by the reader.
        if (auto valid = validate_survey_round(as_round, m_lang);
            !valid && !(valid.error().field == "title" && r.title.empty())) {
            issue(path + "." + valid.error().field, valid.error().message);
        }
        std::unordered_map<std::string, std::string> answered;
        for (size_t i = 0; i < r.responses.size(); ++i) {
            response(r, r.responses[i], path + "." + at("responses", i), answered);
        }
        if (!r.anonymous && !r.respondents.empty()) {
            issue(path + ".respondents", message(m_lang, Msg::SurveyRespondentsInNamed));
        }
        std::unordered_map<std::string, std::string> listed;
        for (size_t i = 0; i < r.respondents.size() && r.anonymous; ++i) {
            const std::string& person = r.respondents[i];
            const std::string item = path + "." + at("respondents", i);
            if (!person.empty() && !known(m_people, Collection::People, person)) {
                unknown(item, Msg::NounPerson, person);
            }
            if (auto [it, inserted] = listed.emplace(person, item); !inserted) {
                issue(item, message(m_lang, Msg::DuplicateRecord, {it->second}));
            }
        }
    }

private:
    void place(const SurveyRoundRecord& r, const std::string& place, const std::string& path) {
        if (auto found = m_place_partnership.find(place); found != m_place_partnership.end()) {
            if (!r.partnership.empty() && found->second != r.partnership) {
                issue(path, message(m_lang, Msg::SurveyPlaceOfOtherPartnership, {place}));
            }
        } else if (!(m_stored && m_stored(Collection::Places, place))) {
            unknown(path, Msg::NounPlace, place);
        }
    }

    void response(const SurveyRoundRecord& r, const SurveyResponseRecord& response,
                  const std::string& path, std::unordered_map<std::string, std::string>& answered) {
        if (r.anonymous && response.person) {
            issue(path + ".person", message(m_lang, Msg::SurveyPersonInAnonymous));
        } else if (!r.anonymous && !response.person) {
            issue(path + ".person", message(m_lang, Msg::Required));
        } else if (response.person && !response.person->empty()) {
            if (!known(m_people, Collection::People, *response.person)) {
                unknown(path + ".person", Msg::NounPerson, *response.person);
            }
            if (auto [it, inserted] = answered.emplace(*response.person, path); !inserted) {
                issue(path + ".person", message(m_lang, Msg::DuplicateRecord, {it->second}));
            }
        }
        for (const SurveyAnswerRecord& answer : response.answers) {
            const std::string field = path + ".answers." + answer.question;
            if (find_survey_question(answer.question) == nullptr) {
                issue(field, message(m_lang, Msg::SurveyUnknownQuestion,
                                     {answer.question, question_ids()}));
            } else if (!answer.answer.empty() && !parse_survey_answer(answer.answer)) {
                issue(field,
                      message(m_lang, Msg::UnknownValue, {answer.answer, "yes, a_little, no"}));
            }
        }
    }

    std::unordered_set<std::string> m_partnerships;
    std::unordered_map<std::string, std::string> m_place_partnership;
    std::unordered_set<std::string> m_people;
    std::unordered_map<std::string, std::string> m_round_ids;
};

}  // namespace

void check_survey_rounds(const Bundle& bundle, Lang lang, const IdLookup& stored,
                         std::vector<BundleIssue>& issues) {
    SurveyChecker check(bundle, lang, stored, issues);
    for (size_t i = 0; i < bundle.survey_responses.size(); ++i) {
        check.round(bundle.survey_responses[i], i);
    }
}

SurveyRoundRecord normalised_round(SurveyRoundRecord record) {
    for (SurveyResponseRecord& response : record.responses) {
        std::sort(response.answers.begin(), response.answers.end());
    }
    std::sort(record.responses.begin(), record.responses.end());
    std::sort(record.respondents.begin(), record.respondents.end());
    return record;
}

Result<void> check_survey_answers(const SurveyResponseRecord& response) {
    for (const SurveyAnswerRecord& answer : response.answers) {
        if (find_survey_question(answer.question) == nullptr) {
            return fail(ErrorCode::Invalid,
                        message(Lang::Da, Msg::SurveyUnknownQuestion, {answer.question, "?"}),
                        "answers");
        }
        if (!parse_survey_answer(answer.answer)) {
            return fail(ErrorCode::Invalid,
                        message(Lang::Da, Msg::UnknownValue, {answer.answer, "yes, a_little, no"}),
                        "answers");
        }
    }
    return {};
}

}  // namespace samskab::core
