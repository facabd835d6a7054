SHELL := /bin/bash
# The two commands of the README: `make run` and `make test`. Both set up a fresh Debian
# machine first (system packages, CC-CEDICT, build) through scripts/setup.sh.
.PHONY: setup data run test bench fuzz install uninstall docs

# Where `make install` puts Termbridge; DESTDIR stages it (packaging).
PREFIX ?= /usr/local
DESTDIR ?=

setup:
	@scripts/setup.sh

# The data used by default, fetched and compiled into .cache/ (part of setup).
data:
	@scripts/fetch-data.sh

# The main job on the sample corpus.
run: setup
	@scripts/run-corpus.sh

# The test suite, then a package that depends on Termbridge by version (scripts/test-consumer.sh),
# then `make install` into a temporary prefix and the installed tool (scripts/test-install.sh),
# then every fuzz target for 20 s (Docs/Fuzzing.md).
test: setup
	swift test 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\]'; exit $${PIPESTATUS[0]}
	@scripts/test-consumer.sh
	@scripts/test-install.sh
	@FUZZ_SECONDS=20 scripts/fuzz.sh

# Every fuzz target for FUZZ_SECONDS (default 180) each: `make fuzz FUZZ_SECONDS=1800`.
FUZZ_SECONDS ?= 180
fuzz: setup
	@FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh

# The release binary, the data used by default, the schemas, man pages, completions and
# licence files under $(PREFIX) (scripts/install.sh says where each goes).
install:
	@DESTDIR="$(DESTDIR)" scripts/install.sh "$(PREFIX)"

uninstall:
	@DESTDIR="$(DESTDIR)" scripts/install.sh --uninstall "$(PREFIX)"

# The library's documentation (DocC, Sources/Termbridge/Termbridge.docc) as a static website
# in .build/docs (open .build/docs/documentation/termbridge/index.html through a web server).
docs:
	swift package --allow-writing-to-directory .build/docs generate-documentation --target Termbridge \
	    --disable-indexing --transform-for-static-hosting --output-path .build/docs 2>&1 \
	    | grep -Ev '^\[[0-9]+/[0-9]+\]'; exit $${PIPESTATUS[0]}

# Benchmarks: release build, the raw ICU anchor in C, then the figures of the README.
bench: setup
	@scripts/bench.sh
