#!/usr/bin/env bash
# Builds in release mode and prints the benchmark tables of the README. Evaluation data is
# read from ../shared/eval when present.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\]' || true
mkdir -p .build/bench
cc -O2 Benchmarks/raw-icu/raw_icu_words.c $(pkg-config --cflags --libs icu-uc icu-i18n) -o .build/bench/raw_icu_words
# NLTK for the Gale–Church baseline of the alignment benchmark (benchmarks only).
if ! PYTHONPATH=.cache/pylib python3 -c "import nltk" 2>/dev/null; then
    python3 -m pip install --quiet --target .cache/pylib nltk
fi
bench=.build/release/termbridge-bench
echo "== segmentation"; $bench segment --raw-icu .build/bench/raw_icu_words --cli .build/release/termbridge
if [ -d ../shared/eval/seg/pku ]; then echo; TERMBRIDGE=.build/release/termbridge Benchmarks/segment-pku.sh; fi
echo; echo "== data loading (CC-CEDICT, jieba)"; $bench cedict --cli .build/release/termbridge
echo; echo "== glossary matching"; $bench match
if [ -d ../shared/eval/align ]; then echo; echo "== alignment"; PYTHONPATH=.cache/pylib $bench align; fi
echo; echo "== checking"; $bench check --cli .build/release/termbridge
echo; echo "== checking: planted slips"; $bench planted
echo; echo "== reading XML"; $bench xml
echo; echo "== extraction"; python3 Benchmarks/extract-vs-jieba.py
