#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "core/messages.h"

namespace samskab::web::api {

// The texts only the JSON API says, in Danish and English. What the bundle validator already
// says (a required field, a wrong type, an unknown value) comes from core::message instead, so
// that a field is described in the same words wherever it is refused.
enum class ApiMsg {
    ContentTypeJson,
    BodyNotJson,
    BodyNotObject,
    NoPerson,
    NoAccess,
    Unauthenticated,
    RangeTooLong,
    TooLong,
    OccurrenceEnded,
    AlreadyOnBreak,
    NotOnBreak,
    AlreadyIntroduced,
    SelfIntroduction,
    NotParticipating,
    AlreadyStored,
    StorageFailed,
};

// The text of `id` in `lang`, with each `{}` replaced by the next of `args`.
std::string api_message(core::Lang lang, ApiMsg id,
                        std::initializer_list<std::string_view> args = {});

// "field: text", the way the command line names a field in its messages; just `text` when
// `field` is empty.
std::string about_field(std::string_view field, std::string_view text);

}  // namespace samskab::web::api
