#include "demo/demo_logbooks.h"

#include <map>

#include "demo/demo_builder.h"

namespace samskab::demo {

namespace {

using core::FieldType;

core::TemplateField field(std::string key, std::string label, FieldType type,
                          std::vector<std::string> options = {}, bool required = false) {
    return core::TemplateField{std::move(key), std::move(label), type, std::move(options),
                               required};
}

core::EntryValue number(std::string key, double value) {
    core::EntryValue v;
    v.key = std::move(key);
    v.number = value;
    return v;
}

core::EntryValue choice(std::string key, std::vector<std::string> chosen) {
    core::EntryValue v;
    v.key = std::move(key);
    v.choices = std::move(chosen);
    return v;
}

core::EntryValue yes_no(std::string key, bool yes) {
    core::EntryValue v;
    v.key = std::move(key);
    v.yes = yes;
    return v;
}

core::EntryValue text(std::string key, std::string value) {
    core::EntryValue v;
    v.key = std::move(key);
    v.text = std::move(value);
    return v;
}

struct Sample {
    std::string id;
    std::string place;
    std::string name;
    std::vector<core::TemplateField> fields;
    // The values of the i-th entry (besides the people present), from a deterministic draw.
    std::vector<core::EntryValue> (*values)(int i, detail::Rng& random);
};

std::vector<core::EntryValue> insp_values(int i, detail::Rng& random) {
    // The introductions improve over the project: the mood climbs from 3 towards 5.
    const int mood = std::min(5, 2 + i / 25 + static_cast<int>(random.below(2)));
    std::vector<core::EntryValue> out = {
        number("stemning", mood),
        choice("introduktion", {random.below(3) == 0 ? "Rundvisning" : "Introrunde"}),
        yes_no("ungevejleder_med", random.below(4) != 0)};
    if (i % 5 == 0) {
        out.push_back(text("noter", i < 30 ? "Stille start; de unge blev ved ungevejlederen."
                                           : "To af de unge gik selv med i musikværkstedet."));
    }
    return out;
}

std::vector<core::EntryValue> sager_values(int i, detail::Rng& random) {
    std::vector<std::string> roles = {"Værter"};
    if (random.below(2) == 0) {
        roles.push_back("Workshopledere");
    }
    if (i > 20 && random.below(3) != 0) {
        roles.push_back("Nye hverdagsaktivister");
    }
    return {number("deltagere", 2 + static_cast<double>(random.below(29))),
            choice("kom_via", {random.below(4) == 0 ? "Opsøgende arbejde" : "Netværk"}),
            choice("roller", roles), number("stemning", 3 + static_cast<double>(random.below(3)))};
}

std::vector<core::EntryValue> vimby_values(int i, detail::Rng& random) {
    return {choice("vagt", {random.below(2) == 0 ? "Bageriet" : "Caféen"}),
            number("frivillige", 2 + static_cast<double>(i / 20 + random.below(3))),
            yes_no("alle_fik_opgave", random.below(6) != 0),
            number("stemning", 3 + static_cast<double>(random.below(3)))};
}

std::vector<Sample> samples() {
    return {
        {"lt-insp-intro",
         "insp-huset",
         "Introduktion af nye unge",
         {field("stemning", "Hvordan gik introduktionen?", FieldType::Scale, {}, true),
          field("introduktion", "Slags introduktion", FieldType::Choice,
                {"Introrunde", "Rundvisning", "Aktivitet sammen"}),
          field("ungevejleder_med", "Var ungevejlederen med?", FieldType::YesNo),
          field("til_stede", "Hvem var med", FieldType::PeoplePresent),
          field("noter", "Hvad lagde du mærke til?", FieldType::Text)},
         insp_values},
        {"lt-sager-moede",
         "sager-borgerhuset",
         "Sagsmøde",
         {field("deltagere", "Antal deltagere", FieldType::Number, {}, true),
          field("kom_via", "Hvordan kom de nye?", FieldType::Choice,
                {"Netværk", "Opsøgende arbejde", "Af sig selv"}),
          field("roller", "Hvem tog en rolle?", FieldType::MultipleChoice,
                {"Værter", "Workshopledere", "Nye hverdagsaktivister"}),
          field("stemning", "Stemningen på mødet", FieldType::Scale),
          field("til_stede", "Hvem var med", FieldType::PeoplePresent)},
         sager_values},
        {"lt-vimby-vagt",
         "vimby-cafeen",
         "Frivilligvagt",
         {field("vagt", "Vagt", FieldType::Choice, {"Bageriet", "Caféen", "Genbrugsbutikken"},
                true),
          field("frivillige", "Antal frivillige", FieldType::Number),
          field("alle_fik_opgave", "Fik alle en opgave?", FieldType::YesNo),
          field("stemning", "Stemningen", FieldType::Scale),
          field("til_stede", "Hvem var med", FieldType::PeoplePresent)},
         vimby_values},
    };
}

}  // namespace

std::vector<DemoLogbook> demo_logbooks(const core::Bundle& bundle) {
    // Who visited each place on each day, in bundle order.
    std::map<std::pair<std::string, core::Day>, std::vector<std::string>> visitors;
    for (const core::Visit& visit : bundle.visits) {
        visitors[{visit.place, visit.date}].push_back(visit.person);
    }
    std::vector<DemoLogbook> out;
    for (const Sample& sample : samples()) {
        detail::Rng random(sample.id.size() * 7919 + sample.fields.size());
        DemoLogbook demo;
        demo.logbook.id = sample.id;
        demo.logbook.place = sample.place;
        demo.logbook.name = sample.name;
        demo.logbook.fields = sample.fields;
        demo.logbook.created = core::LocalTime{detail::first_day()} * 86400 + 9 * 3600;
        int i = 0;
        for (core::Day day = detail::first_day() + 3; day <= detail::last_day(); day += 14, ++i) {
            core::LogbookEntry entry;
            entry.template_id = sample.id;
            entry.version = 1;
            entry.day = day;
            entry.written_at = core::LocalTime{day} * 86400 + 20 * 3600;
            entry.values = sample.values(i, random);
            auto here = visitors.find({sample.place, day});
            if (here != visitors.end()) {
                core::EntryValue present;
                present.key = "til_stede";
                for (std::size_t p = 0; p < here->second.size() && p < 8; ++p) {
                    present.people.push_back({here->second[p], "", {}});
                }
                entry.values.push_back(std::move(present));
            }
            demo.entries.push_back(std::move(entry));
        }
        out.push_back(std::move(demo));
    }
    return out;
}

}  // namespace samskab::demo
