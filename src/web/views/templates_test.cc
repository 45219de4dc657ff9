#include "web/views/templates.h"

#include <regex>
#include <set>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "web/i18n/catalogue.h"

namespace samskab::web::views {
namespace {

TEST(Templates, EveryFileIsCompiledIn) {
    Templates templates;
    EXPECT_TRUE(templates.contains("layout"));
    EXPECT_TRUE(templates.contains("error"));
    EXPECT_TRUE(templates.contains("whats_on"));
    EXPECT_FALSE(templates.contains("no_such_page"));
    EXPECT_GT(templates.names().size(), 5u);
}

TEST(Templates, UnknownTemplateIsABug) {
    Templates templates;
    EXPECT_THROW(templates.render("no_such_page", mstch::map{}), std::logic_error);
}

TEST(Templates, EscapesValues) {
    Templates templates;
    mstch::map data{{"message", std::string("<script>alert(1)</script> & \"x\"")}};
    std::string html = templates.render("error", data, core::Lang::Da);
    EXPECT_EQ(html.find("<script>"), std::string::npos) << html;
    EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;"), std::string::npos) << html;
    EXPECT_NE(html.find("&amp; &quot;x&quot;"), std::string::npos) << html;
}

TEST(Templates, FillsInCatalogueTextsByLanguage) {
    Templates templates;
    mstch::map data{{"message", std::string("m")}};
    EXPECT_NE(templates.render("error", data, core::Lang::Da).find("Gå til forsiden"),
              std::string::npos);
    EXPECT_NE(templates.render("error", data, core::Lang::En).find("Go to the start page"),
              std::string::npos);
    // Without a language, the texts come from the context's "t".
    mstch::map with_t{{"message", std::string("m")},
                      {"t", mstch::map{{"error_go_home", std::string("Hjem")}}}};
    EXPECT_NE(templates.render("error", with_t).find(">Hjem<"), std::string::npos);
}

TEST(Templates, InlinesPartials) {
    Templates templates;
    EXPECT_NE(templates.source("password").find("{{> new_password_fields}}"), std::string::npos);
    std::string html = templates.render("password", mstch::map{}, core::Lang::En);
    EXPECT_NE(html.find("id=\"new_password_again\""), std::string::npos) << html;
}

// How many tags insert unescaped HTML: {{{name}}} or {{& name}} (with optional spaces).
// (Not std::regex: GCC 12 warns falsely inside <regex> in the sanitizer build.)
int unescaped_tags(const std::string& source) {
    int count = 0;
    for (std::size_t at = source.find("{{"); at != std::string::npos;
         at = source.find("{{", at + 2)) {
        std::size_t next = at + 2;
        if (next < source.size() && source[next] == '{') {
            ++count;
            at = next;  // "{{{" is one tag, not also a "{{" starting inside it
            continue;
        }
        while (next < source.size() && (source[next] == ' ' || source[next] == '\t')) {
            ++next;
        }
        if (next < source.size() && source[next] == '&') {
            ++count;
        }
    }
    return count;
}

// Only the layout inserts unescaped HTML, and only the page body rendered before it; and the
// chart partial, the SVG and table of a chart rendered by the analytics.
TEST(Templates, TripleBracesOnlyForTheBodyInTheLayout) {
    Templates templates;
    for (const std::string& name : templates.names()) {
        const std::string source(templates.source(name));
        const int matches = unescaped_tags(source);
        if (name == "layout") {
            EXPECT_EQ(matches, 1) << name;
            EXPECT_NE(source.find("{{{body}}}"), std::string::npos);
        } else if (name == "dashboard_chart") {
            // A chart and its table, as analytics/svg_chart.h renders them: every text in them
            // is escaped there (svg_chart_test.cc).
            EXPECT_EQ(matches, 2) << name;
            EXPECT_NE(source.find("{{{svg}}}{{{table}}}"), std::string::npos);
        } else {
            EXPECT_EQ(matches, 0) << name << " inserts unescaped HTML";
        }
    }
}

// The content security policy forbids inline script and style; the layout writes the one h1.
TEST(Templates, NoInlineScriptOrStyleAndOneHeading) {
    Templates templates;
    const std::regex inline_style(R"(\sstyle\s*=)", std::regex::icase);
    const std::regex inline_script(R"(<script(?![^>]*\ssrc=)|\son[a-z]+\s*=)", std::regex::icase);
    const std::regex heading(R"(<h1[\s>])", std::regex::icase);
    for (const std::string& name : templates.names()) {
        const std::string source(templates.source(name));
        EXPECT_FALSE(std::regex_search(source, inline_style)) << name;
        EXPECT_FALSE(std::regex_search(source, inline_script)) << name;
        EXPECT_EQ(std::regex_search(source, heading), name == "layout") << name;
    }
}

TEST(Templates, EveryInputHasALabel) {
    Templates templates;
    const std::regex input(R"(<(input|select|textarea)\b[^>]*>)");
    const std::regex id(R"(\sid="([^"]+)\")");
    for (const std::string& name : templates.names()) {
        const std::string source(templates.source(name));
        for (auto it = std::sregex_iterator(source.begin(), source.end(), input);
             it != std::sregex_iterator(); ++it) {
            const std::string tag = (*it)[0].str();
            if (tag.find("type=\"hidden\"") != std::string::npos) {
                continue;
            }
            std::smatch found;
            ASSERT_TRUE(std::regex_search(tag, found, id)) << name << ": " << tag;
            EXPECT_NE(source.find("for=\"" + found[1].str() + "\""), std::string::npos)
                << name << ": no label for " << found[1].str();
        }
    }
}

TEST(Templates, EscapeHtml) {
    EXPECT_EQ(escape_html("a<b>&\"'c/"), "a&lt;b&gt;&amp;&quot;&#39;c&#x2F;");
    EXPECT_EQ(escape_html("Søren"), "Søren");
}

}  // namespace
}  // namespace samskab::web::views

namespace samskab::web::views {
namespace {

std::string without_spaces(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
            out += c;
        }
    }
    return out;
}

struct TagNames {
    std::set<std::string> sections;
    std::set<std::string> variables;
};

// The names a template's tags use, apart from catalogue texts (t.*) and `.`. Scanned once per
// template: std::regex is slow, and the contexts below nest.
TagNames tag_names(const std::string& source) {
    const std::regex tag(R"(\{\{\s*([#^/&]?)\s*([A-Za-z0-9_.]+)\s*\}\})");
    TagNames names;
    for (auto it = std::sregex_iterator(source.begin(), source.end(), tag);
         it != std::sregex_iterator(); ++it) {
        std::string name = (*it)[2].str();
        if (name.rfind("t.", 0) == 0 || name == ".") {
            continue;
        }
        std::string sigil = (*it)[1].str();
        (sigil == "#" || sigil == "^" ? names.sections : names.variables).insert(name);
    }
    return names;
}

// A context for a template: every name it uses, a section's name as a list of two such
// contexts (so nested sections run), a variable's as text that needs escaping; or, with
// `sections` false, every section name false (so inverted sections run).
mstch::map context_for(const TagNames& names, bool sections, int depth = 0) {
    mstch::map context;
    for (const std::string& name : names.variables) {
        context[name] = "<" + name + " & 'x'/>";
    }
    for (const std::string& name : names.sections) {
        if (!sections) {
            context[name] = false;
        } else if (depth < 2) {
            context[name] = mstch::array{context_for(names, sections, depth + 1),
                                         context_for(names, sections, depth + 1)};
        } else {
            context[name] = true;
        }
    }
    return context;
}

TEST(Templates, RendersAsMstchDoes) {
    Templates templates;
    for (core::Lang lang : {core::Lang::Da, core::Lang::En}) {
        mstch::map catalogue;
        for (const i18n::Entry& entry : i18n::all_entries()) {
            catalogue[std::string(entry.key)] =
                std::string(lang == core::Lang::Da ? entry.da : entry.en);
        }
        for (const std::string& name : templates.names()) {
            for (bool sections : {true, false}) {
                // The expanded text (partials inlined) is what both engines see.
                std::string probe = templates.render(name, mstch::map{{"t", catalogue}});
                mstch::map context =
                    context_for(tag_names(std::string(templates.source(name)) + probe), sections);
                std::string ours = templates.render(name, context, lang);
                context["t"] = catalogue;
                std::string theirs = templates.render(name, context);
                EXPECT_EQ(without_spaces(ours), without_spaces(theirs))
                    << name << (sections ? " with sections" : " without sections");
            }
        }
    }
}

TEST(CompiledTemplateTest, Semantics) {
    mstch::map data{{"es", std::string()},
                    {"s", std::string("x")},
                    {"z", 0},
                    {"o", 1},
                    {"ea", mstch::array{}},
                    {"em", mstch::map{}},
                    {"d", 1.5},
                    {"f", false},
                    {"list", mstch::array{mstch::map{{"v", std::string("a")}},
                                          mstch::map{{"v", std::string("<b>")}}}},
                    {"outer", mstch::map{{"inner", std::string("deep")}}}};
    CompiledTemplate page(
        "es[{{#es}}T{{/es}}{{^es}}F{{/es}}] s[{{#s}}T{{.}}{{/s}}] z[{{^z}}F{{/z}}] "
        "o[{{#o}}T{{/o}}] ea[{{^ea}}F{{/ea}}] em[{{#em}}T{{/em}}] d[{{d}}] f[{{f}}] "
        "miss[{{^miss}}F{{/miss}}{{miss}}] list[{{#list}}{{v}}{{{v}}}{{s}},{{/list}}] "
        "dot[{{outer.inner}}{{#outer}}{{inner}}{{/outer}}]{{! a comment }}");
    EXPECT_EQ(page.render(data),
              "es[F] s[Tx] z[F] o[T] ea[F] em[T] d[1.5] f[false] miss[F] "
              "list[aax,&lt;b&gt;<b>x,] dot[deepdeep]");
    EXPECT_THROW(CompiledTemplate("{{#a}}"), std::logic_error);
    EXPECT_THROW(CompiledTemplate("{{#a}}{{/b}}"), std::logic_error);
    EXPECT_THROW(CompiledTemplate("{{a"), std::logic_error);
    EXPECT_THROW(CompiledTemplate("{{> partial}}"), std::logic_error);
}

}  // namespace
}  // namespace samskab::web::views
