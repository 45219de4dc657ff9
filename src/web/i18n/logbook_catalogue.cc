#include <array>

#include "web/i18n/catalogue.h"

namespace samskab::web::i18n {

namespace {

// Logbook templates (the coordinator designs them), entries (hosts fill them in on a phone),
// the entries' table, summary and CSV. Field labels are the partnership's own words; these are
// the words around them.
constexpr std::array ENTRIES = {
    // the coordinator's list and a template
    Entry{"logbook_list_title", "Logbøger", "Logbooks"},
    Entry{"logbook_list_intro",
          "Lav jeres egne logbøger til et sted eller en aktivitet. Værterne udfylder dem på "
          "telefonen, og samskab laver opgørelserne.",
          "Make your own logbooks for a place or an activity. Hosts fill them in on their phone, "
          "and samskab makes the summaries."},
    Entry{"logbook_list_heading", "Jeres logbøger", "Your logbooks"},
    Entry{"logbook_col_name", "Navn", "Name"},
    Entry{"logbook_col_place", "Sted", "Place"},
    Entry{"logbook_col_version", "Version", "Version"},
    Entry{"logbook_col_fields", "Felter", "Fields"},
    Entry{"logbook_none", "Der er ingen logbøger endnu.", "There are no logbooks yet."},
    Entry{"logbook_new_heading", "Ny logbog", "New logbook"},
    Entry{"logbook_field_name", "Navn", "Name"},
    Entry{"logbook_field_target", "Til", "For"},
    Entry{"logbook_target_hint", "Et sted, eller en aktivitet på et sted.",
          "A place, or an activity at a place."},
    Entry{"logbook_create_button", "Opret logbog", "Create logbook"},
    Entry{"logbook_template_title", "Logbog", "Logbook"},
    Entry{"logbook_for_activity", "aktivitet", "activity"},
    Entry{"logbook_current_version", "Nuværende version", "Current version"},
    Entry{"logbook_saved", "Ændringen er gemt.", "The change is saved."},
    Entry{"logbook_entries_link", "Se indtastningerne", "See the entries"},
    Entry{"logbook_summary_link", "Se opgørelsen", "See the summary"},
    Entry{"logbook_csv_link", "Hent som CSV (Excel)", "Download as CSV (Excel)"},
    Entry{"logbook_xlsx_link", "Hent som Excel-regneark (.xlsx)",
          "Download as an Excel workbook (.xlsx)"},
    Entry{"logbook_fields_heading", "Felter", "Fields"},
    Entry{"logbook_fields_intro",
          "Hver ændring gemmes som en ny version. Indtastninger, der er skrevet før, vises, som "
          "de blev skrevet.",
          "Each change is saved as a new version. Entries written before are shown as they were "
          "written."},
    Entry{"logbook_col_label", "Felt", "Field"},
    Entry{"logbook_col_type", "Type", "Type"},
    Entry{"logbook_col_options", "Valgmuligheder", "Options"},
    Entry{"logbook_col_required", "Skal udfyldes", "Required"},
    Entry{"logbook_col_change", "Ændr", "Change"},
    Entry{"logbook_move_up", "Flyt op", "Move up"},
    Entry{"logbook_move_down", "Flyt ned", "Move down"},
    Entry{"logbook_toggle_required", "Skal/kan udfyldes", "Required or not"},
    Entry{"logbook_remove", "Fjern", "Remove"},
    Entry{"logbook_no_fields", "Logbogen har ingen felter endnu. Tilføj det første herunder.",
          "The logbook has no fields yet. Add the first below."},
    Entry{"logbook_add_field_heading", "Tilføj et felt", "Add a field"},
    Entry{"logbook_field_label", "Spørgsmål eller overskrift", "Question or label"},
    Entry{"logbook_field_type", "Type", "Type"},
    Entry{"logbook_field_options", "Valgmuligheder", "Options"},
    Entry{"logbook_options_hint", "Kun ved valg: én valgmulighed pr. linje, mindst to.",
          "For choices only: one option per line, at least two."},
    Entry{"logbook_field_key", "Nøgle (kolonnens navn i CSV)", "Key (the column's name in CSV)"},
    Entry{"logbook_key_hint",
          "Lad den stå tom, så laves den af overskriften. Små bogstaver a-z, tal og _.",
          "Leave it empty to make it from the label. Lower-case letters a-z, digits and _."},
    Entry{"logbook_field_required", "Skal udfyldes", "Required"},
    Entry{"logbook_field_action", "Ændring", "Change"},
    Entry{"logbook_add_field_button", "Tilføj feltet", "Add the field"},
    Entry{"logbook_name_heading", "Logbogens navn", "The logbook's name"},
    Entry{"logbook_rename_button", "Gem navnet", "Save the name"},
    Entry{"logbook_versions_heading", "Versioner", "Versions"},
    Entry{"logbook_versions_intro", "Den nyeste først. En version ændres aldrig.",
          "The newest first. A version is never changed."},
    Entry{"logbook_version", "Version", "Version"},
    Entry{"logbook_no_versions", "Ingen versioner endnu.", "No versions yet."},
    Entry{"logbook_error_no_field", "findes ikke i logbogen", "is not in the logbook"},
    // field types
    Entry{"logbook_type_text", "Tekst", "Text"},
    Entry{"logbook_type_number", "Tal", "Number"},
    Entry{"logbook_type_choice", "Valg (ét svar)", "Choice (one answer)"},
    Entry{"logbook_type_multiple_choice", "Valg (flere svar)", "Multiple choice"},
    Entry{"logbook_type_scale", "Skala 1-5", "Scale 1-5"},
    Entry{"logbook_type_yes_no", "Ja/nej", "Yes/no"},
    Entry{"logbook_type_date", "Dato", "Date"},
    Entry{"logbook_type_people_present", "Hvem var med", "People present"},
    Entry{"logbook_yes", "Ja", "Yes"},
    Entry{"logbook_no", "Nej", "No"},

    // entries and summary
    Entry{"logbook_entries_title", "Indtastninger", "Entries"},
    Entry{"logbook_entries_heading", "Indtastninger, nyeste først", "Entries, newest first"},
    Entry{"logbook_field_from", "Fra", "From"},
    Entry{"logbook_field_to", "Til og med", "To"},
    Entry{"logbook_field_by", "Udvikling pr.", "Trend by"},
    Entry{"logbook_by_month", "måned", "month"},
    Entry{"logbook_by_quarter", "kvartal", "quarter"},
    Entry{"logbook_show_button", "Vis", "Show"},
    Entry{"logbook_error_date", "skal være en dato som 1.3.2017 eller 2017-03-01",
          "must be a date such as 1/3/2017 or 2017-03-01"},
    Entry{"logbook_error_period", "skal ligge efter fra-datoen og højst ti år efter",
          "must be after the first date and at most ten years after it"},
    Entry{"logbook_col_date", "Dato", "Date"},
    Entry{"logbook_col_author", "Skrevet af", "Written by"},
    Entry{"logbook_not_in_version", "feltet fandtes ikke i denne version",
          "the field was not in this version"},
    Entry{"logbook_no_entries", "Ingen indtastninger i perioden.", "No entries in the period."},
    Entry{"logbook_summary_title", "Opgørelse", "Summary"},
    Entry{"logbook_summary_heading", "Opgørelse pr. felt", "Summary per field"},
    Entry{"logbook_summary_entries", "Indtastninger i perioden", "Entries in the period"},
    Entry{"logbook_summary_table", "Svar pr. felt", "Answers per field"},
    Entry{"logbook_col_answered", "Besvaret", "Answered"},
    Entry{"logbook_col_unanswered", "Ikke besvaret", "Not answered"},
    Entry{"logbook_col_mean", "Gennemsnit", "Mean"},
    Entry{"logbook_col_median", "Median", "Median"},
    Entry{"logbook_col_key", "Nøgle", "Key"},
    Entry{"logbook_learning_heading", "Logbøgerne i halvåret", "The logbooks in the half-year"},
    Entry{"logbook_learning_none", "Ingen logbøger.", "No logbooks."},

    // the host
    Entry{"logbook_host_title", "Logbog", "Logbook"},
    Entry{"logbook_host_choose", "Hvilken logbog vil du skrive i?",
          "Which logbook do you want to write in?"},
    Entry{"logbook_host_none", "Stedet har ingen logbøger endnu.",
          "The place has no logbooks yet."},
    Entry{"logbook_host_today", "Skrevet i dag", "Written today"},
    Entry{"logbook_host_nothing_today", "Intet endnu i dag.", "Nothing yet today."},
    Entry{"logbook_host_back_today", "Tilbage til i dag", "Back to today"},
    Entry{"logbook_host_back", "Tilbage til logbøgerne", "Back to the logbooks"},
    Entry{"logbook_written", "Tak! Indtastningen er gemt.", "Thank you! The entry is saved."},
    Entry{"logbook_search_label", "Find en person, der var med", "Find a person who was there"},
    Entry{"logbook_search_hint", "Søg først, og udfyld så resten.",
          "Search first, then fill in the rest."},
    Entry{"logbook_people_hint", "Sæt kryds ved dem, der var med. De tjekkes ind i dag.",
          "Tick those who were there. They are checked in today."},
    Entry{"logbook_people_none", "Ingen er tjekket ind i dag. Søg efter navn ovenfor.",
          "Nobody has checked in today. Search by name above."},
    Entry{"logbook_required_mark", "skal udfyldes", "required"},
    Entry{"logbook_write_button", "Gem i logbogen", "Save in the logbook"},
    Entry{"logbook_nav", "Logbøger", "Logbooks"},
};

}  // namespace

std::span<const Entry> logbook_entries() {
    return ENTRIES;
}

}  // namespace samskab::web::i18n
