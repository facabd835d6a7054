#!/usr/bin/env bash
# Obtains jieba's general-language dictionary (dict.txt: 349,046 words with frequencies and
# part-of-speech tags; MIT licence, © Sun Junyi) as FOLDER/jieba-dict.txt (default: the
# checkout's .cache/), the general-Chinese frequency list that `termbridge extract` measures
# specificity against. It comes from the PyPI package jieba (0.42.1, a source archive,
# downloaded with pip into a temporary folder), read with Python's tarfile module.
# Optional: extraction works without it, ranking with C-value and CC-CEDICT membership alone.
# Nothing is committed. Usage:
#   scripts/fetch-jieba-dict.sh [FOLDER]
set -euo pipefail
folder=$(realpath -m "${1:-$(dirname "$0")/../.cache}")
target="$folder/jieba-dict.txt"
[ -s "$target" ] && exit 0
mkdir -p "$folder"
downloads=$(mktemp -d)
trap 'rm -rf "$downloads"' EXIT
python3 -m pip download --quiet --no-deps --no-binary :all: --dest "$downloads" jieba==0.42.1
python3 - "$target" "$downloads" <<'PY'
import glob, shutil, sys, tarfile
archive = sorted(glob.glob(sys.argv[2] + "/jieba-0.42.1.tar.gz"))[-1]
with tarfile.open(archive) as tar:
    member = next(m for m in tar.getmembers() if m.name.endswith("/jieba/dict.txt"))
    with tar.extractfile(member) as source, open(sys.argv[1] + ".tmp", "wb") as out:
        shutil.copyfileobj(source, out)
PY
mv "$target.tmp" "$target"
echo "setup: jieba dictionary at $target ($(wc -l < "$target") words)"
