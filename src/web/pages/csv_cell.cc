#include "web/pages/csv_cell.h"

namespace samskab::web::pages {

std::string csv_cell(std::string text, bool is_text) {
    if (is_text && !text.empty() && std::string_view("=+-@").find(text[0]) != std::string::npos) {
        text.insert(text.begin(), '\'');
    }
    if (text.find_first_of(";\"\r\n") == std::string::npos) {
        return text;
    }
    std::string out = "\"";
    for (char c : text) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

std::string csv_line(const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) {
            out += ';';
        }
        out += cells[i];
    }
    return out + "\r\n";
}

}  // namespace samskab::web::pages
