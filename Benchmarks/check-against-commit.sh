#!/usr/bin/env bash
# Check speed against an earlier build: the release `termbridge` of COMMIT (default 212b81e,
# the last commit before issue 12's checks) and this checkout's, run alternately on the same
# 100,000-unit TMX and 10,000-concept glossary that `termbridge-bench check` writes, ROUNDS
# times each (default 5). Prints every run's CPU seconds (user) and peak resident memory, then
# the minimum of each build and their ratio: on a shared machine the minimum is the run least
# disturbed by others, and alternating exposes both builds to the same disturbances. The
# findings of this checkout's runs must be the same on every run (their digest is printed).
#
# The earlier build is made in a detached worktree under Benchmarks/out/ (a few minutes the
# first time); its glossary reader may not know the columns today's glossary has, so the
# glossary is cut to the columns it reads (id, subject, the zh and en term columns, pinyin,
# part of speech, definition, note).
# Usage: Benchmarks/check-against-commit.sh [COMMIT] [ROUNDS]
#        (TERMBRIDGE=path overrides .build/release/termbridge)
set -euo pipefail
cd "$(dirname "$0")/.."
commit=${1:-212b81e}
rounds=${2:-5}
termbridge=${TERMBRIDGE:-.build/release/termbridge}
out=Benchmarks/out/check-against-commit
bench=Benchmarks/out/check
mkdir -p "$out"

if [ ! -f "$bench/bench-100k.tmx" ] || [ ! -f "$bench/glossary-10k.tsv" ]; then
    echo "writing the benchmark's inputs (termbridge-bench check)…" >&2
    swift build -c release --product termbridge-bench >&2
    .build/release/termbridge-bench check --cli "$termbridge" >&2
fi

worktree=$out/worktree-$commit
if [ ! -x "$worktree/.build/release/termbridge" ]; then
    echo "building $commit in $worktree…" >&2
    [ -d "$worktree" ] || git worktree add --detach "$worktree" "$commit" >&2
    [ -d .cache ] && [ ! -e "$worktree/.cache" ] && ln -s "$(pwd)/.cache" "$worktree/.cache"
    (cd "$worktree" && swift build -c release --product termbridge >&2)
fi
earlier=$worktree/.build/release/termbridge

glossary=$out/glossary-10k.tsv
python3 - "$bench/glossary-10k.tsv" "$glossary" <<'PYTHON'
import sys
kept = ["id", "subject", "zh", "zh_admitted", "zh_superseded", "zh_deprecated", "zh_forbidden", "zh_pinyin",
        "en", "en_admitted", "en_superseded", "en_deprecated", "en_forbidden", "pos", "definition", "note"]
with open(sys.argv[1], encoding="utf-8", newline="") as source, open(sys.argv[2], "w", encoding="utf-8", newline="") as target:
    lines = source.read().split("\n")
    header = lines[0].split("\t")
    columns = [header.index(name) for name in kept if name in header]
    for line in lines:
        if not line:
            continue
        fields = line.split("\t")
        target.write("\t".join(fields[k] if k < len(fields) else "" for k in columns) + "\n")
PYTHON

run() {   # label, binary: one run, "label user-seconds peak-KB" appended to $out/times
    /usr/bin/time -f "$1 %U %M" -a -o "$out/times" "$2" check --bilingual "$bench/bench-100k.tmx" \
        --glossary "$glossary" --fail-on never > "$out/$1.out"
}
rm -f "$out/times"
digests=()
for ((k = 1; k <= rounds; k++)); do
    run earlier "$earlier"
    run today "$termbridge"
    digests+=("$(md5sum < "$out/today.out" | cut -d' ' -f1)")
done
cat "$out/times"
awk '{ if (!($1 in low) || $2 < low[$1]) low[$1] = $2; if ($3 > peak[$1]) peak[$1] = $3 }
     END { printf "minimum CPU: %s %.2f s, today %.2f s — %.2f×; peak RSS %d KB and %d KB\n",
           "'"$commit"'", low["earlier"], low["today"], low["today"] / low["earlier"], peak["earlier"], peak["today"] }' "$out/times"
printf "findings of today's runs: %s distinct report(s), %s (%s lines)\n" \
    "$(printf "%s\n" "${digests[@]}" | sort -u | wc -l)" "${digests[0]}" "$(wc -l < "$out/today.out")"
