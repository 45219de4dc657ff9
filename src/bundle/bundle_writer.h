#pragma once

#include <cstdio>
#include <string>

#include "core/bundle.h"
#include "core/result.h"

namespace samskab::bundle {

// Writes `bundle` as a `samskab-bundle/1` document: every collection present (empty ones as
// []) except the optional self-evaluation collections, which are written only when not empty;
// one record per line, fields in the order of BUNDLE.md and docs/bundle.md, optional fields
// written as null, UTF-8 unescaped. The output depends only on the records and their order, so a
// store that exports in a stable order gives byte-identical files for the same data. Returns
// Storage when writing to `file` fails (a full disk, a closed pipe).
core::Result<void> write_bundle(const core::Bundle& bundle, std::FILE* file);

// The same document as a string (for tests and small bundles).
std::string write_bundle_text(const core::Bundle& bundle);

// `text` as a JSON string literal: quotes, backslashes and control characters escaped; other
// characters (æøå, emoji) kept as their UTF-8 bytes.
void append_json_string(std::string& out, std::string_view text);

}  // namespace samskab::bundle
