#include "storage/postgres/postgres_copy.h"

#include <gtest/gtest.h>

namespace samskab::storage::postgres {
namespace {

TEST(CopyUnescape, UndoesEveryEscapeOfTheTextFormat) {
    EXPECT_EQ(copy_unescape("a\\tb\\nc\\rd\\\\e"), "a\tb\nc\rd\\e");
    EXPECT_EQ(copy_unescape("\\b\\f\\v"), "\b\f\v");
    EXPECT_EQ(copy_unescape("\\101\\x42\\7"), "AB\x07");
    EXPECT_EQ(copy_unescape("\\N"), "N");  // only a whole field \N is null
    EXPECT_EQ(copy_unescape("Åse 🌻"), "Åse 🌻");
}

TEST(CopyRow, SplitsFieldsAndKnowsNulls) {
    CopyRow row;
    ASSERT_TRUE(row.parse("42\t\\N\tx\\ty\t0.3\tt", 5));
    EXPECT_EQ(row.integer(0), 42);
    EXPECT_TRUE(row.is_null(1));
    EXPECT_FALSE(row.integer(1));
    EXPECT_EQ(row.text(2), "x\ty");
    EXPECT_EQ(row.real(3), 0.3);
    EXPECT_TRUE(row.boolean(4));
    ASSERT_TRUE(row.parse("\t", 2));
    EXPECT_EQ(row.text(0), "");
    EXPECT_FALSE(row.is_null(0));
}

TEST(CopyRow, RefusesAnotherNumberOfFields) {
    CopyRow row;
    EXPECT_FALSE(row.parse("1\t2", 3));
    EXPECT_FALSE(row.parse("1\t2\t3\t4", 3));
    EXPECT_FALSE(row.parse("1\t2", 1));
}

}  // namespace
}  // namespace samskab::storage::postgres
