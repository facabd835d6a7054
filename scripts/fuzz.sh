#!/usr/bin/env bash
# Fuzzing (see Docs/Fuzzing.md): one libFuzzer target per reader, Fuzz/Fuzz<Target>.swift,
# each run for FUZZ_SECONDS (default 180) from a seed corpus made of our fixtures.
#
#   scripts/fuzz.sh [TARGET...]        TBX TMX XLIFF Delimited XLSX JSON CEDICT Beads PlainText
#   FUZZ_SECONDS=1800 scripts/fuzz.sh TBX
#
# The targets are not products of the package: the library is built in release mode with
# libFuzzer's coverage instrumentation and AddressSanitizer into .build-fuzz (its own build
# folder, so the package itself never gains unsafe flags), then swiftc links each target's
# file against the library's object files. Seeds are copied from Tests/Fixtures, Corpus and
# Glossary at run time (and made from them with the CLI: TBX, TMX, JSON, CSV, XLSX, OmegaT,
# beads) into .build-fuzz/seeds; what the fuzzer learns is kept in .build-fuzz/corpus between runs.
# A crash, sanitizer report, hang (FUZZ_TIMEOUT seconds for one input, default 10) or memory
# use over FUZZ_RSS_MB (default 2048) stops the target, leaves the input in
# .build-fuzz/findings/<target>/ and makes the script exit non-zero after the other targets.
#
# LeakSanitizer is off: Foundation's Data(contentsOf:) leaks 4 KB reading an empty file (outside
# Termbridge; Docs/Fuzzing.md). Other settings: FUZZ_MAX_LEN (largest input, default 16384 bytes), FUZZ_NICE (niceness of
# the fuzzing processes, default 0), FUZZ_BUILD_ONLY=1 (build the targets and stop).
set -euo pipefail
cd "$(dirname "$0")/.."

all_targets=(TBX TMX XLIFF Delimited XLSX JSON CEDICT Beads PlainText)
if [ $# -gt 0 ]; then targets=("$@"); else targets=("${all_targets[@]}"); fi
seconds=${FUZZ_SECONDS:-180}
build=.build-fuzz
progress() { grep -Ev '^\[[0-9]+/[0-9]+\]|^Building for|^Compiling|^Write|^Build of target' || true; }

# 1. The library, instrumented. Only the Termbridge target and what it depends on.
# Not SwiftPM's --sanitize: given twice it passes swiftc two -sanitize= flags, and the last one wins
# (no coverage instrumentation). One combined flag for Swift, the same for the C shim.
swift_flags=(-c release --build-path "$build" -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address)
swift build "${swift_flags[@]}" --target Termbridge 2>&1 | progress
test "${PIPESTATUS[0]}" -eq 0
bin=$(swift build "${swift_flags[@]}" --show-bin-path)
objects=("$bin"/{CICU,ICU,ZIPFoundation,Termbridge}.build/*.o)

# 2. The targets: FuzzSupport.swift plus the target's file, linked with libFuzzer's main.
mkdir -p "$build/fuzz"
for target in "${targets[@]}"; do
    source=Fuzz/Fuzz$target.swift
    [ -f "$source" ] || { echo "fuzz: no target $target (${all_targets[*]})" >&2; exit 2; }
    binary=$build/fuzz/$target
    if [ ! -x "$binary" ] || [ -n "$(find "$source" Fuzz/FuzzSupport.swift "${objects[@]}" -newer "$binary" -print -quit)" ]; then
        echo "fuzz: linking $target"
        swiftc -O -parse-as-library -swift-version 5 -sanitize=fuzzer,address \
            -I "$bin/Modules" -Xcc -fmodule-map-file="$bin/CICU.build/module.modulemap" \
            -Xcc -fmodule-map-file=Sources/CStemmer/module.modulemap \
            -Xcc -fmodule-map-file="$build/checkouts/ZIPFoundation/Sources/CZLib/module.modulemap" \
            Fuzz/FuzzSupport.swift "$source" "${objects[@]}" \
            $(pkg-config --libs icu-uc icu-i18n) -lstemmer -lz -o "$binary"
    fi
done
[ "${FUZZ_BUILD_ONLY:-0}" = 1 ] && exit 0

# 3. Seeds, fresh for each run: our fixtures as they are, and what the CLI makes of them.
cli=$(swift build --show-bin-path 2>/dev/null)/termbridge
seed_dir() { rm -rf "$build/seeds/$1"; mkdir -p "$build/seeds/$1"; echo "$build/seeds/$1"; }
made() {   # made TARGET NAME COMMAND...: the CLI's output as a seed; a failure only warns
    local out=$build/seeds/$1/$2
    shift 2
    [ -x "$cli" ] && "$@" -o "$out" >/dev/null 2>&1 || echo "fuzz: seed $out not made (no CLI build?)" >&2
}
convert() {   # convert TARGET NAME INPUT [FORMAT]
    local out=$build/seeds/$1/$2
    [ -x "$cli" ] && "$cli" glossary convert "$3" "$out" ${4:+--to "$4"} >/dev/null 2>&1 || echo "fuzz: seed $out not made (no CLI build?)" >&2
}
# Alignments for TMX, bilingual TSV and beads use the CC-CEDICT sample fixture (fast to load).
align() { "$cli" align Tests/Fixtures/Compilation/arctic-lanes.zh.txt Tests/Fixtures/Compilation/arctic-lanes.en.md \
              --lexicon Tests/Fixtures/Data/cedict-sample.u8 "$@"; }
glossary=Glossary/quasi-alliance.tsv small_glossary=Tests/Fixtures/Checking/quasi-alliances.supplement.tsv
head_glossary=$build/seeds/quasi-alliance.head.tsv   # the shipped glossary's first concepts
mkdir -p "$build/seeds"; head -n 10 "$glossary" > "$head_glossary"
seeds() {
    local dir
    dir=$(seed_dir "$1")
    case $1 in
    TBX)
        cp Glossary/quasi-alliance.tbx Tests/Fixtures/Termbases/*.tbx Tests/Fixtures/Termbases/multiterm.xml "$dir/"
        convert TBX head.tbx "$head_glossary"; convert TBX head-2008.tbx "$head_glossary" tbx2008
        convert TBX supplement.tbx "$small_glossary" ;;
    TMX)
        made TMX arctic-lanes.tmx align --format tmx
        made TMX arctic-lanes-weak.tmx align --format tmx --keep-weak ;;
    XLIFF)
        cp Fuzz/seeds/*.xlf "$dir/" ;;
    Delimited)
        cp "$head_glossary" "$small_glossary" Corpus/quasi-alliances.reference-terms.tsv Tests/Fixtures/Termbases/iate.csv "$dir/"
        convert Delimited head.csv "$head_glossary"; convert Delimited head.utf8 "$head_glossary"
        made Delimited bilingual.tsv align --format tsv ;;
    XLSX)
        convert XLSX head.xlsx "$head_glossary"; convert XLSX supplement.xlsx "$small_glossary" ;;
    JSON)
        cp Tests/Fixtures/Termbases/unterm.json "$dir/"
        convert JSON head.json "$head_glossary"; convert JSON supplement.json "$small_glossary" ;;
    CEDICT)
        cp Tests/Fixtures/Data/cedict-sample.u8 "$dir/" ;;
    Beads)
        cp Tests/Fixtures/Checking/quasi-alliances.beads "$dir/"
        made Beads arctic-lanes.beads align --format beads ;;
    PlainText)
        cp Corpus/zh/*.txt Corpus/en/* Tests/Fixtures/Checking/*.txt Tests/Fixtures/Compilation/*.txt \
            Tests/Fixtures/Compilation/*.md "$dir/"
        # Both sides of an alignment in one input: Chinese, a NUL byte, English.
        { cat Tests/Fixtures/Compilation/arctic-lanes.zh.txt; printf '\0'; cat Tests/Fixtures/Compilation/arctic-lanes.en.md; } \
            > "$dir/arctic-lanes.zh-en" ;;
    esac
}

# 4. The runs, one target after the other.
failed=()
for target in "${targets[@]}"; do
    seeds "$target"
    mkdir -p "$build/corpus/$target" "$build/findings/$target" "$build/logs"
    dict=()
    case $target in TBX|TMX|XLIFF) dict=(-dict=Fuzz/xml.dict) ;; esac
    log=$build/logs/$target.log
    echo "fuzz: $target for ${seconds}s (log: $log)"
    status=0
    nice -n "${FUZZ_NICE:-0}" "$build/fuzz/$target" "${dict[@]}" -max_total_time="$seconds" \
        -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb="${FUZZ_RSS_MB:-2048}" -max_len="${FUZZ_MAX_LEN:-16384}" \
        -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$build/findings/$target/" \
        "$build/corpus/$target" "$build/seeds/$target" >"$log" 2>&1 || status=$?
    # The figures: executions, their rate, and coverage (edges, features) at the end.
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    coverage=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -n 1)
    echo "fuzz: $target: ${execs:-?} executions, ${rate:-?}/s, ${coverage:-no coverage line}, exit $status"
    if [ "$status" -ne 0 ]; then
        failed+=("$target")
        grep -E 'ERROR|SUMMARY|Fatal error|deadly signal|Test unit written' "$log" | head -n 8 >&2
    fi
done
if ((${#failed[@]})); then
    echo "fuzz: FINDINGS in ${failed[*]}: inputs in $build/findings/, logs in $build/logs/" >&2
    exit 1
fi
