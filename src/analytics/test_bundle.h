#pragma once

// Test support (header-only, used by the *_test.cc files only): a terse builder of valid
// bundles, so that each test states its data in a few lines next to its worked expectations.

#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "core/bundle.h"
#include "core/dataset.h"
#include "core/date.h"

namespace samskab::analytics::testing {

// The day of an ISO date; aborts on a typo in a test.
inline core::Day day(std::string_view iso) {
    const auto parsed = core::parse_date(iso);
    if (!parsed) {
        std::abort();
    }
    return *parsed;
}

class BundleBuilder {
public:
    BundleBuilder& partnership(std::string id) {
        m_bundle.partnerships.push_back({std::move(id), "P", {}});
        return *this;
    }
    BundleBuilder& place(std::string id, std::string partnership, double threshold = 0.20) {
        m_bundle.places.push_back({std::move(id), std::move(partnership), "Place", threshold});
        return *this;
    }
    // `channel`/`joined` may be empty for unknown.
    BundleBuilder& person(std::string id, bool support = false, std::string_view joined = "",
                          std::optional<core::EntryChannel> channel = std::nullopt) {
        core::Person p;
        p.id = std::move(id);
        p.name = p.id;
        p.support_need = support;
        p.consent.support_need = support;
        if (!joined.empty()) {
            p.joined = day(joined);
        }
        p.entry_channel = channel;
        m_bundle.people.push_back(std::move(p));
        return *this;
    }
    BundleBuilder& companion(std::string person, std::string companion, std::string partnership,
                             std::string_view from, std::string_view to = "") {
        m_bundle.companions.push_back({std::move(person), std::move(companion),
                                       std::move(partnership), day(from), optional_day(to)});
        return *this;
    }
    BundleBuilder& activity(std::string id, std::string place,
                            core::ActivityKind kind = core::ActivityKind::Fixed,
                            std::string_view created = "2000-01-01",
                            std::optional<std::string> initiated_by = std::nullopt) {
        m_bundle.activities.push_back({std::move(id), std::move(place), "Activity", kind,
                                       std::move(initiated_by), day(created)});
        return *this;
    }
    // An occurrence from 10:00 to 12:00 on `date`.
    BundleBuilder& occurrence(std::string id, std::string activity, std::string_view date) {
        const core::LocalTime start = core::LocalTime{day(date)} * 86400 + 10 * 3600;
        m_bundle.occurrences.push_back({std::move(id), std::move(activity), start, start + 7200});
        return *this;
    }
    BundleBuilder& participation(std::string person, std::string occurrence,
                                 core::Role role = core::Role::Active) {
        m_bundle.participations.push_back({std::move(person), std::move(occurrence), role});
        return *this;
    }
    BundleBuilder& visit(std::string person, std::string place, std::string_view date) {
        m_bundle.visits.push_back({std::move(person), std::move(place), day(date)});
        return *this;
    }
    BundleBuilder& relation(std::string a, std::string b, std::string_view since,
                            std::string_view until = "") {
        m_bundle.relations.push_back(
            {std::move(a), std::move(b), day(since), optional_day(until), {}});
        return *this;
    }
    BundleBuilder& pathway(std::string person, std::string_view date, core::PathwayKind kind) {
        m_bundle.pathways.push_back({std::move(person), day(date), kind});
        return *this;
    }

    const core::Bundle& bundle() const { return m_bundle; }
    core::Dataset dataset() const { return core::make_dataset(m_bundle); }

private:
    static std::optional<core::Day> optional_day(std::string_view iso) {
        if (iso.empty()) {
            return std::nullopt;
        }
        return day(iso);
    }

    core::Bundle m_bundle;
};

}  // namespace samskab::analytics::testing
