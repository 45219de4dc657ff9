// The one translation unit that includes RESTinio: it turns RESTinio's requests into
// web::Request, hands them to the Application, and writes web::Response back.
#include "web/http/server.h"

#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <exception>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include <restinio/all.hpp>

#include "web/http/error_response.h"
#include "web/http/request_builder.h"

namespace samskab::web {

namespace {

struct Traits : restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t> {
    // Refuses to accept beyond settings.max_parallel_connections; the rest wait in the
    // kernel's listen queue instead of each costing a buffer and a parser.
    static constexpr bool use_connection_count_limiter = true;
};
using HttpServer = restinio::http_server_t<Traits>;

// Requests between arrival and the end of writing their response, and whether to stop.
// Shutdown waits for the count to reach zero, so no answer is cut off.
class Drain {
public:
    void begin() {
        std::lock_guard lock(m_mutex);
        ++m_in_flight;
    }
    void end() {
        std::lock_guard lock(m_mutex);
        --m_in_flight;
        m_changed.notify_all();
    }
    void request_stop() {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_changed.notify_all();
    }
    // A second signal: stop waiting for requests in flight.
    void force() {
        std::lock_guard lock(m_mutex);
        m_forced = true;
        m_changed.notify_all();
    }
    bool stopping() {
        std::lock_guard lock(m_mutex);
        return m_stopping;
    }
    // Returns when a stop is requested, by request_stop or by `*flag` becoming true.
    void wait_for_stop(const std::atomic<bool>* flag) {
        std::unique_lock lock(m_mutex);
        while (!m_stopping) {
            if (flag != nullptr && flag->load()) {
                m_stopping = true;
                break;
            }
            m_changed.wait_for(lock, std::chrono::milliseconds(50));
        }
    }
    // Returns when nothing is in flight, or after `limit`.
    void wait_idle(std::chrono::steady_clock::duration limit) {
        std::unique_lock lock(m_mutex);
        m_changed.wait_for(lock, limit, [this] { return m_in_flight == 0 || m_forced; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::size_t m_in_flight = 0;
    bool m_stopping = false;
    bool m_forced = false;
};

// An io_context whose pending operations can be destroyed before the context itself. The
// connections RESTinio keeps (idle keep-alive ones too) live inside pending operations and
// report their end to the server's connection limiter; they must go while the server, and
// with it the limiter, still exists. asio's own destructor does the same steps later.
class IoContext : public asio::io_context {
public:
    void abandon_pending_operations() { shutdown(); }
};

Method method_of(const restinio::http_method_id_t& method) {
    if (method == restinio::http_method_get()) {
        return Method::Get;
    }
    if (method == restinio::http_method_head()) {
        return Method::Head;
    }
    if (method == restinio::http_method_post()) {
        return Method::Post;
    }
    if (method == restinio::http_method_put()) {
        return Method::Put;
    }
    if (method == restinio::http_method_delete()) {
        return Method::Delete;
    }
    return Method::Other;
}

Response answer(const Application& application, const restinio::request_handle_t& request,
                bool trust_proxy) {
    RawRequest raw;
    raw.method = method_of(request->header().method());
    raw.target = request->header().request_target();
    for (const auto& field : request->header()) {
        raw.headers.emplace_back(field.name(), field.value());
    }
    raw.body = request->body();
    raw.remote_address = request->remote_endpoint().address().to_string();
    Request built;
    auto decoded = build_request(std::move(raw), trust_proxy, built);
    if (!decoded) {
        return application.refuse(built, 400, decoded.error().message, decoded.error().field);
    }
    return application.handle(built);
}

// The response is handed to RESTinio from a posted task, after the handler has returned, not
// from inside the handler. RESTinio 0.6 decides whether to read the next pipelined request
// both when the handler returns and when a write ends; a response given inside the handler
// makes both say yes, the next request then finds no free slot and the connection is closed
// unanswered. Posted, the write starts only after the handler's decision, as RESTinio expects.
void send(asio::io_context& io, const restinio::request_handle_t& request, Response response,
          bool close, Drain& drain) {
    auto reply = request->create_response(restinio::http_status_line_t{
        restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
        std::string(reason_phrase(response.status))});
    for (auto& [name, value] : response.headers) {
        reply.append_header(std::move(name), std::move(value));
    }
    reply.set_body(std::move(response.body));
    if (close) {
        reply.connection_close();
    }
    asio::post(io, [reply = std::move(reply), &drain]() mutable {
        // Called when the response is written, or with an error when it cannot be.
        reply.done([&drain](const asio::error_code&) { drain.end(); });
    });
}

std::string display_host(const std::string& host) {
    return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

// The address to bind: an IP literal as it is, a name ("localhost") by the resolver.
asio::ip::address resolve(asio::io_context& io, const std::string& host) {
    asio::error_code error;
    const auto literal = asio::ip::make_address(host, error);
    if (!error) {
        return literal;
    }
    asio::ip::tcp::resolver resolver(io);
    const auto results = resolver.resolve(host, "", error);
    if (error || results.empty()) {
        throw std::system_error(error ? error : asio::error::host_not_found);
    }
    return results.begin()->endpoint().address();
}

}  // namespace

core::Result<void> serve(const Application& application, const WebConfig& config) {
    return serve(application, config, ServeOptions{});
}

core::Result<void> serve(const Application& application, const WebConfig& config,
                         const ServeOptions& options) {
    // Declared first so that it outlives the io_context, whose destruction may still report
    // unwritten responses to it.
    Drain drain;
    IoContext io;
    auto work = asio::make_work_guard(io);
    const std::string where = display_host(config.host) + ":" + std::to_string(config.port);

    asio::ip::address address;
    try {
        address = resolve(io, config.host);
    } catch (const std::exception& e) {
        return core::fail(core::ErrorCode::Usage,
                          core::message(options.lang, core::Msg::CannotListen, {where, e.what()}));
    }

    // Bodies a little over the limit are read, so that the Application can answer 413; beyond
    // this the parser gives up on the connection.
    const std::uint64_t hard_body_limit =
        config.max_body_bytes + std::max<std::uint64_t>(config.max_body_bytes, 64 << 10);
    std::uint16_t bound_port = config.port;
    restinio::server_settings_t<Traits> settings;
    settings.address(address)
        .protocol(address.is_v6() ? asio::ip::tcp::v6() : asio::ip::tcp::v4())
        .port(config.port)
        .max_parallel_connections(std::max<std::size_t>(config.max_connections, 1))
        .read_next_http_message_timelimit(config.read_timeout)
        .write_http_response_timelimit(config.write_timeout)
        .handle_request_timeout(config.handle_timeout)
        .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                      .max_url_size(config.max_header_bytes)
                                      .max_field_name_size(config.max_header_bytes)
                                      .max_field_value_size(config.max_header_bytes)
                                      .max_field_count(1000)
                                      .max_body_size(hard_body_limit))
        .acceptor_post_bind_hook([&bound_port](asio::ip::tcp::acceptor& acceptor) {
            bound_port = acceptor.local_endpoint().port();
        })
        .request_handler([&application, &config, &drain, &io](restinio::request_handle_t request) {
            drain.begin();
            try {
                Response response = answer(application, request, config.trust_proxy);
                // A 413's body was not wanted; closing spares reading the next one like it.
                const bool close = drain.stopping() || response.status == 413;
                send(io, request, std::move(response), close, drain);
            } catch (const std::exception& e) {
                std::fprintf(stderr, "samskab: sending a response failed: %s\n", e.what());
                drain.end();
                return restinio::request_rejected();
            }
            return restinio::request_accepted();
        });

    HttpServer server(restinio::external_io_context(io), std::move(settings));
    try {
        server.open_sync();
    } catch (const std::exception& e) {
        return core::fail(core::ErrorCode::Usage,
                          core::message(options.lang, core::Msg::CannotListen, {where, e.what()}));
    }

    std::optional<asio::signal_set> signals;
    if (options.handle_signals) {
        signals.emplace(io, SIGINT, SIGTERM);
        signals->async_wait([&drain, &signals](const asio::error_code& error, int) {
            if (error) {
                return;
            }
            drain.request_stop();
            // Ctrl+C once more stops without waiting for the requests in flight.
            signals->async_wait([&drain](const asio::error_code& again, int) {
                if (!again) {
                    drain.force();
                }
            });
        });
    }
    std::printf("samskab: listening on http://%s:%u\n", display_host(config.host).c_str(),
                static_cast<unsigned>(bound_port));
    std::fflush(stdout);

    std::vector<std::thread> workers;
    for (unsigned i = 0; i < std::max(config.workers, 1u); ++i) {
        workers.emplace_back([&io] {
            // Handlers do not throw (the Application catches); anything that still escapes
            // is logged and the thread goes back to work rather than take the server down.
            while (true) {
                try {
                    io.run();
                    return;
                } catch (const std::exception& e) {
                    std::fprintf(stderr, "samskab: server thread: %s\n", e.what());
                }
            }
        });
    }
    if (options.on_listening) {
        options.on_listening(bound_port);
    }

    drain.wait_for_stop(options.stop);
    std::promise<void> closed;
    server.close_async([&closed]() noexcept { closed.set_value(); },
                       [&closed](std::exception_ptr) noexcept { closed.set_value(); });
    closed.get_future().wait();
    drain.wait_idle(config.handle_timeout + config.write_timeout);

    io.stop();
    for (std::thread& worker : workers) {
        worker.join();
    }
    io.abandon_pending_operations();
    return {};
}

}  // namespace samskab::web
