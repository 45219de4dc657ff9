#include "analytics/theme_summary.h"

#include <algorithm>
#include <array>
#include <map>

namespace samskab::analytics {

namespace {

bool da(core::Lang lang) {
    return lang == core::Lang::Da;
}

std::string slice_name(Period slice, ThemeSlicing by, core::Lang lang) {
    const core::Civil civil = core::civil_from_days(slice.from);
    const std::string year = std::to_string(civil.year);
    if (by == ThemeSlicing::HalfYear) {
        const int half = civil.month <= 6 ? 1 : 2;
        return da(lang) ? std::to_string(half) + ". halvår " + year
                        : "H" + std::to_string(half) + " " + year;
    }
    const int quarter = (civil.month - 1) / 3 + 1;
    return (da(lang) ? "K" : "Q") + std::to_string(quarter) + " " + year;
}

// The first day of the calendar unit after the one containing `day`.
core::Day next_start(core::Day day, ThemeSlicing by) {
    const core::Civil civil = core::civil_from_days(day);
    const int months = by == ThemeSlicing::HalfYear ? 6 : 3;
    const int start_month = (civil.month - 1) / months * months + 1;
    const int next = start_month + months;
    return next > 12 ? core::days_from_civil(civil.year + 1, next - 12, 1)
                     : core::days_from_civil(civil.year, next, 1);
}

}  // namespace

std::string_view theme_group_label(core::ThemeGroup group, core::Lang lang) {
    static constexpr std::array<std::array<std::string_view, 2>, core::THEME_GROUP_COUNT> NAMES = {{
        {"Motivation og udbytte", "Motivation and benefit"},
        {"Værtsrollen", "The host role"},
        {"Fremmere", "Promoters"},
        {"Hæmmere", "Inhibitors"},
        {"Andre temaer", "Other themes"},
    }};
    return NAMES[static_cast<std::size_t>(group)][da(lang) ? 0 : 1];
}

std::vector<Period> theme_slices(Period period, ThemeSlicing by) {
    std::vector<Period> slices;
    for (core::Day from = period.from; from <= period.to;) {
        const core::Day next = next_start(from, by);
        slices.push_back(Period{from, std::min<core::Day>(next - 1, period.to)});
        from = next;
    }
    return slices;
}

ThemeSummary summarise_themes(const std::vector<core::Theme>& codebook,
                              const std::vector<core::CodedPassage>& passages, Period period,
                              ThemeSlicing by, core::Lang lang) {
    ThemeSummary summary;
    summary.slices = theme_slices(period, by);
    for (const Period& slice : summary.slices) {
        summary.slice_labels.push_back(slice_name(slice, by, lang));
    }
    std::vector<ThemeCount> counts;
    std::map<std::string, std::size_t, std::less<>> index;
    for (const core::Theme& theme : codebook) {
        index.emplace(theme.id, counts.size());
        counts.push_back(
            ThemeCount{theme, std::vector<std::int64_t>(summary.slices.size()), 0, {}});
    }
    for (const core::CodedPassage& passage : passages) {
        if (passage.date < period.from || passage.date > period.to) {
            continue;
        }
        auto found = index.find(passage.theme);
        if (found == index.end()) {
            core::Theme unknown{
                passage.theme, passage.theme, passage.theme, core::ThemeGroup::Other, "", "",
                false};
            found = index.emplace(passage.theme, counts.size()).first;
            counts.push_back(
                ThemeCount{unknown, std::vector<std::int64_t>(summary.slices.size()), 0, {}});
        }
        ThemeCount& count = counts[found->second];
        for (std::size_t i = 0; i < summary.slices.size(); ++i) {
            if (passage.date >= summary.slices[i].from && passage.date <= summary.slices[i].to) {
                ++count.counts[i];
                break;
            }
        }
        ++count.total;
        ++summary.passages;
        count.quotes.push_back(ThemeQuote{passage.date, passage.question, passage.quote});
    }
    for (ThemeCount& count : counts) {
        if (count.theme.active || count.total > 0) {
            std::stable_sort(
                count.quotes.begin(), count.quotes.end(),
                [](const ThemeQuote& a, const ThemeQuote& b) { return a.date < b.date; });
            summary.themes.push_back(std::move(count));
        }
    }
    return summary;
}

Chart theme_totals_chart(const ThemeSummary& summary, core::Lang lang, std::string id) {
    Chart chart;
    chart.id = std::move(id);
    chart.lang = lang;
    chart.unit = ChartUnit::Count;
    chart.title = da(lang) ? "Kodede citater pr. tema" : "Coded quotes per theme";
    chart.x_label = da(lang) ? "Tema" : "Theme";
    chart.y_label = da(lang) ? "Antal citater" : "Number of quotes";
    ChartSeries series{da(lang) ? "Citater" : "Quotes", {}};
    std::string most;
    std::int64_t most_count = 0;
    for (const ThemeCount& count : summary.themes) {
        chart.categories.push_back(core::theme_name(count.theme, lang));
        series.points.push_back(
            ChartPoint{static_cast<double>(count.total), std::to_string(count.total), false});
        if (count.total > most_count) {
            most_count = count.total;
            most = core::theme_name(count.theme, lang);
        }
    }
    chart.series.push_back(std::move(series));
    const std::string total = std::to_string(summary.passages);
    chart.description = most.empty()
                            ? (da(lang) ? "Ingen citater er kodet i perioden."
                                        : "No quotes were coded in the period.")
                            : (da(lang) ? total + " kodede citater i perioden; flest om \"" + most +
                                              "\" (" + std::to_string(most_count) + ")."
                                        : total + " coded quotes in the period; most about \"" +
                                              most + "\" (" + std::to_string(most_count) + ").");
    return chart;
}

Chart theme_groups_chart(const ThemeSummary& summary, core::Lang lang, std::string id) {
    Chart chart;
    chart.id = std::move(id);
    chart.lang = lang;
    chart.unit = ChartUnit::Count;
    chart.title =
        da(lang) ? "Kodede citater over tid pr. gruppe" : "Coded quotes over time by group";
    chart.x_label = da(lang) ? "Periode" : "Period";
    chart.y_label = da(lang) ? "Antal citater" : "Number of quotes";
    chart.categories = summary.slice_labels;
    for (std::size_t g = 0; g < core::THEME_GROUP_COUNT; ++g) {
        const auto group = static_cast<core::ThemeGroup>(g);
        std::vector<std::int64_t> sums(summary.slices.size(), 0);
        bool listed = false;
        for (const ThemeCount& count : summary.themes) {
            if (count.theme.group != group) {
                continue;
            }
            listed = true;
            for (std::size_t i = 0; i < sums.size(); ++i) {
                sums[i] += count.counts[i];
            }
        }
        if (!listed) {
            continue;
        }
        ChartSeries series{std::string(theme_group_label(group, lang)), {}};
        for (std::int64_t sum : sums) {
            series.points.push_back(
                ChartPoint{static_cast<double>(sum), std::to_string(sum), false});
        }
        chart.series.push_back(std::move(series));
    }
    chart.description =
        da(lang) ? "Antal kodede citater i hver periode fra " +
                       (chart.categories.empty() ? "" : chart.categories.front()) + " til " +
                       (chart.categories.empty() ? "" : chart.categories.back()) +
                       ", én linje pr. gruppe af temaer."
                 : "The number of coded quotes in each period from " +
                       (chart.categories.empty() ? "" : chart.categories.front()) + " to " +
                       (chart.categories.empty() ? "" : chart.categories.back()) +
                       ", one line per group of themes.";
    return chart;
}

}  // namespace samskab::analytics
