#include "web/pages/coordinator_pages.h"

#include <string>

#include "analytics/format.h"
#include "web/http/services.h"
#include "web/pages/host_pages_support.h"
#include "web/pages/page.h"

namespace samskab::web::pages {

namespace {

using core::AccountRole;

constexpr std::size_t MAX_NAME_LENGTH = 200;

std::string place_link(std::string_view place) {
    return "/coordinator/places/" + std::string(place);
}

Response coordinator_home_page(RequestContext& ctx, const views::Templates& templates) {
    auto places = places_in_scope(ctx, AccountRole::Coordinator);
    if (!places) {
        return failure_page(ctx, templates, places.error());
    }
    auto partnerships = partnerships_in_scope(ctx, AccountRole::Coordinator);
    if (!partnerships) {
        return failure_page(ctx, templates, partnerships.error());
    }
    mstch::array place_items;
    for (const core::PlaceView& view : *places) {
        place_items.push_back(mstch::map{
            {"name", view.place.name},
            {"partnership", view.partnership_name},
            {"href", place_link(view.place.id)},
            {"activities_href", place_link(view.place.id) + "/activities"},
            {"threshold", analytics::format_percent(view.place.support_threshold, ctx.lang)}});
    }
    mstch::array partnership_items;
    bool may_add_place = false;
    for (const core::Partnership& partnership : *partnerships) {
        const bool whole = may_act_for_partnership(ctx, AccountRole::Coordinator, partnership.id);
        may_add_place = may_add_place || whole;
        // Self-evaluation (interviews, codebook, the check) is for the whole partnership's
        // coordinators, so the link is shown only to them, and only where the database has
        // the interview store (not on PostgreSQL, so far).
        mstch::map item{
            {"name", partnership.name},
            {"people_href", with_query("/coordinator/people", "partnership", partnership.id)}};
        if (whole && ctx.services.interviews != nullptr) {
            item["evaluation_href"] = "/coordinator/partnerships/" + partnership.id + "/evaluation";
        }
        partnership_items.push_back(std::move(item));
    }
    mstch::map data{{"has_places", !place_items.empty()},
                    {"places", place_items},
                    {"partnerships", partnership_items},
                    {"may_add_place", may_add_place},
                    {"has_logbook_store", ctx.services.logbooks != nullptr}};
    return render_page(ctx, templates, "coord_home_title", "coordinator_home", std::move(data));
}

// What the place form shows and keeps: on a GET the stored values, after a failed POST the
// submitted ones.
struct PlaceForm {
    std::string name;
    std::string partnership;
    std::string threshold;
};

Response place_form_response(const RequestContext& ctx, const views::Templates& templates,
                             const std::optional<core::PlaceView>& existing, const PlaceForm& form,
                             const std::vector<FieldError>& errors) {
    mstch::map data{{"name", form.name}, {"threshold", form.threshold}};
    if (existing) {
        data["editing"] = true;
        data["page_title"] = existing->place.name;
        data["action"] = place_link(existing->place.id);
        data["place_name"] = existing->place.name;
        data["partnership_name"] = existing->partnership_name;
        data["activities_href"] = place_link(existing->place.id) + "/activities";
        data["people_href"] =
            with_query("/coordinator/people", "partnership", existing->place.partnership);
        data["saved"] = ctx.request.query.value("saved") == "1";
    } else {
        auto partnerships = partnerships_in_scope(ctx, AccountRole::Coordinator);
        if (!partnerships) {
            return failure_page(ctx, templates, partnerships.error());
        }
        std::vector<std::pair<std::string, std::string>> choices;
        for (const core::Partnership& partnership : *partnerships) {
            if (may_act_for_partnership(ctx, AccountRole::Coordinator, partnership.id)) {
                choices.emplace_back(partnership.id, partnership.name);
            }
        }
        if (choices.empty()) {
            return error_page(ctx, templates, 403);
        }
        data["action"] = std::string("/coordinator/places/new");
        data["partnership_options"] = select_options(choices, form.partnership);
    }
    int status = 200;
    if (!errors.empty()) {
        add_form_errors(data, errors);
        status = 422;
    }
    return render_page(ctx, templates, existing ? "coord_place_title" : "coord_new_place_title",
                       "coordinator_place_form", std::move(data), status);
}

// Checks the submitted name and threshold; the threshold is stored as a share in [0, 1].
std::vector<FieldError> check_place_form(const RequestContext& ctx, const PlaceForm& form,
                                         double& threshold) {
    std::vector<FieldError> errors;
    if (form.name.empty()) {
        errors.push_back(field_missing(ctx, "name", "coord_field_place_name"));
    } else if (form.name.size() > MAX_NAME_LENGTH) {
        errors.push_back(field_problem(ctx, "name", "coord_field_place_name",
                                       text_of(ctx, "coord_error_too_long")));
    }
    auto value = parse_form_decimal(form.threshold);
    if (!value || *value < 0.0 || *value > 1.0) {
        errors.push_back(field_problem(ctx, "threshold", "coord_field_threshold",
                                       core::message(ctx.lang, core::Msg::ThresholdOutOfRange)));
    } else {
        threshold = *value;
    }
    return errors;
}

PlaceForm submitted_place(const RequestContext& ctx) {
    const Params form = form_of(ctx);
    return PlaceForm{std::string(form.value("name")), std::string(form.value("partnership")),
                     std::string(form.value("threshold"))};
}

Response new_place_page(RequestContext& ctx, const views::Templates& templates) {
    const PlaceForm form{"", std::string(ctx.request.query.value("partnership")),
                         analytics::format_decimal(core::DEFAULT_SUPPORT_THRESHOLD, 2, ctx.lang)};
    return place_form_response(ctx, templates, std::nullopt, form, {});
}

Response create_place(RequestContext& ctx, const views::Templates& templates) {
    const PlaceForm form = submitted_place(ctx);
    double threshold = 0;
    std::vector<FieldError> errors = check_place_form(ctx, form, threshold);
    // Only a coordinator of the whole partnership adds places to it.
    if (form.partnership.empty()) {
        errors.push_back(field_missing(ctx, "partnership", "coord_field_partnership"));
    } else if (!may_act_for_partnership(ctx, AccountRole::Coordinator, form.partnership)) {
        return error_page(ctx, templates, 403);
    }
    if (!errors.empty()) {
        return place_form_response(ctx, templates, std::nullopt, form, errors);
    }
    core::Place place{"", form.partnership, form.name, threshold};
    auto saved = ctx.services.community.save_place(place);
    if (!saved) {
        return failure_page(ctx, templates, saved.error());
    }
    return Response::redirect(place_link(*saved));
}

Response place_page(RequestContext& ctx, const views::Templates& templates) {
    CoordinatorPlace found = resolve_coordinator_place(ctx, templates, ctx.params.value("id"));
    if (found.response) {
        return std::move(*found.response);
    }
    const core::Place& place = found.place->place;
    const PlaceForm form{place.name, place.partnership,
                         analytics::format_decimal(place.support_threshold, 2, ctx.lang)};
    return place_form_response(ctx, templates, found.place, form, {});
}

Response update_place(RequestContext& ctx, const views::Templates& templates) {
    CoordinatorPlace found = resolve_coordinator_place(ctx, templates, ctx.params.value("id"));
    if (found.response) {
        return std::move(*found.response);
    }
    PlaceForm form = submitted_place(ctx);
    // A place stays in its partnership; the form cannot move it.
    form.partnership = found.place->place.partnership;
    double threshold = 0;
    std::vector<FieldError> errors = check_place_form(ctx, form, threshold);
    if (!errors.empty()) {
        return place_form_response(ctx, templates, found.place, form, errors);
    }
    core::Place place = found.place->place;
    place.name = form.name;
    place.support_threshold = threshold;
    auto saved = ctx.services.community.save_place(place);
    if (!saved) {
        return failure_page(ctx, templates, saved.error());
    }
    return Response::redirect(with_query(place_link(place.id), "saved", "1"));
}

}  // namespace

CoordinatorPlace resolve_coordinator_place(const RequestContext& ctx,
                                           const views::Templates& templates,
                                           std::string_view place_id) {
    CoordinatorPlace result;
    auto found = ctx.services.community.find_place(place_id);
    if (!found) {
        result.response = failure_page(ctx, templates, found.error());
    } else if (!*found) {
        result.response = error_page(ctx, templates, 404);
    } else if (!may_act_at(ctx, AccountRole::Coordinator, (*found)->place)) {
        result.response = error_page(ctx, templates, 403);
    } else {
        result.place = std::move(**found);
    }
    return result;
}

std::string_view kind_key(core::ActivityKind kind) {
    switch (kind) {
        case core::ActivityKind::Fixed:
            return "coord_kind_fixed";
        case core::ActivityKind::Initiative:
            return "coord_kind_initiative";
        case core::ActivityKind::Cause:
            return "coord_kind_cause";
    }
    return "coord_kind_fixed";
}

std::string_view role_key(core::Role role) {
    switch (role) {
        case core::Role::Initiator:
            return "coord_role_initiator";
        case core::Role::Host:
            return "coord_role_host";
        case core::Role::Active:
            return "coord_role_active";
        case core::Role::Passive:
            return "coord_role_passive";
        case core::Role::Supported:
            return "coord_role_supported";
    }
    return "coord_role_active";
}

std::vector<Route> coordinator_place_routes(const views::Templates& templates) {
    const std::vector<AccountRole> coordinators{AccountRole::Coordinator};
    const views::Templates* t = &templates;
    return {
        Route{Method::Get, "/coordinator", false, false, coordinators,
              [t](RequestContext& ctx) { return coordinator_home_page(ctx, *t); }},
        Route{Method::Get, "/coordinator/places/new", false, false, coordinators,
              [t](RequestContext& ctx) { return new_place_page(ctx, *t); }},
        Route{Method::Post, "/coordinator/places/new", false, false, coordinators,
              [t](RequestContext& ctx) { return create_place(ctx, *t); }},
        Route{Method::Get, "/coordinator/places/:id", false, false, coordinators,
              [t](RequestContext& ctx) { return place_page(ctx, *t); }},
        Route{Method::Post, "/coordinator/places/:id", false, false, coordinators,
              [t](RequestContext& ctx) { return update_place(ctx, *t); }},
    };
}

std::vector<Route> coordinator_routes(const views::Templates& templates) {
    std::vector<Route> routes;
    for (auto make :
         {coordinator_place_routes, coordinator_activity_routes, coordinator_occurrence_routes,
          coordinator_people_routes, coordinator_account_routes, coordinator_privacy_routes}) {
        std::vector<Route> part = make(templates);
        routes.insert(routes.end(), std::make_move_iterator(part.begin()),
                      std::make_move_iterator(part.end()));
    }
    return routes;
}

}  // namespace samskab::web::pages
