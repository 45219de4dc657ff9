#pragma once

#include <cstdio>
#include <functional>
#include <string>

#include "core/result.h"

namespace samskab::cli {

// Writes a file all or nothing: `write` fills a temporary file beside `path`, which is flushed
// to disk and then renamed over `path`. On any failure `path` is left as it was. With `path`
// "-" or empty, `write` writes to standard output instead; a `path` that exists and is not a
// regular file (a device, a pipe) is written directly.
core::Result<void> write_output(const std::string& path,
                                const std::function<core::Result<void>(std::FILE*)>& write);

}  // namespace samskab::cli
