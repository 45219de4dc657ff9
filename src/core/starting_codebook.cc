#include "core/starting_codebook.h"

namespace samskab::core {

namespace {

Theme theme(const char* id, ThemeGroup group, const char* name_da, const char* name_en,
            const char* description_da, const char* description_en) {
    return Theme{id, name_da, name_en, group, description_da, description_en, true};
}

std::vector<Theme> build() {
    using G = ThemeGroup;
    return {
        // Tre væsentlige elementer for motivation og udbytte på tværs af partnerskaberne
        theme("fleksibilitet", G::Motivation, "Fleksibilitet", "Flexibility",
              "At man kan være ustabil i sin deltagelse, fordi der er tidspunkter, hvor man kan "
              "deltage, og andre, hvor man ikke kan. Man kan ikke nødvendigvis deltage "
              "kontinuerligt.",
              "Being able to take part unsteadily: there are times when one can take part and "
              "times when one cannot. One cannot necessarily take part continuously."),
        theme("ligevaerdighed", G::Motivation, "Ligeværdighed", "Equality",
              "At man bliver mødt som et menneske, der kan noget og kan bidrage på lige fod med "
              "andre – frem for som en, der er syg eller udsat.",
              "Being met as a person who can do things and contribute on an equal footing with "
              "others – rather than as someone who is ill or vulnerable."),
        theme("mangfoldighed", G::Motivation, "Mangfoldighed", "Diversity",
              "At der er mange forskellige grupper af mennesker blandt deltagerne – og ikke kun "
              "sårbare borgere og professionelle.",
              "Many different groups of people among the participants – not only vulnerable "
              "citizens and professionals."),
        // Tre væsentlige elementer i værtsrollen
        theme("forbindende-vaertsskab", G::HostRole, "Forbindende værtsskab", "Connecting hosting",
              "Værten åbner fællesskabet op, så nye deltagere kan møde andre deltagere, og nye "
              "forbindelser kan opstå.",
              "The host opens the community up, so that new participants can meet other "
              "participants and new connections can arise."),
        theme("inviterende-vaertsskab", G::HostRole, "Inviterende værtsskab", "Inviting hosting",
              "Værten skaber en stemning af åbenhed og velkomst. Værten skaber også tryghed og kan "
              "være den, man går til, hvis man har brug for hjælp.",
              "The host creates an atmosphere of openness and welcome. The host also creates a "
              "sense of safety and can be the one to turn to when one needs help."),
        theme("faciliterende-vaertsskab", G::HostRole, "Faciliterende værtsskab",
              "Facilitating hosting",
              "Værten skaber og synliggør muligheder for at deltage. Nogle steder skaber værten "
              "også aktiviteter; andre steder er værten opmærksom på spirende initiativer og "
              "hjælper dem på vej.",
              "The host creates opportunities to take part and makes them visible. In some places "
              "the host also creates activities; in others the host notices budding initiatives "
              "and helps them along."),
        // Fremmere er
        theme("fremmer-borgernes-egne-oensker", G::Promoter, "Borgernes egne ønsker og behov",
              "Citizens' own wishes and needs",
              "De øvrige aktører tillægger de sårbare borgeres synspunkter, erfaringer og "
              "præferencer mening og værdi. Løsninger og aktiviteter tager udgangspunkt i "
              "borgernes egne ønsker og behov og beror på deres selvbestemmelse.",
              "The other actors give meaning and value to the vulnerable citizens' views, "
              "experiences and preferences. Solutions and activities start from the citizens' "
              "own wishes and needs and rest on their self-determination."),
        theme("fremmer-eget-tempo", G::Promoter,
              "Udvikling i eget tempo og skift mellem positioner",
              "Development at one's own pace, changing positions",
              "Sårbare borgere kan udvikle sig i deres eget tempo igennem forskellige relationer. "
              "De kan skifte mellem positioner og indgår ligeværdigt i relationerne.",
              "Vulnerable citizens can develop at their own pace through different relations. "
              "They can change between positions and take part in the relations as equals."),
        theme(
            "fremmer-fleksibilitet", G::Promoter, "Fleksibilitet: trække sig og komme tilbage",
            "Flexibility: stepping back and returning",
            "Fleksibilitet, så sårbare borgere kan trække sig lidt og komme tilbage igen. Det kan "
            "være uoverskueligt for nogle at binde sig til en kontinuerlig deltagelse.",
            "Flexibility, so that vulnerable citizens can step back a little and come back "
            "again. Committing to continuous participation can be overwhelming for some."),
        theme("fremmer-naert-netvaerk-og-bro", G::Promoter,
              "Nært netværk som udgangspunkt, bro til nye netværk",
              "A close network to start from, bridges to new networks",
              "Man støtter som udgangspunkt det nære og tillidsfulde netværk og bygger derfra bro "
              "til andre og nye netværk, så sårbare borgere kan bevæge sig fra det trygge til det "
              "større netværk og nye relationer og roller.",
              "One starts by supporting the close, trusting network and builds bridges from there "
              "to other and new networks, so that vulnerable citizens can move from the safe to "
              "the wider network and new relations and roles."),
        theme("fremmer-udgangspunkt-i-aktiviteten", G::Promoter,
              "Støtte med udgangspunkt i aktiviteten", "Support that starts from the activity",
              "Den aktive understøttelse af relationer tager udgangspunkt i aktiviteten, "
              "relationerne eller deltagelsen frem for handleplaner, målgruppedefinitioner eller "
              "professionelle ambitioner.",
              "Active support of relations starts from the activity, the relations or the "
              "participation rather than from action plans, target-group definitions or "
              "professional ambitions."),
        theme("fremmer-mindre-og-mere-aktiv", G::Promoter,
              "Plads til at være både mindre aktiv og aktiv", "Room to be less active and active",
              "Det er muligt både at være mindre aktiv og aktivt deltagende. Nogle har brug for at "
              "\"vokse sig stærke\" som mere passive deltagere, inden de bliver aktive.",
              "It is possible to take part both less actively and actively. Some need to \"grow "
              "strong\" as more passive participants before they become active."),
        theme(
            "fremmer-faste-og-nye-aktiviteter", G::Promoter, "Både faste og nye aktiviteter",
            "Both fixed and new activities",
            "Der er både faste aktiviteter, man kan deltage i, og mulighed for at være med til at "
            "skabe nye. De faste kan være overskuelige; selv at skabe aktiviteter kan hjælpe til "
            "at bryde stigmatisering.",
            "There are fixed activities to take part in and a chance to help create new ones. "
            "The fixed ones can be manageable; creating activities oneself can help break "
            "stigma."),
        // Hæmmere er
        theme(
            "haemmer-fast-rollefordeling", G::Inhibitor, "Fast rollefordeling",
            "Fixed role distribution",
            "En fast rollefordeling mellem sårbare borgergrupper, frivillige og ansatte giver de "
            "sårbare ringere muligheder for at indtage nye roller og bryde deres marginalisering.",
            "A fixed distribution of roles between vulnerable groups, volunteers and staff "
            "gives the vulnerable fewer chances to take on new roles and break their "
            "marginalisation."),
        theme("haemmer-stram-maalgruppestyring", G::Inhibitor, "Stram styring efter målgrupper",
              "Tight target-group steering",
              "At styre stramt efter målgrupper kan ekskludere nogle borgergrupper til fordel for "
              "andre og gøre det vanskeligt at bygge bro til andre netværk og nye muligheder.",
              "Steering tightly by target groups can exclude some groups of citizens in favour of "
              "others and make it hard to build bridges to other networks and new "
              "opportunities."),
        theme("haemmer-kontrol-af-deltagelse", G::Inhibitor,
              "Professionelle eller pårørende kontrollerer deltagelsen",
              "Professionals or relatives control participation",
              "Professionelle medarbejdere eller pårørende får mulighed for at kontrollere de "
              "sårbares deltagelse eller opsætte normer for, hvad der er hensigtsmæssige netværk. "
              "Det kan fastholde stigmatisering.",
              "Professional staff or relatives get to control the vulnerable citizens' "
              "participation, or set norms for which networks are appropriate. This can keep "
              "stigma in place."),
        theme("haemmer-kun-naert-eller-kun-bro", G::Inhibitor,
              "Kun nære netværk eller kun brobygning", "Only close networks, or only bridging",
              "Alene at understøtte nære, tillidsfulde netværk eller alene at bygge bro til større "
              "og nye netværk. Det er nødvendigt at arbejde med begge dele.",
              "Supporting only close, trusting networks, or only building bridges to larger and "
              "new networks. Both are needed."),
        theme("haemmer-kaotiske-rum", G::Inhibitor, "Kaotiske rum", "Chaotic spaces",
              "At navigere i meget kaotiske rum med mange forskellige mennesker og mange "
              "forskellige aktiviteter kan være en barriere for nogle sårbare borgergrupper.",
              "Navigating very chaotic spaces with many different people and many different "
              "activities can be a barrier for some vulnerable groups."),
    };
}

}  // namespace

const std::vector<Theme>& starting_codebook() {
    static const std::vector<Theme> THEMES = build();
    return THEMES;
}

std::vector<Theme> starting_themes(ThemeGroup group) {
    std::vector<Theme> out;
    for (const Theme& theme : starting_codebook()) {
        if (theme.group == group) {
            out.push_back(theme);
        }
    }
    return out;
}

}  // namespace samskab::core
