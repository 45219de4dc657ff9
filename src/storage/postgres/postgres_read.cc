#include "storage/postgres/postgres_read.h"

namespace samskab::storage::postgres {

tl::unexpected<core::Error> StoredFields::damaged(const CopyRow& row, std::size_t column) const {
    return tl::unexpected(
        m_connection.error("a stored value is damaged: \"" + std::string(row.text(column)) + "\""));
}

core::Result<std::int64_t> StoredFields::key(const CopyRow& row, std::size_t column) const {
    if (auto value = row.integer(column)) {
        return *value;
    }
    return damaged(row, column);
}

core::Result<double> StoredFields::real(const CopyRow& row, std::size_t column) const {
    if (auto value = row.real(column)) {
        return *value;
    }
    return damaged(row, column);
}

core::Result<core::Day> StoredFields::day(const CopyRow& row, std::size_t column) const {
    if (auto value = core::parse_date(row.text(column))) {
        return *value;
    }
    return damaged(row, column);
}

core::Result<std::optional<core::Day>> StoredFields::optional_day(const CopyRow& row,
                                                                  std::size_t column) const {
    if (row.is_null(column)) {
        return std::optional<core::Day>();
    }
    auto value = day(row, column);
    if (!value) {
        return tl::unexpected(value.error());
    }
    return std::optional<core::Day>(*value);
}

core::Result<core::LocalTime> StoredFields::time(const CopyRow& row, std::size_t column) const {
    if (auto value = core::parse_local_time(row.text(column))) {
        return *value;
    }
    return damaged(row, column);
}

}  // namespace samskab::storage::postgres
