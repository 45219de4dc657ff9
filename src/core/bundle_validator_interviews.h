#pragma once

#include <vector>

#include "core/bundle_validator.h"

namespace samskab::core {

// The rules of the collection `interviews` (docs/bundle.md) that the reader cannot check
// alone, appended to `issues` in document order, as validate_bundle does for the others:
// - guide ids are unique, and interview ids are unique across all guides;
// - a guide's partnership is in the bundle or stored (`stored`, Collection::Partnerships);
// - titles, questions, interviewee descriptions and notes pass core/interview.h's validators;
// - an interview's person is in the bundle or stored;
// - a note's `question` numbers one of its guide's questions (1, 2, 3 ...), once per interview;
// - a coding's theme is in its partnership's codebook: the starting codebook (which the store
//   copies into a partnership before its first coding), the bundle's `codes` for that
//   partnership, or the stored codebook (Collection::CodebookThemes); a retired theme is
//   accepted, since codings made before it was retired keep it;
// - a coding's quote occurs in its note word for word, as the interview store requires.
void check_interviews(const Bundle& bundle, Lang lang, const IdLookup& stored,
                      std::vector<BundleIssue>& issues);

}  // namespace samskab::core
