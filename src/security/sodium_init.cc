#include "security/sodium_init.h"

#include <sodium.h>

namespace samskab::security {

core::Result<void> initialise_sodium() {
    // sodium_init returns 1 when it has already run, which is as good as 0.
    if (sodium_init() < 0) {
        return core::fail(core::ErrorCode::Storage,
                          "libsodium kunne ikke startes (ingen kilde til tilfældighed) / "
                          "libsodium could not start (no source of randomness)");
    }
    return {};
}

}  // namespace samskab::security
