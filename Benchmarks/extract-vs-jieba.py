#!/usr/bin/env python3
"""Term extraction: `termbridge extract` beside jieba.analyse (TF-IDF and TextRank), then speed.

Recall: how many terms of a reference list each method's top N holds, at equal list lengths,
on the same Chinese input:
  - Corpus/zh/quasi-alliances.zh.txt (with its source Corpus/en/quasi-alliances.en.md for
    termbridge), against the hand-written Corpus/quasi-alliances.reference-terms.tsv;
  - the third-party seed compilation (../shared/seed/*.txt, read by path, never copied), when
    present, against the Chinese terms of Glossary/quasi-alliance.tsv that occur in it.
A term counts as found when a list item equals one of its forms after NFKC folding. termbridge
runs without --glossary (a glossary would hand it the answers) and ranks only Chinese
candidates here (English-only rows are skipped), with no data flag: CC-CEDICT and jieba's
frequencies are found by default (.cache/ after `make data`). jieba 0.42.1 comes from PyPI into .cache/python when not importable.

Speed: the corpus pair repeated to at least 10 MB of Chinese (one document pair), extracted
end to end by the release build, wall time printed (termbridge is single-threaded).

Usage: Benchmarks/extract-vs-jieba.py [--termbridge PATH] [--speed-mb 10] [--no-speed]
"""
import argparse
import csv
import glob
import json
import os
import subprocess
import sys
import tempfile
import time
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CACHE = os.path.join(ROOT, ".cache")
JIEBA_TARGET = os.path.join(CACHE, "python", "jieba-0.42.1")


def import_jieba():
    sys.path.insert(0, JIEBA_TARGET)
    try:
        import jieba.analyse  # noqa: F401
    except ImportError:
        print("installing jieba 0.42.1 into", JIEBA_TARGET, file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--target", JIEBA_TARGET,
                        "jieba==0.42.1"], check=True)
        import jieba.analyse  # noqa: F401
    import jieba
    jieba.setLogLevel(60)
    return jieba


def fold(text):
    return unicodedata.normalize("NFKC", text).strip()


def read_reference(path):
    terms = []
    with open(path, encoding="utf-8") as f:
        rows = [line for line in f if not line.startswith("#")]
    for row in csv.DictReader(rows, delimiter="\t"):
        terms.append({fold(form) for form in row["zh"].split("|") if form.strip()})
    return terms


def glossary_reference(glossary_path, text):
    """The glossary's Chinese terms that occur in `text`, one set of forms per concept."""
    terms = []
    with open(glossary_path, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            forms = set()
            for column in ("zh", "zh_admitted", "zh_deprecated"):
                forms |= {fold(t) for t in row.get(column, "").split("|") if t.strip()}
            present = {form for form in forms if form in text}
            if present:
                terms.append(present)
    return terms


def found(items, reference, n):
    top = {fold(item) for item in items[:n]}
    return sum(1 for forms in reference if forms & top)


def termbridge_list(binary, chinese, english, top):
    args = [binary, "extract", chinese, "--top", str(max(top * 3, 300)), "--format", "json", "-o"]
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "candidates.json")
        command = args + [out]
        if english:
            command += ["--source", english]
        subprocess.run(command, check=True, stderr=subprocess.DEVNULL)
        with open(out, encoding="utf-8") as f:
            glossary = json.load(f)
    items = []
    for concept in glossary["concepts"]:
        for section in concept["languages"]:
            if section["language"] == "zh" and section["terms"]:
                items.append(section["terms"][0]["text"])
                break
    return items


def recall_table(name, binary, chinese, english, reference, jieba):
    text = open(chinese, encoding="utf-8").read()
    ours = termbridge_list(binary, chinese, english, 100)
    tfidf = jieba.analyse.extract_tags(text, topK=100)
    textrank = jieba.analyse.textrank(text, topK=100)
    print(f"\n{name}: {len(reference)} reference terms; termbridge listed {len(ours)} Chinese candidates")
    print(f"| top N | termbridge extract | jieba TF-IDF | jieba TextRank | termbridge ÷ best jieba |")
    print(f"| --- | --- | --- | --- | --- |")
    for n in (10, 20, 50, 100):
        a, b, c = found(ours, reference, n), found(tfidf, reference, n), found(textrank, reference, n)
        ratio = f"{a / max(b, c):.2f}" if max(b, c) else "—"
        print(f"| {n} | {a} ({a / len(reference):.0%}) | {b} ({b / len(reference):.0%}) | {c} ({c / len(reference):.0%}) | {ratio} |")
    missed = [sorted(forms)[0] for forms in reference if not (forms & {fold(i) for i in ours[:100]})]
    print("termbridge top 100 misses:", " ".join(missed) if missed else "none")


def speed(binary, megabytes):
    zh = open(os.path.join(ROOT, "Corpus/zh/quasi-alliances.zh.txt"), encoding="utf-8").read()
    en = open(os.path.join(ROOT, "Corpus/en/quasi-alliances.en.md"), encoding="utf-8").read()
    copies = -(-megabytes * 1_000_000 // len(zh.encode("utf-8")))
    with tempfile.TemporaryDirectory() as folder:
        zh_path, en_path = os.path.join(folder, "big.zh.txt"), os.path.join(folder, "big.en.md")
        with open(zh_path, "w", encoding="utf-8") as f:
            f.write("\n\n".join([zh.strip()] * copies) + "\n")
        with open(en_path, "w", encoding="utf-8") as f:
            f.write("\n\n".join([en.strip()] * copies) + "\n")
        size = os.path.getsize(zh_path) / 1e6
        command = [binary, "extract", zh_path, "--source", en_path, "--top", "500", "-o", os.path.join(folder, "out.tsv")]
        start = time.perf_counter()
        result = subprocess.run(["/usr/bin/time", "-f", "%M %U %S"] + command, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        if result.returncode != 0:
            print(result.stderr, file=sys.stderr)
            raise SystemExit("termbridge extract failed")
        rss_kb, user, system = result.stderr.strip().splitlines()[-1].split()
        print(f"\nSpeed: {size:.1f} MB of Chinese ({copies} copies of the corpus text) with its "
              f"{os.path.getsize(en_path) / 1e6:.1f} MB English source, extracted end to end")
        print("| input | wall s | CPU s (user+sys) | peak RSS MB | budget |")
        print("| --- | --- | --- | --- | --- |")
        print(f"| {size:.1f} MB zh + {os.path.getsize(en_path) / 1e6:.1f} MB en | {seconds:.1f} | "
              f"{float(user) + float(system):.1f} | {int(rss_kb) / 1024:.0f} | 30 s: {'met' if seconds < 30 else 'MISSED'} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    default = os.path.join(ROOT, ".build/release/termbridge")
    parser.add_argument("--termbridge", default=default)
    parser.add_argument("--speed-mb", type=int, default=10)
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args()
    os.chdir(ROOT)
    if not os.path.exists(args.termbridge):
        raise SystemExit(f"{args.termbridge} not found: run `swift build -c release` first")
    jieba = import_jieba()
    recall_table("Corpus/zh/quasi-alliances.zh.txt (source: Corpus/en/quasi-alliances.en.md)", args.termbridge,
                 "Corpus/zh/quasi-alliances.zh.txt", "Corpus/en/quasi-alliances.en.md",
                 read_reference("Corpus/quasi-alliances.reference-terms.tsv"), jieba)
    for seed in sorted(glob.glob(os.path.join(ROOT, "..", "shared", "seed", "*.txt"))):
        text = open(seed, encoding="utf-8").read()
        reference = glossary_reference("Glossary/quasi-alliance.tsv", text)
        recall_table(f"seed {os.path.basename(seed)} (no source; reference: Glossary/quasi-alliance.tsv terms in it)",
                     args.termbridge, seed, None, reference, jieba)
    if not args.no_speed:
        speed(args.termbridge, args.speed_mb)


if __name__ == "__main__":
    main()
