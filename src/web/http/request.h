#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace samskab::web {

enum class Method { Get, Head, Post, Put, Delete, Other };

// Name/value pairs in their original order; names may repeat (a multiple-choice field).
class Params {
public:
    void add(std::string name, std::string value) {
        m_items.emplace_back(std::move(name), std::move(value));
    }
    // The first value for `name`.
    std::optional<std::string_view> get(std::string_view name) const;
    // The first value for `name`, or "" when absent.
    std::string_view value(std::string_view name) const;
    std::vector<std::string_view> all(std::string_view name) const;
    const std::vector<std::pair<std::string, std::string>>& items() const { return m_items; }

private:
    std::vector<std::pair<std::string, std::string>> m_items;
};

// An HTTP request, independent of the server library, so that handlers and their tests never
// include it. Built by web/http/server.cc; built by hand in tests.
struct Request {
    Method method = Method::Get;
    std::string path;  // percent-decoded, without the query
    Params query;      // decoded query string
    Params headers;    // names lower-case
    Params cookies;    // from the Cookie header
    std::string body;
    std::string remote_address;
    bool secure = false;  // served over HTTPS, or behind a trusted proxy that says so

    std::optional<std::string_view> header(std::string_view lower_case_name) const {
        return headers.get(lower_case_name);
    }
};

}  // namespace samskab::web
