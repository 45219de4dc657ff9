#!/usr/bin/env bash
# Installs the Debian packages samskab builds and tests with, skipping those already present.
# Usage: deps.sh [EXTRA_PACKAGE...]
# `apt-get update` runs only when something must be installed.
set -euo pipefail

PACKAGES=(
  cmake ninja-build g++ make pkg-config
  libsqlite3-dev          # the embedded store
  libpqxx-dev             # the PostgreSQL store (libpqxx 6.4, with libpq)
  postgresql-15 postgresql-client-15  # a throwaway server for the tests (scripts/with_postgres.sh)
  nlohmann-json3-dev      # bundle and report JSON
  libfmt-dev              # formatting of messages and reports
  libcli11-dev            # the command line
  libexpected-dev         # tl::expected, the Result type
  librestinio-dev libasio-dev  # the HTTP server (RESTinio on standalone asio)
  libmstch-dev            # Mustache templates for the pages (escape by default)
  libsodium-dev           # argon2id password hashing, random tokens
  libxlsxwriter-dev       # the Excel (.xlsx) downloads of logbook entries and interview codings
  zlib1g-dev              # the tests of those downloads read the workbooks (deflate)
  libgoogle-perftools-dev # tcmalloc (minimal) for the server's many small allocations per page
  libgtest-dev libgmock-dev libbenchmark-dev  # tests and benchmarks
  time                    # peak memory in benchmarks (/usr/bin/time -v)
  curl                    # the end-to-end tests of `samskab serve` (tests/e2e/web.sh)
  sqlite3                 # the privacy end-to-end test reads the database (tests/e2e/privacy.sh)
  chromium                # the browser tests and accessibility checks (tests/browser)
)

# npm ci installs the dkfds design system that the pages are styled with. A machine whose
# Node.js comes with npm already (e.g. from NodeSource) needs nothing from Debian.
if ! command -v npm > /dev/null 2>&1; then
  PACKAGES+=(nodejs npm)
fi

# Extra packages for one task (e.g. `make fuzz` adds clang) come as arguments.
PACKAGES+=("$@")

missing=()
for package in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
