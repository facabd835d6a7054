#!/usr/bin/env bash
# The main job on Corpus/: find the English source of the Chinese compilation, align the
# two, and show the aligned pair with the shipped glossary's terms. Outputs go to
# .build/run/ (HTML review page, TMX). Commands run as the README writes them: CC-CEDICT and
# jieba's frequencies are found by default (.cache/, fetched and compiled by the setup).
set -euo pipefail
cd "$(dirname "$0")/.."
termbridge=.build/debug/termbridge
zh=Corpus/zh/quasi-alliances.zh.txt
glossary=Glossary/quasi-alliance.tsv
out=.build/run
mkdir -p "$out"

echo "== termbridge pair $zh --sources Corpus/en"
"$termbridge" pair "$zh" --sources Corpus/en
en=$("$termbridge" pair "$zh" --sources Corpus/en --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["matched"])' 2>/dev/null \
)

echo
echo "== termbridge align $zh --source $en (beads; cuts are []:[k])"
"$termbridge" align "$zh" --source "$en" --glossary "$glossary" --format beads | paste -sd' '
"$termbridge" align "$zh" --source "$en" --glossary "$glossary" -o "$out/quasi-alliances.html"
"$termbridge" align "$zh" --source "$en" --glossary "$glossary" -o "$out/quasi-alliances.tmx"
echo "review page: $out/quasi-alliances.html; translation memory: $out/quasi-alliances.tmx"

echo
echo "== termbridge extract $zh --source $en (top 15 candidates; known glossary terms marked)"
"$termbridge" extract "$zh" --source "$en" --glossary "$glossary" -o "$out/candidates.tsv"
python3 - "$out/candidates.tsv" <<'PY'
import csv, sys
with open(sys.argv[1], encoding="utf-8") as f:
    rows = list(csv.DictReader(f, delimiter="\t"))
for row in rows[:15]:
    zh = next((row[k] for k in ("zh", "zh_admitted") if row.get(k)), "")
    en = next((row[k] for k in ("en", "en_admitted") if row.get(k)), "")
    kind = "; ".join(part.strip() for part in row.get("note", "").split(";") if part.strip().startswith(("kind", "known")))
    print(f"  {zh:<12}\t{en:<36}\t{kind}")
PY
echo "candidate glossary: $out/candidates.tsv"

echo
echo "== termbridge check $zh --source $en --glossary $glossary (exit 1 when errors are found)"
status=0
"$termbridge" check "$zh" --source "$en" --glossary "$glossary" || status=$?
"$termbridge" check "$zh" --source "$en" --glossary "$glossary" --format html -o "$out/check.html" || true
echo "check report: $out/check.html (exit status $status)"
