#include "storage/postgres/postgres_connection.h"

namespace samskab::storage::postgres {

std::string first_line(std::string_view message) {
    message = message.substr(0, message.find('\n'));
    for (std::string_view prefix : {"ERROR:", "FATAL:"}) {
        if (message.rfind(prefix, 0) == 0) {
            message.remove_prefix(prefix.size());
        }
    }
    while (!message.empty() && (message.front() == ' ' || message.front() == '\t')) {
        message.remove_prefix(1);
    }
    while (!message.empty() && (message.back() == ' ' || message.back() == '\r')) {
        message.remove_suffix(1);
    }
    return std::string(message);
}

core::Result<std::unique_ptr<Connection>> Connection::open(const std::string& url) {
    std::string server = describe_server(url);
    try {
        auto connection = std::make_unique<pqxx::connection>(url);
        // Bundle text is UTF-8 whatever the server's default; shortest exact float output so
        // that a threshold reads back as the double that was written; staging tables of a
        // large import fit in memory (the buffers are allocated only as they are used);
        // notices ("already exists, skipping") would go to stderr, between a command's output.
        pqxx::nontransaction setup(*connection);
        setup.exec(
            "SET client_encoding = 'UTF8'; SET extra_float_digits = 1; "
            "SET temp_buffers = '256MB'; SET client_min_messages = warning; "
            "SET application_name = 'samskab'");
        setup.commit();
        return std::unique_ptr<Connection>(new Connection(std::move(connection), server));
    } catch (const pqxx::pqxx_exception& e) {
        return core::fail(core::ErrorCode::Storage, server + ": " + first_line(e.base().what()));
    }
}

core::Error Connection::error(std::string_view what) const {
    return {core::ErrorCode::Storage, m_server + ": " + std::string(what), {}};
}

}  // namespace samskab::storage::postgres
