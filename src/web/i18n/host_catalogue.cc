#include <array>

#include "web/i18n/catalogue.h"

namespace samskab::web::i18n {

namespace {

// The host's pages: today (check-in, newcomers, introductions, logbook) and the rota. Hosts
// are often volunteers, so the words are plain. Error texts follow a field's label
// ("Anden person" + " skal være tjekket ind i dag").
constexpr std::array ENTRIES = {
    // choosing a place
    Entry{"host_choose_place_title", "Vælg sted", "Choose a place"},
    Entry{"host_choose_place_intro", "Du er vært flere steder. Hvor er du i dag?",
          "You are a host at several places. Where are you today?"},
    Entry{"host_places_label", "Dine steder", "Your places"},

    // today
    Entry{"host_today_title", "I dag", "Today"},
    Entry{"host_newcomers_heading", "Nye i dag", "New today"},
    Entry{"host_newcomers_text", "De her er nye. Sig goddag, og vis dem rundt.",
          "These people are new. Say hello and show them around."},
    Entry{"host_checked_in_heading", "Hvem er her i dag", "Who is here today"},
    Entry{"host_col_name", "Navn", "Name"},
    Entry{"host_col_newcomer", "Ny", "New"},
    Entry{"host_newcomer_mark", "ny", "new"},
    Entry{"host_nobody_yet", "Ingen er tjekket ind endnu.", "Nobody has checked in yet."},
    Entry{"host_check_in_heading", "Tjek ind", "Check in"},
    Entry{"host_search_label", "Søg på navn", "Search by name"},
    Entry{"host_search_hint", "Skriv en del af navnet.", "Type part of the name."},
    Entry{"host_search_button", "Søg", "Search"},
    Entry{"host_results_heading", "Fundne personer", "People found"},
    Entry{"host_col_check_in", "Tjek ind", "Check in"},
    Entry{"host_check_in_button", "Tjek ind", "Check in"},
    Entry{"host_already_here", "Er her allerede", "Already here"},
    Entry{"host_no_results", "Ingen med det navn.", "Nobody by that name."},
    Entry{"host_done_checked_in", "Personen er tjekket ind.", "The person is checked in."},

    // introductions
    Entry{"host_introduce_heading", "Jeg har præsenteret to for hinanden",
          "I introduced two people"},
    Entry{"host_introduce_intro",
          "Vælg de to, du har præsenteret for hinanden. Det bliver gemt som en ny forbindelse.",
          "Choose the two people you introduced. It is saved as a new connection."},
    Entry{"host_introduce_need_two",
          "Når mindst to er tjekket ind, kan du skrive, hvem du har præsenteret for hinanden.",
          "When at least two people have checked in, you can record whom you introduced."},
    Entry{"host_field_a", "Første person", "First person"},
    Entry{"host_field_b", "Anden person", "Second person"},
    Entry{"host_choose_person", "Vælg en person", "Choose a person"},
    Entry{"host_introduce_button", "Gem præsentationen", "Save the introduction"},
    Entry{"host_done_introduced", "Præsentationen er gemt.", "The introduction is saved."},

    // logbook
    Entry{"host_logbook_heading", "Logbog", "Logbook"},
    Entry{"host_field_note", "Note til logbogen", "Logbook note"},
    Entry{"host_note_hint", "Hvad skete der i dag? Skriv ikke om nogens helbred.",
          "What happened today? Do not write about anyone's health."},
    Entry{"host_note_button", "Gem noten", "Save the note"},
    Entry{"host_recent_notes", "Noter fra de sidste 14 dage", "Notes from the last 14 days"},
    Entry{"host_no_notes", "Ingen noter endnu.", "No notes yet."},
    Entry{"host_done_noted", "Noten er gemt.", "The note is saved."},
    Entry{"host_rota_link", "Se værtsplanen", "See the host rota"},

    // rota
    Entry{"host_rota_title", "Værtsplan", "Host rota"},
    Entry{"host_rota_intro",
          "Hvem er vært de næste fire uger? Tag en dag, giv den fra dig, "
          "eller byt med en anden dag.",
          "Who hosts in the next four weeks? Take a day, give it up, or swap it for another "
          "day."},
    Entry{"host_rota_no_person",
          "Din konto er ikke knyttet til en person, så du kan ikke tage dage. Spørg "
          "koordinatoren.",
          "Your account is not linked to a person, so you cannot take days. Ask the "
          "coordinator."},
    Entry{"host_rota_caption", "Værter de næste fire uger", "Hosts in the next four weeks"},
    Entry{"host_col_day", "Dag", "Day"},
    Entry{"host_col_host", "Vært", "Host"},
    Entry{"host_col_actions", "Skift", "Change"},
    Entry{"host_rota_free", "Ingen vært endnu", "No host yet"},
    Entry{"host_rota_you", "dig", "you"},
    Entry{"host_rota_take", "Tag dagen", "Take the day"},
    Entry{"host_rota_release", "Giv dagen fra dig", "Give up the day"},
    Entry{"host_rota_swap_label", "Byt med", "Swap with"},
    Entry{"host_rota_swap", "Byt", "Swap"},
    Entry{"host_today_link", "Tilbage til i dag", "Back to today"},

    // errors
    Entry{"host_error_unknown_person", "Personen findes ikke i stedets partnerskab. Søg igen.",
          "The person is not in the place's partnership. Search again."},
    Entry{"host_error_not_here", "skal være tjekket ind i dag", "must have checked in today"},
    Entry{"host_error_same", "skal være en anden end første person",
          "must be someone other than the first person"},
    Entry{"host_error_known", "er allerede forbundet med første person",
          "is already connected with the first person"},
    Entry{"host_error_too_long", "er for lang (højst 5.000 tegn)",
          "is too long (at most 5,000 characters)"},
    Entry{"host_error_no_person",
          "Du kan ikke tage en dag, for din konto er ikke knyttet til en person.",
          "You cannot take a day, because your account is not linked to a person."},
    Entry{"host_error_bad_day", "Vælg en dag i de næste fire uger.",
          "Choose a day in the next four weeks."},
    Entry{"host_error_day_taken", "Dagen er allerede taget af en anden.",
          "Someone else has already taken the day."},
    Entry{"host_error_not_yours", "Du er ikke vært den dag.", "You are not the host that day."},
};

}  // namespace

std::span<const Entry> host_entries() {
    return ENTRIES;
}

}  // namespace samskab::web::i18n
