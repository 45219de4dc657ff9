#include "core/bundle_validator.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace samskab::core {

namespace {

std::string at(std::string_view collection, size_t index) {
    std::string path(collection);
    path += '[';
    path += std::to_string(index);
    path += ']';
    return path;
}

// Collects issues and remembers the first position of every id, for "used before" messages.
class Checker {
public:
    Checker(Lang lang, const IdLookup& stored) : m_lang(lang), m_stored(stored) {}

    void issue(std::string path, Msg id, std::initializer_list<std::string_view> args = {}) {
        m_issues.push_back({std::move(path), message(m_lang, id, args)});
    }

    // Records the ids of one collection; duplicates are issues at the later position.
    template <class Records>
    std::unordered_set<std::string_view> ids(const Records& records, std::string_view name) {
        std::unordered_map<std::string_view, size_t> first;
        first.reserve(records.size());
        for (size_t i = 0; i < records.size(); ++i) {
            const std::string& id = records[i].id;
            if (id.empty()) {
                continue;
            }
            auto [it, inserted] = first.emplace(id, i);
            if (!inserted) {
                issue(at(name, i) + ".id", Msg::DuplicateId, {id, at(name, it->second)});
            }
        }
        std::unordered_set<std::string_view> out;
        out.reserve(first.size());
        for (const auto& [id, index] : first) {
            out.insert(id);
        }
        return out;
    }

    // `record` and `field` make the path only when there is something to report: a million
    // references are checked for every one that is wrong.
    void reference(const std::unordered_set<std::string_view>& known, Collection collection,
                   Msg noun, const std::string& id, std::string_view record, size_t index,
                   std::string_view field) {
        if (id.empty() || known.count(id) != 0 || (m_stored && m_stored(collection, id))) {
            return;
        }
        issue(at(record, index) + "." + std::string(field), Msg::UnknownReference,
              {message(m_lang, noun), id});
    }

    // A record given twice under its natural key is an error rather than a silent merge, so
    // that what a user sees in the file is what gets stored.
    template <class Map, class Key>
    void unique(Map& seen, Key key, std::string_view name, size_t index) {
        auto [it, inserted] = seen.emplace(std::move(key), index);
        if (!inserted) {
            issue(at(name, index), Msg::DuplicateRecord, {at(name, it->second)});
        }
    }

    Lang lang() const { return m_lang; }
    std::vector<BundleIssue> take() { return std::move(m_issues); }

private:
    Lang m_lang;
    const IdLookup& m_stored;
    std::vector<BundleIssue> m_issues;
};

struct PairHash {
    size_t operator()(const std::pair<std::string_view, std::string_view>& p) const {
        return std::hash<std::string_view>()(p.first) * 31 +
               std::hash<std::string_view>()(p.second);
    }
};

template <class... Ts>
std::string join_key(const Ts&... parts) {
    std::string key;
    ((key += parts, key += '\x1f'), ...);
    return key;
}

void check_relations(Checker& check, const Bundle& bundle) {
    // Periods per unordered pair; overlapping periods of the same pair are one relation told
    // twice, which would double-count it in the network indicators.
    std::unordered_map<std::pair<std::string_view, std::string_view>, std::vector<size_t>, PairHash>
        by_pair;
    for (size_t i = 0; i < bundle.relations.size(); ++i) {
        const Relation& r = bundle.relations[i];
        if (r.a.empty() || r.b.empty()) {
            continue;
        }
        if (r.a == r.b) {
            check.issue(at("relations", i) + ".b", Msg::SelfRelation);
            continue;
        }
        auto key = r.a < r.b ? std::make_pair(std::string_view(r.a), std::string_view(r.b))
                             : std::make_pair(std::string_view(r.b), std::string_view(r.a));
        auto& earlier = by_pair[key];
        const Day until = r.until.value_or(DAY_MAX);
        for (size_t j : earlier) {
            const Relation& o = bundle.relations[j];
            if (o.since <= until && r.since <= o.until.value_or(DAY_MAX)) {
                check.issue(at("relations", i), Msg::OverlappingRelation,
                            {key.first, key.second, at("relations", j)});
                break;
            }
        }
        earlier.push_back(i);
    }
}

}  // namespace

std::string to_string(const BundleIssue& issue) {
    return issue.path + ": " + issue.message;
}

std::vector<BundleIssue> validate_bundle(const Bundle& b, Lang lang, const IdLookup& stored) {
    Checker check(lang, stored);
    const auto partnerships = check.ids(b.partnerships, "partnerships");
    {
        // Organisation ids are unique across partnerships: they form one collection.
        std::unordered_map<std::string_view, std::string> first;
        for (size_t p = 0; p < b.partnerships.size(); ++p) {
            const auto& orgs = b.partnerships[p].organisations;
            for (size_t o = 0; o < orgs.size(); ++o) {
                const std::string path = at("partnerships", p) + "." + at("organisations", o);
                if (orgs[o].id.empty()) {
                    continue;
                }
                auto [it, inserted] = first.emplace(orgs[o].id, path);
                if (!inserted) {
                    check.issue(path + ".id", Msg::DuplicateId, {orgs[o].id, it->second});
                }
            }
        }
    }
    const auto places = check.ids(b.places, "places");
    const auto people = check.ids(b.people, "people");
    const auto activities = check.ids(b.activities, "activities");
    const auto occurrences = check.ids(b.occurrences, "occurrences");

    for (size_t i = 0; i < b.places.size(); ++i) {
        check.reference(partnerships, Collection::Partnerships, Msg::NounPartnership,
                        b.places[i].partnership, "places", i, "partnership");
    }
    for (size_t i = 0; i < b.people.size(); ++i) {
        const Person& p = b.people[i];
        if (p.support_need && !p.consent.support_need) {
            check.issue(at("people", i) + ".support_need", Msg::SupportNeedWithoutConsent);
        }
    }
    std::unordered_map<std::string, size_t> seen_companions;
    for (size_t i = 0; i < b.companions.size(); ++i) {
        const CompanionLink& c = b.companions[i];
        const auto path = [i] { return at("companions", i); };
        check.reference(people, Collection::People, Msg::NounPerson, c.person, "companions", i,
                        "person");
        check.reference(people, Collection::People, Msg::NounPerson, c.companion, "companions", i,
                        "companion");
        check.reference(partnerships, Collection::Partnerships, Msg::NounPartnership, c.partnership,
                        "companions", i, "partnership");
        if (!c.person.empty() && c.person == c.companion) {
            check.issue(path() + ".companion", Msg::SelfCompanion);
        }
        if (c.to && *c.to < c.from) {
            check.issue(path() + ".to", Msg::EndsBeforeStart, {"from", format_date(c.from)});
        }
        check.unique(seen_companions,
                     join_key(c.person, c.companion, c.partnership, format_date(c.from)),
                     "companions", i);
    }
    for (size_t i = 0; i < b.activities.size(); ++i) {
        const Activity& a = b.activities[i];
        check.reference(places, Collection::Places, Msg::NounPlace, a.place, "activities", i,
                        "place");
        if (a.initiated_by) {
            check.reference(people, Collection::People, Msg::NounPerson, *a.initiated_by,
                            "activities", i, "initiated_by");
        }
    }
    for (size_t i = 0; i < b.occurrences.size(); ++i) {
        const Occurrence& o = b.occurrences[i];
        const auto path = [i] { return at("occurrences", i); };
        check.reference(activities, Collection::Activities, Msg::NounActivity, o.activity,
                        "occurrences", i, "activity");
        if (o.end < o.start) {
            check.issue(path() + ".end", Msg::EndsBeforeStart,
                        {"start", format_local_time(o.start)});
        }
    }
    {
        std::unordered_map<std::pair<std::string_view, std::string_view>, size_t, PairHash> seen;
        seen.reserve(b.participations.size());
        for (size_t i = 0; i < b.participations.size(); ++i) {
            const Participation& p = b.participations[i];
            check.reference(people, Collection::People, Msg::NounPerson, p.person, "participations",
                            i, "person");
            check.reference(occurrences, Collection::Occurrences, Msg::NounOccurrence, p.occurrence,
                            "participations", i, "occurrence");
            check.unique(seen,
                         std::make_pair(std::string_view(p.person), std::string_view(p.occurrence)),
                         "participations", i);
        }
    }
    {
        std::unordered_map<std::string, size_t> seen;
        seen.reserve(b.visits.size());
        for (size_t i = 0; i < b.visits.size(); ++i) {
            const Visit& v = b.visits[i];
            check.reference(people, Collection::People, Msg::NounPerson, v.person, "visits", i,
                            "person");
            check.reference(places, Collection::Places, Msg::NounPlace, v.place, "visits", i,
                            "place");
            check.unique(seen, join_key(v.person, v.place, std::to_string(v.date)), "visits", i);
        }
    }
    for (size_t i = 0; i < b.relations.size(); ++i) {
        const Relation& r = b.relations[i];
        const auto path = [i] { return at("relations", i); };
        check.reference(people, Collection::People, Msg::NounPerson, r.a, "relations", i, "a");
        check.reference(people, Collection::People, Msg::NounPerson, r.b, "relations", i, "b");
        if (r.until && *r.until < r.since) {
            check.issue(path() + ".until", Msg::EndsBeforeStart, {"since", format_date(r.since)});
        }
    }
    check_relations(check, b);
    {
        std::unordered_map<std::string, size_t> seen;
        for (size_t i = 0; i < b.pathways.size(); ++i) {
            const Pathway& p = b.pathways[i];
            check.reference(people, Collection::People, Msg::NounPerson, p.person, "pathways", i,
                            "person");
            check.unique(seen,
                         join_key(p.person, std::to_string(p.date),
                                  std::to_string(static_cast<int>(p.kind))),
                         "pathways", i);
        }
    }
    return check.take();
}

}  // namespace samskab::core
