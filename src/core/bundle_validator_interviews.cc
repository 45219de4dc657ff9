#include "core/bundle_validator_interviews.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "core/bundle_checker.h"
#include "core/interview.h"
#include "core/starting_codebook.h"

namespace samskab::core {

namespace {

class InterviewChecker : BundleChecker {
public:
    InterviewChecker(const Bundle& bundle, Lang lang, const IdLookup& stored,
                     std::vector<BundleIssue>& issues)
        : BundleChecker(lang, stored, issues) {
        for (const Partnership& p : bundle.partnerships) {
            m_partnerships.insert(p.id);
        }
        for (const Person& p : bundle.people) {
            m_people.insert(p.id);
        }
        for (const Theme& theme : starting_codebook()) {
            m_starting_themes.insert(theme.id);
        }
        for (const CodeRecord& code : bundle.codes) {
            m_bundle_themes.insert(codebook_theme_key(code.partnership, code.id));
        }
    }

    void guide(const InterviewGuideRecord& g, size_t index) {
        const std::string path = at("interviews", index);
        if (!g.id.empty()) {
            auto [it, inserted] = m_guide_ids.emplace(g.id, path);
            if (!inserted) {
                issue(path + ".id", message(m_lang, Msg::DuplicateId, {g.id, it->second}));
            }
        }
        if (!g.partnership.empty() &&
            !known(m_partnerships, Collection::Partnerships, g.partnership)) {
            unknown(path + ".partnership", Msg::NounPartnership, g.partnership);
        }
        if (auto valid = validate_guide_title(g.title, m_lang); !valid && !g.title.empty()) {
            issue(path + ".title", valid.error().message);
        }
        for (size_t q = 0; q < g.questions.size(); ++q) {
            if (auto valid = validate_question(g.questions[q], m_lang); !valid) {
                issue(path + "." + at("questions", q), valid.error().message);
            }
        }
        for (size_t i = 0; i < g.interviews.size(); ++i) {
            interview(g, g.interviews[i], path + "." + at("interviews", i));
        }
    }

private:
    void interview(const InterviewGuideRecord& g, const HeldInterviewRecord& iv,
                   const std::string& path) {
        if (!iv.id.empty()) {
            auto [it, inserted] = m_interview_ids.emplace(iv.id, path);
            if (!inserted) {
                issue(path + ".id", message(m_lang, Msg::DuplicateId, {iv.id, it->second}));
            }
        }
        if (auto valid = validate_interviewee(iv.interviewee, m_lang);
            !valid && !iv.interviewee.empty()) {
            issue(path + ".interviewee", valid.error().message);
        }
        if (iv.person && !iv.person->empty() && !known(m_people, Collection::People, *iv.person)) {
            unknown(path + ".person", Msg::NounPerson, *iv.person);
        }
        std::unordered_map<int, std::string> noted;
        for (size_t n = 0; n < iv.notes.size(); ++n) {
            const InterviewNoteRecord& note = iv.notes[n];
            const std::string note_path = path + "." + at("notes", n);
            if (note.question < 1 || static_cast<size_t>(note.question) > g.questions.size()) {
                issue(note_path + ".question",
                      message(m_lang, Msg::InterviewQuestionNumber,
                              {std::to_string(note.question), std::to_string(g.questions.size())}));
            } else if (auto [it, inserted] = noted.emplace(note.question, note_path); !inserted) {
                issue(note_path, message(m_lang, Msg::DuplicateRecord, {it->second}));
            }
            if (auto valid = validate_note(note.text, m_lang); !valid && !note.text.empty()) {
                issue(note_path + ".text", valid.error().message);
            }
            for (size_t k = 0; k < note.codings.size(); ++k) {
                coding(g, note, note.codings[k], note_path + "." + at("codings", k));
            }
        }
    }

    void coding(const InterviewGuideRecord& g, const InterviewNoteRecord& note,
                const InterviewCodingRecord& c, const std::string& path) {
        if (!c.theme.empty() && !g.partnership.empty() && !theme_known(g.partnership, c.theme)) {
            unknown(path + ".theme", Msg::NounTheme, c.theme);
        }
        if (c.quote.empty()) {
            return;  // reported by the reader
        }
        if (auto valid = validate_quote(c.quote, note.text, m_lang); !valid) {
            issue(path + ".quote", valid.error().message);
        }
    }

    bool theme_known(const std::string& partnership, const std::string& theme) {
        if (m_starting_themes.count(theme) != 0) {
            return true;
        }
        const std::string key = codebook_theme_key(partnership, theme);
        return m_bundle_themes.count(key) != 0 ||
               (m_stored && m_stored(Collection::CodebookThemes, key));
    }

    std::unordered_set<std::string> m_partnerships;
    std::unordered_set<std::string> m_people;
    std::unordered_set<std::string> m_starting_themes;
    std::unordered_set<std::string> m_bundle_themes;
    std::unordered_map<std::string, std::string> m_guide_ids;
    std::unordered_map<std::string, std::string> m_interview_ids;
};

}  // namespace

void check_interviews(const Bundle& bundle, Lang lang, const IdLookup& stored,
                      std::vector<BundleIssue>& issues) {
    InterviewChecker check(bundle, lang, stored, issues);
    for (size_t i = 0; i < bundle.interviews.size(); ++i) {
        check.guide(bundle.interviews[i], i);
    }
}

}  // namespace samskab::core
