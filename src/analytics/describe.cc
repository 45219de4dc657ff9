#include "analytics/describe.h"

#include <cmath>

#include "analytics/format.h"

namespace samskab::analytics {

namespace {

bool comparable(const Cell& cell) {
    return cell.visibility == Visibility::Shown && cell.value.has_value();
}

std::string undefined_text(const Cell& cell, core::Lang lang) {
    return std::string(
        ui_text(lang, cell.kind == CellKind::Size ? Ui::UndefinedMeetings : Ui::UndefinedShare));
}

// A difference with its sign: "+12", "-3", "+0,5".
std::string signed_difference(const Cell& cell, double difference, core::Lang lang) {
    std::string magnitude;
    if (cell.kind == CellKind::Count || difference == std::floor(difference)) {
        magnitude = format_count(static_cast<std::int64_t>(std::abs(difference)), lang);
    } else {
        magnitude = format_decimal(std::abs(difference), 1, lang);
    }
    return (difference < 0 ? "-" : "+") + magnitude;
}

}  // namespace

std::string describe_value(const Cell& cell, core::Lang lang, std::optional<int> k) {
    switch (cell.visibility) {
        case Visibility::BelowK:
            return "<" + std::to_string(k.value_or(0));
        case Visibility::Hidden:
            return std::string(ui_text(lang, Ui::HiddenShort));
        case Visibility::Shown:
            break;
    }
    if (!cell.value) {
        return std::string(ui_text(lang, Ui::UndefinedShort));
    }
    return format_cell_value(cell, lang);
}

std::string describe_meaning(const Cell& cell, core::Lang lang, std::optional<int> k) {
    switch (cell.visibility) {
        case Visibility::BelowK:
            return figure_sentence(lang, cell.key, ui_format(lang, Ui::FewerThan, k.value_or(0)),
                                   false) +
                   " (" + std::string(ui_text(lang, Ui::Hidden)) + ")";
        case Visibility::Hidden:
            return std::string(ui_text(lang, Ui::Hidden));
        case Visibility::Shown:
            break;
    }
    if (!cell.value) {
        return undefined_text(cell, lang);
    }
    return figure_sentence(lang, cell.key, format_cell_value(cell, lang), *cell.value == 1.0);
}

std::string describe_change(const Cell& before, const Cell& after, core::Lang lang) {
    if (!comparable(before) || !comparable(after)) {
        return {};
    }
    const std::string was = format_cell_value(before, lang);
    const std::string is = format_cell_value(after, lang);
    if (was == is) {
        return std::string(ui_text(lang, Ui::Unchanged));
    }
    if (after.kind == CellKind::Share || after.kind == CellKind::Index) {
        return ui_format(lang, *after.value > *before.value ? Ui::ShareUp : Ui::ShareDown, was, is);
    }
    return ui_format(lang, Ui::CountChange,
                     signed_difference(after, *after.value - *before.value, lang));
}

Section section_of(const Cell& cell) {
    return figure_text(cell.key).section;
}

}  // namespace samskab::analytics
