#include "web/http/router.h"

#include <array>

namespace samskab::web {

namespace {

// "/a/b" → {"a", "b"}; "/" → {""}; "/a/" → {"a", ""}.
std::vector<std::string_view> split(std::string_view path) {
    std::vector<std::string_view> segments;
    if (!path.empty() && path.front() == '/') {
        path.remove_prefix(1);
    }
    while (true) {
        const auto slash = path.find('/');
        segments.push_back(path.substr(0, slash));
        if (slash == std::string_view::npos) {
            break;
        }
        path.remove_prefix(slash + 1);
    }
    return segments;
}

bool answers(Method route, Method request) {
    return route == request || (request == Method::Head && route == Method::Get);
}

}  // namespace

std::string_view method_name(Method method) {
    switch (method) {
        case Method::Get:
            return "GET";
        case Method::Head:
            return "HEAD";
        case Method::Post:
            return "POST";
        case Method::Put:
            return "PUT";
        case Method::Delete:
            return "DELETE";
        case Method::Other:
            break;
    }
    return "OTHER";
}

Router::Router(const std::vector<Route>& routes) {
    m_routes.reserve(routes.size());
    for (const Route& route : routes) {
        Compiled compiled{route.method, {}};
        for (std::string_view segment : split(route.pattern)) {
            const bool parameter = !segment.empty() && segment.front() == ':';
            compiled.segments.push_back(
                Segment{std::string(parameter ? segment.substr(1) : segment), parameter});
        }
        m_routes.push_back(std::move(compiled));
    }
}

bool Router::matches(const Compiled& route, const std::vector<std::string_view>& path,
                     Params* params) {
    if (route.segments.size() != path.size()) {
        return false;
    }
    for (std::size_t i = 0; i < path.size(); ++i) {
        const Segment& segment = route.segments[i];
        if (segment.parameter ? path[i].empty() : segment.text != path[i]) {
            return false;
        }
    }
    if (params != nullptr) {
        for (std::size_t i = 0; i < path.size(); ++i) {
            if (route.segments[i].parameter) {
                params->add(route.segments[i].text, std::string(path[i]));
            }
        }
    }
    return true;
}

bool Router::more_specific(const Compiled& a, const Compiled& b) {
    for (std::size_t i = 0; i < a.segments.size() && i < b.segments.size(); ++i) {
        if (a.segments[i].parameter != b.segments[i].parameter) {
            return !a.segments[i].parameter;
        }
    }
    return false;
}

Router::Match Router::match(Method method, std::string_view path) const {
    const std::vector<std::string_view> segments = split(path);
    Match match;
    const Compiled* best = nullptr;
    std::array<bool, 6> allowed{};
    for (std::size_t i = 0; i < m_routes.size(); ++i) {
        const Compiled& route = m_routes[i];
        if (!matches(route, segments, nullptr)) {
            continue;
        }
        allowed[static_cast<std::size_t>(route.method)] = true;
        if (answers(route.method, method) && (best == nullptr || more_specific(route, *best))) {
            best = &route;
            match.route = i;
        }
    }
    if (best != nullptr) {
        match.outcome = Outcome::Found;
        matches(*best, segments, &match.params);
        return match;
    }
    if (allowed[static_cast<std::size_t>(Method::Get)]) {
        allowed[static_cast<std::size_t>(Method::Head)] = true;
    }
    for (const Method candidate :
         {Method::Get, Method::Head, Method::Post, Method::Put, Method::Delete}) {
        if (allowed[static_cast<std::size_t>(candidate)]) {
            match.allowed += match.allowed.empty() ? "" : ", ";
            match.allowed += method_name(candidate);
        }
    }
    match.outcome = match.allowed.empty() ? Outcome::NotFound : Outcome::MethodNotAllowed;
    return match;
}

}  // namespace samskab::web
