#pragma once

// Shared by the tests of every page area: the real web::Application with the pages' routes over
// real SQLite stores in a temporary directory, real argon2id (libsodium's minimum cost), and a
// Browser that keeps its cookies and its CSRF token the way a browser with a form would.
//
// Usage:
//   class MyPagesTest : public pages::testing::PageTest {
//       std::vector<Route> page_routes(const views::Templates& t) override {
//           return pages::host_routes(t);  // account_routes are always added
//       }
//   };
//   TEST_F(MyPagesTest, ...) {
//       Browser anna = signed_in("anna@example.dk");
//       Response page = anna.get("/whats-on");
//       Response done = anna.post("/me/break", {});
//   }
#include <unistd.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "core/auth_service.h"
#include "core/bundle.h"
#include "security/sodium_password_hasher.h"
#include "security/sodium_token_source.h"
#include "storage/sqlite/sqlite_stores.h"
#include "web/http/application.h"
#include "web/http/cookies.h"
#include "web/http/http_parsing.h"
#include "web/pages/page.h"
#include "web/views/templates.h"

namespace samskab::web::pages::testing {

inline constexpr std::string_view PASSWORD = "korrekt hest batteri";

// 2026-03-02 (a Monday) at 09:00.
inline constexpr core::LocalTime NOW = core::LocalTime{20514} * 86400 + 9 * 3600;

// A local time `days` after NOW's day at hh:mm.
inline core::LocalTime at_time(int days, int hour, int minute = 0) {
    return (core::LocalTime{20514} + days) * 86400 + hour * 3600 + minute * 60;
}

// The value of the first `name="csrf_token" value="..."` in a page, or "".
inline std::string csrf_in(std::string_view html) {
    constexpr std::string_view MARK = "name=\"csrf_token\" value=\"";
    auto at = html.find(MARK);
    if (at == std::string_view::npos) {
        return {};
    }
    at += MARK.size();
    auto end = html.find('"', at);
    return std::string(html.substr(at, end - at));
}

// How many times `needle` occurs in `haystack`.
inline int count_of(std::string_view haystack, std::string_view needle) {
    int count = 0;
    for (auto at = haystack.find(needle); at != std::string_view::npos;
         at = haystack.find(needle, at + needle.size())) {
        ++count;
    }
    return count;
}

// One browser: its cookies, and the CSRF token of the last page that had a form.
class Browser {
public:
    explicit Browser(const Application& app) : m_app(&app) {}

    // GET `target` (a path with an optional "?query").
    Response get(std::string_view target) { return send(Method::Get, target, {}); }

    // POST the fields as a form, with the current CSRF token unless `with_csrf` is false.
    Response post(std::string_view target, std::vector<std::pair<std::string, std::string>> fields,
                  bool with_csrf = true) {
        if (with_csrf) {
            fields.emplace_back("csrf_token", m_csrf);
        }
        std::string body;
        for (const auto& [name, value] : fields) {
            if (!body.empty()) {
                body += '&';
            }
            body += percent_encode(name) + "=" + percent_encode(value);
        }
        return send(Method::Post, target, std::move(body));
    }

    const std::string& csrf_token() const { return m_csrf; }
    void set_cookie(std::string name, std::string value) {
        m_cookies[std::move(name)] = std::move(value);
    }
    std::string cookie(const std::string& name) const {
        auto found = m_cookies.find(name);
        return found == m_cookies.end() ? std::string() : found->second;
    }

private:
    Response send(Method method, std::string_view target, std::string body) {
        Request request;
        request.method = method;
        request.remote_address = "192.0.2.10";
        auto question = target.find('?');
        request.path = std::string(target.substr(0, question));
        if (question != std::string_view::npos) {
            auto query = parse_query(target.substr(question + 1), core::Lang::Da);
            EXPECT_TRUE(query) << target;
            if (query) {
                request.query = std::move(*query);
            }
        }
        for (const auto& [name, value] : m_cookies) {
            request.cookies.add(name, value);
        }
        if (method == Method::Post) {
            request.headers.add("content-type", "application/x-www-form-urlencoded");
        }
        request.body = std::move(body);
        Response response = m_app->handle(request);
        remember_cookies(response);
        if (std::string token = csrf_in(response.body); !token.empty()) {
            m_csrf = std::move(token);
        }
        return response;
    }

    void remember_cookies(const Response& response) {
        for (const auto& [header, value] : response.headers) {
            if (header != "Set-Cookie") {
                continue;
            }
            auto eq = value.find('=');
            auto end = value.find(';');
            std::string name = value.substr(0, eq);
            std::string content =
                value.substr(eq + 1, end == std::string::npos ? end : end - eq - 1);
            bool removed = value.find("Max-Age=0") != std::string::npos;
            if (removed || content.empty()) {
                m_cookies.erase(name);
            } else {
                m_cookies[name] = content;
            }
        }
    }

    const Application* m_app;
    std::map<std::string, std::string> m_cookies;
    std::string m_csrf;
};

class PageTest : public ::testing::Test {
protected:
    // The routes under test besides account_routes (which every page needs for signing in).
    virtual std::vector<Route> page_routes(const views::Templates& templates) = 0;

    void SetUp() override {
        char pattern[] = "/tmp/samskab-pages-XXXXXX";
        ASSERT_NE(mkdtemp(pattern), nullptr);
        m_dir = pattern;
        auto stores =
            storage::sqlite::SqliteStores::open((m_dir / "pages.db").string(), 2, m_clock);
        ASSERT_TRUE(stores) << stores.error().message;
        m_stores = std::make_unique<storage::sqlite::SqliteStores>(std::move(*stores));
        auto hasher = security::SodiumPasswordHasher::create(security::HashCost::Minimum);
        ASSERT_TRUE(hasher);
        m_hasher = std::make_unique<security::SodiumPasswordHasher>(std::move(*hasher));
        auto tokens = security::SodiumTokenSource::create();
        ASSERT_TRUE(tokens);
        m_tokens = std::make_unique<security::SodiumTokenSource>(std::move(*tokens));
        m_auth =
            std::make_unique<core::AuthService>(*m_stores->accounts, *m_hasher, *m_tokens, m_clock);
        m_services =
            std::make_unique<Services>(Services{*m_stores->accounts, *m_stores->community,
                                                *m_stores->store, *m_auth, m_clock, m_config});
        m_services->logbooks = m_stores->logbooks.get();
        std::vector<Route> routes = account_routes(m_templates);
        for (Route& route : page_routes(m_templates)) {
            routes.push_back(std::move(route));
        }
        m_app = std::make_unique<Application>(
            *m_services, std::move(routes),
            [this](const RequestContext& ctx, int status, std::string_view message) {
                return error_page(ctx, m_templates, status, message);
            });
    }

    void TearDown() override {
        m_app.reset();
        m_services.reset();
        m_auth.reset();
        m_stores.reset();
        std::error_code ignored;
        std::filesystem::remove_all(m_dir, ignored);
    }

    // Stores the records of `bundle` (partnerships, places, people, activities, ...).
    void import(const core::Bundle& bundle) {
        auto imported = m_stores->store->import_bundle(bundle);
        ASSERT_TRUE(imported) << imported.error().message;
    }

    // An account with the password PASSWORD; returns its id.
    std::int64_t add_account(const std::string& email, const std::string& name,
                             const std::string& person, std::vector<core::RoleGrant> roles) {
        auto hash = m_hasher->hash(PASSWORD);
        EXPECT_TRUE(hash);
        auto id = m_stores->accounts->create_account(
            core::NewAccount{email, name, person, std::move(roles), hash ? *hash : ""});
        EXPECT_TRUE(id) << (id ? "" : id.error().message);
        return id ? *id : 0;
    }

    Browser browser() const { return Browser(*m_app); }

    // A browser signed in through the login form (GET /login, then POST /login).
    Browser signed_in(const std::string& email) {
        Browser b = browser();
        b.get("/login");
        Response response =
            b.post("/login", {{"email", email}, {"password", std::string(PASSWORD)}});
        EXPECT_EQ(response.status, 303) << email << ": " << response.body;
        EXPECT_FALSE(b.cookie(std::string(SESSION_COOKIE)).empty()) << email;
        // The session has a CSRF token of its own; every signed-in page carries it (the layout's
        // logout form).
        b.get("/account/password");
        return b;
    }

    std::filesystem::path m_dir;
    core::FixedClock m_clock{NOW};
    WebConfig m_config;
    views::Templates m_templates;
    std::unique_ptr<storage::sqlite::SqliteStores> m_stores;
    std::unique_ptr<security::SodiumPasswordHasher> m_hasher;
    std::unique_ptr<security::SodiumTokenSource> m_tokens;
    std::unique_ptr<core::AuthService> m_auth;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<Application> m_app;
};

}  // namespace samskab::web::pages::testing
