#include "analytics/html_escape.h"

#include <gtest/gtest.h>

namespace samskab::analytics {
namespace {

TEST(HtmlEscape, EscapesMarkupCharacters) {
    EXPECT_EQ(html_escape("<script>alert('x')</script>"),
              "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    EXPECT_EQ(html_escape("a & b \"c\""), "a &amp; b &quot;c&quot;");
}

TEST(HtmlEscape, EscapesAnAmpersandOnlyOnce) {
    EXPECT_EQ(html_escape("&amp;"), "&amp;amp;");
}

TEST(HtmlEscape, KeepsOtherTextIncludingUtf8) {
    EXPECT_EQ(html_escape("Fællesspisning – 30 %"), "Fællesspisning – 30 %");
    EXPECT_EQ(html_escape(""), "");
}

}  // namespace
}  // namespace samskab::analytics
