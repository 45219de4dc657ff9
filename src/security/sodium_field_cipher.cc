#include "security/sodium_field_cipher.h"

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include "security/sodium_init.h"

namespace samskab::security {

namespace {

using core::ErrorCode;
using core::Msg;

constexpr unsigned char VERSION = 1;
constexpr std::size_t ID_BYTES = 4;
constexpr std::size_t HEADER_BYTES = 1 + ID_BYTES;
constexpr std::size_t NONCE_BYTES = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t TAG_BYTES = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr std::size_t AEAD_KEY_BYTES = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;
constexpr std::size_t DIGEST_KEY_BYTES = crypto_generichash_KEYBYTES;
constexpr std::size_t INDEX_DIGEST_BYTES = 16;
constexpr char KDF_CONTEXT[crypto_kdf_CONTEXTBYTES + 1] = "samskabf";
// Subkey numbers of crypto_kdf: never reuse one for another purpose.
constexpr std::uint64_t SUBKEY_AEAD = 1;
constexpr std::uint64_t SUBKEY_DIGEST = 2;
constexpr std::uint64_t SUBKEY_ID = 3;

const unsigned char* bytes(std::string_view text) {
    return reinterpret_cast<const unsigned char*>(text.data());
}

std::string hex(const unsigned char* data, std::size_t size) {
    std::string out(size * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, size);
    out.pop_back();
    return out;
}

// The associated data of a value: its header, then its context.
std::string associated(std::string_view header, std::string_view context) {
    std::string out(header);
    out.append(context);
    return out;
}

std::string mode_text(mode_t mode) {
    std::array<char, 8> text{};
    std::snprintf(text.data(), text.size(), "%04o", static_cast<unsigned>(mode & 07777));
    return text.data();
}

core::Error file_error(core::Lang lang, ErrorCode code, const std::string& path) {
    return {code, core::message(lang, Msg::KeyFileUnreadable, {path, std::strerror(errno)}),
            "--key-file"};
}

}  // namespace

core::Result<std::unique_ptr<SodiumFieldCipher>> SodiumFieldCipher::from_key(std::string_view key,
                                                                             core::Lang lang) {
    if (auto ready = initialise_sodium(); !ready) {
        return tl::unexpected(ready.error());
    }
    if (key.size() != KEY_BYTES) {
        return core::fail(ErrorCode::Invalid, "field key: expected 32 bytes");
    }
    auto* keys = static_cast<unsigned char*>(sodium_malloc(AEAD_KEY_BYTES + DIGEST_KEY_BYTES));
    if (keys == nullptr) {
        return core::fail(ErrorCode::Storage, "field key: out of guarded memory");
    }
    crypto_kdf_derive_from_key(keys, AEAD_KEY_BYTES, SUBKEY_AEAD, KDF_CONTEXT, bytes(key));
    crypto_kdf_derive_from_key(keys + AEAD_KEY_BYTES, DIGEST_KEY_BYTES, SUBKEY_DIGEST, KDF_CONTEXT,
                               bytes(key));
    std::array<unsigned char, crypto_kdf_BYTES_MIN> id{};
    crypto_kdf_derive_from_key(id.data(), id.size(), SUBKEY_ID, KDF_CONTEXT, bytes(key));
    sodium_mprotect_readonly(keys);
    return std::unique_ptr<SodiumFieldCipher>(
        new SodiumFieldCipher(keys, hex(id.data(), ID_BYTES), lang));
}

core::Result<std::unique_ptr<SodiumFieldCipher>> SodiumFieldCipher::load(const std::string& path,
                                                                         core::Lang lang) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        if (errno == ENOENT) {
            return tl::unexpected(file_error(lang, ErrorCode::NotFound, path));
        }
        return tl::unexpected(file_error(lang, ErrorCode::Storage, path));
    }
    struct stat facts {};
    if (::fstat(fd, &facts) != 0) {
        auto error = file_error(lang, ErrorCode::Storage, path);
        ::close(fd);
        return tl::unexpected(error);
    }
    if ((facts.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        ::close(fd);
        const std::string mode = mode_text(facts.st_mode);
        return core::fail(ErrorCode::Forbidden,
                          core::message(lang, Msg::KeyFileExposed, {path, mode, path}),
                          "--key-file");
    }
    // 64 hex characters, a newline, and room to notice anything longer.
    std::array<char, 2 * KEY_BYTES + 8> text{};
    std::size_t length = 0;
    while (length < text.size()) {
        const ssize_t got = ::read(fd, text.data() + length, text.size() - length);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got < 0) {
            auto error = file_error(lang, ErrorCode::Storage, path);
            sodium_memzero(text.data(), text.size());
            ::close(fd);
            return tl::unexpected(error);
        }
        if (got == 0) {
            break;
        }
        length += static_cast<std::size_t>(got);
    }
    ::close(fd);
    while (length > 0 && (text[length - 1] == '\n' || text[length - 1] == '\r')) {
        --length;
    }
    std::array<unsigned char, KEY_BYTES> key{};
    std::size_t key_length = 0;
    const bool parsed = length == 2 * KEY_BYTES &&
                        sodium_hex2bin(key.data(), key.size(), text.data(), length, nullptr,
                                       &key_length, nullptr) == 0 &&
                        key_length == KEY_BYTES;
    sodium_memzero(text.data(), text.size());
    if (!parsed) {
        sodium_memzero(key.data(), key.size());
        return core::fail(ErrorCode::Invalid, core::message(lang, Msg::KeyFileMalformed, {path}),
                          "--key-file");
    }
    auto cipher =
        from_key(std::string_view(reinterpret_cast<const char*>(key.data()), key.size()), lang);
    sodium_memzero(key.data(), key.size());
    return cipher;
}

core::Result<std::unique_ptr<SodiumFieldCipher>> SodiumFieldCipher::create(const std::string& path,
                                                                           core::Lang lang) {
    if (auto ready = initialise_sodium(); !ready) {
        return tl::unexpected(ready.error());
    }
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        if (errno == EEXIST) {
            return core::fail(ErrorCode::Conflict, core::message(lang, Msg::KeyFileExists, {path}),
                              "--key-file");
        }
        return tl::unexpected(file_error(lang, ErrorCode::Storage, path));
    }
    std::array<unsigned char, KEY_BYTES> key{};
    randombytes_buf(key.data(), key.size());
    std::array<char, 2 * KEY_BYTES + 2> text{};
    sodium_bin2hex(text.data(), text.size(), key.data(), key.size());
    text[2 * KEY_BYTES] = '\n';
    // A umask cannot widen 0600, but fchmod makes the mode independent of it altogether.
    bool written = ::fchmod(fd, 0600) == 0;
    std::size_t done = 0;
    while (written && done < 2 * KEY_BYTES + 1) {
        const ssize_t put = ::write(fd, text.data() + done, 2 * KEY_BYTES + 1 - done);
        if (put < 0 && errno == EINTR) {
            continue;
        }
        written = put > 0;
        done += put > 0 ? static_cast<std::size_t>(put) : 0;
    }
    written = written && ::fsync(fd) == 0;
    sodium_memzero(text.data(), text.size());
    if (!written) {
        auto error = file_error(lang, ErrorCode::Storage, path);
        ::close(fd);
        ::unlink(path.c_str());
        sodium_memzero(key.data(), key.size());
        return tl::unexpected(error);
    }
    ::close(fd);
    auto cipher =
        from_key(std::string_view(reinterpret_cast<const char*>(key.data()), key.size()), lang);
    sodium_memzero(key.data(), key.size());
    return cipher;
}

SodiumFieldCipher::~SodiumFieldCipher() {
    // sodium_free wipes the region before it unmaps it.
    sodium_free(m_keys);
}

std::string SodiumFieldCipher::seal(std::string_view plaintext, std::string_view context) const {
    std::string out(HEADER_BYTES + NONCE_BYTES + plaintext.size() + TAG_BYTES, '\0');
    auto* data = reinterpret_cast<unsigned char*>(out.data());
    data[0] = VERSION;
    sodium_hex2bin(data + 1, ID_BYTES, m_key_id.data(), m_key_id.size(), nullptr, nullptr, nullptr);
    unsigned char* nonce = data + HEADER_BYTES;
    randombytes_buf(nonce, NONCE_BYTES);
    const std::string ad = associated(std::string_view(out.data(), HEADER_BYTES), context);
    unsigned long long length = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + NONCE_BYTES, &length, bytes(plaintext),
                                               plaintext.size(), bytes(ad), ad.size(), nullptr,
                                               nonce, m_keys);
    return out;
}

core::Result<std::string> SodiumFieldCipher::open(std::string_view sealed,
                                                  std::string_view context) const {
    const std::string where(context);
    if (sealed.size() < HEADER_BYTES + NONCE_BYTES + TAG_BYTES ||
        static_cast<unsigned char>(sealed[0]) != VERSION) {
        return core::fail(ErrorCode::Invalid,
                          core::message(m_lang, Msg::SealedDoesNotOpen, {where}));
    }
    const std::string id = hex(bytes(sealed) + 1, ID_BYTES);
    if (id != m_key_id) {
        return core::fail(ErrorCode::Invalid,
                          core::message(m_lang, Msg::SealedOtherKey, {where, id}));
    }
    const std::string ad = associated(sealed.substr(0, HEADER_BYTES), context);
    const unsigned char* nonce = bytes(sealed) + HEADER_BYTES;
    const std::size_t cipher_length = sealed.size() - HEADER_BYTES - NONCE_BYTES;
    std::string out(cipher_length - TAG_BYTES, '\0');
    unsigned long long length = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char*>(out.data()), &length, nullptr, nonce + NONCE_BYTES,
            cipher_length, bytes(ad), ad.size(), nonce, m_keys) != 0) {
        return core::fail(ErrorCode::Invalid,
                          core::message(m_lang, Msg::SealedDoesNotOpen, {where}));
    }
    out.resize(length);
    return out;
}

std::string SodiumFieldCipher::digest(std::string_view value) const {
    std::string out(INDEX_DIGEST_BYTES, '\0');
    crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), out.size(), bytes(value),
                       value.size(), m_keys + AEAD_KEY_BYTES, DIGEST_KEY_BYTES);
    return out;
}

}  // namespace samskab::security
