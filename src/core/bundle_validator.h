#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/bundle.h"
#include "core/messages.h"
#include "core/store.h"

namespace samskab::core {

// One thing wrong with a bundle: `path` names the field as in the JSON
// (`participations[12].person`), `message` says what is wrong in the chosen language.
struct BundleIssue {
    std::string path;
    std::string message;
};

// "path: message", the form in which issues are shown to users.
std::string to_string(const BundleIssue& issue);

// Answers whether a record with an id is already stored, for references that a bundle makes
// to records it does not carry itself.
using IdLookup = std::function<bool(Collection, std::string_view)>;

// Checks the rules of BUNDLE.md that span records: ids unique per collection, every reference
// resolves (within the bundle, else through `stored`), the support need only with consent,
// ends not before starts, relations between two people with no overlapping periods of the
// same pair, and no record given twice under its natural key.
// Field-level problems (types, formats, vocabularies) are the reader's; a reference left empty
// by the reader because it was invalid is not reported again here.
// Returns every issue found, in document order per collection; empty when the bundle is valid.
std::vector<BundleIssue> validate_bundle(const Bundle& bundle, Lang lang, const IdLookup& stored);

}  // namespace samskab::core
