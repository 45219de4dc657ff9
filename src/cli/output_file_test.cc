#include "cli/output_file.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <gtest/gtest.h>

namespace samskab::cli {
namespace {

namespace fs = std::filesystem;

class OutputFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("samskab-output-" + std::to_string(getpid()) + "-" +
                                             std::to_string(std::random_device()()));
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    static core::Result<void> write_text(const std::string& path, const std::string& text) {
        return write_output(path, [&](std::FILE* file) -> core::Result<void> {
            std::fputs(text.c_str(), file);
            return {};
        });
    }

    fs::path m_dir;
};

TEST_F(OutputFileTest, ARegularFileIsReplacedWhole) {
    const std::string path = (m_dir / "out.json").string();
    std::ofstream(path) << "old";
    ASSERT_TRUE(write_text(path, "new"));
    std::stringstream read;
    read << std::ifstream(path).rdbuf();
    EXPECT_EQ(read.str(), "new");
    EXPECT_EQ(std::distance(fs::directory_iterator(m_dir), fs::directory_iterator()), 1);
}

TEST_F(OutputFileTest, AFailedWriteLeavesTheFileAsItWas) {
    const std::string path = (m_dir / "out.json").string();
    std::ofstream(path) << "old";
    auto failed = write_output(path, [](std::FILE*) -> core::Result<void> {
        return core::fail(core::ErrorCode::Invalid, "broken", "x");
    });
    ASSERT_FALSE(failed);
    std::stringstream read;
    read << std::ifstream(path).rdbuf();
    EXPECT_EQ(read.str(), "old");
    EXPECT_EQ(std::distance(fs::directory_iterator(m_dir), fs::directory_iterator()), 1);
}

// `export -o /dev/null` must write into the device, not rename a file over it. Through a link,
// so that a regression replaces the link in the test folder rather than the machine's device.
TEST_F(OutputFileTest, ADeviceIsWrittenAsItIs) {
    const fs::path link = m_dir / "null";
    fs::create_symlink("/dev/null", link);
    ASSERT_TRUE(write_text(link.string(), "discarded"));
    EXPECT_TRUE(fs::is_symlink(link));
    EXPECT_TRUE(fs::is_character_file(link));
    EXPECT_EQ(std::distance(fs::directory_iterator(m_dir), fs::directory_iterator()), 1);
}

}  // namespace
}  // namespace samskab::cli
