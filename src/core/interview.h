#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/messages.h"
#include "core/result.h"

namespace samskab::core {

// The qualitative side of a partnership's self-evaluation (the booklet's "Evaluering og
// selvevaluering": logbooks and qualitative interviews): interview guides, interviews with notes
// per question, and passages of those notes coded with the themes of a codebook that the
// partnership edits. Plain data with stable ids, so that every type can be exported later.
//
// Interview notes, the interviewee's description and coded quotes are health-adjacent free text
// about vulnerable citizens: only the partnership's own coordinators see them (never
// participants, hosts, companions or the municipal analyst), and the store keeps them in columns
// named *_text so that they can be sealed at rest.

// The groups of the starting codebook: the booklet's three elements of motivation, the three
// elements of the host role, and its promoters and inhibitors ("fremmere og hæmmere"). `Other`
// is for themes a partnership adds that fit none of them.
enum class ThemeGroup : std::uint8_t { Motivation, HostRole, Promoter, Inhibitor, Other };
inline constexpr std::size_t THEME_GROUP_COUNT = 5;

// "motivation", "host_role", "promoter", "inhibitor", "other" (the stored spelling).
std::string_view theme_group_name(ThemeGroup group);
std::optional<ThemeGroup> parse_theme_group(std::string_view text);

// One theme of a partnership's codebook. `id` is stable: the starting codebook's themes have
// readable ids ("fleksibilitet", "forbindende-vaertsskab", ...) that are the same in every
// partnership's copy, themes a partnership adds get "t-<12 hex digits>". A theme is never
// deleted, only retired (`active` false): codings made with it keep it, and it is offered for
// no new coding.
struct Theme {
    std::string id;
    std::string name_da;
    std::string name_en;
    ThemeGroup group = ThemeGroup::Other;
    std::string description_da;
    std::string description_en;
    bool active = true;
};

// The theme's name in `lang`; the other language's when that one is empty.
const std::string& theme_name(const Theme& theme, Lang lang);
const std::string& theme_description(const Theme& theme, Lang lang);

// One question of an interview guide. Ids are the store's; `position` orders a guide's questions.
struct InterviewQuestion {
    std::int64_t id = 0;
    std::string text;
    int position = 0;
};

// A partnership's interview guide: its questions in order.
struct InterviewGuide {
    std::int64_t id = 0;
    std::string partnership;
    std::string title;
    std::vector<InterviewQuestion> questions;
};

// One interview held with a guide. The interviewee is described in words ("ung med
// ungevejleder, 19 år") and need not be a registered person; `person` links one when the
// partnership wants to. `interviewer` is the account that holds (and recorded) the interview.
struct Interview {
    std::int64_t id = 0;
    std::int64_t guide = 0;
    std::string partnership;  // the guide's; filled by the store
    Day date = 0;
    std::int64_t interviewer = 0;
    std::string interviewer_name;  // filled by the store when read
    std::string interviewee;       // sealable free text
    std::optional<std::string> person;
};

// The notes taken for one question of one interview (sealable free text).
struct InterviewNote {
    std::int64_t id = 0;
    std::int64_t interview = 0;
    std::int64_t question = 0;
    std::string text;
};

// A passage of a note coded with a theme. The passage is kept as the quoted text itself, not as
// offsets into the note: notes are corrected after they are coded (a typo, a name taken out),
// and offsets would then silently point at other words, while a quote stays what the coder
// chose and is what a learning meeting reads. When it is made, the quote must occur in the note
// word for word; `in_note` tells a reader whether it still does.
struct Coding {
    std::int64_t id = 0;
    std::int64_t note = 0;
    std::string theme;
    std::string quote;  // sealable free text
    bool in_note = true;
};

// An interview with everything recorded for it, as the coordinator's page shows it.
struct InterviewRecord {
    Interview interview;
    InterviewGuide guide;
    std::vector<InterviewNote> notes;  // at most one per question
    std::vector<Coding> codings;       // in the order they were made
};

// A coded passage with what the analysis needs to know about where it came from.
struct CodedPassage {
    std::int64_t coding = 0;
    std::int64_t interview = 0;
    Day date = 0;  // the interview's
    std::string theme;
    std::string quote;
    std::string question;  // the question's text
};

// Longest accepted texts, in bytes: a title or name, a question or description, a note.
inline constexpr std::size_t MAX_TITLE_LENGTH = 200;
inline constexpr std::size_t MAX_QUESTION_LENGTH = 2000;
inline constexpr std::size_t MAX_NOTE_LENGTH = 50000;

// Validation: the first problem as Invalid, with `field` the form field's name and the message
// in `lang` naming the field ("Temaets danske navn mangler (skal udfyldes)").
// A theme needs a Danish name (the English one may be empty: the Danish is shown instead).
Result<void> validate_theme(const Theme& theme, Lang lang);
Result<void> validate_guide_title(std::string_view title, Lang lang);
Result<void> validate_question(std::string_view text, Lang lang);
// An interview needs a guide, an interviewer and a description of the interviewee.
Result<void> validate_interview(const Interview& interview, Lang lang);
// The description of the interviewee alone (an imported interview has no interviewer account).
Result<void> validate_interviewee(std::string_view text, Lang lang);
Result<void> validate_note(std::string_view text, Lang lang);
// The quote must be non-blank and occur in `note` word for word.
Result<void> validate_quote(std::string_view quote, std::string_view note, Lang lang);

}  // namespace samskab::core
