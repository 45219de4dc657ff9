#include "web/http/http_parsing.h"

#include <gtest/gtest.h>

namespace samskab::web {
namespace {

using core::Lang;

TEST(PercentDecodeTest, DecodesEscapesInEitherCase) {
    EXPECT_EQ(percent_decode("a%20b%2fc%2Fd", false), "a b/c/d");
    EXPECT_EQ(percent_decode("S%C3%B8ren", false), "Søren");
    EXPECT_EQ(percent_decode("", false), "");
    EXPECT_EQ(percent_decode("%00", false), std::string(1, '\0'));
}

TEST(PercentDecodeTest, PlusIsASpaceOnlyWhenAsked) {
    EXPECT_EQ(percent_decode("a+b", true), "a b");
    EXPECT_EQ(percent_decode("a+b", false), "a+b");
    EXPECT_EQ(percent_decode("a%2Bb", true), "a+b");
}

TEST(PercentDecodeTest, BadEscapesAreRefused) {
    EXPECT_FALSE(percent_decode("%", false));
    EXPECT_FALSE(percent_decode("%4", false));
    EXPECT_FALSE(percent_decode("abc%", false));
    EXPECT_FALSE(percent_decode("%zz", false));
    EXPECT_FALSE(percent_decode("%g0", false));
    EXPECT_FALSE(percent_decode("%0g", false));
    EXPECT_FALSE(percent_decode("100%", true));
}

TEST(PercentEncodeTest, KeepsOnlyUnreservedCharacters) {
    EXPECT_EQ(percent_encode("Az09-._~"), "Az09-._~");
    EXPECT_EQ(percent_encode("/a b?c=d&e"), "%2Fa%20b%3Fc%3Dd%26e");
    EXPECT_EQ(percent_encode("ø"), "%C3%B8");
    EXPECT_EQ(percent_decode(percent_encode("x/y?z=æ+1"), false), "x/y?z=æ+1");
}

TEST(Utf8Test, AcceptsWellFormedText) {
    EXPECT_TRUE(valid_utf8(""));
    EXPECT_TRUE(valid_utf8("ascii"));
    EXPECT_TRUE(valid_utf8("Æblegrød på Ærø"));
    EXPECT_TRUE(valid_utf8("\xE2\x82\xAC"));          // €
    EXPECT_TRUE(valid_utf8("\xF0\x9F\x98\x80"));      // U+1F600
    EXPECT_TRUE(valid_utf8("\xF4\x8F\xBF\xBF"));      // U+10FFFF
    EXPECT_TRUE(valid_utf8(std::string("a\0b", 3)));  // NUL is a code point
}

TEST(Utf8Test, RefusesIllFormedText) {
    EXPECT_FALSE(valid_utf8("\x80"));              // lone continuation byte
    EXPECT_FALSE(valid_utf8("\xC3"));              // truncated
    EXPECT_FALSE(valid_utf8("\xC3\x28"));          // bad continuation
    EXPECT_FALSE(valid_utf8("\xC0\xAF"));          // overlong '/'
    EXPECT_FALSE(valid_utf8("\xE0\x80\xAF"));      // overlong '/'
    EXPECT_FALSE(valid_utf8("\xED\xA0\x80"));      // surrogate U+D800
    EXPECT_FALSE(valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    EXPECT_FALSE(valid_utf8("\xF5\x80\x80\x80"));
    EXPECT_FALSE(valid_utf8("\xFF"));
    EXPECT_FALSE(valid_utf8("ok\xE2\x82"));  // truncated at the end
}

TEST(PrintableTest, ReplacesBadBytesAndCutsOnCodePoints) {
    EXPECT_EQ(printable("n\xFFvn"), "n?vn");
    EXPECT_EQ(printable("ææææ", 5), "ææ…");
    EXPECT_EQ(printable("kort"), "kort");
}

TEST(ReplaceIllFormedTest, ReplacesEachBadByteAndKeepsTheLength) {
    EXPECT_EQ(replace_ill_formed("Åse", '?'), "Åse");
    EXPECT_EQ(replace_ill_formed("a\xff\xfe b", '!'), "a!! b");
    EXPECT_EQ(replace_ill_formed("\xc3", '?'), "?");              // truncated sequence
    EXPECT_EQ(replace_ill_formed("\xed\xa0\x80x", '?'), "???x");  // a surrogate
}

TEST(ParseQueryTest, KeepsOrderAndRepeatedNames) {
    auto query = parse_query("a=1&b=to+ord&a=3&flag&=x&&c=", Lang::Da);
    ASSERT_TRUE(query);
    EXPECT_EQ(query->value("a"), "1");
    EXPECT_EQ(query->all("a"), (std::vector<std::string_view>{"1", "3"}));
    EXPECT_EQ(query->value("b"), "to ord");
    EXPECT_EQ(query->get("flag"), std::optional<std::string_view>(""));
    EXPECT_EQ(query->value(""), "x");
    EXPECT_EQ(query->get("c"), std::optional<std::string_view>(""));
    EXPECT_FALSE(query->get("missing"));
    ASSERT_EQ(query->items().size(), 6u);
    EXPECT_EQ(query->items()[2].first, "a");
}

TEST(ParseQueryTest, ValuesMayHoldEqualsSigns) {
    auto query = parse_query("next=%2Fa%3Fb%3Dc&x=a=b", Lang::Da);
    ASSERT_TRUE(query);
    EXPECT_EQ(query->value("next"), "/a?b=c");
    EXPECT_EQ(query->value("x"), "a=b");
}

TEST(ParseQueryTest, BadEscapeNamesTheField) {
    auto query = parse_query("ok=1&navn=50%&x=2", Lang::Da);
    ASSERT_FALSE(query);
    EXPECT_EQ(query.error().code, core::ErrorCode::Invalid);
    EXPECT_EQ(query.error().field, "navn");
    EXPECT_NE(query.error().message.find("\"navn\""), std::string::npos);
    EXPECT_NE(query.error().message.find("kodet"), std::string::npos);

    auto english = parse_query("na%zzme=1", Lang::En);
    ASSERT_FALSE(english);
    EXPECT_EQ(english.error().field, "na%zzme");
    EXPECT_NE(english.error().message.find("not correctly encoded"), std::string::npos);
}

TEST(ParseFormTest, BrokenUtf8NamesTheField) {
    auto form = parse_form("csrf_token=t&title=%C3%28", Lang::En);
    ASSERT_FALSE(form);
    EXPECT_EQ(form.error().code, core::ErrorCode::Invalid);
    EXPECT_EQ(form.error().field, "title");
    EXPECT_EQ(form.error().message,
              "the field \"title\" contains characters that cannot be read (invalid UTF-8)");

    auto bad_name = parse_form("ti%FFtle=x", Lang::Da);
    ASSERT_FALSE(bad_name);
    EXPECT_EQ(bad_name.error().field, "ti?tle");
    EXPECT_NE(bad_name.error().message.find("ugyldig UTF-8"), std::string::npos);
}

TEST(ParseFormTest, DecodesDanishText) {
    auto form = parse_form("title=Str%C3%A6kke+og+g%C3%A5tur&note=a%26b", Lang::Da);
    ASSERT_TRUE(form);
    EXPECT_EQ(form->value("title"), "Strække og gåtur");
    EXPECT_EQ(form->value("note"), "a&b");
}

TEST(CheckUtf8Test, NamesTheFirstBadField) {
    Params params;
    params.add("ok", "fint");
    params.add("q", "\xC3");
    auto checked = check_utf8(params, Lang::Da);
    ASSERT_FALSE(checked);
    EXPECT_EQ(checked.error().field, "q");
    Params good;
    good.add("q", "blåbær");
    EXPECT_TRUE(check_utf8(good, Lang::Da));
}

TEST(ParseCookiesTest, SplitsTrimsAndUnquotes) {
    const Params cookies =
        parse_cookies(" samskab_session=abc ; samskab_lang=en;x=\"q v\";;bad;=v");
    EXPECT_EQ(cookies.value("samskab_session"), "abc");
    EXPECT_EQ(cookies.value("samskab_lang"), "en");
    EXPECT_EQ(cookies.value("x"), "q v");
    EXPECT_FALSE(cookies.get("bad"));
    EXPECT_EQ(cookies.items().size(), 3u);
    EXPECT_TRUE(parse_cookies("").items().empty());
    EXPECT_EQ(parse_cookies("a=1=2").value("a"), "1=2");
}

TEST(DecodePathTest, DecodesSegments) {
    EXPECT_EQ(decode_path("/people/S%C3%B8ren", Lang::Da), "/people/Søren");
    EXPECT_EQ(decode_path("/a+b", Lang::Da), "/a+b");
    EXPECT_EQ(decode_path("/", Lang::Da), "/");
}

TEST(DecodePathTest, RefusesWhatCouldHideSeparatorsOrBytes) {
    for (const char* raw :
         {"", "people", "*", "/a%2Fb", "/a%2fb", "/a%00", "/a%", "/a%C3", "/%C0%AF"}) {
        auto path = decode_path(raw, Lang::En);
        ASSERT_FALSE(path) << raw;
        EXPECT_EQ(path.error().field, "path");
        EXPECT_EQ(path.error().message, "The address is invalid (badly encoded).");
    }
}

TEST(MediaTypeTest, IgnoresCaseAndParameters) {
    EXPECT_TRUE(
        has_media_type("application/x-www-form-urlencoded", "application/x-www-form-urlencoded"));
    EXPECT_TRUE(has_media_type("Application/X-WWW-Form-Urlencoded; charset=UTF-8",
                               "application/x-www-form-urlencoded"));
    EXPECT_FALSE(
        has_media_type("multipart/form-data; boundary=x", "application/x-www-form-urlencoded"));
    EXPECT_FALSE(has_media_type("", "application/json"));
}

}  // namespace
}  // namespace samskab::web
