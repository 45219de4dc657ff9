// GET /me/data.json: everything samskab holds about the participant, as a file to keep
// (GDPR art. 15 and 20). Staff who looked at the data appear as "staff", not by name.

#include "core/survey_store.h"
#include "web/api/api_json.h"
#include "web/http/services.h"
#include "web/pages/participant_pages_support.h"
#include "web/pages/privacy_support.h"

namespace samskab::web::pages::participant {

Response my_data_json(const RequestContext& ctx, const views::Templates& templates) {
    const std::string& person = ctx.principal->person;
    if (person.empty()) {
        return not_a_participant(ctx, templates);
    }
    auto data = ctx.services.community.person_data(person);
    auto log = ctx.services.accounts.access_log_of(person);
    if (!data || !log) {
        return storage_failure(ctx, templates);
    }
    if (!*data) {
        return error_page(ctx, templates, 404);
    }
    api::Json json = api::person_data_json(**data, *log, ctx.principal->account);
    if (ctx.services.surveys) {
        auto surveys = ctx.services.surveys->answers_of(person);
        if (!surveys) {
            return storage_failure(ctx, templates);
        }
        json["surveys"] = api::own_survey_answers_json(*surveys);
    }
    Response response = Response::json(json.dump(2) + "\n");
    response.set_header("Content-Disposition", "attachment; filename=\"samskab-my-data.json\"");
    return response;
}

}  // namespace samskab::web::pages::participant
