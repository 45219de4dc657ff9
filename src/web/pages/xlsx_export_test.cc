// The workbooks of the Excel downloads, read back as the zip of XML parts that they are.
#include "web/pages/xlsx_export.h"

#include <cstdlib>
#include <filesystem>

#include <gtest/gtest.h>

#include "web/pages/xlsx_test_support.h"

namespace samskab::web::pages::testing {
namespace {

// Each test writes through a temporary directory of its own, so that it can see that the
// workbook's temporary file is gone afterwards.
class XlsxExportTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = std::filesystem::temp_directory_path() /
                ("samskab-xlsx-test-" + std::to_string(::getpid()));
        std::filesystem::create_directories(m_dir);
        const char* old = std::getenv("TMPDIR");
        m_old_tmpdir = old ? std::optional<std::string>(old) : std::nullopt;
        ::setenv("TMPDIR", m_dir.c_str(), 1);
    }
    void TearDown() override {
        if (m_old_tmpdir) {
            ::setenv("TMPDIR", m_old_tmpdir->c_str(), 1);
        } else {
            ::unsetenv("TMPDIR");
        }
        std::filesystem::remove_all(m_dir);
    }
    bool temporary_dir_is_empty() const { return std::filesystem::is_empty(m_dir); }

    std::filesystem::path m_dir;
    std::optional<std::string> m_old_tmpdir;
};

XlsxSheet notes_sheet() {
    XlsxSheet sheet{"Indtastninger", {"day", "written_at", "mood", "note"}, {}};
    sheet.rows.push_back({XlsxCell::of_date(core::days_from_civil(2025, 9, 1)),
                          XlsxCell::of_time(*core::parse_local_time("2025-09-01T18:30:00")),
                          XlsxCell::of_number(4.5), XlsxCell::of_text("=SUM(A1); god aften")});
    sheet.rows.push_back({XlsxCell::of_date(core::days_from_civil(2025, 9, 2)), XlsxCell{},
                          XlsxCell{}, XlsxCell::of_text("Æbler & <pærer>")});
    return sheet;
}

TEST_F(XlsxExportTest, AWorkbookIsAZipWithTheSheetsAndTheirTexts) {
    auto workbook = write_xlsx({notes_sheet(), XlsxSheet{"Opgørelse", {"Felt"}, {}}});
    ASSERT_TRUE(workbook) << workbook.error().message;
    EXPECT_EQ(workbook->substr(0, 2), "PK");
    const auto sheet = zip_entry(*workbook, "xl/worksheets/sheet1.xml");
    ASSERT_TRUE(sheet);
    EXPECT_TRUE(zip_entry(*workbook, "xl/worksheets/sheet2.xml"));
    const auto strings = zip_entry(*workbook, "xl/sharedStrings.xml");
    ASSERT_TRUE(strings);
    for (const char* text : {">day<", ">note<", ">Felt<", ">Æbler &amp; &lt;pærer&gt;<"}) {
        EXPECT_NE(strings->find(text), std::string::npos) << text << " in " << *strings;
    }
    const auto book = zip_entry(*workbook, "xl/workbook.xml");
    ASSERT_TRUE(book);
    EXPECT_NE(book->find("name=\"Indtastninger\""), std::string::npos);
    EXPECT_NE(book->find("name=\"Opgørelse\""), std::string::npos);
    // The number as a number, the header frozen, the columns given widths, a filter.
    EXPECT_NE(sheet->find("<v>4.5</v>"), std::string::npos) << *sheet;
    EXPECT_NE(sheet->find("state=\"frozen\""), std::string::npos);
    EXPECT_NE(sheet->find("<col "), std::string::npos);
    EXPECT_NE(sheet->find("<autoFilter ref=\"A1:D3\""), std::string::npos);
    EXPECT_TRUE(temporary_dir_is_empty());
}

TEST_F(XlsxExportTest, TextThatLooksLikeAFormulaStaysText) {
    auto workbook = write_xlsx({notes_sheet()});
    ASSERT_TRUE(workbook);
    const auto sheet = zip_entry(*workbook, "xl/worksheets/sheet1.xml");
    const auto strings = zip_entry(*workbook, "xl/sharedStrings.xml");
    ASSERT_TRUE(sheet && strings);
    EXPECT_EQ(sheet->find("<f>"), std::string::npos) << *sheet;
    EXPECT_NE(strings->find(">=SUM(A1); god aften<"), std::string::npos) << *strings;
    // D2, the note, is a shared string ("s"), not a formula or a number.
    EXPECT_NE(sheet->find("<c r=\"D2\" t=\"s\">"), std::string::npos) << *sheet;
}

TEST_F(XlsxExportTest, DatesAreExcelDatesWithADateFormat) {
    auto workbook = write_xlsx({notes_sheet()});
    ASSERT_TRUE(workbook);
    const auto sheet = zip_entry(*workbook, "xl/worksheets/sheet1.xml");
    const auto styles = zip_entry(*workbook, "xl/styles.xml");
    ASSERT_TRUE(sheet && styles);
    // 2025-09-01 is Excel's day 45901; 18:30 is 0.770833... of a day.
    EXPECT_NE(sheet->find("<v>45901</v>"), std::string::npos) << *sheet;
    EXPECT_NE(sheet->find("<v>45901.77083"), std::string::npos) << *sheet;
    EXPECT_NE(sheet->find("<c r=\"A2\" s=\""), std::string::npos) << *sheet;
    EXPECT_NE(styles->find("formatCode=\"yyyy-mm-dd\""), std::string::npos) << *styles;
    EXPECT_NE(styles->find("formatCode=\"yyyy-mm-dd hh:mm\""), std::string::npos);
}

TEST_F(XlsxExportTest, DaysExcelCannotShowAreWrittenAsText) {
    XlsxSheet sheet{"Ark", {"day"}, {{XlsxCell::of_date(core::days_from_civil(1899, 5, 1))}}};
    auto workbook = write_xlsx({sheet});
    ASSERT_TRUE(workbook);
    EXPECT_NE(zip_entry(*workbook, "xl/sharedStrings.xml")->find(">1899-05-01<"),
              std::string::npos);
}

TEST_F(XlsxExportTest, TextIsCutAtExcelsLimitOfACell) {
    std::string long_text;
    for (int i = 0; i < 20000; ++i) {
        long_text += "æ";  // two bytes, one character
    }
    XlsxSheet sheet{"Ark", {"note"}, {{XlsxCell::of_text(long_text + long_text)}}};
    auto workbook = write_xlsx({sheet});
    ASSERT_TRUE(workbook) << workbook.error().message;
    const auto strings = zip_entry(*workbook, "xl/sharedStrings.xml");
    ASSERT_TRUE(strings);
    std::string cut;
    for (int i = 0; i < 32767; ++i) {
        cut += "æ";
    }
    EXPECT_NE(strings->find(">" + cut + "<"), std::string::npos);
}

TEST_F(XlsxExportTest, AFailureIsAStorageErrorAndLeavesNoFile) {
    XlsxSheet bad{"Spørgsmål?", {"a"}, {}};  // '?' is not allowed in a sheet's name
    auto workbook = write_xlsx({bad});
    ASSERT_FALSE(workbook);
    EXPECT_EQ(workbook.error().code, core::ErrorCode::Storage);
    EXPECT_TRUE(temporary_dir_is_empty());
    EXPECT_FALSE(write_xlsx({}));
    EXPECT_TRUE(temporary_dir_is_empty());
}

TEST(DownloadResponse, IsAnAttachmentWithASafeFileName) {
    Response response = download_response("bytes", XLSX_CONTENT_TYPE, "logbog-lt 1\"x.xlsx");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "bytes");
    EXPECT_EQ(response.header("Content-Type"), XLSX_CONTENT_TYPE);
    EXPECT_EQ(response.header("Content-Disposition"),
              "attachment; filename=\"logbog-lt_1_x.xlsx\"");
}

}  // namespace
}  // namespace samskab::web::pages::testing
