#include <algorithm>

#include "analytics/format.h"
#include "analytics/logbook_summary.h"
#include "web/http/services.h"
#include "web/pages/csv_cell.h"
#include "web/pages/dashboard_pages.h"
#include "web/pages/host_pages_support.h"
#include "web/pages/logbook_pages.h"
#include "web/pages/page.h"

namespace samskab::web::pages {

namespace {

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& part : parts) {
        out += (out.empty() ? "" : ", ") + part;
    }
    return out;
}

// A number as the page's language writes it: "12,5" / "12.5", no thousands separator.
std::string number_text(double value, core::Lang lang) {
    std::string text = analytics::format_csv_number(value);
    if (lang == core::Lang::En) {
        std::replace(text.begin(), text.end(), ',', '.');
    }
    return text;
}

}  // namespace

LogbookAccess resolve_logbook(const RequestContext& ctx, const views::Templates& templates,
                              std::string_view id, core::AccountRole role) {
    LogbookAccess access;
    if (ctx.services.logbooks == nullptr) {
        access.response = error_page(ctx, templates, 404);
        return access;
    }
    auto found = ctx.services.logbooks->find_template(id);
    if (!found) {
        access.response = failure_page(ctx, templates, found.error());
        return access;
    }
    if (!*found) {
        access.response = error_page(ctx, templates, 404);
        return access;
    }
    auto place = ctx.services.community.find_place((*found)->place);
    if (!place) {
        access.response = failure_page(ctx, templates, place.error());
    } else if (!*place) {
        access.response = error_page(ctx, templates, 404);
    } else if (!may_act_at(ctx, role, (*place)->place)) {
        access.response = error_page(ctx, templates, 403);
    } else {
        access.logbook = std::move(**found);
        access.place = std::move(**place);
    }
    return access;
}

std::string field_type_label(const RequestContext& ctx, core::FieldType type) {
    return text_of(ctx, "logbook_type_" + std::string(core::field_type_name(type)));
}

std::string answer_text(const RequestContext& ctx, const core::EntryValue& value,
                        core::FieldType type) {
    switch (type) {
        case core::FieldType::Text:
            return value.text;
        case core::FieldType::Number:
        case core::FieldType::Scale:
            return value.number ? number_text(*value.number, ctx.lang) : "";
        case core::FieldType::YesNo:
            return value.yes ? text_of(ctx, *value.yes ? "logbook_yes" : "logbook_no") : "";
        case core::FieldType::Date:
            return value.date ? format_day_short(*value.date, ctx.lang) : "";
        case core::FieldType::Choice:
        case core::FieldType::MultipleChoice:
            return joined(value.choices);
        case core::FieldType::PeoplePresent: {
            std::vector<std::string> names;
            for (const core::PersonSummary& person : value.people) {
                names.push_back(person.name);
            }
            return joined(names);
        }
    }
    return {};
}

mstch::map summary_data(const RequestContext& ctx, const core::LogbookTemplate& logbook,
                        const std::vector<core::LogbookEntry>& entries, analytics::Period period,
                        analytics::SliceBy by, const std::string& id_prefix) {
    const analytics::LogbookSummary summary =
        analytics::summarise_logbook(logbook, entries, period, by, ctx.lang);
    mstch::array fields;
    int n = 0;
    for (const analytics::FieldSummary& field : summary.fields) {
        const analytics::FieldCharts charts =
            analytics::field_charts(field, id_prefix + "-" + std::to_string(++n), ctx.lang);
        mstch::array chart_items;
        if (charts.distribution) {
            chart_items.push_back(chart_data(*charts.distribution, false));
        }
        if (charts.trend.categories.size() > 1) {
            chart_items.push_back(chart_data(charts.trend, true));
        }
        mstch::map item{
            {"label", field.field.label},
            {"key", field.field.key},
            {"type", field_type_label(ctx, field.field.type)},
            {"answered", analytics::format_count(field.answered, ctx.lang)},
            {"unanswered", analytics::format_count(field.unanswered, ctx.lang)},
            {"has_mean", field.mean.has_value()},
            {"charts", std::move(chart_items)},
        };
        if (field.mean) {
            item["mean"] = analytics::format_summary_number(*field.mean, ctx.lang);
            item["median"] = analytics::format_summary_number(*field.median, ctx.lang);
        }
        fields.push_back(std::move(item));
    }
    return mstch::map{{"entries", analytics::format_count(summary.entries, ctx.lang)},
                      {"has_entries", summary.entries > 0},
                      {"has_fields", !fields.empty()},
                      {"fields", std::move(fields)}};
}

core::Result<mstch::array> learning_meeting_logbooks(const RequestContext& ctx,
                                                     const std::vector<core::PlaceView>& places,
                                                     analytics::Period period) {
    mstch::array out;
    if (ctx.services.logbooks == nullptr) {
        return out;
    }
    int n = 0;
    for (const core::PlaceView& view : places) {
        auto found = ctx.services.logbooks->templates_at_place(view.place.id);
        if (!found) {
            return tl::unexpected(found.error());
        }
        for (const core::LogbookTemplate& logbook : *found) {
            auto entries = ctx.services.logbooks->entries(logbook.id, period.from, period.to);
            if (!entries) {
                return tl::unexpected(entries.error());
            }
            mstch::map item =
                summary_data(ctx, logbook, *entries, period, analytics::SliceBy::Month,
                             "logbook-" + std::to_string(++n));
            item["name"] = logbook.name;
            item["place"] = view.place.name;
            out.push_back(std::move(item));
        }
    }
    return out;
}

std::string entries_csv(const core::LogbookTemplate& logbook,
                        const std::vector<core::LogbookEntry>& entries) {
    const std::vector<core::TemplateField> fields = core::fields_of_every_version(logbook);
    std::string out(CSV_BOM);
    out += "day;written_at;version;author";
    for (const core::TemplateField& field : fields) {
        out += ";" + csv_cell(field.key, true);
    }
    out += "\r\n";
    for (const core::LogbookEntry& entry : entries) {
        out += core::format_date(entry.day) + ";" + core::format_local_time(entry.written_at) +
               ";" + std::to_string(entry.version) + ";" + csv_cell(entry.author_name, true);
        const core::TemplateVersion* version = logbook.version(entry.version);
        for (const core::TemplateField& field : fields) {
            out += ";";
            const core::EntryValue* value = entry.value(field.key);
            const core::TemplateField* own = version ? version->field(field.key) : nullptr;
            if (value == nullptr || own == nullptr) {
                continue;
            }
            switch (own->type) {
                case core::FieldType::Text:
                    out += csv_cell(value->text, true);
                    break;
                case core::FieldType::Number:
                case core::FieldType::Scale:
                    out += value->number ? analytics::format_csv_number(*value->number) : "";
                    break;
                case core::FieldType::YesNo:
                    out += value->yes ? (*value->yes ? "ja" : "nej") : "";
                    break;
                case core::FieldType::Date:
                    out += value->date ? core::format_date(*value->date) : "";
                    break;
                case core::FieldType::Choice:
                case core::FieldType::MultipleChoice:
                    out += csv_cell(joined(value->choices), true);
                    break;
                case core::FieldType::PeoplePresent: {
                    std::vector<std::string> names;
                    for (const core::PersonSummary& person : value->people) {
                        names.push_back(person.name);
                    }
                    out += csv_cell(joined(names), true);
                    break;
                }
            }
        }
        out += "\r\n";
    }
    return out;
}

std::vector<XlsxSheet> entries_sheets(const RequestContext& ctx,
                                      const core::LogbookTemplate& logbook,
                                      const std::vector<core::LogbookEntry>& entries,
                                      analytics::Period period) {
    const std::vector<core::TemplateField> fields = core::fields_of_every_version(logbook);
    XlsxSheet sheet{
        text_of(ctx, "logbook_entries_title"), {"day", "written_at", "version", "author"}, {}};
    for (const core::TemplateField& field : fields) {
        sheet.header.push_back(field.key);
    }
    for (const core::LogbookEntry& entry : entries) {
        std::vector<XlsxCell> row{XlsxCell::of_date(entry.day), XlsxCell::of_time(entry.written_at),
                                  XlsxCell::of_number(entry.version),
                                  XlsxCell::of_text(entry.author_name)};
        const core::TemplateVersion* version = logbook.version(entry.version);
        for (const core::TemplateField& field : fields) {
            const core::EntryValue* value = entry.value(field.key);
            const core::TemplateField* own = version ? version->field(field.key) : nullptr;
            XlsxCell cell;
            if (value != nullptr && own != nullptr) {
                switch (own->type) {
                    case core::FieldType::Number:
                    case core::FieldType::Scale:
                        cell = value->number ? XlsxCell::of_number(*value->number) : XlsxCell{};
                        break;
                    case core::FieldType::YesNo:  // the CSV's words
                        cell =
                            value->yes ? XlsxCell::of_text(*value->yes ? "ja" : "nej") : XlsxCell{};
                        break;
                    case core::FieldType::Date:
                        cell = value->date ? XlsxCell::of_date(*value->date) : XlsxCell{};
                        break;
                    case core::FieldType::Text:
                        cell = XlsxCell::of_text(value->text);
                        break;
                    case core::FieldType::Choice:
                    case core::FieldType::MultipleChoice:
                        cell = XlsxCell::of_text(joined(value->choices));
                        break;
                    case core::FieldType::PeoplePresent: {
                        std::vector<std::string> names;
                        for (const core::PersonSummary& person : value->people) {
                            names.push_back(person.name);
                        }
                        cell = XlsxCell::of_text(joined(names));
                        break;
                    }
                }
            }
            row.push_back(std::move(cell));
        }
        sheet.rows.push_back(std::move(row));
    }
    const analytics::LogbookSummary summary =
        analytics::summarise_logbook(logbook, entries, period, analytics::SliceBy::Month, ctx.lang);
    XlsxSheet per_field{text_of(ctx, "logbook_summary_title"), {}, {}};
    for (const char* key :
         {"logbook_col_label", "logbook_col_key", "logbook_col_type", "logbook_col_answered",
          "logbook_col_unanswered", "logbook_col_mean", "logbook_col_median"}) {
        per_field.header.push_back(text_of(ctx, key));
    }
    for (const analytics::FieldSummary& field : summary.fields) {
        per_field.rows.push_back(
            {XlsxCell::of_text(field.field.label), XlsxCell::of_text(field.field.key),
             XlsxCell::of_text(field_type_label(ctx, field.field.type)),
             XlsxCell::of_number(field.answered), XlsxCell::of_number(field.unanswered),
             field.mean ? XlsxCell::of_number(*field.mean) : XlsxCell{},
             field.median ? XlsxCell::of_number(*field.median) : XlsxCell{}});
    }
    return {std::move(sheet), std::move(per_field)};
}

std::vector<Route> logbook_routes(const views::Templates& templates) {
    std::vector<Route> routes;
    for (auto make : {logbook_coordinator_routes, logbook_entry_routes, logbook_host_routes}) {
        std::vector<Route> part = make(templates);
        routes.insert(routes.end(), std::make_move_iterator(part.begin()),
                      std::make_move_iterator(part.end()));
    }
    return routes;
}

}  // namespace samskab::web::pages
