#include "core/bundle_validator.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "core/bundle_validator_interviews.h"
#include "core/bundle_validator_surveys.h"
#include "core/interview.h"
#include "core/logbook.h"
#include "core/self_evaluation_records.h"

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
    // A message made already (by a domain validator, in the checker's language).
    void issue(std::string path, std::string text) {
        m_issues.push_back({std::move(path), std::move(text)});
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

using IdSet = std::unordered_set<std::string_view>;

void check_logbook_templates(Checker& check, const Bundle& b, const IdSet& places,
                             const IdSet& activities) {
    for (size_t i = 0; i < b.logbook_templates.size(); ++i) {
        const LogbookTemplateRecord& t = b.logbook_templates[i];
        const std::string path = at("logbook_templates", i);
        // The scope says which of place and activity the template names; the other is null, so
        // that a template is never tied to a place and to an activity somewhere else.
        const bool for_place = t.scope == LogbookScope::Place;
        const auto& named = for_place ? t.place : t.activity;
        const auto& other = for_place ? t.activity : t.place;
        const char* named_key = for_place ? "place" : "activity";
        if (!named) {
            check.issue(path + "." + named_key, Msg::Required);
        } else if (for_place) {
            check.reference(places, Collection::Places, Msg::NounPlace, *named, "logbook_templates",
                            i, "place");
        } else {
            check.reference(activities, Collection::Activities, Msg::NounActivity, *named,
                            "logbook_templates", i, "activity");
        }
        if (other) {
            check.issue(path + "." + (for_place ? "activity" : "place"), Msg::NullForScope,
                        {logbook_scope_name(t.scope)});
        }
        for (const Error& e : validate_template_name(t.name, check.lang())) {
            check.issue(path + ".name", e.message);
        }
        for (size_t v = 0; v < t.versions.size(); ++v) {
            const LogbookVersionRecord& version = t.versions[v];
            const std::string version_path = path + "." + at("versions", v);
            if (version.number != static_cast<int>(v) + 1) {
                check.issue(version_path + ".number", Msg::VersionNumbering,
                            {std::to_string(version.number)});
            }
            for (const Error& e : validate_fields(to_fields(version.fields), check.lang())) {
                check.issue(version_path + ".fields", e.message);
            }
        }
    }
}

// The version `entry` was written with, when its template is in the bundle and has it.
const LogbookVersionRecord* version_of(const LogbookEntryRecord& entry,
                                       const LogbookTemplateRecord& logbook) {
    for (const LogbookVersionRecord& v : logbook.versions) {
        if (v.number == entry.version) {
            return &v;
        }
    }
    return nullptr;
}

// Checks an entry in document order: its template, its version, then each value (the member
// that holds it, the people present); last the answers against their fields. Values of a
// template that is only stored are checked by the store when the entry is written, within the
// import.
void check_logbook_entry(Checker& check, const LogbookEntryRecord& entry, size_t index,
                         const LogbookTemplateRecord* logbook, const IdSet& people) {
    const std::string path = at("logbook_entries", index);
    const LogbookVersionRecord* version = nullptr;
    if (logbook == nullptr) {
        check.reference({}, Collection::LogbookTemplates, Msg::NounLogbookTemplate,
                        entry.template_id, "logbook_entries", index, "template");
    } else {
        version = version_of(entry, *logbook);
        if (version == nullptr) {
            check.issue(path + ".version", Msg::LogbookVersionUnknown,
                        {std::to_string(entry.version)});
        }
    }
    const TemplateVersion typed = version ? to_version(*version) : TemplateVersion{};
    bool members_fit = true;
    for (size_t j = 0; j < entry.values.size(); ++j) {
        const LogbookValueRecord& value = entry.values[j];
        const TemplateField* field = version ? typed.field(value.key) : nullptr;
        const std::string_view member = set_member(value);
        // An unknown key is reported with the answers; a missing member by the reader.
        if (field != nullptr && !member.empty() && member != value_member(field->type)) {
            check.issue(path + "." + at("values", j) + "." + std::string(member),
                        Msg::ValueWrongMember,
                        {value.key, field_type_name(field->type), value_member(field->type)});
            members_fit = false;
        }
        for (size_t k = 0; value.people && k < value.people->size(); ++k) {
            check.reference(people, Collection::People, Msg::NounPerson, (*value.people)[k],
                            "logbook_entries", index, at("values", j) + "." + at("people", k));
        }
    }
    if (version == nullptr || !members_fit) {
        return;
    }
    for (const Error& e : validate_entry_values(typed, to_entry(entry).values, check.lang())) {
        std::string at_value = path + ".values";
        for (size_t j = 0; j < entry.values.size(); ++j) {
            if (entry.values[j].key == e.field) {
                at_value = path + "." + at("values", j);
                break;
            }
        }
        check.issue(std::move(at_value), e.message);
    }
}

void check_logbook_entries(Checker& check, const Bundle& b, const IdSet& people) {
    std::unordered_map<std::string_view, const LogbookTemplateRecord*> templates;
    for (const LogbookTemplateRecord& t : b.logbook_templates) {
        templates.emplace(t.id, &t);
    }
    check.ids(b.logbook_entries, "logbook_entries");
    for (size_t i = 0; i < b.logbook_entries.size(); ++i) {
        const auto it = templates.find(b.logbook_entries[i].template_id);
        check_logbook_entry(check, b.logbook_entries[i], i,
                            it == templates.end() ? nullptr : it->second, people);
    }
}

void check_codes(Checker& check, const Bundle& b, const IdSet& partnerships) {
    std::unordered_map<std::string, size_t> seen;
    for (size_t i = 0; i < b.codes.size(); ++i) {
        const CodeRecord& c = b.codes[i];
        check.reference(partnerships, Collection::Partnerships, Msg::NounPartnership, c.partnership,
                        "codes", i, "partnership");
        if (!c.id.empty()) {
            check.unique(seen, join_key(c.partnership, c.id), "codes", i);
        }
        if (auto valid = validate_theme(to_theme(c), check.lang()); !valid) {
            check.issue(at("codes", i) + "." + valid.error().field, valid.error().message);
        }
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
    check.ids(b.logbook_templates, "logbook_templates");
    check_logbook_templates(check, b, places, activities);
    check_logbook_entries(check, b, people);
    check_codes(check, b, partnerships);
    std::vector<BundleIssue> issues = check.take();
    check_interviews(b, lang, stored, issues);
    check_survey_rounds(b, lang, stored, issues);
    return issues;
}

}  // namespace samskab::core
