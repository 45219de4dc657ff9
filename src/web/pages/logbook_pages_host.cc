// The host's logbooks: at their place, the templates to fill in and today's entries; the entry
// form, one column with large inputs for a phone, where "people present" are checkboxes of the
// people checked in today and of a name search.
#include <algorithm>

#include "web/http/services.h"
#include "web/pages/host_pages.h"
#include "web/pages/host_pages_support.h"
#include "web/pages/logbook_pages.h"
#include "web/pages/page.h"
#include "web/pages/privacy_support.h"
#include "web/views/format.h"

namespace samskab::web::pages {

namespace {

using core::AccountRole;

constexpr int SEARCH_LIMIT = 20;

std::string input_name(const core::TemplateField& field) {
    return "f_" + field.key;
}

Response logbook_list_page(RequestContext& ctx, const views::Templates& templates) {
    if (ctx.services.logbooks == nullptr) {
        return error_page(ctx, templates, 404);
    }
    HostPlace host =
        resolve_host_place(ctx, templates, ctx.request.query.value("place"), "/host/logbooks");
    if (host.response) {
        return std::move(*host.response);
    }
    const std::string& place = host.place->place.id;
    auto found = ctx.services.logbooks->templates_at_place(place);
    auto today = ctx.services.logbooks->entries_at(place, ctx.services.clock.today());
    if (!found || !today) {
        return failure_page(ctx, templates, !found ? found.error() : today.error());
    }
    mstch::array logbooks;
    for (const core::LogbookTemplate& logbook : *found) {
        if (logbook.current() && !logbook.current()->fields.empty()) {
            logbooks.push_back(
                mstch::map{{"name", logbook.name}, {"href", "/host/logbooks/" + logbook.id}});
        }
    }
    mstch::array written;
    for (const core::LogbookEntry& entry : *today) {
        const auto logbook = std::find_if(found->begin(), found->end(),
                                          [&](const auto& t) { return t.id == entry.template_id; });
        written.push_back(mstch::map{
            {"name", logbook != found->end() ? logbook->name : entry.template_id},
            {"time",
             format_minutes(static_cast<int>((entry.written_at % 86400 + 86400) % 86400 / 60),
                            ctx.lang)},
            {"author", entry.author_name}});
    }
    const mstch::array places = place_links(host, "/host/logbooks");
    mstch::map data{
        {"page_title", text_of(ctx, "logbook_host_title") + " – " + host.place->place.name},
        {"has_logbooks", !logbooks.empty()},
        {"logbooks", std::move(logbooks)},
        {"has_written", !written.empty()},
        {"written", std::move(written)},
        {"has_other_places", !places.empty()},
        {"other_places", places},
        {"today_href", with_query("/host/today", "place", place)},
        {"written_now", ctx.request.query.value("done") == "written"}};
    return render_page(ctx, templates, "logbook_host_title", "logbook_host", std::move(data));
}

// The form of `version`, filled with what `form` sent (after a refused entry) and `errors`.
Response logbook_form_response(const RequestContext& ctx, const views::Templates& templates,
                               const LogbookAccess& access, const core::TemplateVersion& version,
                               const Params& form, const std::vector<FieldError>& errors = {}) {
    const core::Day today = ctx.services.clock.today();
    auto here = ctx.services.community.checked_in(access.place->place.id, today);
    if (!here) {
        return failure_page(ctx, templates, here.error());
    }
    std::vector<core::PersonSummary> people;
    for (const core::CheckInView& view : *here) {
        people.push_back(view.person);
    }
    const std::string query(ctx.request.query.value("q"));
    if (!query.empty()) {
        auto found = ctx.services.community.search_people(access.place->place.partnership, query,
                                                          SEARCH_LIMIT);
        if (!found) {
            return failure_page(ctx, templates, found.error());
        }
        for (const core::PersonSummary& person : *found) {
            if (std::none_of(people.begin(), people.end(),
                             [&](const auto& p) { return p.id == person.id; })) {
                people.push_back(person);
            }
        }
    }
    // The people to choose from are listed by name: logged per person.
    std::vector<std::string> shown;
    for (const core::PersonSummary& person : people) {
        shown.push_back(person.id);
    }
    if (auto logged = log_person_views(ctx, shown); !logged) {
        return failure_page(ctx, templates, logged.error());
    }
    mstch::array fields;
    for (const core::TemplateField& field : version.fields) {
        const std::string name = input_name(field);
        const std::vector<std::string_view> sent = form.all(name);
        const auto was_sent = [&](std::string_view value) {
            return std::find(sent.begin(), sent.end(), value) != sent.end();
        };
        mstch::array choices;
        // Each choice's element id: the input's name and its position (values may hold spaces).
        const auto add = [&](std::string value, std::string label) {
            const bool checked = was_sent(value);
            choices.push_back(mstch::map{{"id", name + "-" + std::to_string(choices.size() + 1)},
                                         {"value", std::move(value)},
                                         {"label", std::move(label)},
                                         {"checked", checked}});
        };
        if (core::has_options(field.type)) {
            for (const std::string& option : field.options) {
                add(option, option);
            }
        } else if (field.type == core::FieldType::Scale) {
            for (int step = core::SCALE_MIN; step <= core::SCALE_MAX; ++step) {
                add(std::to_string(step), std::to_string(step));
            }
        } else if (field.type == core::FieldType::YesNo) {
            add("yes", text_of(ctx, "logbook_yes"));
            add("no", text_of(ctx, "logbook_no"));
        } else if (field.type == core::FieldType::PeoplePresent) {
            for (const core::PersonSummary& person : people) {
                add(person.id, person.name);
            }
        }
        const auto error = std::find_if(errors.begin(), errors.end(),
                                        [&](const FieldError& e) { return e.field == name; });
        mstch::map item{
            {"name", name},
            {"label", field.label},
            {"required", field.required},
            {"value", sent.empty() ? std::string() : std::string(sent.front())},
            {"choices", std::move(choices)},
            {"is_text", field.type == core::FieldType::Text},
            {"is_number", field.type == core::FieldType::Number},
            {"is_date", field.type == core::FieldType::Date},
            {"is_radio", field.type == core::FieldType::Choice ||
                             field.type == core::FieldType::Scale ||
                             field.type == core::FieldType::YesNo},
            {"is_checkboxes", field.type == core::FieldType::MultipleChoice},
            {"is_people", field.type == core::FieldType::PeoplePresent},
            {"no_people", field.type == core::FieldType::PeoplePresent && people.empty()}};
        if (error != errors.end()) {
            item["error"] = error->message;
        }
        fields.push_back(std::move(item));
    }
    const std::string action = "/host/logbooks/" + access.logbook->id;
    mstch::map data{{"page_title", access.logbook->name},
                    {"action", action},
                    {"version", std::to_string(version.number)},
                    {"query", query},
                    {"today_text", views::format_day(today, ctx.lang)},
                    {"fields", std::move(fields)},
                    {"back_href", with_query("/host/logbooks", "place", access.place->place.id)}};
    int status = 200;
    if (!errors.empty()) {
        add_form_errors(data, errors);
        status = 422;
    }
    return render_page(ctx, templates, "logbook_host_title", "logbook_host_form", std::move(data),
                       status);
}

Response logbook_form_page(RequestContext& ctx, const views::Templates& templates) {
    LogbookAccess access =
        resolve_logbook(ctx, templates, ctx.params.value("id"), AccountRole::Host);
    if (access.response) {
        return std::move(*access.response);
    }
    const core::TemplateVersion* current = access.logbook->current();
    if (current == nullptr || current->fields.empty()) {
        return error_page(ctx, templates, 404);
    }
    return logbook_form_response(ctx, templates, access, *current, Params{});
}

Response write_entry(RequestContext& ctx, const views::Templates& templates) {
    LogbookAccess access =
        resolve_logbook(ctx, templates, ctx.params.value("id"), AccountRole::Host);
    if (access.response) {
        return std::move(*access.response);
    }
    const Params form = form_of(ctx);
    // The version the form was made from: a template changed while the host was typing still
    // takes the entry as it was asked for.
    const core::TemplateVersion* version = access.logbook->current();
    for (const core::TemplateVersion& v : access.logbook->versions) {
        if (std::to_string(v.number) == form.value("version")) {
            version = &v;
        }
    }
    if (version == nullptr || version->fields.empty()) {
        return error_page(ctx, templates, 404);
    }
    core::EntryInput input;
    for (const core::TemplateField& field : version->fields) {
        for (std::string_view value : form.all(input_name(field))) {
            input[field.key].emplace_back(value);
        }
    }
    const std::string& partnership = access.place->place.partnership;
    std::optional<core::Error> lookup_failed;
    const auto is_known = [&](std::string_view person) {
        auto partnerships = ctx.services.community.partnerships_of(person);
        if (!partnerships) {
            lookup_failed = partnerships.error();
            return false;
        }
        return std::find(partnerships->begin(), partnerships->end(), partnership) !=
               partnerships->end();
    };
    core::ParsedEntry parsed = core::parse_entry(*version, input, is_known, ctx.lang);
    if (lookup_failed) {
        return failure_page(ctx, templates, *lookup_failed);
    }
    if (!parsed.errors.empty()) {
        std::vector<FieldError> errors;
        for (const core::Error& error : parsed.errors) {
            const core::TemplateField* field = version->field(error.field);
            errors.push_back(
                FieldError{field ? input_name(*field) : error.field, sentence(error.message)});
        }
        return logbook_form_response(ctx, templates, access, *version, form, errors);
    }
    core::LogbookEntry entry;
    entry.template_id = access.logbook->id;
    entry.version = version->number;
    entry.day = ctx.services.clock.today();
    entry.author = ctx.principal->account;
    entry.written_at = ctx.services.clock.now();
    entry.values = std::move(parsed.values);
    if (auto written = ctx.services.logbooks->write_entry(entry); !written) {
        return failure_page(ctx, templates, written.error());
    }
    return Response::redirect(with_query(
        with_query("/host/logbooks", "place", access.place->place.id), "done", "written"));
}

}  // namespace

std::vector<Route> logbook_host_routes(const views::Templates& templates) {
    const std::vector<AccountRole> hosts{AccountRole::Host};
    const views::Templates* t = &templates;
    return {
        Route{Method::Get, "/host/logbooks", false, false, hosts,
              [t](RequestContext& ctx) { return logbook_list_page(ctx, *t); }},
        Route{Method::Get, "/host/logbooks/:id", false, false, hosts,
              [t](RequestContext& ctx) { return logbook_form_page(ctx, *t); }},
        Route{Method::Post, "/host/logbooks/:id", false, false, hosts,
              [t](RequestContext& ctx) { return write_entry(ctx, *t); }},
    };
}

}  // namespace samskab::web::pages
