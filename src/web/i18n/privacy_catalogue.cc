#include <array>

#include "web/i18n/catalogue.h"

namespace samskab::web::i18n {

namespace {

// Consent per purpose, the companion's page, the access log, rectification and erasure.
// Participants and companions read the first half: easy language.
constexpr std::array ENTRIES = {
    // my page: the two purposes beyond the bundle's, the history, the purposes of lookups
    Entry{"consent_companion", "Min følgeperson må se, hvad jeg er med til.",
          "My companion may see what I take part in."},
    Entry{"consent_statistics",
          "Jeg må tælle med i partnerskabets statistik (uden mit navn).",
          "I may be counted in the partnership's statistics (without my name)."},
    Entry{"consent_history", "Sådan har du givet samtykke", "How you gave consent"},
    Entry{"consent_history_paper", "En koordinator skrev det ind fra en papirblanket",
          "A coordinator entered it from a paper form"},
    Entry{"consent_history_you", "Du selv", "You"},
    Entry{"consent_history_staff", "En medarbejder", "A staff member"},
    Entry{"consent_given_none", "Intet", "Nothing"},
    Entry{"col_given", "Samtykke til", "Consent to"},
    Entry{"col_purpose", "Hvorfor", "Why"},
    Entry{"purpose_support_need", "Behov for støtte", "Support need"},
    Entry{"purpose_pathways", "Videre til job og uddannelse", "Moving on to job and education"},
    Entry{"purpose_companion", "Deling med følgeperson", "Sharing with companion"},
    Entry{"purpose_statistics", "Statistik", "Statistics"},
    Entry{"lookup_coordination", "Koordinering i partnerskabet", "Coordination in the partnership"},
    Entry{"lookup_hosting", "Værtens dag på stedet", "The host's day at the place"},
    Entry{"lookup_companion", "Din følgeperson", "Your companion"},
    Entry{"lookup_export", "Udtræk af data", "Data export"},
    Entry{"lookup_login", "Log ind", "Log in"},
    Entry{"lookup_other", "Andet", "Other"},
    // the companion's page
    Entry{"title_companion", "Dem, du følger", "The people you accompany"},
    Entry{"companion_intro",
          "Her ser du de personer, du er følgeperson for. Du ser kun det, de selv har valgt at "
          "vise dig.",
          "Here are the people you accompany. You see only what they have chosen to show you."},
    Entry{"companion_none", "Du er ikke følgeperson for nogen lige nu.",
          "You do not accompany anyone at the moment."},
    Entry{"companion_registered", "Er med i partnerskabet.", "Is part of the partnership."},
    Entry{"companion_not_shared", "Har ikke valgt at vise dig, hvad han eller hun er med til.",
          "Has not chosen to show you what they take part in."},
    Entry{"companion_shared", "Er med til", "Takes part in"},
    Entry{"companion_nothing_now", "Ikke noget i den seneste måned eller de næste to måneder.",
          "Nothing in the last month or the next two months."},
    // the coordinator's person page
    Entry{"title_person", "Person", "Person"},
    Entry{"person_consents", "Samtykke", "Consent"},
    Entry{"person_paper_consent", "Skriv samtykke ind fra en papirblanket",
          "Enter consent from a paper form"},
    Entry{"person_paper_hint",
          "Brug kun dette, når personen har skrevet under på papir. Det bliver noteret, at det "
          "var på papir, og af hvem.",
          "Use this only when the person has signed on paper. It is recorded that it was on "
          "paper, and by whom."},
    Entry{"person_flag", "Har behov for støtte (kræver samtykke)",
          "Needs support (requires consent)"},
    Entry{"person_save_consent", "Gem samtykke fra papir", "Save consent from paper"},
    Entry{"person_saved", "Gemt.", "Saved."},
    Entry{"person_correct", "Ret oplysninger", "Correct details"},
    Entry{"person_correct_save", "Gem rettelser", "Save corrections"},
    Entry{"person_erase", "Slet personen", "Delete the person"},
    Entry{"person_erase_requested", "Personen bad om sletning:", "The person asked for deletion:"},
    Entry{"person_erase_explain",
          "Alt om personen slettes for altid: deltagelse, besøg, relationer, følgepersoner, "
          "pauser, samtykker, logbogsnoter der nævner personen, kontoen og adgangsloggen om "
          "personen. Rapporter, der allerede er lavet, ændres ikke.",
          "Everything about the person is deleted for good: participation, visits, relations, "
          "companions, breaks, consents, logbook notes that name the person, the account and "
          "the access log about the person. Reports already made do not change."},
    Entry{"person_erase_confirm", "Ja, slet alt om personen",
          "Yes, delete everything about the person"},
    Entry{"person_erase_button", "Slet for altid", "Delete for good"},
    Entry{"person_erase_must_confirm", "Sæt flueben for at bekræfte sletningen.",
          "Tick the box to confirm the deletion."},
    Entry{"title_erased", "Personen er slettet", "The person is deleted"},
    Entry{"erased_text", "Slettet:", "Deleted:"},
    Entry{"erased_counts",
          "deltagelser, besøg, relationer, følgeforhold, veje videre, logbogsnoter, konti, "
          "linjer i adgangsloggen",
          "participations, visits, relations, companion links, pathways, logbook notes, "
          "accounts, access-log lines"},
    Entry{"title_deletions", "Anmodninger om sletning", "Requests for deletion"},
    Entry{"deletions_none", "Ingen har bedt om sletning.", "Nobody has asked for deletion."},
    Entry{"col_requested", "Bedt om", "Requested"},
    Entry{"col_person", "Person", "Person"},
    // the coordinator's access log
    Entry{"title_access_log", "Adgangslog", "Access log"},
    Entry{"access_log_intro",
          "Hver gang nogen ser eller henter en persons data, bliver det skrevet her. Linjer "
          "ældre end seks måneder slettes.",
          "Every time someone views or downloads a person's data, it is written here. Lines "
          "older than six months are deleted."},
    Entry{"access_search", "Søg", "Search"},
    Entry{"access_field_person", "Person (id)", "Person (id)"},
    Entry{"access_field_action", "Handling", "Action"},
    Entry{"access_field_from", "Fra dato", "From date"},
    Entry{"access_field_to", "Til og med dato", "To date (inclusive)"},
    Entry{"access_none", "Ingen linjer passer til søgningen.", "No lines match the search."},
    Entry{"col_actor", "Hvem", "Who"},
    Entry{"col_detail", "Hvor", "Where"},
};

}  // namespace

std::span<const Entry> privacy_entries() {
    return ENTRIES;
}

}  // namespace samskab::web::i18n
