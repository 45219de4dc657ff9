#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "web/http/response.h"

// Excel workbooks (.xlsx) for the downloads of the self-evaluation's raw material, written with
// libxlsxwriter. A sheet is plain data (a header and rows of typed cells), so that what goes
// into a workbook is built, and tested, without the library.
namespace samskab::web::pages {

inline constexpr std::string_view XLSX_CONTENT_TYPE =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// One cell: nothing, text, a number, a calendar day or a local date and time. Dates are
// written as Excel dates (serial numbers with a date format), so that Excel sorts, filters and
// calculates with them.
struct XlsxCell {
    enum class Kind : std::uint8_t { Empty, Text, Number, Date, DateTime };
    Kind kind = Kind::Empty;
    std::string text;
    double number = 0;
    core::Day day = 0;
    core::LocalTime time = 0;

    static XlsxCell of_text(std::string text);
    static XlsxCell of_number(double value);
    static XlsxCell of_date(core::Day day);
    static XlsxCell of_time(core::LocalTime time);
};

// One worksheet. `name` is at most 31 characters and holds none of [ ] : * ? / \ (Excel's
// rule); rows may be shorter than the header.
struct XlsxSheet {
    std::string name;
    std::vector<std::string> header;
    std::vector<std::vector<XlsxCell>> rows;
};

// The workbook of `sheets` (at least one), as the bytes of an .xlsx file. Every sheet has its
// header row in bold, frozen and with a filter, and column widths from its contents (between
// 8 and 60 characters). Text is always written as a string, never as a formula: a note that
// starts with "=" stays that text. Text longer than Excel's 32,767 characters per cell is cut
// there. Days before 1900-03-01, which Excel cannot show as dates, are written as ISO text.
// Errors: Storage when the temporary file cannot be made or read, or libxlsxwriter fails
// (including more rows than Excel allows); the temporary file is removed in every case.
core::Result<std::string> write_xlsx(const std::vector<XlsxSheet>& sheets);

// A 200 response carrying `body` as a download: `content_type`, and Content-Disposition
// attachment with `file_name`, in which anything but letters, digits, '.', '-' and '_'
// becomes '_'.
Response download_response(std::string body, std::string_view content_type,
                           std::string_view file_name);

}  // namespace samskab::web::pages
