#pragma once

#include <span>
#include <string_view>

#include "core/messages.h"

namespace samskab::web::i18n {

// Every text of the web application, Danish and English, under a key used by templates
// ({{t.key}}) and handlers. The catalogue is split by area so that each area's texts live
// beside nothing else; keys are unique across all areas (a test checks this, and that no
// text is empty).
struct Entry {
    std::string_view key;
    std::string_view da;
    std::string_view en;
};

std::span<const Entry> common_entries();       // layout, navigation, login, errors, forms
std::span<const Entry> participant_entries();  // what's on, activities, my page
std::span<const Entry> host_entries();         // today, check-in, introductions, rota, logbook
std::span<const Entry> coordinator_entries();  // places, activities, schedules, people, causes
std::span<const Entry> dashboard_entries();    // dashboards, learning-meeting report
std::span<const Entry> privacy_entries();      // consents, companions, access log, erasure
std::span<const Entry> logbook_entries();      // logbook templates, entries, summaries
std::span<const Entry> evaluation_entries();   // interviews, codebook, themes, the check
std::span<const Entry> survey_entries();       // participant surveys, their rounds and results

// The text for `key` in `lang`. A key that is not in the catalogue is a bug: it throws
// std::logic_error, so a test that renders the page finds it.
std::string_view text(core::Lang lang, std::string_view key);

// Every entry of every area.
std::span<const Entry> all_entries();

}  // namespace samskab::web::i18n
