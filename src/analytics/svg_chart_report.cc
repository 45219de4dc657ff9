#include "analytics/svg_chart_report.h"

#include <array>
#include <stdexcept>

#include <fmt/format.h>

#include "analytics/describe.h"
#include "analytics/format.h"
#include "analytics/phrases.h"

namespace samskab::analytics {

namespace {

// The texts of the charts, Danish and English; "{}" are filled in order.
enum class ChartText {
    Period,
    Number,
    Share,
    TrendCountsTitle,
    TrendSharesTitle,
    TrendDescription,  // {series} {first} {last}
    EntryTitle,
    EntryAxis,
    EntryValues,
    RolesTitle,
    RolesAxis,
    MeetingsTitle,
    MeetingsAxis,
    MeetingsValues,
    BarDescription,  // {title} {values}
    DailyTitle,      // {place}
    DailyAxis,
    DailySeries,
    Threshold,         // {percent}
    DailyDescription,  // {days} {first} {last} {over} {percent}
    DailyNone,         // {place}
    DailyPoint,        // {percent} {support} {users}
    OverThreshold,
    And,
    TrendsHeading,
};

struct Text {
    std::string_view da;
    std::string_view en;
};

constexpr std::array<Text, 25> TEXTS = {{
    {"Periode", "Period"},
    {"Antal", "Number"},
    {"Andel", "Share"},
    {"Deltagere, frivillige og aktive aktiviteter",
     "Participants, volunteers and active activities"},
    {"Andele over tid", "Shares over time"},
    {"Linjediagram over {} fra {} til {}. Tallene står i tabellen ved diagrammet.",
     "Line chart of {} from {} to {}. The numbers are in the table by the chart."},
    {"Hvordan nye deltagere kom ind", "How new participants came in"},
    {"Indgang", "Way in"},
    {"Nye deltagere", "New participants"},
    {"Roller blandt deltagere med støttebehov", "Roles of participants who need support"},
    {"Rolle", "Role"},
    {"Sagsmøders størrelse", "Size of cause meetings"},
    {"Mål", "Measure"},
    {"Deltagelser pr. møde", "Participations per meeting"},
    {"Søjlediagram: {}. {}.", "Bar chart: {}. {}."},
    {"Daglig andel med støttebehov: {}", "Daily share needing support: {}"},
    {"Dage med brugere", "Days with users"},
    {"Andel med støttebehov", "Share needing support"},
    {"Støttegrænse {}", "Support threshold {}"},
    {"Linjediagram over {} dage med brugere fra {} til {}; {} af dem over støttegrænsen på {}, "
     "markeret med en trekant.",
     "Line chart of {} days with users from {} to {}; {} of them over the support threshold of "
     "{}, marked with a triangle."},
    {"Ingen dage med brugere i perioden på {}.", "No days with users in the period at {}."},
    {"{} ({} af {})", "{} ({} of {})"},
    {"over grænsen", "over the threshold"},
    {"og", "and"},
    {"Udvikling over tid", "Trends over time"},
}};

std::string_view text(core::Lang lang, ChartText id) {
    const Text& entry = TEXTS[static_cast<size_t>(id)];
    return lang == core::Lang::En ? entry.en : entry.da;
}

template <class... Args>
std::string format(core::Lang lang, ChartText id, Args&&... args) {
    return fmt::format(fmt::runtime(text(lang, id)), std::forward<Args>(args)...);
}

const Cell& cell_of(const SliceFigures& slice, std::string_view key) {
    for (const Cell& cell : slice.cells) {
        if (cell.key == key) {
            return cell;
        }
    }
    // Every key of FIGURE_KEYS is in every slice (figures.h); asking for another is a bug.
    throw std::logic_error("no figure " + std::string(key));
}

ChartPoint point_of(const Cell& cell, const ReportRequest& request) {
    ChartPoint point;
    point.text = describe_value(cell, request.lang, request.suppress_k);
    if (cell.visibility == Visibility::Shown) {
        point.value = cell.value;
    }
    return point;
}

// "a, b og c" / "a, b and c".
std::string joined(const std::vector<std::string>& parts, core::Lang lang) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) {
            out +=
                i + 1 == parts.size() ? " " + std::string(text(lang, ChartText::And)) + " " : ", ";
        }
        out += parts[i];
    }
    return out;
}

Chart trend_chart(const ReportView& view, std::string id, ChartText title, ChartUnit unit,
                  std::initializer_list<std::string_view> keys) {
    const ReportRequest& request = view.request;
    const core::Lang lang = request.lang;
    Chart chart;
    chart.id = std::move(id);
    chart.title = text(lang, title);
    chart.x_label = text(lang, ChartText::Period);
    chart.y_label = text(lang, unit == ChartUnit::Share ? ChartText::Share : ChartText::Number);
    chart.unit = unit;
    chart.lang = lang;
    for (const SliceFigures& slice : view.slices) {
        chart.categories.push_back(slice_label(slice.period, request.by, lang));
    }
    std::vector<std::string> names;
    for (std::string_view key : keys) {
        ChartSeries series{std::string(figure_label(lang, key)), {}};
        names.push_back(series.label);
        for (const SliceFigures& slice : view.slices) {
            series.points.push_back(point_of(cell_of(slice, key), request));
        }
        chart.series.push_back(std::move(series));
    }
    chart.description = format(lang, ChartText::TrendDescription, joined(names, lang),
                               chart.categories.front(), chart.categories.back());
    return chart;
}

Chart bar_chart(const SliceFigures& slice, const ReportRequest& request, std::string id,
                ChartText title, ChartText axis, ChartText values, ChartUnit unit,
                std::initializer_list<std::string_view> keys) {
    const core::Lang lang = request.lang;
    Chart chart;
    chart.id = std::move(id);
    chart.title = text(lang, title);
    chart.x_label = text(lang, axis);
    chart.y_label = text(lang, values);
    chart.unit = unit;
    chart.lang = lang;
    ChartSeries series{std::string(text(lang, values)), {}};
    std::vector<std::string> parts;
    for (std::string_view key : keys) {
        chart.categories.emplace_back(figure_label(lang, key));
        series.points.push_back(point_of(cell_of(slice, key), request));
        parts.push_back(chart.categories.back() + ": " + series.points.back().text);
    }
    chart.series.push_back(std::move(series));
    chart.description = format(lang, ChartText::BarDescription, chart.title, joined(parts, lang));
    return chart;
}

}  // namespace

std::string_view trends_heading(core::Lang lang) {
    return text(lang, ChartText::TrendsHeading);
}

std::string format_short_date(core::Day day, core::Lang lang) {
    const core::Civil civil = core::civil_from_days(day);
    return fmt::format(fmt::runtime(lang == core::Lang::En ? "{}/{}/{}" : "{}.{}.{}"), civil.day,
                       civil.month, civil.year);
}

std::string slice_label(Period period, SliceBy by, core::Lang lang) {
    static constexpr std::array<std::string_view, 12> MONTHS_DA = {"jan.", "feb.", "mar.", "apr.",
                                                                   "maj",  "jun.", "jul.", "aug.",
                                                                   "sep.", "okt.", "nov.", "dec."};
    static constexpr std::array<std::string_view, 12> MONTHS_EN = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const core::Civil civil = core::civil_from_days(period.from);
    switch (by) {
        case SliceBy::Year:
            return std::to_string(civil.year);
        case SliceBy::Quarter:
            return fmt::format("{}{} {}", lang == core::Lang::En ? "Q" : "K",
                               (civil.month - 1) / 3 + 1, civil.year);
        case SliceBy::Month:
            return fmt::format("{} {}",
                               (lang == core::Lang::En ? MONTHS_EN : MONTHS_DA)[civil.month - 1],
                               civil.year);
        case SliceBy::None:
            break;
    }
    return format_period(period, lang);
}

std::vector<Chart> trend_charts(const ReportView& view, std::string_view id_prefix) {
    if (view.slices.size() < 2) {
        return {};
    }
    const std::string prefix(id_prefix);
    return {
        trend_chart(view, prefix + "-trend-counts", ChartText::TrendCountsTitle, ChartUnit::Count,
                    {"participants", "volunteers", "activities_active"}),
        trend_chart(view, prefix + "-trend-shares", ChartText::TrendSharesTitle, ChartUnit::Share,
                    {"support_share", "reach.share", "occurrences_with_support_share",
                     "daily.mean_support_share"}),
    };
}

std::vector<Chart> distribution_charts(const SliceFigures& slice, const ReportRequest& request,
                                       std::string_view id_prefix) {
    const std::string prefix(id_prefix);
    return {
        bar_chart(slice, request, prefix + "-entry", ChartText::EntryTitle, ChartText::EntryAxis,
                  ChartText::EntryValues, ChartUnit::Count,
                  {"entry_channels.companion", "entry_channels.host", "entry_channels.coordinator",
                   "entry_channels.network", "entry_channels.outreach", "entry_channels.self"}),
        bar_chart(slice, request, prefix + "-roles", ChartText::RolesTitle, ChartText::RolesAxis,
                  ChartText::Share, ChartUnit::Share,
                  {"roles.flexible_share", "roles.initiator_share"}),
        bar_chart(slice, request, prefix + "-meetings", ChartText::MeetingsTitle,
                  ChartText::MeetingsAxis, ChartText::MeetingsValues, ChartUnit::Size,
                  {"meetings.size_min", "meetings.size_median", "meetings.size_max"}),
    };
}

Chart daily_share_chart(const std::vector<PlaceDayShare>& days, double threshold,
                        std::string_view place_name, core::Lang lang, std::string id) {
    Chart chart;
    chart.id = std::move(id);
    chart.title = format(lang, ChartText::DailyTitle, place_name);
    chart.x_label = text(lang, ChartText::DailyAxis);
    chart.y_label = text(lang, ChartText::DailySeries);
    chart.unit = ChartUnit::Share;
    chart.lang = lang;
    chart.threshold = threshold;
    const std::string threshold_text = format_percent(threshold, lang);
    chart.threshold_label = format(lang, ChartText::Threshold, threshold_text);
    ChartSeries series{std::string(text(lang, ChartText::DailySeries)), {}};
    int over = 0;
    for (const PlaceDayShare& day : days) {
        chart.categories.push_back(format_short_date(day.day, lang));
        ChartPoint point{
            day.share,
            format(lang, ChartText::DailyPoint, format_percent(day.share, lang),
                   format_count(day.support_users, lang), format_count(day.users, lang)),
            day.over_threshold};
        if (day.over_threshold) {
            point.text += " – " + std::string(text(lang, ChartText::OverThreshold));
            ++over;
        }
        series.points.push_back(std::move(point));
    }
    chart.series.push_back(std::move(series));
    if (days.empty()) {
        chart.description = format(lang, ChartText::DailyNone, place_name);
    } else {
        chart.description = format(lang, ChartText::DailyDescription, days.size(),
                                   format_date_long(days.front().day, lang),
                                   format_date_long(days.back().day, lang), over, threshold_text);
    }
    return chart;
}

}  // namespace samskab::analytics
