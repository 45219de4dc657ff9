#include "storage/postgres/postgres_copy.h"

#include <charconv>

namespace samskab::storage::postgres {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

}  // namespace

std::string lower_hex(std::string_view bytes) {
    static constexpr char DIGITS[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        out += DIGITS[b >> 4];
        out += DIGITS[b & 15];
    }
    return out;
}

std::string bytea_of_copy_text(std::string_view text) {
    if (text.size() < 2 || text[0] != '\\' || text[1] != 'x' || text.size() % 2 != 0) {
        throw pqxx::failure("a bytea value in an unexpected format");
    }
    std::string out;
    out.reserve(text.size() / 2 - 1);
    for (std::size_t i = 2; i < text.size(); i += 2) {
        const int high = hex_value(text[i]);
        const int low = hex_value(text[i + 1]);
        if (high < 0 || low < 0) {
            throw pqxx::failure("a bytea value in an unexpected format");
        }
        out += static_cast<char>(high * 16 + low);
    }
    return out;
}

std::string copy_text_of_bytea(std::string_view bytes) {
    return "\\x" + lower_hex(bytes);
}

std::string copy_unescape(std::string_view field) {
    std::string out;
    out.reserve(field.size());
    for (size_t i = 0; i < field.size(); ++i) {
        const char c = field[i];
        if (c != '\\' || i + 1 == field.size()) {
            out += c;
            continue;
        }
        const char e = field[++i];
        switch (e) {
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'v':
                out += '\v';
                break;
            case 'x': {
                int value = 0;
                int digits = 0;
                while (digits < 2 && i + 1 < field.size() && hex_value(field[i + 1]) >= 0) {
                    value = value * 16 + hex_value(field[++i]);
                    ++digits;
                }
                out += digits == 0 ? 'x' : static_cast<char>(value);
                break;
            }
            default:
                if (e >= '0' && e <= '7') {
                    int value = e - '0';
                    for (int digits = 1; digits < 3 && i + 1 < field.size() &&
                                         field[i + 1] >= '0' && field[i + 1] <= '7';
                         ++digits) {
                        value = value * 8 + (field[++i] - '0');
                    }
                    out += static_cast<char>(value);
                } else {
                    out += e;  // \\ and any other escaped character stand for themselves
                }
        }
    }
    return out;
}

bool CopyRow::parse(std::string_view line, std::size_t columns) {
    m_fields.resize(columns);
    m_null.assign(columns, false);
    std::size_t column = 0;
    while (true) {
        const size_t tab = line.find('\t');
        const std::string_view field = line.substr(0, tab);
        if (column == columns) {
            return false;
        }
        if (field == "\\N") {
            m_null[column] = true;
            m_fields[column].clear();
        } else if (field.find('\\') == std::string_view::npos) {
            m_fields[column].assign(field);
        } else {
            m_fields[column] = copy_unescape(field);
        }
        ++column;
        if (tab == std::string_view::npos) {
            break;
        }
        line.remove_prefix(tab + 1);
    }
    return column == columns;
}

std::optional<std::int64_t> CopyRow::integer(std::size_t column) const {
    const std::string& text = m_fields[column];
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (m_null[column] || error != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

std::optional<double> CopyRow::real(std::size_t column) const {
    const std::string& text = m_fields[column];
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (m_null[column] || error != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

}  // namespace samskab::storage::postgres
