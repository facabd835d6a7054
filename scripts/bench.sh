#!/usr/bin/env bash
# Builds in release mode and prints the benchmark tables of the README.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\]' || true
mkdir -p .build/bench
cc -O2 Benchmarks/raw-icu/raw_icu_words.c $(pkg-config --cflags --libs icu-uc icu-i18n) -o .build/bench/raw_icu_words
.build/release/termbridge-bench segment --raw-icu .build/bench/raw_icu_words --cli .build/release/termbridge "$@"
if [ -d ../shared/eval/seg/pku ]; then echo; Benchmarks/segment-pku.sh; fi
