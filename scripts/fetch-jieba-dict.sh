#!/usr/bin/env bash
# Obtains jieba's general-language dictionary (dict.txt: 349,046 words with frequencies; MIT
# licence, © Sun Junyi) as .cache/jieba-dict.txt, the general-Chinese frequency list that
# `termbridge extract --general-frequencies` measures specificity against. It comes from
# the PyPI package jieba (0.42.1, a source archive), read with Python's tarfile module.
# Optional: extraction works without it, ranking with C-value and CC-CEDICT membership alone.
# Nothing is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
target=.cache/jieba-dict.txt
[ -s "$target" ] && exit 0
mkdir -p .cache/pip
python3 -m pip download --quiet --no-deps --no-binary :all: --dest .cache/pip jieba==0.42.1
python3 - "$target" <<'PY'
import glob, shutil, sys, tarfile
archive = sorted(glob.glob(".cache/pip/jieba-0.42.1.tar.gz"))[-1]
with tarfile.open(archive) as tar:
    member = next(m for m in tar.getmembers() if m.name.endswith("/jieba/dict.txt"))
    with tar.extractfile(member) as source, open(sys.argv[1] + ".tmp", "wb") as out:
        shutil.copyfileobj(source, out)
PY
mv "$target.tmp" "$target"
echo "setup: jieba dictionary at $target ($(wc -l < "$target") words)"
