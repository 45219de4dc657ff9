// A survey round's responses for Excel: one row per response and one column per question, as
// CSV for Danish Excel and as an .xlsx workbook, for the coordinators of the whole partnership.
#include <algorithm>
#include <string>
#include <vector>

#include "analytics/suppression.h"
#include "core/survey_store.h"
#include "web/http/services.h"
#include "web/pages/csv_cell.h"
#include "web/pages/host_pages_support.h"
#include "web/pages/page.h"
#include "web/pages/survey_pages.h"
#include "web/pages/xlsx_export.h"

namespace samskab::web::pages {

namespace {

// The columns of both downloads: the questions' ids, which never change, so that files of
// several rounds line up.
std::vector<std::string> columns() {
    std::vector<std::string> out;
    for (const core::SurveyQuestion& question : core::survey_questions()) {
        out.emplace_back(question.id);
    }
    return out;
}

// The answer's word in the request's language ("Ja", "Lidt", "Nej"), empty when skipped.
std::string survey_answer_text(const RequestContext& ctx,
                               const std::optional<core::SurveyAnswer>& a) {
    return a ? text_of(ctx, "survey_answer_" + std::string(core::survey_answer_name(*a))) : "";
}

// Rows as the download shows them, sorted by their text: the store sorts by answer, and the
// words of another language sort otherwise.
std::vector<std::vector<std::string>> rows_of(
    const RequestContext& ctx, const std::vector<core::SurveyResponseAnswers>& responses) {
    std::vector<std::vector<std::string>> rows;
    rows.reserve(responses.size());
    for (const core::SurveyResponseAnswers& response : responses) {
        std::vector<std::string> row;
        for (const std::optional<core::SurveyAnswer>& answer : response) {
            row.push_back(survey_answer_text(ctx, answer));
        }
        rows.push_back(std::move(row));
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

std::string responses_csv(const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::string> header;
    for (const std::string& column : columns()) {
        header.push_back(csv_cell(column, true));
    }
    std::string out = std::string(CSV_BOM) + csv_line(header);
    for (const std::vector<std::string>& row : rows) {
        std::vector<std::string> cells;
        for (const std::string& cell : row) {
            cells.push_back(csv_cell(cell, true));
        }
        out += csv_line(cells);
    }
    return out;
}

XlsxSheet responses_sheet(const RequestContext& ctx,
                          const std::vector<std::vector<std::string>>& rows) {
    XlsxSheet sheet{text_of(ctx, "survey_responses_sheet"), columns(), {}};
    for (const std::vector<std::string>& row : rows) {
        std::vector<XlsxCell> cells;
        for (const std::string& cell : row) {
            cells.push_back(cell.empty() ? XlsxCell{} : XlsxCell::of_text(cell));
        }
        sheet.rows.push_back(std::move(cells));
    }
    return sheet;
}

}  // namespace

Response survey_responses_download(const RequestContext& ctx, const views::Templates& templates,
                                   const core::SurveyRound& round, bool xlsx) {
    auto counts = ctx.services.surveys->counts(round.id);
    if (!counts) {
        return failure_page(ctx, templates, counts.error());
    }
    if (counts->respondents < analytics::DEFAULT_SUPPRESSION_K) {
        return error_page(ctx, templates, 409, text_of(ctx, "survey_download_too_few"));
    }
    auto responses = ctx.services.surveys->responses(round.id);
    if (!responses) {
        return failure_page(ctx, templates, responses.error());
    }
    if (auto logged = log_listing(ctx); !logged) {
        return failure_page(ctx, templates, logged.error());
    }
    const std::vector<std::vector<std::string>> rows = rows_of(ctx, *responses);
    const std::string name = "spoergeskema-" + round.bundle_id;
    if (!xlsx) {
        return download_response(responses_csv(rows), "text/csv; charset=utf-8", name + ".csv");
    }
    auto workbook = write_xlsx({responses_sheet(ctx, rows)});
    if (!workbook) {
        return failure_page(ctx, templates, workbook.error());
    }
    return download_response(std::move(*workbook), XLSX_CONTENT_TYPE, name + ".xlsx");
}

}  // namespace samskab::web::pages
