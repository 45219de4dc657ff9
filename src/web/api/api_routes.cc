// The routes of the JSON API: method, pattern and roles beside each handler. The dispatcher
// enforces sign-in, the roles and CSRF (web/http/route.h); each handler checks the scope.
#include "web/api/api.h"
#include "web/api/api_handlers.h"

namespace samskab::web::api {

std::vector<Route> routes() {
    using core::AccountRole;
    const std::vector<AccountRole> anyone;
    const std::vector<AccountRole> participant{AccountRole::Participant};
    const std::vector<AccountRole> member{AccountRole::Participant, AccountRole::Host,
                                          AccountRole::Coordinator};
    const std::vector<AccountRole> host{AccountRole::Host};
    const std::vector<AccountRole> people{AccountRole::Coordinator, AccountRole::Host};
    const std::vector<AccountRole> coordinator{AccountRole::Coordinator};
    const Method get = Method::Get;
    const Method post = Method::Post;
    return {
        {get, "/api/v1/openapi.json", true, true, anyone, get_openapi},
        {get, "/api/v1/session", true, true, anyone, get_session},
        {post, "/api/v1/session", true, true, anyone, post_session},
        {get, "/api/v1/me", true, false, anyone, get_me},
        {get, "/api/v1/me/data", true, false, anyone, get_my_data},
        {post, "/api/v1/me/name", true, false, participant, post_my_name},
        {post, "/api/v1/me/break", true, false, participant, post_break},
        {post, "/api/v1/me/return", true, false, participant, post_return},
        {get, "/api/v1/places", true, false, anyone, get_places},
        {get, "/api/v1/whats-on", true, false, participant, get_whats_on},
        {get, "/api/v1/activities/:id", true, false, member, get_activity},
        {post, "/api/v1/activities", true, false, participant, post_activity},
        {post, "/api/v1/occurrences/:id/join", true, false, participant, post_join},
        {post, "/api/v1/occurrences/:id/leave", true, false, participant, post_leave},
        {get, "/api/v1/host/today", true, false, host, get_host_today},
        {post, "/api/v1/host/check-ins", true, false, host, post_check_in},
        {post, "/api/v1/host/introductions", true, false, host, post_introduction},
        {get, "/api/v1/people", true, false, people, get_people},
        {post, "/api/v1/people", true, false, coordinator, post_person},
        {get, "/api/v1/occurrences/:id", true, false, coordinator, get_occurrence},
        {post, "/api/v1/occurrences/:id/participants/:person/role", true, false, coordinator,
         post_participant_role},
    };
}

}  // namespace samskab::web::api
