// The coordinator's side of the participant surveys: a partnership's rounds with the number of
// responses, a new round, and a round's results, counted and suppressed. The coordinators of
// the whole partnership only, as the other self-evaluation pages.
#include <algorithm>
#include <string>
#include <utility>

#include "analytics/survey_results.h"
#include "core/survey_store.h"
#include "web/http/services.h"
#include "web/pages/host_pages_support.h"
#include "web/pages/interview_pages.h"
#include "web/pages/page.h"
#include "web/pages/survey_pages.h"
#include "web/views/format.h"

namespace samskab::web::pages {

namespace {

using core::AccountRole;

// How long a new round is open unless the coordinator says otherwise: four weeks.
constexpr int DEFAULT_OPEN_DAYS = 28;

struct SurveyScope {
    std::optional<core::Partnership> partnership;
    std::optional<Response> response;
};

// 404 without a survey store; 403 when the principal does not coordinate the whole partnership
// (also for an unknown id, so that ids cannot be probed); 404 for an unknown partnership when
// the principal coordinates everything.
SurveyScope survey_scope_of(const RequestContext& ctx, const views::Templates& templates,
                            std::string_view partnership) {
    SurveyScope out;
    if (!ctx.services.surveys) {
        out.response = error_page(ctx, templates, 404);
        return out;
    }
    if (!may_act_for_partnership(ctx, AccountRole::Coordinator, partnership)) {
        out.response = error_page(ctx, templates, 403);
        return out;
    }
    auto partnerships = ctx.services.community.list_partnerships();
    if (!partnerships) {
        out.response = failure_page(ctx, templates, partnerships.error());
        return out;
    }
    for (core::Partnership& candidate : *partnerships) {
        if (candidate.id == partnership) {
            out.partnership = std::move(candidate);
            return out;
        }
    }
    out.response = error_page(ctx, templates, 404);
    return out;
}

std::string round_period_of(const RequestContext& ctx, const core::SurveyRound& round) {
    return format_day_short(round.opens, ctx.lang) + "–" + format_day_short(round.closes, ctx.lang);
}

std::string kind_of(const RequestContext& ctx, const core::SurveyRound& round) {
    return text_of(ctx, round.anonymous ? "survey_kind_anonymous" : "survey_kind_named");
}

core::Result<std::vector<core::PlaceView>> places_of_partnership(const RequestContext& ctx,
                                                                 std::string_view partnership) {
    auto places = ctx.services.community.list_places();
    if (!places) {
        return tl::unexpected(places.error());
    }
    std::erase_if(*places, [&](const core::PlaceView& view) {
        return view.place.partnership != partnership;
    });
    return places;
}

std::string place_name(const std::vector<core::PlaceView>& places,
                       const std::optional<std::string>& place) {
    for (const core::PlaceView& view : places) {
        if (place && view.place.id == *place) {
            return view.place.name;
        }
    }
    return place.value_or("");
}

Response rounds_response(const RequestContext& ctx, const views::Templates& templates,
                         const core::Partnership& partnership, mstch::map data,
                         const std::vector<FieldError>& errors) {
    auto rounds = ctx.services.surveys->rounds(partnership.id);
    auto places = places_of_partnership(ctx, partnership.id);
    if (!rounds || !places) {
        return failure_page(ctx, templates, !rounds ? rounds.error() : places.error());
    }
    const std::string base = evaluation_base(partnership.id) + "/surveys";
    mstch::array rows;
    for (const core::SurveyRoundSummary& summary : *rounds) {
        rows.push_back(mstch::map{{"title", summary.round.title},
                                  {"href", base + "/" + std::to_string(summary.round.id)},
                                  {"place", place_name(*places, summary.round.place)},
                                  {"period", round_period_of(ctx, summary.round)},
                                  {"kind", kind_of(ctx, summary.round)},
                                  {"responses", std::to_string(summary.responses)}});
    }
    std::vector<std::pair<std::string, std::string>> choices{
        {"", text_of(ctx, "survey_all_places")}};
    for (const core::PlaceView& view : *places) {
        choices.emplace_back(view.place.id, view.place.name);
    }
    const core::Day today = ctx.services.clock.today();
    if (!data.count("opens")) {
        data["opens"] = core::format_date(today);
        data["closes"] = core::format_date(today + DEFAULT_OPEN_DAYS - 1);
        data["anonymous"] = true;
        data["place"] = std::string();
    }
    data["place_options"] = select_options(choices, boost::get<std::string>(data["place"]));
    data["page_title"] = text_of(ctx, "survey_rounds_title") + " – " + partnership.name;
    data["action"] = base;
    data["has_rounds"] = !rows.empty();
    data["rounds"] = std::move(rows);
    int status = 200;
    if (!errors.empty()) {
        add_form_errors(data, errors);
        status = 422;
    }
    return render_page(ctx, templates, "survey_rounds_title", "survey_rounds", std::move(data),
                       status);
}

Response rounds_page(const RequestContext& ctx, const views::Templates& templates) {
    SurveyScope scope = survey_scope_of(ctx, templates, ctx.params.value("id"));
    if (scope.response) {
        return std::move(*scope.response);
    }
    return rounds_response(ctx, templates, *scope.partnership, mstch::map{}, {});
}

Response create_round(const RequestContext& ctx, const views::Templates& templates) {
    SurveyScope scope = survey_scope_of(ctx, templates, ctx.params.value("id"));
    if (scope.response) {
        return std::move(*scope.response);
    }
    const Params form = form_of(ctx);
    core::SurveyRound round;
    round.partnership = scope.partnership->id;
    round.title = std::string(form.value("title"));
    round.anonymous = form.value("anonymous") == "1";
    round.created_by = ctx.principal->account;
    round.created_at = ctx.services.clock.now();
    const std::string place(form.value("place"));
    mstch::map data{{"title", round.title},
                    {"opens", std::string(form.value("opens"))},
                    {"closes", std::string(form.value("closes"))},
                    {"anonymous", round.anonymous},
                    {"place", place}};
    std::vector<FieldError> errors;
    const auto opens = parse_form_date(form.value("opens"));
    const auto closes = parse_form_date(form.value("closes"));
    if (!opens) {
        errors.push_back(
            field_problem(ctx, "opens", "survey_field_opens", text_of(ctx, "survey_error_date")));
    }
    if (!closes) {
        errors.push_back(
            field_problem(ctx, "closes", "survey_field_closes", text_of(ctx, "survey_error_date")));
    }
    round.opens = opens.value_or(0);
    round.closes = closes.value_or(0);
    if (!place.empty()) {
        auto places = places_of_partnership(ctx, round.partnership);
        if (!places) {
            return failure_page(ctx, templates, places.error());
        }
        if (std::none_of(places->begin(), places->end(),
                         [&](const core::PlaceView& view) { return view.place.id == place; })) {
            errors.push_back(field_problem(ctx, "place", "survey_field_place",
                                           text_of(ctx, "survey_error_place")));
        }
        round.place = place;
    }
    if (auto valid = core::validate_survey_round(round, ctx.lang); !valid) {
        if (valid.error().field != "closes" || (opens && closes)) {
            errors.push_back(field_error(valid.error()));
        }
    }
    if (!errors.empty()) {
        return rounds_response(ctx, templates, *scope.partnership, std::move(data), errors);
    }
    auto created = ctx.services.surveys->create_round(round);
    if (!created) {
        return failure_page(ctx, templates, created.error());
    }
    return Response::redirect(evaluation_base(round.partnership) + "/surveys");
}

// The round of the path's :round in the scope's partnership, or the response to send instead
// (404 for an unknown round or one of another partnership).
struct ScopedRound {
    std::optional<core::SurveyRound> round;
    std::optional<Response> response;
};

ScopedRound resolve_round(const RequestContext& ctx, const views::Templates& templates,
                          const SurveyScope& scope) {
    ScopedRound out;
    const auto id = parse_record_id(ctx.params.value("round"));
    if (!id) {
        out.response = error_page(ctx, templates, 404);
        return out;
    }
    auto round = ctx.services.surveys->find_round(*id);
    if (!round) {
        out.response = failure_page(ctx, templates, round.error());
    } else if (!*round || (*round)->partnership != scope.partnership->id) {
        out.response = error_page(ctx, templates, 404);
    } else {
        out.round = std::move(**round);
    }
    return out;
}

Response results_page(const RequestContext& ctx, const views::Templates& templates) {
    SurveyScope scope = survey_scope_of(ctx, templates, ctx.params.value("id"));
    if (scope.response) {
        return std::move(*scope.response);
    }
    ScopedRound found = resolve_round(ctx, templates, scope);
    if (found.response) {
        return std::move(*found.response);
    }
    const core::SurveyRound& round = *found.round;
    auto counts = ctx.services.surveys->counts(round.id);
    auto places = places_of_partnership(ctx, scope.partnership->id);
    if (!counts || !places) {
        return failure_page(ctx, templates, !counts ? counts.error() : places.error());
    }
    mstch::map data = survey_results_data(ctx, *counts);
    data["page_title"] = text_of(ctx, "survey_results_title") + ": " + round.title;
    data["period"] = round_period_of(ctx, round);
    data["kind"] = kind_of(ctx, round);
    data["place"] = place_name(*places, round.place);
    data["back"] = evaluation_base(scope.partnership->id) + "/surveys";
    // The raw responses only when the round has enough respondents, as survey_responses_download
    // decides; otherwise the page says why there is no download.
    const std::string responses = evaluation_base(scope.partnership->id) + "/surveys/" +
                                  std::to_string(round.id) + "/responses";
    data["can_download"] = counts->respondents >= analytics::DEFAULT_SUPPRESSION_K;
    data["csv_href"] = responses + ".csv";
    data["xlsx_href"] = responses + ".xlsx";
    return render_page(ctx, templates, "survey_results_title", "survey_results", std::move(data));
}

Response download(RequestContext& ctx, const views::Templates& templates, bool xlsx) {
    SurveyScope scope = survey_scope_of(ctx, templates, ctx.params.value("id"));
    if (scope.response) {
        return std::move(*scope.response);
    }
    ScopedRound found = resolve_round(ctx, templates, scope);
    if (found.response) {
        return std::move(*found.response);
    }
    return survey_responses_download(ctx, templates, *found.round, xlsx);
}

}  // namespace

mstch::map survey_results_data(const RequestContext& ctx, const core::SurveyCounts& counts) {
    const analytics::SurveyResults results = analytics::survey_results(counts);
    const std::string hidden = "<" + std::to_string(results.k);
    const auto questions = core::survey_questions();
    mstch::array rows;
    for (std::size_t q = 0; q < results.questions.size() && q < questions.size(); ++q) {
        const analytics::SurveyQuestionResult& result = results.questions[q];
        mstch::array cells;
        for (std::size_t a = 0; a < core::SURVEY_ANSWER_COUNT; ++a) {
            const auto answer = static_cast<core::SurveyAnswer>(a);
            cells.push_back(mstch::map{
                {"label",
                 text_of(ctx, "survey_answer_" + std::string(core::survey_answer_name(answer)))},
                {"value", result.hidden ? hidden : std::to_string(result.counts[a])}});
        }
        cells.push_back(
            mstch::map{{"label", text_of(ctx, "survey_col_answered")},
                       {"value", result.hidden ? hidden : std::to_string(result.answered)}});
        mstch::map row{{"text", std::string(core::survey_question_text(questions[q], ctx.lang))}};
        row["cells"] = std::move(cells);
        rows.push_back(std::move(row));
    }
    mstch::map data{{"respondents", std::to_string(results.respondents)}};
    data["results"] = std::move(rows);
    return data;
}

core::Result<void> add_survey_summary(mstch::map& data, const RequestContext& ctx,
                                      std::string_view partnership, core::Day from, core::Day to) {
    if (!ctx.services.surveys ||
        !may_act_for_partnership(ctx, AccountRole::Coordinator, partnership)) {
        return {};
    }
    auto rounds = ctx.services.surveys->rounds(partnership);
    if (!rounds) {
        return tl::unexpected(rounds.error());
    }
    mstch::array items;
    for (auto it = rounds->rbegin(); it != rounds->rend(); ++it) {  // oldest first
        const core::SurveyRound& round = it->round;
        if (round.opens > to || round.closes < from) {
            continue;
        }
        auto counts = ctx.services.surveys->counts(round.id);
        if (!counts) {
            return tl::unexpected(counts.error());
        }
        mstch::map item = survey_results_data(ctx, *counts);
        item["title"] = round.title;
        item["period"] = round_period_of(ctx, round);
        items.push_back(std::move(item));
    }
    data["has_surveys"] = true;
    data["survey_rounds"] = std::move(items);
    return {};
}

std::vector<Route> survey_coordinator_routes(const views::Templates& templates) {
    const views::Templates* t = &templates;
    const std::vector<AccountRole> coordinators{AccountRole::Coordinator};
    auto page = [t](Response (*handler)(const RequestContext&, const views::Templates&)) {
        return [t, handler](RequestContext& ctx) { return handler(ctx, *t); };
    };
    return {
        Route{Method::Get, "/coordinator/partnerships/:id/surveys", false, false, coordinators,
              page(rounds_page)},
        Route{Method::Post, "/coordinator/partnerships/:id/surveys", false, false, coordinators,
              page(create_round)},
        Route{Method::Get, "/coordinator/partnerships/:id/surveys/:round", false, false,
              coordinators, page(results_page)},
        Route{Method::Get, "/coordinator/partnerships/:id/surveys/:round/responses.csv", false,
              false, coordinators, [t](RequestContext& ctx) { return download(ctx, *t, false); }},
        Route{Method::Get, "/coordinator/partnerships/:id/surveys/:round/responses.xlsx", false,
              false, coordinators, [t](RequestContext& ctx) { return download(ctx, *t, true); }},
    };
}

std::vector<Route> survey_routes(const views::Templates& templates) {
    std::vector<Route> routes = survey_participant_routes(templates);
    for (Route& route : survey_coordinator_routes(templates)) {
        routes.push_back(std::move(route));
    }
    return routes;
}

}  // namespace samskab::web::pages
