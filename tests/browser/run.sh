#!/usr/bin/env bash
# The browser tests, run by CTest against the real binary:
#   run.sh SAMSKAB_BINARY OUTPUT_DIR
# Each *.test.mjs file under tests/browser starts `samskab serve` on its own copy of the demo
# and drives Debian's Chromium (/usr/bin/chromium, or SAMSKAB_CHROMIUM) with playwright-core;
# axe-core checks the pages. A failing test leaves a screenshot and the page's HTML in
# OUTPUT_DIR. Exits 77 (CTest: skipped) only when there is no Chromium; missing npm packages
# (`npm ci`, which `make build` runs) fail the test.
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=$1
out=$2
chromium=${SAMSKAB_CHROMIUM:-/usr/bin/chromium}

if [ ! -x "$chromium" ]; then
  echo "browser tests skipped: no Chromium at $chromium (scripts/deps.sh installs it)"
  exit 77
fi
for package in playwright-core axe-core; do
  if [ ! -d "$here/../../node_modules/$package" ]; then
    echo "node_modules/$package is missing: run npm ci in $(cd "$here/../.." && pwd)" >&2
    exit 1
  fi
done

rm -rf "$out"
mkdir -p "$out"
export SAMSKAB_BIN=$bin SAMSKAB_BROWSER_OUT=$out SAMSKAB_CHROMIUM=$chromium
cd "$here" || exit 1
# Two files at a time: each has its own server and browser, and most of the time is spent
# waiting for one or the other.
exec node --test --test-concurrency=2 ./*.test.mjs
