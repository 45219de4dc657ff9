// samskab serve: the web application on one database (a SQLite file or PostgreSQL), until
// SIGTERM or SIGINT.
#include <malloc.h>
#include <unistd.h>

#include <charconv>
#include <chrono>
#include <climits>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "cli/cli.h"
#include "cli/command.h"
#include "cli/housekeeping.h"
#include "cli/web_app.h"
#include "core/privacy_service.h"
#include "web/http/server.h"

namespace samskab::cli {

namespace {

struct ServeArguments {
    std::string listen = "127.0.0.1:8080";
    unsigned workers = 2;
    std::string static_dir;
    std::string public_url;
    bool trust_proxy = false;
    int access_log_months = core::DEFAULT_ACCESS_LOG_MONTHS;
    bool no_retention = false;
};

// "HOST:PORT", with an IPv6 host in brackets ("[::1]:8080").
core::Result<void> parse_listen(const std::string& text, web::WebConfig& config, core::Lang lang) {
    const auto colon = text.rfind(':');
    const auto bad = [&] {
        return tl::unexpected(usage_error(
            lang, fmt::format("skal være VÆRT:PORT, fx 127.0.0.1:8080, ikke \"{}\"", text),
            fmt::format("must be HOST:PORT, e.g. 127.0.0.1:8080, not \"{}\"", text), "--listen"));
    };
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
        return bad();
    }
    std::string host = text.substr(0, colon);
    if (host.front() == '[') {
        if (host.size() < 3 || host.back() != ']') {
            return bad();
        }
        host = host.substr(1, host.size() - 2);
    }
    unsigned port = 0;
    const char* first = text.data() + colon + 1;
    const char* last = text.data() + text.size();
    const auto [end, error] = std::from_chars(first, last, port);
    if (error != std::errc() || end != last || port > 65535) {
        return bad();
    }
    config.host = host;
    config.port = static_cast<std::uint16_t>(port);
    return {};
}

// The folder "static" beside the executable: where the build puts the design system's files.
std::string default_static_dir() {
    char buffer[PATH_MAX];
    const ssize_t length = readlink("/proc/self/exe", buffer, sizeof buffer - 1);
    if (length <= 0) {
        return "static";
    }
    const std::filesystem::path exe(std::string(buffer, static_cast<std::size_t>(length)));
    return (exe.parent_path() / "static").string();
}

int run_serve(Context& context, const ServeArguments& o) {
    const core::Lang lang = context.lang();
    const bool da = lang == core::Lang::Da;
    web::WebConfig config;
    if (auto parsed = parse_listen(o.listen, config, lang); !parsed) {
        return report_error(parsed.error());
    }
    if (o.access_log_months < 1 || o.access_log_months > 120) {
        return report_error(usage_error(lang, "skal være et tal fra 1 til 120",
                                        "must be a number from 1 to 120", "--access-log-months"));
    }
    if (o.workers < 1 || o.workers > 256) {
        return report_error(usage_error(lang, "skal være et tal fra 1 til 256",
                                        "must be a number from 1 to 256", "--workers"));
    }
    config.workers = o.workers;
    config.static_dir = o.static_dir.empty() ? default_static_dir() : o.static_dir;
    config.trust_proxy = o.trust_proxy;
    config.public_url = o.public_url;
    if (!std::filesystem::is_directory(config.static_dir)) {
        // Pages still work without their style sheets; say why they look bare.
        std::fprintf(stderr,
                     da ? "samskab: advarsel: --static %s er ikke en mappe; siderne vises uden "
                          "designsystemets filer\n"
                        : "samskab: warning: --static %s is not a folder; the pages are shown "
                          "without the design system's files\n",
                     config.static_dir.c_str());
    }
    use_danish_time();
    // Every request allocates and frees a page's worth of small objects. The release build
    // allocates with tcmalloc (src/CMakeLists.txt); a build on glibc's malloc would give freed
    // memory back to the system after each request, which tripled the time of a "what's on"
    // page, so it keeps up to 64 MB for reuse (a no-op under tcmalloc).
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    // One connection per worker, and one spare for the odd call made outside a request (the
    // nightly privacy job).
    auto app = open_web_app(context, static_cast<int>(config.workers) + 1, config, "serve");
    if (!app) {
        return report_error(app.error());
    }
    const web::Application& application = (*app)->application();
    // Privacy housekeeping every night at 03.00 while the server runs (docs/privacy.md): not at
    // start, so that starting a server on old data (a demo, a restored backup) leaves time to
    // look with `samskab retention --dry-run` first. A failure is reported and tried again the
    // next night; it never stops the server.
    core::PrivacyService privacy((*app)->community(), (*app)->accounts(), (*app)->clock());
    const int log_months = o.access_log_months;
    const bool retention = !o.no_retention;
    const core::LocalTime now = (*app)->clock().now();
    const core::LocalTime into_day = ((now % 86400) + 86400) % 86400;
    const core::LocalTime until_night = (3 * 3600 - into_day + 86400 - 1) % 86400 + 1;
    Housekeeping nightly(
        [&privacy, log_months, retention, da] {
            auto run = retention ? privacy.daily(log_months)
                                 : privacy.purge_access_log(log_months).map([](int purged) {
                                       return core::PrivacyService::DailyRun{0, purged};
                                   });
            if (!run) {
                std::fprintf(stderr,
                             da ? "samskab: dagligt privatlivsjob fejlede: %s\n"
                                : "samskab: daily privacy job failed: %s\n",
                             run.error().message.c_str());
            } else if (run->anonymised > 0 || run->purged > 0) {
                std::fprintf(stderr,
                             da ? "samskab: anonymiserede %d, slettede %d linjer af adgangsloggen\n"
                                : "samskab: anonymised %d, deleted %d access-log lines\n",
                             run->anonymised, run->purged);
            }
        },
        std::chrono::seconds(until_night), std::chrono::hours(24));
    web::ServeOptions options;
    options.lang = lang;
    // Prints "samskab: listening on http://host:port" once the socket is bound.
    auto served = web::serve(application, (*app)->services().config, options);
    if (!served) {
        return report_error(served.error());
    }
    std::fputs(da ? "samskab: stoppet\n" : "samskab: stopped\n", stderr);
    return EXIT_OK;
}

}  // namespace

void add_serve_command(CLI::App& app, Action& chosen) {
    CLI::App* command = app.add_subcommand(
        "serve", "Run the web application (pages and the JSON API) until SIGTERM or Ctrl+C");
    auto o = std::make_shared<ServeArguments>();
    command->add_option("--listen", o->listen, "Address and port to listen on (HOST:PORT)")
        ->capture_default_str();
    command->add_option("--workers", o->workers, "Threads that handle requests")
        ->capture_default_str();
    command->add_option("--static", o->static_dir,
                        "Folder served under /static/ (default: \"static\" beside the program)");
    command->add_option("--public-url", o->public_url,
                        "The address users reach the application at, for links in invitations");
    command
        ->add_option("--access-log-months", o->access_log_months,
                     "Months the access log is kept (purged daily)")
        ->capture_default_str();
    command->add_flag("--no-retention", o->no_retention,
                      "Do not anonymise inactive people at night (the access log is still purged)");
    command->add_flag("--trust-proxy", o->trust_proxy,
                      "Believe X-Forwarded-Proto and X-Forwarded-For (behind a reverse proxy)");
    command->callback(
        [&chosen, o] { chosen = [o](Context& context) { return run_serve(context, *o); }; });
}

}  // namespace samskab::cli
