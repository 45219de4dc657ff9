#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace samskab::core {

// Encryption at rest of single sensitive values (the support need, companion links, logbook
// text): health-related data under GDPR art. 9 that a copied database file or backup must not
// reveal. The stores seal a value before it is written and open it after it is read; what is
// computed from it (indicators, pages) works on the opened value in memory.
//
// `context` names where a value lives (table, column and row, e.g.
// "people.support_need:p17") and is bound to the sealed bytes as associated data: a sealed
// value copied into another row or column does not open. Implemented with libsodium in
// security/ (SodiumFieldCipher); core holds only the interface.
class FieldCipher {
public:
    virtual ~FieldCipher() = default;

    // A short, stable, non-secret name of the key (hex), recorded in the database so that a
    // database is never opened with, or half re-sealed under, another key.
    virtual std::string key_id() const = 0;

    // Opaque bytes that only this key opens, different on every call (random nonce).
    virtual std::string seal(std::string_view plaintext, std::string_view context) const = 0;

    // The plaintext of `sealed`. Invalid when the value was sealed under another key (the
    // message names that key's id), was altered, or belongs to another context.
    virtual Result<std::string> open(std::string_view sealed, std::string_view context) const = 0;

    // A keyed digest of `value` (a blind index): equal values give equal digests under one
    // key, and without the key a digest says nothing about the value. For columns that must be
    // looked up or joined, such as the companion of a companion link.
    virtual std::string digest(std::string_view value) const = 0;
};

}  // namespace samskab::core
