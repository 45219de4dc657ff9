#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.h"
#include "core/date.h"
#include "core/vocabulary.h"

namespace samskab::core {

// The purposes a person consents to one by one (docs/privacy.md). Each covers data that is
// removed when the consent is withdrawn:
// - SupportNeed: recording the support need (withdrawn: the flag is cleared);
// - Pathways: recording pathways to job, education, ... (withdrawn: the pathways are deleted);
// - Companion: sharing one's participation with one's companion (withdrawn: the companion sees
//   again only that the person is registered);
// - Statistics: being counted in evaluation statistics (withdrawn: the person is left out of
//   every indicator computed from then on, see leave_out_people).
enum class Purpose : std::uint8_t { SupportNeed, Pathways, Companion, Statistics };

template <>
struct Names<Purpose> {
    static constexpr std::array<std::string_view, 4> VALUES = {"support_need", "pathways",
                                                               "companion", "statistics"};
};

// Months without activity after which a person is anonymised, unless the partnership says
// otherwise; months an access-log entry is kept.
inline constexpr int DEFAULT_RETENTION_MONTHS = 24;
inline constexpr int DEFAULT_ACCESS_LOG_MONTHS = 6;

// The consents a person has given. The bundle's two (support_need, pathways) are not given
// until recorded; sharing with the companion is off until the person turns it on; being
// counted in statistics is the default, which the person may object to (GDPR art. 21).
struct Consents {
    bool support_need = false;
    bool pathways = false;
    bool companion = false;
    bool statistics = true;

    bool operator==(const Consents&) const = default;
};

bool consents_to(const Consents& consents, Purpose purpose);

// Why someone looked at a person's data, as the person is told it, from an access-log entry's
// action and detail (the request's "METHOD /path?query", or the command): "coordination",
// "hosting", "companion", "export", "login" or "other". Never who looked.
std::string_view lookup_purpose(std::string_view action, std::string_view detail);

// One recorded change: when, by which account (0: none, e.g. an import), whether a
// coordinator recorded a consent given on a signed paper form, and the consents after it.
struct ConsentChange {
    LocalTime at = 0;
    std::int64_t by = 0;
    bool on_paper = false;
    Consents given;
};

// A search of the access log; empty or zero fields match everything.
struct AccessQuery {
    std::string subject;                                   // person bundle id
    std::int64_t actor = 0;                                // account id
    std::string action;                                    // "view", "export", "login_failed", ...
    LocalTime from = 0;                                    // inclusive
    LocalTime to = std::numeric_limits<LocalTime>::max();  // exclusive
    int limit = 200;
};

// What erasing a person removed, for the coordinator's receipt.
struct ErasureSummary {
    int participations = 0;
    int visits = 0;
    int relations = 0;
    int companion_links = 0;
    int pathways = 0;
    int logbook_notes = 0;
    int accounts = 0;
    int access_log_entries = 0;
};

// The longest name of a person the pages accept, in bytes.
inline constexpr std::size_t MAX_PERSON_NAME_LENGTH = 200;

// A correction of what is recorded about a person (GDPR art. 16). Unset fields stay as they are.
struct PersonCorrection {
    std::optional<std::string> name;
    std::optional<std::optional<Day>> joined;  // set to nullopt: "not known"
    std::optional<std::optional<EntryChannel>> entry_channel;
};

// A person whom retention would anonymise: inactive since `last_activity` for longer than
// `months` (the longest setting among their partnerships).
struct RetentionCandidate {
    std::string person;
    Day last_activity = 0;
    int months = DEFAULT_RETENTION_MONTHS;
};

// The dataset without the people marked in `left_out` (indexed like dataset.people) and
// without everything about them: their companion links (either side), participations, visits,
// relations and pathways. Activities they initiated stay, as initiated by nobody. Indices are
// renumbered; the other records keep their order. This is how an objection to statistics
// reaches the analytics: the stores apply it when they load a dataset for reports, so the
// indicators themselves (INDICATORS.md) need not know about consent.
Dataset leave_out_people(const Dataset& dataset, const std::vector<bool>& left_out);

// The day `months` calendar months before `day` (clamped to the month's length).
Day months_before(Day day, int months);

}  // namespace samskab::core
