SHELL := /bin/bash
# The two commands of the README: `make run` and `make test`. Both set up a fresh Debian
# machine first (system packages, CC-CEDICT, build) through scripts/setup.sh.
.PHONY: setup data run test bench fuzz

setup:
	@scripts/setup.sh

# The data used by default, fetched and compiled into .cache/ (part of setup).
data:
	@scripts/fetch-data.sh

# The main job on the sample corpus.
run: setup
	@scripts/run-corpus.sh

# The test suite, then a package that depends on Termbridge by version (scripts/test-consumer.sh),
# then every fuzz target for 20 s (Docs/Fuzzing.md).
test: setup
	swift test 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\]'; exit $${PIPESTATUS[0]}
	@scripts/test-consumer.sh
	@FUZZ_SECONDS=20 scripts/fuzz.sh

# Every fuzz target for FUZZ_SECONDS (default 180) each: `make fuzz FUZZ_SECONDS=1800`.
FUZZ_SECONDS ?= 180
fuzz: setup
	@FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh

# Benchmarks: release build, the raw ICU anchor in C, then the figures of the README.
bench: setup
	@scripts/bench.sh
