#pragma once

#include "core/result.h"

namespace samskab::security {

// Initialises libsodium once per process (safe to call from several threads). Storage error
// when it cannot, which happens only when the system has no source of randomness.
core::Result<void> initialise_sodium();

}  // namespace samskab::security
