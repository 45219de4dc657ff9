#include <array>

#include "web/i18n/catalogue.h"

namespace samskab::web::i18n {

namespace {

// Participants read these: easy language, short sentences, "you" and "we".
constexpr std::array ENTRIES = {
    // what's on
    Entry{"title_whats_on", "Det sker", "What's on"},
    Entry{"whats_on_intro", "Her kan du se, hvad der sker. Du kan være med, når du vil.",
          "Here you can see what is on. You can join when you like."},
    Entry{"previous_week", "Ugen før", "The week before"},
    Entry{"next_week", "Ugen efter", "The week after"},
    Entry{"this_week", "Denne uge", "This week"},
    Entry{"week_navigation", "Skift uge", "Change week"},
    Entry{"nothing_this_week", "Der sker ikke noget her i denne uge.",
          "Nothing is on here this week."},
    Entry{"no_places", "Du er ikke med et sted endnu. Spørg en koordinator.",
          "You are not part of a place yet. Ask a coordinator."},
    Entry{"col_when", "Hvornår", "When"},
    Entry{"col_what", "Hvad", "What"},
    Entry{"col_how_many", "Hvor mange", "How many"},
    Entry{"col_you", "Dig", "You"},
    Entry{"taking_part", "er med", "taking part"},
    Entry{"join", "Vær med", "Join"},
    Entry{"leave", "Meld fra", "Drop out"},
    Entry{"you_are_in", "Du er med.", "You are in."},
    Entry{"you_were_in", "Du var med.", "You took part."},
    Entry{"join_about", "Vær med i", "Join"},
    Entry{"leave_about", "Meld fra til", "Drop out of"},
    Entry{"error_occurrence_ended", "Det er allerede slut. Du kan ikke melde dig til eller fra nu.",
          "It has already ended. You cannot join or drop out now."},
    Entry{"kind_fixed", "Fast aktivitet", "Regular activity"},
    Entry{"kind_initiative", "Initiativ", "Initiative"},
    Entry{"kind_cause", "Sag", "Cause"},

    // breaks
    Entry{"break_title", "Pause", "Break"},
    Entry{"break_on", "Du holder pause. Det er helt i orden. Kom tilbage, når du vil.",
          "You are taking a break. That is fine. Come back when you like."},
    Entry{"break_explain",
          "Har du brug for en pause? Så ved de andre, at du kommer igen. Du skal ikke sige "
          "hvorfor.",
          "Do you need a break? Then the others know that you will come back. You do not have "
          "to say why."},
    Entry{"break_start", "Jeg holder pause", "I'm taking a break"},
    Entry{"break_end", "Jeg er tilbage", "I'm back"},

    // one activity
    Entry{"activity_place", "Sted", "Place"},
    Entry{"activity_kind", "Slags", "Kind"},
    Entry{"started_by", "Startet af", "Started by"},
    Entry{"coming_up", "Næste gange", "Coming up"},
    Entry{"no_upcoming", "Der er ingen datoer endnu.", "There are no dates yet."},
    Entry{"action_plan", "Handleplan", "Action plan"},
    Entry{"no_action_items", "Der er ingen punkter i handleplanen endnu.",
          "There is nothing in the action plan yet."},
    Entry{"action_done", "Gjort", "Done"},
    Entry{"action_not_done", "Ikke gjort endnu", "Not done yet"},
    Entry{"action_due", "Senest", "By"},
    Entry{"see_whats_on", "Se alt, hvad der sker", "See everything that is on"},

    // proposing an activity or a cause
    Entry{"title_propose", "Start noget", "Start something"},
    Entry{"propose_intro", "Har du en idé? Så start den selv. Andre kan se den og være med.",
          "Do you have an idea? Then start it yourself. Others can see it and join."},
    Entry{"field_title", "Hvad hedder det?", "What is it called?"},
    Entry{"field_title_hint", "For eksempel: Strikkeklub eller Ren strand.",
          "For example: Knitting club or Clean beach."},
    Entry{"field_place", "Hvor?", "Where?"},
    Entry{"field_kind", "Hvad slags er det?", "What kind is it?"},
    Entry{"kind_initiative_hint", "Noget, I laver sammen. For eksempel en klub.",
          "Something you do together. For example a club."},
    Entry{"kind_cause_hint", "Noget, I vil ændre. I laver en plan og holder møder.",
          "Something you want to change. You make a plan and hold meetings."},
    Entry{"propose_button", "Start det", "Start it"},
    Entry{"error_title_required", "Skriv, hvad det hedder.", "Write what it is called."},
    Entry{"error_title_too_long", "Navnet må højst have 200 tegn.",
          "The name may have at most 200 characters."},
    Entry{"error_place_choose", "Vælg, hvor det skal være.", "Choose where it will be."},
    Entry{"error_kind_choose", "Vælg, om det er et initiativ eller en sag.",
          "Choose if it is an initiative or a cause."},

    // my page
    Entry{"title_me", "Min side", "My page"},
    Entry{"me_intro", "Her er alt, hvad samskab ved om dig.",
          "Here is everything samskab knows about you."},
    Entry{"me_download", "Hent alle mine data (JSON-fil)", "Download all my data (JSON file)"},
    Entry{"me_about", "Om dig", "About you"},
    Entry{"me_name", "Navn", "Name"},
    Entry{"me_joined", "Med siden", "Taking part since"},
    Entry{"me_entry_channel", "Du kom med gennem", "You came in through"},
    Entry{"channel_companion", "en følgeperson", "a companion"},
    Entry{"channel_host", "en vært", "a host"},
    Entry{"channel_coordinator", "en koordinator", "a coordinator"},
    Entry{"channel_network", "nogen, du kender", "someone you know"},
    Entry{"channel_outreach", "nogen, der opsøgte dig", "someone who reached out to you"},
    Entry{"channel_self", "dig selv", "yourself"},
    Entry{"me_partnerships", "Partnerskaber", "Partnerships"},
    Entry{"me_support", "Behov for støtte", "Needs support"},
    Entry{"me_support_explain", "Kun du, koordinatorerne og dem, du vælger, kan se det.",
          "Only you, the coordinators and the people you choose can see this."},
    Entry{"me_support_not_recorded", "Ikke noteret", "Not recorded"},

    Entry{"consent_title", "Dit samtykke", "Your consent"},
    Entry{"consent_support", "samskab må gemme, om jeg har brug for støtte.",
          "samskab may record if I need support."},
    Entry{"consent_pathways",
          "samskab må gemme, når jeg går videre til job, uddannelse eller en forening.",
          "samskab may record when I move on to a job, education or an association."},
    Entry{"consent_warning",
          "Vigtigt: Fjerner du et flueben, sletter vi de data, det gælder. Det kan ikke "
          "fortrydes.",
          "Important: If you remove a tick, we delete the data it covers. This cannot be "
          "undone."},
    Entry{"consent_save", "Gem samtykke", "Save consent"},
    Entry{"consent_saved", "Dit samtykke er gemt.", "Your consent is saved."},

    Entry{"me_participations", "Det har du været med til", "What you took part in"},
    Entry{"col_date", "Dato", "Date"},
    Entry{"col_role", "Rolle", "Role"},
    Entry{"col_place", "Sted", "Place"},
    Entry{"col_who", "Hvem", "Who"},
    Entry{"col_how", "Hvordan", "How"},
    Entry{"col_from", "Fra", "From"},
    Entry{"col_until", "Til", "Until"},
    Entry{"col_kind", "Hvad", "What"},
    Entry{"col_action", "Hvad skete der", "What happened"},
    Entry{"role_initiator", "Startede det", "Started it"},
    Entry{"role_host", "Vært", "Host"},
    Entry{"role_active", "Med", "Took part"},
    Entry{"role_passive", "Kiggede med", "Looked on"},
    Entry{"role_supported", "Med støtte", "With support"},
    Entry{"me_visits", "Dine besøg", "Your visits"},
    Entry{"me_relations", "Folk, du kender", "People you know"},
    Entry{"source_self_report", "Du har fortalt det", "You told us"},
    Entry{"source_host_introduction", "En vært præsenterede jer", "A host introduced you"},
    Entry{"source_co_participation", "I har været med til det samme",
          "You took part in the same things"},
    Entry{"me_pathways", "Videre til", "Moved on to"},
    Entry{"pathway_job", "Job", "Job"},
    Entry{"pathway_education", "Uddannelse", "Education"},
    Entry{"pathway_association", "Forening", "Association"},
    Entry{"pathway_internship", "Praktik", "Internship"},
    Entry{"pathway_volunteering", "Frivilligt arbejde", "Volunteering"},
    Entry{"me_breaks", "Dine pauser", "Your breaks"},
    Entry{"break_still_on", "Nu", "Now"},
    Entry{"me_companions", "Dine følgepersoner", "Your companions"},
    Entry{"me_accompanying", "Du følger", "You accompany"},
    Entry{"me_access_log", "Hvem har kigget på dine data", "Who has looked at your data"},
    Entry{"access_you", "Dig", "You"},
    Entry{"access_staff", "En medarbejder", "A staff member"},
    Entry{"access_system", "samskab selv", "samskab itself"},
    Entry{"access_view", "Så dine data", "Looked at your data"},
    Entry{"access_export", "Hentede dine data", "Downloaded your data"},
    Entry{"access_change", "Ændrede dine data", "Changed your data"},
    Entry{"access_other", "Andet", "Other"},
    Entry{"only_latest", "Vi viser de seneste 200.", "We show the latest 200."},

    Entry{"deletion_title", "Slet mine data", "Delete my data"},
    Entry{"deletion_explain",
          "Du kan bede os om at slette alt om dig. En koordinator sletter det inden for en "
          "måned.",
          "You can ask us to delete everything about you. A coordinator deletes it within a "
          "month."},
    Entry{"deletion_button", "Bed om at få slettet mine data", "Ask to have my data deleted"},
    Entry{"deletion_requested_on", "Du bad om sletning:", "You asked for deletion on:"},
    Entry{"title_deletion_done", "Vi har fået din besked", "We have your request"},
    Entry{"deletion_done_text",
          "Vi sletter dine data inden for en måned. Du kan logge ind, indtil det er sket.",
          "We delete your data within a month. You can log in until then."},
    Entry{"deletion_back", "Tilbage til Min side", "Back to My page"},
};

}  // namespace

std::span<const Entry> participant_entries() {
    return ENTRIES;
}

}  // namespace samskab::web::i18n
