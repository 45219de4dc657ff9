#include "web/pages/privacy_support.h"

#include "core/privacy.h"
#include "web/http/access_log.h"
#include "web/http/router.h"
#include "web/http/services.h"
#include "web/pages/host_pages_support.h"
#include "web/views/format.h"

namespace samskab::web::pages {

core::Result<void> log_person_views(const RequestContext& ctx,
                                    const std::vector<std::string>& people,
                                    std::string_view action) {
    return log_people_shown(
        ctx, people, action,
        std::string(method_name(ctx.request.method)) + " " + request_target(ctx));
}

std::string_view lookup_purpose_key(std::string_view action, std::string_view detail) {
    const std::string_view purpose = core::lookup_purpose(action, detail);
    for (std::string_view key : {"lookup_coordination", "lookup_hosting", "lookup_companion",
                                 "lookup_export", "lookup_login"}) {
        if (key.substr(7) == purpose) {
            return key;
        }
    }
    return "lookup_other";
}

std::string given_purposes(const RequestContext& ctx, const core::Consents& consents) {
    std::string out;
    for (std::size_t i = 0; i < core::COUNT<core::Purpose>; ++i) {
        const auto purpose = static_cast<core::Purpose>(i);
        if (core::consents_to(consents, purpose)) {
            out += out.empty() ? "" : ", ";
            out += text(ctx, "purpose_" + std::string(core::name_of(purpose)));
        }
    }
    return out.empty() ? std::string(text(ctx, "consent_given_none")) : out;
}

mstch::array consent_history_rows(const RequestContext& ctx,
                                  const std::vector<core::ConsentChange>& history) {
    mstch::array rows;
    for (auto change = history.rbegin(); change != history.rend(); ++change) {
        std::string who = change->on_paper ? std::string(text(ctx, "consent_history_paper"))
                          : change->by == ctx.principal->account
                              ? std::string(text(ctx, "consent_history_you"))
                              : std::string(text(ctx, "consent_history_staff"));
        rows.push_back(mstch::map{{"when", views::format_full_date_time(change->at, ctx.lang)},
                                  {"who", who},
                                  {"given", given_purposes(ctx, change->given)}});
    }
    return rows;
}

}  // namespace samskab::web::pages
