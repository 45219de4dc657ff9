#include "bundle/record_reader.h"

#include <algorithm>

namespace samskab::bundle {

using core::Msg;
using nlohmann::json;

std::string quote(const json& value) {
    std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
    if (text.size() > 40) {
        text = text.substr(0, 37) + "...";
    }
    return text;
}

std::string key_in_path(std::string_view key) {
    const bool plain = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-';
    });
    return plain ? std::string(key)
                 : json(std::string(key)).dump(-1, ' ', false, json::error_handler_t::replace);
}

RecordReader::RecordReader(const json& object, std::string path, core::Lang lang,
                           std::vector<core::BundleIssue>& issues)
    : m_object(object), m_path(std::move(path)), m_lang(lang), m_issues(issues) {}

std::string RecordReader::path_of(std::string_view key) const {
    return m_path + "." + key_in_path(key);
}

void RecordReader::issue(std::string_view key, Msg id,
                         std::initializer_list<std::string_view> args) {
    m_issues.push_back({path_of(key), core::message(m_lang, id, args)});
}

const json* RecordReader::required(const char* key) {
    m_seen.insert(key);
    auto it = m_object.find(key);
    if (it == m_object.end() || it->is_null()) {
        issue(key, Msg::Required);
        return nullptr;
    }
    return &*it;
}

const json* RecordReader::optional(const char* key) {
    m_seen.insert(key);
    auto it = m_object.find(key);
    return it == m_object.end() || it->is_null() ? nullptr : &*it;
}

std::string RecordReader::id(const char* key) {
    const json* value = required(key);
    if (!value) {
        return {};
    }
    if (!value->is_string() || value->get_ref<const std::string&>().empty()) {
        issue(key, Msg::MustBeNonEmptyString);
        return {};
    }
    return value->get<std::string>();
}

std::string RecordReader::text(const char* key) {
    return id(key);
}

std::optional<std::string> RecordReader::optional_id(const char* key) {
    const json* value = optional(key);
    if (!value) {
        return std::nullopt;
    }
    if (!value->is_string() || value->get_ref<const std::string&>().empty()) {
        issue(key, Msg::MustBeNonEmptyString);
        // An empty reference is skipped by the validator; this issue already blocks the import.
        return std::string();
    }
    return value->get<std::string>();
}

core::Day RecordReader::date(const char* key) {
    const json* value = required(key);
    if (!value) {
        return 0;
    }
    if (value->is_string()) {
        if (auto day = core::parse_date(value->get_ref<const std::string&>())) {
            return *day;
        }
    }
    issue(key, Msg::MustBeDate, {quote(*value)});
    return 0;
}

std::optional<core::Day> RecordReader::optional_date(const char* key) {
    const json* value = optional(key);
    if (!value) {
        return std::nullopt;
    }
    if (value->is_string()) {
        if (auto day = core::parse_date(value->get_ref<const std::string&>())) {
            return day;
        }
    }
    issue(key, Msg::MustBeDate, {quote(*value)});
    return std::nullopt;
}

core::LocalTime RecordReader::time(const char* key) {
    const json* value = required(key);
    if (!value) {
        return 0;
    }
    if (value->is_string()) {
        if (auto time = core::parse_local_time(value->get_ref<const std::string&>())) {
            return *time;
        }
    }
    issue(key, Msg::MustBeTime, {quote(*value)});
    return 0;
}

bool RecordReader::boolean(const char* key, bool fallback) {
    const json* value = optional(key);
    if (!value) {
        return fallback;
    }
    if (!value->is_boolean()) {
        issue(key, Msg::MustBeBoolean);
        return fallback;
    }
    return value->get<bool>();
}

std::optional<bool> RecordReader::optional_boolean(const char* key) {
    const json* value = optional(key);
    if (!value) {
        return std::nullopt;
    }
    if (!value->is_boolean()) {
        issue(key, Msg::MustBeBoolean);
        return std::nullopt;
    }
    return value->get<bool>();
}

int RecordReader::integer(const char* key) {
    const json* value = required(key);
    if (!value) {
        return 0;
    }
    if (!value->is_number_integer() || *value < 0 || *value > 1'000'000) {
        issue(key, Msg::MustBeInteger);
        return 0;
    }
    return value->get<int>();
}

std::string RecordReader::optional_text(const char* key) {
    const json* value = optional(key);
    if (!value) {
        return {};
    }
    if (!value->is_string()) {
        issue(key, Msg::MustBeString);
        return {};
    }
    return value->get<std::string>();
}

std::optional<std::vector<std::string>> RecordReader::optional_strings(const char* key,
                                                                       bool non_empty) {
    const json* list = optional_array(key);
    if (!list) {
        return std::nullopt;
    }
    std::vector<std::string> out;
    for (size_t i = 0; i < list->size(); ++i) {
        const json& element = (*list)[i];
        if (!element.is_string() || (non_empty && element.get_ref<const std::string&>().empty())) {
            m_issues.push_back(
                {path_of(key) + "[" + std::to_string(i) + "]",
                 core::message(m_lang, non_empty ? Msg::MustBeNonEmptyString : Msg::MustBeString)});
            continue;
        }
        out.push_back(element.get<std::string>());
    }
    return out;
}

bool RecordReader::has(const char* key) const {
    auto it = m_object.find(key);
    return it != m_object.end() && !it->is_null();
}

std::optional<double> RecordReader::optional_number(const char* key) {
    const json* value = optional(key);
    if (!value) {
        return std::nullopt;
    }
    if (!value->is_number()) {
        issue(key, Msg::MustBeNumber);
        return std::nullopt;
    }
    return value->get<double>();
}

const json* RecordReader::optional_object(const char* key) {
    const json* value = optional(key);
    if (value && !value->is_object()) {
        issue(key, Msg::MustBeObject);
        return nullptr;
    }
    return value;
}

const json* RecordReader::optional_array(const char* key) {
    const json* value = optional(key);
    if (value && !value->is_array()) {
        issue(key, Msg::MustBeArray);
        return nullptr;
    }
    return value;
}

void RecordReader::finish() {
    for (const auto& [key, value] : m_object.items()) {
        if (m_seen.count(key) == 0) {
            issue(key, Msg::UnknownField);
        }
    }
}

}  // namespace samskab::bundle
