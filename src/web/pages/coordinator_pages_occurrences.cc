#include <algorithm>
#include <iterator>
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

std::string occurrence_link(std::string_view occurrence) {
    return "/coordinator/occurrences/" + std::string(occurrence);
}

// The occurrence with its participants, with their support-need flags when the principal
// coordinates the occurrence's place; otherwise the response to send instead.
struct ManagedOccurrence {
    std::optional<core::OccurrenceDetail> detail;
    std::optional<Response> response;
};

ManagedOccurrence resolve_occurrence(const RequestContext& ctx, const views::Templates& templates) {
    ManagedOccurrence result;
    core::CommunityStore& community = ctx.services.community;
    const std::string_view id = ctx.params.value("id");
    // The place decides whether the flags may be read, so it is looked up without them first.
    auto plain = community.find_occurrence(id, false);
    if (!plain) {
        result.response = failure_page(ctx, templates, plain.error());
        return result;
    }
    if (!*plain) {
        result.response = error_page(ctx, templates, 404);
        return result;
    }
    CoordinatorPlace place = resolve_coordinator_place(ctx, templates, (*plain)->occurrence.place);
    if (place.response) {
        result.response = std::move(place.response);
        return result;
    }
    auto detail = community.find_occurrence(id, true);
    if (!detail || !*detail) {
        result.response =
            detail ? error_page(ctx, templates, 404) : failure_page(ctx, templates, detail.error());
        return result;
    }
    result.detail = std::move(**detail);
    return result;
}

std::vector<std::pair<std::string, std::string>> role_choices(const RequestContext& ctx) {
    std::vector<std::pair<std::string, std::string>> choices;
    for (std::size_t i = 0; i < core::COUNT<core::Role>; ++i) {
        const auto role = static_cast<core::Role>(i);
        choices.emplace_back(std::string(core::name_of(role)), text_of(ctx, role_key(role)));
    }
    return choices;
}

Response occurrence_response(const RequestContext& ctx, const views::Templates& templates,
                             const core::OccurrenceDetail& detail,
                             const std::vector<FieldError>& errors) {
    const core::OccurrenceView& view = detail.occurrence;
    const core::Lang lang = ctx.lang;
    mstch::array participants;
    int index = 0;
    for (const core::ParticipantView& participant : detail.participants) {
        const bool support = participant.person.support_need.value_or(false);
        const std::string field_id = "role-" + std::to_string(index++);
        mstch::map row{
            {"person", participant.person.id},
            {"name", participant.person.name},
            {"role", text_of(ctx, role_key(participant.role))},
            {"support", support},
            {"field_id", field_id},
            {"role_options", select_options(role_choices(ctx), core::name_of(participant.role))}};
        // The role forms repeat per row, so a row carries its own error.
        for (const FieldError& error : errors) {
            if (error.field == field_id) {
                row["error"] = error.message;
            }
        }
        participants.push_back(std::move(row));
    }
    const std::string day_text = views::format_day(core::day_of(view.occurrence.start), lang);
    mstch::map data{{"page_title", view.activity_title + ", " + day_text},
                    {"title", view.activity_title},
                    {"activity_href", "/coordinator/activities/" + view.occurrence.activity},
                    {"place_name", view.place_name},
                    {"day_text", day_text},
                    {"time", format_time_span(view.occurrence.start, view.occurrence.end, lang)},
                    {"count", std::to_string(detail.participants.size())},
                    {"has_participants", !participants.empty()},
                    {"participants", participants},
                    {"action", occurrence_link(view.occurrence.id) + "/role"},
                    {"saved", ctx.request.query.value("saved") == "1"}};
    // Every showing of the participant list, with its support-need flags, is logged: one line
    // per participant shown, so that each of them can see the lookup on their own page.
    std::vector<std::string> shown;
    for (const core::ParticipantView& participant : detail.participants) {
        shown.push_back(participant.person.id);
    }
    if (auto logged = log_person_views(ctx, shown); !logged) {
        return failure_page(ctx, templates, logged.error());
    }
    int status = 200;
    if (!errors.empty()) {
        add_form_errors(data, errors);
        status = 422;
    }
    return render_page(ctx, templates, "coord_occurrence_title", "coordinator_occurrence",
                       std::move(data), status);
}

Response occurrence_page(RequestContext& ctx, const views::Templates& templates) {
    ManagedOccurrence managed = resolve_occurrence(ctx, templates);
    if (managed.response) {
        return std::move(*managed.response);
    }
    return occurrence_response(ctx, templates, *managed.detail, {});
}

Response change_role(RequestContext& ctx, const views::Templates& templates) {
    ManagedOccurrence managed = resolve_occurrence(ctx, templates);
    if (managed.response) {
        return std::move(*managed.response);
    }
    const Params form = form_of(ctx);
    const std::string person(form.value("person"));
    auto role = core::parse_name<core::Role>(form.value("role"));
    const auto& participants = managed.detail->participants;
    const auto found = std::find_if(participants.begin(), participants.end(),
                                    [&](const auto& p) { return p.person.id == person; });
    if (found == participants.end()) {
        return error_page(ctx, templates, 404);
    }
    if (!role) {
        const std::string field =
            "role-" + std::to_string(std::distance(participants.begin(), found));
        return occurrence_response(
            ctx, templates, *managed.detail,
            {field_problem(ctx, field, "coord_field_role", text_of(ctx, "coord_error_choose"))});
    }
    const std::string& occurrence = managed.detail->occurrence.occurrence.id;
    auto changed = ctx.services.community.set_role(person, occurrence, *role);
    if (!changed) {
        return failure_page(ctx, templates, changed.error());
    }
    return Response::redirect(with_query(occurrence_link(occurrence), "saved", "1"));
}

}  // namespace

std::vector<Route> coordinator_occurrence_routes(const views::Templates& templates) {
    const std::vector<AccountRole> coordinators{AccountRole::Coordinator};
    const views::Templates* t = &templates;
    return {
        Route{Method::Get, "/coordinator/occurrences/:id", false, false, coordinators,
              [t](RequestContext& ctx) { return occurrence_page(ctx, *t); }},
        Route{Method::Post, "/coordinator/occurrences/:id/role", false, false, coordinators,
              [t](RequestContext& ctx) { return change_role(ctx, *t); }},
    };
}

}  // namespace samskab::web::pages
