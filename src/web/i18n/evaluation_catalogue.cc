#include <array>

#include "web/i18n/catalogue.h"

namespace samskab::web::i18n {

namespace {

// The self-evaluation's qualitative pages: interviews, the codebook, the theme summary and the
// promoters/inhibitors check, and their part of the learning-meeting report. Only the
// partnership's coordinators see these pages.
constexpr std::array ENTRIES = {
    Entry{"eval_title", "Selvevaluering", "Self-evaluation"},
    Entry{"eval_intro",
          "Interview med deltagere og samarbejdspartnere, kodet med temaerne fra jeres kodebog, "
          "og tjeklisten over fremmere og hæmmere to gange om året.",
          "Interviews with participants and partners, coded with the themes of your codebook, "
          "and the check of promoters and inhibitors twice a year."},
    Entry{"eval_link", "Selvevaluering: interview og tjekliste",
          "Self-evaluation: interviews and check"},
    Entry{"eval_codebook_link", "Kodebogen (temaer)", "The codebook (themes)"},
    Entry{"eval_themes_link", "Temaer over tid og citater", "Themes over time and quotes"},
    Entry{"eval_codings_csv_link", "Hent alle kodninger som CSV (Excel)",
          "Download every coding as CSV (Excel)"},
    Entry{"eval_codings_xlsx_link", "Hent alle kodninger som Excel-regneark (.xlsx)",
          "Download every coding as an Excel workbook (.xlsx)"},
    Entry{"eval_codings_period_csv_link", "Hent periodens kodninger som CSV (Excel)",
          "Download the period's codings as CSV (Excel)"},
    Entry{"eval_codings_period_xlsx_link", "Hent periodens kodninger som Excel-regneark (.xlsx)",
          "Download the period's codings as an Excel workbook (.xlsx)"},
    Entry{"eval_codings_sheet", "Kodninger", "Codings"},
    Entry{"eval_check_link", "Fremmere og hæmmere: halvårets tjekliste",
          "Promoters and inhibitors: the half-year's check"},
    Entry{"eval_back", "Tilbage til selvevalueringen", "Back to the self-evaluation"},
    Entry{"eval_saved", "Det er gemt.", "It is saved."},
    Entry{"eval_private_note",
          "Interviewnoter ses kun af partnerskabets koordinatorer. Skriv ikke mere om "
          "helbred, end evalueringen kræver.",
          "Interview notes are seen only by the partnership's coordinators. Write no more about "
          "health than the evaluation needs."},
    Entry{"eval_show", "Vis", "Show"},
    Entry{"eval_retired", "taget ud af brug", "retired"},
    Entry{"eval_error_choice", "skal vælges blandt mulighederne", "must be one of the choices"},
    Entry{"eval_error_date", "skal være en dato som 1.3.2026", "must be a date such as 1/3/2026"},
    Entry{"eval_error_period", "skal være en dato efter fra-datoen og højst ti år senere",
          "must be a date after the from date and at most ten years later"},
    Entry{"eval_error_person", "skal være en person i partnerskabet",
          "must be a person of the partnership"},

    // groups of themes
    Entry{"eval_group_motivation", "Motivation og udbytte", "Motivation and benefit"},
    Entry{"eval_group_host_role", "Værtsrollen", "The host role"},
    Entry{"eval_group_promoter", "Fremmere", "Promoters"},
    Entry{"eval_group_inhibitor", "Hæmmere", "Inhibitors"},
    Entry{"eval_group_other", "Andre temaer", "Other themes"},

    // interviews and guides
    Entry{"eval_interviews_heading", "Interview", "Interviews"},
    Entry{"eval_no_interviews", "Der er ingen interview endnu.", "There are no interviews yet."},
    Entry{"eval_new_interview_heading", "Nyt interview", "New interview"},
    Entry{"eval_need_guide", "Lav først en interviewguide nedenfor.",
          "First make an interview guide below."},
    Entry{"eval_col_date", "Dato", "Date"},
    Entry{"eval_col_interviewee", "Interviewet", "Interviewee"},
    Entry{"eval_col_guide", "Interviewguide", "Interview guide"},
    Entry{"eval_col_interviewer", "Interviewer", "Interviewer"},
    Entry{"eval_field_guide", "Interviewguide", "Interview guide"},
    Entry{"eval_field_date", "Dato", "Date"},
    Entry{"eval_field_interviewee", "Hvem er interviewet", "Who was interviewed"},
    Entry{"eval_interviewee_hint",
          "Beskriv med få ord uden navn, for eksempel \"ung med ungevejleder\" eller "
          "\"frivillig i caféen\".",
          "Describe in a few words without a name, for example \"young person with a youth "
          "guide\" or \"volunteer in the café\"."},
    Entry{"eval_field_person", "Registreret person (valgfrit)", "Registered person (optional)"},
    Entry{"eval_no_person", "Ingen", "None"},
    Entry{"eval_create_interview", "Opret interview", "Create interview"},
    Entry{"eval_guides_heading", "Interviewguides", "Interview guides"},
    Entry{"eval_no_guides", "Der er ingen interviewguides endnu.",
          "There are no interview guides yet."},
    Entry{"eval_questions_count", "spørgsmål", "questions"},
    Entry{"eval_field_guide_title", "Titel", "Title"},
    Entry{"eval_create_guide", "Opret interviewguide", "Create interview guide"},
    Entry{"eval_guide_title", "Interviewguide", "Interview guide"},
    Entry{"eval_questions_heading", "Spørgsmål", "Questions"},
    Entry{"eval_no_questions", "Guiden har ingen spørgsmål endnu.",
          "The guide has no questions yet."},
    Entry{"eval_field_question", "Spørgsmål", "Question"},
    Entry{"eval_save_question", "Gem spørgsmål", "Save question"},
    Entry{"eval_move_up", "Flyt op", "Move up"},
    Entry{"eval_move_down", "Flyt ned", "Move down"},
    Entry{"eval_delete_question", "Slet spørgsmål", "Delete question"},
    Entry{"eval_field_action", "Handling", "Action"},
    Entry{"eval_new_question_heading", "Tilføj et spørgsmål", "Add a question"},
    Entry{"eval_add_question", "Tilføj spørgsmål", "Add question"},
    Entry{"eval_rename_heading", "Omdøb guiden", "Rename the guide"},
    Entry{"eval_rename_guide", "Gem titel", "Save title"},

    // one interview
    Entry{"eval_interview_title", "Interview", "Interview"},
    Entry{"eval_field_note", "Noter til spørgsmålet", "Notes to the question"},
    Entry{"eval_save_note", "Gem noter", "Save notes"},
    Entry{"eval_codings_heading", "Kodede citater", "Coded quotes"},
    Entry{"eval_quote_moved", "(står ikke længere ordret i noten)",
          "(no longer word for word in the note)"},
    Entry{"eval_remove_coding", "Fjern kodning", "Remove coding"},
    Entry{"eval_field_quote", "Citat fra noten", "Quote from the note"},
    Entry{"eval_quote_hint", "Kopiér de ord fra noten, du vil kode.",
          "Copy the words from the note that you want to code."},
    Entry{"eval_field_theme", "Tema", "Theme"},
    Entry{"eval_code_passage", "Kod citatet", "Code the quote"},

    // the codebook
    Entry{"eval_codebook_title", "Kodebog", "Codebook"},
    Entry{"eval_codebook_intro",
          "Temaerne, som I koder interviewene med. I kan tilføje, omdøbe og tage temaer ud af "
          "brug; temaer ude af brug bliver på de citater, der allerede er kodet med dem.",
          "The themes you code the interviews with. You can add, rename and retire themes; "
          "retired themes stay on the quotes already coded with them."},
    Entry{"eval_codebook_starting",
          "Kodebogen er endnu den fælles startkodebog fra evalueringshæftet. Den bliver jeres "
          "egen kopi, første gang I ændrer den eller koder et citat.",
          "The codebook is still the common starting codebook from the evaluation booklet. It "
          "becomes your own copy the first time you change it or code a quote."},
    Entry{"eval_field_name_da", "Navn på dansk", "Name in Danish"},
    Entry{"eval_field_name_en", "Navn på engelsk", "Name in English"},
    Entry{"eval_field_group", "Gruppe", "Group"},
    Entry{"eval_field_description_da", "Beskrivelse på dansk", "Description in Danish"},
    Entry{"eval_field_description_en", "Beskrivelse på engelsk", "Description in English"},
    Entry{"eval_field_active", "I brug", "In use"},
    Entry{"eval_save_theme", "Gem tema", "Save theme"},
    Entry{"eval_new_theme_heading", "Nyt tema", "New theme"},
    Entry{"eval_add_theme", "Tilføj tema", "Add theme"},

    // the theme summary
    Entry{"eval_themes_title", "Temaer over tid", "Themes over time"},
    Entry{"eval_themes_choose", "Vælg periode", "Choose the period"},
    Entry{"eval_field_from", "Fra dato", "From date"},
    Entry{"eval_field_to", "Til dato", "To date"},
    Entry{"eval_field_by", "Optælling pr.", "Counted by"},
    Entry{"eval_by_half", "halvår", "half-year"},
    Entry{"eval_by_quarter", "kvartal", "quarter"},
    Entry{"eval_passages_count", "Kodede citater i alt", "Coded quotes in all"},
    Entry{"eval_counts_heading", "Kodede citater pr. tema", "Coded quotes per theme"},
    Entry{"eval_col_theme", "Tema", "Theme"},
    Entry{"eval_col_group", "Gruppe", "Group"},
    Entry{"eval_col_total", "I alt", "Total"},
    Entry{"eval_quotes_heading", "Citater pr. tema", "Quotes per theme"},

    // the promoters/inhibitors check
    Entry{"eval_check_title", "Fremmere og hæmmere", "Promoters and inhibitors"},
    Entry{"eval_check_intro",
          "Gå evalueringshæftets lister igennem sammen, og sig for hvert punkt, om det fremmer "
          "eller hæmmer jeres arbejde. Ved siden af hvert punkt står, hvad jeres egne data "
          "siger om det.",
          "Go through the evaluation booklet's lists together and say for each item whether it "
          "promotes or hinders your work. Beside each item is what your own data say about it."},
    Entry{"eval_field_half", "Halvår", "Half-year"},
    Entry{"eval_check_saved_at", "Sidst gemt", "Last saved"},
    Entry{"eval_hint_label", "Jeres data", "Your data"},
    Entry{"eval_hint_attention", "værd at se på", "worth a look"},
    Entry{"eval_hint_none", "Tallene kunne ikke beregnes.", "The figures could not be computed."},
    Entry{"eval_rating_promotes", "Fremmer os", "Promotes us"},
    Entry{"eval_rating_hinders", "Hæmmer os", "Hinders us"},
    Entry{"eval_rating_not_relevant", "Ikke relevant", "Not relevant"},
    Entry{"eval_rating_none", "Ikke vurderet", "Not rated"},
    Entry{"eval_field_comment", "Kommentar", "Comment"},
    Entry{"eval_save_check", "Gem tjeklisten", "Save the check"},

    // the learning-meeting report
    Entry{"eval_learning_themes_heading", "Interview: temaer og citater",
          "Interviews: themes and quotes"},
    Entry{"eval_learning_no_passages", "Ingen citater er kodet i halvåret.",
          "No quotes were coded in the half-year."},
    Entry{"eval_learning_check_heading", "Fremmere og hæmmere: jeres vurdering",
          "Promoters and inhibitors: your assessment"},
    Entry{"eval_learning_no_check", "Tjeklisten er ikke udfyldt for halvåret.",
          "The check has not been filled in for the half-year."},
    Entry{"eval_col_item", "Punkt", "Item"},
    Entry{"eval_col_rating", "Vurdering", "Rating"},
};

}  // namespace

std::span<const Entry> evaluation_entries() {
    return ENTRIES;
}

}  // namespace samskab::web::i18n
