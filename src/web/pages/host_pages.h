#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include <mstch/mstch.hpp>

#include "core/community.h"
#include "web/http/response.h"
#include "web/http/route.h"
#include "web/views/templates.h"

// The host's pages, split over host_pages.cc (today: check-in, introductions, logbook) and
// host_pages_rota.cc (the rota). host_routes() in page.h returns both sets.
namespace samskab::web::pages {

// The place a host page is about, or the response to send instead.
struct HostPlace {
    std::optional<core::PlaceView> place;
    std::vector<core::PlaceView> places;  // every place of the host, by name
    std::optional<Response> response;     // set when `place` is not
};

// Resolves the place named by `place_id`: 404 when it does not exist, 403 when the principal
// is not its host. Without an id, the host's only place; with several, a page on which to choose
// one (links to `path`?place=...); with none, 403.
HostPlace resolve_host_place(const RequestContext& ctx, const views::Templates& templates,
                             std::string_view place_id, std::string_view path);

// Links to each of the host's places at `path`, for switching between them; empty when the
// host has one place. Each item: name, href, current.
mstch::array place_links(const HostPlace& host, std::string_view path);

std::vector<Route> host_today_routes(const views::Templates& templates);
std::vector<Route> host_rota_routes(const views::Templates& templates);

}  // namespace samskab::web::pages
