// Signing in and out, passwords, invitations, the language switch and the start page.

#include <string>
#include <utility>
#include <vector>

#include "core/access.h"
#include "web/http/cookies.h"
#include "web/http/http_parsing.h"
#include "web/http/services.h"
#include "web/pages/page.h"

namespace samskab::web::pages {

namespace {

using core::AccountRole;

FieldError error_at(std::string field, std::string_view message) {
    return FieldError{std::move(field), sentence(message)};
}

Response form_with_errors(const RequestContext& ctx, const views::Templates& templates,
                          std::string_view title_key, std::string_view template_name,
                          mstch::map data, const std::vector<FieldError>& errors) {
    add_form_errors(data, errors);
    return render_page(ctx, templates, title_key, template_name, std::move(data), 422);
}

Response login_form(const RequestContext& ctx, const views::Templates& templates) {
    if (ctx.principal) {
        return Response::redirect(local_path_or(ctx.request.query.value("next"), "/"));
    }
    mstch::map data{
        {"next", std::string(ctx.request.query.value("next"))},
        {"email", std::string()},
        {"invited", ctx.request.query.value("invited") == "1"},
    };
    return render_page(ctx, templates, "title_login", "login", std::move(data));
}

Response login(const RequestContext& ctx, const views::Templates& templates) {
    Params form = form_of(ctx);
    std::string email(form.value("email"));
    std::string_view password = form.value("password");
    std::string next(form.value("next"));
    std::vector<FieldError> errors;
    if (email.empty()) {
        errors.push_back(error_at("email", text(ctx, "error_email_required")));
    }
    if (password.empty()) {
        errors.push_back(error_at("password", text(ctx, "error_password_required")));
    }
    if (errors.empty()) {
        auto signed_in =
            ctx.services.auth.login(email, password, ctx.request.remote_address, ctx.lang);
        if (signed_in) {
            Response response = Response::redirect(local_path_or(next, "/"));
            response.set_header("Set-Cookie", session_cookie(signed_in->token, ctx.request.secure));
            return response;
        }
        if (signed_in.error().code == core::ErrorCode::Storage) {
            return error_page(ctx, templates, 500);
        }
        std::string field = signed_in.error().field == "email" ? "email" : "password";
        errors.push_back(error_at(std::move(field), signed_in.error().message));
    }
    mstch::map data{{"next", next}, {"email", email}};
    return form_with_errors(ctx, templates, "title_login", "login", std::move(data), errors);
}

Response logout(const RequestContext& ctx) {
    if (auto token = ctx.request.cookies.get(SESSION_COOKIE)) {
        // A session that is already gone is as good as a removed one.
        (void)ctx.services.auth.logout(*token);
    }
    Response response = Response::redirect("/login");
    response.set_header("Set-Cookie", clear_session_cookie(ctx.request.secure));
    return response;
}

Response password_form(const RequestContext& ctx, const views::Templates& templates) {
    return render_page(ctx, templates, "title_password", "password", mstch::map{});
}

// The two new passwords must be the same; checked before anything is asked of AuthService.
void check_repeated(const RequestContext& ctx, const Params& form,
                    std::vector<FieldError>& errors) {
    if (form.value("new_password") != form.value("new_password_again")) {
        errors.push_back(error_at("new_password_again", text(ctx, "error_passwords_differ")));
    }
}

Response change_password(const RequestContext& ctx, const views::Templates& templates) {
    Params form = form_of(ctx);
    std::vector<FieldError> errors;
    if (form.value("old_password").empty()) {
        errors.push_back(error_at("old_password", text(ctx, "error_old_password_required")));
    }
    if (auto checked =
            core::AuthService::check_password(form.value("new_password"), "new_password", ctx.lang);
        !checked) {
        errors.push_back(error_at("new_password", checked.error().message));
    }
    check_repeated(ctx, form, errors);
    if (errors.empty()) {
        auto changed =
            ctx.services.auth.change_password(ctx.principal->account, form.value("old_password"),
                                              form.value("new_password"), ctx.lang);
        if (changed) {
            return render_page(ctx, templates, "title_password", "password",
                               mstch::map{{"changed", true}});
        }
        if (changed.error().code == core::ErrorCode::Storage) {
            return error_page(ctx, templates, 500);
        }
        // AuthService names the current password "password"; the form calls it old_password.
        std::string field =
            changed.error().field == "new_password" ? "new_password" : "old_password";
        errors.push_back(error_at(std::move(field), changed.error().message));
    }
    return form_with_errors(ctx, templates, "title_password", "password", mstch::map{}, errors);
}

Response invitation_unknown(const RequestContext& ctx, const views::Templates& templates) {
    return error_page(ctx, templates, 404,
                      sentence(core::message(ctx.lang, core::Msg::InvitationInvalid)) + ".");
}

Response invitation_form(const RequestContext& ctx, const views::Templates& templates) {
    std::string token(ctx.params.value("token"));
    auto account = ctx.services.auth.invitation(token);
    if (!account) {
        return error_page(ctx, templates, 500);
    }
    if (!*account) {
        return invitation_unknown(ctx, templates);
    }
    mstch::map data{{"token", token}, {"account_email", (*account)->email}};
    return render_page(ctx, templates, "title_invitation", "invitation", std::move(data));
}

Response accept_invitation(const RequestContext& ctx, const views::Templates& templates) {
    std::string token(ctx.params.value("token"));
    auto account = ctx.services.auth.invitation(token);
    if (!account) {
        return error_page(ctx, templates, 500);
    }
    if (!*account) {
        return invitation_unknown(ctx, templates);
    }
    Params form = form_of(ctx);
    std::vector<FieldError> errors;
    if (auto checked =
            core::AuthService::check_password(form.value("new_password"), "new_password", ctx.lang);
        !checked) {
        errors.push_back(error_at("new_password", checked.error().message));
    }
    check_repeated(ctx, form, errors);
    if (errors.empty()) {
        auto accepted =
            ctx.services.auth.accept_invitation(token, form.value("new_password"), ctx.lang);
        if (accepted) {
            return Response::redirect("/login?invited=1");
        }
        switch (accepted.error().code) {
            case core::ErrorCode::NotFound:
                return invitation_unknown(ctx, templates);
            case core::ErrorCode::Invalid:
                errors.push_back(error_at("new_password", accepted.error().message));
                break;
            default:
                return error_page(ctx, templates, 500);
        }
    }
    mstch::map data{{"token", token}, {"account_email", (*account)->email}};
    return form_with_errors(ctx, templates, "title_invitation", "invitation", std::move(data),
                            errors);
}

Response choose_language(const RequestContext& ctx, const views::Templates& templates) {
    core::Lang lang = core::Lang::Da;
    if (!core::parse_lang(ctx.params.value("code"), lang)) {
        return error_page(ctx, templates, 404);
    }
    Response response = Response::redirect(local_path_or(ctx.request.query.value("next"), "/"));
    response.set_header("Set-Cookie", lang_cookie(lang, ctx.request.secure));
    return response;
}

// Each role's own home; a person with several roles lands on the one with the most to do.
Response start(const RequestContext& ctx, const views::Templates& templates) {
    const core::Principal& principal = *ctx.principal;
    if (core::has_role(principal, AccountRole::Coordinator)) {
        return Response::redirect("/coordinator");
    }
    if (core::has_role(principal, AccountRole::Host)) {
        return Response::redirect("/host/today");
    }
    if (core::has_role(principal, AccountRole::Participant)) {
        return Response::redirect("/whats-on");
    }
    return render_page(ctx, templates, "title_home", "home", mstch::map{});
}

}  // namespace

std::vector<Route> account_routes(const views::Templates& templates) {
    const views::Templates* t = &templates;
    auto page = [t](Response (*handler)(const RequestContext&, const views::Templates&)) {
        return [t, handler](RequestContext& ctx) { return handler(ctx, *t); };
    };
    return {
        Route{Method::Get, "/login", false, true, {}, page(login_form)},
        Route{Method::Post, "/login", false, true, {}, page(login)},
        Route{Method::Post,
              "/logout",
              false,
              false,
              {},
              [](RequestContext& ctx) { return logout(ctx); }},
        Route{Method::Get, "/account/password", false, false, {}, page(password_form)},
        Route{Method::Post, "/account/password", false, false, {}, page(change_password)},
        Route{Method::Get, "/invitation/:token", false, true, {}, page(invitation_form)},
        Route{Method::Post, "/invitation/:token", false, true, {}, page(accept_invitation)},
        Route{Method::Get, "/lang/:code", false, true, {}, page(choose_language)},
        Route{Method::Get, "/", false, false, {}, page(start)},
    };
}

}  // namespace samskab::web::pages
