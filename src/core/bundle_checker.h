#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/bundle_validator.h"
#include "core/messages.h"

namespace samskab::core {

// What the checkers of the optional collections (interviews, survey rounds) share: the language
// of their messages, how a reference to a stored record is looked up, and where issues go.
class BundleChecker {
protected:
    BundleChecker(Lang lang, const IdLookup& stored, std::vector<BundleIssue>& issues)
        : m_lang(lang), m_stored(stored), m_issues(issues) {}

    // "list[index]", the path of an element.
    static std::string at(std::string_view list, size_t index) {
        return std::string(list) + "[" + std::to_string(index) + "]";
    }

    // Whether `id` is in the bundle (`in_bundle`) or stored in `collection`.
    bool known(const std::unordered_set<std::string>& in_bundle, Collection collection,
               const std::string& id) const {
        return in_bundle.count(id) != 0 || (m_stored && m_stored(collection, id));
    }

    void unknown(std::string path, Msg noun, std::string_view id) {
        issue(std::move(path), message(m_lang, Msg::UnknownReference, {message(m_lang, noun), id}));
    }

    void issue(std::string path, std::string text) {
        m_issues.push_back({std::move(path), std::move(text)});
    }

    Lang m_lang;
    const IdLookup& m_stored;
    std::vector<BundleIssue>& m_issues;
};

}  // namespace samskab::core
