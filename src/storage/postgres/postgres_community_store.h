#pragma once

#include <memory>

#include "core/community_store.h"
#include "storage/postgres/postgres_fields.h"
#include "storage/postgres/postgres_pool.h"

namespace samskab::storage::postgres {

// core::CommunityStore over PostgreSQL (migrations 1, 3 and 4, the same tables as SQLite's),
// with exactly the behaviour of storage/sqlite's SqliteCommunityStore (see its header for the
// errors beyond the interface's comments), which the conformance tests (src/storage/conformance)
// check on both. Safe to call from several threads: each call borrows a connection of the
// shared pool and is one transaction (writes SERIALIZABLE, see postgres_pool.h).
// The implementation is split by area as SQLite's is: postgres_community_places.cc (places,
// partnerships, people), postgres_community_activities.cc (activities, occurrences,
// participation), postgres_community_host.cc (the host's day, logbook, rota, action items),
// postgres_community_person.cc (breaks, the person's own data, consent, deletion requests) and
// postgres_community_privacy.cc (the companion's view, rectification, erasure, retention).
class PostgresCommunityStore final : public core::CommunityStore {
public:
    // The sensitive fields are sealed with `fields` (storage/postgres/postgres_fields.h).
    PostgresCommunityStore(std::shared_ptr<ConnectionPool> pool, SealedFields fields)
        : m_pool(std::move(pool)), m_fields(std::move(fields)) {}

    core::Result<std::vector<core::PlaceView>> list_places() override;
    core::Result<std::vector<core::PlaceView>> list_places_in(
        const std::vector<std::string>& places,
        const std::vector<std::string>& partnerships) override;
    core::Result<std::optional<core::PlaceView>> find_place(std::string_view place) override;
    core::Result<std::vector<core::Partnership>> list_partnerships() override;
    core::Result<std::string> save_place(const core::Place& place) override;

    core::Result<std::optional<core::PersonSummary>> find_person(std::string_view person,
                                                                 bool with_support_need) override;
    core::Result<std::vector<core::PersonSummary>> people_of(std::string_view partnership,
                                                             bool with_support_need) override;
    core::Result<core::PeoplePage> people_page(std::string_view partnership, bool with_support_need,
                                               std::size_t offset, std::size_t limit) override;
    core::Result<std::vector<core::PersonSummary>> search_people(std::string_view partnership,
                                                                 std::string_view query,
                                                                 int limit) override;
    core::Result<std::string> create_person(const core::NewPerson& person) override;
    core::Result<std::vector<std::string>> partnerships_of(std::string_view person) override;

    core::Result<std::vector<core::Activity>> activities_at(std::string_view place) override;
    core::Result<std::vector<core::OccurrenceView>> occurrences_between(
        const std::vector<std::string>& places, core::LocalTime from, core::LocalTime to,
        std::string_view person) override;
    core::Result<std::optional<core::ActivityView>> find_activity(std::string_view activity,
                                                                  core::LocalTime from, int limit,
                                                                  std::string_view person) override;
    core::Result<std::string> create_activity(const core::NewActivity& activity) override;
    core::Result<void> rename_activity(std::string_view activity, std::string_view title) override;
    core::Result<int> add_schedule(const core::WeeklySchedule& schedule) override;
    core::Result<std::string> add_occurrence(std::string_view activity, core::LocalTime start,
                                             core::LocalTime end) override;
    core::Result<std::vector<core::OccurrenceView>> occurrences_joined(
        std::string_view person) override;
    core::Result<std::optional<core::OccurrenceDetail>> find_occurrence(
        std::string_view occurrence, bool with_support_need) override;

    core::Result<void> join(std::string_view person, std::string_view occurrence,
                            core::LocalTime now) override;
    core::Result<void> leave(std::string_view person, std::string_view occurrence,
                             core::LocalTime now) override;
    core::Result<void> set_role(std::string_view person, std::string_view occurrence,
                                core::Role role) override;

    core::Result<void> start_break(std::string_view person, core::Day day) override;
    core::Result<void> end_break(std::string_view person, core::Day day) override;
    core::Result<std::optional<core::Break>> current_break(std::string_view person) override;

    core::Result<void> check_in(std::string_view person, std::string_view place,
                                core::Day day) override;
    core::Result<std::vector<core::CheckInView>> checked_in(std::string_view place,
                                                            core::Day day) override;
    core::Result<void> introduce(std::string_view a, std::string_view b, core::Day day) override;
    core::Result<std::int64_t> add_logbook_note(const core::LogbookNote& note) override;
    core::Result<std::vector<core::LogbookNote>> logbook_notes(std::string_view place,
                                                               core::Day from,
                                                               core::Day to) override;

    core::Result<std::vector<core::RotaDay>> rota(std::string_view place, core::Day from,
                                                  core::Day to) override;
    core::Result<void> take_rota_day(std::string_view place, core::Day day,
                                     std::string_view person) override;
    core::Result<void> release_rota_day(std::string_view place, core::Day day,
                                        std::string_view person) override;
    core::Result<void> swap_rota_days(std::string_view place, core::Day first,
                                      core::Day second) override;

    core::Result<std::int64_t> add_action_item(const core::ActionItem& item) override;
    core::Result<void> set_action_item_done(std::int64_t item, bool done) override;

    core::Result<std::optional<core::PersonData>> person_data(std::string_view person) override;
    core::Result<void> set_consent(std::string_view person, const core::Consents& consents,
                                   bool support_need, std::int64_t by, bool on_paper,
                                   core::LocalTime at) override;
    core::Result<void> request_deletion(std::string_view person, core::LocalTime at) override;

    core::Result<std::vector<core::AccompaniedView>> accompanied_by(std::string_view companion,
                                                                    core::Day today) override;
    core::Result<void> correct_person(std::string_view person,
                                      const core::PersonCorrection& correction) override;
    core::Result<std::vector<core::DeletionRequest>> deletion_requests(
        std::string_view partnership) override;
    core::Result<core::ErasureSummary> erase_person(std::string_view person) override;
    core::Result<int> retention_months(std::string_view partnership) override;
    core::Result<void> set_retention_months(std::string_view partnership, int months) override;
    core::Result<std::vector<core::RetentionCandidate>> retention_candidates(
        core::Day today, std::optional<int> months) override;
    core::Result<std::vector<std::string>> anonymise(const std::vector<std::string>& people,
                                                     core::LocalTime at) override;

private:
    std::shared_ptr<ConnectionPool> m_pool;
    SealedFields m_fields;
};

}  // namespace samskab::storage::postgres
