#!/usr/bin/env bash
# `make test`: every test through CTest in the build directory given as $1.
set -euo pipefail
build=${1:-build}
jobs=${JOBS:-2}

(cd "$build" && ctest --output-on-failure -j"$jobs" --timeout 900)
