#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <vector>

#include "web/http/services.h"
#include "web/pages/coordinator_pages.h"
#include "web/pages/host_pages_support.h"
#include "web/pages/page.h"
#include "web/pages/privacy_support.h"

namespace samskab::web::pages {

namespace {

using core::AccountRole;

constexpr std::size_t MAX_ACCOUNT_NAME_LENGTH = 200;

// The roles a coordinator hands out; analysts and administrators are made by an administrator.
constexpr std::array<AccountRole, 4> GRANTABLE = {AccountRole::Participant, AccountRole::Host,
                                                  AccountRole::Companion, AccountRole::Coordinator};

std::string role_name(const RequestContext& ctx, AccountRole role) {
    return text_of(ctx, "coord_account_role_" + std::string(core::name_of(role)));
}

// Where the coordinator may hand out roles: their places, and the partnerships they coordinate
// as a whole. Values are "place:<id>" and "partnership:<id>".
struct Scopes {
    std::vector<std::pair<std::string, std::string>> choices;
    std::map<std::string, core::RoleGrant> grants;  // by choice value
};

core::Result<Scopes> grantable_scopes(const RequestContext& ctx) {
    auto places = places_in_scope(ctx, AccountRole::Coordinator);
    if (!places) {
        return tl::unexpected(places.error());
    }
    auto partnerships = partnerships_in_scope(ctx, AccountRole::Coordinator);
    if (!partnerships) {
        return tl::unexpected(partnerships.error());
    }
    Scopes scopes;
    for (const core::Partnership& partnership : *partnerships) {
        if (may_act_for_partnership(ctx, AccountRole::Coordinator, partnership.id)) {
            const std::string value = "partnership:" + partnership.id;
            scopes.choices.emplace_back(
                value, partnership.name + " – " + text_of(ctx, "coord_whole_partnership"));
            scopes.grants[value] = core::RoleGrant{AccountRole::Participant, partnership.id, ""};
        }
    }
    for (const core::PlaceView& view : *places) {
        const std::string value = "place:" + view.place.id;
        scopes.choices.emplace_back(value, view.place.name + " (" + view.partnership_name + ")");
        scopes.grants[value] =
            core::RoleGrant{AccountRole::Participant, view.place.partnership, view.place.id};
    }
    return scopes;
}

Response accounts_page(RequestContext& ctx, const views::Templates& templates) {
    const core::RoleScope scope = core::scope_of(*ctx.principal, AccountRole::Coordinator);
    auto places = ctx.services.community.list_places();
    if (!places) {
        return failure_page(ctx, templates, places.error());
    }
    auto partnerships = ctx.services.community.list_partnerships();
    if (!partnerships) {
        return failure_page(ctx, templates, partnerships.error());
    }
    std::map<std::string, const core::PlaceView*> place_by_id;
    for (const core::PlaceView& view : *places) {
        place_by_id[view.place.id] = &view;
    }
    std::map<std::string, std::string> partnership_names;
    for (const core::Partnership& partnership : *partnerships) {
        partnership_names[partnership.id] = partnership.name;
    }
    auto accounts = ctx.services.accounts.list_accounts();
    if (!accounts) {
        return failure_page(ctx, templates, accounts.error());
    }
    const auto covers = [&](const core::RoleGrant& grant) {
        if (!grant.place.empty()) {
            const auto found = place_by_id.find(grant.place);
            return found != place_by_id.end() &&
                   core::has_role_at(*ctx.principal, AccountRole::Coordinator,
                                     found->second->place.partnership, grant.place);
        }
        if (!grant.partnership.empty()) {
            return core::has_role_at(*ctx.principal, AccountRole::Coordinator, grant.partnership,
                                     "");
        }
        return scope.everywhere;
    };
    mstch::array rows;
    std::vector<std::string> shown;
    for (const core::Account& account : *accounts) {
        mstch::array roles;
        for (const core::RoleGrant& grant : account.roles) {
            if (!covers(grant)) {
                continue;
            }
            std::string where = grant.place.empty() ? partnership_names[grant.partnership]
                                                    : place_by_id[grant.place]->place.name;
            if (grant.place.empty() && grant.partnership.empty()) {
                where = text_of(ctx, "coord_everywhere");
            }
            roles.push_back(mstch::map{{"role", role_name(ctx, grant.role)}, {"where", where}});
        }
        if (roles.empty()) {
            continue;
        }
        const std::string_view status = account.disabled                ? "coord_account_disabled"
                                        : account.password_hash.empty() ? "coord_account_invited"
                                                                        : "coord_account_active";
        shown.push_back(account.person);
        rows.push_back(mstch::map{{"email", account.email},
                                  {"name", account.name},
                                  {"person", account.person},
                                  {"roles", roles},
                                  {"status", text_of(ctx, status)}});
    }
    // An account linked to a person names them: logged per person listed.
    if (auto logged = log_person_views(ctx, shown); !logged) {
        return failure_page(ctx, templates, logged.error());
    }
    return render_page(ctx, templates, "coord_accounts_title", "coordinator_accounts",
                       mstch::map{{"has_accounts", !rows.empty()}, {"accounts", rows}});
}

Response account_form(const RequestContext& ctx, const views::Templates& templates,
                      const Params& values, const std::vector<FieldError>& errors) {
    auto scopes = grantable_scopes(ctx);
    if (!scopes) {
        return failure_page(ctx, templates, scopes.error());
    }
    if (scopes->choices.empty()) {
        return error_page(ctx, templates, 403);
    }
    std::vector<std::pair<std::string, std::string>> roles;
    for (AccountRole role : GRANTABLE) {
        roles.emplace_back(std::string(core::name_of(role)), role_name(ctx, role));
    }
    mstch::map data{{"email", std::string(values.value("email"))},
                    {"name", std::string(values.value("name"))},
                    {"person", std::string(values.value("person"))},
                    {"role_options", select_options(roles, values.value("role"))},
                    {"scope_options", select_options(scopes->choices, values.value("scope"))}};
    int status = 200;
    if (!errors.empty()) {
        add_form_errors(data, errors);
        status = 422;
    }
    return render_page(ctx, templates, "coord_new_account_title", "coordinator_account_form",
                       std::move(data), status);
}

Response new_account_page(RequestContext& ctx, const views::Templates& templates) {
    return account_form(ctx, templates, ctx.request.query, {});
}

// The address invitation links start with.
std::string public_url(const RequestContext& ctx) {
    std::string url = ctx.services.config.public_url;
    if (url.empty()) {
        url = "http://" + ctx.services.config.host + ":" + std::to_string(ctx.services.config.port);
    }
    while (!url.empty() && url.back() == '/') {
        url.pop_back();
    }
    return url;
}

// The error to show when `person` is not registered in the partnership of the grant.
core::Result<std::optional<FieldError>> check_person(const RequestContext& ctx,
                                                     const std::string& person,
                                                     const core::RoleGrant& grant) {
    auto partnerships = ctx.services.community.partnerships_of(person);
    if (!partnerships) {
        return tl::unexpected(partnerships.error());
    }
    if (std::find(partnerships->begin(), partnerships->end(), grant.partnership) ==
        partnerships->end()) {
        return field_problem(ctx, "person", "coord_field_person",
                             text_of(ctx, "coord_error_person_elsewhere"));
    }
    return std::nullopt;
}

Response create_account(RequestContext& ctx, const views::Templates& templates) {
    const Params form = form_of(ctx);
    auto scopes = grantable_scopes(ctx);
    if (!scopes) {
        return failure_page(ctx, templates, scopes.error());
    }
    core::NewAccount account;
    account.email = std::string(form.value("email"));
    account.name = std::string(form.value("name"));
    account.person = std::string(form.value("person"));
    std::vector<FieldError> errors;
    if (account.email.empty()) {
        errors.push_back(field_missing(ctx, "email", "coord_field_email"));
    }
    if (account.name.empty()) {
        errors.push_back(field_missing(ctx, "name", "coord_field_account_name"));
    } else if (account.name.size() > MAX_ACCOUNT_NAME_LENGTH) {
        errors.push_back(field_problem(ctx, "name", "coord_field_account_name",
                                       text_of(ctx, "coord_error_too_long")));
    }
    auto role = core::parse_name<AccountRole>(form.value("role"));
    if (!role || std::find(GRANTABLE.begin(), GRANTABLE.end(), *role) == GRANTABLE.end()) {
        errors.push_back(
            field_problem(ctx, "role", "coord_field_role", text_of(ctx, "coord_error_choose")));
    }
    const auto scope = scopes->grants.find(std::string(form.value("scope")));
    if (scope == scopes->grants.end()) {
        errors.push_back(
            field_problem(ctx, "scope", "coord_field_scope", text_of(ctx, "coord_error_choose")));
    }
    if (errors.empty()) {
        core::RoleGrant grant = scope->second;
        grant.role = *role;
        account.roles.push_back(grant);
        if (!account.person.empty()) {
            auto checked = check_person(ctx, account.person, grant);
            if (!checked) {
                return failure_page(ctx, templates, checked.error());
            }
            if (*checked) {
                errors.push_back(**checked);
            }
        }
    }
    if (!errors.empty()) {
        return account_form(ctx, templates, form, errors);
    }
    auto token = ctx.services.auth.create_account(account, ctx.lang);
    if (!token) {
        const core::Error& error = token.error();
        if (error.field == "email") {
            errors.push_back(field_problem(ctx, "email", "coord_field_email", error.message));
        } else if (error.field == "person") {
            errors.push_back(field_problem(ctx, "person", "coord_field_person",
                                           text_of(ctx, "coord_error_person_elsewhere")));
        } else if (error.code == core::ErrorCode::NotFound) {
            errors.push_back(field_problem(ctx, "scope", "coord_field_scope",
                                           text_of(ctx, "coord_error_choose")));
        } else {
            return failure_page(ctx, templates, error);
        }
        return account_form(ctx, templates, form, errors);
    }
    // The link is shown this once: only the token's digest is stored.
    mstch::map data{{"email", account.email},
                    {"name", account.name},
                    {"link", public_url(ctx) + "/invitation/" + *token},
                    {"has_link", !token->empty()}};
    return render_page(ctx, templates, "coord_account_created_title", "coordinator_account_created",
                       std::move(data));
}

}  // namespace

std::vector<Route> coordinator_account_routes(const views::Templates& templates) {
    const std::vector<AccountRole> coordinators{AccountRole::Coordinator};
    const views::Templates* t = &templates;
    return {
        Route{Method::Get, "/coordinator/accounts", false, false, coordinators,
              [t](RequestContext& ctx) { return accounts_page(ctx, *t); }},
        Route{Method::Get, "/coordinator/accounts/new", false, false, coordinators,
              [t](RequestContext& ctx) { return new_account_page(ctx, *t); }},
        Route{Method::Post, "/coordinator/accounts/new", false, false, coordinators,
              [t](RequestContext& ctx) { return create_account(ctx, *t); }},
    };
}

}  // namespace samskab::web::pages
