#pragma once

// The fixture of the conformance tests: every test of the day-to-day stores (accounts, the
// community, logbooks, interviews, surveys) runs against each store samskab has, SQLite (a file per
// test) and PostgreSQL (a database per test, on the server named by SAMSKAB_TEST_PG_URL), so that
// the two behave exactly alike. Each test starts from community_bundle(), imported through the
// bundle store as the CLI does, with the stores opened the way the application opens them.

#include <filesystem>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "core/bundle.h"
#include "core/clock.h"
#include "core/date.h"
#include "storage/postgres/postgres_stores.h"
#include "storage/postgres/postgres_test_database.h"
#include "storage/sqlite/sqlite_stores.h"

namespace samskab::storage::conformance {

enum class Backend { Sqlite, Postgres };

// Whether `id` is "<prefix>-" and 12 lower-case hex digits, the shape of ids the stores make.
// (Not std::regex: GCC 12 warns falsely inside <regex> in the sanitizer build.)
bool is_generated_id(const std::string& id, const std::string& prefix);

inline core::LocalTime at(const char* text) {
    return *core::parse_local_time(text);
}

inline core::Day day(const char* text) {
    return *core::parse_date(text);
}

// Two partnerships. Vimby: the café (cafe) with activity a1 (occurrences o1, o2); INSP!: the
// house with a2 (o3). p1 Åse (support need, with consent) visited the café and takes part in
// o1; p2 Bo hosts o1 and is accompanied by p5 Carl in Vimby; p3 Øjvind has only a membership
// once a test adds one; p4 Zoe takes part in o3 (INSP!); p6 Dorte is nowhere.
core::Bundle community_bundle();

class ConformanceTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override;
    void TearDown() override;

    Backend backend() const { return GetParam(); }
    core::CommunityStore& store() { return *m_community; }
    core::AccountStore& accounts() { return *m_accounts; }
    core::Store& bundle_store() { return *m_store; }
    core::LogbookStore& logbooks() { return *m_logbooks; }
    core::InterviewStore& interviews() { return *m_interviews; }
    core::SurveyStore& surveys() { return *m_surveys; }

    // The first column of the first row of `text`, run beside the stores on a connection of
    // its own (to see what is really stored), as text; "<none>" when there is no row, "" for
    // a null. Write the SQL that both databases understand.
    std::string sql(const std::string& text);
    // A free text as the stores see it: `text` selects the sealed column, the plaintext column
    // and the value's context (as storage/postgres/postgres_fields.h names it), and the first
    // row's sealed value is opened with the tests' key when there is one, else its plaintext
    // given. SQLite here has no key, so its sealed columns are NULL; PostgreSQL's stores always
    // seal. "<none>" when there is no row.
    std::string sql_opened(const std::string& text);
    // Runs `text` beside the stores (to write what the stores would refuse); false when the
    // database refuses it.
    bool sql_exec(const std::string& text);

    // A new account with no roles.
    std::int64_t account(const std::string& email, const std::string& name);

    core::FixedClock m_clock{at("2024-03-04T09:00:00")};

private:
    // Column `column` of the first row of `text` on the SQLite database, as sql() gives it;
    // `null`, when given, tells whether it is NULL.
    std::string sqlite_cell(const std::string& text, int column, bool* null = nullptr);

    std::filesystem::path m_dir;  // SQLite
    std::string m_path;
    sqlite::SqliteStores m_sqlite;
    std::unique_ptr<postgres::testing::TestDatabase> m_database;  // PostgreSQL
    postgres::PostgresStores m_postgres;

    core::CommunityStore* m_community = nullptr;
    core::AccountStore* m_accounts = nullptr;
    core::Store* m_store = nullptr;
    core::LogbookStore* m_logbooks = nullptr;
    core::InterviewStore* m_interviews = nullptr;
    core::SurveyStore* m_surveys = nullptr;
};

}  // namespace samskab::storage::conformance
