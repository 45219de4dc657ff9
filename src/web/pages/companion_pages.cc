// The companion's page (GET /companion): the people the companion accompanies, each showing
// only what they have chosen to share (core::Purpose::Companion). By default a companion learns
// only that the person is registered: a professional who can watch a vulnerable person's
// participation keeps that person stigmatised (PRODUCT.md). Never support flags, relations or
// logbook notes: the store's AccompaniedView has no room for them.

#include "web/http/services.h"
#include "web/pages/page.h"
#include "web/pages/privacy_support.h"
#include "web/views/format.h"

namespace samskab::web::pages {

namespace {

Response companion_page(const RequestContext& ctx, const views::Templates& templates) {
    const std::string& me = ctx.principal->person;
    mstch::array people;
    if (!me.empty()) {
        auto accompanied = ctx.services.community.accompanied_by(me, ctx.services.clock.today());
        if (!accompanied) {
            return error_page(ctx, templates, 500);
        }
        std::vector<std::string> seen;
        for (const core::AccompaniedView& view : *accompanied) {
            seen.push_back(view.person.id);
        }
        // Even "is registered" is the person's data, seen by someone else.
        if (auto logged = log_person_views(ctx, seen); !logged) {
            return error_page(ctx, templates, 500);
        }
        for (const core::AccompaniedView& view : *accompanied) {
            mstch::array occurrences;
            for (const core::OccurrenceView& occurrence : view.participations) {
                occurrences.push_back(mstch::map{
                    {"when", views::format_full_date_time(occurrence.occurrence.start, ctx.lang)},
                    {"title", occurrence.activity_title},
                    {"place", occurrence.place_name}});
            }
            const bool has_occurrences = !occurrences.empty();
            people.push_back(mstch::map{{"name", view.person.name},
                                        {"shares", view.shares},
                                        {"has_occurrences", has_occurrences},
                                        {"occurrences", std::move(occurrences)}});
        }
    }
    const bool has_people = !people.empty();
    mstch::map data{{"has_people", has_people}};
    data["people"] = std::move(people);
    return render_page(ctx, templates, "title_companion", "companion", std::move(data));
}

}  // namespace

std::vector<Route> companion_routes(const views::Templates& templates) {
    const views::Templates* t = &templates;
    return {
        Route{Method::Get,
              "/companion",
              false,
              false,
              {core::AccountRole::Companion},
              [t](RequestContext& ctx) { return companion_page(ctx, *t); }},
    };
}

}  // namespace samskab::web::pages
