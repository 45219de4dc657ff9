#include "bundle/interview_reader.h"

#include <string>

namespace samskab::bundle {

namespace {

using core::Msg;
using nlohmann::json;

// Calls `read(RecordReader&)` for each object of the array `key` of `r`; other elements are
// reported. A missing array is reported when `required`.
template <class Read>
void each_object(RecordReader& r, const char* key, bool required, core::Lang lang,
                 std::vector<core::BundleIssue>& issues, Read&& read) {
    if (required && !r.has(key)) {
        r.issue(key, Msg::Required);
    }
    const json* list = r.optional_array(key);
    if (!list) {
        return;
    }
    for (size_t i = 0; i < list->size(); ++i) {
        const std::string path = r.path_of(key) + "[" + std::to_string(i) + "]";
        if (!(*list)[i].is_object()) {
            issues.push_back({path, core::message(lang, Msg::MustBeObject)});
            continue;
        }
        RecordReader nested((*list)[i], path, lang, issues);
        read(nested);
        nested.finish();
    }
}

core::InterviewNoteRecord read_note(RecordReader& r, core::Lang lang,
                                    std::vector<core::BundleIssue>& issues) {
    core::InterviewNoteRecord note;
    note.question = r.integer("question");
    note.text = r.text("text");
    // A note nobody has coded yet may leave `codings` out.
    each_object(r, "codings", false, lang, issues, [&](RecordReader& c) {
        core::InterviewCodingRecord coding;
        coding.theme = c.id("theme");
        coding.quote = c.text("quote");
        note.codings.push_back(std::move(coding));
    });
    return note;
}

core::HeldInterviewRecord read_interview(RecordReader& r, core::Lang lang,
                                         std::vector<core::BundleIssue>& issues) {
    core::HeldInterviewRecord interview;
    interview.id = r.id("id");
    interview.date = r.date("date");
    interview.interviewee = r.text("interviewee");
    interview.person = r.optional_id("person");
    each_object(r, "notes", false, lang, issues,
                [&](RecordReader& n) { interview.notes.push_back(read_note(n, lang, issues)); });
    return interview;
}

}  // namespace

core::InterviewGuideRecord read_interview_guide(RecordReader& r, core::Lang lang,
                                                std::vector<core::BundleIssue>& issues) {
    core::InterviewGuideRecord guide;
    guide.id = r.id("id");
    guide.partnership = r.id("partnership");
    guide.title = r.text("title");
    if (!r.has("questions")) {
        r.issue("questions", Msg::Required);
    }
    guide.questions = r.optional_strings("questions", true).value_or(std::vector<std::string>{});
    each_object(r, "interviews", false, lang, issues, [&](RecordReader& i) {
        guide.interviews.push_back(read_interview(i, lang, issues));
    });
    return guide;
}

}  // namespace samskab::bundle
