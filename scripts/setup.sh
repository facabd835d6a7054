#!/usr/bin/env bash
# Sets up a fresh Debian machine for Termbridge: the system libraries it links against
# and the tools its tests call, a debug build, then the data used by default (CC-CEDICT and
# jieba's word frequencies, fetched and compiled into .cache/ by scripts/fetch-data.sh).
# Idempotent: installs only what is missing, downloads only what is absent.
set -euo pipefail
cd "$(dirname "$0")/.."

# libicu-dev: ICU (segmentation, transforms); libstemmer-dev: Snowball stemmers;
# libxml2-utils: xmllint for schema validation; ripgrep: the matcher benchmark's anchor.
packages=(libicu-dev pkg-config libstemmer-dev libxml2-utils ripgrep python3 python3-pip)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# python3 and pip may come from elsewhere (pyenv); only ask apt for them when absent.
command -v python3 >/dev/null && missing=("${missing[@]/python3}")
python3 -m pip --version >/dev/null 2>&1 && missing=("${missing[@]/python3-pip}")
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}"
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Optional: pyschematron for the TBX-Basic Schematron check (scripts/validate-tbx.sh and
# its test). It needs Python >= 3.12; where none is installed, the check is skipped.
if [ ! -x /opt/schvenv/bin/pyschematron ]; then
    python312=$(command -v python3.12 || ls /root/.pyenv/versions/3.12*/bin/python3.12 2>/dev/null | head -n 1 || true)
    if [ -n "$python312" ] && [ -w /opt ]; then
        PYENV_VERSION=$(basename "$(dirname "$(dirname "$python312")")") "$python312" -m venv /opt/schvenv \
            && /opt/schvenv/bin/pip install --quiet pyschematron==1.2.5 \
            || echo "setup: pyschematron not installed; the Schematron check will be skipped"
    fi
fi

# translate-toolkit (PyPI) into .cache/pylib for the tests that read our TBX 2008 and TMX
# with it (TranslateToolkitTests); where pip fails they are skipped with that reason.
if ! PYTHONPATH=.cache/pylib python3 -c "import translate.storage.tbx" 2>/dev/null; then
    python3 -m pip install --quiet --target .cache/pylib translate-toolkit==3.20.4 \
        || echo "setup: translate-toolkit not installed; its tests will be skipped"
fi

# The build's own status decides (pipefail); the filter of progress lines never fails.
swift build 2>&1 | { grep -Ev '^\[[0-9]+/[0-9]+\]' || true; }

scripts/fetch-data.sh
