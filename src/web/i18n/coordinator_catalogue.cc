#include <array>

#include "web/i18n/catalogue.h"

namespace samskab::web::i18n {

namespace {

// The coordinator's pages: places, activities and their schedules, occurrences and roles,
// causes' action plans, people and accounts. Error texts follow a field's label
// ("Støttegrænse" + " skal være et tal mellem 0 og 1").
constexpr std::array ENTRIES = {
    // home
    Entry{"coord_home_title", "Koordinator", "Coordinator"},
    Entry{"coord_places_heading", "Dine steder", "Your places"},
    Entry{"coord_col_place", "Sted", "Place"},
    Entry{"coord_col_partnership", "Partnerskab", "Partnership"},
    Entry{"coord_col_threshold", "Støttegrænse", "Support threshold"},
    Entry{"coord_col_activities", "Aktiviteter", "Activities"},
    Entry{"coord_activities_link", "Aktiviteter", "Activities"},
    Entry{"coord_no_places", "Du koordinerer ingen steder endnu.",
          "You do not coordinate any places yet."},
    Entry{"coord_new_place_link", "Opret et nyt sted", "Create a new place"},
    Entry{"coord_people_heading", "Personer", "People"},
    Entry{"coord_people_of", "Personer i", "People in"},
    Entry{"coord_people_link", "Personer i partnerskabet", "People in the partnership"},
    Entry{"coord_accounts_heading", "Konti", "Accounts"},
    Entry{"coord_privacy_heading", "Databeskyttelse", "Data protection"},
    Entry{"coord_accounts_link", "Se konti", "See accounts"},
    Entry{"coord_new_account_link", "Opret en konto", "Create an account"},
    Entry{"coord_saved", "Ændringerne er gemt.", "The changes are saved."},

    // places
    Entry{"coord_new_place_title", "Nyt sted", "New place"},
    Entry{"coord_place_title", "Sted", "Place"},
    Entry{"coord_edit_place_heading", "Ret stedet", "Edit the place"},
    Entry{"coord_partnership_label", "Partnerskab", "Partnership"},
    Entry{"coord_field_partnership", "Partnerskab", "Partnership"},
    Entry{"coord_field_place_name", "Stedets navn", "Name of the place"},
    Entry{"coord_field_threshold", "Støttegrænse", "Support threshold"},
    Entry{"coord_threshold_hint",
          "Den største andel af dagens brugere, der må have brug for særlig støtte, før stedet "
          "skal være opmærksomt. Et tal mellem 0 og 1, fx 0,2 for 20 %.",
          "The largest share of a day's users who may need special support before the place "
          "should take notice. A number from 0 to 1, e.g. 0.2 for 20%."},

    // activities
    Entry{"coord_activities_title", "Aktiviteter", "Activities"},
    Entry{"coord_activities_heading", "Stedets aktiviteter", "The place's activities"},
    Entry{"coord_col_title", "Titel", "Title"},
    Entry{"coord_col_kind", "Slags", "Kind"},
    Entry{"coord_col_created", "Oprettet", "Created"},
    Entry{"coord_no_activities", "Stedet har ingen aktiviteter endnu.",
          "The place has no activities yet."},
    Entry{"coord_new_activity_heading", "Ny aktivitet", "New activity"},
    Entry{"coord_field_title", "Titel", "Title"},
    Entry{"coord_field_kind", "Slags", "Kind"},
    Entry{"coord_kind_fixed", "Fast aktivitet", "Fixed activity"},
    Entry{"coord_kind_initiative", "Initiativ fra deltagere", "Participants' initiative"},
    Entry{"coord_kind_cause", "Sag", "Cause"},
    Entry{"coord_create_activity_button", "Opret aktiviteten", "Create the activity"},

    // one activity
    Entry{"coord_activity_title", "Aktivitet", "Activity"},
    Entry{"coord_kind_label", "Slags", "Kind"},
    Entry{"coord_place_label", "Sted", "Place"},
    Entry{"coord_initiator_label", "Startet af", "Started by"},
    Entry{"coord_created_label", "Oprettet", "Created"},
    Entry{"coord_rename_heading", "Omdøb", "Rename"},
    Entry{"coord_rename_button", "Gem titlen", "Save the title"},
    Entry{"coord_schedules_heading", "Faste tider hver uge", "Weekly times"},
    Entry{"coord_col_weekday", "Ugedag", "Weekday"},
    Entry{"coord_col_time", "Tid", "Time"},
    Entry{"coord_col_period", "Periode", "Period"},
    Entry{"coord_no_schedules", "Ingen faste tider endnu.", "No weekly times yet."},
    Entry{"coord_new_schedule_heading", "Tilføj en fast tid", "Add a weekly time"},
    Entry{"coord_new_schedule_intro", "Aktiviteten får en gang på ugedagen i hele perioden.",
          "The activity gets an occurrence on the weekday throughout the period."},
    Entry{"coord_field_weekday", "Ugedag", "Weekday"},
    Entry{"coord_field_start", "Starttid", "Start time"},
    Entry{"coord_field_end", "Sluttid", "End time"},
    Entry{"coord_field_from", "Første dato", "First date"},
    Entry{"coord_field_until", "Sidste dato", "Last date"},
    Entry{"coord_clock_hint", "Fx 17.00", "E.g. 17:00"},
    Entry{"coord_date_hint", "Fx 1.12.2025", "E.g. 1/12/2025"},
    Entry{"coord_add_schedule_button", "Tilføj den faste tid", "Add the weekly time"},
    Entry{"coord_done_schedule", "{} nye gange er oprettet.", "{} new occurrences were created."},
    Entry{"coord_upcoming_heading", "De næste gange", "Coming occurrences"},
    Entry{"coord_col_day", "Dag", "Day"},
    Entry{"coord_col_participants", "Deltagere", "Participants"},
    Entry{"coord_no_upcoming", "Ingen kommende gange.", "No coming occurrences."},
    Entry{"coord_one_off_heading", "Tilføj en enkelt gang eller et møde",
          "Add a single occurrence or a meeting"},
    Entry{"coord_field_date", "Dato", "Date"},
    Entry{"coord_add_occurrence_button", "Tilføj gangen", "Add the occurrence"},
    Entry{"coord_done_occurrence", "Gangen er tilføjet.", "The occurrence is added."},

    // a cause's action plan
    Entry{"coord_plan_heading", "Handleplan", "Action plan"},
    Entry{"coord_col_item", "Punkt", "Item"},
    Entry{"coord_col_due", "Frist", "Due"},
    Entry{"coord_col_status", "Status", "Status"},
    Entry{"coord_item_done", "Gjort", "Done"},
    Entry{"coord_item_open", "Ikke gjort", "Not done"},
    Entry{"coord_item_mark_done", "Marker som gjort", "Mark as done"},
    Entry{"coord_item_undo", "Marker som ikke gjort", "Mark as not done"},
    Entry{"coord_no_items", "Handleplanen er tom.", "The action plan is empty."},
    Entry{"coord_new_item_heading", "Nyt punkt", "New item"},
    Entry{"coord_field_item", "Punkt", "Item"},
    Entry{"coord_field_due", "Frist", "Due date"},
    Entry{"coord_due_hint", "Kan stå tom.", "May be left empty."},
    Entry{"coord_add_item_button", "Tilføj punktet", "Add the item"},

    // an occurrence
    Entry{"coord_occurrence_title", "Aktivitetsgang", "Occurrence"},
    Entry{"coord_participants_heading", "Deltagere", "Participants"},
    Entry{"coord_support_visible_note",
          "Støttebehov er helbredsoplysninger. De vises kun for koordinatorer og må ikke "
          "deles.",
          "Support needs are health data. They are shown only to coordinators and must not be "
          "shared."},
    Entry{"coord_col_name", "Navn", "Name"},
    Entry{"coord_col_role", "Rolle", "Role"},
    Entry{"coord_col_support", "Støttebehov", "Support need"},
    Entry{"coord_col_change_role", "Skift rolle", "Change role"},
    Entry{"coord_support_yes", "Har støttebehov", "Needs support"},
    Entry{"coord_support_no", "–", "–"},
    Entry{"coord_new_role_label", "Ny rolle", "New role"},
    Entry{"coord_change_role_button", "Skift", "Change"},
    Entry{"coord_no_participants", "Ingen er tilmeldt endnu.", "Nobody has joined yet."},
    Entry{"coord_field_role", "Rolle", "Role"},
    Entry{"coord_role_initiator", "Igangsætter", "Initiator"},
    Entry{"coord_role_host", "Vært", "Host"},
    Entry{"coord_role_active", "Aktiv", "Active"},
    Entry{"coord_role_passive", "Passiv", "Passive"},
    Entry{"coord_role_supported", "Får støtte", "Supported"},

    // people
    Entry{"coord_people_title", "Personer", "People"},
    Entry{"coord_choose_partnership_title", "Vælg partnerskab", "Choose a partnership"},
    Entry{"coord_choose_partnership_intro", "Du koordinerer i flere partnerskaber. Vælg et:",
          "You coordinate in several partnerships. Choose one:"},
    Entry{"coord_people_count", "Antal personer", "Number of people"},
    Entry{"coord_people_no_flag", "Støttebehov vises kun for koordinatorer af hele partnerskabet.",
          "Support needs are shown only to coordinators of the whole partnership."},
    Entry{"coord_col_id", "Id", "Id"},
    Entry{"coord_col_account", "Konto", "Account"},
    Entry{"coord_create_account", "Opret konto", "Create account"},
    Entry{"coord_no_people", "Partnerskabet har ingen personer endnu.",
          "The partnership has no people yet."},
    Entry{"coord_new_person_heading", "Ny person", "New person"},
    Entry{"coord_field_person_name", "Navn", "Name"},
    Entry{"coord_field_joined", "Startdato", "Date joined"},
    Entry{"coord_joined_hint", "Dagen, personen kom med. Kan stå tom.",
          "The day the person joined. May be left empty."},
    Entry{"coord_field_channel", "Kom ind via", "Came in through"},
    Entry{"coord_unknown", "Ved ikke", "Unknown"},
    Entry{"coord_channel_companion", "Følgeperson", "Companion"},
    Entry{"coord_channel_host", "Vært", "Host"},
    Entry{"coord_channel_coordinator", "Koordinator", "Coordinator"},
    Entry{"coord_channel_network", "Netværk", "Network"},
    Entry{"coord_channel_outreach", "Opsøgende arbejde", "Outreach"},
    Entry{"coord_channel_self", "Kom selv", "Came on their own"},
    Entry{"coord_create_person_button", "Opret personen", "Create the person"},
    Entry{"coord_person_created", "Personen er oprettet.", "The person is created."},

    // accounts
    Entry{"coord_accounts_title", "Konti", "Accounts"},
    Entry{"coord_col_email", "E-mail", "Email"},
    Entry{"coord_col_roles", "Roller", "Roles"},
    Entry{"coord_col_person", "Person", "Person"},
    Entry{"coord_no_accounts", "Ingen konti med roller, du koordinerer.",
          "No accounts with roles you coordinate."},
    Entry{"coord_account_active", "Aktiv", "Active"},
    Entry{"coord_account_invited", "Inviteret", "Invited"},
    Entry{"coord_account_disabled", "Spærret", "Disabled"},
    Entry{"coord_everywhere", "Alle steder", "Everywhere"},
    Entry{"coord_whole_partnership", "hele partnerskabet", "the whole partnership"},
    Entry{"coord_account_role_participant", "Deltager", "Participant"},
    Entry{"coord_account_role_host", "Vært", "Host"},
    Entry{"coord_account_role_companion", "Følgeperson", "Companion"},
    Entry{"coord_account_role_coordinator", "Koordinator", "Coordinator"},
    Entry{"coord_account_role_analyst", "Analytiker", "Analyst"},
    Entry{"coord_account_role_administrator", "Administrator", "Administrator"},
    Entry{"coord_new_account_title", "Ny konto", "New account"},
    Entry{"coord_account_intro",
          "Personen får et link, som de bruger til at vælge deres adgangskode. Linket virker i "
          "7 dage.",
          "The person gets a link with which they choose their password. The link works for 7 "
          "days."},
    Entry{"coord_field_email", "E-mail", "Email"},
    Entry{"coord_field_account_name", "Navn", "Name"},
    Entry{"coord_field_scope", "Hvor", "Where"},
    Entry{"coord_field_person", "Person-id", "Person id"},
    Entry{"coord_person_hint",
          "Id'et fra listen over personer, hvis kontoen tilhører en deltager, vært eller "
          "følgeperson. Kan stå tomt.",
          "The id from the list of people, when the account belongs to a participant, host or "
          "companion. May be left empty."},
    Entry{"coord_create_account_button", "Opret konto og invitation",
          "Create account and invitation"},
    Entry{"coord_account_created_title", "Kontoen er oprettet", "The account is created"},
    Entry{"coord_account_created_heading", "Kontoen er oprettet", "The account is created"},
    Entry{"coord_invitation_heading", "Invitationslink", "Invitation link"},
    Entry{"coord_invitation_once", "Giv linket til personen nu. Det vises kun denne ene gang.",
          "Give the link to the person now. It is shown only this once."},
    Entry{"coord_invitation_label", "Link til at vælge adgangskode",
          "Link for choosing a password"},

    // errors
    Entry{"coord_error_too_long", "er for lang", "is too long"},
    Entry{"coord_error_choose", "skal vælges på listen", "must be chosen from the list"},
    Entry{"coord_error_clock", "skal være et klokkeslæt som 17.00",
          "must be a time of day such as 17:00"},
    Entry{"coord_error_date", "skal være en dato som 1.12.2025",
          "must be a date such as 1/12/2025"},
    Entry{"coord_error_until_before_from", "må ikke ligge før første dato",
          "must not be before the first date"},
    Entry{"coord_error_person_elsewhere", "findes ikke i partnerskabet",
          "is not in the partnership"},
};

}  // namespace

std::span<const Entry> coordinator_entries() {
    return ENTRIES;
}

}  // namespace samskab::web::i18n
