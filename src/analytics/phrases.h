#pragma once

#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "core/messages.h"

namespace samskab::analytics {

// The message catalogue of the reports: every text a reader sees, in Danish and English.
// Sentences are written to be read aloud at a learning meeting, in plain words.

// The headed sections of the human-readable reports, in report order.
enum class Section {
    Participation,
    Daily,
    Reach,
    Activities,
    EntryChannels,
    Roles,
    Bridging,
    Meetings,
    Pathways,
};

struct FigureText {
    std::string_view key;
    Section section;
    std::string_view label_da;
    std::string_view sentence_da;  // "{}" stands for the value
    std::string_view one_da;       // the sentence when the value is exactly 1; empty: the same
    std::string_view label_en;
    std::string_view sentence_en;
    std::string_view one_en;
};

// The texts of a FIGURE_KEYS key. Precondition: `key` is one of FIGURE_KEYS.
// `da` or `en`, by `lang`: for the texts a file keeps beside its code.
std::string_view pick(core::Lang lang, std::string_view da, std::string_view en);

const FigureText& figure_text(std::string_view key);

std::string_view figure_label(core::Lang lang, std::string_view key);

// The sentence of `key` with `value` filled in; `singular` picks the form for exactly one.
std::string figure_sentence(core::Lang lang, std::string_view key, std::string_view value,
                            bool singular);

std::string_view section_title(core::Lang lang, Section section);

// Texts other than the figures'.
enum class Ui {
    Title,  // {scope}
    ScopeAll,
    ScopePlace,        // {id}
    ScopePartnership,  // {id}
    PeriodLine,        // {period}
    SlicedByYear,      // {count}
    SlicedByQuarter,   // {count}
    SlicedByMonth,     // {count}
    SuppressionNote,   // {k}
    FewerThan,         // {k}
    Hidden,
    HiddenShort,
    UndefinedShare,
    UndefinedMeetings,
    UndefinedShort,
    CountChange,  // {signed difference}
    Unchanged,
    ShareUp,    // {before} {after}
    ShareDown,  // {before} {after}
    ColumnFigure,
    ColumnValue,
    ColumnMeaning,
    FromAfterTo,  // {from} {to}
    KTooSmall,    // {k}
};

std::string_view ui_text(core::Lang lang, Ui id);

// `ui_text(lang, id)` with its "{}" placeholders filled from `args` in order.
template <class... Args>
std::string ui_format(core::Lang lang, Ui id, Args&&... args) {
    return fmt::format(fmt::runtime(ui_text(lang, id)), std::forward<Args>(args)...);
}

}  // namespace samskab::analytics
