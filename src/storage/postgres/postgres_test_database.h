#pragma once

// Test support: a PostgreSQL database of its own for each test, on the server named by
// SAMSKAB_TEST_PG_URL (scripts/with_postgres.sh starts a throwaway one and sets it), so that
// tests are independent and run in parallel. Without that variable a PostgreSQL test fails,
// unless SAMSKAB_TEST_PG=skip says that skipping is intended: CI must not pass by skipping.

#include <atomic>
#include <cstdlib>
#include <memory>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>

#include <unistd.h>

#include <pqxx/pqxx>

#include "core/field_cipher.h"
#include "security/sodium_field_cipher.h"

namespace samskab::storage::postgres::testing {

// The test server's URL, or nullopt.
inline std::optional<std::string> test_server() {
    const char* url = std::getenv("SAMSKAB_TEST_PG_URL");
    if (url == nullptr || *url == '\0') {
        return std::nullopt;
    }
    return std::string(url);
}

inline bool skipping_allowed() {
    const char* skip = std::getenv("SAMSKAB_TEST_PG");
    return skip != nullptr && std::string(skip) == "skip";
}

inline constexpr const char* NO_SERVER =
    "SAMSKAB_TEST_PG_URL is not set, so there is no PostgreSQL server to test against. Run the "
    "tests under scripts/with_postgres.sh (make test does), or set SAMSKAB_TEST_PG_URL to a "
    "server where the user may create databases, or set SAMSKAB_TEST_PG=skip to skip them.";

// In a GoogleTest fixture's SetUp or a test body: fails (or skips, when allowed) without a
// server.
#define SAMSKAB_REQUIRE_TEST_PG()                                            \
    do {                                                                     \
        if (!::samskab::storage::postgres::testing::test_server()) {         \
            if (::samskab::storage::postgres::testing::skipping_allowed()) { \
                GTEST_SKIP() << "SAMSKAB_TEST_PG=skip";                      \
            }                                                                \
            FAIL() << ::samskab::storage::postgres::testing::NO_SERVER;      \
        }                                                                    \
    } while (false)

// `url` with its database name replaced by `name`.
inline std::string with_database(const std::string& url, const std::string& name) {
    const size_t authority = url.find("://");
    const size_t start = authority == std::string::npos ? 0 : authority + 3;
    const size_t query = url.find('?', start);
    const size_t slash = url.find('/', start);
    const std::string tail = query == std::string::npos ? "" : url.substr(query);
    if (slash == std::string::npos || (query != std::string::npos && slash > query)) {
        return url.substr(0, query) + "/" + name + tail;
    }
    return url.substr(0, slash) + "/" + name + tail;
}

// A database created for one test and dropped with it (with the connections still open to it).
class TestDatabase {
public:
    explicit TestDatabase(std::string server) : m_server(std::move(server)) {
        static std::atomic<int> counter{0};
        m_name = "samskab_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++) +
                 "_" + std::to_string(std::random_device{}() % 100000);
        pqxx::connection admin(m_server);
        pqxx::nontransaction create(admin);
        create.exec("CREATE DATABASE " + create.quote_name(m_name));
        m_url = with_database(m_server, m_name);
    }
    ~TestDatabase() {
        try {
            pqxx::connection admin(m_server);
            pqxx::nontransaction drop(admin);
            drop.exec("DROP DATABASE IF EXISTS " + drop.quote_name(m_name) + " WITH (FORCE)");
        } catch (const pqxx::pqxx_exception&) {
            // A database left behind lives on a throwaway server; the test's result stands.
        }
    }
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    const std::string& url() const { return m_url; }

    // Runs `sql` in a transaction of its own, outside any store; false (with the server's
    // message in `error`) when the database refuses it.
    bool exec(const std::string& sql, std::string* error = nullptr) const {
        try {
            pqxx::connection connection(m_url);
            pqxx::work transaction(connection);
            transaction.exec(sql);
            transaction.commit();
            return true;
        } catch (const pqxx::pqxx_exception& e) {
            if (error) {
                *error = e.base().what();
            }
            return false;
        }
    }

    // The first column of the first row of `sql`, as text ("" for no row or a null).
    std::string query(const std::string& sql) const {
        pqxx::connection connection(m_url);
        pqxx::nontransaction transaction(connection);
        const pqxx::result result = transaction.exec(sql);
        return result.empty() || result[0][0].is_null() ? "" : result[0][0].as<std::string>();
    }

private:
    std::string m_server;
    std::string m_name;
    std::string m_url;
};

// The key the tests' PostgreSQL stores seal with (the stores always have one): a fixed key, so
// that a test can open its database again. Tests that link it link samskab_security.
inline std::shared_ptr<const core::FieldCipher> test_cipher(char fill = 'k') {
    auto cipher = security::SodiumFieldCipher::from_key(
        std::string(security::SodiumFieldCipher::KEY_BYTES, fill), core::Lang::En);
    if (!cipher) {
        throw std::runtime_error(cipher.error().message);
    }
    return std::shared_ptr<const core::FieldCipher>(std::move(*cipher));
}

}  // namespace samskab::storage::postgres::testing
