#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "core/vocabulary.h"
#include "storage/postgres/postgres_connection.h"
#include "storage/postgres/postgres_copy.h"

namespace samskab::storage::postgres {

// Reading stored records back (export, dataset): the fields of COPY rows as samskab's types.
// Every value was written by samskab in the bundle's format; one that does not read back means
// the database was changed behind samskab's back, which is a Storage error naming the server.
class StoredFields {
public:
    explicit StoredFields(const Connection& connection) : m_connection(connection) {}

    core::Result<std::int64_t> key(const CopyRow& row, std::size_t column) const;
    core::Result<double> real(const CopyRow& row, std::size_t column) const;
    core::Result<core::Day> day(const CopyRow& row, std::size_t column) const;
    core::Result<std::optional<core::Day>> optional_day(const CopyRow& row,
                                                        std::size_t column) const;
    core::Result<core::LocalTime> time(const CopyRow& row, std::size_t column) const;

    template <class E>
    core::Result<E> vocabulary(const CopyRow& row, std::size_t column) const {
        if (auto value = core::parse_name<E>(row.text(column))) {
            return *value;
        }
        return damaged(row, column);
    }

    // Calls `each(const CopyRow&)`, which returns Result<void>, for every row of `table`.
    template <class Each>
    core::Result<void> each_row(pqxx::transaction_base& transaction, const std::string& table,
                                const std::vector<std::string>& columns, Each&& each) const {
        std::optional<core::Error> failure;
        const bool complete = copy_out(transaction, table, columns, [&](const CopyRow& row) {
            auto result = each(row);
            if (!result) {
                failure = result.error();
            }
            return result.has_value();
        });
        if (failure) {
            return tl::unexpected(*failure);
        }
        if (!complete) {
            return tl::unexpected(m_connection.error("a row of " + table + " is damaged"));
        }
        return {};
    }

private:
    tl::unexpected<core::Error> damaged(const CopyRow& row, std::size_t column) const;
    const Connection& m_connection;
};

}  // namespace samskab::storage::postgres

// Assigns the value of a Result expression to `target`, or returns its error.
#define SAMSKAB_PG_ASSIGN(target, expression)              \
    do {                                                   \
        auto samskab_value_ = (expression);                \
        if (!samskab_value_) {                             \
            return tl::unexpected(samskab_value_.error()); \
        }                                                  \
        target = std::move(*samskab_value_);               \
    } while (false)
