#include "web/views/compiled_template.h"

#include <sstream>
#include <stdexcept>

namespace samskab::web::views {

struct CompiledTemplate::Part {
    enum class Kind { Text, Escaped, Raw, Section, Inverted };
    Kind kind = Kind::Text;
    std::string text;               // Text: the text; otherwise the name as written
    std::vector<std::string> path;  // the name split at '.'; empty for "."
    std::vector<Part> children;     // sections
};

namespace {

using Part = CompiledTemplate::Part;

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

std::vector<std::string> split_name(std::string_view name) {
    std::vector<std::string> path;
    if (name == ".") {
        return path;
    }
    while (true) {
        auto dot = name.find('.');
        path.emplace_back(name.substr(0, dot));
        if (dot == std::string_view::npos) {
            return path;
        }
        name.remove_prefix(dot + 1);
    }
}

Part named(Part::Kind kind, std::string_view name) {
    Part part;
    part.kind = kind;
    part.text = std::string(name);
    part.path = split_name(name);
    return part;
}

// Parses until the end of `source` or the closing tag of `open` (empty: top level).
std::vector<Part> parse(std::string_view source, std::size_t& at, std::string_view open) {
    std::vector<Part> parts;
    while (at < source.size()) {
        std::size_t tag = source.find("{{", at);
        if (tag != at) {
            std::size_t end = tag == std::string_view::npos ? source.size() : tag;
            parts.push_back(
                Part{Part::Kind::Text, std::string(source.substr(at, end - at)), {}, {}});
            at = end;
            continue;
        }
        bool triple = source.compare(tag, 3, "{{{") == 0;
        std::string_view closer = triple ? "}}}" : "}}";
        std::size_t inner_start = tag + (triple ? 3 : 2);
        std::size_t close = source.find(closer, inner_start);
        if (close == std::string_view::npos) {
            throw std::logic_error("a template tag is not closed");
        }
        std::string_view inner = trim(source.substr(inner_start, close - inner_start));
        at = close + closer.size();
        if (triple) {
            parts.push_back(named(Part::Kind::Raw, inner));
            continue;
        }
        char sigil = inner.empty() ? '\0' : inner.front();
        std::string_view name = trim(inner.substr(sigil == '\0' ? 0 : 1));
        switch (sigil) {
            case '!':
                break;
            case '&':
                parts.push_back(named(Part::Kind::Raw, name));
                break;
            case '#':
            case '^': {
                Part section =
                    named(sigil == '#' ? Part::Kind::Section : Part::Kind::Inverted, name);
                section.children = parse(source, at, name);
                parts.push_back(std::move(section));
                break;
            }
            case '/':
                if (name != open) {
                    throw std::logic_error("a template closes {{/" + std::string(name) +
                                           "}} where {{#" + std::string(open) + "}} is open");
                }
                return parts;
            case '>':
            case '=':
                throw std::logic_error("a compiled template has a partial or new delimiters");
            default:
                parts.push_back(named(Part::Kind::Escaped, inner));
        }
    }
    if (!open.empty()) {
        throw std::logic_error("a template does not close {{#" + std::string(open) + "}}");
    }
    return parts;
}

// The contexts entered, innermost last; pointers into the caller's data, never copies.
using Stack = std::vector<const mstch::node*>;

const mstch::node NULL_NODE = nullptr;

const mstch::node* member(const mstch::node& node, const std::string& key) {
    if (const auto* map = boost::get<mstch::map>(&node)) {
        auto found = map->find(key);
        return found == map->end() ? nullptr : &found->second;
    }
    return nullptr;
}

const mstch::node& lookup(const Stack& stack, const std::vector<std::string>& path) {
    if (path.empty()) {
        return *stack.back();
    }
    const mstch::node* found = nullptr;
    for (auto context = stack.rbegin(); context != stack.rend() && !found; ++context) {
        found = member(**context, path.front());
    }
    for (std::size_t i = 1; found && i < path.size(); ++i) {
        found = member(*found, path[i]);
    }
    return found ? *found : NULL_NODE;
}

bool truthy(const mstch::node& node) {
    if (const bool* value = boost::get<bool>(&node)) {
        return *value;
    }
    if (const int* value = boost::get<int>(&node)) {
        return *value != 0;
    }
    if (const double* value = boost::get<double>(&node)) {
        return *value != 0;
    }
    if (const std::string* value = boost::get<std::string>(&node)) {
        return !value->empty();
    }
    if (const mstch::array* value = boost::get<mstch::array>(&node)) {
        return !value->empty();
    }
    return boost::get<std::nullptr_t>(&node) == nullptr;
}

void append_value(const mstch::node& node, bool escape, std::string& out) {
    if (const std::string* value = boost::get<std::string>(&node)) {
        out += escape ? escape_like_mstch(*value) : *value;
    } else if (const int* value = boost::get<int>(&node)) {
        out += std::to_string(*value);
    } else if (const bool* value = boost::get<bool>(&node)) {
        out += *value ? "true" : "false";
    } else if (const double* value = boost::get<double>(&node)) {
        std::ostringstream text;
        text << *value;
        out += text.str();
    }
    // Lists, maps, objects and lambdas render as nothing.
}

void render_parts(const std::vector<Part>& parts, Stack& stack, std::string& out) {
    for (const Part& part : parts) {
        switch (part.kind) {
            case Part::Kind::Text:
                out += part.text;
                break;
            case Part::Kind::Escaped:
                append_value(lookup(stack, part.path), true, out);
                break;
            case Part::Kind::Raw:
                append_value(lookup(stack, part.path), false, out);
                break;
            case Part::Kind::Inverted:
                if (!truthy(lookup(stack, part.path))) {
                    render_parts(part.children, stack, out);
                }
                break;
            case Part::Kind::Section: {
                const mstch::node& value = lookup(stack, part.path);
                if (!truthy(value)) {
                    break;
                }
                if (const mstch::array* items = boost::get<mstch::array>(&value)) {
                    for (const mstch::node& item : *items) {
                        stack.push_back(&item);
                        render_parts(part.children, stack, out);
                        stack.pop_back();
                    }
                } else {
                    stack.push_back(&value);
                    render_parts(part.children, stack, out);
                    stack.pop_back();
                }
                break;
            }
        }
    }
}

}  // namespace

std::string escape_like_mstch(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '\'':
                out += "&#39;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '/':
                out += "&#x2F;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

CompiledTemplate::CompiledTemplate(std::string_view source) : m_size_hint(source.size()) {
    std::size_t at = 0;
    m_parts = parse(source, at, {});
}

CompiledTemplate::~CompiledTemplate() = default;
CompiledTemplate::CompiledTemplate(CompiledTemplate&&) noexcept = default;
CompiledTemplate& CompiledTemplate::operator=(CompiledTemplate&&) noexcept = default;

std::string CompiledTemplate::render(const mstch::node& context) const {
    std::string out;
    out.reserve(m_size_hint + m_size_hint / 2);
    Stack stack{&context};
    render_parts(m_parts, stack, out);
    return out;
}

}  // namespace samskab::web::views
