#!/usr/bin/env bash
# The main job on Corpus/: find the English source of the Chinese compilation, align the
# two, and show the aligned pair with the shipped glossary's terms. Outputs go to
# .build/run/ (HTML review page, TMX).
set -euo pipefail
cd "$(dirname "$0")/.."
termbridge=.build/debug/termbridge
zh=Corpus/zh/quasi-alliances.zh.txt
glossary=Glossary/quasi-alliance.tsv
lexicon=.cache/cedict_ts.u8
out=.build/run
mkdir -p "$out"

echo "== termbridge pair $zh --sources Corpus/en"
"$termbridge" pair "$zh" --sources Corpus/en
en=$("$termbridge" pair "$zh" --sources Corpus/en --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["matched"])' 2>/dev/null \
)

echo
echo "== termbridge align $zh $en (beads; cuts are []:[k])"
"$termbridge" align "$zh" "$en" --glossary "$glossary" --lexicon "$lexicon" --format beads | paste -sd' '
"$termbridge" align "$zh" "$en" --glossary "$glossary" --lexicon "$lexicon" -o "$out/quasi-alliances.html"
"$termbridge" align "$zh" "$en" --glossary "$glossary" --lexicon "$lexicon" -o "$out/quasi-alliances.tmx"
echo "review page: $out/quasi-alliances.html; translation memory: $out/quasi-alliances.tmx"

echo
echo "== termbridge segment --glossary $glossary $zh (first lines)"
"$termbridge" segment --glossary "$glossary" "$zh" | head -n 8
