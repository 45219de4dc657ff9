#include "core/messages.h"

#include <array>
#include <utility>

namespace samskab::core {

namespace {

struct Text {
    Msg id;
    std::string_view da;
    std::string_view en;
};

// Easy words: coordinators read these when a file they made is refused.
constexpr std::array TEXTS = {
    Text{Msg::InvalidJson, "filen er ikke gyldig JSON (ved byte {}): {}",
         "the file is not valid JSON (at byte {}): {}"},
    Text{Msg::InvalidJsonValue, "filen har en værdi, der ikke kan læses: {}",
         "the file has a value that cannot be read: {}"},
    Text{Msg::MustBeObject, "skal være et objekt {…}", "must be an object {…}"},
    Text{Msg::MustBeArray, "skal være en liste […]", "must be a list […]"},
    Text{Msg::MustBeString, "skal være en tekst", "must be a string"},
    Text{Msg::MustBeNonEmptyString, "skal være en tekst, der ikke er tom",
         "must be a non-empty string"},
    Text{Msg::MustBeBoolean, "skal være true eller false", "must be true or false"},
    Text{Msg::MustBeNumber, "skal være et tal", "must be a number"},
    Text{Msg::MustBeDate, "skal være en dato som ÅÅÅÅ-MM-DD, ikke {}",
         "must be a date as YYYY-MM-DD, not {}"},
    Text{Msg::MustBeTime, "skal være et tidspunkt som ÅÅÅÅ-MM-DDTTT:MM:SS, ikke {}",
         "must be a time as YYYY-MM-DDTHH:MM:SS, not {}"},
    Text{Msg::Required, "mangler (skal udfyldes)", "is missing (required)"},
    Text{Msg::UnknownField, "ukendt felt (stavefejl?)", "unknown field (a typo?)"},
    Text{Msg::UnknownValue, "ukendt værdi \"{}\"; tilladt er: {}",
         "unknown value \"{}\"; allowed: {}"},
    Text{Msg::WrongFormat, "skal være \"{}\", ikke {}", "must be \"{}\", not {}"},
    Text{Msg::DuplicateId, "id \"{}\" er brugt før (i {})", "id \"{}\" is used before (at {})"},
    Text{Msg::DuplicateRecord, "står der allerede (i {})", "is already there (at {})"},
    Text{Msg::UnknownReference, "ukendt {} \"{}\"", "unknown {} \"{}\""},
    Text{Msg::SupportNeedWithoutConsent,
         "støttebehov må kun registreres med samtykke (consent.support_need: true)",
         "a support need may only be recorded with consent (consent.support_need: true)"},
    Text{Msg::EndsBeforeStart, "må ikke ligge før {} ({})", "must not be before {} ({})"},
    Text{Msg::SelfRelation, "en relation skal være mellem to forskellige personer",
         "a relation must be between two different people"},
    Text{Msg::SelfCompanion, "en person kan ikke være sin egen følgeperson",
         "a person cannot be their own companion"},
    Text{Msg::OverlappingRelation,
         "relationen mellem \"{}\" og \"{}\" overlapper en anden periode af samme par (i {})",
         "the relation between \"{}\" and \"{}\" overlaps another period of the same pair (at {})"},
    Text{Msg::ThresholdOutOfRange, "skal være et tal mellem 0 og 1",
         "must be a number from 0 to 1"},
    Text{Msg::NounPartnership, "partnerskab", "partnership"},
    Text{Msg::NounOrganisation, "organisation", "organisation"},
    Text{Msg::NounPlace, "sted", "place"},
    Text{Msg::NounPerson, "person", "person"},
    Text{Msg::NounActivity, "aktivitet", "activity"},
    Text{Msg::NounOccurrence, "aktivitetsgang", "occurrence"},
};

std::string_view lookup(Lang lang, Msg id) {
    for (const Text& text : TEXTS) {
        if (text.id == id) {
            return lang == Lang::Da ? text.da : text.en;
        }
    }
    return "?";
}

}  // namespace

bool parse_lang(std::string_view text, Lang& out) {
    if (text == "da") {
        out = Lang::Da;
        return true;
    }
    if (text == "en") {
        out = Lang::En;
        return true;
    }
    return false;
}

std::string message(Lang lang, Msg id, std::initializer_list<std::string_view> args) {
    const std::string_view pattern = lookup(lang, id);
    std::string out;
    out.reserve(pattern.size() + 32);
    auto arg = args.begin();
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] == '}' &&
            arg != args.end()) {
            out.append(*arg++);
            ++i;
        } else {
            out.push_back(pattern[i]);
        }
    }
    return out;
}

}  // namespace samskab::core
