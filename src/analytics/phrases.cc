#include "analytics/phrases.h"

#include <array>
#include <cstdlib>

namespace samskab::analytics {

namespace {

using S = Section;

// One entry per FIGURE_KEYS key, in the same order.
constexpr std::array<FigureText, 36> FIGURES = {{
    {"participants", S::Participation, "Deltagere",
     "{} personer deltog i mindst én aktivitet eller kom i huset",
     "{} person deltog i mindst én aktivitet eller kom i huset", "Participants",
     "{} people took part in at least one activity or came to the house",
     "{} person took part in at least one activity or came to the house"},
    {"support_share", S::Participation, "Andel med støttebehov",
     "{} af deltagerne har brug for særlig støtte", "", "Share needing support",
     "{} of the participants need special support", ""},
    {"participations", S::Participation, "Deltagelser",
     "der blev registreret {} deltagelser i aktiviteter",
     "der blev registreret {} deltagelse i aktiviteter", "Participations",
     "{} participations in activities were recorded",
     "{} participation in an activity was recorded"},
    {"support_participations", S::Participation, "Deltagelser ved personer med støttebehov",
     "{} af deltagelserne var ved personer med brug for særlig støtte",
     "{} af deltagelserne var ved en person med brug for særlig støtte",
     "Participations by people needing support",
     "{} of the participations were by people who need special support",
     "{} of the participations was by a person who needs special support"},
    {"support_participation_share", S::Participation,
     "Andel af deltagelser ved personer med støttebehov",
     "{} af alle deltagelser var ved personer med brug for særlig støtte", "",
     "Share of participations by people needing support",
     "{} of all participations were by people who need special support", ""},
    {"daily.days", S::Daily, "Stedsdage",
     "der var {} stedsdage, hvor mindst én person kom på et sted; hvert sted tæller for sig "
     "hver dag",
     "der var {} stedsdag, hvor mindst én person kom på et sted; hvert sted tæller for sig "
     "hver dag",
     "Place-days",
     "there were {} place-days on which at least one person came to a place; each place counts "
     "separately each day",
     "there was {} place-day on which at least one person came to a place; each place counts "
     "separately each day"},
    {"daily.mean_support_share", S::Daily, "Daglig andel med støttebehov (gennemsnit)",
     "på en gennemsnitlig dag havde {} af brugerne brug for særlig støtte", "",
     "Daily share needing support (mean)",
     "on an average day {} of the users needed special support", ""},
    {"daily.max_support_share", S::Daily, "Daglig andel med støttebehov (højeste)",
     "på dagen med flest havde {} af brugerne brug for særlig støtte", "",
     "Daily share needing support (highest)",
     "on the day with the most, {} of the users needed special support", ""},
    {"daily.days_over_threshold", S::Daily, "Dage over grænsen",
     "på {} stedsdage havde en større andel end stedets grænse, normalt 20 %, brug for særlig "
     "støtte",
     "på {} stedsdag havde en større andel end stedets grænse, normalt 20 %, brug for særlig "
     "støtte",
     "Days over the threshold",
     "on {} place-days a larger share than the place's threshold, usually 20%, needed special "
     "support",
     "on {} place-day a larger share than the place's threshold, usually 20%, needed special "
     "support"},
    {"reach.cohort", S::Reach, "Personer med følgeperson",
     "{} personer havde en følgeperson fra partnerskabet i perioden",
     "{} person havde en følgeperson fra partnerskabet i perioden", "People with a companion",
     "{} people had a companion from the partnership during the period",
     "{} person had a companion from the partnership during the period"},
    {"reach.reached", S::Reach, "Heraf nået",
     "{} af dem deltog eller kom i huset, mens de havde følgeperson", "", "Of them reached",
     "{} of them took part or came to the house while they had a companion", ""},
    {"reach.share", S::Reach, "Andel nået",
     "{} af personerne med følgeperson brugte huset, mens de havde følgeperson", "",
     "Share reached", "{} of the people with a companion used the house while they had one", ""},
    {"occurrences", S::Activities, "Aktivitetsgange", "aktiviteterne blev holdt {} gange",
     "aktiviteterne blev holdt {} gang", "Occurrences", "activities took place {} times",
     "activities took place {} time"},
    {"occurrences_with_support_share", S::Activities, "Aktivitetsgange med støttebehov",
     "ved {} af aktivitetsgangene deltog mindst én person med brug for særlig støtte", "",
     "Occurrences with support needs",
     "at {} of the occurrences at least one person who needs special support took part", ""},
    {"initiatives_by_support", S::Activities, "Initiativer fra personer med støttebehov",
     "{} nye initiativer eller sager blev startet af en person med brug for særlig støtte",
     "{} nyt initiativ eller ny sag blev startet af en person med brug for særlig støtte",
     "Initiatives by people needing support",
     "{} new initiatives or causes were started by a person who needs special support",
     "{} new initiative or cause was started by a person who needs special support"},
    {"volunteers", S::Activities, "Frivillige",
     "{} personer tog en aktiv rolle som igangsætter, vært eller aktiv",
     "{} person tog en aktiv rolle som igangsætter, vært eller aktiv", "Volunteers",
     "{} people took an active role as initiator, host or active participant",
     "{} person took an active role as initiator, host or active participant"},
    {"activities_active", S::Activities, "Aktive aktiviteter",
     "{} forskellige aktiviteter blev holdt mindst én gang",
     "{} aktivitet blev holdt mindst én gang", "Active activities",
     "{} different activities took place at least once", "{} activity took place at least once"},
    {"entry_channels.companion", S::EntryChannels, "Via følgeperson",
     "{} nye deltagere kom ind sammen med en følgeperson",
     "{} ny deltager kom ind sammen med en følgeperson", "Via a companion",
     "{} new participants came in with a companion", "{} new participant came in with a companion"},
    {"entry_channels.host", S::EntryChannels, "Via en vært",
     "{} nye deltagere blev budt indenfor af en vært",
     "{} ny deltager blev budt indenfor af en vært", "Via a host",
     "{} new participants were welcomed in by a host",
     "{} new participant was welcomed in by a host"},
    {"entry_channels.coordinator", S::EntryChannels, "Via koordinatoren",
     "{} nye deltagere kom ind via koordinatoren", "{} ny deltager kom ind via koordinatoren",
     "Via the coordinator", "{} new participants came in through the coordinator",
     "{} new participant came in through the coordinator"},
    {"entry_channels.network", S::EntryChannels, "Via netværk",
     "{} nye deltagere blev inviteret gennem deres netværk",
     "{} ny deltager blev inviteret gennem sit netværk", "Via a network",
     "{} new participants were invited through their network",
     "{} new participant was invited through their network"},
    {"entry_channels.outreach", S::EntryChannels, "Via opsøgende arbejde",
     "{} nye deltagere kom ind gennem opsøgende arbejde",
     "{} ny deltager kom ind gennem opsøgende arbejde", "Via outreach",
     "{} new participants came in through outreach work",
     "{} new participant came in through outreach work"},
    {"entry_channels.self", S::EntryChannels, "På egen hånd", "{} nye deltagere kom af sig selv",
     "{} ny deltager kom af sig selv", "On their own", "{} new participants came on their own",
     "{} new participant came on their own"},
    {"roles.flexible_share", S::Roles, "Skiftende roller",
     "{} af deltagerne med støttebehov og mindst to deltagelser havde mindst to forskellige "
     "roller",
     "", "Changing roles",
     "{} of the participants needing support with at least two participations held at least "
     "two different roles",
     ""},
    {"roles.initiator_share", S::Roles, "Igangsættere",
     "{} af deltagerne med støttebehov satte selv noget i gang mindst én gang", "", "Initiators",
     "{} of the participants needing support started something themselves at least once", ""},
    {"bridging.focus", S::Bridging, "Personer i fokus",
     "{} deltagere med støttebehov kendte mindst én anden deltager",
     "{} deltager med støttebehov kendte mindst én anden deltager", "People in focus",
     "{} participants needing support knew at least one other participant",
     "{} participant needing support knew at least one other participant"},
    {"bridging.mostly_bridging_share", S::Bridging, "Brobyggende netværk",
     "{} af dem kendte mest folk uden følgeperson: højst halvdelen af deres kontakter havde en", "",
     "Bridging networks",
     "{} of them mostly knew people without a companion: at most half of their contacts had one",
     ""},
    {"bridging.mean_ei", S::Bridging, "E-I-indeks (gennemsnit)",
     "{} på en skala fra -1, hvor alle kontakter har brug for støtte, til +1, hvor ingen har", "",
     "E-I index (mean)",
     "{} on a scale from -1, where every contact needs support, to +1, where none does", ""},
    {"meetings.size_min", S::Meetings, "Mindste sagsmøde",
     "det mindste møde i en sag havde {} deltagere", "det mindste møde i en sag havde {} deltager",
     "Smallest cause meeting", "the smallest cause meeting had {} participants",
     "the smallest cause meeting had {} participant"},
    {"meetings.size_median", S::Meetings, "Typisk sagsmøde (median)",
     "et typisk møde i en sag havde {} deltagere", "et typisk møde i en sag havde {} deltager",
     "Typical cause meeting (median)", "a typical cause meeting had {} participants",
     "a typical cause meeting had {} participant"},
    {"meetings.size_max", S::Meetings, "Største sagsmøde",
     "det største møde i en sag havde {} deltagere", "det største møde i en sag havde {} deltager",
     "Largest cause meeting", "the largest cause meeting had {} participants",
     "the largest cause meeting had {} participant"},
    {"pathways.job", S::Pathways, "Videre til job", "{} gange gik en deltager videre til job",
     "{} gang gik en deltager videre til job", "On to a job",
     "{} times a participant moved on to a job", "{} time a participant moved on to a job"},
    {"pathways.education", S::Pathways, "Videre til uddannelse",
     "{} gange gik en deltager videre til uddannelse",
     "{} gang gik en deltager videre til uddannelse", "On to education",
     "{} times a participant moved on to education", "{} time a participant moved on to education"},
    {"pathways.association", S::Pathways, "Videre til en anden forening",
     "{} gange gik en deltager videre til en anden forening",
     "{} gang gik en deltager videre til en anden forening", "On to another association",
     "{} times a participant moved on to another association",
     "{} time a participant moved on to another association"},
    {"pathways.internship", S::Pathways, "Videre til praktik",
     "{} gange gik en deltager videre til praktik", "{} gang gik en deltager videre til praktik",
     "On to an internship", "{} times a participant moved on to an internship",
     "{} time a participant moved on to an internship"},
    {"pathways.volunteering", S::Pathways, "Videre til frivilligt arbejde",
     "{} gange gik en deltager videre til frivilligt arbejde andre steder",
     "{} gang gik en deltager videre til frivilligt arbejde andre steder", "On to volunteering",
     "{} times a participant moved on to volunteering elsewhere",
     "{} time a participant moved on to volunteering elsewhere"},
}};

struct Pair {
    std::string_view da;
    std::string_view en;
};

constexpr std::array<Pair, 9> SECTIONS = {{
    {"Deltagelse", "Participation"},
    {"Daglig brug og balance", "Daily use and balance"},
    {"Følgeskab og rækkevidde", "Companionship and reach"},
    {"Aktiviteter og frivillige", "Activities and volunteers"},
    {"Hvordan nye deltagere kom ind", "How new participants came in"},
    {"Roller", "Roles"},
    {"Netværk og brobygning", "Networks and bridging"},
    {"Møder i sager", "Cause meetings"},
    {"Veje videre", "Pathways onward"},
}};

// Indexed by Ui.
constexpr std::array<Pair, 24> UI = {{
    {"samskab-rapport for {}", "samskab report for {}"},
    {"alle steder", "all places"},
    {"stedet \"{}\"", "the place \"{}\""},
    {"partnerskabet \"{}\"", "the partnership \"{}\""},
    {"Periode: {}", "Period: {}"},
    {"Opdelt pr. år ({} perioder).", "By year ({} periods)."},
    {"Opdelt pr. kvartal ({} perioder).", "By quarter ({} periods)."},
    {"Opdelt pr. måned ({} perioder).", "By month ({} periods)."},
    {"Tal under {} er skjult for at beskytte små grupper, og enkelte andre tal er skjult, så de "
     "skjulte tal ikke kan regnes ud.",
     "Figures below {} are hidden to protect small groups, and a few others are hidden so that "
     "the hidden figures cannot be worked out."},
    {"færre end {}", "fewer than {}"},
    {"skjult for at beskytte små grupper", "hidden to protect small groups"},
    {"skjult", "hidden"},
    {"kan ikke beregnes — ingen i nævneren", "cannot be calculated — no one in the denominator"},
    {"kan ikke beregnes — ingen sagsmøder i perioden",
     "cannot be calculated — no cause meetings in the period"},
    {"kan ikke beregnes", "cannot be calculated"},
    {"{} siden forrige periode", "{} since the previous period"},
    {"uændret siden forrige periode", "unchanged since the previous period"},
    {"op fra {} til {}", "up from {} to {}"},
    {"ned fra {} til {}", "down from {} to {}"},
    {"Nøgletal", "Figure"},
    {"Værdi", "Value"},
    {"Hvad det betyder", "What it means"},
    {"--from: startdatoen {} ligger efter slutdatoen {}",
     "--from: the start date {} is after the end date {}"},
    {"--suppress: k skal være mindst 1, ikke {}", "--suppress: k must be at least 1, not {}"},
}};

static_assert(UI.size() == static_cast<size_t>(Ui::KTooSmall) + 1, "one text per Ui value");
static_assert(SECTIONS.size() == static_cast<size_t>(Section::Pathways) + 1,
              "one title per Section");

}  // namespace

std::string_view pick(core::Lang lang, std::string_view da, std::string_view en) {
    return lang == core::Lang::Da ? da : en;
}

const FigureText& figure_text(std::string_view key) {
    for (const FigureText& text : FIGURES) {
        if (text.key == key) {
            return text;
        }
    }
    // Every key comes from FIGURE_KEYS, which a test holds equal to FIGURES.
    std::abort();
}

std::string_view figure_label(core::Lang lang, std::string_view key) {
    const FigureText& text = figure_text(key);
    return pick(lang, text.label_da, text.label_en);
}

std::string figure_sentence(core::Lang lang, std::string_view key, std::string_view value,
                            bool singular) {
    const FigureText& text = figure_text(key);
    std::string_view pattern = pick(lang, text.sentence_da, text.sentence_en);
    const std::string_view one = pick(lang, text.one_da, text.one_en);
    if (singular && !one.empty()) {
        pattern = one;
    }
    return fmt::format(fmt::runtime(pattern), value);
}

std::string_view section_title(core::Lang lang, Section section) {
    const Pair& pair = SECTIONS[static_cast<size_t>(section)];
    return pick(lang, pair.da, pair.en);
}

std::string_view ui_text(core::Lang lang, Ui id) {
    const Pair& pair = UI[static_cast<size_t>(id)];
    return pick(lang, pair.da, pair.en);
}

}  // namespace samskab::analytics
