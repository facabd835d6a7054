#!/usr/bin/env bash
# The installation test (`make test` runs it after the consumer test): `make install` into a
# temporary prefix, then the installed tool run as a user runs it — from an unrelated folder
# with no .cache/, a fresh HOME and no system data folders — and `make uninstall`.
#
# Checked: `termbridge --version` (root and a subcommand) is the version of Version.swift;
# `data status` finds every data file in PREFIX/share/termbridge, compiled and up to date;
# `align` and `extract` (the commands that use the data; `segment` uses none) run with no
# note about missing or out-of-date data; `glossary validate` finds the installed schemas
# (no "schema check skipped") and rejects a broken TBX file; the man pages, the three
# completion scripts and LICENSE/NOTICE are in place and well-formed; after uninstall
# nothing of Termbridge is left under PREFIX.
#
# The installed binary was built from this checkout, so it could also find the checkout's
# .cache/ (last in the search order); `data status` must name PREFIX's folder, which comes
# before it, for every file. Any failure exits non-zero with the reason.
set -euo pipefail
cd "$(dirname "$0")/.."
checkout=$PWD

work=$(mktemp -d "${TMPDIR:-/tmp}/termbridge-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "install test FAILED: $*" >&2; exit 1; }
prefix="$work/prefix"

start=$(date +%s)
echo "install test: make install PREFIX=$prefix"
make --no-print-directory install PREFIX="$prefix" > "$work/install.log" 2>&1 \
    || { cat "$work/install.log" >&2; fail "make install failed (log above)"; }
installed=$(date +%s)

# A user's shell: an unrelated folder, a fresh home, no data folders but the installed one.
user="$work/user"
mkdir -p "$user/home"
cd "$user"
run() {
    env -i PATH="$prefix/bin:/usr/bin:/bin" HOME="$user/home" XDG_DATA_DIRS="$user/none" LANG=C.UTF-8 "$@"
}

version=$(sed -nE 's/.*static let current = "([^"]+)".*/\1/p' "$checkout/Sources/Termbridge/Support/Version.swift")
[ -n "$version" ] || fail "no version in Version.swift"
[ "$(run termbridge --version)" = "$version" ] || fail "termbridge --version is not $version"
[ "$(run termbridge align --version)" = "$version" ] || fail "termbridge align --version is not $version"

# Every data file found in the installed folder (before the checkout's .cache/), compiled and
# up to date: no problem reported, nothing read from its text form.
status=$(run termbridge data status) || { echo "$status" >&2; fail "data status: a data file is missing (above)"; }
files=$(ls "$prefix"/share/termbridge/*.tbdata | wc -l)
[ "$files" -ge 2 ] || fail "fewer than two compiled data files installed"
found=$(grep -c "^  in $prefix/share/termbridge (the installed data folder" <<<"$status" || true)
[ "$found" -eq "$files" ] || { echo "$status" >&2; fail "not every data file was found in $prefix/share/termbridge (above)"; }
if grep -Eq '^  (problem:|loads from the text form)' <<<"$status"; then
    echo "$status" >&2; fail "an installed compiled file was not used (above)"
fi

# The commands that use the data, on a pair written for this test.
printf '美国与准盟友的关系很复杂。\n华盛顿向乌克兰提供了陆军战术导弹系统。\n' > zh.txt
printf 'Relations between America and its quasi allies are complicated.\nWashington gave Ukraine the Army Tactical Missile System.\n' > en.txt
for command in "align zh.txt en.txt --format tsv" "extract zh.txt --source en.txt --min-freq 1"; do
    # shellcheck disable=SC2086
    if ! run termbridge $command > out.txt 2> err.txt; then
        cat err.txt >&2; fail "termbridge $command failed"
    fi
    if grep -Eiq 'not found|out of date|note:' err.txt; then
        cat err.txt >&2; fail "termbridge $command did not find the installed data (above)"
    fi
    [ -s out.txt ] || fail "termbridge $command printed nothing"
done

# glossary validate with the installed schemas: the shipped glossary is valid, a broken copy is not.
cp "$checkout/Glossary/quasi-alliance.tbx" glossary.tbx
report=$(run termbridge glossary validate glossary.tbx) || { echo "$report" >&2; fail "glossary validate rejected the shipped glossary"; }
grep -q "schema check skipped" <<<"$report" && { echo "$report" >&2; fail "glossary validate did not find the installed schemas"; }
# An attribute the schema does not allow (Termbridge itself reads the file).
sed 's/<descrip type="subjectField">/<descrip type="subjectField" colour="red">/' glossary.tbx > broken.tbx
if report=$(run termbridge glossary validate broken.tbx); then
    fail "glossary validate accepted a TBX file with an attribute its schema does not allow"
fi
grep -q "not valid against $prefix/share/termbridge/schemas/tbx/TBXcoreStructV03.rng" <<<"$report" \
    || { echo "$report" >&2; fail "the broken file was not checked against the installed schema"; }

# Man pages, completions, licence files.
man="$prefix/share/man/man1"
[ -s "$man/termbridge.1" ] || fail "no man page $man/termbridge.1"
grep -q '^\.TH TERMBRIDGE 1' "$man/termbridge.1" || fail "termbridge.1 has no .TH header"
[ -s "$man/termbridge.glossary.validate.1" ] || fail "no man page for glossary validate"
# The help's Chinese examples are kept (generate-manual, which this replaces, dropped them).
grep -q '准盟友' "$man/termbridge.glossary.lookup.1" || fail "termbridge.glossary.lookup.1 lost its Chinese example"
if command -v groff >/dev/null; then
    for page in "$man"/termbridge*.1; do
        groff -k -man -Tutf8 -ww "$page" > /dev/null 2> groff.txt || fail "groff cannot format $page"
        [ ! -s groff.txt ] || { cat groff.txt >&2; fail "groff warnings on $page"; }
    done
fi
bash_completion="$prefix/share/bash-completion/completions/termbridge"
zsh_completion="$prefix/share/zsh/site-functions/_termbridge"
fish_completion="$prefix/share/fish/vendor_completions.d/termbridge.fish"
for file in "$bash_completion" "$zsh_completion" "$fish_completion"; do
    [ -s "$file" ] || fail "no completion script $file"
    grep -q "glossary" "$file" || fail "$file does not complete the glossary subcommand"
done
bash -n "$bash_completion" || fail "the bash completion script does not parse"
if command -v zsh >/dev/null; then zsh -n "$zsh_completion" || fail "the zsh completion script does not parse"; fi
if command -v fish >/dev/null; then fish --no-execute "$fish_completion" || fail "the fish completion script does not parse"; fi
# bash completes a subcommand from the installed script.
completions=$(run bash -c "source '$bash_completion'; COMP_WORDS=(termbridge glo); COMP_CWORD=1; COMP_LINE='termbridge glo'; COMP_POINT=\${#COMP_LINE}; _termbridge termbridge glo termbridge; printf '%s\n' \"\${COMPREPLY[@]}\"")
grep -qx glossary <<<"$completions" || fail "bash does not complete 'termbridge glo' to glossary (got: $completions)"
for file in LICENSE NOTICE CHANGELOG.md README.md; do
    [ -s "$prefix/share/doc/termbridge/$file" ] || fail "no $file in share/doc/termbridge"
done

cd "$checkout"
make --no-print-directory uninstall PREFIX="$prefix" > /dev/null
left=$(find "$prefix" -type f)
[ -z "$left" ] || { echo "$left" >&2; fail "files left after make uninstall (above)"; }

echo "install test passed: termbridge $version installed into a temporary prefix ($((installed - start)) s for make install), data, schemas, man pages and completions found and used; uninstalled"
