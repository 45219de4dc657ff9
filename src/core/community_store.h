#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/community.h"
#include "core/result.h"

namespace samskab::core {

// The day-to-day reads and writes of the web application. Implemented by storage/sqlite.
// Every method is one durable transaction. Errors: NotFound (field names the unknown id's
// parameter, e.g. "occurrence"), Conflict (the write contradicts what is stored), Storage.
// New records get ids made by the store: a prefix and random hex, e.g. "a-3f9c20d1e4b7".
class CommunityStore {
public:
    virtual ~CommunityStore() = default;

    // --- places and partnerships
    virtual Result<std::vector<PlaceView>> list_places() = 0;
    // The places among `places` (ids) and those of the partnerships among `partnerships`
    // (ids), in the order of list_places; unknown ids are left out. What a participant's or a
    // host's scope covers, without reading every place of a large deployment.
    virtual Result<std::vector<PlaceView>> list_places_in(
        const std::vector<std::string>& places, const std::vector<std::string>& partnerships) = 0;
    virtual Result<std::optional<PlaceView>> find_place(std::string_view place) = 0;
    virtual Result<std::vector<Partnership>> list_partnerships() = 0;
    // Creates (empty id) or updates a place; returns its id. NotFound "partnership".
    virtual Result<std::string> save_place(const Place& place) = 0;

    // --- people
    virtual Result<std::optional<PersonSummary>> find_person(std::string_view person,
                                                             bool with_support_need) = 0;
    // People registered in a partnership (explicitly, or through a visit, participation or
    // companion link there), by name.
    virtual Result<std::vector<PersonSummary>> people_of(std::string_view partnership,
                                                         bool with_support_need) = 0;
    // One page of people_of: at most `limit` people from the `offset`th (same order), and how
    // many there are in all. So that a partnership of tens of thousands is listed a page at a
    // time. This default reads them all; a store may do better.
    virtual Result<PeoplePage> people_page(std::string_view partnership, bool with_support_need,
                                           std::size_t offset, std::size_t limit) {
        auto all = people_of(partnership, with_support_need);
        if (!all) {
            return tl::unexpected(all.error());
        }
        PeoplePage page;
        page.total = all->size();
        for (std::size_t i = offset; i < all->size() && i - offset < limit; ++i) {
            page.people.push_back(std::move((*all)[i]));
        }
        return page;
    }
    // People of a partnership whose name contains `query` (case-insensitive), at most `limit`.
    virtual Result<std::vector<PersonSummary>> search_people(std::string_view partnership,
                                                             std::string_view query, int limit) = 0;
    virtual Result<std::string> create_person(const NewPerson& person) = 0;
    // The partnerships a person is registered in.
    virtual Result<std::vector<std::string>> partnerships_of(std::string_view person) = 0;

    // --- activities and occurrences
    virtual Result<std::vector<Activity>> activities_at(std::string_view place) = 0;
    // Occurrences starting in [from, to) at the given places, earliest first; `joined` says
    // whether `person` (may be empty) takes part.
    virtual Result<std::vector<OccurrenceView>> occurrences_between(
        const std::vector<std::string>& places, LocalTime from, LocalTime to,
        std::string_view person) = 0;
    // The activity with its occurrences from `from` on (at most `limit`).
    virtual Result<std::optional<ActivityView>> find_activity(std::string_view activity,
                                                              LocalTime from, int limit,
                                                              std::string_view person) = 0;
    virtual Result<std::string> create_activity(const NewActivity& activity) = 0;
    // NotFound "activity".
    virtual Result<void> rename_activity(std::string_view activity, std::string_view title) = 0;
    // Stores the rule and the occurrences it generates (core::expand_schedule); occurrences
    // already stored at the same start are kept. Returns the number of new occurrences.
    virtual Result<int> add_schedule(const WeeklySchedule& schedule) = 0;
    // One occurrence (a cause's meeting, a one-off event). Returns its id.
    virtual Result<std::string> add_occurrence(std::string_view activity, LocalTime start,
                                               LocalTime end) = 0;
    // Every occurrence `person` takes or took part in, wherever it is, earliest first (by
    // start, then id), with `joined` true. For the person's own page: one lookup per
    // participation instead of a listing of every day since they came. NotFound "person".
    virtual Result<std::vector<OccurrenceView>> occurrences_joined(std::string_view person) = 0;
    virtual Result<std::optional<OccurrenceDetail>> find_occurrence(std::string_view occurrence,
                                                                    bool with_support_need) = 0;

    // --- participation
    // Joins with role `active`; joining twice changes nothing. Conflict (field "occurrence")
    // when the occurrence has ended at `now`.
    virtual Result<void> join(std::string_view person, std::string_view occurrence,
                              LocalTime now) = 0;
    // Leaves without a reason. Conflict when the occurrence has ended at `now`.
    virtual Result<void> leave(std::string_view person, std::string_view occurrence,
                               LocalTime now) = 0;
    // NotFound "participation" when the person does not take part.
    virtual Result<void> set_role(std::string_view person, std::string_view occurrence,
                                  Role role) = 0;

    // --- breaks
    // Conflict when a break is already open / none is open.
    virtual Result<void> start_break(std::string_view person, Day day) = 0;
    virtual Result<void> end_break(std::string_view person, Day day) = 0;
    virtual Result<std::optional<Break>> current_break(std::string_view person) = 0;

    // --- the host's day
    // Records a visit; checking in twice on a day changes nothing.
    virtual Result<void> check_in(std::string_view person, std::string_view place, Day day) = 0;
    // Everyone checked in at `place` on `day`, by name, with the newcomer mark (NEWCOMER_DAYS).
    virtual Result<std::vector<CheckInView>> checked_in(std::string_view place, Day day) = 0;
    // A relation with source host_introduction from `day`. Conflict (field "b") when the two
    // already have an open relation; Invalid (field "b") when a == b.
    virtual Result<void> introduce(std::string_view a, std::string_view b, Day day) = 0;
    virtual Result<std::int64_t> add_logbook_note(const LogbookNote& note) = 0;
    // Notes of a place with day in [from, to], newest first.
    virtual Result<std::vector<LogbookNote>> logbook_notes(std::string_view place, Day from,
                                                           Day to) = 0;

    // --- host rota
    virtual Result<std::vector<RotaDay>> rota(std::string_view place, Day from, Day to) = 0;
    // Conflict when someone else hosts that day.
    virtual Result<void> take_rota_day(std::string_view place, Day day,
                                       std::string_view person) = 0;
    // NotFound when `person` does not host that day.
    virtual Result<void> release_rota_day(std::string_view place, Day day,
                                          std::string_view person) = 0;
    // Exchanges the hosts of two days (either may be empty).
    virtual Result<void> swap_rota_days(std::string_view place, Day first, Day second) = 0;

    // --- causes
    virtual Result<std::int64_t> add_action_item(const ActionItem& item) = 0;
    virtual Result<void> set_action_item_done(std::int64_t item, bool done) = 0;

    // --- the person's own data
    virtual Result<std::optional<PersonData>> person_data(std::string_view person) = 0;
    // Withdrawing consent removes what it covered: the support flag is cleared, pathways are
    // deleted, the companion's view closes, the person is left out of statistics loaded from
    // then on. `by` is the account that recorded the change (the person or a coordinator);
    // `on_paper` marks a consent a coordinator recorded from a signed form. Every call is
    // recorded in the consent history.
    virtual Result<void> set_consent(std::string_view person, const Consents& consents,
                                     bool support_need, std::int64_t by, bool on_paper,
                                     LocalTime at) = 0;
    virtual Result<void> request_deletion(std::string_view person, LocalTime at) = 0;

    // --- privacy (docs/privacy.md)
    // The people `companion` (a person id) accompanies through an open link on `today`, by
    // name; those who share their participation with their occurrences from 30 days before
    // `today` to 60 days after.
    virtual Result<std::vector<AccompaniedView>> accompanied_by(std::string_view companion,
                                                                Day today) = 0;
    // Rectification. Invalid "name" when the name is set and empty.
    virtual Result<void> correct_person(std::string_view person,
                                        const PersonCorrection& correction) = 0;
    // Open deletion requests of people registered in `partnership`, oldest first.
    virtual Result<std::vector<DeletionRequest>> deletion_requests(
        std::string_view partnership) = 0;
    // Erasure (GDPR art. 17): deletes the person with everything about them - participations,
    // visits, relations, companion links, pathways, breaks, consents, the host rota days,
    // logbook notes that name them, their account, and the access-log entries about them.
    // Activities they proposed stay, proposed by nobody. The self-evaluation's free text stays
    // for the partnership's evaluation with the person's name replaced by "[anonym]" wherever
    // it occurs (ignoring case): logbook entries' text answers, interviews' description of the
    // interviewee, interview notes, coded quotes (kept inside their note) and the
    // self-assessment's comments. An interview with the person as its registered interviewee
    // stays, unlinked from them, with the name taken out of all its text. NotFound "person".
    virtual Result<ErasureSummary> erase_person(std::string_view person) = 0;
    // Months of inactivity before anonymisation in a partnership (DEFAULT_RETENTION_MONTHS
    // unless set). Invalid "months" outside 1..600; NotFound "partnership".
    virtual Result<int> retention_months(std::string_view partnership) = 0;
    virtual Result<void> set_retention_months(std::string_view partnership, int months) = 0;
    // People not yet anonymised whose latest activity (joining, a visit, a participation, a
    // relation, a pathway, a login) is more than their retention period before `today`;
    // `months`, when set, overrides every partnership's setting. People with no dated
    // activity at all are not candidates.
    virtual Result<std::vector<RetentionCandidate>> retention_candidates(
        Day today, std::optional<int> months) = 0;
    // Anonymises the people: name replaced, id replaced by a new random one, account (the
    // contact) deleted, breaks, consent history and deletion requests deleted, their name
    // replaced by "[anonym]" in logbook notes and in the self-evaluation's free text, by the
    // same rule as erase_person. Visits, participations, relations, pathways, the support flag
    // and an interview's link to them as its interviewee stay, so that aggregates over past
    // periods keep their figures. Returns the new ids.
    virtual Result<std::vector<std::string>> anonymise(const std::vector<std::string>& people,
                                                       LocalTime at) = 0;
};

}  // namespace samskab::core
