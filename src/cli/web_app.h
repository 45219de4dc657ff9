#pragma once

#include <memory>
#include <string>

#include "cli/command.h"
#include "core/account_store.h"
#include "core/auth_service.h"
#include "core/clock.h"
#include "core/community_store.h"
#include "core/interview_store.h"
#include "core/logbook_store.h"
#include "core/store.h"
#include "core/survey_store.h"
#include "security/sodium_password_hasher.h"
#include "security/sodium_token_source.h"
#include "web/http/application.h"
#include "web/http/services.h"
#include "web/views/templates.h"

namespace samskab::cli {

// The SQLite file named by --db (a path or sqlite:PATH), for the commands that work on the file
// itself or on what PostgreSQL does not have yet (backup, restore, sealed fields). Usage error for
// a PostgreSQL URL. `command` names the command in the message.
core::Result<std::string> sqlite_path(const std::string& db, core::Lang lang,
                                      std::string_view command);

// Whether --db names a PostgreSQL server (postgresql:// or postgres://).
bool is_postgres_url(std::string_view db);

// The wall clock in local Danish time. Times in samskab are local (core/date.h), so the
// process's time zone is Europe/Copenhagen unless TZ says otherwise (use_danish_time).
class SystemClock final : public core::Clock {
public:
    core::LocalTime now() const override;
};

// Sets TZ to Europe/Copenhagen when it is not set, so that localtime_r gives Danish time on a
// server whose system zone is UTC. Call before any thread starts.
void use_danish_time();

// The composition root of the web application: the stores on one database (a SQLite file or a
// PostgreSQL server), password hashing and tokens, the AuthService, and (for `serve`) the
// templates, the routes of every area and the Application. Built once; every request shares it.
class WebApp {
public:
    // Opens the database at `path` (a SQLite file, created and migrated when needed) with
    // `connections` pooled connections. Storage error when it cannot be opened; Conflict when it
    // is newer than this program.
    // `cipher` seals the sensitive fields (Context::field_key).
    static core::Result<std::unique_ptr<WebApp>> open(
        const std::string& path, int connections, web::WebConfig config,
        std::shared_ptr<const core::FieldCipher> cipher = nullptr);

    // Opens the PostgreSQL database at `url` (schema brought up to date) with `connections`
    // pooled connections, which are re-established when the server restarts
    // (storage/postgres/postgres_pool.h). Storage error, naming the server without its
    // password, when it cannot be reached; Conflict when its schema is newer than this program
    // or the database is sealed under another key than `cipher`'s (not null).
    static core::Result<std::unique_ptr<WebApp>> open_postgres(
        const std::string& url, int connections, web::WebConfig config,
        std::shared_ptr<const core::FieldCipher> cipher);

    WebApp(const WebApp&) = delete;
    WebApp& operator=(const WebApp&) = delete;
    ~WebApp();

    core::AccountStore& accounts() { return *m_accounts; }
    core::CommunityStore& community() { return *m_community; }
    // Never null once opened; web::Services allows null for applications built without them.
    core::LogbookStore* logbooks() { return m_logbooks.get(); }
    core::InterviewStore* interviews() { return m_interviews.get(); }
    core::SurveyStore* surveys() { return m_surveys.get(); }
    core::AuthService& auth() { return *m_auth; }
    const core::PasswordHasher& hasher() const { return m_hasher; }
    const core::Clock& clock() const { return m_clock; }
    web::Services& services() { return *m_services; }

    // The application with every route: the pages of each area and the JSON API. Built on the
    // first call (the `user` command needs none of it).
    const web::Application& application();

private:
    WebApp(web::WebConfig config, security::SodiumPasswordHasher hasher,
           security::SodiumTokenSource tokens);
    // Password hashing and tokens for either database; Storage error when libsodium fails.
    static core::Result<std::unique_ptr<WebApp>> create(web::WebConfig config);
    // The AuthService and the Services over the stores set by open or open_postgres.
    void wire();

    SystemClock m_clock;
    web::WebConfig m_config;
    std::unique_ptr<core::AccountStore> m_accounts;
    std::unique_ptr<core::CommunityStore> m_community;
    std::unique_ptr<core::LogbookStore> m_logbooks;
    std::unique_ptr<core::InterviewStore> m_interviews;
    std::unique_ptr<core::SurveyStore> m_surveys;
    std::unique_ptr<core::Store> m_store;
    security::SodiumPasswordHasher m_hasher;
    security::SodiumTokenSource m_tokens;
    std::unique_ptr<core::AuthService> m_auth;
    std::unique_ptr<web::Services> m_services;
    std::unique_ptr<web::views::Templates> m_templates;
    std::unique_ptr<web::Application> m_application;
};

// The WebApp on the database named by --db: a PostgreSQL URL, or a SQLite file opened with its
// key (Context::field_key). `connections` as in WebApp::open; `command` names the command in a
// usage error.
core::Result<std::unique_ptr<WebApp>> open_web_app(const Context& context, int connections,
                                                   web::WebConfig config, std::string_view command);

}  // namespace samskab::cli
