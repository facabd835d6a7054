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

measure() {   # label, file whose size to show, command…: one table row
    local label=$1 file=$2; shift 2
    /usr/bin/time -f "%e %U %S %M" -o "$out/time" "$@" > /dev/null 2> "$out/stderr" || {
        echo "$label failed:"; cat "$out/stderr"; exit 1; }
    read -r wall user system kilobytes < <(tail -n 1 "$out/time")
    printf "| %s | %s | %.1f | %.1f | %d |\n" "$label" "$(du -m "$file" | cut -f1)" "$wall" \
        "$(awk "BEGIN { print $user + $system }")" $((kilobytes / 1024))
}

echo "$count concepts"
echo "| step | MB | wall s | CPU s | peak RSS MB |"
echo "|---|---|---|---|---|"
tb=$termbridge
measure "TSV → TSV (as termbridge writes it)" "$out/a.tsv" $tb glossary convert "$out/source.tsv" "$out/a.tsv"
measure "TSV → TBX" "$out/b.tbx" $tb glossary convert "$out/a.tsv" "$out/b.tbx"
measure "TBX → TBX 2008" "$out/c.tbx" $tb glossary convert "$out/b.tbx" "$out/c.tbx" --to tbx2008
measure "TBX 2008 → JSON" "$out/d.json" $tb glossary convert "$out/c.tbx" "$out/d.json"
measure "JSON → CSV" "$out/e.csv" $tb glossary convert "$out/d.json" "$out/e.csv"
measure "CSV → TSV" "$out/f.tsv" $tb glossary convert "$out/e.csv" "$out/f.tsv"
measure "TBX → TSV" "$out/g.tsv" $tb glossary convert "$out/b.tbx" "$out/g.tsv"
measure "glossary stats (reads the TBX)" "$out/b.tbx" $tb glossary stats "$out/b.tbx"
if command -v xmllint > /dev/null; then
    measure "anchor: xmllint --stream --noout (TBX)" "$out/b.tbx" xmllint --stream --noout "$out/b.tbx"
fi
cmp "$out/a.tsv" "$out/f.tsv" && echo "round trip through TBX, TBX 2008, JSON, CSV: identical TSV"
cmp "$out/a.tsv" "$out/g.tsv" && echo "round trip through TBX: identical TSV"
