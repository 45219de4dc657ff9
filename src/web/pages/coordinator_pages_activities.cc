#include <string>

#include <fmt/format.h>

#include "core/schedule.h"
#include "web/http/services.h"
#include "web/pages/coordinator_pages.h"
#include "web/pages/host_pages_support.h"
#include "web/pages/page.h"
#include "web/views/format.h"

namespace samskab::web::pages {

namespace {

using core::AccountRole;

constexpr std::size_t MAX_TITLE_LENGTH = 200;
constexpr std::size_t MAX_ITEM_LENGTH = 1000;
constexpr int UPCOMING_LIMIT = 50;

std::string activity_link(std::string_view activity) {
    return "/coordinator/activities/" + std::string(activity);
}

std::vector<std::pair<std::string, std::string>> kind_choices(const RequestContext& ctx) {
    std::vector<std::pair<std::string, std::string>> choices;
    for (std::size_t i = 0; i < core::COUNT<core::ActivityKind>; ++i) {
        const auto kind = static_cast<core::ActivityKind>(i);
        choices.emplace_back(std::string(core::name_of(kind)), text_of(ctx, kind_key(kind)));
    }
    return choices;
}

// A title from a form, or the error naming the field.
std::optional<FieldError> check_title(const RequestContext& ctx, const std::string& title) {
    if (title.empty()) {
        return field_missing(ctx, "title", "coord_field_title");
    }
    if (title.size() > MAX_TITLE_LENGTH) {
        return field_problem(ctx, "title", "coord_field_title",
                             text_of(ctx, "coord_error_too_long"));
    }
    return std::nullopt;
}

// --- the activities of a place

Response activities_response(const RequestContext& ctx, const views::Templates& templates,
                             const core::PlaceView& view, const std::vector<FieldError>& errors) {
    auto activities = ctx.services.community.activities_at(view.place.id);
    if (!activities) {
        return failure_page(ctx, templates, activities.error());
    }
    mstch::array items;
    for (const core::Activity& activity : *activities) {
        items.push_back(mstch::map{{"title", activity.title},
                                   {"href", activity_link(activity.id)},
                                   {"kind", text_of(ctx, kind_key(activity.kind))},
                                   {"created", format_day_short(activity.created, ctx.lang)}});
    }
    const Params form = form_of(ctx);
    const std::string_view kind = form.get("kind") ? form.value("kind") : "fixed";
    mstch::map data{
        {"page_title", text_of(ctx, "coord_activities_title") + " – " + view.place.name},
        {"place_name", view.place.name},
        {"place_href", "/coordinator/places/" + view.place.id},
        {"action", "/coordinator/places/" + view.place.id + "/activities"},
        {"has_activities", !items.empty()},
        {"activities", items},
        {"title", std::string(form.value("title"))},
        {"kind_options", select_options(kind_choices(ctx), kind)}};
    int status = 200;
    if (!errors.empty()) {
        add_form_errors(data, errors);
        status = 422;
    }
    return render_page(ctx, templates, "coord_activities_title", "coordinator_activities",
                       std::move(data), status);
}

Response activities_page(RequestContext& ctx, const views::Templates& templates) {
    CoordinatorPlace found = resolve_coordinator_place(ctx, templates, ctx.params.value("id"));
    if (found.response) {
        return std::move(*found.response);
    }
    return activities_response(ctx, templates, *found.place, {});
}

Response create_activity(RequestContext& ctx, const views::Templates& templates) {
    CoordinatorPlace found = resolve_coordinator_place(ctx, templates, ctx.params.value("id"));
    if (found.response) {
        return std::move(*found.response);
    }
    const Params form = form_of(ctx);
    core::NewActivity activity;
    activity.place = found.place->place.id;
    activity.title = std::string(form.value("title"));
    activity.created = ctx.services.clock.today();
    std::vector<FieldError> errors;
    if (auto error = check_title(ctx, activity.title)) {
        errors.push_back(*error);
    }
    if (auto kind = core::parse_name<core::ActivityKind>(form.value("kind"))) {
        activity.kind = *kind;
    } else {
        errors.push_back(
            field_problem(ctx, "kind", "coord_field_kind", text_of(ctx, "coord_error_choose")));
    }
    if (!errors.empty()) {
        return activities_response(ctx, templates, *found.place, errors);
    }
    auto created = ctx.services.community.create_activity(activity);
    if (!created) {
        return failure_page(ctx, templates, created.error());
    }
    return Response::redirect(activity_link(*created));
}

// --- one activity

// An activity with its place, when the coordinator may manage it.
struct ManagedActivity {
    std::optional<core::ActivityView> view;
    std::optional<core::PlaceView> place;
    std::optional<Response> response;
};

ManagedActivity resolve_activity(const RequestContext& ctx, const views::Templates& templates) {
    ManagedActivity result;
    auto found = ctx.services.community.find_activity(ctx.params.value("id"),
                                                      ctx.services.clock.now(), UPCOMING_LIMIT, "");
    if (!found) {
        result.response = failure_page(ctx, templates, found.error());
        return result;
    }
    if (!*found) {
        result.response = error_page(ctx, templates, 404);
        return result;
    }
    CoordinatorPlace place = resolve_coordinator_place(ctx, templates, (*found)->activity.place);
    if (place.response) {
        result.response = std::move(place.response);
        return result;
    }
    result.view = std::move(**found);
    result.place = std::move(place.place);
    return result;
}

mstch::array weekday_options(const RequestContext& ctx, std::string_view selected) {
    std::vector<std::pair<std::string, std::string>> days;
    for (int weekday = 1; weekday <= 7; ++weekday) {
        days.emplace_back(std::to_string(weekday), weekday_name(weekday, ctx.lang));
    }
    return select_options(days, selected);
}

Response activity_response(const RequestContext& ctx, const views::Templates& templates,
                           const ManagedActivity& managed, const std::vector<FieldError>& errors) {
    const core::ActivityView& view = *managed.view;
    const core::Activity& activity = view.activity;
    const core::Lang lang = ctx.lang;
    mstch::array schedules;
    for (const core::WeeklySchedule& schedule : view.schedules) {
        schedules.push_back(mstch::map{{"weekday", weekday_name(schedule.weekday, lang)},
                                       {"time", format_minutes(schedule.start_minute, lang) + "–" +
                                                    format_minutes(schedule.end_minute, lang)},
                                       {"period", format_day_short(schedule.from, lang) + "–" +
                                                      format_day_short(schedule.until, lang)}});
    }
    mstch::array upcoming;
    for (const core::OccurrenceView& occurrence : view.upcoming) {
        upcoming.push_back(mstch::map{
            {"href", "/coordinator/occurrences/" + occurrence.occurrence.id},
            {"day_text", views::format_day(core::day_of(occurrence.occurrence.start), lang)},
            {"time",
             format_time_span(occurrence.occurrence.start, occurrence.occurrence.end, lang)},
            {"participants", std::to_string(occurrence.participants)}});
    }
    mstch::array items;
    for (const core::ActionItem& item : view.action_items) {
        items.push_back(
            mstch::map{{"text", item.text},
                       {"due", item.due ? format_day_short(*item.due, lang) : std::string()},
                       {"done", item.done},
                       {"next_done", std::string(item.done ? "0" : "1")},
                       {"item_action",
                        activity_link(activity.id) + "/action-items/" + std::to_string(item.id)}});
    }
    const Params form = form_of(ctx);
    const auto kept = [&](std::string_view name) { return std::string(form.value(name)); };
    const bool renamed = form.get("title").has_value();
    mstch::map data{{"page_title", activity.title},
                    {"new_title", renamed ? kept("title") : activity.title},
                    {"kind", text_of(ctx, kind_key(activity.kind))},
                    {"is_cause", activity.kind == core::ActivityKind::Cause},
                    {"place_name", view.place_name},
                    {"place_href", "/coordinator/places/" + activity.place + "/activities"},
                    {"initiator", view.initiator_name},
                    {"created", views::format_date(activity.created, lang)},
                    {"action", activity_link(activity.id)},
                    {"has_schedules", !schedules.empty()},
                    {"schedules", schedules},
                    {"has_upcoming", !upcoming.empty()},
                    {"upcoming", upcoming},
                    {"has_items", !items.empty()},
                    {"items", items},
                    {"weekday_options", weekday_options(ctx, form.value("weekday"))},
                    {"start", kept("start")},
                    {"end", kept("end")},
                    {"from", kept("from")},
                    {"until", kept("until")},
                    {"date", kept("date")},
                    {"one_start", kept("one_start")},
                    {"one_end", kept("one_end")},
                    {"item_text", kept("text")},
                    {"item_due", kept("due")}};
    if (auto created = ctx.request.query.get("created")) {
        data["done_text"] =
            fmt::format(fmt::runtime(text_of(ctx, "coord_done_schedule")), std::string(*created));
    } else if (ctx.request.query.get("added")) {
        data["done_text"] = text_of(ctx, "coord_done_occurrence");
    }
    int status = 200;
    if (!errors.empty()) {
        add_form_errors(data, errors);
        status = 422;
    }
    return render_page(ctx, templates, "coord_activity_title", "coordinator_activity",
                       std::move(data), status);
}

Response activity_page(RequestContext& ctx, const views::Templates& templates) {
    ManagedActivity managed = resolve_activity(ctx, templates);
    if (managed.response) {
        return std::move(*managed.response);
    }
    return activity_response(ctx, templates, managed, {});
}

Response rename_activity(RequestContext& ctx, const views::Templates& templates) {
    ManagedActivity managed = resolve_activity(ctx, templates);
    if (managed.response) {
        return std::move(*managed.response);
    }
    const std::string title(form_of(ctx).value("title"));
    if (auto error = check_title(ctx, title)) {
        return activity_response(ctx, templates, managed, {*error});
    }
    auto renamed = ctx.services.community.rename_activity(managed.view->activity.id, title);
    if (!renamed) {
        return failure_page(ctx, templates, renamed.error());
    }
    return Response::redirect(activity_link(managed.view->activity.id));
}

// The catalogue key of a schedule form field's label.
std::string_view schedule_label(std::string_view field) {
    if (field == "weekday") {
        return "coord_field_weekday";
    }
    if (field == "start") {
        return "coord_field_start";
    }
    if (field == "end") {
        return "coord_field_end";
    }
    if (field == "from") {
        return "coord_field_from";
    }
    return "coord_field_until";
}

Response add_schedule(RequestContext& ctx, const views::Templates& templates) {
    ManagedActivity managed = resolve_activity(ctx, templates);
    if (managed.response) {
        return std::move(*managed.response);
    }
    const Params form = form_of(ctx);
    core::WeeklySchedule schedule;
    schedule.activity = managed.view->activity.id;
    std::vector<FieldError> errors;
    const auto weekday = form.value("weekday");
    if (weekday.size() == 1 && weekday[0] >= '1' && weekday[0] <= '7') {
        schedule.weekday = weekday[0] - '0';
    } else {
        errors.push_back(field_problem(ctx, "weekday", "coord_field_weekday",
                                       core::message(ctx.lang, core::Msg::WeekdayOutOfRange)));
    }
    for (const auto& [field, minute] :
         {std::pair{"start", &schedule.start_minute}, std::pair{"end", &schedule.end_minute}}) {
        if (auto parsed = parse_form_clock(form.value(field))) {
            *minute = *parsed;
        } else {
            errors.push_back(field_problem(ctx, field, schedule_label(field),
                                           text_of(ctx, "coord_error_clock")));
        }
    }
    for (const auto& [field, day] :
         {std::pair{"from", &schedule.from}, std::pair{"until", &schedule.until}}) {
        if (auto parsed = parse_form_date(form.value(field))) {
            *day = *parsed;
        } else {
            errors.push_back(
                field_problem(ctx, field, schedule_label(field), text_of(ctx, "coord_error_date")));
        }
    }
    // Said here rather than by validate_schedule, whose message names the other field by its
    // bundle name.
    if (errors.empty() && schedule.until < schedule.from) {
        errors.push_back(field_problem(ctx, "until", "coord_field_until",
                                       text_of(ctx, "coord_error_until_before_from")));
    }
    if (errors.empty()) {
        if (auto valid = core::validate_schedule(schedule, ctx.lang); !valid) {
            errors.push_back(field_problem(ctx, valid.error().field,
                                           schedule_label(valid.error().field),
                                           valid.error().message));
        }
    }
    if (!errors.empty()) {
        return activity_response(ctx, templates, managed, errors);
    }
    auto added = ctx.services.community.add_schedule(schedule);
    if (!added) {
        return failure_page(ctx, templates, added.error());
    }
    return Response::redirect(
        with_query(activity_link(schedule.activity), "created", std::to_string(*added)));
}

Response add_occurrence(RequestContext& ctx, const views::Templates& templates) {
    ManagedActivity managed = resolve_activity(ctx, templates);
    if (managed.response) {
        return std::move(*managed.response);
    }
    const Params form = form_of(ctx);
    std::vector<FieldError> errors;
    auto date = parse_form_date(form.value("date"));
    if (!date) {
        errors.push_back(
            field_problem(ctx, "date", "coord_field_date", text_of(ctx, "coord_error_date")));
    }
    auto start = parse_form_clock(form.value("one_start"));
    if (!start) {
        errors.push_back(field_problem(ctx, "one_start", "coord_field_start",
                                       text_of(ctx, "coord_error_clock")));
    }
    auto end = parse_form_clock(form.value("one_end"));
    if (!end) {
        errors.push_back(
            field_problem(ctx, "one_end", "coord_field_end", text_of(ctx, "coord_error_clock")));
    } else if (start && *end <= *start) {
        errors.push_back(field_problem(ctx, "one_end", "coord_field_end",
                                       core::message(ctx.lang, core::Msg::EndNotAfterStart)));
    }
    if (!errors.empty()) {
        return activity_response(ctx, templates, managed, errors);
    }
    const core::LocalTime midnight = static_cast<core::LocalTime>(*date) * 86400;
    auto added = ctx.services.community.add_occurrence(
        managed.view->activity.id, midnight + *start * 60, midnight + *end * 60);
    if (!added) {
        return failure_page(ctx, templates, added.error());
    }
    return Response::redirect(with_query(activity_link(managed.view->activity.id), "added", "1"));
}

Response add_action_item(RequestContext& ctx, const views::Templates& templates) {
    ManagedActivity managed = resolve_activity(ctx, templates);
    if (managed.response) {
        return std::move(*managed.response);
    }
    if (managed.view->activity.kind != core::ActivityKind::Cause) {
        return error_page(ctx, templates, 400);
    }
    const Params form = form_of(ctx);
    core::ActionItem item;
    item.activity = managed.view->activity.id;
    item.text = std::string(form.value("text"));
    std::vector<FieldError> errors;
    if (item.text.empty()) {
        errors.push_back(field_missing(ctx, "text", "coord_field_item"));
    } else if (item.text.size() > MAX_ITEM_LENGTH) {
        errors.push_back(
            field_problem(ctx, "text", "coord_field_item", text_of(ctx, "coord_error_too_long")));
    }
    if (!form.value("due").empty()) {
        item.due = parse_form_date(form.value("due"));
        if (!item.due) {
            errors.push_back(
                field_problem(ctx, "due", "coord_field_due", text_of(ctx, "coord_error_date")));
        }
    }
    if (!errors.empty()) {
        return activity_response(ctx, templates, managed, errors);
    }
    auto added = ctx.services.community.add_action_item(item);
    if (!added) {
        return failure_page(ctx, templates, added.error());
    }
    return Response::redirect(activity_link(item.activity));
}

Response mark_action_item(RequestContext& ctx, const views::Templates& templates) {
    ManagedActivity managed = resolve_activity(ctx, templates);
    if (managed.response) {
        return std::move(*managed.response);
    }
    // The item must belong to this activity, or the place check above would prove nothing.
    const std::string item_id(ctx.params.value("item"));
    const core::ActionItem* item = nullptr;
    for (const core::ActionItem& candidate : managed.view->action_items) {
        if (std::to_string(candidate.id) == item_id) {
            item = &candidate;
        }
    }
    if (item == nullptr) {
        return error_page(ctx, templates, 404);
    }
    const bool done = form_of(ctx).value("done") == "1";
    auto marked = ctx.services.community.set_action_item_done(item->id, done);
    if (!marked) {
        return failure_page(ctx, templates, marked.error());
    }
    return Response::redirect(activity_link(managed.view->activity.id));
}

}  // namespace

std::vector<Route> coordinator_activity_routes(const views::Templates& templates) {
    const std::vector<AccountRole> coordinators{AccountRole::Coordinator};
    const views::Templates* t = &templates;
    const auto route = [&](Method method, std::string pattern,
                           Response (*handler)(RequestContext&, const views::Templates&)) {
        return Route{method,       std::move(pattern),
                     false,        false,
                     coordinators, [t, handler](RequestContext& ctx) { return handler(ctx, *t); }};
    };
    return {
        route(Method::Get, "/coordinator/places/:id/activities", activities_page),
        route(Method::Post, "/coordinator/places/:id/activities", create_activity),
        route(Method::Get, "/coordinator/activities/:id", activity_page),
        route(Method::Post, "/coordinator/activities/:id/rename", rename_activity),
        route(Method::Post, "/coordinator/activities/:id/schedules", add_schedule),
        route(Method::Post, "/coordinator/activities/:id/occurrences", add_occurrence),
        route(Method::Post, "/coordinator/activities/:id/action-items", add_action_item),
        route(Method::Post, "/coordinator/activities/:id/action-items/:item", mark_action_item),
    };
}

}  // namespace samskab::web::pages
