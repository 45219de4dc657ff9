// The participant's side of a survey: the open rounds, the survey in easy language, and the
// thank-you page. A participant sees a round of a partnership they take part in (through any
// of their places), or of one of their places; any other round is as unknown as one that does
// not exist (404).
#include <algorithm>
#include <set>
#include <string>
#include <utility>

#include "core/survey_store.h"
#include "web/http/services.h"
#include "web/pages/host_pages_support.h"
#include "web/pages/interview_pages.h"
#include "web/pages/page.h"
#include "web/pages/participant_pages_support.h"
#include "web/pages/privacy_support.h"
#include "web/pages/survey_pages.h"

namespace samskab::web::pages {

namespace {

using participant::not_a_participant;
using participant::storage_failure;

constexpr std::string_view SKIP = "skip";

bool visible_to(const core::SurveyRound& round, const std::vector<core::PlaceView>& places) {
    if (round.place) {
        return participant::contains_place(places, *round.place);
    }
    for (const core::PlaceView& view : places) {
        if (view.place.partnership == round.partnership) {
            return true;
        }
    }
    return false;
}

// The rounds open today for the participant's partnerships and places (`places`).
core::Result<std::vector<core::SurveyRound>> open_for(const RequestContext& ctx,
                                                      const std::vector<core::PlaceView>& places) {
    std::set<std::string> partnerships;
    for (const core::PlaceView& view : places) {
        partnerships.insert(view.place.partnership);
    }
    std::vector<core::SurveyRound> out;
    for (const std::string& partnership : partnerships) {
        auto rounds = ctx.services.surveys->open_rounds(partnership, ctx.services.clock.today());
        if (!rounds) {
            return tl::unexpected(rounds.error());
        }
        for (core::SurveyRound& round : *rounds) {
            if (visible_to(round, places)) {
                out.push_back(std::move(round));
            }
        }
    }
    return out;
}

core::Result<std::vector<core::SurveyRound>> open_for(const RequestContext& ctx) {
    auto places = participant::places_of(ctx);
    if (!places) {
        return tl::unexpected(places.error());
    }
    return open_for(ctx, *places);
}

std::string round_href(std::int64_t id) {
    return "/surveys/" + std::to_string(id);
}

// The round of the path's :id as the participant may see it, or the response to send instead.
struct ParticipantRound {
    std::optional<core::SurveyRound> round;
    std::optional<Response> response;
};

// `open_only`: a round that is not open today is 409 with the "closed" message.
ParticipantRound participant_round_of(const RequestContext& ctx, const views::Templates& templates,
                                      bool open_only = true) {
    ParticipantRound out;
    if (ctx.principal->person.empty()) {
        out.response = not_a_participant(ctx, templates);
        return out;
    }
    const auto id = parse_record_id(ctx.params.value("id"));
    if (!ctx.services.surveys || !id) {
        out.response = error_page(ctx, templates, 404);
        return out;
    }
    auto found = ctx.services.surveys->find_round(*id);
    auto places = participant::places_of(ctx);
    if (!found || !places) {
        out.response = storage_failure(ctx, templates);
        return out;
    }
    if (!*found || !visible_to(**found, *places)) {
        out.response = error_page(ctx, templates, 404);
        return out;
    }
    if (open_only && !(*found)->is_open(ctx.services.clock.today())) {
        out.response = error_page(ctx, templates, 409, text(ctx, "survey_closed"));
        return out;
    }
    out.round = std::move(**found);
    return out;
}

Response survey_list_page(const RequestContext& ctx, const views::Templates& templates) {
    const std::string& person = ctx.principal->person;
    if (person.empty()) {
        return not_a_participant(ctx, templates);
    }
    if (!ctx.services.surveys) {
        return error_page(ctx, templates, 404);
    }
    auto rounds = open_for(ctx);
    if (!rounds) {
        return storage_failure(ctx, templates);
    }
    mstch::array items;
    for (const core::SurveyRound& round : *rounds) {
        auto answered = ctx.services.surveys->has_answered(round.id, person);
        if (!answered) {
            return storage_failure(ctx, templates);
        }
        items.push_back(mstch::map{
            {"title", round.title}, {"href", round_href(round.id)}, {"answered", *answered}});
    }
    mstch::map data{{"has_rounds", !items.empty()}};
    data["rounds"] = std::move(items);
    return render_page(ctx, templates, "survey_list_title", "survey_list", std::move(data));
}

// The people the participant may name: those of the round's place, or of its partnership for
// a round of the whole partnership, but not themself, by name, without any flag. With
// `shown`, the list is about to be shown, and each person in it is logged first: their names
// are data about them, seen by a fellow participant.
core::Result<std::vector<core::PersonSummary>> people_to_name(const RequestContext& ctx,
                                                              const core::SurveyRound& round,
                                                              bool shown) {
    auto people = ctx.services.surveys->people_to_name(round.id, ctx.principal->person);
    if (people && shown) {
        std::vector<std::string> ids;
        for (const core::PersonSummary& person : *people) {
            ids.push_back(person.id);
        }
        if (auto logged = log_person_views(ctx, ids); !logged) {
            return tl::unexpected(logged.error());
        }
    }
    return people;
}

// The survey; after a refused submission with its errors and the choices as they were made.
Response survey_form_response(const RequestContext& ctx, const views::Templates& templates,
                              const core::SurveyRound& round, const Params& form,
                              const std::vector<FieldError>& errors) {
    std::vector<core::PersonSummary> people;
    if (!round.anonymous) {
        auto listed = people_to_name(ctx, round, true);
        if (!listed) {
            return storage_failure(ctx, templates);
        }
        people = std::move(*listed);
    }
    mstch::array questions;
    int number = 0;
    for (const core::SurveyQuestion& question : core::survey_questions()) {
        const std::string field = "q_" + std::string(question.id);
        const std::string_view chosen = form.value(field);
        mstch::array choices;
        for (std::string_view value : {"yes", "a_little", "no", "skip"}) {
            choices.push_back(
                mstch::map{{"input_id", field + "-" + std::string(value)},
                           {"value", std::string(value)},
                           {"label", text_of(ctx, "survey_answer_" + std::string(value))},
                           {"checked", chosen == value}});
        }
        std::string error;
        for (const FieldError& problem : errors) {
            if (problem.field == field) {
                error = problem.message;
            }
        }
        mstch::map item{{"field", field},
                        {"number", std::to_string(++number)},
                        {"text", std::string(core::survey_question_text(question, ctx.lang))},
                        {"error", error}};
        item["choices"] = std::move(choices);
        questions.push_back(std::move(item));
    }
    const std::vector<std::string_view> known = form.all("known");
    mstch::array people_items;
    for (std::size_t i = 0; i < people.size(); ++i) {
        const bool checked = std::find(known.begin(), known.end(), people[i].id) != known.end();
        people_items.push_back(mstch::map{{"index", std::to_string(i)},
                                          {"id", people[i].id},
                                          {"name", people[i].name},
                                          {"checked", checked}});
    }
    mstch::map data{{"page_title", round.title},
                    {"action", round_href(round.id)},
                    {"anonymous", round.anonymous},
                    {"named", !round.anonymous},
                    {"has_people", !people_items.empty()}};
    data["questions"] = std::move(questions);
    data["people"] = std::move(people_items);
    int status = 200;
    if (!errors.empty()) {
        add_form_errors(data, errors);
        status = 422;
    }
    return render_page(ctx, templates, "survey_title", "survey_form", std::move(data), status);
}

Response already_answered(const RequestContext& ctx, const views::Templates& templates) {
    return error_page(ctx, templates, 409, text(ctx, "survey_already_answered"));
}

Response survey_form_page(const RequestContext& ctx, const views::Templates& templates) {
    ParticipantRound found = participant_round_of(ctx, templates);
    if (found.response) {
        return std::move(*found.response);
    }
    auto answered = ctx.services.surveys->has_answered(found.round->id, ctx.principal->person);
    if (!answered) {
        return storage_failure(ctx, templates);
    }
    if (*answered) {
        return already_answered(ctx, templates);
    }
    return survey_form_response(ctx, templates, *found.round, Params{}, {});
}

Response submit(const RequestContext& ctx, const views::Templates& templates) {
    ParticipantRound found = participant_round_of(ctx, templates);
    if (found.response) {
        return std::move(*found.response);
    }
    const core::SurveyRound& round = *found.round;
    const Params form = form_of(ctx);
    core::SurveyResponse response{round.id, ctx.principal->person, {}, {}};
    std::vector<FieldError> errors;
    for (const core::SurveyQuestion& question : core::survey_questions()) {
        const std::string field = "q_" + std::string(question.id);
        const std::string_view value = form.value(field);
        if (value.empty() || value == SKIP) {
            continue;  // skipping a question is allowed
        }
        const auto answer = core::parse_survey_answer(value);
        if (!answer) {
            errors.push_back({field, std::string(core::survey_question_text(question, ctx.lang)) +
                                         " " + text_of(ctx, "survey_error_answer")});
            continue;
        }
        response.answers.push_back({std::string(question.id), answer});
    }
    for (std::string_view person : form.all("known")) {
        response.known.emplace_back(person);
    }
    if (!response.known.empty() && !round.anonymous) {
        auto people = people_to_name(ctx, round, false);
        if (!people) {
            return storage_failure(ctx, templates);
        }
        for (const std::string& person : response.known) {
            if (std::none_of(people->begin(), people->end(),
                             [&](const core::PersonSummary& p) { return p.id == person; })) {
                errors.push_back({"known", text_of(ctx, "survey_known_legend") + " " +
                                               text_of(ctx, "survey_error_known")});
                break;
            }
        }
    }
    if (errors.empty()) {
        if (auto valid = core::validate_survey_response(response, round.anonymous, ctx.lang);
            !valid) {
            errors.push_back(field_error(valid.error()));
        }
    }
    if (!errors.empty()) {
        return survey_form_response(ctx, templates, round, form, errors);
    }
    auto stored = ctx.services.surveys->submit(response, ctx.services.clock.today());
    if (!stored) {
        if (stored.error().code != core::ErrorCode::Conflict) {
            return failure_page(ctx, templates, stored.error());
        }
        auto answered = ctx.services.surveys->has_answered(round.id, ctx.principal->person);
        return answered && *answered ? already_answered(ctx, templates)
                                     : error_page(ctx, templates, 409, text(ctx, "survey_closed"));
    }
    return Response::redirect(round_href(round.id) + "/thanks");
}

Response thanks_page(const RequestContext& ctx, const views::Templates& templates) {
    ParticipantRound found = participant_round_of(ctx, templates, false);
    if (found.response) {
        return std::move(*found.response);
    }
    return render_page(ctx, templates, "survey_thanks_title", "survey_thanks", mstch::map{});
}

}  // namespace

void add_open_surveys(mstch::map& data, const RequestContext& ctx,
                      const std::vector<core::PlaceView>& places) {
    if (!ctx.services.surveys || !ctx.principal || ctx.principal->person.empty()) {
        return;
    }
    auto rounds = open_for(ctx, places);
    if (!rounds) {
        return;
    }
    for (const core::SurveyRound& round : *rounds) {
        auto answered = ctx.services.surveys->has_answered(round.id, ctx.principal->person);
        if (answered && !*answered) {
            data["has_open_surveys"] = true;
            return;
        }
    }
}

std::vector<Route> survey_participant_routes(const views::Templates& templates) {
    const views::Templates* t = &templates;
    const std::vector<core::AccountRole> roles = {core::AccountRole::Participant};
    auto page = [t](Response (*handler)(const RequestContext&, const views::Templates&)) {
        return [t, handler](RequestContext& ctx) { return handler(ctx, *t); };
    };
    return {
        Route{Method::Get, "/surveys", false, false, roles, page(survey_list_page)},
        Route{Method::Get, "/surveys/:id", false, false, roles, page(survey_form_page)},
        Route{Method::Post, "/surveys/:id", false, false, roles, page(submit)},
        Route{Method::Get, "/surveys/:id/thanks", false, false, roles, page(thanks_page)},
    };
}

}  // namespace samskab::web::pages
