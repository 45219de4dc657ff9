#include <array>

#include "web/i18n/catalogue.h"

namespace samskab::web::i18n {

namespace {

// The dashboards of coordinators and the municipal analyst, and the learning-meeting report.
// The names and sentences of the figures themselves come from the reports' catalogue
// (analytics/phrases.h), so that a figure reads the same on a page and in `samskab report`.
constexpr std::array ENTRIES = {
    Entry{"nav_dashboard", "Tal", "Figures"},
    Entry{"home_dashboard",
          "Se tallene for dine steder over tid, og lav rapporten til "
          "læringsmødet.",
          "See the figures of your places over time, and make the learning-meeting report."},
    Entry{"home_analyst_dashboard", "Se tallene på tværs af partnerskaberne.",
          "See the figures across the partnerships."},

    // the choice of scope and period
    Entry{"dash_title", "Tal for dine steder", "Figures for your places"},
    Entry{"dash_analyst_title", "Tal på tværs af partnerskaberne",
          "Figures across the partnerships"},
    Entry{"dash_choose_heading", "Vælg hvad tallene skal dække", "Choose what the figures cover"},
    Entry{"dash_field_scope", "Partnerskab eller sted", "Partnership or place"},
    Entry{"dash_field_from", "Fra dato", "From date"},
    Entry{"dash_field_to", "Til dato", "To date"},
    Entry{"dash_field_by", "Udvikling pr.", "Trend by"},
    Entry{"dash_field_half", "Halvår", "Half-year"},
    Entry{"dash_date_hint", "For eksempel 1.1.2026", "For example 1/1/2026"},
    Entry{"dash_by_quarter", "kvartal", "quarter"},
    Entry{"dash_by_year", "år", "year"},
    Entry{"dash_show", "Vis tallene", "Show the figures"},
    Entry{"dash_scope_all", "Alle partnerskaber", "All partnerships"},
    Entry{"dash_scope_partnership", "Hele partnerskabet", "The whole partnership"},
    Entry{"dash_error_period", "skal ligge efter fra-datoen og højst spænde over ti år",
          "must be after the from date and at most ten years later"},
    Entry{"dash_error_half", "skal skrives som 2026-H1 eller 2026-H2",
          "must be written as 2026-H1 or 2026-H2"},

    // what the page shows
    Entry{"dash_covers", "Tallene dækker", "The figures cover"},
    Entry{"dash_period", "Periode", "Period"},
    Entry{"dash_suppressed_note",
          "Grupper med færre end 5 personer er skjult, så ingen kan genkendes.",
          "Groups of fewer than 5 people are hidden, so that nobody can be recognised."},
    Entry{"dash_value", "Værdi", "Value"},
    Entry{"dash_meaning", "Hvad det betyder", "What it means"},
    Entry{"dash_figures_heading", "Nøgletal for perioden", "Key figures for the period"},
    Entry{"dash_trends_heading", "Udvikling over tid", "Trends over time"},
    Entry{"dash_no_trend",
          "Perioden rummer kun ét kvartal eller år, så der er ingen udvikling "
          "at vise. Vælg en længere periode.",
          "The period holds only one quarter or year, so there is no trend to show. Choose a "
          "longer period."},
    Entry{"dash_distributions_heading", "Fordelinger", "Distributions"},
    Entry{"dash_daily_heading", "Daglig andel med støttebehov", "Daily share needing support"},
    Entry{"dash_daily_intro",
          "Hver dag med brugere på stedet er et punkt; den stiplede linje er stedets "
          "støttegrænse, og dage over grænsen er markeret med en trekant.",
          "Each day with users at the place is a point; the dashed line is the place's support "
          "threshold, and days over it are marked with a triangle."},
    Entry{"dash_daily_numbers", "Tallene for hver dag", "The numbers of each day"},
    Entry{"dash_warning_heading", "Støttegrænsen er overskredet",
          "The support threshold was exceeded"},
    Entry{"dash_warning_text",
          "Andelen af daglige brugere med støttebehov var over stedets støttegrænse på "
          "disse dage:",
          "The share of daily users who need support was over the place's threshold on these "
          "days:"},
    Entry{"dash_threshold", "støttegrænse", "threshold"},
    Entry{"dash_learning_link", "Rapport til læringsmødet", "Learning-meeting report"},
    Entry{"dash_dashboard_link", "Tal for dine steder", "Figures for your places"},

    // the learning-meeting report
    Entry{"learn_title", "Rapport til læringsmødet", "Learning-meeting report"},
    Entry{"learn_print_hint",
          "Siden er lavet til at blive printet: brug browserens udskriv. Menuer og formularer "
          "kommer ikke med.",
          "The page is made to be printed: use the browser's print. Menus and forms are left "
          "out."},
    Entry{"learn_change_heading", "Ændringen siden forrige halvår",
          "The change since the previous half-year"},
    Entry{"learn_col_figure", "Nøgletal", "Figure"},
    Entry{"learn_col_before", "Forrige halvår", "Previous half-year"},
    Entry{"learn_col_now", "Dette halvår", "This half-year"},
    Entry{"learn_col_change", "Ændring", "Change"},
    Entry{"learn_no_change", "–", "–"},
    Entry{"learn_logbook_heading", "Logbogen i perioden", "The logbook of the period"},
    Entry{"learn_logbook_none", "Ingen noter i logbogen i perioden.",
          "No notes in the logbook in the period."},
    Entry{"learn_col_date", "Dato", "Date"},
    Entry{"learn_col_author", "Skrevet af", "Written by"},
    Entry{"learn_col_note", "Note", "Note"},
};

}  // namespace

std::span<const Entry> dashboard_entries() {
    return ENTRIES;
}

}  // namespace samskab::web::i18n
