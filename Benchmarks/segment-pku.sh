#!/usr/bin/env bash
# Segmentation quality on the SIGHAN 2005 PKU test set (evaluation data read by path from
# ../shared/eval/seg, never committed), scored by the bakeoff-equivalent seg_score.py, all
# in one run: raw ICU word break; Termbridge as a user runs it (default model), without the
# model, and with the training word list as user dictionary (evaluation only); jieba 0.42.1
# with its default dictionary and pkuseg's default model (Benchmarks/segment-others.py
# installs them from PyPI into .cache/pylib).
#   Benchmarks/segment-pku.sh [EVAL_DIR]      (after `make setup`; TERMBRIDGE=path/to/binary,
#                                             default the debug build)
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir=${1:-../shared/eval/seg}
termbridge=${TERMBRIDGE:-.build/debug/termbridge}
pku=$eval_dir/pku
score="python3 $eval_dir/seg_score.py $pku/pku_training_words.utf8 $pku/pku_test_gold.utf8"
out=.build/bench/pku
mkdir -p "$out"
cc -O2 Benchmarks/raw-icu/raw_icu_words.c $(pkg-config --cflags --libs icu-uc icu-i18n) -o .build/bench/raw_icu_words
.build/bench/raw_icu_words "$pku/pku_test.utf8" --print > "$out/icu.txt"
$termbridge segment "$pku/pku_test.utf8" > "$out/termbridge.txt"
$termbridge segment --no-model "$pku/pku_test.utf8" > "$out/termbridge-no-model.txt"
$termbridge segment --dict "$pku/pku_training_words.utf8" "$pku/pku_test.utf8" > "$out/termbridge-dict.txt"
$termbridge segment --no-model --dict "$pku/pku_training_words.utf8" "$pku/pku_test.utf8" > "$out/termbridge-dict-no-model.txt"
python3 Benchmarks/segment-others.py "$pku/pku_test.utf8" "$out" > /dev/null
$score "$out/icu.txt" --name "ICU word break alone (raw C loop)"
$score "$out/termbridge.txt" --name "termbridge segment (default model)"
$score "$out/termbridge-no-model.txt" --name "termbridge segment --no-model"
[ -s "$out/jieba-hmm.txt" ] && $score "$out/jieba-hmm.txt" --name "jieba 0.42.1 default (HMM on)"
[ -s "$out/jieba.txt" ] && $score "$out/jieba.txt" --name "jieba 0.42.1, HMM off"
[ -s "$out/pkuseg.txt" ] && $score "$out/pkuseg.txt" --name "pkuseg default model (spacy-pkuseg)"
$score "$out/termbridge-dict.txt" --name "termbridge segment --dict pku_training_words"
$score "$out/termbridge-dict-no-model.txt" --name "termbridge segment --no-model --dict pku_training_words"
