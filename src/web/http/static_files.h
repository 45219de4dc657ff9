#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "web/http/response.h"

namespace samskab::web {

// The file that `relative` (the request path after "/static/", decoded) names under the folder
// `root`: its bytes, its content type, and Cache-Control for a day (the design system's files
// change only with a new release). nullopt when there is no such regular file inside `root`:
// an empty `root`, a missing file, a folder, an empty, "." or ".." segment, a hidden name
// (".git"), or a link that leads outside `root`.
std::optional<Response> static_file(const std::string& root, std::string_view relative);

// The content type for a file name by its extension ("text/css; charset=utf-8", "font/woff2",
// ...); "application/octet-stream" for an unknown one, which nosniff keeps from being run.
std::string_view content_type_of(std::string_view file_name);

}  // namespace samskab::web
