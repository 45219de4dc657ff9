#include "web/api/api_json.h"

#include <cstdio>
#include <string_view>

#include "core/privacy.h"
#include "core/survey.h"

namespace samskab::web::api {

namespace {

Json text_or_null(const std::string& text) {
    return text.empty() ? Json(nullptr) : Json(text);
}

Json date_or_null(const std::optional<core::Day>& day) {
    return day ? Json(core::format_date(*day)) : Json(nullptr);
}

template <class E>
Json name_or_null(const std::optional<E>& value) {
    return value ? Json(core::name_of(*value)) : Json(nullptr);
}

std::string clock_time(int minute) {
    char text[24];
    std::snprintf(text, sizeof text, "%02d:%02d", minute / 60, minute % 60);
    return text;
}

Json companion_json(const core::CompanionLink& link) {
    return Json{{"person", link.person},
                {"companion", link.companion},
                {"partnership", link.partnership},
                {"from", core::format_date(link.from)},
                {"to", date_or_null(link.to)}};
}

}  // namespace

Json principal_json(const core::Principal& principal) {
    Json roles = Json::array();
    for (const core::RoleGrant& grant : principal.roles) {
        roles.push_back(Json{{"role", core::name_of(grant.role)},
                             {"partnership", text_or_null(grant.partnership)},
                             {"place", text_or_null(grant.place)}});
    }
    return Json{{"email", principal.email},
                {"name", principal.name},
                {"person", text_or_null(principal.person)},
                {"roles", std::move(roles)}};
}

Json place_json(const core::PlaceView& view) {
    return Json{{"id", view.place.id},
                {"name", view.place.name},
                {"partnership", view.place.partnership},
                {"partnership_name", view.partnership_name},
                {"support_threshold", view.place.support_threshold}};
}

Json person_json(const core::PersonSummary& person) {
    Json out{{"id", person.id}, {"name", person.name}};
    if (person.support_need) {
        out["support_need"] = *person.support_need;
    }
    return out;
}

Json occurrence_json(const core::OccurrenceView& view) {
    return Json{{"id", view.occurrence.id},
                {"activity", view.occurrence.activity},
                {"activity_title", view.activity_title},
                {"activity_kind", core::name_of(view.activity_kind)},
                {"place", view.place},
                {"place_name", view.place_name},
                {"start", core::format_local_time(view.occurrence.start)},
                {"end", core::format_local_time(view.occurrence.end)},
                {"participants", view.participants},
                {"joined", view.joined}};
}

Json activity_json(const core::ActivityView& view) {
    const core::Activity& activity = view.activity;
    Json upcoming = Json::array();
    for (const core::OccurrenceView& occurrence : view.upcoming) {
        upcoming.push_back(occurrence_json(occurrence));
    }
    Json schedules = Json::array();
    for (const core::WeeklySchedule& rule : view.schedules) {
        schedules.push_back(Json{{"weekday", rule.weekday},
                                 {"start", clock_time(rule.start_minute)},
                                 {"end", clock_time(rule.end_minute)},
                                 {"from", core::format_date(rule.from)},
                                 {"until", core::format_date(rule.until)}});
    }
    Json items = Json::array();
    for (const core::ActionItem& item : view.action_items) {
        items.push_back(Json{{"id", item.id},
                             {"text", item.text},
                             {"due", date_or_null(item.due)},
                             {"done", item.done}});
    }
    return Json{{"id", activity.id},
                {"place", activity.place},
                {"place_name", view.place_name},
                {"title", activity.title},
                {"kind", core::name_of(activity.kind)},
                {"initiated_by", activity.initiated_by ? Json(*activity.initiated_by) : Json()},
                {"initiator_name", text_or_null(view.initiator_name)},
                {"created", core::format_date(activity.created)},
                {"upcoming", std::move(upcoming)},
                {"schedules", std::move(schedules)},
                {"action_items", std::move(items)}};
}

Json occurrence_detail_json(const core::OccurrenceDetail& detail) {
    Json people = Json::array();
    for (const core::ParticipantView& participant : detail.participants) {
        people.push_back(Json{{"person", person_json(participant.person)},
                              {"role", core::name_of(participant.role)}});
    }
    return Json{{"occurrence", occurrence_json(detail.occurrence)},
                {"participants", std::move(people)}};
}

Json check_in_json(const core::CheckInView& check_in) {
    return Json{{"person", person_json(check_in.person)}, {"newcomer", check_in.newcomer}};
}

Json break_json(const std::optional<core::Break>& current) {
    if (!current) {
        return Json{{"on_break", false}, {"from", nullptr}, {"until", nullptr}};
    }
    return Json{{"on_break", !current->until.has_value()},
                {"from", core::format_date(current->from)},
                {"until", date_or_null(current->until)}};
}

Json person_data_json(const core::PersonData& data, const std::vector<core::AccessEntry>& log,
                      std::int64_t account) {
    const core::Person& person = data.person;
    auto who = [account](std::int64_t actor) {
        return actor == account ? "you" : actor == 0 ? "system" : "staff";
    };
    auto day_or_null = [](std::optional<core::Day> day) {
        return day && *day != core::NO_DAY ? Json(core::format_date(*day)) : Json(nullptr);
    };
    Json out;
    out["person"] = {{"id", person.id},
                     {"name", person.name},
                     {"support_need", person.support_need},
                     {"joined", day_or_null(person.joined)},
                     {"entry_channel", name_or_null(person.entry_channel)},
                     {"consent",
                      {{"support_need", data.consents.support_need},
                       {"pathways", data.consents.pathways},
                       {"companion", data.consents.companion},
                       {"statistics", data.consents.statistics}}}};
    out["consent_history"] = Json::array();
    for (const core::ConsentChange& change : data.consent_history) {
        out["consent_history"].push_back({{"at", core::format_local_time(change.at)},
                                          {"by", who(change.by)},
                                          {"on_paper", change.on_paper},
                                          {"support_need", change.given.support_need},
                                          {"pathways", change.given.pathways},
                                          {"companion", change.given.companion},
                                          {"statistics", change.given.statistics}});
    }
    out["partnerships"] = data.partnerships;
    for (const char* key : {"companions", "accompanying"}) {
        const auto& links =
            std::string_view(key) == "companions" ? data.companions : data.accompanying;
        out[key] = Json::array();
        for (const core::CompanionLink& link : links) {
            out[key].push_back(companion_json(link));
        }
    }
    out["participations"] = Json::array();
    for (const core::Participation& p : data.participations) {
        out["participations"].push_back(
            {{"occurrence", p.occurrence}, {"role", core::name_of(p.role)}});
    }
    out["visits"] = Json::array();
    for (const core::Visit& v : data.visits) {
        out["visits"].push_back({{"place", v.place}, {"date", core::format_date(v.date)}});
    }
    out["relations"] = Json::array();
    for (const core::Relation& r : data.relations) {
        out["relations"].push_back({{"a", r.a},
                                    {"b", r.b},
                                    {"since", core::format_date(r.since)},
                                    {"until", day_or_null(r.until)},
                                    {"source", core::name_of(r.source)}});
    }
    out["pathways"] = Json::array();
    for (const core::Pathway& p : data.pathways) {
        out["pathways"].push_back(
            {{"date", core::format_date(p.date)}, {"kind", core::name_of(p.kind)}});
    }
    out["breaks"] = Json::array();
    for (const core::Break& b : data.breaks) {
        out["breaks"].push_back(
            {{"from", core::format_date(b.from)}, {"until", day_or_null(b.until)}});
    }
    out["deletion_requested"] =
        data.deletion_requested ? Json(core::format_local_time(*data.deletion_requested)) : Json();
    out["access_log"] = Json::array();
    for (const core::AccessEntry& entry : log) {
        out["access_log"].push_back(
            {{"at", core::format_local_time(entry.at)},
             {"who", who(entry.actor)},
             {"action", entry.action},
             {"purpose", core::lookup_purpose(entry.action, entry.detail)}});
    }
    return out;
}

Json own_survey_answers_json(const std::vector<core::OwnSurveyAnswers>& rounds) {
    Json out = Json::array();
    for (const core::OwnSurveyAnswers& round : rounds) {
        Json answers = Json::object();
        for (const core::SurveyItem& item : round.answers) {
            if (item.answer) {
                answers[item.question] = std::string(core::survey_answer_name(*item.answer));
            }
        }
        out.push_back(Json{{"title", round.title},
                           {"partnership", round.partnership},
                           {"opens", core::format_date(round.opens)},
                           {"closes", core::format_date(round.closes)},
                           {"answers", std::move(answers)}});
    }
    return out;
}

}  // namespace samskab::web::api
