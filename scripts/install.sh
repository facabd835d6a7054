#!/usr/bin/env bash
# Installs Termbridge under PREFIX (`make install [PREFIX=…] [DESTDIR=…]`, default /usr/local),
# or removes what it installed (`--uninstall`, `make uninstall`):
#
#   PREFIX/bin/termbridge                                the release build
#   PREFIX/share/termbridge/                             the data used by default, where the tool
#       *.tbdata, and their texts                        looks for it (<bin>/../share/termbridge):
#       (cedict_ts.u8, jieba-dict.txt, …)                compiled form and text (licence, staleness)
#       scripts/fetch-*.sh                               what `termbridge data fetch` runs
#       schemas/                                         the official schemas (`glossary validate`)
#   PREFIX/share/man/man1/termbridge*.1                  man pages (scripts/generate-man.py, one
#                                                        per command, UTF-8)
#   PREFIX/share/bash-completion/completions/termbridge  completions, where each shell looks
#   PREFIX/share/zsh/site-functions/_termbridge
#   PREFIX/share/fish/vendor_completions.d/termbridge.fish
#   PREFIX/share/doc/termbridge/                         README.md, LICENSE, NOTICE, CHANGELOG.md
#
# The data is fetched into .cache/ first when absent (scripts/fetch-cedict.sh,
# scripts/fetch-jieba-dict.sh) and compiled by the release binary. Files are copied with
# their modification times (`cp -p`): a compiled file records its text's size and time, and
# would otherwise be taken as out of date. Needs what `make setup` installs (Swift, libicu-dev,
# libstemmer-dev, pkg-config, python3 with pip for the fetch).
# Usage: scripts/install.sh [--uninstall] PREFIX     (DESTDIR is honoured for staged installs)
set -euo pipefail
cd "$(dirname "$0")/.."

uninstall=false
if [ "${1:-}" = "--uninstall" ]; then uninstall=true; shift; fi
if [ $# -ne 1 ] || [ -z "$1" ]; then
    echo "usage: $0 [--uninstall] PREFIX" >&2
    exit 2
fi
case $1 in /*) ;; *) echo "install: PREFIX must be an absolute path, not $1" >&2; exit 2 ;; esac
root="${DESTDIR:-}$1"
bin="$root/bin"
share="$root/share"
data="$share/termbridge"
man="$share/man/man1"
bash_completion="$share/bash-completion/completions/termbridge"
zsh_completion="$share/zsh/site-functions/_termbridge"
fish_completion="$share/fish/vendor_completions.d/termbridge.fish"
doc="$share/doc/termbridge"

if $uninstall; then
    rm -f "$bin/termbridge" "$man"/termbridge.1 "$man"/termbridge.*.1 \
        "$bash_completion" "$zsh_completion" "$fish_completion"
    rm -rf "$data" "$doc"
    echo "uninstall: removed Termbridge from $root"
    exit 0
fi

quiet_build() {   # swift build without its progress lines; the build's own status decides
    swift build "$@" 2>&1 | { grep -Ev '^\[[0-9]+/[0-9]+\]|^Building for|^Build of product|^Compiling|^Write' || true; }
    test "${PIPESTATUS[0]}" -eq 0
}

echo "install: building termbridge (release)"
quiet_build -c release --product termbridge
built=$(swift build -c release --show-bin-path)/termbridge

# The data, in the checkout's .cache/: every fetch script's file (fetched when absent), then
# compiled when out of date. All of it is installed: the compiled files and their texts.
fetch_scripts=$(ls scripts/fetch-*.sh | grep -v '/fetch-data\.sh$')
for script in $fetch_scripts; do "$script" .cache; done
TERMBRIDGE_DATA_DIR="$PWD/.cache" "$built" data compile | sed 's/^/install: /'

mkdir -p "$bin" "$data/scripts" "$data/schemas" "$man" "$doc" \
    "$(dirname "$bash_completion")" "$(dirname "$zsh_completion")" "$(dirname "$fish_completion")"
install -m 755 "$built" "$bin/termbridge"
for file in .cache/*.tbdata .cache/*.u8 .cache/*.txt; do
    [ -f "$file" ] || continue
    cp -p "$file" "$data/"
    chmod 644 "$data/$(basename "$file")"
done
install -m 755 $fetch_scripts "$data/scripts/"
cp -R Schemas/. "$data/schemas/"
install -m 644 README.md LICENSE NOTICE CHANGELOG.md "$doc/"

# Man pages: scripts/generate-man.py, from `termbridge --experimental-dump-help` (swift-argument-
# parser's generate-manual plugin drops every non-ASCII character, and the help is full of
# Chinese examples). The date is the release's, from CHANGELOG.md, so the pages do not change daily.
version=$("$built" --version)
date=$(sed -nE "s/^## \[$version\] - ([0-9]{4}-[0-9]{2}-[0-9]{2}).*/\1/p" CHANGELOG.md | head -n 1)
[ -n "$date" ] || { echo "install: CHANGELOG.md has no entry for $version" >&2; exit 1; }
echo "install: man pages (scripts/generate-man.py)"
pages=.build/man
rm -rf "$pages" && mkdir -p "$pages"
python3 scripts/generate-man.py "$built" "$pages" "$date" || { echo "install: generating the man pages failed" >&2; exit 1; }
install -m 644 "$pages"/*.1 "$man/"

# Completion scripts, from the binary itself.
"$built" --generate-completion-script bash > "$bash_completion"
"$built" --generate-completion-script zsh > "$zsh_completion"
"$built" --generate-completion-script fish > "$fish_completion"

echo "install: termbridge $version in $root (data in $data)"
