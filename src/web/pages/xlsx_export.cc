#include "web/pages/xlsx_export.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include <unistd.h>
#include <xlsxwriter.h>

namespace samskab::web::pages {

namespace {

// Excel's limit of characters in one cell.
constexpr std::size_t MAX_CELL_CHARS = 32767;
// Excel's serial number of 1970-01-01 (the 1900 date system).
constexpr double SERIAL_OF_EPOCH = 25569;
// The first day Excel's serial numbers count correctly (1900-03-01: Excel believes that
// 1900-02-29 existed).
constexpr core::Day FIRST_EXCEL_DAY = -25508;
constexpr double MIN_WIDTH = 8;
constexpr double MAX_WIDTH = 60;

// Removes the temporary file however write_xlsx returns.
class TemporaryFile {
public:
    explicit TemporaryFile(std::string path) : m_path(std::move(path)) {}
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    ~TemporaryFile() { std::remove(m_path.c_str()); }
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
};

core::Result<std::string> make_temporary_path() {
    std::error_code error;
    const std::filesystem::path directory = std::filesystem::temp_directory_path(error);
    if (error) {
        return core::fail(core::ErrorCode::Storage,
                          "Der er ingen mappe til midlertidige filer: " + error.message());
    }
    std::string path = (directory / "samskab-XXXXXX.xlsx").string();
    const int fd = mkstemps(path.data(), 5);
    if (fd < 0) {
        return core::fail(core::ErrorCode::Storage, "Den midlertidige fil kunne ikke oprettes");
    }
    close(fd);
    return path;
}

// The number of characters (code points) of UTF-8 text.
std::size_t char_count(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// `text` cut to Excel's limit, at a character boundary.
std::string cell_text(const std::string& text) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++chars > MAX_CELL_CHARS) {
            return text.substr(0, i);
        }
    }
    return text;
}

// The width a cell wants, in characters.
double wanted_width(const XlsxCell& cell) {
    switch (cell.kind) {
        case XlsxCell::Kind::Empty:
            return 0;
        case XlsxCell::Kind::Text:
            return static_cast<double>(char_count(cell.text));
        case XlsxCell::Kind::Number:
            return 10;
        case XlsxCell::Kind::Date:
            return 11;
        case XlsxCell::Kind::DateTime:
            return 17;
    }
    return 0;
}

struct Formats {
    lxw_format* header = nullptr;
    lxw_format* date = nullptr;
    lxw_format* date_time = nullptr;
};

lxw_error write_cell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const XlsxCell& cell,
                     const Formats& formats) {
    switch (cell.kind) {
        case XlsxCell::Kind::Empty:
            return LXW_NO_ERROR;
        case XlsxCell::Kind::Text:
            // Always a string: worksheet_write_string never makes a formula of "=...".
            return worksheet_write_string(sheet, row, col, cell_text(cell.text).c_str(), nullptr);
        case XlsxCell::Kind::Number:
            return worksheet_write_number(sheet, row, col, cell.number, nullptr);
        case XlsxCell::Kind::Date:
            if (cell.day < FIRST_EXCEL_DAY) {
                return worksheet_write_string(sheet, row, col, core::format_date(cell.day).c_str(),
                                              nullptr);
            }
            return worksheet_write_number(sheet, row, col, cell.day + SERIAL_OF_EPOCH,
                                          formats.date);
        case XlsxCell::Kind::DateTime:
            if (core::day_of(cell.time) < FIRST_EXCEL_DAY) {
                return worksheet_write_string(sheet, row, col,
                                              core::format_local_time(cell.time).c_str(), nullptr);
            }
            return worksheet_write_number(
                sheet, row, col, static_cast<double>(cell.time) / 86400.0 + SERIAL_OF_EPOCH,
                formats.date_time);
    }
    return LXW_NO_ERROR;
}

// Writes one sheet; the first error of libxlsxwriter, or LXW_NO_ERROR.
lxw_error write_sheet(lxw_workbook* workbook, const XlsxSheet& sheet, const Formats& formats) {
    if (const lxw_error invalid = workbook_validate_sheet_name(workbook, sheet.name.c_str());
        invalid != LXW_NO_ERROR) {
        return invalid;
    }
    if (sheet.rows.size() + 1 > LXW_ROW_MAX || sheet.header.size() > LXW_COL_MAX) {
        return LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE;
    }
    lxw_worksheet* worksheet = workbook_add_worksheet(workbook, sheet.name.c_str());
    if (worksheet == nullptr) {
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    }
    std::vector<double> widths(sheet.header.size(), MIN_WIDTH);
    lxw_error first = LXW_NO_ERROR;
    const auto note = [&first](lxw_error error) {
        if (first == LXW_NO_ERROR) {
            first = error;
        }
    };
    for (std::size_t col = 0; col < sheet.header.size(); ++col) {
        note(worksheet_write_string(worksheet, 0, static_cast<lxw_col_t>(col),
                                    cell_text(sheet.header[col]).c_str(), formats.header));
        // Bold text and the filter's button take a little more room.
        widths[col] = std::max(widths[col], static_cast<double>(char_count(sheet.header[col])) + 4);
    }
    for (std::size_t row = 0; row < sheet.rows.size(); ++row) {
        const std::vector<XlsxCell>& cells = sheet.rows[row];
        for (std::size_t col = 0; col < cells.size() && col < sheet.header.size(); ++col) {
            note(write_cell(worksheet, static_cast<lxw_row_t>(row + 1), static_cast<lxw_col_t>(col),
                            cells[col], formats));
            widths[col] = std::max(widths[col], wanted_width(cells[col]) + 2);
        }
    }
    for (std::size_t col = 0; col < widths.size(); ++col) {
        note(worksheet_set_column(worksheet, static_cast<lxw_col_t>(col),
                                  static_cast<lxw_col_t>(col), std::min(widths[col], MAX_WIDTH),
                                  nullptr));
    }
    worksheet_freeze_panes(worksheet, 1, 0);
    if (!sheet.header.empty()) {
        note(worksheet_autofilter(worksheet, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()),
                                  static_cast<lxw_col_t>(sheet.header.size() - 1)));
    }
    return first;
}

core::Result<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in || bytes.str().empty()) {
        return core::fail(core::ErrorCode::Storage, "Regnearket kunne ikke læses tilbage");
    }
    return bytes.str();
}

}  // namespace

XlsxCell XlsxCell::of_text(std::string text) {
    XlsxCell cell;
    cell.kind = Kind::Text;
    cell.text = std::move(text);
    return cell;
}

XlsxCell XlsxCell::of_number(double value) {
    XlsxCell cell;
    cell.kind = Kind::Number;
    cell.number = value;
    return cell;
}

XlsxCell XlsxCell::of_date(core::Day day) {
    XlsxCell cell;
    cell.kind = Kind::Date;
    cell.day = day;
    return cell;
}

XlsxCell XlsxCell::of_time(core::LocalTime time) {
    XlsxCell cell;
    cell.kind = Kind::DateTime;
    cell.time = time;
    return cell;
}

core::Result<std::string> write_xlsx(const std::vector<XlsxSheet>& sheets) {
    auto path = make_temporary_path();
    if (!path) {
        return tl::unexpected(path.error());
    }
    const TemporaryFile file(std::move(*path));
    // libxlsxwriter 1.1.4 writes only to a named file (an in-memory buffer came with 1.1.5).
    lxw_workbook* workbook = workbook_new(file.path().c_str());
    if (workbook == nullptr) {
        return core::fail(core::ErrorCode::Storage, "Regnearket kunne ikke oprettes");
    }
    Formats formats;
    formats.header = workbook_add_format(workbook);
    format_set_bold(formats.header);
    formats.date = workbook_add_format(workbook);
    format_set_num_format(formats.date, "yyyy-mm-dd");
    formats.date_time = workbook_add_format(workbook);
    format_set_num_format(formats.date_time, "yyyy-mm-dd hh:mm");
    lxw_error written = sheets.empty() ? LXW_ERROR_NULL_PARAMETER_IGNORED : LXW_NO_ERROR;
    for (const XlsxSheet& sheet : sheets) {
        if (written == LXW_NO_ERROR) {
            written = write_sheet(workbook, sheet, formats);
        }
    }
    // workbook_close frees the workbook also when it fails, so it is called in every case.
    const lxw_error closed = workbook_close(workbook);
    if (written != LXW_NO_ERROR || closed != LXW_NO_ERROR) {
        return core::fail(core::ErrorCode::Storage,
                          std::string("Regnearket kunne ikke skrives: ") +
                              lxw_strerror(written != LXW_NO_ERROR ? written : closed));
    }
    return read_file(file.path());
}

Response download_response(std::string body, std::string_view content_type,
                           std::string_view file_name) {
    std::string safe(file_name);
    for (char& c : safe) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
        if (!plain) {
            c = '_';
        }
    }
    Response response = Response::text(std::move(body));
    response.set_header("Content-Type", std::string(content_type));
    response.set_header("Content-Disposition", "attachment; filename=\"" + safe + "\"");
    return response;
}

}  // namespace samskab::web::pages
