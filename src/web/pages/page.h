#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <mstch/mstch.hpp>

#include "core/result.h"
#include "web/http/response.h"
#include "web/http/route.h"
#include "web/views/templates.h"

namespace samskab::web::pages {

// A field's error in a form, shown twice as the design system asks: in the error summary at
// the top (a link to the field's id) and at the field itself.
struct FieldError {
    std::string field;  // the form field's name, also its element id
    std::string message;
};

// Renders `template_name` with `data` inside the layout: the DKFDS header with the navigation
// for the principal's roles, the language switch, the page title from the catalogue key
// `title_key`, the error summary when `data` carries errors, and the footer. Templates have
// {{t.key}} (every catalogue text in the request's language: filled in by views::Templates when
// it loads, see templates.h, so the catalogue costs a request nothing), and the data gets
// "csrf_token", "lang", "path", "signed_in", "user_name", and one flag per role ("is_host",
// "is_coordinator", ...). The layout writes the page's one <h1> with the title, so page
// templates start at <h2>; "page_title" in `data`, when set, is the title instead of the
// catalogue text (e.g. an activity's name).
Response render_page(const RequestContext& ctx, const views::Templates& templates,
                     std::string_view title_key, std::string_view template_name, mstch::map data,
                     int status = 200);

// Adds the errors to `data` as "errors" (a list of {field, message}), "has_errors", and
// "error_<field>" (the message) for each field. The submitted values stay in `data` as the
// handler put them there, for re-display (passwords are never put back).
void add_form_errors(mstch::map& data, const std::vector<FieldError>& errors);

// A FieldError from a core::Error (its field and message).
FieldError field_error(const core::Error& error);

// A page for an error status (400, 403, 404, 409, 500) with a message in the request's language.
// Other statuses (405, 413, 415, 422, 431, ...) keep their status and are titled as 400 (4xx) or
// 500; `message` empty gives the status's general text. Fits web::ErrorPageRenderer.
Response error_page(const RequestContext& ctx, const views::Templates& templates, int status,
                    std::string_view message = {});

// `next` when it is a path on this site ("/..." but not "//..." or "/\...", no control
// characters), else `fallback`; used for every redirect to a user-given address.
std::string local_path_or(std::string_view next, std::string_view fallback);

// The fields of a POSTed form. The dispatcher has already refused a body that does not
// decode, so this never fails; an undecodable body gives no fields.
Params form_of(const RequestContext& ctx);

// `message` starting with a capital letter: core's messages begin in lower case, to be used
// inside sentences, and begin a sentence when shown alone.
std::string sentence(std::string_view message);

// The catalogue text of `key` in the request's language (std::logic_error when unknown).
std::string_view text(const RequestContext& ctx, std::string_view key);

// The route sets of each area; the application is their concatenation.
std::vector<Route> account_routes(const views::Templates& templates);  // login, logout, ...
std::vector<Route> participant_routes(const views::Templates& templates);
std::vector<Route> host_routes(const views::Templates& templates);
std::vector<Route> coordinator_routes(const views::Templates& templates);
// The coordinator's and the analyst's dashboards and the learning-meeting report.
std::vector<Route> dashboard_routes(const views::Templates& templates);
std::vector<Route> companion_routes(const views::Templates& templates);  // the companion's page
// Logbook templates (coordinator), entries, summaries and CSV (coordinator), the entry form (host).
std::vector<Route> logbook_routes(const views::Templates& templates);
// Interviews, the codebook, the theme summary and the promoters/inhibitors check (coordinators).
std::vector<Route> interview_routes(const views::Templates& templates);
// Participant surveys: answering (participants), rounds and their counted results (coordinators
// of the whole partnership).
std::vector<Route> survey_routes(const views::Templates& templates);

}  // namespace samskab::web::pages
