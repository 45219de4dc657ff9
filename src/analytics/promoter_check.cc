#include "analytics/promoter_check.h"

#include <algorithm>
#include <bit>
#include <map>
#include <set>
#include <utility>

#include "analytics/format.h"
#include "analytics/indicators.h"
#include "core/starting_codebook.h"

namespace samskab::analytics {

namespace {

using Index = core::Dataset::Index;

bool da(core::Lang lang) {
    return lang == core::Lang::Da;
}

std::string count(std::int64_t value, core::Lang lang) {
    return format_count(value, lang);
}

std::string percent(double share, core::Lang lang) {
    return format_percent(share, lang);
}

// What the hints need beyond the indicators, in one pass over the scope's records.
struct Facts {
    std::int64_t new_activities = 0;        // initiatives and causes created in the period
    std::int64_t fixed_active = 0;          // fixed activities with an occurrence in the period
    std::int64_t new_active = 0;            // initiatives and causes with one
    std::int64_t repeat_people = 0;         // >= 2 participations up to `to`, >= 1 in the period
    std::int64_t one_role_people = 0;       // of them, only ever one role
    std::int64_t support_people = 0;        // support-needing people with a participation in it
    std::int64_t both_kinds = 0;            // of them, a less active and an active role
    std::int64_t support_participants = 0;  // support-needing Participants(P)
    std::int64_t returned = 0;              // of them, back after a gap of RETURN_GAP_DAYS
    std::int64_t crowded_days = 0;          // place-days with a support-needing user
    std::int64_t crowded_users = 0;         // daily users summed over them
    std::int64_t crowded_max = 0;
};

Facts gather(const core::Dataset& data, const ResolvedScope& scope, Period period) {
    Facts facts;
    auto in_scope = [&](Index place) { return scope.places[static_cast<std::size_t>(place)] != 0; };
    for (const core::Dataset::Activity& activity : data.activities) {
        if (in_scope(activity.place) && activity.kind != core::ActivityKind::Fixed &&
            activity.created >= period.from && activity.created <= period.to &&
            activity.initiated_by != core::Dataset::NONE) {
            ++facts.new_activities;
        }
    }
    std::set<Index> fixed, fresh;
    // Per person: roles up to `to` (bits), participations up to `to`, in the period, roles in it.
    struct Person {
        unsigned roles_ever = 0;
        unsigned roles_now = 0;
        int ever = 0;
        int now = 0;
        std::vector<core::Day> days;  // active days up to `to`
    };
    std::map<Index, Person> people;
    std::map<std::pair<Index, core::Day>, std::set<Index>> place_days;
    for (const core::Dataset::Participation& p : data.participations) {
        const core::Dataset::Occurrence& occurrence =
            data.occurrences[static_cast<std::size_t>(p.occurrence)];
        const core::Dataset::Activity& activity =
            data.activities[static_cast<std::size_t>(occurrence.activity)];
        if (!in_scope(activity.place) || occurrence.start_day > period.to) {
            continue;
        }
        Person& person = people[p.person];
        const unsigned bit = 1U << static_cast<unsigned>(p.role);
        person.roles_ever |= bit;
        ++person.ever;
        person.days.push_back(occurrence.start_day);
        if (occurrence.start_day >= period.from) {
            person.roles_now |= bit;
            ++person.now;
            (activity.kind == core::ActivityKind::Fixed ? fixed : fresh)
                .insert(occurrence.activity);
            place_days[{activity.place, occurrence.start_day}].insert(p.person);
        }
    }
    for (const core::Dataset::Visit& visit : data.visits) {
        if (!in_scope(visit.place) || visit.day > period.to) {
            continue;
        }
        people[visit.person].days.push_back(visit.day);
        if (visit.day >= period.from) {
            place_days[{visit.place, visit.day}].insert(visit.person);
        }
    }
    facts.fixed_active = static_cast<std::int64_t>(fixed.size());
    facts.new_active = static_cast<std::int64_t>(fresh.size());
    constexpr unsigned LESS_ACTIVE = (1U << static_cast<unsigned>(core::Role::Passive)) |
                                     (1U << static_cast<unsigned>(core::Role::Supported));
    for (auto& [index, person] : people) {
        const bool support = data.people[static_cast<std::size_t>(index)].support_need;
        if (person.ever >= 2 && person.now >= 1) {
            ++facts.repeat_people;
            facts.one_role_people += std::popcount(person.roles_ever) == 1 ? 1 : 0;
        }
        if (support && person.now >= 1) {
            ++facts.support_people;
            facts.both_kinds +=
                (person.roles_now & LESS_ACTIVE) != 0 && (person.roles_now & ~LESS_ACTIVE) != 0;
        }
        std::sort(person.days.begin(), person.days.end());
        person.days.erase(std::unique(person.days.begin(), person.days.end()), person.days.end());
        if (!support || person.days.empty() || person.days.back() < period.from) {
            continue;
        }
        ++facts.support_participants;
        for (std::size_t i = 1; i < person.days.size(); ++i) {
            if (person.days[i] >= period.from &&
                person.days[i] - person.days[i - 1] >= RETURN_GAP_DAYS) {
                ++facts.returned;
                break;
            }
        }
    }
    for (const auto& [key, users] : place_days) {
        const bool with_support = std::any_of(users.begin(), users.end(), [&](Index person) {
            return data.people[static_cast<std::size_t>(person)].support_need;
        });
        if (with_support) {
            ++facts.crowded_days;
            facts.crowded_users += static_cast<std::int64_t>(users.size());
            facts.crowded_max =
                std::max<std::int64_t>(facts.crowded_max, static_cast<std::int64_t>(users.size()));
        }
    }
    return facts;
}

CheckHint none(std::string item, core::Lang lang) {
    return CheckHint{std::move(item), false,
                     da(lang) ? "samskab har ingen data om dette; drøft det ud fra logbøger og "
                                "interview."
                              : "samskab holds no data on this; discuss it from logbooks and "
                                "interviews.",
                     false};
}

CheckHint no_people(std::string item, core::Lang lang) {
    return CheckHint{std::move(item), false,
                     da(lang) ? "Ingen deltagere i perioden at beregne det for."
                              : "No participants in the period to compute it for.",
                     false};
}

}  // namespace

std::vector<CheckHint> promoter_hints(const core::Dataset& data, const ResolvedScope& scope,
                                      Period period, core::Lang lang) {
    const Indicators ind = compute_indicators(data, scope, period);
    const Facts facts = gather(data, scope, period);
    std::vector<CheckHint> hints;
    auto add = [&](std::string item, std::string text, bool attention = false) {
        hints.push_back(CheckHint{std::move(item), true, std::move(text), attention});
    };
    const bool d = da(lang);

    add("fremmer-borgernes-egne-oensker",
        d ? count(facts.new_activities, lang) +
                " nye aktiviteter (initiativer og sager) startet "
                "af deltagere i perioden, heraf " +
                count(ind.initiatives_by_support, lang) + " af deltagere med støttebehov."
          : count(facts.new_activities, lang) +
                " new activities (initiatives and causes) started "
                "by participants in the period, " +
                count(ind.initiatives_by_support, lang) +
                " of them by participants who need support.");

    if (ind.roles.flexible_share.value) {
        add("fremmer-eget-tempo",
            d ? percent(*ind.roles.flexible_share.value, lang) + " af de " +
                    count(ind.roles.flexible_share.denominator, lang) +
                    " deltagere med støttebehov og mindst to deltagelser havde mindst to "
                    "forskellige roller."
              : percent(*ind.roles.flexible_share.value, lang) + " of the " +
                    count(ind.roles.flexible_share.denominator, lang) +
                    " participants who need support with at least two participations held at "
                    "least two different roles.");
    } else {
        hints.push_back(no_people("fremmer-eget-tempo", lang));
    }

    if (facts.support_participants > 0) {
        add("fremmer-fleksibilitet",
            d ? count(facts.returned, lang) + " af " + count(facts.support_participants, lang) +
                    " deltagere med støttebehov kom tilbage i perioden efter en pause på mindst "
                    "fire uger."
              : count(facts.returned, lang) + " of " + count(facts.support_participants, lang) +
                    " participants who need support came back in the period after a break of at "
                    "least four weeks.");
    } else {
        hints.push_back(no_people("fremmer-fleksibilitet", lang));
    }

    if (ind.bridging.mostly_bridging_share.value) {
        add("fremmer-naert-netvaerk-og-bro",
            d ? percent(*ind.bridging.mostly_bridging_share.value, lang) + " af de " +
                    count(ind.bridging.focus, lang) +
                    " deltagere med støttebehov og relationer kender mest folk uden følgeperson "
                    "(brobyggende netværk)."
              : percent(*ind.bridging.mostly_bridging_share.value, lang) + " of the " +
                    count(ind.bridging.focus, lang) +
                    " participants who need support and have relations mostly know people "
                    "without a companion (bridging networks).");
    } else {
        hints.push_back(no_people("fremmer-naert-netvaerk-og-bro", lang));
    }

    hints.push_back(none("fremmer-udgangspunkt-i-aktiviteten", lang));

    if (facts.support_people > 0) {
        add("fremmer-mindre-og-mere-aktiv",
            d ? count(facts.both_kinds, lang) + " af " + count(facts.support_people, lang) +
                    " deltagere med støttebehov var både mindre aktive (passiv, støttet) og aktive "
                    "(initiativtager, vært, aktiv) i perioden."
              : count(facts.both_kinds, lang) + " of " + count(facts.support_people, lang) +
                    " participants who need support were both less active (passive, supported) "
                    "and active (initiator, host, active) in the period.");
    } else {
        hints.push_back(no_people("fremmer-mindre-og-mere-aktiv", lang));
    }

    add("fremmer-faste-og-nye-aktiviteter",
        d ? count(facts.fixed_active, lang) + " faste og " + count(facts.new_active, lang) +
                " nye aktiviteter (initiativer og sager) havde deltagere i perioden."
          : count(facts.fixed_active, lang) + " fixed and " + count(facts.new_active, lang) +
                " new activities (initiatives and causes) had participants in the period.");

    if (facts.repeat_people > 0) {
        const double share =
            static_cast<double>(facts.one_role_people) / static_cast<double>(facts.repeat_people);
        add("haemmer-fast-rollefordeling",
            d ? percent(share, lang) + " af de " + count(facts.repeat_people, lang) +
                    " deltagere med mindst to deltagelser har kun nogensinde haft én rolle."
              : percent(share, lang) + " of the " + count(facts.repeat_people, lang) +
                    " participants with at least two participations have only ever held one "
                    "role.",
            share > ONE_ROLE_ATTENTION);
    } else {
        hints.push_back(no_people("haemmer-fast-rollefordeling", lang));
    }

    double threshold_sum = 0;
    int places = 0;
    for (std::size_t i = 0; i < data.places.size(); ++i) {
        if (scope.places[i] != 0) {
            threshold_sum += data.places[i].support_threshold;
            ++places;
        }
    }
    if (ind.support_share.value && places > 0) {
        const double share = *ind.support_share.value;
        const double threshold = threshold_sum / places;
        const double points = (share - threshold) * 100.0;
        const std::string distance = format_decimal(points < 0 ? -points : points, 0, lang);
        add("haemmer-stram-maalgruppestyring",
            d ? percent(share, lang) + " af deltagerne har støttebehov, mod stedernes grænse på " +
                    percent(threshold, lang) + " (" + distance + " procentpoint " +
                    (points < 0 ? "under" : "over") + ")."
              : percent(share, lang) +
                    " of the participants need support, against the places' "
                    "threshold of " +
                    percent(threshold, lang) + " (" + distance + " percentage points " +
                    (points < 0 ? "below" : "above") + ").",
            share > threshold || share < threshold / 2);
    } else {
        hints.push_back(no_people("haemmer-stram-maalgruppestyring", lang));
    }

    hints.push_back(none("haemmer-kontrol-af-deltagelse", lang));

    if (ind.bridging.mean_ei.value) {
        const double ei = *ind.bridging.mean_ei.value;
        add("haemmer-kun-naert-eller-kun-bro",
            d ? "Gennemsnitligt E-I-indeks " + format_decimal(ei, 2, lang) + " for " +
                    count(ind.bridging.focus, lang) +
                    " deltagere med støttebehov (−1: kun kontakter, der selv har støttebehov; "
                    "+1: kun kontakter uden)."
              : "Mean E-I index " + format_decimal(ei, 2, lang) + " for " +
                    count(ind.bridging.focus, lang) +
                    " participants who need support (−1: only contacts who need support "
                    "themselves; +1: only contacts who do not).",
            ei <= -EI_ATTENTION || ei >= EI_ATTENTION);
    } else {
        hints.push_back(no_people("haemmer-kun-naert-eller-kun-bro", lang));
    }

    if (facts.crowded_days > 0) {
        const double mean =
            static_cast<double>(facts.crowded_users) / static_cast<double>(facts.crowded_days);
        add("haemmer-kaotiske-rum",
            d ? "På de " + count(facts.crowded_days, lang) +
                    " dage, hvor nogen med støttebehov kom, var der i gennemsnit " +
                    format_decimal(mean, 1, lang) + " og højst " + count(facts.crowded_max, lang) +
                    " brugere på stedet."
              : "On the " + count(facts.crowded_days, lang) +
                    " days someone who needs support came, a place had " +
                    format_decimal(mean, 1, lang) + " users on average and " +
                    count(facts.crowded_max, lang) + " at most.");
    } else {
        hints.push_back(no_people("haemmer-kaotiske-rum", lang));
    }
    return hints;
}

}  // namespace samskab::analytics
