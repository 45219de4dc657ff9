#!/usr/bin/env bash
# `make test`: every test through CTest — unit, end-to-end and browser — in one build compiled
# with AddressSanitizer and UndefinedBehaviorSanitizer (`$1-asan`), so that any memory error or
# undefined behaviour fails the test that met it. SAMSKAB_SANITIZE=0 runs them in the normal
# build `$1` instead (a quicker local run, and the build `make run` uses).
#
# One build, not two: a second, optimised build of every test doubled the time of `make test`
# and found nothing the sanitizer build does not; `make build` still compiles the optimised
# binary with warnings as errors.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
jobs=${JOBS:-2}
sanitize=${SAMSKAB_SANITIZE:-1}
# The tests run against a throwaway PostgreSQL server (or SAMSKAB_TEST_PG_URL's, when set).
with_postgres="$PWD/scripts/with_postgres.sh"

if [ "$sanitize" != 0 ]; then
  dir="${build}-asan"
  # No optimisation and line tables only: the sanitizers need no more, the code compiles in
  # about 60 % of the time it takes at -O1 (template-heavy files such as the exporter and the
  # commands gain most), and the tests are dominated by password hashing, processes and the
  # browser, none of which the flags change.
  cmake -S . -B "$dir" -G Ninja -DSAMSKAB_SANITIZE=ON -DSAMSKAB_BENCH=OFF \
    -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O0 -g1" > /dev/null
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0"
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  echo "== built with AddressSanitizer and UndefinedBehaviorSanitizer ($dir)"
else
  dir="$build"
  cmake -S . -B "$dir" -G Ninja > /dev/null
fi
cmake --build "$dir" -j"$jobs"
cd "$dir"
bash "$with_postgres" ctest --output-on-failure -j"$jobs" --timeout 900
