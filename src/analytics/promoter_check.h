#pragma once

#include <string>
#include <vector>

#include "analytics/report.h"
#include "analytics/scope.h"
#include "core/dataset.h"
#include "core/messages.h"

namespace samskab::analytics {

// samskab's own data beside each item of the promoters/inhibitors check (the booklet's lists,
// core/starting_codebook.h): what the recorded participation says about the item in a period,
// so that the partnership's self-assessment can lean on figures. Computed from the dataset and
// the indicator engine (INDICATORS.md) for one scope, unsuppressed: the hints are for the
// partnership's own coordinators.
//
// The items and their hints:
//   fremmer-borgernes-egne-oensker    new activities started by participants in the period
//                                     (initiatives and causes), and how many by people who need
//                                     support (initiatives_by_support)
//   fremmer-eget-tempo                roles.flexible_share
//   fremmer-fleksibilitet             people who need support who came back in the period after
//                                     at least RETURN_GAP_DAYS without a visit or participation
//   fremmer-naert-netvaerk-og-bro     bridging.mostly_bridging_share and bridging.focus
//   fremmer-udgangspunkt-i-aktiviteten  no data (judged from logbooks and interviews)
//   fremmer-mindre-og-mere-aktiv      people who need support who held both a less active role
//                                     (passive, supported) and an active one (initiator, host,
//                                     active) in the period
//   fremmer-faste-og-nye-aktiviteter  activities with occurrences in the period: fixed ones and
//                                     new ones (initiatives, causes)
//   haemmer-fast-rollefordeling       of the people with at least two participations up to the
//                                     period's end and one in it, the share who only ever held
//                                     one role; attention above ONE_ROLE_ATTENTION
//   haemmer-stram-maalgruppestyring   support_share against the places' mean threshold;
//                                     attention above the threshold or below half of it
//   haemmer-kontrol-af-deltagelse     no data
//   haemmer-kun-naert-eller-kun-bro   bridging.mean_ei; attention at or below -EI_ATTENTION
//                                     (mostly close networks) or at or above +EI_ATTENTION
//                                     (hardly any close ones)
//   haemmer-kaotiske-rum              daily users on place-days with someone who needs support:
//                                     mean and most
inline constexpr int RETURN_GAP_DAYS = 28;
inline constexpr double ONE_ROLE_ATTENTION = 0.5;
inline constexpr double EI_ATTENTION = 0.5;

struct CheckHint {
    std::string item;        // the check item's id (a promoter or inhibitor theme id)
    bool available = false;  // whether samskab's data say something about the item
    std::string text;        // in the requested language: the figures, or why there are none
    bool attention = false;  // the figures suggest that the item may hinder the partnership
};

// One hint per check item, in the items' order. `scope` is resolved against `data`.
std::vector<CheckHint> promoter_hints(const core::Dataset& data, const ResolvedScope& scope,
                                      Period period, core::Lang lang);

}  // namespace samskab::analytics
