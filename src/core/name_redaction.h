#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace samskab::core {

// How erasure and anonymisation find a person's name in free text and take it out
// (core/community_store.h, erase_person and anonymise; docs/privacy.md). Both stores apply this
// one rule to every free-text column, so that the same text comes out of either database: a text
// names a person when it contains their name as it is stored, ignoring case (fold_name: ASCII
// and the Latin letters of Danish and its neighbours), anywhere in the text, also inside a
// longer word, since a name written into a compound ("Annas") still points at the person.
// Every occurrence is replaced by REDACTED_NAME. A blank name names nothing.
inline constexpr std::string_view REDACTED_NAME = "[anonym]";

// The byte ranges [begin, end) of `text` that spell `name`, leftmost first, not overlapping;
// each begins and ends on a whole character.
std::vector<std::pair<std::size_t, std::size_t>> name_occurrences(std::string_view text,
                                                                  std::string_view name);

// Whether `text` names the person called `name`.
bool names_person(std::string_view text, std::string_view name);

// `text` with every occurrence of `name` replaced by REDACTED_NAME.
std::string redact_name(std::string_view text, std::string_view name);

// A coded quote after its note has been redacted: the part of redact_name(note, name) that the
// quote was of `note`. A quote that began or ended inside an occurrence of the name is widened
// to the whole occurrence, so that no piece of the name is left and the quote stays inside its
// note (core::validate_quote). A quote no longer found in its note is redacted on its own.
std::string redact_quote(std::string_view quote, std::string_view note, std::string_view name);

}  // namespace samskab::core
