#pragma once

#include <atomic>
#include <cstdint>
#include <functional>

#include "core/messages.h"
#include "core/result.h"
#include "web/http/application.h"
#include "web/http/services.h"

namespace samskab::web {

// Serves `application` on config.host:port with config.workers threads until SIGTERM or SIGINT;
// then stops accepting, lets requests in flight finish, and returns. Storage/Usage error when
// the address cannot be bound. The only translation unit that includes the HTTP library.
core::Result<void> serve(const Application& application, const WebConfig& config);

// What the caller may add to a run of the server (tests run one in-process).
struct ServeOptions {
    // Called once, when the socket is bound and listening, with its port (the one the system
    // chose when config.port is 0). "samskab: listening on http://host:port" is printed then.
    std::function<void(std::uint16_t port)> on_listening;
    // When set, the server stops as on SIGTERM once it becomes true (checked every 50 ms).
    const std::atomic<bool>* stop = nullptr;
    // Whether SIGTERM and SIGINT stop the server.
    bool handle_signals = true;
    // The language of the error returned when the address cannot be bound.
    core::Lang lang = core::Lang::Da;
};

// As above, with `options`. Usage error (Msg::CannotListen) when config.host cannot be
// resolved or the address cannot be bound.
//
// Limits, as the HTTP library enforces them: a request line or a single header field longer
// than config.max_header_bytes closes the connection; headers longer than that in total are
// answered 431 (by the Application). A body up to config.max_body_bytes is handled; one up to
// twice that (at least 64 KiB more) is read and answered 413 with the connection closed; a
// larger one closes the connection as soon as its Content-Length is seen, so nobody can make
// the server hold more. At most config.max_connections connections are accepted at once; the
// rest wait in the listen queue.
//
// On stop: the listening socket is closed at once; responses to requests already received are
// still written (for at most handle_timeout + write_timeout), with "Connection: close"; then
// every connection is dropped and the call returns. A second SIGTERM or SIGINT stops without
// waiting for the requests in flight.
core::Result<void> serve(const Application& application, const WebConfig& config,
                         const ServeOptions& options);

}  // namespace samskab::web
