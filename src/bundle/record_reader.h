#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/bundle_validator.h"
#include "core/date.h"
#include "core/messages.h"
#include "core/vocabulary.h"

namespace samskab::bundle {

// Reads the fields of one JSON object of a bundle, reporting every problem under the field's
// path (`people[3].joined`). A getter whose field is missing or invalid reports it and returns
// an empty/default value, so reading goes on and all issues of a document are found in one pass.
// `finish` reports the fields that no getter asked for: a typo must not lose data silently.
class RecordReader {
public:
    RecordReader(const nlohmann::json& object, std::string path, core::Lang lang,
                 std::vector<core::BundleIssue>& issues);

    // Required non-empty string (ids and references).
    std::string id(const char* key);
    // Required string (names and titles); must not be empty either.
    std::string text(const char* key);
    // Absent or null gives nullopt; otherwise a non-empty string.
    std::optional<std::string> optional_id(const char* key);
    core::Day date(const char* key);
    std::optional<core::Day> optional_date(const char* key);
    core::LocalTime time(const char* key);
    bool boolean(const char* key, bool fallback);
    std::optional<bool> optional_boolean(const char* key);
    std::optional<double> optional_number(const char* key);
    // Required whole number (a version's number).
    int integer(const char* key);
    // Absent or null gives ""; otherwise a string, which may be empty (an English name).
    std::string optional_text(const char* key);
    // Absent or null gives nullopt; otherwise a list of strings, each non-empty when
    // `non_empty` (ids; reported as `key[i]`).
    std::optional<std::vector<std::string>> optional_strings(const char* key, bool non_empty);

    // A required name of a vocabulary that core parses itself; `allowed` lists its names.
    template <class E>
    E named(const char* key, std::optional<E> (*parse)(std::string_view),
            std::string_view allowed) {
        const nlohmann::json* value = required(key);
        if (!value) {
            return E{};
        }
        if (!value->is_string()) {
            issue(key, core::Msg::MustBeString);
            return E{};
        }
        const auto& text = value->get_ref<const std::string&>();
        if (auto parsed = parse(text)) {
            return *parsed;
        }
        issue(key, core::Msg::UnknownValue, {text, allowed});
        return E{};
    }

    template <class E>
    E choice(const char* key) {
        const nlohmann::json* value = required(key);
        return value ? choice_of<E>(key, *value).value_or(E{}) : E{};
    }

    template <class E>
    std::optional<E> optional_choice(const char* key) {
        const nlohmann::json* value = optional(key);
        return value ? choice_of<E>(key, *value) : std::nullopt;
    }

    // The nested object or array under `key`, when it has that shape (else reported).
    const nlohmann::json* optional_object(const char* key);
    const nlohmann::json* optional_array(const char* key);

    // Whether the object has `key` with a value other than null (without reading it).
    bool has(const char* key) const;

    std::string path_of(std::string_view key) const;
    void issue(std::string_view key, core::Msg id,
               std::initializer_list<std::string_view> args = {});
    void finish();

private:
    const nlohmann::json* required(const char* key);
    const nlohmann::json* optional(const char* key);  // null when absent or JSON null

    template <class E>
    std::optional<E> choice_of(const char* key, const nlohmann::json& value) {
        if (!value.is_string()) {
            issue(key, core::Msg::MustBeString);
            return std::nullopt;
        }
        const auto& text = value.get_ref<const std::string&>();
        if (auto parsed = core::parse_name<E>(text)) {
            return parsed;
        }
        std::string allowed;
        for (std::string_view name : core::Names<E>::VALUES) {
            allowed += allowed.empty() ? "" : ", ";
            allowed += name;
        }
        issue(key, core::Msg::UnknownValue, {text, allowed});
        return std::nullopt;
    }

    const nlohmann::json& m_object;
    std::string m_path;
    core::Lang m_lang;
    std::vector<core::BundleIssue>& m_issues;
    std::unordered_set<std::string_view> m_seen;
};

// A JSON value quoted for a message: strings in quotes, the rest as JSON, cut short if long.
std::string quote(const nlohmann::json& value);

// A key as it appears in an issue's path: plain names as they are, anything else (an empty key,
// spaces, dots, brackets) as a JSON string, so that every path names one place unambiguously.
std::string key_in_path(std::string_view key);

}  // namespace samskab::bundle
