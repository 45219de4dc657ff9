#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <mstch/mstch.hpp>

#include "core/community.h"
#include "core/interview_store.h"
#include "web/http/response.h"
#include "web/http/route.h"
#include "web/http/services.h"
#include "web/pages/host_pages_support.h"
#include "web/pages/page.h"
#include "web/views/templates.h"

// The self-evaluation's qualitative pages, for the coordinators of a whole partnership only:
// interview notes are health-adjacent, so participants, hosts, companions, the municipal analyst
// and coordinators of a single place never see them. Split by area:
// interview_pages_codebook.cc (the partnership's evaluation page, its codebook, interview
// guides), interview_pages_interviews.cc (interviews, notes, coding),
// interview_pages_analysis.cc (the theme summary and the promoters/inhibitors check) and
// interview_pages_export.cc (the codings as CSV and Excel downloads).
// interview_routes() in page.h returns every set.
namespace samskab::web::pages {

// The partnership a page is about and the store, or the response to send instead: 403 when the
// principal does not coordinate the whole partnership (also for an unknown id, so that ids
// cannot be probed), 404 when the application has no interview store.
struct EvaluationScope {
    std::optional<core::Partnership> partnership;
    core::InterviewStore* store = nullptr;
    std::optional<Response> response;
};
EvaluationScope resolve_evaluation(const RequestContext& ctx, const views::Templates& templates,
                                   std::string_view partnership);

// A positive decimal id from a path, or nullopt.
std::optional<std::int64_t> parse_record_id(std::string_view text);

// A guide or an interview named by the path's :id, with the scope of its partnership: 404 for a
// malformed id, a missing store or an unknown record; the storage-failure page when the lookup
// fails. `find(store, id)` looks the record up; `partnership_of(record)` names its partnership.
template <class Record>
struct RecordScope {
    std::optional<Record> record;
    EvaluationScope scope;
};

template <class Record, class Find, class PartnershipOf>
RecordScope<Record> resolve_record(const RequestContext& ctx, const views::Templates& templates,
                                   Find find, PartnershipOf partnership_of) {
    RecordScope<Record> result;
    const auto id = parse_record_id(ctx.params.value("id"));
    if (!ctx.services.interviews || !id) {
        result.scope.response = error_page(ctx, templates, 404);
        return result;
    }
    auto found = find(*ctx.services.interviews, *id);
    if (!found) {
        result.scope.response = failure_page(ctx, templates, found.error());
        return result;
    }
    if (!*found) {
        result.scope.response = error_page(ctx, templates, 404);
        return result;
    }
    result.scope = resolve_evaluation(ctx, templates, partnership_of(**found));
    result.record = std::move(**found);
    return result;
}

// "/coordinator/partnerships/<id>" and the pages under it.
std::string evaluation_base(std::string_view partnership);

// The catalogue key of a theme group's name ("eval_group_motivation", ...).
std::string group_key(core::ThemeGroup group);

// The themes as <select> options in the request's language (only active ones when
// `active_only`), with `selected` chosen.
mstch::array theme_options(const RequestContext& ctx, const std::vector<core::Theme>& themes,
                           bool active_only, std::string_view selected);

std::vector<Route> evaluation_codebook_routes(const views::Templates& templates);
std::vector<Route> evaluation_interview_routes(const views::Templates& templates);
std::vector<Route> evaluation_analysis_routes(const views::Templates& templates);
// GET .../codings.csv and .../codings.xlsx: every coded passage of the partnership's interviews
// (optionally only those dated in the query's "from" to "to"; 400 naming the field when
// either is not a date or the period ends before it starts), logged as a listing of people.
std::vector<Route> evaluation_export_routes(const views::Templates& templates);

// The learning-meeting report's part of the self-evaluation for a partnership and a half-year:
// "themes" (the theme summary: "theme_chart", "theme_rows" with counts and quotes) and
// "check_items" (the saved ratings and comments), with "has_evaluation" set. Nothing is added
// when the principal does not coordinate the whole partnership or there is no store. Storage
// errors are returned.
core::Result<void> add_evaluation_summary(mstch::map& data, const RequestContext& ctx,
                                          std::string_view partnership, core::Day from,
                                          core::Day to);

}  // namespace samskab::web::pages
