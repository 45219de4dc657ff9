#include "analytics/report.h"

#include "analytics/indicators.h"
#include "analytics/period.h"
#include "analytics/phrases.h"
#include "analytics/report_view.h"
#include "analytics/scope.h"
#include "analytics/suppression.h"
#include "core/date.h"

namespace samskab::analytics {

core::Result<ReportView> make_report_view(const core::Dataset& data, const ReportRequest& request) {
    const core::Lang lang = request.lang;
    if (request.period.from > request.period.to) {
        return core::fail(core::ErrorCode::Invalid,
                          ui_format(lang, Ui::FromAfterTo, core::format_date(request.period.from),
                                    core::format_date(request.period.to)),
                          "--from");
    }
    if (request.suppress_k && *request.suppress_k < 1) {
        return core::fail(core::ErrorCode::Invalid,
                          ui_format(lang, Ui::KTooSmall, *request.suppress_k), "--suppress");
    }
    auto scope = resolve_scope(data, request.scope, lang);
    if (!scope) {
        return tl::unexpected(scope.error());
    }
    const IndicatorEngine engine(data, *scope);
    ReportView view{request, {}};
    for (const Period& period : slice_period(request.period, request.by)) {
        SliceFigures slice{period, flatten(engine.compute(period))};
        if (request.suppress_k) {
            suppress(slice.cells, *request.suppress_k);
        }
        view.slices.push_back(std::move(slice));
    }
    return view;
}

std::string describe_scope(const ReportRequest& request) {
    const core::Lang lang = request.lang;
    switch (request.scope.kind) {
        case ScopeKind::Place:
            return ui_format(lang, Ui::ScopePlace, request.scope.id);
        case ScopeKind::Partnership:
            return ui_format(lang, Ui::ScopePartnership, request.scope.id);
        case ScopeKind::All:
            break;
    }
    return std::string(ui_text(lang, Ui::ScopeAll));
}

core::Result<std::string> render_report(const core::Dataset& data, const ReportRequest& request) {
    const auto view = make_report_view(data, request);
    if (!view) {
        return tl::unexpected(view.error());
    }
    switch (request.format) {
        case Format::Text:
            return render_text(*view);
        case Format::Csv:
            return render_csv(*view);
        case Format::Html:
            return render_html(*view);
        case Format::Json:
            break;
    }
    return render_json(*view);
}

}  // namespace samskab::analytics
