// The coordinator's view of a template's entries: the table (one column per field of every
// version, each entry read with its own version), the summary with charts, and the CSV and
// Excel downloads.
#include "web/http/services.h"
#include "web/pages/host_pages_support.h"
#include "web/pages/logbook_pages.h"
#include "web/pages/page.h"
#include "web/pages/privacy_support.h"
#include "web/pages/xlsx_export.h"

namespace samskab::web::pages {

namespace {

using core::AccountRole;

// The period a page shows: the query's "from" and "to", by default the twelve months up to
// today (from the first of the month eleven months back). Errors name the field.
struct PeriodChoice {
    analytics::Period period;
    std::string from_text;
    std::string to_text;
    std::vector<FieldError> errors;
};

PeriodChoice entries_period_of(const RequestContext& ctx) {
    PeriodChoice choice;
    const core::Day today = ctx.services.clock.today();
    const core::Civil now = core::civil_from_days(today);
    const int months = now.year * 12 + now.month - 1 - 11;
    choice.period = {core::days_from_civil(months / 12, months % 12 + 1, 1), today};
    choice.from_text = std::string(ctx.request.query.value("from"));
    choice.to_text = std::string(ctx.request.query.value("to"));
    for (auto [name, text, target] : {std::tuple{"from", &choice.from_text, &choice.period.from},
                                      std::tuple{"to", &choice.to_text, &choice.period.to}}) {
        if (text->empty()) {
            *text = core::format_date(*target);
        } else if (auto day = parse_form_date(*text)) {
            *target = *day;
        } else {
            choice.errors.push_back(field_problem(ctx, name, std::string("logbook_field_") + name,
                                                  text_of(ctx, "logbook_error_date")));
        }
    }
    if (choice.errors.empty() && choice.period.to < choice.period.from) {
        choice.errors.push_back(
            field_problem(ctx, "to", "logbook_field_to", text_of(ctx, "logbook_error_period")));
    }
    if (choice.errors.empty() && choice.period.to - choice.period.from > 366 * 10) {
        choice.errors.push_back(
            field_problem(ctx, "to", "logbook_field_to", text_of(ctx, "logbook_error_period")));
    }
    return choice;
}

// The ids of everyone named as present in `entries`.
std::vector<std::string> people_present(const std::vector<core::LogbookEntry>& entries) {
    std::vector<std::string> ids;
    for (const core::LogbookEntry& entry : entries) {
        for (const core::EntryValue& value : entry.values) {
            for (const core::PersonSummary& person : value.people) {
                ids.push_back(person.id);
            }
        }
    }
    return ids;
}

mstch::map base_data(const LogbookAccess& access, const PeriodChoice& choice) {
    const std::string link = "/coordinator/logbooks/" + access.logbook->id;
    const std::string period = "?from=" + core::format_date(choice.period.from) +
                               "&to=" + core::format_date(choice.period.to);
    return mstch::map{{"page_title", access.logbook->name},
                      {"name", access.logbook->name},
                      {"place_name", access.place->place.name},
                      {"template_href", link},
                      {"entries_href", link + "/entries"},
                      {"summary_href", link + "/summary"},
                      {"csv_href", link + "/entries.csv" + period},
                      {"xlsx_href", link + "/entries.xlsx" + period},
                      {"from", choice.from_text},
                      {"to", choice.to_text}};
}

Response entries_page(RequestContext& ctx, const views::Templates& templates) {
    LogbookAccess access =
        resolve_logbook(ctx, templates, ctx.params.value("id"), AccountRole::Coordinator);
    if (access.response) {
        return std::move(*access.response);
    }
    const PeriodChoice choice = entries_period_of(ctx);
    mstch::map data = base_data(access, choice);
    if (!choice.errors.empty()) {
        add_form_errors(data, choice.errors);
        return render_page(ctx, templates, "logbook_entries_title", "logbook_entries",
                           std::move(data), 422);
    }
    auto entries =
        ctx.services.logbooks->entries(access.logbook->id, choice.period.from, choice.period.to);
    if (!entries) {
        return failure_page(ctx, templates, entries.error());
    }
    // The names of the people present are data about people: logged per person shown.
    if (auto logged = log_person_views(ctx, people_present(*entries)); !logged) {
        return failure_page(ctx, templates, logged.error());
    }
    const std::vector<core::TemplateField> fields = core::fields_of_every_version(*access.logbook);
    mstch::array columns;
    for (const core::TemplateField& field : fields) {
        columns.push_back(mstch::map{{"label", field.label}});
    }
    mstch::array rows;
    for (auto entry = entries->rbegin(); entry != entries->rend(); ++entry) {  // newest first
        const core::TemplateVersion* version = access.logbook->version(entry->version);
        mstch::array cells;
        for (const core::TemplateField& field : fields) {
            const core::TemplateField* own = version ? version->field(field.key) : nullptr;
            const core::EntryValue* value = entry->value(field.key);
            cells.push_back(mstch::map{
                {"text", own && value ? answer_text(ctx, *value, own->type) : std::string()},
                {"absent", own == nullptr}});
        }
        rows.push_back(mstch::map{{"date", format_day_short(entry->day, ctx.lang)},
                                  {"version", std::to_string(entry->version)},
                                  {"author", entry->author_name},
                                  {"cells", std::move(cells)}});
    }
    data["columns"] = std::move(columns);
    data["has_entries"] = !rows.empty();
    data["entries"] = std::move(rows);
    return render_page(ctx, templates, "logbook_entries_title", "logbook_entries", std::move(data));
}

Response summary_page(RequestContext& ctx, const views::Templates& templates) {
    LogbookAccess access =
        resolve_logbook(ctx, templates, ctx.params.value("id"), AccountRole::Coordinator);
    if (access.response) {
        return std::move(*access.response);
    }
    PeriodChoice choice = entries_period_of(ctx);
    const std::string_view by_text = ctx.request.query.value("by");
    if (!by_text.empty() && by_text != "month" && by_text != "quarter") {
        choice.errors.push_back(field_missing(ctx, "by", "logbook_field_by"));
    }
    const analytics::SliceBy by =
        by_text == "quarter" ? analytics::SliceBy::Quarter : analytics::SliceBy::Month;
    mstch::map data = base_data(access, choice);
    data["by_options"] = select_options({{"month", text_of(ctx, "logbook_by_month")},
                                         {"quarter", text_of(ctx, "logbook_by_quarter")}},
                                        by_text);
    if (!choice.errors.empty()) {
        add_form_errors(data, choice.errors);
        return render_page(ctx, templates, "logbook_summary_title", "logbook_summary",
                           std::move(data), 422);
    }
    auto entries =
        ctx.services.logbooks->entries(access.logbook->id, choice.period.from, choice.period.to);
    if (!entries) {
        return failure_page(ctx, templates, entries.error());
    }
    data["summary"] = summary_data(ctx, *access.logbook, *entries, choice.period, by, "summary");
    return render_page(ctx, templates, "logbook_summary_title", "logbook_summary", std::move(data));
}

// The entries of the chosen period as CSV or as an Excel workbook (the CSV's columns with real
// dates and numbers, and the summary per field). The names of the people present are data
// about people: the download is logged.
Response entries_download(RequestContext& ctx, const views::Templates& templates, bool xlsx) {
    LogbookAccess access =
        resolve_logbook(ctx, templates, ctx.params.value("id"), AccountRole::Coordinator);
    if (access.response) {
        return std::move(*access.response);
    }
    const PeriodChoice choice = entries_period_of(ctx);
    if (!choice.errors.empty()) {
        return error_page(ctx, templates, 400, choice.errors.front().message);
    }
    auto entries =
        ctx.services.logbooks->entries(access.logbook->id, choice.period.from, choice.period.to);
    if (!entries) {
        return failure_page(ctx, templates, entries.error());
    }
    if (auto logged = log_person_views(ctx, people_present(*entries)); !logged) {
        return failure_page(ctx, templates, logged.error());
    }
    const std::string name = "logbog-" + access.logbook->id;
    if (!xlsx) {
        return download_response(entries_csv(*access.logbook, *entries), "text/csv; charset=utf-8",
                                 name + ".csv");
    }
    auto workbook = write_xlsx(entries_sheets(ctx, *access.logbook, *entries, choice.period));
    if (!workbook) {
        return failure_page(ctx, templates, workbook.error());
    }
    return download_response(std::move(*workbook), XLSX_CONTENT_TYPE, name + ".xlsx");
}

}  // namespace

std::vector<Route> logbook_entry_routes(const views::Templates& templates) {
    const std::vector<AccountRole> coordinators{AccountRole::Coordinator};
    const views::Templates* t = &templates;
    return {
        Route{Method::Get, "/coordinator/logbooks/:id/entries", false, false, coordinators,
              [t](RequestContext& ctx) { return entries_page(ctx, *t); }},
        Route{Method::Get, "/coordinator/logbooks/:id/summary", false, false, coordinators,
              [t](RequestContext& ctx) { return summary_page(ctx, *t); }},
        Route{Method::Get, "/coordinator/logbooks/:id/entries.csv", false, false, coordinators,
              [t](RequestContext& ctx) { return entries_download(ctx, *t, false); }},
        Route{Method::Get, "/coordinator/logbooks/:id/entries.xlsx", false, false, coordinators,
              [t](RequestContext& ctx) { return entries_download(ctx, *t, true); }},
    };
}

}  // namespace samskab::web::pages
