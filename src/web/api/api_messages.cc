#include "web/api/api_messages.h"

#include <array>

namespace samskab::web::api {

namespace {

struct Text {
    ApiMsg id;
    std::string_view da;
    std::string_view en;
};

// Plain words: participants and hosts read these too, through whatever app uses the API.
constexpr std::array TEXTS = {
    Text{ApiMsg::ContentTypeJson, "indholdet skal sendes som JSON (Content-Type: application/json)",
         "the body must be sent as JSON (Content-Type: application/json)"},
    Text{ApiMsg::BodyNotJson, "indholdet er ikke gyldig JSON", "the body is not valid JSON"},
    Text{ApiMsg::BodyNotObject, "indholdet skal være et JSON-objekt {…}",
         "the body must be a JSON object {…}"},
    Text{ApiMsg::NoPerson, "din konto er ikke knyttet til en person",
         "your account is not linked to a person"},
    Text{ApiMsg::NoAccess, "det har du ikke adgang til", "you do not have access to this"},
    Text{ApiMsg::Unauthenticated, "log ind først", "sign in first"},
    Text{ApiMsg::RangeTooLong, "perioden må højst være {} dage",
         "the period may be at most {} days"},
    Text{ApiMsg::TooLong, "må højst være {} tegn", "may be at most {} characters"},
    Text{ApiMsg::OccurrenceEnded, "aktivitetsgangen er allerede slut",
         "the occurrence has already ended"},
    Text{ApiMsg::AlreadyOnBreak, "du holder allerede pause", "you are already on a break"},
    Text{ApiMsg::NotOnBreak, "du holder ikke pause", "you are not on a break"},
    Text{ApiMsg::AlreadyIntroduced, "de to kender allerede hinanden",
         "the two already know each other"},
    Text{ApiMsg::SelfIntroduction, "en person kan ikke præsenteres for sig selv",
         "a person cannot be introduced to themself"},
    Text{ApiMsg::NotParticipating, "personen deltager ikke i denne aktivitetsgang",
         "the person does not take part in this occurrence"},
    Text{ApiMsg::AlreadyStored, "passer ikke med det, der allerede er gemt",
         "contradicts what is already stored"},
    Text{ApiMsg::StorageFailed, "databasen svarede ikke; prøv igen om lidt",
         "the database did not answer; try again in a moment"},
};

std::string_view lookup(core::Lang lang, ApiMsg id) {
    for (const Text& text : TEXTS) {
        if (text.id == id) {
            return lang == core::Lang::Da ? text.da : text.en;
        }
    }
    return "?";
}

}  // namespace

std::string api_message(core::Lang lang, ApiMsg id, std::initializer_list<std::string_view> args) {
    const std::string_view pattern = lookup(lang, id);
    std::string out;
    out.reserve(pattern.size() + 16);
    auto arg = args.begin();
    for (std::size_t i = 0; i < pattern.size(); ++i) {
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

std::string about_field(std::string_view field, std::string_view text) {
    if (field.empty()) {
        return std::string(text);
    }
    std::string out(field);
    out.append(": ");
    out.append(text);
    return out;
}

}  // namespace samskab::web::api
