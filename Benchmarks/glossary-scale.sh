#!/usr/bin/env bash
# Glossaries at scale: a generated glossary of N concepts (default 200,000; ~55 MB as TBX)
# through every format — TSV → TBX → TBX 2008 → JSON → CSV → TSV — each step a
# `termbridge glossary convert` timed with its peak resident memory (/usr/bin/time), then the
# last TSV compared byte for byte with the first. The anchor is libxml2 streaming the TBX
# without doing anything (`xmllint --stream --noout`), timed the same way.
# Usage: Benchmarks/glossary-scale.sh [N]   (TERMBRIDGE=path overrides .build/release/termbridge)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-200000}
termbridge=${TERMBRIDGE:-.build/release/termbridge}
out=Benchmarks/out/glossary-scale
mkdir -p "$out"
python3 Benchmarks/generate-glossary.py "$count" "$out/source.tsv"

measure() {   # label, command…: one table row
    local label=$1; shift
    /usr/bin/time -f "%e %M" -o "$out/time" "$@" > /dev/null 2> "$out/stderr" || {
        echo "$label failed:"; cat "$out/stderr"; exit 1; }
    read -r seconds kilobytes < <(tail -n 1 "$out/time")
    printf "| %s | %s | %.2f | %d |\n" "$label" "$(du -m "${@: -1}" 2>/dev/null | cut -f1)" "$seconds" $((kilobytes / 1024))
}

echo "$count concepts"
echo "| step | MB (last file) | seconds | peak RSS MB |"
echo "|---|---|---|---|"
measure "TSV → TSV (as termbridge writes it)" "$termbridge" glossary convert "$out/source.tsv" "$out/a.tsv"
measure "TSV → TBX" "$termbridge" glossary convert "$out/a.tsv" "$out/b.tbx"
measure "TBX → TBX 2008" "$termbridge" glossary convert "$out/b.tbx" "$out/c.tbx2008.tbx" --to tbx2008
measure "TBX 2008 → JSON" "$termbridge" glossary convert "$out/c.tbx2008.tbx" "$out/d.json"
measure "JSON → CSV" "$termbridge" glossary convert "$out/d.json" "$out/e.csv"
measure "CSV → TSV" "$termbridge" glossary convert "$out/e.csv" "$out/f.tsv"
measure "TBX → TSV" "$termbridge" glossary convert "$out/b.tbx" "$out/g.tsv"
measure "glossary stats (reads the TBX)" "$termbridge" glossary stats "$out/b.tbx"
if command -v xmllint > /dev/null; then
    measure "anchor: xmllint --stream --noout (TBX)" xmllint --stream --noout "$out/b.tbx"
fi
cmp "$out/a.tsv" "$out/f.tsv" && echo "round trip through TBX, TBX 2008, JSON, CSV: identical TSV"
cmp "$out/a.tsv" "$out/g.tsv" && echo "round trip through TBX: identical TSV"
