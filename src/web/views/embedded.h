#pragma once

#include <span>
#include <string_view>

namespace samskab::web::views {

// One template file as compiled into the binary: its name (the file name without .mustache)
// and its text.
struct EmbeddedTemplate {
    std::string_view name;
    std::string_view text;
};

// Every file of src/web/views/templates/, sorted by name. Generated at build time by
// cmake/embed_templates.cmake.
std::span<const EmbeddedTemplate> embedded_templates();

}  // namespace samskab::web::views
