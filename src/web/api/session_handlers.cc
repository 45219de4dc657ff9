// The API's session routes: scripts and load generators sign in here with JSON instead of the
// login form, then send the cookie and the CSRF token like a browser.
#include <string>

#include "core/auth_service.h"
#include "web/api/api.h"
#include "web/api/api_handlers.h"
#include "web/api/api_json.h"
#include "web/http/cookies.h"
#include "web/http/services.h"

namespace samskab::web::api {

// Public: without a session it gives the token of the "samskab_csrf" cookie the dispatcher
// sets, which the sign-in POST must carry in x-csrf-token like every other POST.
Response get_session(RequestContext& ctx) {
    return json_reply(Json{{"csrf_token", ctx.csrf_token},
                           {"principal", ctx.principal ? principal_json(*ctx.principal) : Json()}});
}

Response post_session(RequestContext& ctx) {
    auto body = json_body(ctx, {"email", "password"});
    if (!body) {
        return body.error();
    }
    auto email = string_field(ctx, *body, "email");
    if (!email) {
        return email.error();
    }
    // The password is taken as typed: spaces may be part of it.
    const auto password = body->find("password");
    if (password == body->end() || !password->is_string()) {
        return error_reply(400, "Invalid",
                           about_field("password", core::message(ctx.lang, core::Msg::Required)),
                           "password");
    }
    auto signed_in = ctx.services.auth.login(*email, password->get_ref<const std::string&>(),
                                             ctx.request.remote_address, ctx.lang);
    if (!signed_in) {
        // AuthService's messages are already in the request's language and name the field.
        if (signed_in.error().code == core::ErrorCode::Storage) {
            return store_error(ctx, signed_in.error());
        }
        return error_reply(signed_in.error());
    }
    Response reply = json_reply(Json{{"csrf_token", signed_in->session.csrf_token},
                                     {"principal", principal_json(signed_in->principal)}});
    reply.set_header("Set-Cookie", web::session_cookie(signed_in->token, ctx.request.secure));
    return reply;
}

Response get_me(RequestContext& ctx) {
    Json out = principal_json(*ctx.principal);
    if (!ctx.principal->person.empty()) {
        auto current = ctx.services.community.current_break(ctx.principal->person);
        if (!current) {
            return store_error(ctx, current.error(), ctx.principal->person);
        }
        out["break"] = break_json(*current);
    } else {
        out["break"] = nullptr;
    }
    return json_reply(out);
}

Response get_openapi(RequestContext&) {
    return Response::json(openapi_document());
}

}  // namespace samskab::web::api
