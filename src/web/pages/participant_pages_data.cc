// GET /me/data.json: everything samskab holds about the participant, as a file to keep
// (GDPR art. 15 and 20). Staff who looked at the data appear as "staff", not by name.

#include <nlohmann/json.hpp>

#include "web/http/services.h"
#include "web/pages/participant_pages_support.h"
#include "web/pages/privacy_support.h"

namespace samskab::web::pages::participant {

namespace {

using Json = nlohmann::ordered_json;

Json day_or_null(std::optional<core::Day> day) {
    return day && *day != core::NO_DAY ? Json(core::format_date(*day)) : Json(nullptr);
}

Json companion_links(const std::vector<core::CompanionLink>& links) {
    Json out = Json::array();
    for (const core::CompanionLink& link : links) {
        out.push_back({{"person", link.person},
                       {"companion", link.companion},
                       {"partnership", link.partnership},
                       {"from", core::format_date(link.from)},
                       {"to", day_or_null(link.to)}});
    }
    return out;
}

Json person_json(const core::PersonData& data, const std::vector<core::AccessEntry>& log,
                 std::int64_t account) {
    const core::Person& person = data.person;
    Json out;
    out["person"] = {
        {"id", person.id},
        {"name", person.name},
        {"support_need", person.support_need},
        {"joined", day_or_null(person.joined)},
        {"entry_channel", person.entry_channel
                              ? Json(std::string(core::name_of(*person.entry_channel)))
                              : Json(nullptr)},
        {"consent",
         {{"support_need", data.consents.support_need},
          {"pathways", data.consents.pathways},
          {"companion", data.consents.companion},
          {"statistics", data.consents.statistics}}},
    };
    out["consent_history"] = Json::array();
    for (const core::ConsentChange& change : data.consent_history) {
        out["consent_history"].push_back(
            {{"at", core::format_local_time(change.at)},
             {"by", change.by == account ? "you" : change.by == 0 ? "system" : "staff"},
             {"on_paper", change.on_paper},
             {"support_need", change.given.support_need},
             {"pathways", change.given.pathways},
             {"companion", change.given.companion},
             {"statistics", change.given.statistics}});
    }
    out["partnerships"] = data.partnerships;
    out["companions"] = companion_links(data.companions);
    out["accompanying"] = companion_links(data.accompanying);
    out["participations"] = Json::array();
    for (const core::Participation& participation : data.participations) {
        out["participations"].push_back({{"occurrence", participation.occurrence},
                                         {"role", std::string(core::name_of(participation.role))}});
    }
    out["visits"] = Json::array();
    for (const core::Visit& visit : data.visits) {
        out["visits"].push_back({{"place", visit.place}, {"date", core::format_date(visit.date)}});
    }
    out["relations"] = Json::array();
    for (const core::Relation& relation : data.relations) {
        out["relations"].push_back({{"a", relation.a},
                                    {"b", relation.b},
                                    {"since", core::format_date(relation.since)},
                                    {"until", day_or_null(relation.until)},
                                    {"source", std::string(core::name_of(relation.source))}});
    }
    out["pathways"] = Json::array();
    for (const core::Pathway& pathway : data.pathways) {
        out["pathways"].push_back({{"date", core::format_date(pathway.date)},
                                   {"kind", std::string(core::name_of(pathway.kind))}});
    }
    out["breaks"] = Json::array();
    for (const core::Break& pause : data.breaks) {
        out["breaks"].push_back(
            {{"from", core::format_date(pause.from)}, {"until", day_or_null(pause.until)}});
    }
    out["deletion_requested"] = data.deletion_requested
                                    ? Json(core::format_local_time(*data.deletion_requested))
                                    : Json(nullptr);
    out["access_log"] = Json::array();
    for (const core::AccessEntry& entry : log) {
        std::string who = entry.actor == account ? "you" : entry.actor == 0 ? "system" : "staff";
        out["access_log"].push_back(
            {{"at", core::format_local_time(entry.at)},
             {"who", who},
             {"action", entry.action},
             {"purpose", std::string(lookup_purpose_key(entry.action, entry.detail))
                             .substr(7)}});  // "lookup_" off
    }
    return out;
}

}  // namespace

Response my_data_json(const RequestContext& ctx, const views::Templates& templates) {
    const std::string& person = ctx.principal->person;
    if (person.empty()) {
        return not_a_participant(ctx, templates);
    }
    auto data = ctx.services.community.person_data(person);
    auto log = ctx.services.accounts.access_log_of(person);
    if (!data || !log) {
        return storage_failure(ctx, templates);
    }
    if (!*data) {
        return error_page(ctx, templates, 404);
    }
    Response response =
        Response::json(person_json(**data, *log, ctx.principal->account).dump(2) + "\n");
    response.set_header("Content-Disposition", "attachment; filename=\"samskab-my-data.json\"");
    return response;
}

}  // namespace samskab::web::pages::participant
