#!/usr/bin/env bash
# Segmentation quality on the SIGHAN 2005 PKU test set (evaluation data read by path from
# ../shared/eval/seg, never committed), scored by the bakeoff-equivalent seg_score.py:
# raw ICU word break, Termbridge without a dictionary, Termbridge with the training word
# list as user dictionary.
#   Benchmarks/segment-pku.sh [EVAL_DIR]      (after `make setup`; uses the debug build)
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir=${1:-../shared/eval/seg}
pku=$eval_dir/pku
score="python3 $eval_dir/seg_score.py $pku/pku_training_words.utf8 $pku/pku_test_gold.utf8"
out=.build/bench/pku
mkdir -p "$out"
cc -O2 Benchmarks/raw-icu/raw_icu_words.c $(pkg-config --cflags --libs icu-uc icu-i18n) -o .build/bench/raw_icu_words
.build/bench/raw_icu_words "$pku/pku_test.utf8" --print > "$out/icu.txt"
.build/debug/termbridge segment "$pku/pku_test.utf8" > "$out/termbridge.txt"
.build/debug/termbridge segment --dict "$pku/pku_training_words.utf8" "$pku/pku_test.utf8" > "$out/termbridge-dict.txt"
$score "$out/icu.txt" --name "ICU word break alone (raw C loop)"
$score "$out/termbridge.txt" --name "termbridge segment"
$score "$out/termbridge-dict.txt" --name "termbridge segment --dict pku_training_words"
