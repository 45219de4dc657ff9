// Proposing an activity or opening a cause (GET/POST /activities/new): the participant becomes
// its initiator.

#include <string>
#include <utility>
#include <vector>

#include "web/http/http_parsing.h"
#include "web/http/services.h"
#include "web/pages/page.h"
#include "web/pages/participant_pages_support.h"

namespace samskab::web::pages::participant {

namespace {

// In code points, as people count letters.
constexpr std::size_t MAX_TITLE_LENGTH = 200;

std::size_t code_points(std::string_view text) {
    std::size_t count = 0;
    for (char c : text) {
        // Every byte but a UTF-8 continuation byte starts a code point.
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++count;
        }
    }
    return count;
}

std::string_view propose_trimmed(std::string_view text) {
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && blank(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && blank(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

struct ProposeForm {
    std::string title;
    std::string place;
    std::string kind;
};

mstch::map form_data(const std::vector<core::PlaceView>& places, const ProposeForm& form) {
    mstch::array options;
    for (const core::PlaceView& view : places) {
        options.push_back(mstch::map{{"id", view.place.id},
                                     {"name", view.place.name},
                                     {"selected", view.place.id == form.place}});
    }
    return mstch::map{
        {"title", form.title},
        {"places", std::move(options)},
        {"kind_initiative", form.kind == "initiative"},
        {"kind_cause", form.kind == "cause"},
    };
}

Response propose_form(const RequestContext& ctx, const views::Templates& templates) {
    if (ctx.principal->person.empty()) {
        return not_a_participant(ctx, templates);
    }
    auto places = places_of(ctx);
    if (!places) {
        return storage_failure(ctx, templates);
    }
    ProposeForm form;
    // One place needs no choosing.
    if (places->size() == 1) {
        form.place = places->front().place.id;
    }
    return render_page(ctx, templates, "title_propose", "propose", form_data(*places, form));
}

Response propose(const RequestContext& ctx, const views::Templates& templates) {
    const std::string& person = ctx.principal->person;
    if (person.empty()) {
        return not_a_participant(ctx, templates);
    }
    auto places = places_of(ctx);
    if (!places) {
        return storage_failure(ctx, templates);
    }
    Params fields = form_of(ctx);
    ProposeForm form{std::string(propose_trimmed(fields.value("title"))),
                     std::string(fields.value("place")), std::string(fields.value("kind"))};
    std::vector<FieldError> errors;
    if (form.title.empty()) {
        errors.push_back({"title", std::string(text(ctx, "error_title_required"))});
    } else if (code_points(form.title) > MAX_TITLE_LENGTH) {
        errors.push_back({"title", std::string(text(ctx, "error_title_too_long"))});
    }
    if (!contains_place(*places, form.place)) {
        errors.push_back({"place", std::string(text(ctx, "error_place_choose"))});
    }
    auto kind = core::parse_name<core::ActivityKind>(form.kind);
    // Participants start initiatives and causes; fixed activities are the coordinator's.
    if (!kind || *kind == core::ActivityKind::Fixed) {
        errors.push_back({"kind_initiative", std::string(text(ctx, "error_kind_choose"))});
    }
    if (errors.empty()) {
        auto created = ctx.services.community.create_activity(
            core::NewActivity{form.place, form.title, *kind, person, ctx.services.clock.today()});
        if (created) {
            return Response::redirect("/activities/" + percent_encode(*created));
        }
        if (created.error().code != core::ErrorCode::Invalid) {
            return storage_failure(ctx, templates);
        }
        errors.push_back({"title", std::string(text(ctx, "error_title_required"))});
    }
    mstch::map data = form_data(*places, form);
    add_form_errors(data, errors);
    return render_page(ctx, templates, "title_propose", "propose", std::move(data), 422);
}

}  // namespace

std::vector<Route> propose_routes(const views::Templates& templates) {
    const views::Templates* t = &templates;
    const std::vector<core::AccountRole> roles = {core::AccountRole::Participant};
    return {
        Route{Method::Get, "/activities/new", false, false, roles,
              [t](RequestContext& ctx) { return propose_form(ctx, *t); }},
        Route{Method::Post, "/activities/new", false, false, roles,
              [t](RequestContext& ctx) { return propose(ctx, *t); }},
    };
}

}  // namespace samskab::web::pages::participant
