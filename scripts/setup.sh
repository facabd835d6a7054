#!/usr/bin/env bash
# Sets up a fresh Debian machine for Termbridge: the system libraries it links against
# and the tools its tests call, a debug build, then the data used by default (CC-CEDICT,
# jieba's word frequencies and character models, fetched and compiled — the segmentation
# model included — into .cache/ by scripts/fetch-data.sh).
# Idempotent: installs only what is missing, downloads only what is absent.
set -euo pipefail
cd "$(dirname "$0")/.."

# libicu-dev: ICU (segmentation, transforms); libstemmer-dev: Snowball stemmers;
# libxml2-utils: xmllint for schema validation; ripgrep: the matcher benchmark's anchor;
# zlib1g-dev: zlib for ZIPFoundation (XLSX glossaries).
packages=(libicu-dev pkg-config libstemmer-dev libxml2-utils ripgrep python3 python3-pip zlib1g-dev)
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

# LibreOffice Calc without a GUI, for the tests that convert our XLSX and CSV through
# `soffice --headless --convert-to` and back (skipped with a reason where it is absent).
# Measured on Debian 12: 58 packages, 90 MB to download, 264 MB installed, 144 s to install
# with --no-install-recommends on 2 busy cores. TERMBRIDGE_NO_LIBREOFFICE=1 skips it.
if [ -z "${TERMBRIDGE_NO_LIBREOFFICE:-}" ] && ! command -v soffice >/dev/null; then
    echo "setup: installing libreoffice-calc-nogui (for the spreadsheet round-trip tests)"
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null \
        || echo "setup: LibreOffice not installed; the spreadsheet round-trip tests will be skipped"
fi

# pyschematron, for the TBX-Basic Schematron check (scripts/validate-tbx.sh and its tests),
# in a virtual environment in .cache/schematron-venv. It needs Python >= 3.12 (on 3.11 pip
# finds only 0.1.0, an empty placeholder). Debian 12 ships 3.11, so a 3.12 or later is looked
# for on PATH (python3.13, python3.12) and among pyenv's installed versions, by their real
# paths: a pyenv shim runs only the version pyenv has selected. Without one the Schematron
# tests are reported as skipped, with this reason; everything else runs.
venv=.cache/schematron-venv
if [ ! -x "$venv/bin/pyschematron" ]; then
    python312=""
    for candidate in $(command -v python3.13 python3.12 python3 2>/dev/null | grep -v '/shims/') \
                     "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[2-9]*/bin/python3; do
        if [ -x "$candidate" ] && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
            python312=$candidate
            break
        fi
    done
    if [ -z "$python312" ]; then
        echo "setup: no Python >= 3.12 found; pyschematron not installed, the TBX-Basic Schematron tests will be skipped"
    elif ! { "$python312" -m venv "$venv" && "$venv/bin/pip" install --quiet pyschematron==1.2.5; }; then
        rm -rf "$venv"
        echo "setup: pyschematron could not be installed with $python312; the TBX-Basic Schematron tests will be skipped"
    else
        echo "setup: pyschematron 1.2.5 in $venv ($("$python312" --version))"
    fi
fi

# The build's own status decides (pipefail); the filter of progress lines never fails.
swift build 2>&1 | { grep -Ev '^\[[0-9]+/[0-9]+\]' || true; }

scripts/fetch-data.sh
