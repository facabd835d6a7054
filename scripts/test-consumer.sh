#!/usr/bin/env bash
# The consumer-package test: another Swift package depends on Termbridge *by version* and
# uses it beside Foundation (`make test` runs it after `swift test`).
#
# It snapshots the working tree (tracked and new files; ignored ones left out) into a
# temporary git repository tagged 1.0.0, makes a temporary package whose Package.swift says
# `.package(url: "file://…", from: "1.0.0")` and whose executable imports Foundation and
# Termbridge, builds it (only what it needs: Termbridge's library and its dependencies),
# runs it and compares its output. SwiftPM refuses a version dependency whose targets use
# unsafe flags, and a Termbridge module that made clients load ICU's headers would clash with
# Foundation's; either fails here. Finally it checks that compiling the client read none of
# ICU's headers. Any failure exits non-zero with the reason.
set -euo pipefail
cd "$(dirname "$0")/.."

version=1.0.0
work=$(mktemp -d "${TMPDIR:-/tmp}/termbridge-consumer.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "consumer test FAILED: $*" >&2; exit 1; }

# The snapshot repository. Files deleted but not yet committed are left out like the rest
# of the working tree's state.
repo="$work/termbridge"
mkdir "$repo"
git ls-files -z --cached --others --exclude-standard \
    | while IFS= read -r -d '' file; do
          if [ -e "$file" ] || [ -L "$file" ]; then printf '%s\0' "$file"; fi
      done \
    | tar --null -T - -cf - | tar -xf - -C "$repo"
(
    cd "$repo"
    git init -q
    git add -A -f .
    git -c user.name="Termbridge consumer test" -c user.email=consumer-test@localhost \
        commit -q -m "working tree snapshot for the consumer-package test"
    git tag "$version"
)

# The consumer package.
consumer="$work/consumer"
mkdir -p "$consumer/Sources/consumer"
cat > "$consumer/Package.swift" <<EOF
// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "consumer",
    dependencies: [.package(url: "file://$repo", from: "$version")],
    targets: [
        .executableTarget(
            name: "consumer",
            dependencies: [.product(name: "Termbridge", package: "termbridge")]
        ),
    ]
)
EOF
cat > "$consumer/Sources/consumer/main.swift" <<'EOF'
import Foundation
import Termbridge

// A small glossary, read as a user's TSV file would be.
let tsv = """
    id\tzh\ten
    c1\t准盟友\tquasi ally
    c2\t核保护伞\tnuclear umbrella
    """
let glossary = try Glossary.read(Data(tsv.utf8), format: .tsv, file: "consumer.tsv")

let sentence = "美国与准盟友的关系"
func segmented(_ segmenter: Segmenter) throws -> String {
    try segmenter.tokens(in: sentence).map(\.text).joined(separator: " ")
}
print("ICU words:       " + (try segmented(Segmenter())))
print("with dictionary: " + (try segmented(Segmenter(dictionary: UserDictionary(["准盟友"])))))

// Looked up in Traditional characters: the glossary folds them to Simplified.
for reference in try glossary.lookup("準盟友") {
    let concept = glossary.concepts[reference.concept]
    let english = concept.preferredTerm(in: "en")?.text ?? "-"
    print("glossary:        \(concept.id) 準盟友 → \(english)")
}
EOF
expected="ICU words:       美国 与 准 盟友 的 关系
with dictionary: 美国 与 准盟友 的 关系
glossary:        c1 準盟友 → quasi ally"

echo "consumer test: building a package that depends on Termbridge from: \"$version\""
# No shared dependency cache: the snapshot's URL is new on every run.
if ! swift build --package-path "$consumer" --disable-dependency-cache >"$work/build.log" 2>&1; then
    grep -Ev '^\[[0-9]+/[0-9]+\]' "$work/build.log" >&2 || true
    fail "the consumer package did not resolve or build (log above)"
fi
output=$("$consumer/.build/debug/consumer") || fail "the consumer exited with status $?"
if [ "$output" != "$expected" ]; then
    diff <(echo "$expected") <(echo "$output") >&2 || true
    fail "unexpected output (diff: expected, then actual)"
fi
echo "$output"

# What the Swift compiles of the consumer build read: every clang module they loaded was
# compiled into its module cache, and each module file lists its input files. None may be a
# header of the system ICU (Foundation's own copy lives in `_foundation_unicode/`), and CICU's
# module must be among them, or the check proves nothing.
clang="$(dirname "$(command -v swift)")/clang"
[ -x "$clang" ] || fail "no clang beside swift to read the module cache with"
modules=$(find "$consumer/.build" -path '*/ModuleCache/*' -name '*.pcm')
echo "$modules" | grep -q '/CICU-[^/]*\.pcm$' || fail "the consumer build loaded no CICU module"
for module in $modules; do
    inputs=$("$clang" -module-file-info "$module" 2>&1 | grep 'Input file:') \
        || fail "cannot read the input files of $module"
    if echo "$inputs" | grep '/unicode/[^/]*\.h'; then
        fail "the consumer build loaded ICU headers (above) through $(basename "$module")"
    fi
done
echo "consumer test passed: Termbridge $version resolved by version, built and ran beside Foundation"
