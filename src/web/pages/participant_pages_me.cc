// "My page" (GET /me): everything samskab holds about the participant, the correction of their
// name, their consents, and the request for deletion. The support-need flag is shown here and
// nowhere else a participant can see.

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/privacy.h"
#include "web/http/http_parsing.h"
#include "web/http/services.h"
#include "web/pages/host_pages_support.h"
#include "web/pages/page.h"
#include "web/pages/participant_pages_support.h"
#include "web/pages/privacy_support.h"
#include "web/views/format.h"

namespace samskab::web::pages::participant {

namespace {

// The access log can grow long for a person who is followed closely; the page shows the
// latest entries and the download holds them all.
constexpr std::size_t ACCESS_LOG_SHOWN = 200;

std::string date_or_none(const RequestContext& ctx, std::optional<core::Day> day) {
    return day && *day != core::NO_DAY ? views::format_date(*day, ctx.lang)
                                       : std::string(text(ctx, "none"));
}

std::string name_of(const RequestContext& ctx, const std::string& person) {
    auto found = ctx.services.community.find_person(person, false);
    return found && *found ? (*found)->name : person;
}

mstch::array participations(const RequestContext& ctx, const core::PersonData& data) {
    // One query for the titles, times and places of every occurrence the person took part
    // in, wherever it was: it is their own record. (Listing their places' days instead read
    // every day since they came, seconds for someone who has been coming for years.) An
    // occurrence the store cannot describe is listed by its id.
    std::map<std::string, core::OccurrenceView, std::less<>> known;
    if (!data.participations.empty()) {
        auto listed = ctx.services.community.occurrences_joined(data.person.id);
        if (listed) {
            for (core::OccurrenceView& view : *listed) {
                known.emplace(view.occurrence.id, std::move(view));
            }
        }
    }
    std::vector<std::pair<core::LocalTime, mstch::map>> rows;
    for (const core::Participation& participation : data.participations) {
        auto found = known.find(participation.occurrence);
        bool has_view = found != known.end();
        rows.emplace_back(has_view ? found->second.occurrence.start : 0,
                          mstch::map{
                              {"when", has_view ? views::format_full_date_time(
                                                      found->second.occurrence.start, ctx.lang)
                                                : participation.occurrence},
                              {"title", has_view ? found->second.activity_title : std::string()},
                              {"place", has_view ? found->second.place_name : std::string()},
                              {"role", std::string(role_text(ctx, participation.role))},
                          });
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    mstch::array out;
    for (auto& row : rows) {
        out.push_back(std::move(row.second));
    }
    return out;
}

mstch::array access_log(const RequestContext& ctx, const std::vector<core::AccessEntry>& log) {
    mstch::array out;
    for (std::size_t i = 0; i < log.size() && i < ACCESS_LOG_SHOWN; ++i) {
        const core::AccessEntry& entry = log[i];
        // Staff are not named: the person learns that their data was looked at, and when.
        std::string_view who = entry.actor == ctx.principal->account ? "access_you"
                               : entry.actor == 0                    ? "access_system"
                                                                     : "access_staff";
        std::string_view what = entry.action == "view"     ? "access_view"
                                : entry.action == "export" ? "access_export"
                                : entry.action == "change" ? "access_change"
                                                           : "access_other";
        out.push_back(mstch::map{
            {"when", views::format_full_date_time(entry.at, ctx.lang)},
            {"who", std::string(text(ctx, who))},
            {"what", std::string(text(ctx, what))},
            {"purpose", std::string(text(ctx, lookup_purpose_key(entry.action, entry.detail)))}});
    }
    return out;
}

// My page; after a refused name change, with the errors and the name as it was typed.
Response me_response(const RequestContext& ctx, const views::Templates& templates,
                     const std::vector<FieldError>& errors, const Params& form) {
    const std::string& person = ctx.principal->person;
    if (person.empty()) {
        return not_a_participant(ctx, templates);
    }
    auto data = ctx.services.community.person_data(person);
    auto all_places = ctx.services.community.list_places();
    auto partnerships = ctx.services.community.list_partnerships();
    auto log = ctx.services.accounts.access_log_of(person);
    if (!data || !all_places || !partnerships || !log) {
        return storage_failure(ctx, templates);
    }
    if (!*data) {
        return error_page(ctx, templates, 404);
    }
    const core::PersonData& me = **data;
    std::map<std::string, std::string, std::less<>> place_names;
    for (const core::PlaceView& view : *all_places) {
        place_names.emplace(view.place.id, view.place.name);
    }

    mstch::array partnership_list;
    for (const std::string& id : me.partnerships) {
        std::string name = id;
        for (const core::Partnership& partnership : *partnerships) {
            if (partnership.id == id) {
                name = partnership.name;
            }
        }
        partnership_list.push_back(mstch::map{{"name", name}});
    }
    mstch::array visits;
    for (auto visit = me.visits.rbegin(); visit != me.visits.rend(); ++visit) {
        auto place = place_names.find(visit->place);
        visits.push_back(
            mstch::map{{"date", views::format_date(visit->date, ctx.lang)},
                       {"place", place == place_names.end() ? visit->place : place->second}});
    }
    mstch::array relations;
    for (const core::Relation& relation : me.relations) {
        const std::string& other = relation.a == person ? relation.b : relation.a;
        relations.push_back(mstch::map{
            {"name", name_of(ctx, other)},
            {"how",
             std::string(text(ctx, "source_" + std::string(core::name_of(relation.source))))},
            {"since", views::format_date(relation.since, ctx.lang)},
            {"until",
             relation.until ? views::format_date(*relation.until, ctx.lang) : std::string()}});
    }
    mstch::array pathways;
    for (const core::Pathway& pathway : me.pathways) {
        pathways.push_back(mstch::map{
            {"date", views::format_date(pathway.date, ctx.lang)},
            {"kind",
             std::string(text(ctx, "pathway_" + std::string(core::name_of(pathway.kind))))}});
    }
    mstch::array breaks;
    bool on_break = false;
    for (const core::Break& pause : me.breaks) {
        on_break = on_break || !pause.until;
        breaks.push_back(
            mstch::map{{"from", views::format_date(pause.from, ctx.lang)},
                       {"until", pause.until ? views::format_date(*pause.until, ctx.lang)
                                             : std::string(text(ctx, "break_still_on"))}});
    }
    auto links = [&](const std::vector<core::CompanionLink>& list, bool companion) {
        mstch::array out;
        for (const core::CompanionLink& link : list) {
            out.push_back(mstch::map{
                {"name", name_of(ctx, companion ? link.companion : link.person)},
                {"from", views::format_date(link.from, ctx.lang)},
                {"until", link.to ? views::format_date(*link.to, ctx.lang) : std::string()}});
        }
        return out;
    };
    mstch::array rows = participations(ctx, me);
    mstch::array accompanied_by = links(me.companions, true);
    mstch::array accompanying = links(me.accompanying, false);
    mstch::array access = access_log(ctx, *log);
    mstch::map view{
        {"name", me.person.name},
        {"joined", date_or_none(ctx, me.person.joined)},
        {"has_entry_channel", me.person.entry_channel.has_value()},
        {"entry_channel", me.person.entry_channel
                              ? std::string(text(ctx, "channel_" + std::string(core::name_of(
                                                                       *me.person.entry_channel))))
                              : std::string()},
        {"support_consent", me.person.consent.support_need},
        {"support_need", me.person.support_need},
        {"pathways_consent", me.person.consent.pathways},
        {"companion_consent", me.consents.companion},
        {"statistics_consent", me.consents.statistics},
        {"has_consent_history", !me.consent_history.empty()},
        {"consent_saved", ctx.request.query.value("saved") == "consent"},
        {"has_participations", !rows.empty()},
        {"has_visits", !visits.empty()},
        {"has_relations", !relations.empty()},
        {"has_pathways", !pathways.empty()},
        {"has_breaks", !breaks.empty()},
        {"on_break", on_break},
        {"has_companions", !accompanied_by.empty()},
        {"has_accompanying", !accompanying.empty()},
        {"has_access", !access.empty()},
        {"access_cut", log->size() > ACCESS_LOG_SHOWN},
        {"deletion_requested", me.deletion_requested.has_value()},
        {"deletion_date", me.deletion_requested
                              ? views::format_full_date_time(*me.deletion_requested, ctx.lang)
                              : std::string()},
        {"back", std::string("/me")},
    };
    // Lists are moved in: an initializer list would copy them.
    view["partnerships"] = std::move(partnership_list);
    view["participations"] = std::move(rows);
    view["visits"] = std::move(visits);
    view["relations"] = std::move(relations);
    view["pathways"] = std::move(pathways);
    view["breaks"] = std::move(breaks);
    view["companions"] = std::move(accompanied_by);
    view["accompanying"] = std::move(accompanying);
    view["access"] = std::move(access);
    view["consent_history"] = consent_history_rows(ctx, me.consent_history);
    view["name_input"] = errors.empty() ? me.person.name : std::string(form.value("name"));
    view["name_saved"] = ctx.request.query.value("saved") == "name";
    if (!errors.empty()) {
        add_form_errors(view, errors);
        return render_page(ctx, templates, "title_me", "me", std::move(view), 422);
    }
    return render_page(ctx, templates, "title_me", "me", std::move(view));
}

Response my_page(const RequestContext& ctx, const views::Templates& templates) {
    return me_response(ctx, templates, {}, Params{});
}

// POST /me/name: rectification by the person themselves (GDPR art. 16). Only the name: the
// other facts are the partnership's records, which a coordinator corrects.
Response save_name(const RequestContext& ctx, const views::Templates& templates) {
    const std::string& person = ctx.principal->person;
    if (person.empty()) {
        return not_a_participant(ctx, templates);
    }
    const Params form = form_of(ctx);
    const std::string_view name = form.value("name");
    if (name.find_first_not_of(" \t") == std::string_view::npos) {
        return me_response(ctx, templates, {field_missing(ctx, "name", "me_name")}, form);
    }
    if (name.size() > core::MAX_PERSON_NAME_LENGTH) {
        return me_response(ctx, templates,
                           {field_problem(ctx, "name", "me_name", text(ctx, "me_name_too_long"))},
                           form);
    }
    core::PersonCorrection correction;
    correction.name = std::string(name);
    auto corrected = ctx.services.community.correct_person(person, correction);
    if (!corrected) {
        if (corrected.error().code == core::ErrorCode::Invalid) {
            return me_response(ctx, templates, {field_error(corrected.error())}, form);
        }
        return storage_failure(ctx, templates);
    }
    return Response::redirect("/me?saved=name#name");
}

// POST /me/consent: the boxes ticked are the consents given, one per purpose. Withdrawing one
// removes the data it covered (the store clears the flag, deletes the pathways, closes the
// companion's view, leaves the person out of statistics); the page says so above the button.
Response save_consent(const RequestContext& ctx, const views::Templates& templates) {
    const std::string& person = ctx.principal->person;
    if (person.empty()) {
        return not_a_participant(ctx, templates);
    }
    auto current = ctx.services.community.find_person(person, true);
    if (!current) {
        return storage_failure(ctx, templates);
    }
    if (!*current) {
        return error_page(ctx, templates, 404);
    }
    Params form = form_of(ctx);
    core::Consents consent{form.value("support_need") == "1", form.value("pathways") == "1",
                           form.value("companion") == "1", form.value("statistics") == "1"};
    // The flag itself is recorded by a coordinator; here it can only be kept or removed.
    bool flag = consent.support_need && (*current)->support_need.value_or(false);
    auto saved = ctx.services.community.set_consent(person, consent, flag, ctx.principal->account,
                                                    false, ctx.services.clock.now());
    if (!saved) {
        return storage_failure(ctx, templates);
    }
    return Response::redirect("/me?saved=consent");
}

Response request_deletion(const RequestContext& ctx, const views::Templates& templates) {
    const std::string& person = ctx.principal->person;
    if (person.empty()) {
        return not_a_participant(ctx, templates);
    }
    if (!ctx.services.community.request_deletion(person, ctx.services.clock.now())) {
        return storage_failure(ctx, templates);
    }
    return render_page(ctx, templates, "title_deletion_done", "deletion_done", mstch::map{});
}

}  // namespace

std::vector<Route> me_routes(const views::Templates& templates) {
    const views::Templates* t = &templates;
    const std::vector<core::AccountRole> roles = {core::AccountRole::Participant};
    auto page = [t](Response (*handler)(const RequestContext&, const views::Templates&)) {
        return [t, handler](RequestContext& ctx) { return handler(ctx, *t); };
    };
    return {
        Route{Method::Get, "/me", false, false, roles, page(my_page)},
        Route{Method::Get, "/me/data.json", false, false, roles, page(my_data_json)},
        Route{Method::Post, "/me/consent", false, false, roles, page(save_consent)},
        Route{Method::Post, "/me/name", false, false, roles, page(save_name)},
        Route{Method::Post, "/me/deletion", false, false, roles, page(request_deletion)},
    };
}

}  // namespace samskab::web::pages::participant
