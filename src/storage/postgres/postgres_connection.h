#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <pqxx/pqxx>

#include "core/result.h"
#include "storage/postgres/postgres_url.h"

namespace samskab::storage::postgres {

// Keys of the transaction-level advisory locks samskab takes (arbitrary, fixed numbers that
// spell "samskab" and the purpose in hex, so that they are recognisable in pg_locks).
inline constexpr std::int64_t MIGRATION_LOCK = 0x73616d736b616201;  // schema migrations
inline constexpr std::int64_t IMPORT_LOCK = 0x73616d736b616202;     // one import at a time
inline constexpr std::int64_t FIELDS_LOCK = 0x73616d736b616203;     // sealing, key rotation

// The first line of a libpqxx error without its "ERROR:" prefix. PostgreSQL adds DETAIL lines
// that quote the offending row, and a row of samskab holds names and support needs, which have
// no place in an error message.
std::string first_line(std::string_view message);

// An open connection with samskab's session settings. Not to be shared between threads.
class Connection {
public:
    // Connects to `url`. Storage error, naming the server, when the server cannot be reached
    // or refuses the login.
    static core::Result<std::unique_ptr<Connection>> open(const std::string& url);

    pqxx::connection& handle() { return *m_connection; }
    const std::string& server() const { return m_server; }

    // A failure of the database as a Storage error naming the server.
    core::Error error(std::string_view what) const;

    // Runs `body`, which talks to the database through libpqxx and returns core::Result<T>.
    // libpqxx reports every failure by exception; this is the one place in the store where
    // they are caught and turned into Storage errors. An open transaction of `body` is rolled
    // back as the exception leaves it.
    template <class T, class Body>
    core::Result<T> guard(Body&& body) {
        try {
            return body();
        } catch (const pqxx::pqxx_exception& e) {
            return tl::unexpected(error(first_line(e.base().what())));
        }
    }

private:
    Connection(std::unique_ptr<pqxx::connection> connection, std::string server)
        : m_connection(std::move(connection)), m_server(std::move(server)) {}
    std::unique_ptr<pqxx::connection> m_connection;
    std::string m_server;
};

}  // namespace samskab::storage::postgres

// Returns the error of a failed Result expression from the enclosing function.
#define SAMSKAB_PG_TRY(expression)                              \
    do {                                                        \
        auto samskab_try_result_ = (expression);                \
        if (!samskab_try_result_) {                             \
            return tl::unexpected(samskab_try_result_.error()); \
        }                                                       \
    } while (false)
