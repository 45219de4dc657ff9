// The partnership's interview codings for Excel: one row per coded passage (the interview's
// date, the interviewee as the evaluation page describes them, the question, the theme's group
// and name, the quote), as CSV for Danish Excel and as an .xlsx workbook.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "web/http/services.h"
#include "web/pages/csv_cell.h"
#include "web/pages/host_pages_support.h"
#include "web/pages/interview_pages.h"
#include "web/pages/page.h"
#include "web/pages/privacy_support.h"
#include "web/pages/xlsx_export.h"

namespace samskab::web::pages {

namespace {

using core::AccountRole;

// The columns of both downloads, named like those of a logbook's CSV.
const std::vector<std::string> CODING_COLUMNS = {"date",        "interviewee", "question",
                                                 "theme_group", "theme",       "quote"};

struct CodingRow {
    core::Day date = 0;
    std::optional<std::string> person;  // the interviewee's person id, when recorded
    std::string interviewee;
    std::string question;
    std::string group;
    std::string theme;
    std::string quote;
};

// The downloads' period: the query's "from" and "to" (the theme summary's choice), each open
// when empty. The first problem names its field.
struct CodingPeriod {
    core::Day from = core::days_from_civil(1900, 1, 1);
    core::Day to = core::days_from_civil(9999, 12, 31);
    std::optional<FieldError> error;
};

CodingPeriod coding_period_of(const RequestContext& ctx) {
    CodingPeriod period;
    for (auto [name, target] : {std::pair{"from", &period.from}, std::pair{"to", &period.to}}) {
        const std::string_view typed = ctx.request.query.value(name);
        if (typed.empty()) {
            continue;
        }
        if (auto day = parse_form_date(typed)) {
            *target = *day;
        } else if (!period.error) {
            period.error = field_problem(ctx, name, std::string("eval_field_") + name,
                                         text_of(ctx, "eval_error_date"));
        }
    }
    if (!period.error && period.to < period.from) {
        period.error = field_problem(ctx, "to", "eval_field_to", text_of(ctx, "eval_error_period"));
    }
    return period;
}

// The coded passages of the scope's partnership in `period`, by date, with the interviewee and
// the theme in the request's language. A theme no longer in the codebook shows its id.
core::Result<std::vector<CodingRow>> coding_rows(const RequestContext& ctx,
                                                 const EvaluationScope& scope,
                                                 const CodingPeriod& period) {
    const std::string& partnership = scope.partnership->id;
    auto passages = scope.store->coded_passages(partnership, period.from, period.to);
    if (!passages) {
        return tl::unexpected(passages.error());
    }
    auto interviews = scope.store->interviews(partnership);
    if (!interviews) {
        return tl::unexpected(interviews.error());
    }
    auto themes = scope.store->codebook(partnership);
    if (!themes) {
        return tl::unexpected(themes.error());
    }
    std::map<std::int64_t, const core::Interview*> interview_by_id;
    for (const core::Interview& interview : *interviews) {
        interview_by_id[interview.id] = &interview;
    }
    std::map<std::string, const core::Theme*> theme_by_id;
    for (const core::Theme& theme : *themes) {
        theme_by_id[theme.id] = &theme;
    }
    std::vector<CodingRow> rows;
    for (const core::CodedPassage& passage : *passages) {
        CodingRow row;
        row.date = passage.date;
        row.question = passage.question;
        row.theme = passage.theme;
        row.quote = passage.quote;
        if (auto found = interview_by_id.find(passage.interview); found != interview_by_id.end()) {
            row.person = found->second->person;
            row.interviewee = found->second->interviewee;
        }
        if (auto found = theme_by_id.find(passage.theme); found != theme_by_id.end()) {
            row.group = text_of(ctx, group_key(found->second->group));
            row.theme = core::theme_name(*found->second, ctx.lang);
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string codings_csv(const std::vector<CodingRow>& rows) {
    std::vector<std::string> header;
    for (const std::string& column : CODING_COLUMNS) {
        header.push_back(csv_cell(column, true));
    }
    std::string out = std::string(CSV_BOM) + csv_line(header);
    for (const CodingRow& row : rows) {
        out += csv_line({core::format_date(row.date), csv_cell(row.interviewee, true),
                         csv_cell(row.question, true), csv_cell(row.group, true),
                         csv_cell(row.theme, true), csv_cell(row.quote, true)});
    }
    return out;
}

XlsxSheet codings_sheet(const RequestContext& ctx, const std::vector<CodingRow>& rows) {
    XlsxSheet sheet{text_of(ctx, "eval_codings_sheet"), CODING_COLUMNS, {}};
    for (const CodingRow& row : rows) {
        sheet.rows.push_back({XlsxCell::of_date(row.date), XlsxCell::of_text(row.interviewee),
                              XlsxCell::of_text(row.question), XlsxCell::of_text(row.group),
                              XlsxCell::of_text(row.theme), XlsxCell::of_text(row.quote)});
    }
    return sheet;
}

// The access-log entries of a download: quotes from interviews are data about the people
// interviewed, so each interviewee recorded as a person gets an entry of their own (which they
// see on their page); a download that names no person is still logged, once.
core::Result<void> log_download(const RequestContext& ctx, const std::vector<CodingRow>& rows) {
    std::vector<std::string> people;
    for (const CodingRow& row : rows) {
        if (row.person && !row.person->empty()) {
            people.push_back(*row.person);
        }
    }
    return people.empty() ? log_listing(ctx) : log_person_views(ctx, people);
}

// Both downloads: authorised as the evaluation pages, the period checked, the rows read, and
// the download logged (log_download).
Response codings_download(RequestContext& ctx, const views::Templates& templates, bool xlsx) {
    EvaluationScope scope = resolve_evaluation(ctx, templates, ctx.params.value("id"));
    if (scope.response) {
        return std::move(*scope.response);
    }
    const CodingPeriod period = coding_period_of(ctx);
    if (period.error) {
        return error_page(ctx, templates, 400, period.error->message);
    }
    auto rows = coding_rows(ctx, scope, period);
    if (!rows) {
        return failure_page(ctx, templates, rows.error());
    }
    if (auto logged = log_download(ctx, *rows); !logged) {
        return failure_page(ctx, templates, logged.error());
    }
    const std::string name = "kodninger-" + scope.partnership->id;
    if (!xlsx) {
        return download_response(codings_csv(*rows), "text/csv; charset=utf-8", name + ".csv");
    }
    auto workbook = write_xlsx({codings_sheet(ctx, *rows)});
    if (!workbook) {
        return failure_page(ctx, templates, workbook.error());
    }
    return download_response(std::move(*workbook), XLSX_CONTENT_TYPE, name + ".xlsx");
}

}  // namespace

std::vector<Route> evaluation_export_routes(const views::Templates& templates) {
    const std::vector<AccountRole> coordinators{AccountRole::Coordinator};
    const views::Templates* t = &templates;
    return {
        Route{Method::Get, "/coordinator/partnerships/:id/codings.csv", false, false, coordinators,
              [t](RequestContext& ctx) { return codings_download(ctx, *t, false); }},
        Route{Method::Get, "/coordinator/partnerships/:id/codings.xlsx", false, false, coordinators,
              [t](RequestContext& ctx) { return codings_download(ctx, *t, true); }},
    };
}

}  // namespace samskab::web::pages
