#include "web/http/static_files.h"

#include <array>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>
#include <utility>

#include "web/http/http_parsing.h"

namespace samskab::web {

namespace {

namespace fs = std::filesystem;

constexpr std::array<std::pair<std::string_view, std::string_view>, 20> CONTENT_TYPES = {{
    {"css", "text/css; charset=utf-8"},
    {"js", "text/javascript; charset=utf-8"},
    {"mjs", "text/javascript; charset=utf-8"},
    {"map", "application/json; charset=utf-8"},
    {"json", "application/json; charset=utf-8"},
    {"webmanifest", "application/manifest+json; charset=utf-8"},
    {"html", "text/html; charset=utf-8"},
    {"txt", "text/plain; charset=utf-8"},
    {"svg", "image/svg+xml"},
    {"png", "image/png"},
    {"jpg", "image/jpeg"},
    {"jpeg", "image/jpeg"},
    {"gif", "image/gif"},
    {"webp", "image/webp"},
    {"ico", "image/vnd.microsoft.icon"},
    {"woff", "font/woff"},
    {"woff2", "font/woff2"},
    {"ttf", "font/ttf"},
    {"otf", "font/otf"},
    {"pdf", "application/pdf"},
}};

bool safe_relative_path(std::string_view relative) {
    if (relative.empty()) {
        return false;
    }
    while (true) {
        const auto slash = relative.find('/');
        const std::string_view segment = relative.substr(0, slash);
        // "." and ".." are covered by the hidden-name rule.
        if (segment.empty() || segment.front() == '.' ||
            segment.find_first_of(std::string_view("\\\0", 2)) != std::string_view::npos) {
            return false;
        }
        if (slash == std::string_view::npos) {
            return true;
        }
        relative.remove_prefix(slash + 1);
    }
}

// Whether `path` lies inside `root`; both canonical.
bool inside(const fs::path& root, const fs::path& path) {
    auto r = root.begin();
    auto p = path.begin();
    for (; r != root.end(); ++r, ++p) {
        if (p == path.end() || *r != *p) {
            return false;
        }
    }
    return p != path.end();
}

}  // namespace

std::string_view content_type_of(std::string_view file_name) {
    const auto dot = file_name.rfind('.');
    if (dot == std::string_view::npos) {
        return "application/octet-stream";
    }
    const std::string extension = ascii_lower(file_name.substr(dot + 1));
    for (const auto& [known, type] : CONTENT_TYPES) {
        if (extension == known) {
            return type;
        }
    }
    return "application/octet-stream";
}

std::optional<Response> static_file(const std::string& root, std::string_view relative) {
    if (root.empty() || !safe_relative_path(relative)) {
        return std::nullopt;
    }
    std::error_code error;
    const fs::path canonical_root = fs::canonical(root, error);
    if (error) {
        return std::nullopt;
    }
    // Links inside the folder are followed, as long as they stay inside it.
    const fs::path file = fs::canonical(canonical_root / fs::path(relative), error);
    if (error || !inside(canonical_root, file) || !fs::is_regular_file(file, error)) {
        return std::nullopt;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) {
        return std::nullopt;
    }
    Response response;
    response.body = std::move(body);
    response.set_header("Content-Type", std::string(content_type_of(relative)));
    response.set_header("Cache-Control", "public, max-age=86400");
    return response;
}

}  // namespace samskab::web
