#pragma once

// The world of the participant pages' tests: one partnership with two places, another
// partnership with a place the participants must not see, and a few people. The clock stands
// on Monday 2 March 2026 at 09:00.
#include <string>
#include <vector>

#include "web/pages/page_test_support.h"

namespace samskab::web::pages::testing {

inline constexpr std::string_view EVIL_NAME = "<script>alert(1)</script>";

class ParticipantPagesTest : public PageTest {
protected:
    std::vector<Route> page_routes(const views::Templates& templates) override {
        return participant_routes(templates);
    }

    void SetUp() override {
        PageTest::SetUp();
        if (HasFatalFailure()) {
            return;
        }
        import(world());
        using core::AccountRole;
        using core::RoleGrant;
        m_anna = add_account("anna@example.dk", "Anna Kanelstrup", "p-anna",
                             {RoleGrant{AccountRole::Participant, "sam", ""}});
        m_bo = add_account("bo@example.dk", "Bo Rabarberhøj", "p-bo",
                           {RoleGrant{AccountRole::Participant, "", "huset"}});
        add_account("evil@example.dk", std::string(EVIL_NAME), "p-evil",
                    {RoleGrant{AccountRole::Participant, "sam", ""}});
        m_coordinator = add_account("koordinator@example.dk", "Karen Koordinator", "",
                                    {RoleGrant{AccountRole::Coordinator, "sam", ""}});
        add_account("nobody@example.dk", "Uden Person", "",
                    {RoleGrant{AccountRole::Participant, "sam", ""}});
    }

    static core::Bundle world() {
        using namespace core;
        Bundle b;
        b.partnerships = {
            Partnership{"sam", "Samskab Roskilde", {Organisation{"org-1", "Foreningen"}}},
            Partnership{"other",
                        "Andet partnerskab",
                        {Organisation{"org-2", "Kommunen", OrganisationKind::Municipality}}},
        };
        b.places = {Place{"huset", "sam", "Kulturhuset", 0.2}, Place{"cafe", "sam", "Caféen", 0.2},
                    Place{"fjern", "other", "Fjernt sted", 0.2}};
        Day joined = days_from_civil(2025, 9, 1);
        b.people = {
            Person{"p-anna", "Anna Kanelstrup", true, joined, EntryChannel::Companion,
                   Consent{true, true}},
            Person{"p-bo", "Bo Rabarberhøj", false, joined, EntryChannel::Network, {}},
            Person{"p-evil", std::string(EVIL_NAME), false, joined, std::nullopt, {}},
            Person{"p-guide", "Gitte Timianvang", false, joined, std::nullopt, {}},
            Person{"p-far", "Frede Fjern", false, joined, std::nullopt, {}},
        };
        b.companions = {CompanionLink{"p-anna", "p-guide", "sam", joined, std::nullopt}};
        b.activities = {
            Activity{"strik", "huset", "Strikkeklub", ActivityKind::Fixed, std::nullopt, joined},
            Activity{"sag", "huset", "Ren strand", ActivityKind::Cause, "p-bo", joined},
            Activity{"kaffe", "cafe", "Morgenkaffe", ActivityKind::Fixed, std::nullopt, joined},
            Activity{"hemmelig", "fjern", "Hemmelig aktivitet", ActivityKind::Fixed, std::nullopt,
                     joined},
        };
        b.occurrences = {
            Occurrence{"strik-past", "strik", at_time(0, 7), at_time(0, 8)},
            Occurrence{"strik-1", "strik", at_time(1, 17), at_time(1, 19)},
            Occurrence{"strik-next", "strik", at_time(8, 17), at_time(8, 19)},
            Occurrence{"sag-1", "sag", at_time(2, 18), at_time(2, 20)},
            Occurrence{"kaffe-1", "kaffe", at_time(3, 9, 30), at_time(3, 11)},
            Occurrence{"hemmelig-1", "hemmelig", at_time(1, 10), at_time(1, 12)},
        };
        b.participations = {Participation{"p-anna", "strik-past", Role::Active},
                            Participation{"p-evil", "strik-1", Role::Active}};
        b.visits = {Visit{"p-anna", "huset", days_from_civil(2026, 2, 24)}};
        b.relations = {Relation{"p-anna", "p-bo", days_from_civil(2025, 10, 1), std::nullopt,
                                RelationSource::HostIntroduction}};
        b.pathways = {Pathway{"p-anna", days_from_civil(2026, 1, 15), PathwayKind::Education}};
        return b;
    }

    // Whether `person` takes part in `occurrence`, as the store says.
    bool takes_part(const std::string& person, const std::string& occurrence) {
        auto detail = m_stores->community->find_occurrence(occurrence, false);
        EXPECT_TRUE(detail && *detail);
        if (!detail || !*detail) {
            return false;
        }
        for (const core::ParticipantView& participant : (*detail)->participants) {
            if (participant.person.id == person) {
                return true;
            }
        }
        return false;
    }

    std::int64_t m_anna = 0;
    std::int64_t m_bo = 0;
    std::int64_t m_coordinator = 0;
};

}  // namespace samskab::web::pages::testing
