// The coordinator's privacy pages: one person's page (consents and their history, a consent
// given on paper, rectification, erasure), the open deletion requests of a partnership, and the
// access log's search. Only coordinators of a whole partnership the person belongs to may open
// a person: the support-need flag is shown to nobody but the partnership's coordinators.
// Every view of a person's page is written to the access log.

#include <algorithm>
#include <map>
#include <string>

#include "web/http/services.h"
#include "web/pages/coordinator_pages.h"
#include "web/pages/host_pages_support.h"
#include "web/pages/page.h"
#include "web/pages/privacy_support.h"
#include "web/views/format.h"

namespace samskab::web::pages {

namespace {

using core::AccountRole;

std::string person_link(std::string_view person) {
    return "/coordinator/people/" + std::string(person);
}

// The person of the route when the principal coordinates a whole partnership they belong to;
// otherwise a 403 (also for an unknown id, so that ids cannot be probed) or a failure page.
struct ScopedPerson {
    std::optional<core::PersonData> data;
    std::optional<Response> response;
};

ScopedPerson scoped_person(const RequestContext& ctx, const views::Templates& templates) {
    ScopedPerson result;
    const std::string person(ctx.params.value("id"));
    auto data = ctx.services.community.person_data(person);
    if (!data) {
        result.response = failure_page(ctx, templates, data.error());
        return result;
    }
    if (*data) {
        for (const std::string& partnership : (*data)->partnerships) {
            if (may_act_for_partnership(ctx, AccountRole::Coordinator, partnership)) {
                result.data = std::move(**data);
                return result;
            }
        }
    }
    result.response = error_page(ctx, templates, 403);
    return result;
}

Response person_response(const RequestContext& ctx, const views::Templates& templates,
                         const core::PersonData& data, const std::vector<FieldError>& errors,
                         const Params& form) {
    if (auto logged = log_person_views(ctx, {data.person.id}); !logged) {
        return failure_page(ctx, templates, logged.error());
    }
    const core::Person& person = data.person;
    const bool resubmitted = !errors.empty();
    mstch::map view{
        {"page_title", person.name},
        {"id", person.id},
        {"joined_text", person.joined ? views::format_date(*person.joined, ctx.lang)
                                      : std::string(text(ctx, "none"))},
        {"support_need", person.support_need},
        {"given", given_purposes(ctx, data.consents)},
        {"c_support", data.consents.support_need},
        {"c_pathways", data.consents.pathways},
        {"c_companion", data.consents.companion},
        {"c_statistics", data.consents.statistics},
        {"has_consent_history", !data.consent_history.empty()},
        {"consent_history", consent_history_rows(ctx, data.consent_history)},
        {"name", resubmitted ? std::string(form.value("name")) : person.name},
        {"joined", resubmitted     ? std::string(form.value("joined"))
                   : person.joined ? core::format_date(*person.joined)
                                   : std::string()},
        {"deletion_requested", data.deletion_requested.has_value()},
        {"deletion_date", data.deletion_requested
                              ? views::format_full_date_time(*data.deletion_requested, ctx.lang)
                              : std::string()},
        {"saved", ctx.request.query.value("saved") == "1"},
    };
    int status = 200;
    if (resubmitted) {
        add_form_errors(view, errors);
        status = 422;
    }
    return render_page(ctx, templates, "title_person", "coordinator_person", std::move(view),
                       status);
}

Response person_page(RequestContext& ctx, const views::Templates& templates) {
    ScopedPerson scoped = scoped_person(ctx, templates);
    if (scoped.response) {
        return std::move(*scoped.response);
    }
    return person_response(ctx, templates, *scoped.data, {}, Params{});
}

// A consent given on a signed paper form, entered by the coordinator: recorded as on paper and
// by the coordinator's account. The support-need flag is set here and only with its consent.
Response paper_consent(RequestContext& ctx, const views::Templates& templates) {
    ScopedPerson scoped = scoped_person(ctx, templates);
    if (scoped.response) {
        return std::move(*scoped.response);
    }
    const Params form = form_of(ctx);
    core::Consents consents{form.value("support_need") == "1", form.value("pathways") == "1",
                            form.value("companion") == "1", form.value("statistics") == "1"};
    const bool flag = consents.support_need && form.value("flag") == "1";
    auto saved =
        ctx.services.community.set_consent(scoped.data->person.id, consents, flag,
                                           ctx.principal->account, true, ctx.services.clock.now());
    if (!saved) {
        return failure_page(ctx, templates, saved.error());
    }
    return Response::redirect(person_link(scoped.data->person.id) + "?saved=1");
}

Response correct_person(RequestContext& ctx, const views::Templates& templates) {
    ScopedPerson scoped = scoped_person(ctx, templates);
    if (scoped.response) {
        return std::move(*scoped.response);
    }
    const Params form = form_of(ctx);
    core::PersonCorrection correction;
    std::vector<FieldError> errors;
    const std::string name(form.value("name"));
    if (name.find_first_not_of(" \t") == std::string::npos) {
        errors.push_back(field_missing(ctx, "name", "coord_field_person_name"));
    } else if (name.size() > core::MAX_PERSON_NAME_LENGTH) {
        errors.push_back(field_problem(ctx, "name", "coord_field_person_name",
                                       text_of(ctx, "coord_error_too_long")));
    } else {
        correction.name = name;
    }
    if (form.value("joined").empty()) {
        correction.joined = std::optional<core::Day>{};
    } else if (auto joined = parse_form_date(form.value("joined"))) {
        correction.joined = joined;
    } else {
        errors.push_back(
            field_problem(ctx, "joined", "coord_field_joined", text_of(ctx, "coord_error_date")));
    }
    if (!errors.empty()) {
        return person_response(ctx, templates, *scoped.data, errors, form);
    }
    auto corrected = ctx.services.community.correct_person(scoped.data->person.id, correction);
    if (!corrected) {
        return failure_page(ctx, templates, corrected.error());
    }
    if (auto logged = log_person_views(ctx, {scoped.data->person.id}, "change"); !logged) {
        return failure_page(ctx, templates, logged.error());
    }
    return Response::redirect(person_link(scoped.data->person.id) + "?saved=1");
}

// Erasure, usually carrying out the person's request. The box must be ticked: nothing can
// bring the data back.
Response erase_person(RequestContext& ctx, const views::Templates& templates) {
    ScopedPerson scoped = scoped_person(ctx, templates);
    if (scoped.response) {
        return std::move(*scoped.response);
    }
    const Params form = form_of(ctx);
    if (form.value("confirm") != "1") {
        return person_response(ctx, templates, *scoped.data,
                               {FieldError{"confirm", text_of(ctx, "person_erase_must_confirm")}},
                               form);
    }
    const std::string partnership = scoped.data->partnerships.front();
    auto erased = ctx.services.community.erase_person(scoped.data->person.id);
    if (!erased) {
        return failure_page(ctx, templates, erased.error());
    }
    // The log keeps that an erasure happened, not whom it concerned.
    auto logged =
        ctx.services.accounts.log_access({ctx.services.clock.now(), ctx.principal->account, "erase",
                                          "", "POST /coordinator/people"});
    if (!logged) {
        return failure_page(ctx, templates, logged.error());
    }
    const core::ErasureSummary& s = *erased;
    std::string counts;
    for (int count : {s.participations, s.visits, s.relations, s.companion_links, s.pathways,
                      s.logbook_notes, s.accounts, s.access_log_entries}) {
        counts += (counts.empty() ? "" : ", ") + std::to_string(count);
    }
    return render_page(
        ctx, templates, "title_erased", "coordinator_erased",
        mstch::map{{"counts", counts},
                   {"back", with_query("/coordinator/people", "partnership", partnership)}});
}

Response deletions_page(RequestContext& ctx, const views::Templates& templates) {
    auto partnerships = partnerships_in_scope(ctx, AccountRole::Coordinator);
    if (!partnerships) {
        return failure_page(ctx, templates, partnerships.error());
    }
    mstch::array rows;
    std::vector<std::string> shown;
    for (const core::Partnership& partnership : *partnerships) {
        if (!may_act_for_partnership(ctx, AccountRole::Coordinator, partnership.id)) {
            continue;
        }
        auto requests = ctx.services.community.deletion_requests(partnership.id);
        if (!requests) {
            return failure_page(ctx, templates, requests.error());
        }
        for (const core::DeletionRequest& request : *requests) {
            if (std::find(shown.begin(), shown.end(), request.person.id) != shown.end()) {
                continue;
            }
            shown.push_back(request.person.id);
            rows.push_back(
                mstch::map{{"id", request.person.id},
                           {"name", request.person.name},
                           {"when", views::format_full_date_time(request.requested_at, ctx.lang)}});
        }
    }
    if (auto logged = log_person_views(ctx, shown); !logged) {
        return failure_page(ctx, templates, logged.error());
    }
    const bool has_requests = !rows.empty();
    mstch::map data{{"has_requests", has_requests}};
    data["requests"] = std::move(rows);
    return render_page(ctx, templates, "title_deletions", "coordinator_deletions", std::move(data));
}

// The access log's search. A coordinator sees the entries about people of the partnerships
// they coordinate as a whole, and the entries about nobody (failed logins, erasures) only with
// a grant for every partnership.
Response access_log_page(RequestContext& ctx, const views::Templates& templates) {
    const Params& query = ctx.request.query;
    core::AccessQuery search;
    search.subject = std::string(query.value("person"));
    search.action = std::string(query.value("action"));
    if (auto from = parse_form_date(query.value("from"))) {
        search.from = core::LocalTime{*from} * 86400;
    }
    if (auto to = parse_form_date(query.value("to"))) {
        search.to = (core::LocalTime{*to} + 1) * 86400;
    }
    search.limit = 500;
    auto entries = ctx.services.accounts.search_access_log(search);
    auto accounts = ctx.services.accounts.list_accounts();
    if (!entries || !accounts) {
        return failure_page(ctx, templates, !entries ? entries.error() : accounts.error());
    }
    const bool everywhere = core::scope_of(*ctx.principal, AccountRole::Coordinator).everywhere;
    std::map<std::string, bool, std::less<>> in_scope;
    mstch::array rows;
    for (const core::AccessEntry& entry : *entries) {
        bool visible = everywhere;
        if (!visible && !entry.subject.empty()) {
            auto known = in_scope.find(entry.subject);
            if (known == in_scope.end()) {
                bool ok = false;
                auto partnerships = ctx.services.community.partnerships_of(entry.subject);
                for (const std::string& id :
                     partnerships ? *partnerships : std::vector<std::string>{}) {
                    ok = ok || may_act_for_partnership(ctx, AccountRole::Coordinator, id);
                }
                known = in_scope.emplace(entry.subject, ok).first;
            }
            visible = known->second;
        }
        if (!visible) {
            continue;
        }
        std::string actor = entry.actor == 0 ? std::string(text(ctx, "access_system"))
                                             : std::to_string(entry.actor);
        for (const core::Account& account : *accounts) {
            if (account.id == entry.actor) {
                actor = account.name.empty() ? account.email : account.name;
            }
        }
        rows.push_back(mstch::map{{"when", views::format_full_date_time(entry.at, ctx.lang)},
                                  {"actor", actor},
                                  {"action", entry.action},
                                  {"subject", entry.subject},
                                  {"detail", entry.detail}});
    }
    const bool has_entries = !rows.empty();
    mstch::map data{{"has_entries", has_entries},
                    {"person", search.subject},
                    {"action", search.action},
                    {"from", std::string(query.value("from"))},
                    {"to", std::string(query.value("to"))}};
    data["entries"] = std::move(rows);
    return render_page(ctx, templates, "title_access_log", "coordinator_access_log",
                       std::move(data));
}

}  // namespace

std::vector<Route> coordinator_privacy_routes(const views::Templates& templates) {
    const std::vector<AccountRole> coordinators{AccountRole::Coordinator};
    const views::Templates* t = &templates;
    auto page = [t](Response (*handler)(RequestContext&, const views::Templates&)) {
        return [t, handler](RequestContext& ctx) { return handler(ctx, *t); };
    };
    return {
        Route{Method::Get, "/coordinator/people/:id", false, false, coordinators,
              page(person_page)},
        Route{Method::Post, "/coordinator/people/:id/consent", false, false, coordinators,
              page(paper_consent)},
        Route{Method::Post, "/coordinator/people/:id/correct", false, false, coordinators,
              page(correct_person)},
        Route{Method::Post, "/coordinator/people/:id/erase", false, false, coordinators,
              page(erase_person)},
        Route{Method::Get, "/coordinator/deletions", false, false, coordinators,
              page(deletions_page)},
        Route{Method::Get, "/coordinator/access-log", false, false, coordinators,
              page(access_log_page)},
    };
}

}  // namespace samskab::web::pages
