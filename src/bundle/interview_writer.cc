#include "bundle/interview_writer.h"

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

void write_note(std::string& out, const core::InterviewNoteRecord& note) {
    out += "{\"question\":";
    out += std::to_string(note.question);
    text_field(out, "text", note.text);
    out += ",\"codings\":[";
    for (size_t i = 0; i < note.codings.size(); ++i) {
        out += i ? "," : "";
        text_field(out, "theme", note.codings[i].theme, true);
        text_field(out, "quote", note.codings[i].quote);
        out += '}';
    }
    out += "]}";
}

void write_interview(std::string& out, const core::HeldInterviewRecord& interview) {
    text_field(out, "id", interview.id, true);
    text_field(out, "date", core::format_date(interview.date));
    text_field(out, "interviewee", interview.interviewee);
    if (interview.person) {
        text_field(out, "person", *interview.person);
    } else {
        out += ",\"person\":null";
    }
    out += ",\"notes\":[";
    for (size_t i = 0; i < interview.notes.size(); ++i) {
        out += i ? "," : "";
        write_note(out, interview.notes[i]);
    }
    out += "]}";
}

}  // namespace

void write_interview_guide(std::string& out, const core::InterviewGuideRecord& guide) {
    text_field(out, "id", guide.id, true);
    text_field(out, "partnership", guide.partnership);
    text_field(out, "title", guide.title);
    out += ",\"questions\":[";
    for (size_t i = 0; i < guide.questions.size(); ++i) {
        out += i ? "," : "";
        append_json_string(out, guide.questions[i]);
    }
    out += "],\"interviews\":[";
    for (size_t i = 0; i < guide.interviews.size(); ++i) {
        out += i ? "," : "";
        write_interview(out, guide.interviews[i]);
    }
    out += ']';
}

}  // namespace samskab::bundle
