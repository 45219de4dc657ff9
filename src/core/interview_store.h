#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/interview.h"
#include "core/result.h"
#include "core/self_assessment.h"

namespace samskab::core {

// Where a partnership's interviews, codebook and promoters/inhibitors checks are kept.
// Implemented by storage/sqlite. Every method is one durable transaction. Errors:
// - NotFound naming the parameter ("partnership", "guide", "question", "interview", "note",
//   "coding", "theme", "person", "interviewer") for an unknown id;
// - Invalid from the validators of core/interview.h and core/self_assessment.h (their field
//   names), in Danish: the web layer shows its own translation of code and field;
// - Conflict as stated below; Storage when the database fails.
// The caller has checked that the principal may act for the partnership concerned.
class InterviewStore {
public:
    virtual ~InterviewStore() = default;

    // --- the codebook
    // The partnership's themes in codebook order: its own copy once it has one, else the
    // starting codebook (core/starting_codebook.h), unstored.
    virtual Result<std::vector<Theme>> codebook(std::string_view partnership) = 0;
    // Whether the partnership has its own copy yet.
    virtual Result<bool> has_own_codebook(std::string_view partnership) = 0;
    // Adds a theme (empty `theme.id`: the store makes one, "t-<12 hex>") or changes one (name,
    // group, description, active: renaming, retiring, bringing back). The partnership's copy
    // of the starting codebook is made first when it has none. Returns the theme's id.
    virtual Result<std::string> save_theme(std::string_view partnership, const Theme& theme) = 0;

    // --- interview guides
    virtual Result<std::vector<InterviewGuide>> guides(std::string_view partnership) = 0;
    virtual Result<std::optional<InterviewGuide>> find_guide(std::int64_t guide) = 0;
    virtual Result<std::int64_t> create_guide(std::string_view partnership,
                                              std::string_view title) = 0;
    virtual Result<void> rename_guide(std::int64_t guide, std::string_view title) = 0;
    // Adds a question at the end of the guide.
    virtual Result<std::int64_t> add_question(std::int64_t guide, std::string_view text) = 0;
    virtual Result<void> edit_question(std::int64_t question, std::string_view text) = 0;
    // Moves a question one place up (-1) or down (+1); at either end nothing changes.
    virtual Result<void> move_question(std::int64_t question, int direction) = 0;
    // Conflict (field "question") when notes have been written to it: notes keep their question.
    virtual Result<void> remove_question(std::int64_t question) = 0;

    // --- interviews
    // NotFound "guide", "interviewer" (an account), "person".
    virtual Result<std::int64_t> create_interview(const Interview& interview) = 0;
    // The partnership's interviews, newest first (by date, then id).
    virtual Result<std::vector<Interview>> interviews(std::string_view partnership) = 0;
    virtual Result<std::optional<InterviewRecord>> find_interview(std::int64_t interview) = 0;
    // Writes (or rewrites) the note of one question of an interview; returns the note's id.
    // NotFound "question" when the question is not one of the interview's guide's.
    virtual Result<std::int64_t> save_note(std::int64_t interview, std::int64_t question,
                                           std::string_view text) = 0;
    // Codes `quote` (which must occur in the note) with a theme of the partnership's codebook,
    // copying the starting codebook first when needed. Invalid "theme" when the theme is
    // retired.
    virtual Result<std::int64_t> add_coding(std::int64_t note, std::string_view theme,
                                            std::string_view quote) = 0;
    virtual Result<void> remove_coding(std::int64_t coding) = 0;
    // Every coded passage of the partnership's interviews dated in [from, to], by date.
    virtual Result<std::vector<CodedPassage>> coded_passages(std::string_view partnership, Day from,
                                                             Day to) = 0;

    // --- the promoters/inhibitors check
    // The partnership's check of a half-year, or nullopt when none is saved.
    virtual Result<std::optional<SelfAssessment>> self_assessment(std::string_view partnership,
                                                                  HalfYear half) = 0;
    // Replaces the partnership's check of that half-year with `assessment`.
    virtual Result<void> save_self_assessment(const SelfAssessment& assessment) = 0;
};

}  // namespace samskab::core
