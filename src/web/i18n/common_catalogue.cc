#include <array>

#include "web/i18n/catalogue.h"

namespace samskab::web::i18n {

namespace {

// The layout, navigation, dates, login and account pages, error pages and form errors. Keys
// of texts shown to participants are written in easy language: short sentences, common words.
constexpr std::array ENTRIES = {
    // layout
    Entry{"app_name", "samskab", "samskab"},
    Entry{"app_tagline", "Fællesskaber, vi skaber sammen", "Communities we make together"},
    Entry{"skip_to_content", "Gå til indholdet", "Skip to the content"},
    Entry{"nav_label", "Hovedmenu", "Main menu"},
    Entry{"nav_home", "Forside", "Home"},
    Entry{"nav_whats_on", "Det sker", "What's on"},
    Entry{"nav_propose", "Start noget", "Start something"},
    Entry{"nav_me", "Min side", "My page"},
    Entry{"nav_host", "Vært", "Host"},
    Entry{"nav_coordinator", "Koordinator", "Coordinator"},
    Entry{"nav_companion", "Dem, jeg følger", "The people I accompany"},
    Entry{"nav_password", "Skift adgangskode", "Change password"},
    Entry{"signed_in_as", "Logget ind som", "Signed in as"},
    Entry{"logout", "Log ud", "Log out"},
    Entry{"language_label", "Sprog", "Language"},
    Entry{"language_da", "Dansk", "Dansk"},
    Entry{"language_en", "English", "English"},
    Entry{"footer_label", "Om samskab", "About samskab"},
    Entry{"footer_text", "samskab er til samskabelse mellem foreninger, borgere og kommune.",
          "samskab is for co-creation between associations, citizens and the municipality."},
    Entry{"footer_privacy", "Du kan se og hente alt, hvad samskab ved om dig, på Min side.",
          "You can see and download everything samskab knows about you on My page."},
    Entry{"yes", "Ja", "Yes"},
    Entry{"no", "Nej", "No"},
    Entry{"none", "Ingen", "None"},
    Entry{"back", "Tilbage", "Back"},
    Entry{"save", "Gem", "Save"},

    // dates: "tirsdag 1. december kl. 17.00" / "Tuesday 1 December at 17:00"
    Entry{"weekday_1", "mandag", "Monday"},
    Entry{"weekday_2", "tirsdag", "Tuesday"},
    Entry{"weekday_3", "onsdag", "Wednesday"},
    Entry{"weekday_4", "torsdag", "Thursday"},
    Entry{"weekday_5", "fredag", "Friday"},
    Entry{"weekday_6", "lørdag", "Saturday"},
    Entry{"weekday_7", "søndag", "Sunday"},
    Entry{"month_1", "januar", "January"},
    Entry{"month_2", "februar", "February"},
    Entry{"month_3", "marts", "March"},
    Entry{"month_4", "april", "April"},
    Entry{"month_5", "maj", "May"},
    Entry{"month_6", "juni", "June"},
    Entry{"month_7", "juli", "July"},
    Entry{"month_8", "august", "August"},
    Entry{"month_9", "september", "September"},
    Entry{"month_10", "oktober", "October"},
    Entry{"month_11", "november", "November"},
    Entry{"month_12", "december", "December"},
    Entry{"at_clock", "kl.", "at"},
    Entry{"week", "Uge", "Week"},

    // forms and errors
    Entry{"error_summary_heading", "Der er et problem", "There is a problem"},
    Entry{"error_prefix", "Fejl:", "Error:"},
    Entry{"error_title_400", "Det forstod vi ikke", "We did not understand that"},
    Entry{"error_title_403", "Det har du ikke adgang til", "You do not have access to this"},
    Entry{"error_title_404", "Siden findes ikke", "The page does not exist"},
    Entry{"error_title_409", "Det kunne ikke lade sig gøre", "That could not be done"},
    Entry{"error_title_500", "Der skete en fejl hos os", "Something went wrong on our side"},
    Entry{"error_text_400", "Siden fik noget, den ikke kunne bruge. Prøv igen.",
          "The page got something it could not use. Please try again."},
    Entry{"error_text_403",
          "Du kan ikke se eller ændre dette. Spørg en koordinator, hvis du mener, du skal.",
          "You cannot see or change this. Ask a coordinator if you think you should."},
    Entry{"error_text_404", "Vi kan ikke finde det, du leder efter.",
          "We cannot find what you are looking for."},
    Entry{"error_text_409", "Det passer ikke med det, der allerede står i samskab.",
          "It does not fit what samskab already holds."},
    Entry{"error_text_500", "Prøv igen om lidt. Intet af det, du skrev, er gemt.",
          "Please try again in a moment. Nothing you wrote was saved."},
    Entry{"error_go_home", "Gå til forsiden", "Go to the start page"},

    // login and account
    Entry{"title_login", "Log ind", "Log in"},
    Entry{"login_intro", "Log ind med din e-mail og din adgangskode.",
          "Log in with your email and your password."},
    Entry{"field_email", "E-mail", "Email"},
    Entry{"field_password", "Adgangskode", "Password"},
    Entry{"login_button", "Log ind", "Log in"},
    Entry{"error_email_required", "Skriv din e-mail.", "Write your email."},
    Entry{"error_password_required", "Skriv din adgangskode.", "Write your password."},
    Entry{"invitation_done", "Din adgangskode er gemt. Nu kan du logge ind.",
          "Your password is saved. Now you can log in."},
    Entry{"title_password", "Skift adgangskode", "Change password"},
    Entry{"field_old_password", "Din adgangskode nu", "Your current password"},
    Entry{"field_new_password", "Ny adgangskode", "New password"},
    Entry{"field_new_password_again", "Skriv den nye adgangskode igen",
          "Write the new password again"},
    Entry{"password_hint", "Mindst 10 tegn. En lang sætning, du kan huske, er god.",
          "At least 10 characters. A long sentence you can remember is good."},
    Entry{"error_old_password_required", "Skriv din adgangskode nu.",
          "Write your current password."},
    Entry{"error_passwords_differ", "De to nye adgangskoder er ikke ens.",
          "The two new passwords are not the same."},
    Entry{"password_changed", "Din adgangskode er skiftet. Du er logget ud alle andre steder.",
          "Your password is changed. You are logged out everywhere else."},
    Entry{"password_button", "Skift adgangskode", "Change password"},
    Entry{"title_invitation", "Vælg din adgangskode", "Choose your password"},
    Entry{"invitation_intro", "Velkommen til samskab. Vælg en adgangskode til din konto:",
          "Welcome to samskab. Choose a password for your account:"},
    Entry{"invitation_button", "Gem adgangskode", "Save password"},

    // the start page of roles without a home of their own
    Entry{"title_home", "Forside", "Home"},
    Entry{"home_intro", "Det kan du gøre i samskab:", "What you can do in samskab:"},
    Entry{"home_participant", "Se, hvad der sker, og vær med.", "See what is on, and join in."},
    Entry{"home_host", "Tag imod folk, og skriv i logbogen.",
          "Welcome people, and write in the logbook."},
    Entry{"home_coordinator", "Styr et sted: aktiviteter, vagter, folk og rapporter.",
          "Run a place: activities, shifts, people and reports."},
    Entry{"home_companion", "Se det, som den person, du følger, har valgt at dele med dig.",
          "See what the person you accompany has chosen to share with you."},
    Entry{"home_analyst",
          "Se tal for partnerskaberne, hvor små grupper er skjult, så ingen kan genkendes. "
          "Tallene hentes med kommandoen samskab report --suppress eller gennem API'et "
          "under /api/v1/.",
          "See figures for the partnerships, with small groups hidden so that nobody can be "
          "recognised. The figures come from the command samskab report --suppress or from "
          "the API under /api/v1/."},
    Entry{"home_administrator",
          "Administrér organisationer, partnerskaber, brugere, sletning og sikkerhedskopier "
          "med kommandoen samskab på serveren.",
          "Administer organisations, partnerships, users, deletion and backups with the "
          "samskab command on the server."},
    Entry{"home_password", "Skift din adgangskode.", "Change your password."},
};

}  // namespace

std::span<const Entry> common_entries() {
    return ENTRIES;
}

}  // namespace samskab::web::i18n
