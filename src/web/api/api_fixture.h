#pragma once

// The API's tests run the whole Application (dispatcher, sessions, CSRF) over real SQLite
// stores in a temporary directory, with real argon2id at libsodium's minimum cost.
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/auth_service.h"
#include "core/bundle.h"
#include "security/sodium_password_hasher.h"
#include "security/sodium_token_source.h"
#include "storage/sqlite/sqlite_account_store.h"
#include "storage/sqlite/sqlite_community_store.h"
#include "storage/sqlite/sqlite_pool.h"
#include "storage/sqlite/sqlite_store.h"
#include "web/api/api.h"
#include "web/http/application.h"

namespace samskab::web::api {

inline constexpr std::string_view PASSWORD = "korrekt hest batteri";

// Two partnerships: p1 with places pl1 and pl2, p2 with place pl3. Alice (support need, with
// consent), Bob and Carol are people of p1; Dave of p2. Activity act1 at pl1 has occ1
// tomorrow (Alice takes part) and occ-past yesterday (Bob took part); act3 at pl3 has occ3
// tomorrow. The clock stands on Monday 2026-03-02 09:00.
class ApiTest : public ::testing::Test {
protected:
    struct Session {
        std::string cookie;  // "samskab_session=..."
        std::string csrf;
    };

    void SetUp() override;
    void TearDown() override;

    // Accounts, each with PASSWORD:
    //   alice@example.dk  participant in p1, person alice
    //   bob@example.dk    participant at pl1, person bob
    //   host@example.dk   host at pl1
    //   coord@example.dk  coordinator of p1
    //   placecoord@example.dk coordinator at pl2
    //   coord2@example.dk coordinator of p2
    //   analyst@example.dk analyst everywhere
    Session sign_in(std::string_view email);

    // `target` is a path with an optional "?name=value&..." query (no percent-encoding).
    Response get(std::string_view target, const Session* session = nullptr);
    Response post(std::string_view target, std::string_view body, const Session* session,
                  std::string_view content_type = "application/json");

    static nlohmann::json json_of(const Response& response);

    core::Day today() const;

    std::filesystem::path m_dir;
    core::FixedClock m_clock{0};
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

private:
    Request request(Method method, std::string_view target, const Session* session);
    void add_account(std::string email, std::string person, core::RoleGrant grant);
};

}  // namespace samskab::web::api
