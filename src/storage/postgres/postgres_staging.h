#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <pqxx/pqxx>

#include "core/bundle.h"
#include "core/store.h"

namespace samskab::storage::postgres {

// How many rows each staging table received.
class StagedCounts {
public:
    void set(std::string_view stage, std::size_t rows) { m_rows[std::string(stage)] = rows; }
    std::size_t rows(std::string_view stage) const;
    // What an import that wrote every staged row reports.
    core::ImportSummary summary() const;

private:
    std::map<std::string, std::size_t> m_rows;
};

// Creates a temporary table `stage_<table>` per collection (dropped at commit) and copies the
// bundle into them with COPY, bundle ids still as text. Relations are staged with `a` the
// person whose id sorts first (bytewise), so that a pair has one spelling as in SQLite.
// Throws what libpqxx throws.
StagedCounts stage_bundle(pqxx::work& transaction, const core::Bundle& bundle);

// A column of a staging table that names a record of `table` by its bundle id; an optional
// one may be null.
struct Reference {
    std::string_view column;
    std::string_view table;
    bool optional = false;
};

// The first id in `stage`.`reference.column` that names no record of `reference.table`
// (nulls are not references), or nullopt.
std::optional<std::string> first_unresolved(pqxx::work& transaction, std::string_view stage,
                                            const Reference& reference);

}  // namespace samskab::storage::postgres
