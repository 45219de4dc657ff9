#include "core/name_redaction.h"

#include "core/name_fold.h"

namespace samskab::core {

namespace {

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// A character as fold_name sees it: a two-byte UTF-8 sequence, or one byte.
std::size_t unit_length(std::string_view text, std::size_t at) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte >= 0xC2 && byte <= 0xDF && at + 1 < text.size() &&
        (static_cast<unsigned char>(text[at + 1]) & 0xC0) == 0x80) {
        return 2;
    }
    return 1;
}

std::string replaced(std::string_view text,
                     const std::vector<std::pair<std::size_t, std::size_t>>& ranges) {
    std::string out;
    std::size_t from = 0;
    for (const auto& [begin, end] : ranges) {
        out.append(text.substr(from, begin - from));
        out.append(REDACTED_NAME);
        from = end;
    }
    out.append(text.substr(from));
    return out;
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> name_occurrences(std::string_view text,
                                                                  std::string_view name) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    if (is_blank(name)) {
        return out;
    }
    const std::string wanted = fold_name(name);
    // The folded text, with the offset in `text` of the character each folded byte came from,
    // so that a match found in the folded text is cut from the text itself.
    std::string folded;
    std::vector<std::size_t> origin;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t length = unit_length(text, at);
        const std::string unit = fold_name(text.substr(at, length));
        folded += unit;
        origin.insert(origin.end(), unit.size(), at);
        at += length;
    }
    origin.push_back(text.size());
    const auto starts_character = [&](std::size_t j) {
        return j == 0 || j == folded.size() || origin[j - 1] != origin[j];
    };
    std::size_t j = folded.find(wanted);
    while (j != std::string::npos) {
        const std::size_t end = j + wanted.size();
        if (starts_character(j) && starts_character(end)) {
            out.emplace_back(origin[j], origin[end]);
            j = folded.find(wanted, end);
        } else {
            j = folded.find(wanted, j + 1);
        }
    }
    return out;
}

bool names_person(std::string_view text, std::string_view name) {
    return !name_occurrences(text, name).empty();
}

std::string redact_name(std::string_view text, std::string_view name) {
    return replaced(text, name_occurrences(text, name));
}

std::string redact_quote(std::string_view quote, std::string_view note, std::string_view name) {
    const std::size_t at = quote.empty() ? std::string_view::npos : note.find(quote);
    if (at == std::string_view::npos) {
        return redact_name(quote, name);
    }
    std::size_t begin = at;
    std::size_t end = at + quote.size();
    const auto occurrences = name_occurrences(note, name);
    for (const auto& [first, last] : occurrences) {
        if (first < begin && begin < last) {
            begin = first;
        }
        if (first < end && end < last) {
            end = last;
        }
    }
    std::vector<std::pair<std::size_t, std::size_t>> inside;
    for (const auto& [first, last] : occurrences) {
        if (first >= begin && last <= end) {
            inside.emplace_back(first - begin, last - begin);
        }
    }
    return replaced(note.substr(begin, end - begin), inside);
}

}  // namespace samskab::core
