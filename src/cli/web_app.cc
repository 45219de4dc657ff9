#include "cli/web_app.h"

#include <cstdlib>
#include <ctime>
#include <mutex>
#include <utility>

#include "storage/postgres/postgres_stores.h"
#include "storage/sqlite/sqlite_account_store.h"
#include "storage/sqlite/sqlite_community_store.h"
#include "storage/sqlite/sqlite_interview_store.h"
#include "storage/sqlite/sqlite_logbook_store.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/sqlite/sqlite_survey_store.h"
#include "web/api/api.h"
#include "web/pages/page.h"

namespace samskab::cli {

namespace {

// SqliteStore is one connection and not to be shared between threads (sqlite_store.h), while
// the web's workers may all ask for a report at once; they take turns. Reports are rare next to
// the pooled day-to-day calls, so the wait is short.
class SerialStore final : public core::Store {
public:
    explicit SerialStore(std::unique_ptr<core::Store> store) : m_store(std::move(store)) {}

    core::Result<bool> contains(core::Collection collection, std::string_view id) override {
        std::lock_guard lock(m_mutex);
        return m_store->contains(collection, id);
    }
    core::Result<core::ImportSummary> import_bundle(const core::Bundle& bundle) override {
        std::lock_guard lock(m_mutex);
        return m_store->import_bundle(bundle);
    }
    core::Result<core::Bundle> export_bundle() override {
        std::lock_guard lock(m_mutex);
        return m_store->export_bundle();
    }
    core::Result<core::Dataset> load_dataset() override {
        std::lock_guard lock(m_mutex);
        return m_store->load_dataset();
    }

private:
    std::mutex m_mutex;
    std::unique_ptr<core::Store> m_store;
};

}  // namespace

bool is_postgres_url(std::string_view db) {
    return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

core::Result<std::string> sqlite_path(const std::string& db, core::Lang lang,
                                      std::string_view command) {
    const bool da = lang == core::Lang::Da;
    if (is_postgres_url(db)) {
        return core::fail(core::ErrorCode::Usage,
                          da ? "--db: PostgreSQL understøttes endnu ikke til " +
                                   std::string(command) +
                                   "; brug en SQLite-fil (sti eller sqlite:STI)"
                             : "--db: PostgreSQL is not yet supported for " + std::string(command) +
                                   "; use a SQLite file (a path or sqlite:PATH)",
                          "--db");
    }
    std::string path = db;
    if (path.rfind("sqlite:", 0) == 0) {
        path = path.substr(7);
        // sqlite:///abs/path and sqlite://rel name the same files as for the other commands.
        if (path.rfind("//", 0) == 0) {
            path = path.substr(2);
        }
    } else if (path.find("://") != std::string::npos) {
        return core::fail(
            core::ErrorCode::Usage,
            da ? "--db: " + std::string(command) +
                     " kan åbne SQLite-filer (sti eller sqlite:STI), ikke \"" + db + "\""
               : "--db: " + std::string(command) +
                     " can open SQLite files (a path or sqlite:PATH), not \"" + db + "\"",
            "--db");
    }
    if (path.empty()) {
        return core::fail(core::ErrorCode::Usage, da ? "--db: stien er tom" : "--db: empty path",
                          "--db");
    }
    return path;
}

core::LocalTime SystemClock::now() const {
    const std::time_t seconds = std::time(nullptr);
    std::tm local{};
    localtime_r(&seconds, &local);
    const core::Day day =
        core::days_from_civil(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
    return core::LocalTime{day} * 86400 + local.tm_hour * 3600 + local.tm_min * 60 +
           // A leap second (tm_sec 60) is folded into the minute's last second.
           (local.tm_sec > 59 ? 59 : local.tm_sec);
}

void use_danish_time() {
    if (std::getenv("TZ") == nullptr) {
        setenv("TZ", "Europe/Copenhagen", 1);
    }
    tzset();
}

WebApp::WebApp(web::WebConfig config, security::SodiumPasswordHasher hasher,
               security::SodiumTokenSource tokens)
    : m_config(std::move(config)), m_hasher(std::move(hasher)), m_tokens(std::move(tokens)) {}

WebApp::~WebApp() = default;

core::Result<std::unique_ptr<WebApp>> WebApp::create(web::WebConfig config) {
    auto hasher = security::SodiumPasswordHasher::create();
    if (!hasher) {
        return tl::unexpected(hasher.error());
    }
    auto tokens = security::SodiumTokenSource::create();
    if (!tokens) {
        return tl::unexpected(tokens.error());
    }
    return std::unique_ptr<WebApp>(
        new WebApp(std::move(config), std::move(*hasher), std::move(*tokens)));
}

void WebApp::wire() {
    m_auth = std::make_unique<core::AuthService>(*m_accounts, m_hasher, m_tokens, m_clock);
    m_services = std::make_unique<web::Services>(
        web::Services{*m_accounts, *m_community, *m_store, *m_auth, m_clock, m_config});
    m_services->logbooks = m_logbooks.get();
    m_services->interviews = m_interviews.get();
    m_services->surveys = m_surveys.get();
}

core::Result<std::unique_ptr<WebApp>> WebApp::open(
    const std::string& path, int connections, web::WebConfig config,
    std::shared_ptr<const core::FieldCipher> cipher) {
    auto pool = storage::sqlite::ConnectionPool::open(path, connections, cipher);
    if (!pool) {
        return tl::unexpected(pool.error());
    }
    auto store = storage::sqlite::SqliteStore::open(path, std::move(cipher));
    if (!store) {
        return tl::unexpected(store.error());
    }
    auto app = create(std::move(config));
    if (!app) {
        return tl::unexpected(app.error());
    }
    WebApp& a = **app;
    a.m_store = std::make_unique<SerialStore>(std::move(*store));
    a.m_accounts = std::make_unique<storage::sqlite::SqliteAccountStore>(*pool, a.m_clock);
    a.m_community = std::make_unique<storage::sqlite::SqliteCommunityStore>(*pool);
    a.m_logbooks = std::make_unique<storage::sqlite::SqliteLogbookStore>(*pool);
    a.m_interviews = std::make_unique<storage::sqlite::SqliteInterviewStore>(*pool);
    a.m_surveys = std::make_unique<storage::sqlite::SqliteSurveyStore>(*pool);
    a.wire();
    return app;
}

core::Result<std::unique_ptr<WebApp>> WebApp::open_postgres(
    const std::string& url, int connections, web::WebConfig config,
    std::shared_ptr<const core::FieldCipher> cipher) {
    auto app = create(std::move(config));
    if (!app) {
        return tl::unexpected(app.error());
    }
    WebApp& a = **app;
    auto stores =
        storage::postgres::PostgresStores::open(url, connections, a.m_clock, std::move(cipher));
    if (!stores) {
        return tl::unexpected(stores.error());
    }
    a.m_store = std::move(stores->store);
    a.m_accounts = std::move(stores->accounts);
    a.m_community = std::move(stores->community);
    a.m_logbooks = std::move(stores->logbooks);
    a.m_interviews = std::move(stores->interviews);
    a.m_surveys = std::move(stores->surveys);
    a.wire();
    return app;
}

core::Result<std::unique_ptr<WebApp>> open_web_app(const Context& context, int connections,
                                                   web::WebConfig config,
                                                   std::string_view command) {
    const std::string& db = context.options().db;
    if (is_postgres_url(db)) {
        auto cipher = context.field_key(db);
        if (!cipher) {
            return tl::unexpected(cipher.error());
        }
        return WebApp::open_postgres(db, connections, std::move(config), *cipher);
    }
    auto path = sqlite_path(db, context.lang(), command);
    if (!path) {
        return tl::unexpected(path.error());
    }
    auto cipher = context.field_key(*path);
    if (!cipher) {
        return tl::unexpected(cipher.error());
    }
    return WebApp::open(*path, connections, std::move(config), *cipher);
}

const web::Application& WebApp::application() {
    if (!m_application) {
        m_templates = std::make_unique<web::views::Templates>();
        const web::views::Templates& templates = *m_templates;
        std::vector<web::Route> routes;
        auto add = [&routes](std::vector<web::Route> area) {
            for (web::Route& route : area) {
                routes.push_back(std::move(route));
            }
        };
        add(web::pages::account_routes(templates));
        add(web::pages::participant_routes(templates));
        add(web::pages::host_routes(templates));
        add(web::pages::coordinator_routes(templates));
        add(web::pages::dashboard_routes(templates));
        add(web::pages::companion_routes(templates));
        add(web::pages::logbook_routes(templates));
        add(web::pages::interview_routes(templates));
        add(web::pages::survey_routes(templates));
        add(web::api::routes());
        m_application = std::make_unique<web::Application>(
            *m_services, std::move(routes),
            [&templates](const web::RequestContext& ctx, int status, std::string_view message) {
                return web::pages::error_page(ctx, templates, status, message);
            });
    }
    return *m_application;
}

}  // namespace samskab::cli
