// The partnership's evaluation page, its codebook (add, rename, retire a theme) and its
// interview guides (questions in order).
#include <string>
#include <vector>

#include "core/starting_codebook.h"
#include "web/http/services.h"
#include "web/pages/host_pages_support.h"
#include "web/pages/interview_pages.h"
#include "web/pages/page.h"
#include "web/pages/privacy_support.h"
#include "web/views/format.h"

namespace samskab::web::pages {

namespace {

using core::AccountRole;

std::vector<std::pair<std::string, std::string>> group_choices(const RequestContext& ctx) {
    std::vector<std::pair<std::string, std::string>> choices;
    for (std::size_t g = 0; g < core::THEME_GROUP_COUNT; ++g) {
        const auto group = static_cast<core::ThemeGroup>(g);
        choices.emplace_back(std::string(core::theme_group_name(group)),
                             text_of(ctx, group_key(group)));
    }
    return choices;
}

std::vector<std::pair<std::string, std::string>> people_choices(const RequestContext& ctx,
                                                                std::string_view partnership) {
    std::vector<std::pair<std::string, std::string>> choices{{"", text_of(ctx, "eval_no_person")}};
    auto people = ctx.services.community.people_of(partnership, false);
    if (people) {
        for (const core::PersonSummary& person : *people) {
            choices.emplace_back(person.id, person.name);
        }
    }
    return choices;
}

// The partnership's evaluation page: guides, interviews, and the links to the codebook, the
// theme summary and the check. `errors` belong to the new guide's or new interview's form.
Response home_response(RequestContext& ctx, const views::Templates& templates,
                       const EvaluationScope& scope, mstch::map data,
                       const std::vector<FieldError>& errors) {
    const core::Partnership& partnership = *scope.partnership;
    auto guides = scope.store->guides(partnership.id);
    if (!guides) {
        return failure_page(ctx, templates, guides.error());
    }
    auto interviews = scope.store->interviews(partnership.id);
    if (!interviews) {
        return failure_page(ctx, templates, interviews.error());
    }
    const std::string base = evaluation_base(partnership.id);
    mstch::array guide_rows;
    std::vector<std::pair<std::string, std::string>> guide_choices;
    for (const core::InterviewGuide& guide : *guides) {
        guide_rows.push_back(mstch::map{{"title", guide.title},
                                        {"href", "/coordinator/guides/" + std::to_string(guide.id)},
                                        {"questions", std::to_string(guide.questions.size())}});
        guide_choices.emplace_back(std::to_string(guide.id), guide.title);
    }
    mstch::array interview_rows;
    for (const core::Interview& interview : *interviews) {
        std::string guide_title;
        for (const core::InterviewGuide& guide : *guides) {
            if (guide.id == interview.guide) {
                guide_title = guide.title;
            }
        }
        interview_rows.push_back(
            mstch::map{{"date", views::format_date(interview.date, ctx.lang)},
                       {"interviewee", interview.interviewee},
                       {"guide", guide_title},
                       {"interviewer", interview.interviewer_name},
                       {"href", "/coordinator/interviews/" + std::to_string(interview.id)}});
    }
    data["partnership_name"] = partnership.name;
    data["page_title"] = text_of(ctx, "eval_title") + " – " + partnership.name;
    data["codebook_href"] = base + "/codebook";
    data["themes_href"] = base + "/themes";
    data["check_href"] = base + "/check";
    data["surveys_href"] = base + "/surveys";
    data["codings_csv_href"] = base + "/codings.csv";
    data["codings_xlsx_href"] = base + "/codings.xlsx";
    data["guides_action"] = base + "/guides";
    data["interviews_action"] = base + "/interviews";
    data["guides"] = guide_rows;
    data["has_guides"] = !guide_rows.empty();
    data["interviews"] = interview_rows;
    data["has_interviews"] = !interview_rows.empty();
    const std::string chosen_guide =
        data.count("guide") ? boost::get<std::string>(data["guide"]) : std::string();
    data["guide_options"] = select_options(guide_choices, chosen_guide);
    const std::string chosen_person =
        data.count("person") ? boost::get<std::string>(data["person"]) : std::string();
    const auto people = people_choices(ctx, partnership.id);
    // The interviewee's choices list the partnership's people by name: logged per person.
    std::vector<std::string> shown;
    for (const auto& [id, name] : people) {
        shown.push_back(id);
    }
    if (auto logged = log_person_views(ctx, shown); !logged) {
        return failure_page(ctx, templates, logged.error());
    }
    data["person_options"] = select_options(people, chosen_person);
    if (!data.count("date")) {
        data["date"] = core::format_date(core::day_of(ctx.services.clock.now()));
    }
    int status = 200;
    if (!errors.empty()) {
        add_form_errors(data, errors);
        status = 422;
    }
    return render_page(ctx, templates, "eval_title", "evaluation_home", std::move(data), status);
}

Response codebook_home_page(RequestContext& ctx, const views::Templates& templates) {
    EvaluationScope scope = resolve_evaluation(ctx, templates, ctx.params.value("id"));
    if (scope.response) {
        return std::move(*scope.response);
    }
    return home_response(ctx, templates, scope, mstch::map{}, {});
}

Response create_guide(RequestContext& ctx, const views::Templates& templates) {
    EvaluationScope scope = resolve_evaluation(ctx, templates, ctx.params.value("id"));
    if (scope.response) {
        return std::move(*scope.response);
    }
    const Params form = form_of(ctx);
    const std::string title(form.value("title"));
    if (auto valid = core::validate_guide_title(title, ctx.lang); !valid) {
        return home_response(ctx, templates, scope, mstch::map{{"title", title}},
                             {field_error(valid.error())});
    }
    auto created = scope.store->create_guide(scope.partnership->id, title);
    if (!created) {
        return failure_page(ctx, templates, created.error());
    }
    return Response::redirect("/coordinator/guides/" + std::to_string(*created));
}

Response create_interview(RequestContext& ctx, const views::Templates& templates) {
    EvaluationScope scope = resolve_evaluation(ctx, templates, ctx.params.value("id"));
    if (scope.response) {
        return std::move(*scope.response);
    }
    const Params form = form_of(ctx);
    mstch::map data{{"guide", std::string(form.value("guide"))},
                    {"date", std::string(form.value("date"))},
                    {"interviewee", std::string(form.value("interviewee"))},
                    {"person", std::string(form.value("person"))}};
    std::vector<FieldError> errors;
    core::Interview interview;
    interview.interviewer = ctx.principal->account;
    interview.interviewee = std::string(form.value("interviewee"));
    const auto guide = parse_record_id(form.value("guide"));
    // The guide must be one of this partnership's.
    if (guide) {
        auto found = scope.store->find_guide(*guide);
        if (!found) {
            return failure_page(ctx, templates, found.error());
        }
        if (*found && (*found)->partnership == scope.partnership->id) {
            interview.guide = *guide;
        }
    }
    const auto date = parse_form_date(form.value("date"));
    if (!date) {
        errors.push_back(
            field_problem(ctx, "date", "eval_field_date", text_of(ctx, "eval_error_date")));
    } else {
        interview.date = *date;
    }
    if (!form.value("person").empty()) {
        interview.person = std::string(form.value("person"));
        auto people = ctx.services.community.people_of(scope.partnership->id, false);
        if (!people) {
            return failure_page(ctx, templates, people.error());
        }
        bool known = false;
        for (const core::PersonSummary& person : *people) {
            known = known || person.id == *interview.person;
        }
        if (!known) {
            errors.push_back(field_problem(ctx, "person", "eval_field_person",
                                           text_of(ctx, "eval_error_person")));
        }
    }
    if (auto valid = core::validate_interview(interview, ctx.lang); !valid) {
        errors.insert(errors.begin(), field_error(valid.error()));
    }
    if (!errors.empty()) {
        return home_response(ctx, templates, scope, std::move(data), errors);
    }
    auto created = scope.store->create_interview(interview);
    if (!created) {
        return failure_page(ctx, templates, created.error());
    }
    return Response::redirect("/coordinator/interviews/" + std::to_string(*created));
}

// --- the codebook

Response codebook_response(RequestContext& ctx, const views::Templates& templates,
                           const EvaluationScope& scope, mstch::map data,
                           const std::vector<FieldError>& errors, std::string_view failed_theme) {
    auto themes = scope.store->codebook(scope.partnership->id);
    if (!themes) {
        return failure_page(ctx, templates, themes.error());
    }
    const std::string base = evaluation_base(scope.partnership->id);
    mstch::array groups;
    for (std::size_t g = 0; g < core::THEME_GROUP_COUNT; ++g) {
        const auto group = static_cast<core::ThemeGroup>(g);
        mstch::array rows;
        for (const core::Theme& theme : *themes) {
            if (theme.group != group) {
                continue;
            }
            mstch::map row{{"id", theme.id},
                           {"name", core::theme_name(theme, ctx.lang)},
                           {"name_da", theme.name_da},
                           {"name_en", theme.name_en},
                           {"description_da", theme.description_da},
                           {"description_en", theme.description_en},
                           {"description", core::theme_description(theme, ctx.lang)},
                           {"active", theme.active},
                           {"action", base + "/codebook/" + theme.id},
                           {"group_options", select_options(group_choices(ctx),
                                                            core::theme_group_name(theme.group))}};
            if (theme.id == failed_theme && !errors.empty()) {
                row["row_error"] = errors.front().message;
            }
            rows.push_back(std::move(row));
        }
        if (!rows.empty()) {
            groups.push_back(
                mstch::map{{"title", text_of(ctx, group_key(group))}, {"themes", std::move(rows)}});
        }
    }
    data["groups"] = groups;
    data["add_action"] = base + "/codebook";
    data["evaluation_href"] = base + "/evaluation";
    data["partnership_name"] = scope.partnership->name;
    const std::string chosen =
        data.count("group") ? boost::get<std::string>(data["group"]) : std::string("other");
    data["new_group_options"] = select_options(group_choices(ctx), chosen);
    auto own = scope.store->has_own_codebook(scope.partnership->id);
    data["starting"] = own && !*own;
    data["saved"] = ctx.request.query.value("saved") == "1";
    int status = 200;
    if (!errors.empty()) {
        if (failed_theme.empty()) {
            add_form_errors(data, errors);
        } else {
            add_form_errors(
                data, {FieldError{"name_da-" + std::string(failed_theme), errors.front().message}});
        }
        status = 422;
    }
    return render_page(ctx, templates, "eval_codebook_title", "evaluation_codebook",
                       std::move(data), status);
}

Response codebook_page(RequestContext& ctx, const views::Templates& templates) {
    EvaluationScope scope = resolve_evaluation(ctx, templates, ctx.params.value("id"));
    if (scope.response) {
        return std::move(*scope.response);
    }
    return codebook_response(ctx, templates, scope, mstch::map{}, {}, "");
}

// The theme as submitted; `errors` gets the group's problem.
core::Theme submitted_theme(const RequestContext& ctx, const Params& form,
                            std::vector<FieldError>& errors) {
    core::Theme theme;
    theme.name_da = std::string(form.value("name_da"));
    theme.name_en = std::string(form.value("name_en"));
    theme.description_da = std::string(form.value("description_da"));
    theme.description_en = std::string(form.value("description_en"));
    theme.active = form.value("active") == "1";
    auto group = core::parse_theme_group(form.value("group"));
    if (!group) {
        errors.push_back(
            field_problem(ctx, "group", "eval_field_group", text_of(ctx, "eval_error_choice")));
    } else {
        theme.group = *group;
    }
    if (auto valid = core::validate_theme(theme, ctx.lang); !valid) {
        errors.insert(errors.begin(), field_error(valid.error()));
    }
    return theme;
}

Response add_theme(RequestContext& ctx, const views::Templates& templates) {
    EvaluationScope scope = resolve_evaluation(ctx, templates, ctx.params.value("id"));
    if (scope.response) {
        return std::move(*scope.response);
    }
    const Params form = form_of(ctx);
    std::vector<FieldError> errors;
    core::Theme theme = submitted_theme(ctx, form, errors);
    theme.active = true;
    if (!errors.empty()) {
        mstch::map data{{"new_name_da", theme.name_da},
                        {"new_name_en", theme.name_en},
                        {"new_description_da", theme.description_da},
                        {"new_description_en", theme.description_en},
                        {"group", std::string(form.value("group"))}};
        return codebook_response(ctx, templates, scope, std::move(data), errors, "");
    }
    auto saved = scope.store->save_theme(scope.partnership->id, theme);
    if (!saved) {
        return failure_page(ctx, templates, saved.error());
    }
    return Response::redirect(evaluation_base(scope.partnership->id) + "/codebook?saved=1");
}

Response update_theme(RequestContext& ctx, const views::Templates& templates) {
    EvaluationScope scope = resolve_evaluation(ctx, templates, ctx.params.value("id"));
    if (scope.response) {
        return std::move(*scope.response);
    }
    const std::string id(ctx.params.value("theme"));
    auto themes = scope.store->codebook(scope.partnership->id);
    if (!themes) {
        return failure_page(ctx, templates, themes.error());
    }
    bool known = false;
    for (const core::Theme& theme : *themes) {
        known = known || theme.id == id;
    }
    if (!known) {
        return error_page(ctx, templates, 404);
    }
    const Params form = form_of(ctx);
    std::vector<FieldError> errors;
    core::Theme theme = submitted_theme(ctx, form, errors);
    theme.id = id;
    if (!errors.empty()) {
        return codebook_response(ctx, templates, scope, mstch::map{}, errors, id);
    }
    auto saved = scope.store->save_theme(scope.partnership->id, theme);
    if (!saved) {
        return failure_page(ctx, templates, saved.error());
    }
    return Response::redirect(evaluation_base(scope.partnership->id) + "/codebook?saved=1");
}

// --- interview guides

using GuideScope = RecordScope<core::InterviewGuide>;

// The guide of the path's :id within a partnership the principal coordinates.
GuideScope resolve_guide(const RequestContext& ctx, const views::Templates& templates) {
    return resolve_record<core::InterviewGuide>(
        ctx, templates,
        [](core::InterviewStore& store, std::int64_t id) { return store.find_guide(id); },
        [](const core::InterviewGuide& guide) { return guide.partnership; });
}

Response guide_response(RequestContext& ctx, const views::Templates& templates,
                        const GuideScope& found, mstch::map data,
                        const std::vector<FieldError>& errors) {
    const core::InterviewGuide& guide = *found.record;
    const std::string base = "/coordinator/guides/" + std::to_string(guide.id);
    mstch::array questions;
    for (std::size_t i = 0; i < guide.questions.size(); ++i) {
        const core::InterviewQuestion& question = guide.questions[i];
        questions.push_back(
            mstch::map{{"number", std::to_string(i + 1)},
                       {"id", std::to_string(question.id)},
                       {"text", question.text},
                       {"action", base + "/questions/" + std::to_string(question.id)},
                       {"first", i == 0},
                       {"last", i + 1 == guide.questions.size()}});
    }
    data["page_title"] = guide.title;
    data["guide_title"] = guide.title;
    data["rename_action"] = base;
    data["add_action"] = base + "/questions";
    data["questions"] = questions;
    data["has_questions"] = !questions.empty();
    data["evaluation_href"] = evaluation_base(guide.partnership) + "/evaluation";
    if (!data.count("title")) {
        data["title"] = guide.title;
    }
    int status = 200;
    if (!errors.empty()) {
        add_form_errors(data, errors);
        status = errors.front().field == "question" ? 409 : 422;
    }
    return render_page(ctx, templates, "eval_guide_title", "evaluation_guide", std::move(data),
                       status);
}

Response guide_page(RequestContext& ctx, const views::Templates& templates) {
    GuideScope found = resolve_guide(ctx, templates);
    if (found.scope.response) {
        return std::move(*found.scope.response);
    }
    return guide_response(ctx, templates, found, mstch::map{}, {});
}

Response rename_guide(RequestContext& ctx, const views::Templates& templates) {
    GuideScope found = resolve_guide(ctx, templates);
    if (found.scope.response) {
        return std::move(*found.scope.response);
    }
    const std::string title(form_of(ctx).value("title"));
    if (auto valid = core::validate_guide_title(title, ctx.lang); !valid) {
        return guide_response(ctx, templates, found, mstch::map{{"title", title}},
                              {field_error(valid.error())});
    }
    auto renamed = found.scope.store->rename_guide(found.record->id, title);
    if (!renamed) {
        return failure_page(ctx, templates, renamed.error());
    }
    return Response::redirect("/coordinator/guides/" + std::to_string(found.record->id));
}

Response add_question(RequestContext& ctx, const views::Templates& templates) {
    GuideScope found = resolve_guide(ctx, templates);
    if (found.scope.response) {
        return std::move(*found.scope.response);
    }
    const std::string text(form_of(ctx).value("text"));
    if (auto valid = core::validate_question(text, ctx.lang); !valid) {
        return guide_response(ctx, templates, found, mstch::map{{"text", text}},
                              {field_error(valid.error())});
    }
    auto added = found.scope.store->add_question(found.record->id, text);
    if (!added) {
        return failure_page(ctx, templates, added.error());
    }
    return Response::redirect("/coordinator/guides/" + std::to_string(found.record->id));
}

// One question's form: "save" (its text), "up", "down" or "delete".
Response change_question(RequestContext& ctx, const views::Templates& templates) {
    GuideScope found = resolve_guide(ctx, templates);
    if (found.scope.response) {
        return std::move(*found.scope.response);
    }
    const auto question = parse_record_id(ctx.params.value("question"));
    bool belongs = false;
    for (const core::InterviewQuestion& q : found.record->questions) {
        belongs = belongs || (question && q.id == *question);
    }
    if (!belongs) {
        return error_page(ctx, templates, 404);
    }
    const Params form = form_of(ctx);
    const std::string_view action = form.value("action");
    core::InterviewStore& store = *found.scope.store;
    core::Result<void> done;
    if (action == "up" || action == "down") {
        done = store.move_question(*question, action == "up" ? -1 : 1);
    } else if (action == "delete") {
        done = store.remove_question(*question);
        if (!done && done.error().code == core::ErrorCode::Conflict) {
            return guide_response(
                ctx, templates, found, mstch::map{},
                {FieldError{"question-" + std::to_string(*question),
                            sentence(core::message(
                                ctx.lang, core::Msg::InterviewQuestionHasNotes,
                                {core::message(ctx.lang, core::Msg::InterviewLabelQuestion)}))}});
        }
    } else if (action == "save" || action.empty()) {
        const std::string text(form.value("text"));
        if (auto valid = core::validate_question(text, ctx.lang); !valid) {
            return guide_response(
                ctx, templates, found, mstch::map{},
                {FieldError{"question-" + std::to_string(*question), valid.error().message}});
        }
        done = store.edit_question(*question, text);
    } else {
        return guide_response(
            ctx, templates, found, mstch::map{},
            {field_problem(ctx, "action", "eval_field_action", text_of(ctx, "eval_error_choice"))});
    }
    if (!done) {
        return failure_page(ctx, templates, done.error());
    }
    return Response::redirect("/coordinator/guides/" + std::to_string(found.record->id));
}

}  // namespace

EvaluationScope resolve_evaluation(const RequestContext& ctx, const views::Templates& templates,
                                   std::string_view partnership) {
    EvaluationScope result;
    if (!ctx.services.interviews) {
        result.response = error_page(ctx, templates, 404);
        return result;
    }
    result.store = ctx.services.interviews;
    if (!may_act_for_partnership(ctx, AccountRole::Coordinator, partnership)) {
        result.response = error_page(ctx, templates, 403);
        return result;
    }
    auto partnerships = ctx.services.community.list_partnerships();
    if (!partnerships) {
        result.response = failure_page(ctx, templates, partnerships.error());
        return result;
    }
    for (core::Partnership& candidate : *partnerships) {
        if (candidate.id == partnership) {
            result.partnership = std::move(candidate);
            return result;
        }
    }
    // Coordinators of everything reach here with an unknown id.
    result.response = error_page(ctx, templates, 404);
    return result;
}

std::string evaluation_base(std::string_view partnership) {
    return "/coordinator/partnerships/" + std::string(partnership);
}

std::optional<std::int64_t> parse_record_id(std::string_view text) {
    if (text.empty() || text.size() > 18) {
        return std::nullopt;
    }
    std::int64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    if (value <= 0) {
        return std::nullopt;
    }
    return value;
}

std::string group_key(core::ThemeGroup group) {
    return "eval_group_" + std::string(core::theme_group_name(group));
}

mstch::array theme_options(const RequestContext& ctx, const std::vector<core::Theme>& themes,
                           bool active_only, std::string_view selected) {
    std::vector<std::pair<std::string, std::string>> choices;
    for (const core::Theme& theme : themes) {
        if (!active_only || theme.active) {
            choices.emplace_back(theme.id, core::theme_name(theme, ctx.lang));
        }
    }
    return select_options(choices, selected);
}

std::vector<Route> evaluation_codebook_routes(const views::Templates& templates) {
    const std::vector<AccountRole> coordinators{AccountRole::Coordinator};
    const views::Templates* t = &templates;
    return {
        Route{Method::Get, "/coordinator/partnerships/:id/evaluation", false, false, coordinators,
              [t](RequestContext& ctx) { return codebook_home_page(ctx, *t); }},
        Route{Method::Post, "/coordinator/partnerships/:id/guides", false, false, coordinators,
              [t](RequestContext& ctx) { return create_guide(ctx, *t); }},
        Route{Method::Post, "/coordinator/partnerships/:id/interviews", false, false, coordinators,
              [t](RequestContext& ctx) { return create_interview(ctx, *t); }},
        Route{Method::Get, "/coordinator/partnerships/:id/codebook", false, false, coordinators,
              [t](RequestContext& ctx) { return codebook_page(ctx, *t); }},
        Route{Method::Post, "/coordinator/partnerships/:id/codebook", false, false, coordinators,
              [t](RequestContext& ctx) { return add_theme(ctx, *t); }},
        Route{Method::Post, "/coordinator/partnerships/:id/codebook/:theme", false, false,
              coordinators, [t](RequestContext& ctx) { return update_theme(ctx, *t); }},
        Route{Method::Get, "/coordinator/guides/:id", false, false, coordinators,
              [t](RequestContext& ctx) { return guide_page(ctx, *t); }},
        Route{Method::Post, "/coordinator/guides/:id", false, false, coordinators,
              [t](RequestContext& ctx) { return rename_guide(ctx, *t); }},
        Route{Method::Post, "/coordinator/guides/:id/questions", false, false, coordinators,
              [t](RequestContext& ctx) { return add_question(ctx, *t); }},
        Route{Method::Post, "/coordinator/guides/:id/questions/:question", false, false,
              coordinators, [t](RequestContext& ctx) { return change_question(ctx, *t); }},
    };
}

std::vector<Route> interview_routes(const views::Templates& templates) {
    std::vector<Route> routes;
    for (auto make : {evaluation_codebook_routes, evaluation_interview_routes,
                      evaluation_analysis_routes, evaluation_export_routes}) {
        for (Route& route : make(templates)) {
            routes.push_back(std::move(route));
        }
    }
    return routes;
}

}  // namespace samskab::web::pages
