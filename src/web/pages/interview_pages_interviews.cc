// One interview: the notes per question of its guide, and the coding of passages with the
// partnership's themes.
#include <map>
#include <string>

#include "web/http/services.h"
#include "web/pages/host_pages_support.h"
#include "web/pages/interview_pages.h"
#include "web/pages/page.h"
#include "web/views/format.h"

namespace samskab::web::pages {

namespace {

using core::AccountRole;

using InterviewScope = RecordScope<core::InterviewRecord>;

InterviewScope resolve_interview(const RequestContext& ctx, const views::Templates& templates) {
    return resolve_record<core::InterviewRecord>(
        ctx, templates,
        [](core::InterviewStore& store, std::int64_t id) { return store.find_interview(id); },
        [](const core::InterviewRecord& record) { return record.interview.partnership; });
}

std::string interview_link(std::int64_t id) {
    return "/coordinator/interviews/" + std::to_string(id);
}

// A problem shown at one question's forms: its field ("note-<question>" or
// "quote-<question>"), the message, and what was typed.
struct RowProblem {
    std::int64_t question = 0;
    std::string field;
    std::string message;
    std::string text;   // the note as typed
    std::string quote;  // the quote as typed
    std::string theme;
};

Response interview_response(RequestContext& ctx, const views::Templates& templates,
                            const InterviewScope& found, const std::optional<RowProblem>& problem) {
    const core::InterviewRecord& record = *found.record;
    auto themes = found.scope.store->codebook(record.interview.partnership);
    if (!themes) {
        return failure_page(ctx, templates, themes.error());
    }
    std::map<std::string, const core::Theme*> by_id;
    for (const core::Theme& theme : *themes) {
        by_id[theme.id] = &theme;
    }
    const std::string base = interview_link(record.interview.id);
    mstch::array questions;
    for (std::size_t i = 0; i < record.guide.questions.size(); ++i) {
        const core::InterviewQuestion& question = record.guide.questions[i];
        const core::InterviewNote* note = nullptr;
        for (const core::InterviewNote& candidate : record.notes) {
            if (candidate.question == question.id) {
                note = &candidate;
            }
        }
        mstch::array codings;
        if (note) {
            for (const core::Coding& coding : record.codings) {
                if (coding.note != note->id) {
                    continue;
                }
                auto theme = by_id.find(coding.theme);
                codings.push_back(mstch::map{
                    {"quote", coding.quote},
                    {"theme", theme == by_id.end() ? coding.theme
                                                   : core::theme_name(*theme->second, ctx.lang)},
                    {"retired", theme != by_id.end() && !theme->second->active},
                    {"moved", !coding.in_note},
                    {"remove_action", base + "/codings/" + std::to_string(coding.id) + "/remove"}});
            }
        }
        const bool here = problem && problem->question == question.id;
        mstch::map row{
            {"number", std::to_string(i + 1)},
            {"question", question.text},
            {"qid", std::to_string(question.id)},
            {"note_action", base + "/notes/" + std::to_string(question.id)},
            {"text", here && problem->field.rfind("note-", 0) == 0 ? problem->text
                     : note                                        ? note->text
                                                                   : std::string()},
            {"has_note", note != nullptr},
            {"note_id", note ? std::to_string(note->id) : std::string()},
            {"codings", codings},
            {"has_codings", !codings.empty()},
            {"quote", here ? problem->quote : std::string()},
            {"theme_options",
             theme_options(ctx, *themes, true, here ? std::string_view(problem->theme) : "")}};
        if (here) {
            row[problem->field.rfind("note-", 0) == 0 ? "note_error" : "quote_error"] =
                problem->message;
        }
        questions.push_back(std::move(row));
    }
    mstch::map data{
        {"page_title", text_of(ctx, "eval_interview_title") + " " +
                           views::format_date(record.interview.date, ctx.lang)},
        {"date", views::format_date(record.interview.date, ctx.lang)},
        {"interviewee", record.interview.interviewee},
        {"interviewer", record.interview.interviewer_name},
        {"guide_title", record.guide.title},
        {"guide_href", "/coordinator/guides/" + std::to_string(record.guide.id)},
        {"has_person", record.interview.person.has_value()},
        {"person", record.interview.person.value_or("")},
        {"coding_action", base + "/codings"},
        {"questions", questions},
        {"has_questions", !questions.empty()},
        {"evaluation_href", evaluation_base(record.interview.partnership) + "/evaluation"},
        {"saved", ctx.request.query.value("saved") == "1"},
    };
    int status = 200;
    if (problem) {
        add_form_errors(data, {FieldError{problem->field, problem->message}});
        status = 422;
    }
    return render_page(ctx, templates, "eval_interview_title", "evaluation_interview",
                       std::move(data), status);
}

Response interview_page(RequestContext& ctx, const views::Templates& templates) {
    InterviewScope found = resolve_interview(ctx, templates);
    if (found.scope.response) {
        return std::move(*found.scope.response);
    }
    return interview_response(ctx, templates, found, std::nullopt);
}

Response save_note(RequestContext& ctx, const views::Templates& templates) {
    InterviewScope found = resolve_interview(ctx, templates);
    if (found.scope.response) {
        return std::move(*found.scope.response);
    }
    const auto question = parse_record_id(ctx.params.value("question"));
    bool belongs = false;
    for (const core::InterviewQuestion& q : found.record->guide.questions) {
        belongs = belongs || (question && q.id == *question);
    }
    if (!belongs) {
        return error_page(ctx, templates, 404);
    }
    const std::string text(form_of(ctx).value("text"));
    if (auto valid = core::validate_note(text, ctx.lang); !valid) {
        return interview_response(ctx, templates, found,
                                  RowProblem{*question, "note-" + std::to_string(*question),
                                             valid.error().message, text, "", ""});
    }
    auto saved = found.scope.store->save_note(found.record->interview.id, *question, text);
    if (!saved) {
        return failure_page(ctx, templates, saved.error());
    }
    return Response::redirect(interview_link(found.record->interview.id) + "?saved=1#q-" +
                              std::to_string(*question));
}

Response add_coding(RequestContext& ctx, const views::Templates& templates) {
    InterviewScope found = resolve_interview(ctx, templates);
    if (found.scope.response) {
        return std::move(*found.scope.response);
    }
    const Params form = form_of(ctx);
    const auto note_id = parse_record_id(form.value("note"));
    const core::InterviewNote* note = nullptr;
    for (const core::InterviewNote& candidate : found.record->notes) {
        if (note_id && candidate.id == *note_id) {
            note = &candidate;
        }
    }
    if (!note) {
        return interview_response(
            ctx, templates, found,
            RowProblem{
                0, "note",
                sentence(core::message(ctx.lang, core::Msg::InterviewFieldMissing,
                                       {core::message(ctx.lang, core::Msg::InterviewLabelNote)})),
                "", "", ""});
    }
    const std::string quote(form.value("quote"));
    const std::string theme(form.value("theme"));
    const std::string field = "quote-" + std::to_string(note->question);
    RowProblem problem{note->question, field, "", "", quote, theme};
    if (auto valid = core::validate_quote(quote, note->text, ctx.lang); !valid) {
        problem.message = valid.error().message;
        return interview_response(ctx, templates, found, problem);
    }
    auto themes = found.scope.store->codebook(found.record->interview.partnership);
    if (!themes) {
        return failure_page(ctx, templates, themes.error());
    }
    const core::Theme* chosen = nullptr;
    for (const core::Theme& candidate : *themes) {
        if (candidate.id == theme) {
            chosen = &candidate;
        }
    }
    if (!chosen || !chosen->active) {
        problem.field = "theme-" + std::to_string(note->question);
        problem.message =
            chosen ? core::message(ctx.lang, core::Msg::InterviewThemeRetired,
                                   {core::message(ctx.lang, core::Msg::InterviewLabelTheme),
                                    core::theme_name(*chosen, ctx.lang)})
                   : sentence(
                         core::message(ctx.lang, core::Msg::InterviewFieldMissing,
                                       {core::message(ctx.lang, core::Msg::InterviewLabelTheme)}));
        return interview_response(ctx, templates, found, problem);
    }
    auto added = found.scope.store->add_coding(note->id, theme, quote);
    if (!added) {
        return failure_page(ctx, templates, added.error());
    }
    return Response::redirect(interview_link(found.record->interview.id) + "#q-" +
                              std::to_string(note->question));
}

Response remove_coding(RequestContext& ctx, const views::Templates& templates) {
    InterviewScope found = resolve_interview(ctx, templates);
    if (found.scope.response) {
        return std::move(*found.scope.response);
    }
    const auto coding = parse_record_id(ctx.params.value("coding"));
    bool belongs = false;
    for (const core::Coding& candidate : found.record->codings) {
        belongs = belongs || (coding && candidate.id == *coding);
    }
    if (!belongs) {
        return error_page(ctx, templates, 404);
    }
    auto removed = found.scope.store->remove_coding(*coding);
    if (!removed) {
        return failure_page(ctx, templates, removed.error());
    }
    return Response::redirect(interview_link(found.record->interview.id));
}

}  // namespace

std::vector<Route> evaluation_interview_routes(const views::Templates& templates) {
    const std::vector<AccountRole> coordinators{AccountRole::Coordinator};
    const views::Templates* t = &templates;
    return {
        Route{Method::Get, "/coordinator/interviews/:id", false, false, coordinators,
              [t](RequestContext& ctx) { return interview_page(ctx, *t); }},
        Route{Method::Post, "/coordinator/interviews/:id/notes/:question", false, false,
              coordinators, [t](RequestContext& ctx) { return save_note(ctx, *t); }},
        Route{Method::Post, "/coordinator/interviews/:id/codings", false, false, coordinators,
              [t](RequestContext& ctx) { return add_coding(ctx, *t); }},
        Route{Method::Post, "/coordinator/interviews/:id/codings/:coding/remove", false, false,
              coordinators, [t](RequestContext& ctx) { return remove_coding(ctx, *t); }},
    };
}

}  // namespace samskab::web::pages
