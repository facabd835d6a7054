#!/usr/bin/env bash
# The data Termbridge uses by default, in the checkout's .cache/: CC-CEDICT, jieba's word
# frequencies and jieba's character models fetched (scripts/fetch-cedict.sh,
# scripts/fetch-jieba-dict.sh, scripts/fetch-jieba-hmm.sh), then compiled into their
# fast-loading form (.cache/cedict.tbdata, .cache/jieba-dict.tbdata, and
# .cache/segmentation.tbdata, the segmenter's model with its vocabulary) by
# `termbridge data compile` (built first; a no-op when up to date). Idempotent: files already there and
# compiled files up to date are kept. `make data` runs it; so does scripts/setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/fetch-cedict.sh .cache
scripts/fetch-jieba-dict.sh .cache
scripts/fetch-jieba-hmm.sh .cache
swift build --product termbridge 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\]|^Building|^Build of product' || true
test "${PIPESTATUS[0]}" -eq 0
# Only .cache/ is searched, so that data elsewhere (~/.local/share/termbridge) is left alone.
TERMBRIDGE_DATA_DIR="$PWD/.cache" .build/debug/termbridge data compile | sed 's/^/setup: /'
