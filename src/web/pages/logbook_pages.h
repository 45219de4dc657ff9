#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <mstch/mstch.hpp>

#include "analytics/report.h"
#include "core/access.h"
#include "core/logbook.h"
#include "core/logbook_store.h"
#include "web/http/response.h"
#include "web/http/route.h"
#include "web/pages/xlsx_export.h"
#include "web/views/templates.h"

// Logbook templates that a partnership designs itself, and their entries: the coordinator's
// pages (logbook_pages_coordinator.cc: list, create, fields and versions), the entries, summary
// and CSV and Excel downloads (logbook_pages_entries.cc), and the host's entry form
// (logbook_pages_host.cc).
// logbook_routes() in page.h returns every set. The routes need Services::logbooks; without it
// they answer 404.
namespace samskab::web::pages {

// The template a page is about, with its place, or the response to send instead: 404 when
// either does not exist (or the application has no logbook store), 403 when the principal does
// not hold `role` at the template's place.
struct LogbookAccess {
    std::optional<core::LogbookTemplate> logbook;
    std::optional<core::PlaceView> place;
    std::optional<Response> response;
};
LogbookAccess resolve_logbook(const RequestContext& ctx, const views::Templates& templates,
                              std::string_view id, core::AccountRole role);

// The name of a field type in the request's language ("Tal", "Skala 1-5", ...).
std::string field_type_label(const RequestContext& ctx, core::FieldType type);

// An answer as a reader sees it: numbers with the language's decimal mark, yes/no in words,
// dates "1.12.2020", choices and the names of the people present separated by ", ".
std::string answer_text(const RequestContext& ctx, const core::EntryValue& value,
                        core::FieldType type);

// The summary of `logbook` over `period` as page data (analytics/logbook_summary.h): "entries",
// "fields" [{label, type, answered, unanswered, has_mean, mean, median, charts}], and
// "has_fields". Rendered by the partial logbook_summary_fields.
mstch::map summary_data(const RequestContext& ctx, const core::LogbookTemplate& logbook,
                        const std::vector<core::LogbookEntry>& entries, analytics::Period period,
                        analytics::SliceBy by, const std::string& id_prefix);

// The logbook summaries of the templates at `places` (or of the whole `partnership` when it is
// not empty) over `period`, for the learning-meeting report: [{name, place, summary...}].
core::Result<mstch::array> learning_meeting_logbooks(const RequestContext& ctx,
                                                     const std::vector<core::PlaceView>& places,
                                                     analytics::Period period);

// The entries as CSV for Danish Excel: UTF-8 with a byte order mark, ';' between cells, decimal
// comma, CR LF; the columns day, written_at, version, author, then one per field key of every
// version; the people present by name.
std::string entries_csv(const core::LogbookTemplate& logbook,
                        const std::vector<core::LogbookEntry>& entries);

// The entries as the sheets of an Excel workbook (xlsx_export.h): first the columns of
// entries_csv, one row per entry (the day and the numbers as Excel dates and numbers, yes/no
// as "ja"/"nej", everything else as text), then the summary per field over `period` (field,
// key, type, answered, not answered, mean, median). Sheet names and the summary's headers in
// the request's language.
std::vector<XlsxSheet> entries_sheets(const RequestContext& ctx,
                                      const core::LogbookTemplate& logbook,
                                      const std::vector<core::LogbookEntry>& entries,
                                      analytics::Period period);

std::vector<Route> logbook_coordinator_routes(const views::Templates& templates);
std::vector<Route> logbook_entry_routes(const views::Templates& templates);
std::vector<Route> logbook_host_routes(const views::Templates& templates);

}  // namespace samskab::web::pages
