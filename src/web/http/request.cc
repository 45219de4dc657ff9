#include "web/http/request.h"

namespace samskab::web {

std::optional<std::string_view> Params::get(std::string_view name) const {
    for (const auto& [key, value] : m_items) {
        if (key == name) {
            return std::string_view(value);
        }
    }
    return std::nullopt;
}

std::string_view Params::value(std::string_view name) const {
    return get(name).value_or(std::string_view());
}

std::vector<std::string_view> Params::all(std::string_view name) const {
    std::vector<std::string_view> values;
    for (const auto& [key, value] : m_items) {
        if (key == name) {
            values.emplace_back(value);
        }
    }
    return values;
}

}  // namespace samskab::web
