#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace samskab::core {

// The closed vocabularies of the bundle format (BUNDLE.md). Each enum's order is the order of
// its names below, which is also the order used in reports and exports.

enum class OrganisationKind : std::uint8_t { Civil, Municipality, Business, Education, Other };
enum class EntryChannel : std::uint8_t { Companion, Host, Coordinator, Network, Outreach, Self };
enum class ActivityKind : std::uint8_t { Fixed, Initiative, Cause };
enum class Role : std::uint8_t { Initiator, Host, Active, Passive, Supported };
enum class RelationSource : std::uint8_t { SelfReport, HostIntroduction, CoParticipation };
enum class PathwayKind : std::uint8_t { Job, Education, Association, Internship, Volunteering };

template <class E>
struct Names;

template <>
struct Names<OrganisationKind> {
    static constexpr std::array<std::string_view, 5> VALUES = {"civil", "municipality", "business",
                                                               "education", "other"};
};
template <>
struct Names<EntryChannel> {
    static constexpr std::array<std::string_view, 6> VALUES = {
        "companion", "host", "coordinator", "network", "outreach", "self"};
};
template <>
struct Names<ActivityKind> {
    static constexpr std::array<std::string_view, 3> VALUES = {"fixed", "initiative", "cause"};
};
template <>
struct Names<Role> {
    static constexpr std::array<std::string_view, 5> VALUES = {"initiator", "host", "active",
                                                               "passive", "supported"};
};
template <>
struct Names<RelationSource> {
    static constexpr std::array<std::string_view, 3> VALUES = {"self_report", "host_introduction",
                                                               "co_participation"};
};
template <>
struct Names<PathwayKind> {
    static constexpr std::array<std::string_view, 5> VALUES = {"job", "education", "association",
                                                               "internship", "volunteering"};
};

// Number of values of E.
template <class E>
inline constexpr std::size_t COUNT = Names<E>::VALUES.size();

// The bundle spelling of a value.
template <class E>
constexpr std::string_view name_of(E value) {
    return Names<E>::VALUES[static_cast<std::size_t>(value)];
}

// The value spelled `text`, or nullopt when `text` is not one of E's names (case-sensitive).
template <class E>
constexpr std::optional<E> parse_name(std::string_view text) {
    for (std::size_t i = 0; i < COUNT<E>; ++i) {
        if (Names<E>::VALUES[i] == text) {
            return static_cast<E>(i);
        }
    }
    return std::nullopt;
}

}  // namespace samskab::core
