#include "web/views/templates.h"

#include <optional>
#include <stdexcept>

#include "web/i18n/catalogue.h"
#include "web/views/embedded.h"

namespace samskab::web::views {

namespace {

// Deep enough for a partial inside a partial inside a page; a cycle ends here as a bug.
constexpr int MAX_PARTIAL_DEPTH = 8;

std::string_view trim(std::string_view text) {
    while (!text.empty() && text.front() == ' ') {
        text.remove_prefix(1);
    }
    while (!text.empty() && text.back() == ' ') {
        text.remove_suffix(1);
    }
    return text;
}

// Replaces every tag {{tag}} for which `replace(inner)` gives a value; `inner` is the text
// between the braces. Triple braces are left alone.
template <class Replace>
std::string replace_tags(std::string_view text, Replace replace) {
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    while (true) {
        std::size_t open = text.find("{{", at);
        if (open == std::string_view::npos || text.compare(open, 3, "{{{") == 0) {
            std::size_t until = open == std::string_view::npos ? text.size() : open + 3;
            out.append(text.substr(at, until - at));
            if (open == std::string_view::npos) {
                return out;
            }
            at = until;
            continue;
        }
        std::size_t close = text.find("}}", open + 2);
        if (close == std::string_view::npos) {
            throw std::logic_error("a template has \"{{\" without \"}}\"");
        }
        out.append(text.substr(at, open - at));
        std::string_view inner = text.substr(open + 2, close - open - 2);
        if (auto value = replace(inner)) {
            out.append(*value);
        } else {
            out.append(text.substr(open, close + 2 - open));
        }
        at = close + 2;
    }
}

std::string expand_partials(const std::map<std::string_view, std::string_view>& sources,
                            std::string_view text, int depth) {
    if (depth > MAX_PARTIAL_DEPTH) {
        throw std::logic_error("templates include each other in a cycle");
    }
    return replace_tags(text, [&](std::string_view inner) -> std::optional<std::string> {
        if (inner.empty() || inner.front() != '>') {
            return std::nullopt;
        }
        std::string_view name = trim(inner.substr(1));
        auto found = sources.find(name);
        if (found == sources.end()) {
            throw std::logic_error("unknown partial \"" + std::string(name) + "\"");
        }
        return expand_partials(sources, found->second, depth + 1);
    });
}

std::string localise(std::string_view text, core::Lang lang) {
    return replace_tags(text, [lang](std::string_view inner) -> std::optional<std::string> {
        std::string_view name = trim(inner);
        if (!name.starts_with("t.")) {
            return std::nullopt;
        }
        std::string_view value = i18n::text(lang, name.substr(2));
        if (value.find("{{") != std::string_view::npos) {
            throw std::logic_error("a catalogue text contains \"{{\"");
        }
        return escape_html(value);
    });
}

}  // namespace

std::string escape_html(std::string_view text) {
    return escape_like_mstch(text);
}

Templates::Templates() {
    std::map<std::string_view, std::string_view> sources;
    for (const EmbeddedTemplate& file : embedded_templates()) {
        sources.emplace(file.name, file.text);
    }
    for (const auto& [name, text] : sources) {
        Compiled compiled;
        compiled.source = std::string(text);
        compiled.expanded = expand_partials(sources, text, 0);
        compiled.localised.emplace_back(localise(compiled.expanded, core::Lang::Da));
        compiled.localised.emplace_back(localise(compiled.expanded, core::Lang::En));
        m_templates.emplace(std::string(name), std::move(compiled));
    }
}

const Templates::Compiled& Templates::find(std::string_view name) const {
    auto found = m_templates.find(name);
    if (found == m_templates.end()) {
        throw std::logic_error("no template named \"" + std::string(name) + "\"");
    }
    return found->second;
}

std::string Templates::render(std::string_view name, const mstch::node& context) const {
    return mstch::render(find(name).expanded, context);
}

std::string Templates::render(std::string_view name, const mstch::node& context,
                              core::Lang lang) const {
    return find(name).localised[lang == core::Lang::En ? 1 : 0].render(context);
}

bool Templates::contains(std::string_view name) const {
    return m_templates.find(name) != m_templates.end();
}

std::vector<std::string> Templates::names() const {
    std::vector<std::string> names;
    for (const auto& [name, compiled] : m_templates) {
        names.push_back(name);
    }
    return names;
}

std::string_view Templates::source(std::string_view name) const {
    return find(name).source;
}

}  // namespace samskab::web::views
