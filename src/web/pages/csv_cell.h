#pragma once

#include <string>
#include <string_view>
#include <vector>

// CSV for Danish Excel, shared by the downloads that offer one (a logbook's entries, a
// partnership's interview codings): UTF-8 with a byte order mark (without it Excel reads the
// file as Windows-1252), ';' between cells (Danish Excel's list separator, because ',' is the
// decimal mark), CR LF at the end of every line.
namespace samskab::web::pages {

// The byte order mark a CSV download starts with.
inline constexpr std::string_view CSV_BOM = "\xEF\xBB\xBF";

// One cell. Free text (`is_text`) that starts with = + - @ gets a leading ', because Excel
// would otherwise run it as a formula (a typed "=HYPERLINK(...)" in a note must stay text).
// A cell holding ; " CR or LF is quoted, with " doubled. Numbers and dates pass `is_text`
// false so that a negative number keeps its sign.
std::string csv_cell(std::string text, bool is_text);

// Cells (each already made with csv_cell) joined by ';' and ended by CR LF.
std::string csv_line(const std::vector<std::string>& cells);

}  // namespace samskab::web::pages
