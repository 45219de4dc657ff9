#include "security/sodium_field_cipher.h"

#include <filesystem>
#include <fstream>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

namespace samskab::security {
namespace {

namespace fs = std::filesystem;
using core::ErrorCode;
using core::Lang;

std::unique_ptr<SodiumFieldCipher> cipher_of(char fill) {
    auto cipher =
        SodiumFieldCipher::from_key(std::string(SodiumFieldCipher::KEY_BYTES, fill), Lang::En);
    EXPECT_TRUE(cipher);
    return std::move(*cipher);
}

class KeyFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() /
                ("samskab-key-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }
    std::string path(const std::string& name) const { return (m_dir / name).string(); }

    fs::path m_dir;
};

TEST(SodiumFieldCipherTest, SealedValuesOpenInTheirContext) {
    auto cipher = cipher_of('k');
    const std::string sealed = cipher->seal("Alex needs support", "people.support_need:p1");
    auto opened = cipher->open(sealed, "people.support_need:p1");
    ASSERT_TRUE(opened) << opened.error().message;
    EXPECT_EQ(*opened, "Alex needs support");
    EXPECT_EQ(sealed.find("Alex"), std::string::npos);
    // Version, key id, nonce and tag: 45 bytes around the plaintext.
    EXPECT_EQ(sealed.size(), std::string("Alex needs support").size() + 45);
    auto empty = cipher->open(cipher->seal("", "c"), "c");
    ASSERT_TRUE(empty);
    EXPECT_EQ(*empty, "");
}

TEST(SodiumFieldCipherTest, EverySealHasItsOwnNonce) {
    auto cipher = cipher_of('k');
    EXPECT_NE(cipher->seal("1", "c"), cipher->seal("1", "c"));
}

TEST(SodiumFieldCipherTest, AnAlteredValueDoesNotOpen) {
    auto cipher = cipher_of('k');
    const std::string sealed = cipher->seal("note text", "logbook_notes.text:7");
    for (std::size_t i = 0; i < sealed.size(); ++i) {
        std::string altered = sealed;
        altered[i] = static_cast<char>(altered[i] ^ 0x01);
        EXPECT_FALSE(cipher->open(altered, "logbook_notes.text:7")) << "byte " << i;
    }
    EXPECT_FALSE(cipher->open(sealed.substr(0, sealed.size() - 1), "logbook_notes.text:7"));
    EXPECT_FALSE(cipher->open("", "logbook_notes.text:7"));
}

TEST(SodiumFieldCipherTest, AValueMovedToAnotherRowOrColumnDoesNotOpen) {
    auto cipher = cipher_of('k');
    const std::string sealed = cipher->seal("1", "people.support_need:p1");
    auto moved = cipher->open(sealed, "people.support_need:p2");
    ASSERT_FALSE(moved);
    EXPECT_EQ(moved.error().code, ErrorCode::Invalid);
    EXPECT_NE(moved.error().message.find("people.support_need:p2"), std::string::npos);
    EXPECT_FALSE(cipher->open(sealed, "logbook_notes.text:p1"));
}

TEST(SodiumFieldCipherTest, AnotherKeyDoesNotOpenAndSaysWhichKeySealed) {
    auto one = cipher_of('a');
    auto other = cipher_of('b');
    EXPECT_NE(one->key_id(), other->key_id());
    EXPECT_EQ(one->key_id().size(), 8u);
    auto opened = other->open(one->seal("secret", "c"), "c");
    ASSERT_FALSE(opened);
    EXPECT_NE(opened.error().message.find(one->key_id()), std::string::npos);
    // The same key gives the same id: the id is derived, not random.
    EXPECT_EQ(cipher_of('a')->key_id(), one->key_id());
}

TEST(SodiumFieldCipherTest, DigestsAreKeyedAndStable) {
    auto one = cipher_of('a');
    EXPECT_EQ(one->digest("17"), cipher_of('a')->digest("17"));
    EXPECT_EQ(one->digest("17").size(), 16u);
    EXPECT_NE(one->digest("17"), one->digest("18"));
    EXPECT_NE(one->digest("17"), cipher_of('b')->digest("17"));
}

TEST(SodiumFieldCipherTest, KeysOfTheWrongLengthAreRefused) {
    EXPECT_FALSE(SodiumFieldCipher::from_key("short", Lang::En));
}

TEST_F(KeyFileTest, CreatedKeyFilesAreOwnerOnlyAndLoadToTheSameKey) {
    const std::string file = path("db.key");
    auto created = SodiumFieldCipher::create(file, Lang::En);
    ASSERT_TRUE(created) << created.error().message;
    struct stat facts {};
    ASSERT_EQ(::stat(file.c_str(), &facts), 0);
    EXPECT_EQ(facts.st_mode & 0777, 0600u);
    EXPECT_EQ(facts.st_size, 65);
    auto loaded = SodiumFieldCipher::load(file, Lang::En);
    ASSERT_TRUE(loaded) << loaded.error().message;
    EXPECT_EQ((*loaded)->key_id(), (*created)->key_id());
    auto opened = (*loaded)->open((*created)->seal("x", "c"), "c");
    ASSERT_TRUE(opened);
    EXPECT_EQ(*opened, "x");
}

TEST_F(KeyFileTest, CreationNeverOverwritesAKeyFile) {
    const std::string file = path("db.key");
    auto first = SodiumFieldCipher::create(file, Lang::En);
    ASSERT_TRUE(first);
    auto second = SodiumFieldCipher::create(file, Lang::En);
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().code, ErrorCode::Conflict);
    auto loaded = SodiumFieldCipher::load(file, Lang::En);
    ASSERT_TRUE(loaded);
    EXPECT_EQ((*loaded)->key_id(), (*first)->key_id());
}

TEST_F(KeyFileTest, CreationIgnoresAPermissiveUmask) {
    const mode_t before = ::umask(0);
    auto created = SodiumFieldCipher::create(path("db.key"), Lang::En);
    ::umask(before);
    ASSERT_TRUE(created);
    struct stat facts {};
    ASSERT_EQ(::stat(path("db.key").c_str(), &facts), 0);
    EXPECT_EQ(facts.st_mode & 0777, 0600u);
}

TEST_F(KeyFileTest, KeyFilesOthersCanReadAreRefusedByName) {
    const std::string file = path("db.key");
    ASSERT_TRUE(SodiumFieldCipher::create(file, Lang::En));
    for (mode_t mode : {0640, 0604, 0660, 0620}) {
        ASSERT_EQ(::chmod(file.c_str(), mode), 0);
        auto loaded = SodiumFieldCipher::load(file, Lang::En);
        ASSERT_FALSE(loaded) << mode;
        EXPECT_EQ(loaded.error().code, ErrorCode::Forbidden);
        EXPECT_NE(loaded.error().message.find(file), std::string::npos);
        EXPECT_NE(loaded.error().message.find("chmod 600"), std::string::npos);
    }
    ASSERT_EQ(::chmod(file.c_str(), 0644), 0);
    auto danish = SodiumFieldCipher::load(file, Lang::Da);
    ASSERT_FALSE(danish);
    EXPECT_NE(danish.error().message.find("nøglefilen " + file), std::string::npos);
    ASSERT_EQ(::chmod(file.c_str(), 0400), 0);
    EXPECT_TRUE(SodiumFieldCipher::load(file, Lang::En));
}

TEST_F(KeyFileTest, MissingAndMalformedKeyFilesAreRefused) {
    auto missing = SodiumFieldCipher::load(path("none.key"), Lang::En);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
    for (const std::string& text : {std::string("not a key\n"), std::string(63, 'a') + "\n",
                                    std::string(66, 'a'), std::string(64, 'g') + "\n"}) {
        const std::string file = path("bad.key");
        fs::remove(file);
        std::ofstream(file) << text;
        ASSERT_EQ(::chmod(file.c_str(), 0600), 0);
        auto loaded = SodiumFieldCipher::load(file, Lang::En);
        ASSERT_FALSE(loaded) << text;
        EXPECT_EQ(loaded.error().code, ErrorCode::Invalid);
        EXPECT_NE(loaded.error().message.find(file), std::string::npos);
    }
}

}  // namespace
}  // namespace samskab::security
