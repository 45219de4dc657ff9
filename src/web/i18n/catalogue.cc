#include "web/i18n/catalogue.h"

#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace samskab::web::i18n {

namespace {

// Built on first use and never changed after, so that the worker threads read it without a lock
// (a function-local static is initialised exactly once, thread-safely).
struct Index {
    std::vector<Entry> entries;
    std::unordered_map<std::string_view, const Entry*> by_key;
};

const Index& index() {
    static const Index INDEX = [] {
        Index built;
        for (auto area :
             {common_entries(), participant_entries(), host_entries(), coordinator_entries(),
              privacy_entries(), dashboard_entries(), logbook_entries(), evaluation_entries(),
              survey_entries()}) {
            built.entries.insert(built.entries.end(), area.begin(), area.end());
        }
        built.by_key.reserve(built.entries.size());
        for (const Entry& entry : built.entries) {
            // A duplicate key keeps its first text; catalogue_test reports duplicates.
            built.by_key.emplace(entry.key, &entry);
        }
        return built;
    }();
    return INDEX;
}

}  // namespace

std::string_view text(core::Lang lang, std::string_view key) {
    const auto& by_key = index().by_key;
    auto found = by_key.find(key);
    if (found == by_key.end()) {
        throw std::logic_error("no catalogue text for the key \"" + std::string(key) + "\"");
    }
    return lang == core::Lang::En ? found->second->en : found->second->da;
}

std::span<const Entry> all_entries() {
    return index().entries;
}

}  // namespace samskab::web::i18n
