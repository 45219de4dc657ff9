#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pqxx/pqxx>

namespace samskab::storage::postgres {

// One row of COPY's text format, split into fields and unescaped.
class CopyRow {
public:
    // Splits `line` (without its newline). Returns false when it has a number of fields other
    // than `columns`, which cannot happen for a COPY samskab asked for.
    bool parse(std::string_view line, std::size_t columns);

    bool is_null(std::size_t column) const { return m_null[column]; }
    // The text of a field; empty for a null.
    std::string_view text(std::size_t column) const { return m_fields[column]; }
    // A bigint field; nullopt when it is null or not a number.
    std::optional<std::int64_t> integer(std::size_t column) const;
    // A double precision field as PostgreSQL wrote it (shortest exact text); nullopt as above.
    std::optional<double> real(std::size_t column) const;
    // A boolean field ("t" or "f").
    bool boolean(std::size_t column) const { return m_fields[column] == "t"; }

private:
    std::vector<std::string> m_fields;
    std::vector<bool> m_null;
};

// Undoes COPY's text escapes in one field: \t, \n, \\ and the rest, octal and hex bytes.
std::string copy_unescape(std::string_view field);

// `bytes` as lower-case hex digits.
std::string lower_hex(std::string_view bytes);

// A bytea as COPY's text format gives it, once unescaped ("\x" and hex digits): its bytes.
// Throws pqxx::failure for other text (samskab's sessions use the hex output format).
std::string bytea_of_copy_text(std::string_view text);
// The text that COPY ... FROM (libpqxx's stream_to, which escapes the backslash) reads into a
// bytea column as `bytes`.
std::string copy_text_of_bytea(std::string_view bytes);

// Reads `columns` of every row of `table` with COPY ... TO STDOUT, the fastest way out of
// PostgreSQL, in no particular order: callers sort. `row(const CopyRow&)` returns false to
// stop on a damaged row, and copy_out then returns false too. Throws what libpqxx throws.
template <class Row>
bool copy_out(pqxx::transaction_base& transaction, const std::string& table,
              const std::vector<std::string>& columns, Row&& row) {
    pqxx::stream_from stream(transaction, table, columns);
    std::string line;
    CopyRow fields;
    bool ok = true;
    while (stream.get_raw_line(line)) {
        if (!line.empty() && line.back() == '\n') {
            line.pop_back();
        }
        if (ok && !(fields.parse(line, columns.size()) && row(fields))) {
            ok = false;  // read on: the stream must be drained before the transaction goes on
        }
    }
    stream.complete();
    return ok;
}

}  // namespace samskab::storage::postgres
