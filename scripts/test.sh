#!/usr/bin/env bash
# `make test`: every test through CTest in the build directory given as $1, then the same tests
# built with AddressSanitizer and UndefinedBehaviorSanitizer in $1-asan (SAMSKAB_SANITIZE=0
# skips that second pass, for a quick local run).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
jobs=${JOBS:-2}
sanitize=${SAMSKAB_SANITIZE:-1}
asan="${build}-asan"
# Each pass runs against a throwaway PostgreSQL server (or SAMSKAB_TEST_PG_URL's, when set).
with_postgres="$PWD/scripts/with_postgres.sh"

if [ "$sanitize" != 0 ]; then
  # -O1 and light debug info: the sanitizers need no more, and the build takes a third less.
  cmake -S . -B "$asan" -G Ninja -DSAMSKAB_SANITIZE=ON -DSAMSKAB_BENCH=OFF \
    -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" > /dev/null
  cmake --build "$asan" -j"$jobs"
fi

# Runs both passes; a failure in either fails `make test`.
run_all() {
  (cd "$build" && bash "$with_postgres" ctest --output-on-failure -j"$jobs" --timeout 900)
  if [ "$sanitize" != 0 ]; then
    echo "== with AddressSanitizer and UndefinedBehaviorSanitizer"
    (cd "$asan" && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
      UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      bash "$with_postgres" ctest --output-on-failure -j"$jobs" --timeout 900)
  fi
}

run_all
