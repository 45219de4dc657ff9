#include "web/pages/page.h"

#include <array>
#include <utility>

#include "web/http/http_parsing.h"
#include "web/i18n/catalogue.h"

namespace samskab::web::pages {

namespace {

struct NavItem {
    core::AccountRole role;
    std::string_view href;
    std::string_view key;
};

// The navigation of each role, in the order shown; a person with several roles sees each
// role's items once.
constexpr std::array NAV = {
    NavItem{core::AccountRole::Participant, "/whats-on", "nav_whats_on"},
    NavItem{core::AccountRole::Participant, "/activities/new", "nav_propose"},
    NavItem{core::AccountRole::Participant, "/me", "nav_me"},
    NavItem{core::AccountRole::Host, "/host/today", "nav_host"},
    NavItem{core::AccountRole::Coordinator, "/coordinator", "nav_coordinator"},
    NavItem{core::AccountRole::Coordinator, "/coordinator/dashboard", "nav_dashboard"},
    NavItem{core::AccountRole::Analyst, "/analyst/dashboard", "nav_dashboard"},
    NavItem{core::AccountRole::Companion, "/companion", "nav_companion"},
};

constexpr std::array ROLE_FLAGS = {
    std::pair{core::AccountRole::Participant, "is_participant"},
    std::pair{core::AccountRole::Host, "is_host"},
    std::pair{core::AccountRole::Coordinator, "is_coordinator"},
    std::pair{core::AccountRole::Companion, "is_companion"},
    std::pair{core::AccountRole::Analyst, "is_analyst"},
    std::pair{core::AccountRole::Administrator, "is_administrator"},
};

bool is_active(std::string_view path, std::string_view href) {
    if (!path.starts_with(href)) {
        return false;
    }
    return path.size() == href.size() || path[href.size()] == '/' || path[href.size()] == '?';
}

mstch::array navigation(const RequestContext& ctx) {
    mstch::array items;
    if (!ctx.principal) {
        return items;
    }
    // Only the most specific item is current: on /coordinator/dashboard that one, not also
    // /coordinator.
    std::string_view current;
    for (const NavItem& item : NAV) {
        if (core::has_role(*ctx.principal, item.role) && is_active(ctx.request.path, item.href) &&
            item.href.size() > current.size()) {
            current = item.href;
        }
    }
    for (const NavItem& item : NAV) {
        if (core::has_role(*ctx.principal, item.role)) {
            items.push_back(mstch::map{
                {"href", std::string(item.href)},
                {"label", std::string(i18n::text(ctx.lang, item.key))},
                {"active", item.href == current},
            });
        }
    }
    if (items.empty()) {
        items.push_back(mstch::map{
            {"href", std::string("/")},
            {"label", std::string(i18n::text(ctx.lang, "nav_home"))},
            {"active", ctx.request.path == "/"},
        });
    }
    return items;
}

}  // namespace

Response render_page(const RequestContext& ctx, const views::Templates& templates,
                     std::string_view title_key, std::string_view template_name, mstch::map data,
                     int status) {
    bool english = ctx.lang == core::Lang::En;
    std::string lang(english ? "en" : "da");
    std::string user_name = ctx.principal ? ctx.principal->name : std::string();
    data["lang"] = lang;
    data["csrf_token"] = ctx.csrf_token;
    data["path"] = ctx.request.path;
    data["signed_in"] = ctx.principal.has_value();
    data["user_name"] = user_name;
    for (const auto& [role, flag] : ROLE_FLAGS) {
        data[flag] = ctx.principal && core::has_role(*ctx.principal, role);
    }
    if (data.find("page_title") == data.end()) {
        data["page_title"] = std::string(i18n::text(ctx.lang, title_key));
    }
    if (data.find("has_errors") == data.end()) {
        data["has_errors"] = false;
    }

    mstch::node root = std::move(data);
    std::string body = templates.render(template_name, root, ctx.lang);
    // mstch copies the context it is given, so the layout gets only what it shows, with the
    // page's own data left behind.
    mstch::map& page = boost::get<mstch::map>(root);
    mstch::array nav = navigation(ctx);
    bool has_nav = !nav.empty();
    mstch::map layout{
        {"lang", std::move(lang)},
        {"lang_da", !english},
        {"lang_en", english},
        {"csrf_token", ctx.csrf_token},
        {"next_here", percent_encode(ctx.request.path)},
        {"signed_in", ctx.principal.has_value()},
        {"user_name", std::move(user_name)},
        {"page_title", std::move(page["page_title"])},
        {"has_errors", std::move(page["has_errors"])},
        {"has_nav", has_nav},
    };
    // Moved in after: an initializer list would copy the page's whole body.
    layout["nav"] = std::move(nav);
    layout["errors"] = std::move(page["errors"]);
    layout["body"] = std::move(body);
    // Moved into a node first: handing the map itself would copy it, body and all, into a
    // temporary node.
    const mstch::node layout_node = std::move(layout);
    return Response::html(templates.render("layout", layout_node, ctx.lang), status);
}

void add_form_errors(mstch::map& data, const std::vector<FieldError>& errors) {
    mstch::array list;
    for (const FieldError& error : errors) {
        list.push_back(mstch::map{{"field", error.field}, {"message", error.message}});
        std::string key = "error_" + error.field;
        // The first message for a field is the one shown at it.
        if (data.find(key) == data.end()) {
            data[key] = error.message;
        }
    }
    data["has_errors"] = !errors.empty();
    data["errors"] = std::move(list);
}

FieldError field_error(const core::Error& error) {
    return FieldError{error.field, error.message};
}

Response error_page(const RequestContext& ctx, const views::Templates& templates, int status,
                    std::string_view message) {
    static constexpr std::array KNOWN = {400, 403, 404, 409, 500};
    int shown = status >= 400 && status < 500 ? 400 : 500;
    for (int known : KNOWN) {
        if (known == status) {
            shown = known;
        }
    }
    std::string code = std::to_string(shown);
    mstch::map data{{"message", message.empty()
                                    ? std::string(i18n::text(ctx.lang, "error_text_" + code))
                                    : std::string(message)}};
    return render_page(ctx, templates, "error_title_" + code, "error", std::move(data), status);
}

std::string local_path_or(std::string_view next, std::string_view fallback) {
    bool local = next.size() >= 1 && next[0] == '/' &&
                 (next.size() == 1 || (next[1] != '/' && next[1] != '\\'));
    for (char c : next) {
        auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F || c == '\\') {
            local = false;
        }
    }
    return std::string(local ? next : fallback);
}

Params form_of(const RequestContext& ctx) {
    auto form = parse_form(ctx.request.body, ctx.lang);
    return form ? std::move(*form) : Params{};
}

std::string sentence(std::string_view message) {
    std::string out(message);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') {
        out[0] = static_cast<char>(out[0] - 'a' + 'A');
    }
    return out;
}

std::string_view text(const RequestContext& ctx, std::string_view key) {
    return i18n::text(ctx.lang, key);
}

}  // namespace samskab::web::pages
