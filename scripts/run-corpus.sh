#!/usr/bin/env bash
# The main job on Corpus/: segment the sample compiled translation with the shipped
# glossary's terms kept whole.
set -euo pipefail
cd "$(dirname "$0")/.."
termbridge=.build/debug/termbridge
terms=$(mktemp); trap 'rm -f "$terms"' EXIT
cut -f3,4,5,6 Glossary/quasi-alliance.tsv | tail -n +2 | tr '\t|' '\n\n' | grep -v '^$' > "$terms"
echo "== termbridge segment --dict <glossary terms> Corpus/zh/quasi-alliances.zh.txt"
"$termbridge" segment --dict "$terms" Corpus/zh/quasi-alliances.zh.txt
