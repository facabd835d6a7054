#!/usr/bin/env bash
# Validates a TBX file against the official schemas the project ships in Schemas/ (or the
# first folder of $TERMBRIDGE_SCHEMAS; see Schemas/README.md).
#   TBX v3 (<tbx>):       TBXcoreStructV03.rng with xmllint, then the TBX-Basic Schematron
#                         (TBX-Basic_DCA.sch, XSLT2 query binding) with pyschematron >= 1.2.
#   TBX 2008 (<martif>):  TBXcoreStructV02.dtd with xmllint (no Schematron exists for it).
# Usage: scripts/validate-tbx.sh FILE.tbx
# Exit: 0 valid; 1 invalid (or a validator failed); 2 usage, or a tool or the schemas are missing.
#
# Tools: xmllint (Debian libxml2-utils); pyschematron 1.2.5 from PyPI, which needs Python >= 3.12
# (on Python 3.11 pip installs 0.1.0, an empty placeholder without a validator). It is found as
# $PYSCHEMATRON, the checkout's .cache/schematron-venv/bin/pyschematron (scripts/setup.sh makes
# it when a Python >= 3.12 exists), /opt/schvenv/bin/pyschematron, or pyschematron on PATH.
# By hand: python3.12 -m venv .cache/schematron-venv && .cache/schematron-venv/bin/pip install pyschematron==1.2.5
# pyschematron exits 0 even when it prints INVALID, so the verdict is read from its output and
# from the failed asserts in its SVRL report.
set -uo pipefail

if [ $# -ne 1 ] || [ ! -f "$1" ]; then
    echo "usage: $0 FILE.tbx" >&2
    exit 2
fi
file=$1
root=$(cd "$(dirname "$0")/.." && pwd)
schemas=${TERMBRIDGE_SCHEMAS:-$root/Schemas}
schemas=${schemas%%:*}
if [ ! -f "$schemas/tbx/TBXcoreStructV03.rng" ]; then
    echo "validate-tbx: schemas not found in $schemas (set TERMBRIDGE_SCHEMAS)" >&2
    exit 2
fi
if ! command -v xmllint >/dev/null; then
    echo "validate-tbx: xmllint not found (apt-get install libxml2-utils)" >&2
    exit 2
fi

element=$(xmllint --xpath 'local-name(/*)' "$file" 2>/dev/null)
case $element in
martif)
    if xmllint --noout --dtdvalid "$schemas/tbx/tbx2008/TBXcoreStructV02.dtd" "$file"; then
        echo "DTD (TBX 2008): valid"
        exit 0
    fi
    echo "DTD (TBX 2008): INVALID"
    exit 1
    ;;
tbx) ;;
*)
    echo "validate-tbx: $file is neither TBX v3 (<tbx>) nor TBX 2008 (<martif>)" >&2
    exit 1
    ;;
esac

pyschematron=${PYSCHEMATRON:-}
if [ -z "$pyschematron" ]; then
    if [ -x "$root/.cache/schematron-venv/bin/pyschematron" ]; then
        pyschematron=$root/.cache/schematron-venv/bin/pyschematron
    elif [ -x /opt/schvenv/bin/pyschematron ]; then
        pyschematron=/opt/schvenv/bin/pyschematron
    else
        pyschematron=$(command -v pyschematron || true)
    fi
fi
if [ -z "$pyschematron" ] || [ ! -x "$pyschematron" ]; then
    echo "validate-tbx: pyschematron not found (needs Python >= 3.12: python3.12 -m venv .cache/schematron-venv && .cache/schematron-venv/bin/pip install pyschematron==1.2.5)" >&2
    exit 2
fi

status=0
if xmllint --noout --relaxng "$schemas/tbx/TBXcoreStructV03.rng" "$file"; then
    echo "RelaxNG (TBX v3 core): valid"
else
    echo "RelaxNG (TBX v3 core): INVALID"
    status=1
fi

report=$(mktemp "${TMPDIR:-/tmp}/validate-tbx.XXXXXX.svrl")
trap 'rm -f "$report"' EXIT
if ! output=$("$pyschematron" "$file" "$schemas/tbx/TBX-Basic_DCA.sch" --svrl-out "$report" 2>&1); then
    echo "$output"
    echo "Schematron (TBX-Basic): pyschematron failed"
    exit 1
fi
failed=$(grep -o '<svrl:failed-assert' "$report" | wc -l)
if grep -q 'INVALID' <<<"$output" || [ "$failed" -gt 0 ]; then
    # Print each failed assertion's text once.
    grep -o '<svrl:text>[^<]*</svrl:text>' "$report" | sed 's/<[^>]*>//g' | sort | uniq -c | sed 's/^/  /'
    echo "Schematron (TBX-Basic): INVALID ($failed failed assertions)"
    status=1
elif grep -q 'VALID' <<<"$output"; then
    echo "Schematron (TBX-Basic): VALID"
else
    echo "$output"
    echo "Schematron (TBX-Basic): no verdict from pyschematron"
    status=1
fi
exit $status
