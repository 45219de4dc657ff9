#include <array>

#include "web/i18n/catalogue.h"

namespace samskab::web::i18n {

namespace {

// Participant surveys. The participants' texts are in easy language: short sentences, one idea
// each, words that read well aloud. The coordinators' texts say what the survey keeps private.
constexpr std::array ENTRIES = {
    // the participant's pages
    Entry{"survey_title", "Spørgeskema", "Survey"},
    Entry{"survey_list_title", "Spørgeskemaer", "Surveys"},
    Entry{"survey_open_link", "Svar på et spørgeskema", "Answer a survey"},
    Entry{"survey_open_intro", "Vi vil gerne høre, hvordan du har det her.",
          "We would like to hear how you find it here."},
    Entry{"survey_none_open", "Der er ingen spørgeskemaer lige nu.",
          "There are no surveys right now."},
    Entry{"survey_answered_mark", "Du har svaret. Tak!", "You have answered. Thank you!"},
    Entry{"survey_intro", "Der er fem spørgsmål. Vælg det svar, der passer bedst.",
          "There are five questions. Choose the answer that fits best."},
    Entry{"survey_intro_short", "Der er fire spørgsmål. Vælg det svar, der passer bedst.",
          "There are four questions. Choose the answer that fits best."},
    Entry{"survey_skip_hint", "Du må gerne springe et spørgsmål over.", "You may skip a question."},
    Entry{"survey_anonymous_note", "Dine svar er anonyme. Ingen kan se, hvad du har svaret.",
          "Your answers are anonymous. Nobody can see what you answered."},
    Entry{"survey_named_note",
          "Dine svar gemmes med dit navn. Kun du kan se dem. De andre ser kun tal for alle.",
          "Your answers are kept with your name. Only you can see them. Others see only numbers "
          "for everyone."},
    Entry{"survey_question_number", "Spørgsmål", "Question"},
    Entry{"survey_answer_yes", "Ja", "Yes"},
    Entry{"survey_answer_a_little", "Lidt", "A little"},
    Entry{"survey_answer_no", "Nej", "No"},
    Entry{"survey_answer_skip", "Det vil jeg ikke svare på", "I would rather not answer"},
    Entry{"survey_known_legend", "Hvem kender du her?", "Who do you know here?"},
    Entry{"survey_known_hint", "Sæt flueben ved dem, du kender. Du må gerne lade være.",
          "Tick the people you know. You do not have to."},
    Entry{"survey_known_none", "Der er ingen andre at vælge endnu.",
          "There is nobody else to choose yet."},
    Entry{"survey_send", "Send mine svar", "Send my answers"},
    Entry{"survey_thanks_title", "Tak for dine svar", "Thank you for your answers"},
    Entry{"survey_thanks_text", "Dine svar er gemt. De hjælper os med at gøre stedet bedre.",
          "Your answers are saved. They help us make the place better."},
    Entry{"survey_back", "Tilbage til hvad der sker", "Back to what's on"},
    Entry{"survey_already_answered", "Du har allerede svaret på dette spørgeskema. Tak!",
          "You have already answered this survey. Thank you!"},
    Entry{"survey_closed", "Spørgeskemaet er lukket.", "The survey is closed."},
    Entry{"survey_error_answer", "Vælg et af svarene.", "Choose one of the answers."},
    Entry{"survey_error_known", "Vælg kun blandt navnene på listen.",
          "Choose only from the names in the list."},
    // the coordinator's pages
    Entry{"survey_rounds_title", "Spørgeskemaer til deltagerne", "Surveys for the participants"},
    Entry{"survey_rounds_link", "Spørgeskemaer til deltagerne", "Surveys for the participants"},
    Entry{"survey_rounds_intro",
          "Deltagerne svarer på fire faste spørgsmål i let sprog: fleksibilitet, ligeværd, "
          "mangfoldighed og »Jeg kan mere, end jeg troede«. Resultaterne vises kun som tal, og "
          "et spørgsmål med færre end 5 svar vises ikke.",
          "Participants answer four fixed questions in easy language: flexibility, equality, "
          "diversity and \"I can do more than I thought\". Results are shown only as counts, and "
          "a question with fewer than 5 answers is not shown."},
    Entry{"survey_rounds_none", "Der er ingen spørgeskemaer endnu.", "There are no surveys yet."},
    Entry{"survey_col_title", "Titel", "Title"},
    Entry{"survey_col_period", "Åbent", "Open"},
    Entry{"survey_col_kind", "Slags", "Kind"},
    Entry{"survey_col_responses", "Svar", "Responses"},
    Entry{"survey_kind_anonymous", "Anonymt", "Anonymous"},
    Entry{"survey_kind_named", "Med navn", "Named"},
    Entry{"survey_new_title", "Nyt spørgeskema", "New survey"},
    Entry{"survey_field_title", "Titel", "Title"},
    Entry{"survey_field_opens", "Første dag", "First day"},
    Entry{"survey_field_closes", "Sidste dag", "Last day"},
    Entry{"survey_field_place", "Sted", "Place"},
    Entry{"survey_all_places", "Alle steder i partnerskabet", "Every place of the partnership"},
    Entry{"survey_field_anonymous", "Anonymt", "Anonymous"},
    Entry{"survey_anonymous_hint",
          "Anonymt: svarene gemmes uden navn. Spørgsmålet »Hvem kender du her?« stilles ikke, "
          "for en relation viser, hvem der svarede. Med navn: hver deltager kan se sine egne "
          "svar, og dem, de kender, bliver til relationer (selvrapporteret).",
          "Anonymous: the answers are kept without a name. The question \"Who do you know "
          "here?\" is not asked, because a relation shows who answered. Named: each participant "
          "can see their own answers, and the people they know become relations (self-reported)."},
    Entry{"survey_create", "Opret spørgeskema", "Create survey"},
    Entry{"survey_error_place", "er ikke et af partnerskabets steder",
          "is not one of the partnership's places"},
    Entry{"survey_error_date", "skal være en dato som 1.3.2026", "must be a date such as 1/3/2026"},
    Entry{"survey_results_title", "Resultater", "Results"},
    Entry{"survey_results_respondents", "Antal, der har svaret", "Number who answered"},
    Entry{"survey_results_hidden_note",
          "Et spørgsmål, som færre end 5 har svaret på, vises som »<5«, så ingen kan genkendes.",
          "A question answered by fewer than 5 is shown as \"<5\", so that nobody can be "
          "recognised."},
    Entry{"survey_download_csv", "Hent svarene som CSV (Excel)",
          "Download the responses as CSV (Excel)"},
    Entry{"survey_download_xlsx", "Hent svarene som Excel-projektmappe",
          "Download the responses as an Excel workbook"},
    Entry{"survey_download_note",
          "Én række pr. besvarelse uden navn eller id, sorteret efter svarene, så rækkefølgen "
          "ikke viser, hvem der svarede hvornår.",
          "One row per response without name or id, sorted by the answers, so that the order "
          "does not show who answered when."},
    Entry{"survey_download_too_few",
          "Svarene kan først hentes, når mindst 5 har svaret på spørgeskemaet: i en lille gruppe "
          "kan man ellers genkende, hvem der svarede hvad.",
          "The responses can be downloaded once at least 5 have answered the survey: in a small "
          "group one could otherwise recognise who answered what."},
    Entry{"survey_responses_sheet", "Svar", "Responses"},
    Entry{"survey_col_question", "Spørgsmål", "Question"},
    Entry{"survey_col_answered", "Har svaret", "Answered"},
    Entry{"survey_learning_heading", "Deltagernes spørgeskemaer", "The participants' surveys"},
    Entry{"survey_learning_none", "Ingen spørgeskemaer var åbne i halvåret.",
          "No surveys were open in the half-year."},
};

}  // namespace

std::span<const Entry> survey_entries() {
    return ENTRIES;
}

}  // namespace samskab::web::i18n
