# samskab — the two commands a new user needs are `make run` and `make test`.
BUILD ?= build
JOBS ?= 2
CMAKE_ARGS ?=

.PHONY: all deps configure build test bench load run fuzz clean format

all: build

# Installs exactly the Debian packages used, skipping those already present.
deps:
	@bash scripts/deps.sh

# The design system the pages are styled with (npm package dkfds), installed exactly as
# package-lock.json says; skipped while node_modules is newer than the lock file.
node_modules/.package-lock.json: package-lock.json | deps
	@npm ci --no-audit --no-fund --loglevel=error

configure: deps node_modules/.package-lock.json
	@cmake -S . -B $(BUILD) -G Ninja $(CMAKE_ARGS) > /dev/null

# Produces $(BUILD)/samskab.
build: configure
	@cmake --build $(BUILD) -j$(JOBS)

# Every test through CTest: unit tests beside the code, end-to-end cases under tests/, built
# with the sanitizers in $(BUILD)-asan (scripts/test.sh; SAMSKAB_SANITIZE=0 uses $(BUILD)).
test: configure
	@JOBS=$(JOBS) bash scripts/test.sh $(BUILD)

# Import, export and report on a generated 50,000-person bundle; figures to bench/out/.
bench: build
	@bash bench/run.sh $(BUILD)

# `samskab serve` on the generated 50,000-person dataset under wrk, route by route: req/s and
# p50/p90/p99 latency of the main pages and API routes. Not part of `make test`.
load: build
	@bash scripts/load.sh $(BUILD)

# The demo database (`samskab demo`: the booklet's three partnerships) with an account for every
# role, and the web application on it; prints the address and the logins.
run: build
	@bash scripts/run.sh $(BUILD)

# Each libFuzzer target for FUZZ_SECONDS (default 60); not part of `make test`.
fuzz:
	@bash scripts/fuzz.sh

format:
	@clang-format -i $$(git ls-files 'src/*.cc' 'src/*.h' 'bench/*.cc')

clean:
	@rm -rf $(BUILD)
