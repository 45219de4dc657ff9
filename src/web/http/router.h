#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "web/http/request.h"
#include "web/http/route.h"

namespace samskab::web {

// Finds the route for a method and a (decoded) path. A pattern is split at '/'; each segment
// matches the same text exactly, or, written ":name", any non-empty segment, which becomes the
// parameter `name`. The path is already percent-decoded (Request::path), so parameters come out
// decoded; the server refuses an encoded '/' (%2F), so a parameter never holds one. When
// several patterns match, the one with a literal segment where the others have a parameter
// wins, comparing from the left ("/activities/new" before "/activities/:id"), then the first
// declared. HEAD is answered by GET routes.
class Router {
public:
    explicit Router(const std::vector<Route>& routes);

    enum class Outcome { Found, NotFound, MethodNotAllowed };
    struct Match {
        Outcome outcome = Outcome::NotFound;
        std::size_t route = 0;  // index into the routes given, when Found
        Params params;
        // Methods under which the path exists, for the Allow header of a 405 ("GET, HEAD").
        std::string allowed;
    };
    Match match(Method method, std::string_view path) const;

private:
    struct Segment {
        std::string text;  // the literal, or the parameter's name
        bool parameter = false;
    };
    struct Compiled {
        Method method;
        std::vector<Segment> segments;
    };
    static bool matches(const Compiled& route, const std::vector<std::string_view>& path,
                        Params* params);
    // Whether `a` is more specific than `b` (a literal where `b` has a parameter, first from
    // the left).
    static bool more_specific(const Compiled& a, const Compiled& b);

    std::vector<Compiled> m_routes;
};

// "GET", "POST", ...; "OTHER" for Method::Other.
std::string_view method_name(Method method);

}  // namespace samskab::web
