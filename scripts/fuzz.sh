#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer targets with clang and runs each for FUZZ_SECONDS (60).
# New inputs that widen coverage go to a scratch corpus; a crash leaves its input in
# build-fuzz/crashes/. Copy such an input into tests/fuzz/corpus/TARGET/ and fix the bug: the
# replay test then keeps it fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
build=build-fuzz
bash scripts/deps.sh clang libclang-rt-14-dev
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DSAMSKAB_FUZZ=ON -DSAMSKAB_BENCH=OFF \
  -DSAMSKAB_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
targets=$(sed -n 's/^set(SAMSKAB_FUZZ_TARGETS \(.*\))$/\1/p' tests/CMakeLists.txt)
for target in $targets; do
  cmake --build "$build" --target "${target}_fuzz" -j"${JOBS:-2}"
done
mkdir -p "$build/crashes"
status=0
for target in $targets; do
  scratch="$build/corpus/$target"
  mkdir -p "$scratch"
  echo "== $target: ${seconds} s"
  "$build/tests/${target}_fuzz" "$scratch" "tests/fuzz/corpus/$target" \
    -max_total_time="$seconds" -artifact_prefix="$build/crashes/${target}-" \
    -print_final_stats=1 2>&1 | grep -E 'stat::number_of_executed_units|stat::peak_rss|ERROR|SUMMARY|crash-' || true
  if ls "$build/crashes/${target}-"* > /dev/null 2>&1; then
    echo "$target: crash inputs in $build/crashes/"
    status=1
  fi
done
exit $status
