// The coordinator's logbook templates: the list with the form to create one for a place or an
// activity, and a template's page, where fields are added, moved and removed one at a time (a
// form per change, no script needed); each saved change makes a new version.
#include <algorithm>

#include "analytics/format.h"
#include "web/http/services.h"
#include "web/pages/host_pages_support.h"
#include "web/pages/logbook_pages.h"
#include "web/pages/page.h"

namespace samskab::web::pages {

namespace {

using core::AccountRole;

std::string logbook_link(std::string_view id) {
    return "/coordinator/logbooks/" + std::string(id);
}

// Core's validation errors as form errors: their field is the form field's name.
std::vector<FieldError> form_errors(const std::vector<core::Error>& errors) {
    std::vector<FieldError> out;
    for (const core::Error& error : errors) {
        if (std::none_of(out.begin(), out.end(),
                         [&](const FieldError& e) { return e.field == error.field; })) {
            out.push_back(FieldError{error.field, sentence(error.message)});
        }
    }
    return out;
}

// The places the coordinator manages, with their activities: the choices of "for what".
core::Result<std::vector<std::pair<std::string, std::string>>> target_choices(
    const RequestContext& ctx) {
    auto places = places_in_scope(ctx, AccountRole::Coordinator);
    if (!places) {
        return tl::unexpected(places.error());
    }
    std::vector<std::pair<std::string, std::string>> choices;
    for (const core::PlaceView& view : *places) {
        choices.emplace_back("place:" + view.place.id, view.place.name);
        auto activities = ctx.services.community.activities_at(view.place.id);
        if (!activities) {
            return tl::unexpected(activities.error());
        }
        for (const core::Activity& activity : *activities) {
            choices.emplace_back("activity:" + activity.id,
                                 view.place.name + " – " + activity.title);
        }
    }
    return choices;
}

Response list_response(const RequestContext& ctx, const views::Templates& templates,
                       const std::vector<FieldError>& errors = {}) {
    if (ctx.services.logbooks == nullptr) {
        return error_page(ctx, templates, 404);
    }
    auto places = places_in_scope(ctx, AccountRole::Coordinator);
    if (!places) {
        return failure_page(ctx, templates, places.error());
    }
    mstch::array items;
    for (const core::PlaceView& view : *places) {
        auto found = ctx.services.logbooks->templates_at_place(view.place.id);
        if (!found) {
            return failure_page(ctx, templates, found.error());
        }
        for (const core::LogbookTemplate& logbook : *found) {
            const core::TemplateVersion* current = logbook.current();
            items.push_back(mstch::map{
                {"name", logbook.name},
                {"href", logbook_link(logbook.id)},
                {"place", view.place.name},
                {"version", current ? std::to_string(current->number) : std::string("–")},
                {"fields", std::to_string(current ? current->fields.size() : 0)}});
        }
    }
    auto choices = target_choices(ctx);
    if (!choices) {
        return failure_page(ctx, templates, choices.error());
    }
    const Params form = form_of(ctx);
    mstch::map data{{"has_logbooks", !items.empty()},
                    {"logbooks", items},
                    {"name", std::string(form.value("name"))},
                    {"target_options", select_options(*choices, form.value("target"))}};
    int status = 200;
    if (!errors.empty()) {
        add_form_errors(data, errors);
        status = 422;
    }
    return render_page(ctx, templates, "logbook_list_title", "logbook_list", std::move(data),
                       status);
}

Response create_logbook(RequestContext& ctx, const views::Templates& templates) {
    if (ctx.services.logbooks == nullptr) {
        return error_page(ctx, templates, 404);
    }
    const Params form = form_of(ctx);
    std::vector<FieldError> errors =
        form_errors(core::validate_template_name(std::string(form.value("name")), ctx.lang));
    const std::string_view target = form.value("target");
    core::NewLogbookTemplate logbook;
    logbook.name = std::string(form.value("name"));
    logbook.created = ctx.services.clock.now();
    auto choices = target_choices(ctx);
    if (!choices) {
        return failure_page(ctx, templates, choices.error());
    }
    const bool offered = std::any_of(choices->begin(), choices->end(),
                                     [&](const auto& choice) { return choice.first == target; });
    if (!offered) {
        errors.push_back(field_missing(ctx, "target", "logbook_field_target"));
    } else if (target.rfind("activity:", 0) == 0) {
        logbook.scope = core::LogbookScope::Activity;
        logbook.activity = std::string(target.substr(9));
    } else {
        logbook.place = std::string(target.substr(6));
    }
    if (!errors.empty()) {
        return list_response(ctx, templates, errors);
    }
    auto created = ctx.services.logbooks->create_template(logbook);
    if (!created) {
        return failure_page(ctx, templates, created.error());
    }
    return Response::redirect(logbook_link(*created));
}

Response template_response(const RequestContext& ctx, const views::Templates& templates,
                           const LogbookAccess& access,
                           const std::vector<FieldError>& errors = {}) {
    const core::LogbookTemplate& logbook = *access.logbook;
    const core::TemplateVersion* current = logbook.current();
    mstch::array fields;
    if (current) {
        for (std::size_t i = 0; i < current->fields.size(); ++i) {
            const core::TemplateField& field = current->fields[i];
            fields.push_back(mstch::map{
                {"label", field.label},
                {"key", field.key},
                {"type", field_type_label(ctx, field.type)},
                {"options", field.options.empty() ? std::string("–") : [&] {
                     std::string all;
                     for (const std::string& option : field.options) {
                         all += (all.empty() ? "" : ", ") + option;
                     }
                     return all;
                 }()},
                {"required", field.required},
                {"can_up", i > 0},
                {"can_down", i + 1 < current->fields.size()}});
        }
    }
    mstch::array versions;
    for (auto version = logbook.versions.rbegin(); version != logbook.versions.rend(); ++version) {
        mstch::array version_fields;
        for (const core::TemplateField& field : version->fields) {
            version_fields.push_back(mstch::map{{"label", field.label},
                                                {"key", field.key},
                                                {"type", field_type_label(ctx, field.type)}});
        }
        versions.push_back(
            mstch::map{{"number", std::to_string(version->number)},
                       {"created", format_day_short(core::day_of(version->created), ctx.lang)},
                       {"fields", std::move(version_fields)}});
    }
    std::vector<std::pair<std::string, std::string>> types;
    for (core::FieldType type : core::all_field_types()) {
        types.emplace_back(std::string(core::field_type_name(type)), field_type_label(ctx, type));
    }
    const Params form = form_of(ctx);
    const std::string link = logbook_link(logbook.id);
    mstch::map data{
        {"page_title", logbook.name},
        {"id", logbook.id},
        {"name", logbook.name},
        {"place_name", access.place->place.name},
        {"for_activity", logbook.scope == core::LogbookScope::Activity},
        {"has_fields", !fields.empty()},
        {"fields", std::move(fields)},
        {"versions", std::move(versions)},
        {"has_versions", !logbook.versions.empty()},
        {"current_version", current ? std::to_string(current->number) : std::string("–")},
        {"rename_action", link + "/rename"},
        {"fields_action", link + "/fields"},
        {"change_action", link + "/fields/change"},
        {"entries_href", link + "/entries"},
        {"summary_href", link + "/summary"},
        {"csv_href", link + "/entries.csv"},
        {"xlsx_href", link + "/entries.xlsx"},
        {"label", std::string(form.value("label"))},
        {"key", std::string(form.value("key"))},
        {"options", std::string(form.value("options"))},
        {"required", form.value("required") == "on"},
        {"type_options", select_options(types, form.value("type"))},
        {"saved", ctx.request.query.value("saved") == "1"},
    };
    int status = 200;
    if (!errors.empty()) {
        add_form_errors(data, errors);
        status = 422;
    }
    return render_page(ctx, templates, "logbook_template_title", "logbook_template",
                       std::move(data), status);
}

Response template_page(RequestContext& ctx, const views::Templates& templates) {
    LogbookAccess access =
        resolve_logbook(ctx, templates, ctx.params.value("id"), AccountRole::Coordinator);
    if (access.response) {
        return std::move(*access.response);
    }
    return template_response(ctx, templates, access);
}

// Saves `fields` as the template's next version, or shows the page again with the problems.
Response save(const RequestContext& ctx, const views::Templates& templates,
              const LogbookAccess& access, const std::vector<core::TemplateField>& fields) {
    if (auto errors = core::validate_fields(fields, ctx.lang); !errors.empty()) {
        return template_response(ctx, templates, access, form_errors(errors));
    }
    auto saved =
        ctx.services.logbooks->save_fields(access.logbook->id, fields, ctx.services.clock.now());
    if (!saved) {
        return failure_page(ctx, templates, saved.error());
    }
    return Response::redirect(logbook_link(access.logbook->id) + "?saved=1");
}

std::vector<core::TemplateField> current_fields(const core::LogbookTemplate& logbook) {
    return logbook.current() ? logbook.current()->fields : std::vector<core::TemplateField>{};
}

Response add_field(RequestContext& ctx, const views::Templates& templates) {
    LogbookAccess access =
        resolve_logbook(ctx, templates, ctx.params.value("id"), AccountRole::Coordinator);
    if (access.response) {
        return std::move(*access.response);
    }
    const Params form = form_of(ctx);
    std::vector<core::TemplateField> fields = current_fields(*access.logbook);
    std::vector<FieldError> errors;
    const auto type = core::parse_field_type(form.value("type"));
    if (!type) {
        errors.push_back(field_missing(ctx, "type", "logbook_field_type"));
    }
    core::TemplateField field;
    field.label = std::string(form.value("label"));
    field.type = type.value_or(core::FieldType::Text);
    field.required = form.value("required") == "on";
    std::vector<std::string> taken;
    for (const core::TemplateField& existing : fields) {
        taken.push_back(existing.key);
    }
    // Keys of older versions stay reserved, so a new field never takes over an old one's answers.
    for (const core::TemplateField& old : core::fields_of_every_version(*access.logbook)) {
        taken.push_back(old.key);
    }
    field.key = form.value("key").empty() ? core::key_from_label(field.label, taken)
                                          : std::string(form.value("key"));
    if (core::has_options(field.type)) {
        std::string_view options = form.value("options");
        while (!options.empty()) {
            const auto end = options.find('\n');
            std::string option(options.substr(0, end));
            option.erase(0, option.find_first_not_of(" \t\r"));
            option.erase(option.find_last_not_of(" \t\r") + 1);
            if (!option.empty()) {
                field.options.push_back(option);
            }
            options = end == std::string_view::npos ? std::string_view() : options.substr(end + 1);
        }
    }
    if (!errors.empty()) {
        return template_response(ctx, templates, access, errors);
    }
    fields.push_back(std::move(field));
    return save(ctx, templates, access, fields);
}

Response change_field(RequestContext& ctx, const views::Templates& templates) {
    LogbookAccess access =
        resolve_logbook(ctx, templates, ctx.params.value("id"), AccountRole::Coordinator);
    if (access.response) {
        return std::move(*access.response);
    }
    const Params form = form_of(ctx);
    std::vector<core::TemplateField> fields = current_fields(*access.logbook);
    const auto at = std::find_if(fields.begin(), fields.end(),
                                 [&](const auto& field) { return field.key == form.value("key"); });
    if (at == fields.end()) {
        return template_response(ctx, templates, access,
                                 {field_problem(ctx, "key", "logbook_field_key",
                                                text_of(ctx, "logbook_error_no_field"))});
    }
    const std::string_view action = form.value("action");
    if (action == "up" && at != fields.begin()) {
        std::iter_swap(at, at - 1);
    } else if (action == "down" && at + 1 != fields.end()) {
        std::iter_swap(at, at + 1);
    } else if (action == "remove") {
        fields.erase(at);
    } else if (action == "required") {
        at->required = !at->required;
    } else {
        return template_response(ctx, templates, access,
                                 {field_missing(ctx, "action", "logbook_field_action")});
    }
    return save(ctx, templates, access, fields);
}

Response rename(RequestContext& ctx, const views::Templates& templates) {
    LogbookAccess access =
        resolve_logbook(ctx, templates, ctx.params.value("id"), AccountRole::Coordinator);
    if (access.response) {
        return std::move(*access.response);
    }
    const std::string name(form_of(ctx).value("name"));
    if (auto errors = core::validate_template_name(name, ctx.lang); !errors.empty()) {
        return template_response(ctx, templates, access, form_errors(errors));
    }
    if (auto renamed = ctx.services.logbooks->rename_template(access.logbook->id, name); !renamed) {
        return failure_page(ctx, templates, renamed.error());
    }
    return Response::redirect(logbook_link(access.logbook->id) + "?saved=1");
}

}  // namespace

std::vector<Route> logbook_coordinator_routes(const views::Templates& templates) {
    const std::vector<AccountRole> coordinators{AccountRole::Coordinator};
    const views::Templates* t = &templates;
    return {
        Route{Method::Get, "/coordinator/logbooks", false, false, coordinators,
              [t](RequestContext& ctx) { return list_response(ctx, *t); }},
        Route{Method::Post, "/coordinator/logbooks", false, false, coordinators,
              [t](RequestContext& ctx) { return create_logbook(ctx, *t); }},
        Route{Method::Get, "/coordinator/logbooks/:id", false, false, coordinators,
              [t](RequestContext& ctx) { return template_page(ctx, *t); }},
        Route{Method::Post, "/coordinator/logbooks/:id/rename", false, false, coordinators,
              [t](RequestContext& ctx) { return rename(ctx, *t); }},
        Route{Method::Post, "/coordinator/logbooks/:id/fields", false, false, coordinators,
              [t](RequestContext& ctx) { return add_field(ctx, *t); }},
        Route{Method::Post, "/coordinator/logbooks/:id/fields/change", false, false, coordinators,
              [t](RequestContext& ctx) { return change_field(ctx, *t); }},
    };
}

}  // namespace samskab::web::pages
