#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace samskab::web {

struct Response {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    // Sets a header, replacing one of the same name (case-insensitive); "Set-Cookie" is added
    // once more instead, because each cookie needs a header line of its own.
    Response& set_header(std::string name, std::string value);
    // The value of a header set on this response, or "" when none (the first "Set-Cookie").
    std::string_view header(std::string_view name) const;

    static Response html(std::string body, int status = 200);
    static Response json(std::string body, int status = 200);
    static Response text(std::string body, int status = 200);
    // 303 See Other: after a POST the browser GETs `location`.
    static Response redirect(std::string location);
};

}  // namespace samskab::web
