#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/bundle.h"
#include "core/date.h"
#include "core/vocabulary.h"

// What the three partnership files of the demo share, and nothing else includes.
namespace samskab::demo::detail {

// The recorded period of the demo: the booklet's project years.
inline constexpr int FIRST_YEAR = 2016;
inline constexpr int LAST_YEAR = 2018;

inline core::Day date(int year, int month, int day) {
    return core::days_from_civil(year, month, day);
}
inline core::Day first_day() {
    return date(FIRST_YEAR, 1, 1);
}
inline core::Day last_day() {
    return date(LAST_YEAR, 12, 31);
}

// A date in a constant table; year 0 stands for "none" (an open end, not yet).
struct Ymd {
    int y = 0;
    int m = 0;
    int d = 0;

    bool none() const { return y == 0; }
};
inline constexpr Ymd NONE{};

inline core::Day date(Ymd ymd) {
    return date(ymd.y, ymd.m, ymd.d);
}

// 0 = Monday ... 6 = Sunday.
int weekday_of(core::Day day);

// The first day on or after `from` that falls on `weekday`.
core::Day first_on_weekday(core::Day from, int weekday);

// Evenly spread over [first, last]: the i-th of n days (the first when n is 1), so that a
// group of people described by one line of a table gets distinct, predictable dates.
core::Day spread(core::Day first, core::Day last, int i, int n);

// splitmix64: a fixed algorithm, so the demo is the same with every compiler and standard
// library, which std distributions do not promise. Decisions use integers only, so no
// floating-point contraction can change a draw on another target. Callers never put two draws
// into the arguments of one call: their order of evaluation is unspecified, and compilers differ.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_state(seed) {}

    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    // Uniform in [0, bound). Precondition: bound > 0.
    std::uint64_t below(std::uint64_t bound);

    // Uniform in [low, high]. Precondition: low <= high.
    int between(int low, int high) {
        return low + static_cast<int>(below(static_cast<std::uint64_t>(high - low) + 1));
    }

    // True with probability per_mille / 1000.
    bool per_mille(int per_mille) { return static_cast<int>(below(1000)) < per_mille; }

    // An index drawn with probability proportional to weights[i]. Precondition: sum > 0.
    std::size_t pick(const std::vector<int>& weights);

private:
    std::uint64_t m_state;
};

// Hands out entry channels in a fixed rotation, so that every stretch of newcomers (a year, a
// quarter) has about the pattern's mix; drawn channels would let a small year come out in any
// order, and the booklet's point is which channel is the largest.
class ChannelRotation {
public:
    explicit ChannelRotation(std::vector<core::EntryChannel> pattern)
        : m_pattern(std::move(pattern)) {}

    core::EntryChannel next() { return m_pattern[m_next++ % m_pattern.size()]; }

private:
    std::vector<core::EntryChannel> m_pattern;
    std::size_t m_next = 0;
};

// A plainly invented full name: a common Danish first name and a made-up surname of a herb,
// berry or pastry and a landscape word ("Rabarberhøj"). Distinct for n below 12,000.
std::string invented_name(std::uint32_t n);

// Accumulates one partnership's records into the demo bundle. People and occurrences are
// referred to by the index the builder returns. It keeps the bundle valid as it goes: a
// person takes part in an occurrence once, a visit is recorded only where the person was not
// already present that day (a participation at the place counts as presence), and a pair of
// people gets one relation.
class Builder {
public:
    Builder(core::Bundle& bundle, std::string_view partnership);

    void add_place(std::string id, std::string name, double support_threshold);

    // Adds a person; consent to record the support need is given exactly when it is needed,
    // and consent to record pathways by everyone in the demo.
    std::size_t add_person(std::string id, bool support_need, std::optional<core::Day> joined,
                           std::optional<core::EntryChannel> channel);

    const std::string& person_id(std::size_t person) const;

    void add_companion(std::size_t person, std::size_t companion, core::Day from,
                       std::optional<core::Day> to);

    void add_activity(std::string id, std::string_view place, std::string title,
                      core::ActivityKind kind, std::optional<std::size_t> initiated_by,
                      core::Day created);

    // Adds an occurrence of `activity` on `day`, starting at `start_minute` after midnight;
    // its id is the activity's followed by the date. Returns its index. Precondition: the
    // activity has no other occurrence on that day.
    std::size_t add_occurrence(const std::string& activity, core::Day day, int start_minute,
                               int duration_minutes);

    // The occurrence of `activity` on `day`, if there is one.
    std::optional<std::size_t> occurrence_on(const std::string& activity, core::Day day) const;

    core::Day occurrence_day(std::size_t occurrence) const;

    // False (and nothing recorded) when the person already takes part in the occurrence.
    bool take_part(std::size_t person, std::size_t occurrence, core::Role role);

    // Records a visit unless the person is already present at the place that day.
    void visit(std::size_t person, std::string_view place, core::Day day);

    // Whether the person has a participation or visit at `place` on `day`.
    bool present(std::size_t person, std::string_view place, core::Day day) const;

    // False (and nothing recorded) when the pair already has a relation or a == b.
    bool relate(std::size_t a, std::size_t b, core::Day since, core::RelationSource source);

    void add_pathway(std::size_t person, core::Day day, core::PathwayKind kind);

private:
    std::size_t place_index(std::string_view place) const;
    std::uint64_t presence_key(std::size_t person, std::size_t place, core::Day day) const;

    core::Bundle& m_bundle;
    std::string m_partnership;
    std::vector<std::size_t> m_people;  // builder index -> index in m_bundle.people
    std::vector<std::string> m_place_ids;
    std::unordered_map<std::string, std::size_t> m_activity_place;  // activity id -> place
    std::vector<std::size_t> m_occurrence_place;                    // builder occurrence -> place
    std::vector<std::size_t> m_occurrences;  // builder index -> index in m_bundle.occurrences
    std::unordered_map<std::string, std::size_t> m_occurrence_by_key;  // activity + day
    std::unordered_set<std::uint64_t> m_taking_part;                   // person, occurrence
    std::unordered_set<std::uint64_t> m_present;                       // person, place, day
    std::unordered_set<std::uint64_t> m_related;                       // unordered pair
};

// When clubs and houses pause their fixed activities: July and 22 December to 1 January.
bool is_holiday(core::Day day);

// Adds the occurrences of a recurring activity: on `weekday` every `every_weeks` weeks from the
// first such day on or after `from` up to `to`, leaving out holidays when `pauses`. Returns the
// indices of the occurrences added.
std::vector<std::size_t> schedule(Builder& builder, const std::string& activity, int weekday,
                                  int start_minute, int duration_minutes, int every_weeks,
                                  core::Day from, core::Day to, bool pauses);

// A habit of one person: on `weekday`, between `from` and `to` (both included), the person
// comes with probability per_mille / 1000, to the activity's occurrence that day or, when
// `activity` is empty, to drop in at the place.
struct Routine {
    std::string activity;
    int weekday = 0;
    int per_mille = 500;
    core::Day from = 0;
    core::Day to = -1;
};

// Lives out `routine` for `person`, except during the break [break_from, break_to] (none when
// break_to < break_from): a participation with the role `role_on(day)` where the activity has
// an occurrence that day, a visit to `place` for a drop-in, nothing where the activity pauses.
void follow(Builder& builder, Rng& rng, std::size_t person, const Routine& routine,
            std::string_view place, core::Day break_from, core::Day break_to,
            const std::function<core::Role(core::Day)>& role_on);

// The partnerships, each added to `bundle` whole.
void add_insp(core::Bundle& bundle);
void add_sager(core::Bundle& bundle);
void add_vimby(core::Bundle& bundle);

}  // namespace samskab::demo::detail
