#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/field_cipher.h"
#include "core/messages.h"
#include "core/result.h"

namespace samskab::security {

// core::FieldCipher with libsodium: XChaCha20-Poly1305 (crypto_aead_xchacha20poly1305_ietf)
// with a random 24-byte nonce per value, and BLAKE2b keyed digests for blind indexes.
//
// A sealed value is: version byte 1, the 4-byte key id, the nonce, then the ciphertext with
// its 16-byte tag (45 bytes more than the plaintext). The associated data is the version, the
// key id and the context, so neither can be changed without the value failing to open. The key
// id in front lets `samskab rotate-key` tell values of the old key from those of the new one.
//
// The 32-byte master key is never used directly: an encryption key, a digest key and the key
// id are derived from it (crypto_kdf, context "samskabf"). The derived keys live in libsodium's
// guarded memory (sodium_malloc: locked, not swapped, read-only between uses) and are wiped
// when the cipher is destroyed.
//
// A key file holds the master key as 64 hexadecimal characters and a newline. It is created
// with mode 0600 and O_EXCL (an existing file is never overwritten), and refused when anyone
// but its owner may read or write it.
class SodiumFieldCipher final : public core::FieldCipher {
public:
    static constexpr std::size_t KEY_BYTES = 32;

    // A cipher from a 32-byte master key; Invalid when `key` has another length, Storage when
    // libsodium cannot be initialised. `lang` is the language of its error messages.
    static core::Result<std::unique_ptr<SodiumFieldCipher>> from_key(std::string_view key,
                                                                     core::Lang lang);

    // Reads the key file at `path`. NotFound when it does not exist; Forbidden when group or
    // others have any permission on it (the message names the file and `chmod 600`); Invalid
    // when it is not 64 hex characters; Storage when it cannot be read.
    static core::Result<std::unique_ptr<SodiumFieldCipher>> load(const std::string& path,
                                                                 core::Lang lang);

    // Creates a key file at `path` with 32 random bytes, mode 0600, written and synced before
    // it returns. Conflict when the file already exists; Storage when it cannot be written.
    static core::Result<std::unique_ptr<SodiumFieldCipher>> create(const std::string& path,
                                                                   core::Lang lang);

    ~SodiumFieldCipher() override;
    SodiumFieldCipher(const SodiumFieldCipher&) = delete;
    SodiumFieldCipher& operator=(const SodiumFieldCipher&) = delete;

    std::string key_id() const override { return m_key_id; }
    std::string seal(std::string_view plaintext, std::string_view context) const override;
    core::Result<std::string> open(std::string_view sealed,
                                   std::string_view context) const override;
    // 16 bytes of keyed BLAKE2b.
    std::string digest(std::string_view value) const override;

private:
    SodiumFieldCipher(unsigned char* keys, std::string key_id, core::Lang lang)
        : m_keys(keys), m_key_id(std::move(key_id)), m_lang(lang) {}

    unsigned char* m_keys;  // sodium_malloc: the encryption key, then the digest key
    std::string m_key_id;   // 8 hex characters
    core::Lang m_lang;
};

}  // namespace samskab::security
