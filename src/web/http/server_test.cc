// The server in-process on a free local port, spoken to over real sockets.
#include "web/http/server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <future>
#include <map>
#include <thread>

#include "web/http/application_fixture.h"

namespace samskab::web {
namespace {

using namespace std::chrono_literals;

struct HttpReply {
    int status = 0;  // 0: the connection closed before a whole response came
    std::map<std::string, std::string> headers;  // names lower-case
    std::string body;
};

// One client connection with blocking reads that give up after five seconds.
class Client {
public:
    explicit Client(std::uint16_t port) {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        timeval timeout{5, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
        m_connected = ::connect(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    }
    ~Client() { ::close(m_fd); }
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    bool connected() const { return m_connected; }

    void send(std::string_view bytes) {
        while (!bytes.empty()) {
            const ssize_t sent = ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
            if (sent <= 0) {
                return;  // the server closed the connection; the reply shows it
            }
            bytes.remove_prefix(static_cast<std::size_t>(sent));
        }
    }

    HttpReply receive() {
        HttpReply reply;
        std::size_t end;
        while ((end = m_buffer.find("\r\n\r\n")) == std::string::npos) {
            if (!fill()) {
                return reply;
            }
        }
        const std::string head = m_buffer.substr(0, end);
        m_buffer.erase(0, end + 4);
        std::size_t line_end = head.find("\r\n");
        const std::string status_line = head.substr(0, line_end);
        std::size_t length = 0;
        while (line_end != std::string::npos) {
            const std::size_t start = line_end + 2;
            line_end = head.find("\r\n", start);
            const std::string line = head.substr(start, line_end - start);
            const auto colon = line.find(':');
            std::string name = line.substr(0, colon);
            for (char& c : name) {
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            }
            std::string value = line.substr(colon + 1);
            value.erase(0, value.find_first_not_of(' '));
            if (name == "content-length") {
                length = std::stoul(value);
            }
            reply.headers[name] = value;
        }
        while (m_buffer.size() < length) {
            if (!fill()) {
                return HttpReply{};
            }
        }
        reply.body = m_buffer.substr(0, length);
        m_buffer.erase(0, length);
        reply.status = std::stoi(status_line.substr(9, 3));
        return reply;
    }

    // Whether the server closed the connection (end of file or reset) within five seconds.
    bool closed_by_server() {
        if (!m_buffer.empty()) {
            return false;
        }
        char byte;
        errno = 0;
        const ssize_t got = ::recv(m_fd, &byte, 1, 0);
        return got == 0 || (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
    }

private:
    bool fill() {
        char chunk[4096];
        const ssize_t got = ::recv(m_fd, chunk, sizeof chunk, 0);
        if (got <= 0) {
            return false;
        }
        m_buffer.append(chunk, static_cast<std::size_t>(got));
        return true;
    }

    int m_fd = -1;
    bool m_connected = false;
    std::string m_buffer;
};

std::string get(std::string_view target, std::string_view extra_headers = {}) {
    return "GET " + std::string(target) + " HTTP/1.1\r\nHost: localhost\r\n" +
           std::string(extra_headers) + "\r\n";
}

class ServerTest : public ApplicationTest {
protected:
    void SetUp() override {
        ApplicationTest::SetUp();
        m_config.host = "127.0.0.1";
        m_config.port = 0;
        m_config.workers = 2;
        m_config.max_header_bytes = 2048;
        m_config.max_body_bytes = 1024;
    }

    void TearDown() override {
        stop();
        ApplicationTest::TearDown();
    }

    std::vector<Route> server_routes() {
        std::vector<Route> r = routes();
        r.push_back({Method::Get, "/echo/:word", false, true, {}, [](RequestContext& ctx) {
                         return Response::text(std::string(ctx.params.value("word")) + "|" +
                                               std::string(ctx.request.query.value("q")) + "|" +
                                               ctx.request.remote_address + "|" +
                                               (ctx.request.secure ? "https" : "http"));
                     }});
        r.push_back({Method::Get, "/slow", false, true, {}, [this](RequestContext&) {
                         m_slow_entered = true;
                         while (!m_slow_release) {
                             std::this_thread::sleep_for(5ms);
                         }
                         return Response::text("finally");
                     }});
        return r;
    }

    // Starts serve() on a thread and returns once it listens.
    void start(bool handle_signals = false) {
        m_server_app = std::make_unique<Application>(*m_services, server_routes());
        std::promise<std::uint16_t> listening;
        auto port = listening.get_future();
        ServeOptions options;
        options.on_listening = [&listening](std::uint16_t p) { listening.set_value(p); };
        options.stop = &m_stop;
        options.handle_signals = handle_signals;
        testing::internal::CaptureStdout();
        m_thread = std::thread([this, options] {
            m_result = serve(*m_server_app, m_config, options);
            m_finished = true;
        });
        ASSERT_EQ(port.wait_for(10s), std::future_status::ready);
        m_port = port.get();
        m_stdout = testing::internal::GetCapturedStdout();
    }

    void stop() {
        m_stop = true;
        m_slow_release = true;
        if (m_thread.joinable()) {
            m_thread.join();
        }
    }

    std::unique_ptr<Application> m_server_app;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_finished{false};
    std::atomic<bool> m_slow_entered{false};
    std::atomic<bool> m_slow_release{false};
    core::Result<void> m_result;
    std::uint16_t m_port = 0;
    std::string m_stdout;
};

TEST_F(ServerTest, AnnouncesItselfAndKeepsConnectionsAlive) {
    start();
    EXPECT_EQ(m_stdout, "samskab: listening on http://127.0.0.1:" + std::to_string(m_port) + "\n");
    Client client(m_port);
    ASSERT_TRUE(client.connected());
    client.send(get("/"));
    const HttpReply first = client.receive();
    EXPECT_EQ(first.status, 200);
    EXPECT_EQ(first.body, "<p>home</p>");
    EXPECT_EQ(first.headers.at("content-type"), "text/html; charset=utf-8");
    EXPECT_EQ(first.headers.at("x-frame-options"), "DENY");
    EXPECT_EQ(first.headers.at("cache-control"), "no-store");
    EXPECT_NE(first.headers.at("set-cookie").find("samskab_csrf="), std::string::npos);
    // The same connection answers again, in order, also when two requests come at once.
    client.send(get("/echo/en") + get("/nowhere"));
    EXPECT_EQ(client.receive().body, "en||127.0.0.1|http");
    EXPECT_EQ(client.receive().status, 404);
    stop();
    EXPECT_TRUE(m_result) << m_result.error().message;
}

// Requests sent back to back before any answer (pipelining) are all answered, in order, on the
// same connection.
TEST_F(ServerTest, AnswersPipelinedRequestsInOrder) {
    start();
    Client client(m_port);
    std::string burst;
    for (const char* word : {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"}) {
        burst += get(std::string("/echo/") + word);
    }
    client.send(burst);
    for (const char* word : {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"}) {
        EXPECT_EQ(client.receive().body, std::string(word) + "||127.0.0.1|http");
    }
    client.send(get("/nowhere"));
    EXPECT_EQ(client.receive().status, 404);
}

TEST_F(ServerTest, DecodesTheTargetAndTrustsAProxyOnlyWhenTold) {
    start();
    Client client(m_port);
    client.send(get("/echo/S%C3%B8ren?q=gr%C3%B8d+med",
                    "X-Forwarded-For: 203.0.113.9\r\nX-Forwarded-Proto: https\r\n"));
    EXPECT_EQ(client.receive().body, "Søren|grød med|127.0.0.1|http");
    stop();

    m_config.trust_proxy = true;
    m_stop = false;
    start();
    Client proxied(m_port);
    proxied.send(get("/echo/x", "X-Forwarded-For: 203.0.113.9\r\nX-Forwarded-Proto: https\r\n"));
    EXPECT_EQ(proxied.receive().body, "x||203.0.113.9|https");
}

TEST_F(ServerTest, BadTargetIs400InTheAskedLanguage) {
    start();
    Client client(m_port);
    client.send(get("/echo/a%2Fb?lang=en"));
    const HttpReply reply = client.receive();
    EXPECT_EQ(reply.status, 400);
    EXPECT_NE(reply.body.find("The address is invalid"), std::string::npos);
    client.send(get("/api/v1/me?q=%FF"));
    const HttpReply api = client.receive();
    EXPECT_EQ(api.status, 400);
    EXPECT_NE(api.body.find("\"field\":\"q\""), std::string::npos);
}

TEST_F(ServerTest, OversizedHeaders) {
    start();
    // Many fields, each within the limit, together over it: 431.
    std::string fields;
    for (int i = 0; i < 5; ++i) {
        fields += "X-Filler-" + std::to_string(i) + ": " + std::string(500, 'f') + "\r\n";
    }
    Client many(m_port);
    many.send(get("/", fields));
    const HttpReply reply = many.receive();
    EXPECT_EQ(reply.status, 431);
    EXPECT_NE(reply.body.find("højst 2 kB"), std::string::npos);

    // One field over the limit: the parser gives up and closes the connection.
    Client one(m_port);
    one.send(get("/", "X-Huge: " + std::string(4096, 'h') + "\r\n"));
    EXPECT_EQ(one.receive().status, 0);
    // The server goes on.
    Client after(m_port);
    after.send(get("/"));
    EXPECT_EQ(after.receive().status, 200);
}

TEST_F(ServerTest, OversizedBodies) {
    start();
    const std::string head =
        "POST /login HTTP/1.1\r\nHost: localhost\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n";
    Client over(m_port);
    over.send(head + "Content-Length: 1100\r\n\r\n" + std::string(1100, 'a'));
    const HttpReply reply = over.receive();
    EXPECT_EQ(reply.status, 413);
    EXPECT_EQ(reply.headers.at("connection"), "close");
    EXPECT_TRUE(over.closed_by_server());

    // Far over: refused as soon as the length is known, without reading the body.
    Client huge(m_port);
    huge.send(head + "Content-Length: 100000000\r\n\r\n");
    EXPECT_EQ(huge.receive().status, 0);

    Client fine(m_port);
    fine.send(head + "Content-Length: 12\r\n\r\ncsrf_token=x");
    EXPECT_EQ(fine.receive().status, 403);  // within the limit: on to the CSRF check
}

TEST_F(ServerTest, GracefulStopLetsTheRequestInFlightFinish) {
    start();
    Client slow(m_port);
    slow.send(get("/slow"));
    for (int i = 0; i < 500 && !m_slow_entered; ++i) {
        std::this_thread::sleep_for(10ms);
    }
    ASSERT_TRUE(m_slow_entered);
    m_stop = true;
    // New connections are refused once the listening socket is closed.
    bool refused = false;
    for (int i = 0; i < 100 && !refused; ++i) {
        std::this_thread::sleep_for(10ms);
        refused = !Client(m_port).connected();
    }
    EXPECT_TRUE(refused);
    EXPECT_FALSE(m_finished);
    m_slow_release = true;
    const HttpReply reply = slow.receive();
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(reply.body, "finally");
    EXPECT_EQ(reply.headers.at("connection"), "close");
    m_thread.join();
    EXPECT_TRUE(m_finished);
    EXPECT_TRUE(m_result);
}

TEST_F(ServerTest, SigtermStopsTheServer) {
    start(true);
    Client client(m_port);
    client.send(get("/"));
    EXPECT_EQ(client.receive().status, 200);
    std::raise(SIGTERM);
    m_thread.join();
    EXPECT_TRUE(m_result);
}

TEST_F(ServerTest, AnAddressInUseIsAUsageError) {
    start();
    m_config.port = m_port;
    testing::internal::CaptureStdout();
    ServeOptions options;
    options.lang = core::Lang::En;
    options.handle_signals = false;
    const auto second = serve(*m_server_app, m_config, options);
    testing::internal::GetCapturedStdout();
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().code, core::ErrorCode::Usage);
    EXPECT_EQ(
        second.error().message.rfind("cannot listen on 127.0.0.1:" + std::to_string(m_port), 0), 0u)
        << second.error().message;
}

}  // namespace
}  // namespace samskab::web
