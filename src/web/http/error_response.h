#pragma once

#include <string>
#include <string_view>

#include "core/messages.h"
#include "core/result.h"
#include "web/http/response.h"

namespace samskab::web {

// `text` as a JSON string literal, quotes included. Control characters are escaped; the text
// is expected to be UTF-8 (messages are) and is copied byte for byte otherwise.
std::string json_string(std::string_view text);

// The error body of the API: {"code":"...","message":"...","field":"..."}.
std::string error_json(std::string_view code, std::string_view message, std::string_view field);

// The JSON code of an error status the dispatcher makes itself: "Invalid" (400),
// "Unauthenticated" (401), "Forbidden" (403), "NotFound" (404), "MethodNotAllowed" (405),
// "TooLarge" (413), "UnsupportedMediaType" (415), "HeadersTooLarge" (431), "Internal" (500).
std::string_view error_code_name(int status);

// The name of a core::ErrorCode as the API spells it ("Invalid", "NotFound", ...).
std::string_view error_code_name(core::ErrorCode code);

// The reason phrase of a status line ("Not Found"); "Unknown" for a status not listed.
std::string_view reason_phrase(int status);

// `text` with & < > " ' replaced by entities.
std::string html_escape(std::string_view text);

// A small self-contained page for an error: used when the application has no page renderer
// (and when the renderer itself fails), so an error never goes unanswered.
Response plain_error_page(core::Lang lang, int status, std::string_view message);

}  // namespace samskab::web
