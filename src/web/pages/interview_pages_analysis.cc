// The theme summary of a partnership's interviews (counts over time, chart, quotes per theme),
// the promoters/inhibitors check of a half-year (samskab's hint beside each item, the rating
// form), and their part of the learning-meeting report.
#include <string>

#include "analytics/format.h"
#include "analytics/promoter_check.h"
#include "analytics/theme_summary.h"
#include "core/starting_codebook.h"
#include "web/http/services.h"
#include "web/pages/dashboard_pages.h"
#include "web/pages/host_pages_support.h"
#include "web/pages/interview_pages.h"
#include "web/pages/page.h"
#include "web/views/format.h"

namespace samskab::web::pages {

namespace {

using core::AccountRole;

// How many half-years back the check's choice offers.
constexpr int HALF_YEAR_CHOICES = 8;

// The themes' rows for a page: name, group, counts per slice, total, quotes.
mstch::array theme_rows(const RequestContext& ctx, const analytics::ThemeSummary& summary) {
    mstch::array rows;
    for (const analytics::ThemeCount& count : summary.themes) {
        mstch::array counts;
        for (std::int64_t value : count.counts) {
            counts.push_back(std::to_string(value));
        }
        mstch::array quotes;
        for (const analytics::ThemeQuote& quote : count.quotes) {
            quotes.push_back(mstch::map{{"date", views::format_date(quote.date, ctx.lang)},
                                        {"question", quote.question},
                                        {"quote", quote.quote}});
        }
        rows.push_back(mstch::map{{"name", core::theme_name(count.theme, ctx.lang)},
                                  {"group", text_of(ctx, group_key(count.theme.group))},
                                  {"retired", !count.theme.active},
                                  {"counts", counts},
                                  {"total", std::to_string(count.total)},
                                  {"quotes", quotes},
                                  {"has_quotes", !quotes.empty()}});
    }
    return rows;
}

mstch::array slice_headers(const analytics::ThemeSummary& summary) {
    mstch::array headers;
    for (const std::string& label : summary.slice_labels) {
        headers.push_back(mstch::map{{"label", label}});
    }
    return headers;
}

Response themes_page(RequestContext& ctx, const views::Templates& templates) {
    EvaluationScope scope = resolve_evaluation(ctx, templates, ctx.params.value("id"));
    if (scope.response) {
        return std::move(*scope.response);
    }
    const core::Day today = core::day_of(ctx.services.clock.now());
    const core::HalfYear current = core::half_year_of(today);
    const std::string_view typed_from = ctx.request.query.value("from");
    const std::string_view typed_to = ctx.request.query.value("to");
    const std::string_view typed_by = ctx.request.query.value("by");
    const auto from =
        typed_from.empty()
            ? std::optional<core::Day>(current.previous().previous().previous().first_day())
            : parse_form_date(typed_from);
    const auto to =
        typed_to.empty() ? std::optional<core::Day>(current.last_day()) : parse_form_date(typed_to);
    const analytics::ThemeSlicing by = typed_by == "quarter" ? analytics::ThemeSlicing::Quarter
                                                             : analytics::ThemeSlicing::HalfYear;
    mstch::map data{
        {"partnership_name", scope.partnership->name},
        {"from", from ? core::format_date(*from) : std::string(typed_from)},
        {"to", to ? core::format_date(*to) : std::string(typed_to)},
        {"by_options", select_options({{"half", text_of(ctx, "eval_by_half")},
                                       {"quarter", text_of(ctx, "eval_by_quarter")}},
                                      by == analytics::ThemeSlicing::Quarter ? "quarter" : "half")},
        {"evaluation_href", evaluation_base(scope.partnership->id) + "/evaluation"},
        {"has_summary", false}};
    std::vector<FieldError> errors;
    if (!from) {
        errors.push_back(
            field_problem(ctx, "from", "eval_field_from", text_of(ctx, "eval_error_date")));
    }
    if (!to || (from && *to < *from) || (from && *to - *from > 3660)) {
        errors.push_back(
            field_problem(ctx, "to", "eval_field_to", text_of(ctx, "eval_error_period")));
    }
    if (!errors.empty()) {
        add_form_errors(data, errors);
        return render_page(ctx, templates, "eval_themes_title", "evaluation_themes",
                           std::move(data), 422);
    }
    auto themes = scope.store->codebook(scope.partnership->id);
    if (!themes) {
        return failure_page(ctx, templates, themes.error());
    }
    auto passages = scope.store->coded_passages(scope.partnership->id, *from, *to);
    if (!passages) {
        return failure_page(ctx, templates, passages.error());
    }
    const analytics::ThemeSummary summary =
        analytics::summarise_themes(*themes, *passages, {*from, *to}, by, ctx.lang);
    data["has_summary"] = true;
    const std::string period =
        "?from=" + core::format_date(*from) + "&to=" + core::format_date(*to);
    data["codings_csv_href"] = evaluation_base(scope.partnership->id) + "/codings.csv" + period;
    data["codings_xlsx_href"] = evaluation_base(scope.partnership->id) + "/codings.xlsx" + period;
    data["period_text"] = analytics::format_period({*from, *to}, ctx.lang);
    data["passages"] = std::to_string(summary.passages);
    data["slices"] = slice_headers(summary);
    data["theme_rows"] = theme_rows(ctx, summary);
    data["totals_chart"] =
        chart_data(analytics::theme_totals_chart(summary, ctx.lang, "themes"), false);
    data["groups_chart"] =
        chart_data(analytics::theme_groups_chart(summary, ctx.lang, "groups"), true);
    return render_page(ctx, templates, "eval_themes_title", "evaluation_themes", std::move(data));
}

// --- the promoters/inhibitors check

std::vector<core::Theme> check_items() {
    std::vector<core::Theme> items = core::starting_themes(core::ThemeGroup::Promoter);
    for (core::Theme& inhibitor : core::starting_themes(core::ThemeGroup::Inhibitor)) {
        items.push_back(std::move(inhibitor));
    }
    return items;
}

std::string rating_key(core::CheckRating rating) {
    return "eval_rating_" + std::string(core::check_rating_name(rating));
}

Response check_response(RequestContext& ctx, const views::Templates& templates,
                        const EvaluationScope& scope, core::HalfYear half,
                        const core::SelfAssessment& shown, const std::vector<FieldError>& errors) {
    // samskab's hints from the recorded participation of the half-year.
    std::vector<analytics::CheckHint> hints;
    auto dataset = load_dataset(ctx);
    if (!dataset) {
        return failure_page(ctx, templates, dataset.error());
    }
    auto resolved = analytics::resolve_scope(
        *dataset, analytics::Scope{analytics::ScopeKind::Partnership, scope.partnership->id},
        ctx.lang);
    if (resolved) {
        hints = analytics::promoter_hints(*dataset, *resolved, {half.first_day(), half.last_day()},
                                          ctx.lang);
    }
    mstch::array promoters, inhibitors;
    for (const core::Theme& item : check_items()) {
        const core::CheckAnswer* answer = nullptr;
        for (const core::CheckAnswer& candidate : shown.answers) {
            if (candidate.item == item.id) {
                answer = &candidate;
            }
        }
        mstch::array ratings;
        for (std::size_t r = 0; r < core::CHECK_RATING_COUNT; ++r) {
            const auto rating = static_cast<core::CheckRating>(r);
            ratings.push_back(mstch::map{
                {"value", std::string(core::check_rating_name(rating))},
                {"label", text_of(ctx, rating_key(rating))},
                {"input_id",
                 "rating_" + item.id + "-" + std::string(core::check_rating_name(rating))},
                {"checked", answer && answer->rating == rating}});
        }
        mstch::map row{{"id", item.id},
                       {"name", core::theme_name(item, ctx.lang)},
                       {"description", core::theme_description(item, ctx.lang)},
                       {"ratings", ratings},
                       {"comment", answer ? answer->comment : std::string()},
                       {"hint", text_of(ctx, "eval_hint_none")},
                       {"attention", false}};
        for (const analytics::CheckHint& hint : hints) {
            if (hint.item == item.id) {
                row["hint"] = hint.text;
                row["attention"] = hint.attention;
            }
        }
        for (const FieldError& error : errors) {
            if (error.field == "rating_" + item.id + "-promotes" ||
                error.field == "comment_" + item.id) {
                row["row_error"] = error.message;
            }
        }
        (item.group == core::ThemeGroup::Promoter ? promoters : inhibitors)
            .push_back(std::move(row));
    }
    std::vector<std::pair<std::string, std::string>> halves;
    core::HalfYear option = core::half_year_of(core::day_of(ctx.services.clock.now()));
    for (int i = 0; i < HALF_YEAR_CHOICES; ++i, option = option.previous()) {
        halves.emplace_back(option.text(), option.text());
    }
    mstch::map data{
        {"partnership_name", scope.partnership->name},
        {"half", half.text()},
        {"half_options", select_options(halves, half.text())},
        {"period_text", analytics::format_period({half.first_day(), half.last_day()}, ctx.lang)},
        {"promoters", promoters},
        {"inhibitors", inhibitors},
        {"action", evaluation_base(scope.partnership->id) + "/check"},
        {"evaluation_href", evaluation_base(scope.partnership->id) + "/evaluation"},
        {"saved", ctx.request.query.value("saved") == "1"},
        {"has_saved", shown.saved_at != 0},
        {"saved_at",
         shown.saved_at != 0 ? views::format_date_time(shown.saved_at, ctx.lang) : std::string()},
    };
    int status = 200;
    if (!errors.empty()) {
        add_form_errors(data, errors);
        status = 422;
    }
    return render_page(ctx, templates, "eval_check_title", "evaluation_check", std::move(data),
                       status);
}

Response check_page(RequestContext& ctx, const views::Templates& templates) {
    EvaluationScope scope = resolve_evaluation(ctx, templates, ctx.params.value("id"));
    if (scope.response) {
        return std::move(*scope.response);
    }
    const std::string_view typed = ctx.request.query.value("half");
    const auto half = typed.empty() ? std::optional<core::HalfYear>(core::last_completed_half_year(
                                          core::day_of(ctx.services.clock.now())))
                                    : core::parse_half_year(typed);
    if (!half) {
        mstch::map data{
            {"partnership_name", scope.partnership->name},
            {"half", std::string(typed)},
            {"evaluation_href", evaluation_base(scope.partnership->id) + "/evaluation"}};
        add_form_errors(
            data, {FieldError{"half",
                              sentence(core::message(
                                  ctx.lang, core::Msg::InterviewHalfYearFormat,
                                  {core::message(ctx.lang, core::Msg::InterviewLabelHalfYear)}))}});
        return render_page(ctx, templates, "eval_check_title", "evaluation_check", std::move(data),
                           422);
    }
    auto saved = scope.store->self_assessment(scope.partnership->id, *half);
    if (!saved) {
        return failure_page(ctx, templates, saved.error());
    }
    return check_response(ctx, templates, scope, *half, saved->value_or(core::SelfAssessment{}),
                          {});
}

Response save_check(RequestContext& ctx, const views::Templates& templates) {
    EvaluationScope scope = resolve_evaluation(ctx, templates, ctx.params.value("id"));
    if (scope.response) {
        return std::move(*scope.response);
    }
    const Params form = form_of(ctx);
    const auto half = core::parse_half_year(form.value("half"));
    if (!half) {
        return error_page(
            ctx, templates, 400,
            sentence(core::message(ctx.lang, core::Msg::InterviewHalfYearFormat,
                                   {core::message(ctx.lang, core::Msg::InterviewLabelHalfYear)})));
    }
    core::SelfAssessment check;
    check.partnership = scope.partnership->id;
    check.half = *half;
    check.saved_by = ctx.principal->account;
    check.saved_at = ctx.services.clock.now();
    std::vector<FieldError> errors;
    for (const core::Theme& item : check_items()) {
        core::CheckAnswer answer{item.id, std::nullopt,
                                 std::string(form.value("comment_" + item.id))};
        const std::string_view typed = form.value("rating_" + item.id);
        if (!typed.empty()) {
            answer.rating = core::parse_check_rating(typed);
            if (!answer.rating) {
                errors.push_back(
                    FieldError{"rating_" + item.id + "-promotes",
                               sentence(core::message(
                                   ctx.lang, core::Msg::InterviewUnknownValue,
                                   {core::message(ctx.lang, core::Msg::InterviewLabelRating), typed,
                                    "promotes, hinders, not_relevant"}))});
            }
        }
        check.answers.push_back(std::move(answer));
    }
    if (auto valid = core::validate_self_assessment(check, ctx.lang); !valid) {
        errors.push_back(FieldError{valid.error().field, valid.error().message});
    }
    if (!errors.empty()) {
        return check_response(ctx, templates, scope, *half, check, errors);
    }
    auto stored = scope.store->save_self_assessment(check);
    if (!stored) {
        return failure_page(ctx, templates, stored.error());
    }
    return Response::redirect(
        with_query(evaluation_base(scope.partnership->id) + "/check", "half", half->text()) +
        "&saved=1");
}

}  // namespace

core::Result<void> add_evaluation_summary(mstch::map& data, const RequestContext& ctx,
                                          std::string_view partnership, core::Day from,
                                          core::Day to) {
    core::InterviewStore* store = ctx.services.interviews;
    if (!store || !may_act_for_partnership(ctx, AccountRole::Coordinator, partnership)) {
        return {};
    }
    std::vector<core::Theme> themes;
    std::vector<core::CodedPassage> passages;
    if (auto read = store->codebook(partnership); read) {
        themes = std::move(*read);
    } else {
        return tl::unexpected(read.error());
    }
    if (auto read = store->coded_passages(partnership, from, to); read) {
        passages = std::move(*read);
    } else {
        return tl::unexpected(read.error());
    }
    const analytics::ThemeSummary summary = analytics::summarise_themes(
        themes, passages, {from, to}, analytics::ThemeSlicing::Quarter, ctx.lang);
    auto check = store->self_assessment(partnership, core::half_year_of(from));
    if (!check) {
        return tl::unexpected(check.error());
    }
    mstch::array items;
    if (*check) {
        for (const core::Theme& item : check_items()) {
            for (const core::CheckAnswer& answer : (*check)->answers) {
                if (answer.item != item.id || (!answer.rating && answer.comment.empty())) {
                    continue;
                }
                items.push_back(
                    mstch::map{{"name", core::theme_name(item, ctx.lang)},
                               {"group", text_of(ctx, group_key(item.group))},
                               {"rating", answer.rating ? text_of(ctx, rating_key(*answer.rating))
                                                        : text_of(ctx, "eval_rating_none")},
                               {"comment", answer.comment}});
            }
        }
    }
    data["has_evaluation"] = true;
    data["eval_passages"] = std::to_string(summary.passages);
    data["eval_has_passages"] = summary.passages > 0;
    data["eval_slices"] = slice_headers(summary);
    data["eval_theme_rows"] = theme_rows(ctx, summary);
    data["eval_chart"] =
        chart_data(analytics::theme_totals_chart(summary, ctx.lang, "learn-themes"), false);
    data["eval_check_items"] = items;
    data["eval_has_check"] = !items.empty();
    return {};
}

std::vector<Route> evaluation_analysis_routes(const views::Templates& templates) {
    const std::vector<AccountRole> coordinators{AccountRole::Coordinator};
    const views::Templates* t = &templates;
    return {
        Route{Method::Get, "/coordinator/partnerships/:id/themes", false, false, coordinators,
              [t](RequestContext& ctx) { return themes_page(ctx, *t); }},
        Route{Method::Get, "/coordinator/partnerships/:id/check", false, false, coordinators,
              [t](RequestContext& ctx) { return check_page(ctx, *t); }},
        Route{Method::Post, "/coordinator/partnerships/:id/check", false, false, coordinators,
              [t](RequestContext& ctx) { return save_check(ctx, *t); }},
    };
}

}  // namespace samskab::web::pages
