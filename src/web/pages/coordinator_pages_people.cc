#include <charconv>
#include <string>
#include <vector>

#include "web/http/http_parsing.h"
#include "web/http/services.h"
#include "web/pages/coordinator_pages.h"
#include "web/pages/host_pages_support.h"
#include "web/pages/page.h"
#include "web/pages/privacy_support.h"

namespace samskab::web::pages {

namespace {

using core::AccountRole;

std::string people_link(std::string_view partnership) {
    return with_query("/coordinator/people", "partnership", partnership);
}

// People listed per page: a partnership may have tens of thousands, and each person listed is
// one line in the access log.
constexpr std::size_t PEOPLE_PER_PAGE = 50;

// The page asked for (1 = the first); like "what's on"'s week, anything else than a positive
// number is the first page.
std::size_t page_number(const RequestContext& ctx) {
    std::string_view text = ctx.request.query.value("page");
    std::size_t page = 1;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), page);
    if (error != std::errc() || end != text.data() + text.size() || page == 0) {
        return 1;
    }
    return page;
}

std::string people_page_link(std::string_view partnership, std::size_t page) {
    std::string link = people_link(partnership);
    if (page > 1) {
        link += "&page=" + std::to_string(page);
    }
    return link;
}

// The partnership a people page is about: `id` when the principal coordinates in it (403
// otherwise, also for an unknown id, so that ids cannot be probed), else the only one; with
// several, a page on which to choose.
struct ChosenPartnership {
    std::optional<core::Partnership> partnership;
    std::optional<Response> response;
};

ChosenPartnership resolve_partnership(const RequestContext& ctx, const views::Templates& templates,
                                      std::string_view id) {
    ChosenPartnership result;
    auto partnerships = partnerships_in_scope(ctx, AccountRole::Coordinator);
    if (!partnerships) {
        result.response = failure_page(ctx, templates, partnerships.error());
        return result;
    }
    if (!id.empty()) {
        for (core::Partnership& partnership : *partnerships) {
            if (partnership.id == id) {
                result.partnership = std::move(partnership);
                return result;
            }
        }
        result.response = error_page(ctx, templates, 403);
        return result;
    }
    if (partnerships->size() == 1) {
        result.partnership = std::move(partnerships->front());
        return result;
    }
    if (partnerships->empty()) {
        result.response = error_page(ctx, templates, 403);
        return result;
    }
    mstch::array links;
    for (const core::Partnership& partnership : *partnerships) {
        links.push_back(
            mstch::map{{"href", people_link(partnership.id)}, {"name", partnership.name}});
    }
    result.response =
        render_page(ctx, templates, "coord_choose_partnership_title",
                    "coordinator_choose_partnership", mstch::map{{"partnerships", links}});
    return result;
}

std::vector<std::pair<std::string, std::string>> channel_choices(const RequestContext& ctx) {
    std::vector<std::pair<std::string, std::string>> choices{{"", text_of(ctx, "coord_unknown")}};
    for (std::size_t i = 0; i < core::COUNT<core::EntryChannel>; ++i) {
        const std::string name(core::name_of(static_cast<core::EntryChannel>(i)));
        choices.emplace_back(name, text_of(ctx, "coord_channel_" + name));
    }
    return choices;
}

Response people_response(const RequestContext& ctx, const views::Templates& templates,
                         const core::Partnership& partnership,
                         const std::vector<FieldError>& errors) {
    // The flag is health data: shown to coordinators of the whole partnership, whose people
    // these are, and not to a coordinator of one of its places, who sees only their place's
    // participants on the occurrence pages.
    const bool with_flag = may_act_for_partnership(ctx, AccountRole::Coordinator, partnership.id);
    std::size_t page = page_number(ctx);
    auto people = ctx.services.community.people_page(partnership.id, with_flag,
                                                     (page - 1) * PEOPLE_PER_PAGE, PEOPLE_PER_PAGE);
    if (!people) {
        return failure_page(ctx, templates, people.error());
    }
    const std::size_t pages =
        std::max<std::size_t>(1, (people->total + PEOPLE_PER_PAGE - 1) / PEOPLE_PER_PAGE);
    if (page > pages) {
        // Past the end (the list has shrunk since the link was made): the last page.
        page = pages;
        people = ctx.services.community.people_page(partnership.id, with_flag,
                                                    (page - 1) * PEOPLE_PER_PAGE, PEOPLE_PER_PAGE);
        if (!people) {
            return failure_page(ctx, templates, people.error());
        }
    }
    mstch::array rows;
    for (const core::PersonSummary& person : people->people) {
        rows.push_back(mstch::map{
            {"id", person.id},
            {"name", person.name},
            {"support", with_flag && person.support_need.value_or(false)},
            {"account_href", with_query("/coordinator/accounts/new", "person", person.id)},
            // The person's page (consents, corrections, erasure) is for coordinators of the
            // whole partnership, the same who see the flag.
            {"person_page", with_flag},
            {"person_href", "/coordinator/people/" + percent_encode(person.id)}});
    }
    const Params form = form_of(ctx);
    mstch::map data{
        {"page_title", text_of(ctx, "coord_people_title") + " – " + partnership.name},
        {"partnership_id", partnership.id},
        {"with_flag", with_flag},
        {"has_people", !rows.empty()},
        {"people", rows},
        {"count", std::to_string(people->total)},
        {"paged", pages > 1},
        {"first_shown", std::to_string((page - 1) * PEOPLE_PER_PAGE + 1)},
        {"last_shown", std::to_string((page - 1) * PEOPLE_PER_PAGE + people->people.size())},
        {"page", std::to_string(page)},
        {"pages", std::to_string(pages)},
        {"has_previous", page > 1},
        {"previous_href", people_page_link(partnership.id, page - 1)},
        {"has_next", page < pages},
        {"next_href", people_page_link(partnership.id, page + 1)},
        {"name", std::string(form.value("name"))},
        {"joined", std::string(form.value("joined"))},
        {"channel_options", select_options(channel_choices(ctx), form.value("entry_channel"))},
        {"created", ctx.request.query.value("created") == "1"}};
    // Each person listed can see on their own page that the list showed them.
    std::vector<std::string> shown;
    for (const core::PersonSummary& person : people->people) {
        shown.push_back(person.id);
    }
    if (auto logged = log_person_views(ctx, shown); !logged) {
        return failure_page(ctx, templates, logged.error());
    }
    int status = 200;
    if (!errors.empty()) {
        add_form_errors(data, errors);
        status = 422;
    }
    return render_page(ctx, templates, "coord_people_title", "coordinator_people", std::move(data),
                       status);
}

Response people_page(RequestContext& ctx, const views::Templates& templates) {
    ChosenPartnership chosen =
        resolve_partnership(ctx, templates, ctx.request.query.value("partnership"));
    if (chosen.response) {
        return std::move(*chosen.response);
    }
    return people_response(ctx, templates, *chosen.partnership, {});
}

Response create_person(RequestContext& ctx, const views::Templates& templates) {
    const Params form = form_of(ctx);
    const std::string_view partnership_id = form.value("partnership");
    if (partnership_id.empty()) {
        return error_page(ctx, templates, 400);
    }
    ChosenPartnership chosen = resolve_partnership(ctx, templates, partnership_id);
    if (chosen.response) {
        return std::move(*chosen.response);
    }
    core::NewPerson person;
    person.name = std::string(form.value("name"));
    person.partnership = chosen.partnership->id;
    std::vector<FieldError> errors;
    if (person.name.empty()) {
        errors.push_back(field_missing(ctx, "name", "coord_field_person_name"));
    } else if (person.name.size() > core::MAX_PERSON_NAME_LENGTH) {
        errors.push_back(field_problem(ctx, "name", "coord_field_person_name",
                                       text_of(ctx, "coord_error_too_long")));
    }
    if (!form.value("joined").empty()) {
        person.joined = parse_form_date(form.value("joined"));
        if (!person.joined) {
            errors.push_back(field_problem(ctx, "joined", "coord_field_joined",
                                           text_of(ctx, "coord_error_date")));
        }
    }
    if (!form.value("entry_channel").empty()) {
        person.entry_channel = core::parse_name<core::EntryChannel>(form.value("entry_channel"));
        if (!person.entry_channel) {
            errors.push_back(field_problem(ctx, "entry_channel", "coord_field_channel",
                                           text_of(ctx, "coord_error_choose")));
        }
    }
    if (!errors.empty()) {
        return people_response(ctx, templates, *chosen.partnership, errors);
    }
    auto created = ctx.services.community.create_person(person);
    if (!created) {
        return failure_page(ctx, templates, created.error());
    }
    return Response::redirect(with_query(people_link(person.partnership), "created", "1"));
}

}  // namespace

std::vector<Route> coordinator_people_routes(const views::Templates& templates) {
    const std::vector<AccountRole> coordinators{AccountRole::Coordinator};
    const views::Templates* t = &templates;
    return {
        Route{Method::Get, "/coordinator/people", false, false, coordinators,
              [t](RequestContext& ctx) { return people_page(ctx, *t); }},
        Route{Method::Post, "/coordinator/people", false, false, coordinators,
              [t](RequestContext& ctx) { return create_person(ctx, *t); }},
    };
}

}  // namespace samskab::web::pages
