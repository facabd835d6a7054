#!/usr/bin/env bash
# Obtains jieba's character-position models (MIT licence, © Sun Junyi) as
# FOLDER/jieba-hmm.txt (default: the checkout's .cache/): the hidden Markov models that
# jieba uses for words its dictionary lacks, in natural-log probabilities —
#   jieba/finalseg: word segmentation, states B (begins a word), M (middle), E (ends), S
#                   (a one-character word): start, transition and emission probabilities;
#   jieba/posseg:   the same states joined with a part-of-speech tag (B-nr, E-ns, …).
# The segmenter scores unknown words with the first and tags them with the second
# (Docs/Segmentation.md). They come from the PyPI package jieba (0.42.1, a source archive,
# downloaded with pip into a temporary folder), whose prob_*.py files are Python literals,
# read with `ast`.
# Nothing is committed. Usage:
#   scripts/fetch-jieba-hmm.sh [FOLDER]
set -euo pipefail
folder=$(realpath -m "${1:-$(dirname "$0")/../.cache}")
target="$folder/jieba-hmm.txt"
[ -s "$target" ] && exit 0
mkdir -p "$folder"
downloads=$(mktemp -d)
trap 'rm -rf "$downloads"' EXIT
python3 -m pip download --quiet --no-deps --no-binary :all: --dest "$downloads" jieba==0.42.1
archive="$downloads/jieba-0.42.1.tar.gz"
python3 - "$target" "$archive" <<'PY'
import ast, sys, tarfile

def literal(tar, name):
    member = next(m for m in tar.getmembers() if m.name.endswith(name))
    source = tar.extractfile(member).read().decode("utf-8")
    tree = ast.parse(source)
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "P":
            return ast.literal_eval(node.value)
    raise SystemExit(f"fetch-jieba-hmm: no table P in {name}")

def number(value):
    return "-inf" if value <= -1e100 else repr(value)

with tarfile.open(sys.argv[2]) as tar:
    start = literal(tar, "/jieba/finalseg/prob_start.py")
    trans = literal(tar, "/jieba/finalseg/prob_trans.py")
    emit = literal(tar, "/jieba/finalseg/prob_emit.py")
    tag_start = literal(tar, "/jieba/posseg/prob_start.py")
    tag_trans = literal(tar, "/jieba/posseg/prob_trans.py")
    tag_emit = literal(tar, "/jieba/posseg/prob_emit.py")

lines = [
    "# jieba 0.42.1 character-position models (MIT licence, (c) Sun Junyi, https://github.com/fxsjy/jieba),",
    "# from jieba/finalseg/prob_*.py and jieba/posseg/prob_*.py: natural-log probabilities, tab-separated.",
    "# segment-start STATE P | segment-transition FROM TO P | segment-emission STATE CHARACTER P",
    "# tag-start STATE TAG P | tag-transition STATE TAG STATE TAG P | tag-emission STATE TAG CHARACTER P",
]
for state in sorted(start):
    lines.append(f"segment-start\t{state}\t{number(start[state])}")
for state in sorted(trans):
    for to in sorted(trans[state]):
        lines.append(f"segment-transition\t{state}\t{to}\t{number(trans[state][to])}")
for state in sorted(emit):
    for character in sorted(emit[state]):
        lines.append(f"segment-emission\t{state}\t{character}\t{number(emit[state][character])}")
for state, tag in sorted(tag_start):
    lines.append(f"tag-start\t{state}\t{tag}\t{number(tag_start[(state, tag)])}")
for state, tag in sorted(tag_trans):
    for to, to_tag in sorted(tag_trans[(state, tag)]):
        lines.append(f"tag-transition\t{state}\t{tag}\t{to}\t{to_tag}\t{number(tag_trans[(state, tag)][(to, to_tag)])}")
for state, tag in sorted(tag_emit):
    for character in sorted(tag_emit[(state, tag)]):
        lines.append(f"tag-emission\t{state}\t{tag}\t{character}\t{number(tag_emit[(state, tag)][character])}")
with open(sys.argv[1] + ".tmp", "w", encoding="utf-8") as out:
    out.write("\n".join(lines) + "\n")
PY
mv "$target.tmp" "$target"
echo "setup: jieba character-position models at $target ($(wc -l < "$target") lines)"
