#pragma once

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <mstch/mstch.hpp>

#include "core/messages.h"
#include "web/views/compiled_template.h"

namespace samskab::web::views {

// The Mustache templates of the pages, compiled into the binary from
// src/web/views/templates/*.mustache (a template named "host_today" comes from
// host_today.mustache; every template is also available as a partial {{> name}}).
// Mustache escapes {{value}} by default; templates never use {{{value}}} or {{& value}} for
// anything that came from a user (a test checks that triple braces appear only for the
// rendered body inside the layout).
//
// Catalogue texts are written {{t.key}}. They are filled in once, when the templates are
// loaded, for each language (escaped as any value), so a request neither builds nor copies the
// catalogue; the constructor throws std::logic_error for a key that is not in the catalogue.
// Partials are inlined at load time as well, and each template is parsed once
// (CompiledTemplate, with mstch's semantics; see compiled_template.h for why).
class Templates {
public:
    Templates();

    // Renders template `name` with `context` through mstch::render; {{t.key}} is taken from
    // `context` ("t"). An unknown name is a bug (std::logic_error).
    std::string render(std::string_view name, const mstch::node& context) const;

    // Renders template `name` with `context`, its {{t.key}} texts in `lang`.
    std::string render(std::string_view name, const mstch::node& context, core::Lang lang) const;

    bool contains(std::string_view name) const;

    // Every template's name, sorted; and a template's text as written (for tests).
    std::vector<std::string> names() const;
    std::string_view source(std::string_view name) const;

private:
    struct Compiled {
        std::string source;                       // as written
        std::string expanded;                     // partials inlined
        std::vector<CompiledTemplate> localised;  // expanded, {{t.key}} filled in: da, en
    };
    const Compiled& find(std::string_view name) const;

    std::map<std::string, Compiled, std::less<>> m_templates;
};

// The HTML escaping of {{value}}, the same as mstch's: & < > " ' / become entities.
std::string escape_html(std::string_view text);

}  // namespace samskab::web::views
