#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "web/http/request.h"

namespace samskab::web {

// A request as the HTTP library hands it over, before anything is decoded.
struct RawRequest {
    Method method = Method::Get;
    std::string target;  // the request target as sent: "/path?query"
    std::vector<std::pair<std::string, std::string>> headers;  // names as sent
    std::string body;
    std::string remote_address;  // of the TCP peer
};

// Fills `out` from `raw`: header names lower-cased, cookies from the Cookie header(s), the
// path decoded (decode_path), the query parsed (parse_query), the body and the peer's address.
// With `trust_proxy` (samskab behind a reverse proxy that sets these headers), the last entry
// of X-Forwarded-For is the address (the one the proxy itself added; earlier entries come
// from the client and prove nothing), and X-Forwarded-Proto "https" sets `secure`.
// An absolute target ("http://host/path") is reduced to its path.
// Invalid when the path or the query cannot be decoded, naming "path" or the query field, with
// the message in the language the request asks for (query `lang`, else the language cookie);
// `out` is then filled as far as possible (the raw path, a `lang` query value) so that an
// error page can still be made for it.
core::Result<void> build_request(RawRequest raw, bool trust_proxy, Request& out);

}  // namespace samskab::web
