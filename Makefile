# samskab — the two commands a new user needs are `make run` and `make test`.
BUILD ?= build
JOBS ?= 2
CMAKE_ARGS ?=

.PHONY: all deps configure build test bench run fuzz clean format

all: build

# Installs exactly the Debian packages used, skipping those already present.
deps:
	@bash scripts/deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -G Ninja $(CMAKE_ARGS) > /dev/null

# Produces $(BUILD)/samskab.
build: configure
	@cmake --build $(BUILD) -j$(JOBS)

# Every test through CTest: unit tests beside the code, end-to-end cases under tests/.
test: build
	@JOBS=$(JOBS) bash scripts/test.sh $(BUILD)

# Import, export and report on a generated 50,000-person bundle; figures to bench/out/.
bench: build
	@bash bench/run.sh $(BUILD)

# Creates the demo database (`samskab demo`: the booklet's three partnerships) and prints a report.
run: build
	@bash scripts/run.sh $(BUILD)

# Each libFuzzer target for FUZZ_SECONDS (default 60); not part of `make test`.
fuzz:
	@bash scripts/fuzz.sh

format:
	@clang-format -i $$(git ls-files 'src/*.cc' 'src/*.h' 'bench/*.cc')

clean:
	@rm -rf $(BUILD)
