#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/community.h"
#include "core/result.h"
#include "core/survey.h"

namespace samskab::core {

// Where survey rounds and their answers are kept. Implemented by storage/sqlite. Every method is
// one durable transaction. Errors: Invalid from core/survey.h's validators (their field names,
// message in Danish: the web layer validates in the reader's language before it calls),
// NotFound naming the parameter ("partnership", "place", "round", "person", "known"),
// Conflict as stated below, Storage when the database fails. The caller has checked that the
// principal may act for the round's partnership (coordinators) or belongs to it (participants).
//
// Privacy, by construction of the schema:
// - in an anonymous round the answers are stored with no link to the person; a separate
//   record says only that the person has answered the round (so that nobody answers twice),
//   with no link to which answers are theirs, and no time that could pair the two;
// - in a named round the answers carry the person; erasing the person deletes them and the
//   record of having answered; anonymising the person keeps them under the new id, as
//   participations and relations are kept (CommunityStore::anonymise);
// - no method returns a single response of a round with anything that could name its person:
//   counts, a named person's own answers (answers_of) for their own data download, and the
//   answers alone in an order that tells nothing of who answered when (responses).
class SurveyStore {
public:
    virtual ~SurveyStore() = default;

    // Creates a round; returns its id. Invalid "title", "closes"; NotFound "partnership";
    // NotFound "place" for an unknown place or one of another partnership.
    virtual Result<std::int64_t> create_round(const SurveyRound& round) = 0;

    // The round, or nullopt.
    virtual Result<std::optional<SurveyRound>> find_round(std::int64_t round) = 0;

    // The partnership's rounds, newest first (by first day), with the number of responses.
    // NotFound "partnership".
    virtual Result<std::vector<SurveyRoundSummary>> rounds(std::string_view partnership) = 0;

    // The partnership's rounds open on `today`, by first day. NotFound "partnership".
    virtual Result<std::vector<SurveyRound>> open_rounds(std::string_view partnership,
                                                         Day today) = 0;

    // Whether `person` has answered `round`. NotFound "round", "person".
    virtual Result<bool> has_answered(std::int64_t round, std::string_view person) = 0;

    // Stores the response, and in a named round one relation with source self_report from
    // `today` between the person and each person in `known`, unless the two already have an
    // open relation (left as it is). Returns the number of relations made. Invalid as
    // validate_survey_response; NotFound "round", "person", "known" (also for a person outside
    // the round's people_to_name); Conflict "round" when the
    // person has answered the round before (nothing is stored) or the round is not open on
    // `today`.
    virtual Result<int> submit(const SurveyResponse& response, Day today) = 0;

    // The round's answers counted per question and answer. NotFound "round".
    virtual Result<SurveyCounts> counts(std::int64_t round) = 0;

    // The person's own answers to named rounds, oldest round first. NotFound "person".
    virtual Result<std::vector<OwnSurveyAnswers>> answers_of(std::string_view person) = 0;

    // The round's responses without any person, sorted by their answers (not by when they were
    // given), for the coordinators' download. The caller decides whether the round has enough
    // respondents to show them. NotFound "round".
    virtual Result<std::vector<SurveyResponseAnswers>> responses(std::int64_t round) = 0;

    // The people whom `person` may name in the round's name generator, by name, `person` left
    // out, without the support-need flag: for a round at one place the people with a visit
    // there or a participation in an occurrence of one of its activities; for a round of the
    // whole partnership its people (CommunityStore::people_of). NotFound "round".
    virtual Result<std::vector<PersonSummary>> people_to_name(std::int64_t round,
                                                              std::string_view person) = 0;
};

}  // namespace samskab::core
