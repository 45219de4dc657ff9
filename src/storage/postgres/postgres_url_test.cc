#include "storage/postgres/postgres_url.h"

#include <gtest/gtest.h>

namespace samskab::storage::postgres {
namespace {

TEST(DescribeServer, DropsThePasswordOfTheUserPart) {
    EXPECT_EQ(describe_server("postgresql://samskab:hemmeligt@db.example:5432/roskilde"),
              "postgresql://samskab@db.example:5432/roskilde");
    EXPECT_EQ(describe_server("postgres://u:p@h/d"), "postgres://u@h/d");
}

TEST(DescribeServer, DropsAPasswordThatWasNotPercentEncoded) {
    EXPECT_EQ(describe_server("postgresql://u:a/b@c@h:1/d"), "postgresql://u@h:1/d");
}

TEST(DescribeServer, DropsThePasswordParameterAndKeepsTheOthers) {
    EXPECT_EQ(describe_server("postgresql://h/d?sslmode=require&password=x&connect_timeout=5"),
              "postgresql://h/d?sslmode=require&connect_timeout=5");
    EXPECT_EQ(describe_server("postgresql://h/d?password=x"), "postgresql://h/d");
}

TEST(DescribeServer, KeepsWhatHasNoPassword) {
    EXPECT_EQ(describe_server("postgresql://postgres@127.0.0.1:5432/postgres"),
              "postgresql://postgres@127.0.0.1:5432/postgres");
    EXPECT_EQ(describe_server("postgresql:///samskab"), "postgresql:///samskab");
    EXPECT_EQ(describe_server("samskab.db"), "samskab.db");
}

}  // namespace
}  // namespace samskab::storage::postgres
