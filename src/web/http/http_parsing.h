#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/messages.h"
#include "core/result.h"
#include "web/http/request.h"

namespace samskab::web {

// The text-level parsing of HTTP requests: percent-encoding, query strings and form bodies,
// cookies, UTF-8. Every function takes any bytes at all (a fuzz target feeds them garbage):
// it returns a value or a failure, and never crashes or reads out of bounds.

// Whether `text` is well-formed UTF-8: no overlong forms, no surrogates, nothing above
// U+10FFFF, no truncated sequences.
bool valid_utf8(std::string_view text);

// `text` with every ill-formed UTF-8 sequence replaced by '?', cut to `max_bytes` (on a code
// point boundary); for quoting a submitted name in a message.
std::string printable(std::string_view text, std::size_t max_bytes = 60);

// `text` with each byte that is not part of a well-formed UTF-8 sequence replaced by
// `replacement`; the same length as `text`.
std::string replace_ill_formed(std::string_view text, char replacement);

// Decodes %XX escapes (either case of hex digit); with `plus_is_space`, '+' is a space (forms
// and query strings). nullopt when a '%' is not followed by two hex digits. The result may
// hold any bytes, including invalid UTF-8: the caller checks.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

// Encodes every byte except the unreserved ones (A-Z a-z 0-9 - . _ ~) as %XX (upper case), so
// the result is safe as one query value or path segment.
std::string percent_encode(std::string_view text);

// Parses `a=1&b=2&b=3` (a query string without '?', or an application/x-www-form-urlencoded
// body): names and values percent-decoded with '+' as a space, in order, repeated names kept,
// empty pieces skipped, a piece without '=' a name with the value "". Invalid, naming the
// field, with a message in `lang`: a bad escape (Msg::HttpBadEncoding) or a name or value that
// is not UTF-8 (Msg::HttpBadUtf8).
core::Result<Params> parse_query(std::string_view text, core::Lang lang);
core::Result<Params> parse_form(std::string_view body, core::Lang lang);

// Invalid (Msg::HttpBadUtf8, naming the first offending field) when a name or value of
// `params` is not UTF-8; for requests built without parse_query.
core::Result<void> check_utf8(const Params& params, core::Lang lang);

// Parses a Cookie header (`a=1; b=2`). Values are taken as they are (surrounding double quotes
// removed); pieces without a name or '=' are skipped. Never fails: a browser sends what it
// was given, and a broken cookie must not lock anyone out.
Params parse_cookies(std::string_view header);

// Decodes the path of a request target (without the query). Invalid with Msg::HttpBadPath,
// field "path", when it does not start with '/', has a bad escape, encodes '/' or NUL (%2F,
// %00: a segment could then hide a separator, or cut a file name short), or is not UTF-8.
// '+' stays '+'.
core::Result<std::string> decode_path(std::string_view raw, core::Lang lang);

// Whether a Content-Type header value names `media_type` (case-insensitive, parameters such
// as "; charset=utf-8" ignored).
bool has_media_type(std::string_view content_type, std::string_view media_type);

// `text` lower-cased (ASCII letters only).
std::string ascii_lower(std::string_view text);

}  // namespace samskab::web
