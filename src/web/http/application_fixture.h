#pragma once

// The dispatcher's tests run the real Application over real SQLite stores in a temporary
// directory, with real argon2id (libsodium's minimum cost) and real tokens, and a small set of
// routes that record what they were called with.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "core/auth_service.h"
#include "security/sodium_password_hasher.h"
#include "security/sodium_token_source.h"
#include "storage/sqlite/sqlite_account_store.h"
#include "storage/sqlite/sqlite_community_store.h"
#include "storage/sqlite/sqlite_pool.h"
#include "storage/sqlite/sqlite_store.h"
#include "web/http/application.h"
#include "web/http/cookies.h"

namespace samskab::web {

inline constexpr std::string_view TEST_PASSWORD = "korrekt hest batteri";

class ApplicationTest : public ::testing::Test {
protected:
    // What the last handler saw.
    struct Seen {
        int calls = 0;
        std::string route;
        Params params;
        std::optional<core::Principal> principal;
        std::string csrf_token;
        core::Lang lang = core::Lang::Da;
    };

    void SetUp() override {
        char pattern[] = "/tmp/samskab-http-XXXXXX";
        ASSERT_NE(mkdtemp(pattern), nullptr);
        m_dir = pattern;
        const std::string db = (m_dir / "web.db").string();
        std::filesystem::create_directories(m_dir / "static" / "css");
        std::ofstream(m_dir / "static" / "css" / "site.css") << "main{}";
        m_config.static_dir = (m_dir / "static").string();

        auto pool = storage::sqlite::ConnectionPool::open(db, 2);
        ASSERT_TRUE(pool) << pool.error().message;
        m_pool = *pool;
        auto store = storage::sqlite::SqliteStore::open(db);
        ASSERT_TRUE(store) << store.error().message;
        m_store = std::move(*store);
        auto hasher = security::SodiumPasswordHasher::create(security::HashCost::Minimum);
        ASSERT_TRUE(hasher);
        m_hasher = std::make_unique<security::SodiumPasswordHasher>(std::move(*hasher));
        auto tokens = security::SodiumTokenSource::create();
        ASSERT_TRUE(tokens);
        m_tokens = std::make_unique<security::SodiumTokenSource>(std::move(*tokens));
        m_accounts = std::make_unique<storage::sqlite::SqliteAccountStore>(m_pool, m_clock);
        m_community = std::make_unique<storage::sqlite::SqliteCommunityStore>(m_pool);
        m_auth = std::make_unique<core::AuthService>(*m_accounts, *m_hasher, *m_tokens, m_clock);
        m_services = std::make_unique<Services>(
            Services{*m_accounts, *m_community, *m_store, *m_auth, m_clock, m_config});
        make_app({});

        add_account("deltager@example.dk", core::AccountRole::Participant);
        add_account("koordinator@example.dk", core::AccountRole::Coordinator);
    }

    void TearDown() override {
        m_app.reset();
        m_services.reset();
        m_auth.reset();
        m_community.reset();
        m_accounts.reset();
        m_store.reset();
        m_pool.reset();
        std::error_code ignored;
        std::filesystem::remove_all(m_dir, ignored);
    }

    void make_app(ErrorPageRenderer error_page) {
        m_app = std::make_unique<Application>(*m_services, routes(), std::move(error_page));
    }

    Handler recorder(std::string name) {
        return [this, name](RequestContext& ctx) {
            ++m_seen.calls;
            m_seen.route = name;
            m_seen.params = ctx.params;
            m_seen.principal = ctx.principal;
            m_seen.csrf_token = ctx.csrf_token;
            m_seen.lang = ctx.lang;
            return Response::html("<p>" + name + "</p>");
        };
    }

    std::vector<Route> routes() {
        using core::AccountRole;
        std::vector<Route> r;
        r.push_back({Method::Get, "/", false, true, {}, recorder("home")});
        r.push_back({Method::Post, "/login", false, true, {}, recorder("login")});
        r.push_back({Method::Get, "/mine", false, false, {}, recorder("mine")});
        r.push_back({Method::Post, "/activities/:id/join", false, false, {}, recorder("join")});
        r.push_back({Method::Get,
                     "/coordinate",
                     false,
                     false,
                     {AccountRole::Coordinator},
                     recorder("coordinate")});
        r.push_back({Method::Get, "/api/v1/me", true, false, {}, recorder("api-me")});
        r.push_back({Method::Post, "/api/v1/things", true, false, {}, recorder("api-post")});
        r.push_back({Method::Get, "/boom", false, true, {}, [](RequestContext&) -> Response {
                         throw std::runtime_error("handler exploded");
                     }});
        r.push_back({Method::Get, "/api/v1/boom", true, true, {}, [](RequestContext&) -> Response {
                         throw 42;
                     }});
        return r;
    }

    void add_account(const std::string& email, core::AccountRole role) {
        auto hash = m_hasher->hash(TEST_PASSWORD);
        ASSERT_TRUE(hash);
        auto id = m_accounts->create_account(
            core::NewAccount{email, "Navn", "", {core::RoleGrant{role, "", ""}}, *hash});
        ASSERT_TRUE(id) << id.error().message;
    }

    // The session token and CSRF token of a fresh sign-in.
    struct SignedIn {
        std::string token;
        std::string csrf;
    };
    SignedIn sign_in(std::string_view email) {
        auto signed_in = m_auth->login(email, TEST_PASSWORD, "127.0.0.1", core::Lang::Da);
        EXPECT_TRUE(signed_in) << (signed_in ? "" : signed_in.error().message);
        if (!signed_in) {
            return {};
        }
        return SignedIn{signed_in->token, signed_in->session.csrf_token};
    }

    static Request request(Method method, std::string path, const SignedIn* session = nullptr) {
        Request r;
        r.method = method;
        r.path = std::move(path);
        r.remote_address = "127.0.0.1";
        if (session != nullptr) {
            r.cookies.add(std::string(SESSION_COOKIE), session->token);
        }
        return r;
    }

    static Request form_post(std::string path, std::string body,
                             const SignedIn* session = nullptr) {
        Request r = request(Method::Post, std::move(path), session);
        r.headers.add("content-type", "application/x-www-form-urlencoded");
        r.body = std::move(body);
        return r;
    }

    // The value of the Set-Cookie header for `name`, up to the first ';', or "".
    static std::string cookie_value(const Response& response, std::string_view name) {
        for (const auto& [header, value] : response.headers) {
            if (header == "Set-Cookie" && value.rfind(std::string(name) + "=", 0) == 0) {
                const std::string pair = value.substr(0, value.find(';'));
                return pair.substr(name.size() + 1);
            }
        }
        return {};
    }

    std::filesystem::path m_dir;
    core::FixedClock m_clock{core::LocalTime{20514} * 86400 + 9 * 3600};  // 2026-03-02 09:00
    WebConfig m_config;
    std::shared_ptr<storage::sqlite::ConnectionPool> m_pool;
    std::unique_ptr<storage::sqlite::SqliteAccountStore> m_accounts;
    std::unique_ptr<storage::sqlite::SqliteCommunityStore> m_community;
    std::unique_ptr<storage::sqlite::SqliteStore> m_store;
    std::unique_ptr<security::SodiumPasswordHasher> m_hasher;
    std::unique_ptr<security::SodiumTokenSource> m_tokens;
    std::unique_ptr<core::AuthService> m_auth;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<Application> m_app;
    Seen m_seen;
};

}  // namespace samskab::web
