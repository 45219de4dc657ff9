#include "core/name_fold.h"

#include <gtest/gtest.h>

namespace samskab::core {
namespace {

TEST(FoldName, LowersAsciiAndLatinLetters) {
    EXPECT_EQ(fold_name("ÆØÅ æøå ABC"), "æøå æøå abc");
    EXPECT_EQ(fold_name("ÄÖÜÉ Łukasz ŠŤ Ÿ"), "äöüé łukasz šť ÿ");
    EXPECT_EQ(fold_name("×ß€"), "×ß€");  // not letters with a lower case here: unchanged
    EXPECT_EQ(fold_name(std::string("a\xC3", 2)), std::string("a\xC3", 2));
}

}  // namespace
}  // namespace samskab::core
