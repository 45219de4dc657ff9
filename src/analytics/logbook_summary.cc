#include "analytics/logbook_summary.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "analytics/format.h"
#include "analytics/period.h"
#include "analytics/phrases.h"
#include "analytics/svg_chart_report.h"

namespace samskab::analytics {

namespace {

using core::FieldType;

bool has_distribution(FieldType type) {
    return type == FieldType::Choice || type == FieldType::MultipleChoice ||
           type == FieldType::Scale || type == FieldType::YesNo;
}

bool has_mean(FieldType type) {
    return type == FieldType::Number || type == FieldType::Scale ||
           type == FieldType::PeoplePresent;
}

// The number an answer contributes to the mean: the value, or the number of people present.
std::optional<double> number_of(const core::EntryValue& value, FieldType type) {
    if (type == FieldType::PeoplePresent) {
        return static_cast<double>(value.people.size());
    }
    return value.number;
}

std::optional<double> mean_of(const std::vector<double>& values) {
    if (values.empty()) {
        return std::nullopt;
    }
    double sum = 0;
    for (double v : values) {
        sum += v;
    }
    return sum / static_cast<double>(values.size());
}

std::optional<double> median_of(std::vector<double> values) {
    if (values.empty()) {
        return std::nullopt;
    }
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

// The version of `entry`, or nullptr.
const core::TemplateVersion* version_of(const core::LogbookTemplate& logbook,
                                        const core::LogbookEntry& entry) {
    return logbook.version(entry.version);
}

// Whether `entry` has `field` (same key and type) in its own version.
bool counts_for(const core::LogbookTemplate& logbook, const core::LogbookEntry& entry,
                const core::TemplateField& field) {
    const core::TemplateVersion* version = version_of(logbook, entry);
    const core::TemplateField* own = version ? version->field(field.key) : nullptr;
    return own != nullptr && own->type == field.type;
}

void add_to_distribution(std::vector<DistributionItem>& items, const std::string& label) {
    for (DistributionItem& item : items) {
        if (item.label == label) {
            ++item.count;
            return;
        }
    }
    items.push_back({label, 1});
}

}  // namespace

std::string format_summary_number(double value, core::Lang lang) {
    const double rounded = std::round(value * 10) / 10;
    return format_decimal(rounded, rounded == std::floor(rounded) ? 0 : 1, lang);
}

LogbookSummary summarise_logbook(const core::LogbookTemplate& logbook,
                                 const std::vector<core::LogbookEntry>& entries, Period period,
                                 SliceBy by, core::Lang lang) {
    LogbookSummary summary;
    summary.period = period;
    summary.by = by == SliceBy::Quarter ? SliceBy::Quarter : SliceBy::Month;
    std::vector<const core::LogbookEntry*> in_period;
    for (const core::LogbookEntry& entry : entries) {
        if (entry.day >= period.from && entry.day <= period.to && entry.template_id == logbook.id) {
            in_period.push_back(&entry);
        }
    }
    summary.entries = static_cast<int>(in_period.size());
    const std::vector<Period> slices = slice_period(period, summary.by);
    const std::string yes(pick(lang, "Ja", "Yes"));
    const std::string no(pick(lang, "Nej", "No"));

    for (const core::TemplateField& field : core::fields_of_every_version(logbook)) {
        FieldSummary out;
        out.field = field;
        // Every category shown, also those nobody chose, in the form's order.
        if (core::has_options(field.type)) {
            for (const core::TemplateVersion& version : logbook.versions) {
                const core::TemplateField* own = version.field(field.key);
                for (const std::string& option : own ? own->options : std::vector<std::string>{}) {
                    if (std::none_of(out.distribution.begin(), out.distribution.end(),
                                     [&](const auto& item) { return item.label == option; })) {
                        out.distribution.push_back({option, 0});
                    }
                }
            }
        } else if (field.type == FieldType::Scale) {
            for (int step = core::SCALE_MIN; step <= core::SCALE_MAX; ++step) {
                out.distribution.push_back({std::to_string(step), 0});
            }
        } else if (field.type == FieldType::YesNo) {
            out.distribution = {{yes, 0}, {no, 0}};
        }
        std::vector<double> numbers;
        for (const core::LogbookEntry* entry : in_period) {
            if (!counts_for(logbook, *entry, field)) {
                continue;
            }
            ++out.entries;
            const core::EntryValue* value = entry->value(field.key);
            if (value == nullptr) {
                continue;
            }
            ++out.answered;
            if (auto number = number_of(*value, field.type); number && has_mean(field.type)) {
                numbers.push_back(*number);
            }
            if (field.type == FieldType::Scale && value->number) {
                add_to_distribution(out.distribution,
                                    std::to_string(static_cast<int>(*value->number)));
            } else if (field.type == FieldType::YesNo && value->yes) {
                add_to_distribution(out.distribution, *value->yes ? yes : no);
            } else if (core::has_options(field.type)) {
                for (const std::string& choice : value->choices) {
                    add_to_distribution(out.distribution, choice);
                }
            }
        }
        out.unanswered = out.entries - out.answered;
        if (has_mean(field.type)) {
            out.mean = mean_of(numbers);
            out.median = median_of(numbers);
        }
        for (const Period& slice : slices) {
            TrendPoint point;
            point.period = slice;
            point.label = slice_label(slice, summary.by, lang);
            std::vector<double> slice_numbers;
            int yes_count = 0;
            int yes_no_count = 0;
            for (const core::LogbookEntry* entry : in_period) {
                if (entry->day < slice.from || entry->day > slice.to ||
                    !counts_for(logbook, *entry, field)) {
                    continue;
                }
                ++point.entries;
                const core::EntryValue* value = entry->value(field.key);
                if (value == nullptr) {
                    continue;
                }
                ++point.answered;
                if (auto number = number_of(*value, field.type); number && has_mean(field.type)) {
                    slice_numbers.push_back(*number);
                }
                if (value->yes) {
                    ++yes_no_count;
                    yes_count += *value->yes ? 1 : 0;
                }
            }
            if (has_mean(field.type)) {
                point.mean = mean_of(slice_numbers);
            }
            if (field.type == FieldType::YesNo && yes_no_count > 0) {
                point.yes_share = static_cast<double>(yes_count) / yes_no_count;
            }
            out.trend.push_back(std::move(point));
        }
        summary.fields.push_back(std::move(out));
    }
    return summary;
}

FieldCharts field_charts(const FieldSummary& field, const std::string& id_prefix, core::Lang lang) {
    FieldCharts charts;
    const std::string& label = field.field.label;
    if (has_distribution(field.field.type)) {
        Chart chart;
        chart.id = id_prefix + "-dist";
        chart.lang = lang;
        chart.title =
            fmt::format(fmt::runtime(pick(lang, "{}: svarene", "{}: the answers")), label);
        chart.x_label = std::string(pick(lang, "Svar", "Answer"));
        chart.y_label = std::string(pick(lang, "Antal", "Count"));
        chart.unit = ChartUnit::Count;
        ChartSeries series{std::string(pick(lang, "Antal", "Count")), {}};
        for (const DistributionItem& item : field.distribution) {
            chart.categories.push_back(item.label);
            series.points.push_back(
                {static_cast<double>(item.count), format_count(item.count, lang), false});
        }
        chart.series.push_back(std::move(series));
        chart.description = fmt::format(
            fmt::runtime(pick(lang, "Hvor mange gange hvert svar er givet på \"{}\", i {} svar.",
                              "How many times each answer was given to \"{}\", in {} answers.")),
            label, format_count(field.answered, lang));
        charts.distribution = std::move(chart);
    }
    Chart& trend = charts.trend;
    trend.id = id_prefix + "-trend";
    trend.lang = lang;
    trend.x_label = std::string(pick(lang, "Periode", "Period"));
    ChartSeries series;
    if (field.field.type == FieldType::YesNo) {
        trend.title = fmt::format(
            fmt::runtime(pick(lang, "{}: andel ja over tid", "{}: share of yes over time")), label);
        trend.y_label = std::string(pick(lang, "Andel ja", "Share of yes"));
        trend.unit = ChartUnit::Share;
        series.label = trend.y_label;
        for (const TrendPoint& point : field.trend) {
            series.points.push_back({point.yes_share,
                                     point.yes_share ? format_percent(*point.yes_share, lang) : "–",
                                     false});
        }
    } else if (has_mean(field.field.type)) {
        trend.title = fmt::format(
            fmt::runtime(pick(lang, "{}: gennemsnit over tid", "{}: mean over time")), label);
        trend.y_label = std::string(pick(lang, "Gennemsnit", "Mean"));
        trend.unit = ChartUnit::Size;
        series.label = trend.y_label;
        for (const TrendPoint& point : field.trend) {
            series.points.push_back(
                {point.mean, point.mean ? format_summary_number(*point.mean, lang) : "–", false});
        }
    } else {
        trend.title = fmt::format(
            fmt::runtime(pick(lang, "{}: antal svar over tid", "{}: answers over time")), label);
        trend.y_label = std::string(pick(lang, "Antal svar", "Answers"));
        trend.unit = ChartUnit::Count;
        series.label = trend.y_label;
        for (const TrendPoint& point : field.trend) {
            series.points.push_back(
                {static_cast<double>(point.answered), format_count(point.answered, lang), false});
        }
    }
    for (const TrendPoint& point : field.trend) {
        trend.categories.push_back(point.label);
    }
    trend.series.push_back(std::move(series));
    trend.description =
        fmt::format(fmt::runtime(pick(lang, "{} for \"{}\" pr. periode fra {} til {}.",
                                      "{} of \"{}\" per period from {} to {}.")),
                    trend.y_label, label, trend.categories.empty() ? "" : trend.categories.front(),
                    trend.categories.empty() ? "" : trend.categories.back());
    return charts;
}

}  // namespace samskab::analytics
