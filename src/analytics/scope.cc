#include "analytics/scope.h"

#include <algorithm>
#include <string>

namespace samskab::analytics {

namespace {

template <class Records>
core::Dataset::Index find_id(const Records& records, const std::string& id) {
    const auto found = std::find_if(records.begin(), records.end(),
                                    [&](const auto& record) { return record.id == id; });
    return found == records.end() ? core::Dataset::NONE
                                  : static_cast<core::Dataset::Index>(found - records.begin());
}

core::Error unknown(core::Lang lang, std::string field, core::Msg noun, const std::string& id) {
    std::string text =
        field + ": " +
        core::message(lang, core::Msg::UnknownReference, {core::message(lang, noun), id});
    return core::Error{core::ErrorCode::NotFound, std::move(text), std::move(field)};
}

}  // namespace

core::Result<ResolvedScope> resolve_scope(const core::Dataset& data, const Scope& scope,
                                          core::Lang lang) {
    ResolvedScope resolved;
    resolved.places.assign(data.places.size(), 0);
    resolved.partnerships.assign(data.partnerships.size(), 0);
    switch (scope.kind) {
        case ScopeKind::All:
            std::fill(resolved.places.begin(), resolved.places.end(), 1);
            std::fill(resolved.partnerships.begin(), resolved.partnerships.end(), 1);
            break;
        case ScopeKind::Place: {
            const auto place = find_id(data.places, scope.id);
            if (place == core::Dataset::NONE) {
                return tl::unexpected(unknown(lang, "--place", core::Msg::NounPlace, scope.id));
            }
            resolved.places[place] = 1;
            resolved.partnerships[data.places[place].partnership] = 1;
            break;
        }
        case ScopeKind::Partnership: {
            const auto partnership = find_id(data.partnerships, scope.id);
            if (partnership == core::Dataset::NONE) {
                return tl::unexpected(
                    unknown(lang, "--partnership", core::Msg::NounPartnership, scope.id));
            }
            resolved.partnerships[partnership] = 1;
            for (size_t i = 0; i < data.places.size(); ++i) {
                resolved.places[i] = data.places[i].partnership == partnership ? 1 : 0;
            }
            break;
        }
    }
    return resolved;
}

}  // namespace samskab::analytics
